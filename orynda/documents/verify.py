"""Is this file a document the register issued, byte for byte? (The scheme is described in orynda.documents.seal.)"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from domain.signature import BadSignature, signed_by
from orynda.documents.numbering import ACT_NUMBER, DocumentRegister
from orynda.documents.seal import Seal, file_sha256, read_seal
from orynda.schema import DocumentRecord, SignatureRecord


@dataclass(frozen=True)
class Verdict:
    ok: bool
    reason: str
    record: DocumentRecord | None = None
    signature: SignatureRecord | None = None  # the filer's ЭЦП the register recorded; None while unfiled
    signature_ok: bool = False  # its file is there and verifies over this document's bytes


def verify(path: Path, register: DocumentRegister) -> Verdict:
    """Authentic and unchanged: the file's number is in the register and its bytes have the registered SHA-256."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        return Verdict(False, f"cannot read the file: {exc.strerror or exc}")
    fmt = "pdf" if data.startswith(b"%PDF-") else "docx" if data.startswith(b"PK") else None
    if fmt is None:
        return Verdict(False, "neither a PDF nor a DOCX")
    digest, seal = file_sha256(data), read_seal(data)
    if seal and register.numbers_of_another_office(seal.number) and register.by_file_sha256(digest) is None:
        return Verdict(False, f"number {seal.number} is another office's: not in this register")
    record = _version(register, seal, digest) if seal else register.by_file_sha256(digest)
    if record is None:
        return Verdict(
            False,
            f"number {seal.number} is not in this register"
            if seal
            else "no document number can be read from it and its SHA-256 is not in the register",
        )
    verdict = _compare(fmt, digest, seal, record)
    return _with_signature(verdict, data, register) if verdict.ok and fmt == "pdf" else verdict


def _with_signature(verdict: Verdict, data: bytes, register: DocumentRegister) -> Verdict:
    """An authentic PDF with the ЭЦП it was filed with, and whether that signature verifies over its bytes."""
    assert verdict.record is not None
    signature = register.signature(verdict.record.number)
    if signature is None:
        return verdict
    try:
        signed_by(data, Path(signature.path).read_bytes())
        ok = True
    except (OSError, BadSignature):
        ok = False
    return replace(verdict, signature=signature, signature_ok=ok)


def _version(register: DocumentRegister, seal: Seal, digest: str) -> DocumentRecord | None:
    """The version a seal names: by its key (older documents), else the act's version with the seal's content hash
    (then with the file's bytes). A number this register gave to another content is not this document's: a file
    edited after sealing keeps its seal's content hash, so it is found, and shown to be changed."""
    if not ACT_NUMBER.fullmatch(seal.number):
        found = register.get(seal.number)
        return found if found is None or found.content_sha256 in (seal.content_sha256, None) else None
    versions = register.versions(seal.number)
    return next((r for r in versions if r.content_sha256 == seal.content_sha256), None) or next(
        (r for r in versions if digest in (r.pdf_sha256, r.docx_sha256)), None
    )


def _compare(fmt: str, digest: str, seal: Seal | None, record: DocumentRecord) -> Verdict:
    expected = record.pdf_sha256 if fmt == "pdf" else record.docx_sha256
    if expected is None:
        return Verdict(False, f"{record.number} is numbered but was never sealed", record)
    if digest != expected:
        return Verdict(
            False,
            f"changed: its SHA-256 is {digest}, the register holds {expected} for the {fmt.upper()} of {record.number}",
            record,
        )
    if seal is not None and seal.content_sha256 != record.content_sha256:
        return Verdict(False, f"its seal's content hash differs from the register's for {record.number}", record)
    return Verdict(True, f"authentic and unchanged: {record.number}", record)

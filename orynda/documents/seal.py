"""The seal on each document, and the scheme that makes `runner.py verify` sound.

A file cannot carry the hash of its own bytes, so the seal has two parts:

* the QR code — the verify page's address, so a phone opens the check — (and the file's metadata: Subject =
  number, Keywords = content hash) carries the act's number — the
  one both language versions print — with the version's language, and the SHA-256 of its *content*: the canonical
  JSON of every field it shows, with its kind and language. It identifies the version as issued; a paper copy's QR
  can be checked against the register's content hash. Documents sealed before acts were numbered once carry their
  version's number instead (ORY-2026-000123-KK), and are read as before.
* the register (orynda.schema.DocumentRecord) keeps, per number, the content hash and the SHA-256 of the final DOCX
  and PDF bytes, written once when the document is sealed.

Verification reads the number from the file, finds it in the register and compares the SHA-256 of the file's bytes
with the registered one: a number not in the register, or any changed byte, fails. A file whose number cannot be
read is looked up by its bytes' SHA-256 alone. Authentic therefore means "issued and registered by this Orynda's
register"; the register is the trust anchor (it is not a digital signature: whoever can write the register can
forge it — an ЭЦП signature of the PDF would be the next step).
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import parse_qs, urlencode, urlsplit
from xml.etree import ElementTree

import segno

QR_PREFIX = "ORYNDA"
NUMBER = re.compile(r"ORY-(?:[A-Z][A-Z0-9]{0,11}-)?\d{4}-\d{6}(?:-(?:KK|RU))?")  # an act's number, or a version's
HEX64 = re.compile(r"[0-9a-f]{64}")
_CORE = "docProps/core.xml"
_NS = {
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "dc": "http://purl.org/dc/elements/1.1/",
}


@dataclass(frozen=True)
class Seal:
    number: str  # the act's number, printed on each of its language versions
    content_sha256: str
    language: str = ""  # kk | ru; empty when read from a file's metadata, which has only the number and the hash


def content_sha256(kind: str, language: str, fields: Mapping[str, object]) -> str:
    """SHA-256 of the canonical content: kind, language and every field, as sorted compact JSON (UTF-8)."""
    canonical = json.dumps(
        {"kind": kind, "language": language, "fields": dict(fields)},
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def file_sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def qr_payload(seal: Seal, verify_url: str = "") -> str:
    """What the QR code says: the verify page's address with the number, language and content hash, which a phone
    opens as it is (<verify_url>?number=…&lang=…&sha256=…); without an address, ORYNDA|<number>|<lang>|sha256=…"""
    if verify_url:
        query = {"number": seal.number, **({"lang": seal.language} if seal.language else {})}
        return f"{verify_url}?{urlencode({**query, 'sha256': seal.content_sha256})}"
    language = f"{seal.language}|" if seal.language else ""
    return f"{QR_PREFIX}|{seal.number}|{language}sha256={seal.content_sha256}"


def parse_qr(payload: str) -> Seal | None:
    """A QR code's seal: the verify address, or the older ORYNDA|… codes (three parts: no language)."""
    if payload.strip().lower().startswith(("http://", "https://")):
        query = parse_qs(urlsplit(payload.strip()).query)
        first = {key: values[0] for key, values in query.items() if values}
        language = first.get("lang", "")
        seal = _seal(first.get("number", ""), first.get("sha256", ""))
        return Seal(seal.number, seal.content_sha256, language) if seal and language in ("", "kk", "ru") else None
    parts = payload.strip().split("|")
    if len(parts) not in (3, 4) or parts[0] != QR_PREFIX or not parts[-1].startswith("sha256="):
        return None
    language = parts[2] if len(parts) == 4 else ""
    if language not in ("", "kk", "ru"):
        return None
    seal = _seal(parts[1], parts[-1].removeprefix("sha256="))
    return Seal(seal.number, seal.content_sha256, language) if seal else None


def qr_png(seal: Seal, verify_url: str = "") -> bytes:
    """The QR code as a PNG (error correction M, enough quiet zone to scan from paper)."""
    out = io.BytesIO()
    segno.make(qr_payload(seal, verify_url), error="m").save(out, kind="png", scale=6, border=2)
    return out.getvalue()


def read_seal(data: bytes) -> Seal | None:
    """The number and content hash a DOCX or PDF carries in its metadata; None if unreadable."""
    try:
        if data.startswith(b"%PDF-"):
            return _pdf_seal(data)
        if data.startswith(b"PK"):
            return _docx_seal(data)
    except Exception:  # a damaged file has no readable seal; verification then goes by its bytes alone
        return None
    return None


def _docx_seal(data: bytes) -> Seal | None:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        root = ElementTree.fromstring(archive.read(_CORE))
    subject, keywords = root.findtext("dc:subject", "", _NS), root.findtext("cp:keywords", "", _NS)
    return _seal(subject, keywords)


def _pdf_seal(data: bytes) -> Seal | None:
    from pypdf import PdfReader  # loaded only to read a PDF

    info = PdfReader(io.BytesIO(data), strict=False).metadata
    if info is None:
        return None
    return _seal(str(info.get("/Subject", "")), str(info.get("/Keywords", "")))


def _seal(number: str, digest: str) -> Seal | None:
    number, digest = number.strip(), digest.strip()
    if not NUMBER.fullmatch(number) or not HEX64.fullmatch(digest):
        return None
    return Seal(number, digest)

"""The bailiff's ЭЦП on an act: a detached CMS signature of its PDF, made only when the act is filed.

An act is signed by the bailiff who files it, at filing (the robot's own acts) or after a person approved it (acts
the policy sends to review): never while it waits. The signature goes beside the PDF as `<number>.pdf.cms` and into
the register's `signatures` table, so a rerun files the same signature and never signs twice.

Signing is behind the `ActSigner` seam: `KeyFileActSigner` signs with a PKCS#12 key file (as the National
Certification Centre issues them) from the secrets, ORYNDA_SIGNING_KEY_FILE and ORYNDA_SIGNING_KEY_PASSWORD; an
NCALayer signer (its createCAdESFromBase64, detached) implements the same two members.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs7, pkcs12
from cryptography.x509.oid import NameOID
from pydantic import SecretStr

from domain.signature import BadSignature, Signer, signed_by
from orynda import clock
from orynda.documents.numbering import DocumentRegister
from orynda.documents.seal import file_sha256
from orynda.errors import ConfigError
from orynda.schema import DocumentRecord, SignatureRecord
from orynda.secrets import secret, secrets_file

KEY_FILE, KEY_PASSWORD = "ORYNDA_SIGNING_KEY_FILE", "ORYNDA_SIGNING_KEY_PASSWORD"


class ActSigner(Protocol):
    @property
    def holder(self) -> str:
        """The name the key's certificate gives its holder, as AIS EP names the bailiff."""

    def sign(self, data: bytes) -> bytes:
        """A detached CMS signature of the bytes (SHA-256, with the signing time and the certificate)."""


@dataclass(frozen=True)
class KeyFileActSigner:
    """Signs with the private key of a PKCS#12 file opened with its password."""

    key_path: Path
    password: SecretStr

    @classmethod
    def from_secrets(cls) -> KeyFileActSigner:
        path, password = secret(KEY_FILE), secret(KEY_PASSWORD)
        if not path or not password:
            raise ConfigError(
                f"no signing key for acts: set {KEY_FILE} and {KEY_PASSWORD} in the environment or in {secrets_file()}"
            )
        return cls(Path(path), SecretStr(password))

    @property
    def holder(self) -> str:
        found = self._opened()[1].subject.get_attributes_for_oid(NameOID.COMMON_NAME)
        return str(found[0].value) if found else ""

    def sign(self, data: bytes) -> bytes:
        key, cert = self._opened()
        return (
            pkcs7.PKCS7SignatureBuilder()
            .set_data(data)
            .add_signer(cert, key, hashes.SHA256())
            .sign(serialization.Encoding.DER, [pkcs7.PKCS7Options.DetachedSignature, pkcs7.PKCS7Options.Binary])
        )

    def _opened(self) -> tuple[ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey, x509.Certificate]:
        try:
            key, cert, _ = pkcs12.load_key_and_certificates(
                self.key_path.read_bytes(), self.password.get_secret_value().encode()
            )
        except FileNotFoundError:
            raise ConfigError(f"the signing key file {self.key_path} ({KEY_FILE}) does not exist") from None
        except ValueError:
            raise ConfigError(
                f"the signing key file {self.key_path} does not open with {KEY_PASSWORD}: wrong password or not PKCS#12"
            ) from None
        if cert is None or not isinstance(key, ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey):
            raise ConfigError(f"the signing key file {self.key_path} holds no RSA or EC key with its certificate")
        return key, cert


def act_signer() -> ActSigner:
    """The office's signer: the key file of the secrets (an NCALayer signer would be chosen here)."""
    return KeyFileActSigner.from_secrets()


@dataclass(frozen=True)
class Signature:
    path: Path
    signer: Signer


def signature_path(pdf: Path) -> Path:
    return pdf.with_name(pdf.name + ".cms")


def sign_file(signer: ActSigner, pdf: Path) -> Signature:
    """The PDF's signature beside it: the one already there when it verifies over these bytes (a rerun signs
    nothing again), else a new one."""
    data, path = pdf.read_bytes(), signature_path(pdf)
    if path.exists():
        try:
            return Signature(path, signed_by(data, path.read_bytes()))
        except BadSignature:
            pass  # a signature cut off by a crash, or over another file: sign again
    cms = signer.sign(data)
    part = path.with_name(path.name + ".part")
    part.write_bytes(cms)
    part.replace(path)
    return Signature(path, signed_by(data, cms))


def sign_document(register: DocumentRegister, signer: ActSigner, record: DocumentRecord) -> SignatureRecord:
    """A sealed document signed once: the signature the register holds when its file is still there, else a new
    one (made beside the PDF) recorded."""
    assert record.pdf_path is not None, "only a sealed document is signed"
    known = register.signature(record.number)
    if known is not None and Path(known.path).exists():
        return known
    made = sign_file(signer, Path(record.pdf_path))
    return register.record_signature(
        record.number,
        SignatureRecord(
            number=record.number,
            path=str(made.path),
            sha256=file_sha256(made.path.read_bytes()),
            signer=made.signer.name,
            issuer=made.signer.issuer,
            serial=made.signer.serial,
            signed_at=made.signer.signed_at or clock.now(),
        ),
    )


def same_person(a: str, b: str) -> bool:
    """Whether two spellings of a name are one person's: case and spacing aside."""
    return " ".join(a.casefold().split()) == " ".join(b.casefold().split())

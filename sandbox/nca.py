"""The sandbox's certification centre (a stand-in for НУЦ РК): the signing keys bailiffs sign their acts with.

A real bailiff holds a PKCS#12 file from the National Certification Centre (RSA or GOST) and signs an act through
NCALayer, which returns a detached CMS signature. The sandbox issues the same kind of file: an ECDSA P-256 key and an
X.509 certificate naming the bailiff (CN = full name, O = the office), issued by the sandbox's own root. Keys are
derived from the key's name, so a restarted sandbox issues the same keys and still trusts yesterday's signatures.

    p12 = signing_key("bailiff1", "Әсем Нұрланқызы Жақсыбекова")   # bytes of a .p12 sealed with SIGNING_PASSWORDS
    check(data, cms) -> the signer's name, or raises BadSignature    # what AIS EP runs on an upload
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import hmac

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

from domain.signature import BadSignature, signed_by

__all__ = ["BadSignature", "check", "signing_key", "root_certificate"]

_AUTHORITY = b"orynda-sandbox-nca"
_VALID = (dt.datetime(2025, 1, 1, tzinfo=dt.UTC), dt.datetime(2030, 1, 1, tzinfo=dt.UTC))
ROOT_NAME = "Sandbox ҰКО (НУЦ РК stand-in)"
SIGNING_PASSWORDS = {"bailiff1": "sign-pass-1", "bailiff2": "sign-pass-2", "bailiff3": "sign-pass-3"}


def _private_key(name: str) -> ec.EllipticCurvePrivateKey:
    seed = int.from_bytes(hmac.new(_AUTHORITY, name.encode(), hashlib.sha256).digest(), "big")
    order = 0xFFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551  # P-256's group order
    return ec.derive_private_key(seed % (order - 1) + 1, ec.SECP256R1())


def _serial(name: str) -> int:
    return int.from_bytes(hashlib.sha256(_AUTHORITY + name.encode()).digest()[:16], "big") >> 1


@functools.cache
def root_certificate() -> x509.Certificate:
    key = _private_key("root")
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, ROOT_NAME)])
    return (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(_serial("root"))
        .not_valid_before(_VALID[0])
        .not_valid_after(_VALID[1])
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .sign(key, hashes.SHA256())
    )


@functools.cache
def certificate(key_name: str, holder: str, office: str = "Сот орындаушысы") -> x509.Certificate:
    subject = x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, holder),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, office),
            x509.NameAttribute(NameOID.COUNTRY_NAME, "KZ"),
        ]
    )
    return (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(root_certificate().subject)
        .public_key(_private_key(key_name).public_key())
        .serial_number(_serial(key_name))
        .not_valid_before(_VALID[0])
        .not_valid_after(_VALID[1])
        .add_extension(x509.KeyUsage(True, True, False, False, False, False, False, False, False), critical=True)
        .sign(_private_key("root"), hashes.SHA256())
    )


def signing_key(key_name: str, holder: str) -> bytes:
    """The .p12 file of a bailiff's signing key, sealed with its password from SIGNING_PASSWORDS."""
    password = SIGNING_PASSWORDS[key_name].encode()
    return pkcs12.serialize_key_and_certificates(
        key_name.encode(),
        _private_key(key_name),
        certificate(key_name, holder),
        [root_certificate()],
        serialization.BestAvailableEncryption(password),
    )


def check(data: bytes, signature: bytes) -> str:
    """The signer's name when `signature` is a detached CMS over `data` by a key of this centre; BadSignature
    otherwise (what AIS EP runs on an upload)."""
    return signed_by(data, signature, trusted=root_certificate()).name

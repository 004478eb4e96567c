"""What a detached CMS signature (the form NCALayer returns for a signed act) proves: that these bytes were signed
by the holder of this certificate, issued by this authority. Pure: bytes in, the signer out.

    signer = signed_by(pdf_bytes, cms_bytes, trusted=root_cert)   # raises BadSignature
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

from asn1crypto import cms
from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.x509.oid import NameOID


class BadSignature(ValueError):
    """The signature does not verify over the file, or its certificate is not from the trusted authority."""


@dataclass(frozen=True)
class Signer:
    name: str  # the certificate's CN: the bailiff's full name
    issuer: str  # the authority's CN
    serial: str  # the certificate's serial number, hex
    signed_at: dt.datetime | None  # the signing time the signature carries, if any


def signed_by(data: bytes, signature: bytes, trusted: x509.Certificate | None = None) -> Signer:
    """The signer of `data`, when `signature` is a detached CMS over it (SHA-256) and, if `trusted` is given, its
    certificate was issued by that authority; BadSignature otherwise."""
    try:
        signed = cms.ContentInfo.load(signature)["content"]
        info = signed["signer_infos"][0]
        cert = x509.load_der_x509_certificate(signed["certificates"][0].chosen.dump())
        attrs = {a["type"].native: a["values"][0].native for a in info["signed_attrs"]}
        digest, signed_attrs, value = attrs["message_digest"], info["signed_attrs"].untag().dump(), info["signature"]
    except (ValueError, KeyError, IndexError, TypeError) as exc:
        raise BadSignature(f"not a detached CMS signature ({type(exc).__name__})") from None
    if digest != hashlib.sha256(data).digest():
        raise BadSignature("the signature is over another file")
    try:
        _verify(cert.public_key(), value.native, signed_attrs)  # signed as a SET, not as the [0] it is kept under
        if trusted is not None:
            if cert.issuer != trusted.subject:
                raise InvalidSignature
            _verify(trusted.public_key(), cert.signature, cert.tbs_certificate_bytes)
    except InvalidSignature:
        raise BadSignature("the signature or its certificate does not verify") from None
    return Signer(
        name=_cn(cert.subject),
        issuer=_cn(cert.issuer),
        serial=format(cert.serial_number, "x"),
        signed_at=attrs.get("signing_time"),
    )


def _verify(key: object, value: bytes, data: bytes) -> None:
    if isinstance(key, ec.EllipticCurvePublicKey):
        key.verify(value, data, ec.ECDSA(hashes.SHA256()))
    elif isinstance(key, rsa.RSAPublicKey):
        key.verify(value, data, padding.PKCS1v15(), hashes.SHA256())
    else:
        raise InvalidSignature


def _cn(name: x509.Name) -> str:
    found = name.get_attributes_for_oid(NameOID.COMMON_NAME)
    return str(found[0].value) if found else name.rfc4514_string()

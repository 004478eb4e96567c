"""Test signing keys of the sandbox: a stand-in for the EDS (ЭЦП) key files that eGov and E-Salyq ask for.

A key file is JSON (`orynda-sandbox-key/1`) whose secret is sealed with its password: PBKDF2-SHA256 derives a
key stream and a check value from the password, the secret is XOR-ed with the stream. Signing a challenge is
HMAC-SHA256(secret, challenge) in hex — the one step a real NCALayer signer would replace.

    blob = issue_key("bailiff1")                       # bytes of bailiff1.key
    key = open_key(blob, TEST_KEYS["bailiff1"])         # raises WrongPassword / BadKeyFile
    signature = sign(key.secret, challenge)
    verify("bailiff1", challenge, signature)            # what the sites check

Only the names in TEST_KEYS are issued; "revoked" is issued but every site refuses it.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import dataclass

FORMAT = "orynda-sandbox-key/1"
ITERATIONS = 20_000
_AUTHORITY = b"orynda-sandbox-certificate-authority"  # the sandbox's own 'CA': derives every key's secret

TEST_KEYS = {  # key name -> password of its file
    "bailiff1": "key-pass-1",
    "bailiff2": "key-pass-2",
    "bailiff3": "key-pass-3",
    "revoked": "key-pass-0",
}
REVOKED = frozenset({"revoked"})
SUBJECTS = {
    "bailiff1": "ЧСИ Sandbox Bailiff One",
    "bailiff2": "ЧСИ Sandbox Bailiff Two",
    "bailiff3": "ЧСИ Sandbox Bailiff Three",
    "revoked": "ЧСИ Revoked Certificate",
}


class BadKeyFile(ValueError):
    """The file is not a sandbox key file."""


class WrongPassword(ValueError):
    """The password does not open this key file."""


@dataclass(frozen=True)
class Key:
    key_id: str
    subject: str
    secret: bytes


def secret_of(name: str) -> bytes:
    """The secret the sandbox holds for a key name (its 'certificate registry')."""
    return hmac.new(_AUTHORITY, name.encode(), hashlib.sha256).digest()


def issue_key(name: str) -> bytes:
    """The key file of a test key, sealed with its password from TEST_KEYS; KeyError for other names."""
    password = TEST_KEYS[name]
    salt = hashlib.sha256(b"salt:" + name.encode()).digest()[:16]
    stream, check = _derive(password, salt)
    sealed = bytes(a ^ b for a, b in zip(secret_of(name), stream))
    body = {
        "format": FORMAT,
        "key_id": name,
        "subject": SUBJECTS[name],
        "kdf": {"name": "pbkdf2-sha256", "iterations": ITERATIONS, "salt": salt.hex()},
        "sealed_secret": sealed.hex(),
        "check": check.hex(),
    }
    return json.dumps(body, ensure_ascii=False, indent=2).encode()


def open_key(blob: bytes, password: str) -> Key:
    """The key inside a key file; BadKeyFile or WrongPassword when it cannot be opened."""
    try:
        body = json.loads(blob.decode())
        salt = bytes.fromhex(body["kdf"]["salt"])
        sealed, check = bytes.fromhex(body["sealed_secret"]), bytes.fromhex(body["check"])
        key_id, subject = str(body["key_id"]), str(body["subject"])
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise BadKeyFile("not a sandbox key file") from exc
    if body.get("format") != FORMAT:
        raise BadKeyFile(f"unknown key format {body.get('format')!r}")
    stream, expected = _derive(password, salt)
    if not hmac.compare_digest(check, expected):
        raise WrongPassword("the password does not open this key")
    return Key(key_id, subject, bytes(a ^ b for a, b in zip(sealed, stream)))


def sign(secret: bytes, challenge: str) -> str:
    """The signature of a challenge: HMAC-SHA256 in lowercase hex."""
    return hmac.new(secret, challenge.encode(), hashlib.sha256).hexdigest()


def verify(key_id: str, challenge: str, signature: str) -> bool:
    """True when the signature was made with the issued key of this id (revocation is checked separately)."""
    if key_id not in TEST_KEYS:
        return False
    return hmac.compare_digest(sign(secret_of(key_id), challenge), signature.strip().lower())


def _derive(password: str, salt: bytes) -> tuple[bytes, bytes]:
    material = hashlib.pbkdf2_hmac("sha256", password.encode(), salt, ITERATIONS, dklen=64)
    return material[:32], material[32:]

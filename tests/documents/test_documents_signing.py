"""The filer's ЭЦП on an act: a detached CMS over its PDF, made once, verified by anyone holding the file."""

from __future__ import annotations

from pathlib import Path

import pytest
from cryptography import x509
from pydantic import SecretStr

from domain.signature import BadSignature, signed_by
from orynda.documents import verify
from orynda.documents.signing import KeyFileActSigner, same_person, sign_document, sign_file
from orynda.errors import ConfigError
from sandbox import nca
from tests.documents.conftest import Issued

HOLDER = "Әсем Нұрланқызы Жақсыбекова"


def signer_for(
    tmp_path: Path, key_name: str = "bailiff1", holder: str = HOLDER, password: str = ""
) -> KeyFileActSigner:
    key = tmp_path / f"{key_name}.p12"
    key.write_bytes(nca.signing_key(key_name, holder))
    return KeyFileActSigner(key, SecretStr(password or nca.SIGNING_PASSWORDS[key_name]))


def test_a_signature_names_its_holder_and_verifies_only_over_its_file(tmp_path: Path) -> None:
    pdf = tmp_path / "act.pdf"
    pdf.write_bytes(b"%PDF-1.7\n% act\n%%EOF\n")
    made = sign_file(signer_for(tmp_path), pdf)
    assert made.path == tmp_path / "act.pdf.cms" and made.signer.name == HOLDER
    assert signed_by(pdf.read_bytes(), made.path.read_bytes(), trusted=nca.root_certificate()).name == HOLDER
    assert nca.check(pdf.read_bytes(), made.path.read_bytes()) == HOLDER
    with pytest.raises(BadSignature, match="another file"):
        signed_by(pdf.read_bytes() + b" ", made.path.read_bytes())
    with pytest.raises(BadSignature, match="not a detached CMS"):
        signed_by(pdf.read_bytes(), b"not a signature")


def test_a_certificate_from_another_authority_is_not_trusted(tmp_path: Path) -> None:
    pdf = tmp_path / "act.pdf"
    pdf.write_bytes(b"%PDF-1.7\n% act\n%%EOF\n")
    made = sign_file(signer_for(tmp_path), pdf)
    stranger = nca.certificate("bailiff2", "Басқа куәлік орталығы")  # a holder's certificate, not the root's
    assert isinstance(stranger, x509.Certificate)
    with pytest.raises(BadSignature, match="does not verify"):
        signed_by(pdf.read_bytes(), made.path.read_bytes(), trusted=stranger)


def test_a_second_signing_of_the_same_file_keeps_the_first_signature(tmp_path: Path) -> None:
    pdf = tmp_path / "act.pdf"
    pdf.write_bytes(b"%PDF-1.7\n% act\n%%EOF\n")
    signer = signer_for(tmp_path)
    first = sign_file(signer, pdf).path.read_bytes()
    assert sign_file(signer, pdf).path.read_bytes() == first  # ECDSA signs differently each time: kept, not remade
    pdf.write_bytes(b"%PDF-1.7\n% another act\n%%EOF\n")  # the old signature does not fit the new bytes
    assert sign_file(signer, pdf).path.read_bytes() != first


@pytest.mark.parametrize(
    ("password", "path", "match"),
    [
        ("wrong", None, "does not open with ORYNDA_SIGNING_KEY_PASSWORD"),
        ("", "missing.p12", "ORYNDA_SIGNING_KEY_FILE.*does not exist"),
    ],
)
def test_a_key_that_does_not_open_is_named_with_its_setting(
    tmp_path: Path, password: str, path: str | None, match: str
) -> None:
    signer = signer_for(tmp_path, password=password)
    if path:
        signer = KeyFileActSigner(tmp_path / path, signer.password)
    with pytest.raises(ConfigError, match=match):
        signer.sign(b"data")


def test_no_key_in_the_secrets_names_both_settings(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("ORYNDA_SIGNING_KEY_FILE", raising=False)
    monkeypatch.setenv("ORYNDA_SECRETS_FILE", str(tmp_path / "none.env"))
    with pytest.raises(ConfigError, match="ORYNDA_SIGNING_KEY_FILE and ORYNDA_SIGNING_KEY_PASSWORD"):
        KeyFileActSigner.from_secrets()


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [(HOLDER, "әсем  нұрланқызы жақсыбекова", True), (HOLDER, "Әсем Нұрланқызы Жақсыбек", False)],
)
def test_a_name_is_the_same_person_whatever_its_case_and_spacing(a: str, b: str, same: bool) -> None:
    assert same_person(a, b) is same


def test_a_signed_act_verifies_with_its_signer_and_an_unsigned_one_says_it_is_unsigned(
    issued: Issued, tmp_path: Path
) -> None:
    unsigned, signed = (r for r in issued.act("exit_ban_lift").documents)
    record = sign_document(issued.register, signer_for(tmp_path), signed)
    again = sign_document(issued.register, signer_for(tmp_path), signed)
    assert (again.sha256, again.signed_at) == (record.sha256, record.signed_at)  # recorded once, kept
    assert (record.signer, record.issuer) == (HOLDER, nca.ROOT_NAME)

    told = verify(Path(str(signed.pdf_path)), issued.register)
    assert told.ok and told.signature_ok and told.signature is not None and told.signature.signer == HOLDER
    quiet = verify(Path(str(unsigned.pdf_path)), issued.register)
    assert quiet.ok and quiet.signature is None

    Path(record.path).write_bytes(b"broken")  # the signature file damaged after filing
    damaged = verify(Path(str(signed.pdf_path)), issued.register)
    assert damaged.ok and damaged.signature is not None and not damaged.signature_ok

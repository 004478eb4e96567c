"""Masking of secrets and other people's IINs in evidence files and traces."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from orynda import evidence
from orynda.redaction import SECRET_MASK, encodings, redact_bytes, redact_file, redact_zip, secret_patterns
from orynda.secrets import secret_values

OWN, OTHER = "900101300126", "850615400125"  # valid IINs: a date, century digit and check digit
SECRET = 'p@ss w0rd&"x"'


def test_the_test_iins_are_valid() -> None:
    from domain.iin import is_valid_iin

    assert is_valid_iin(OWN) and is_valid_iin(OTHER) and not is_valid_iin("123456789012")


def test_a_secret_is_masked_as_typed_url_encoded_and_json_or_html_escaped() -> None:
    body = (
        f"raw={SECRET}; form=password=p%40ss+w0rd%26%22x%22; url=p%40ss%20w0rd%26%22x%22; "
        f"json={json.dumps({'password': SECRET})}; html=p@ss w0rd&amp;&quot;x&quot;"
    ).encode()
    clean, found = redact_bytes(body, secret_patterns([SECRET]), own_iins=())
    assert found.secrets == 5 and clean.count(SECRET_MASK) == 5
    assert not any(form in clean for form in encodings(SECRET))
    assert b"p@ss" not in clean and b"p%40ss" not in clean


def test_a_secret_json_escaped_twice_is_masked() -> None:
    event = json.dumps({"params": {"postData": json.dumps({"password": SECRET})}}).encode()
    clean, found = redact_bytes(event, secret_patterns([SECRET]), own_iins=())
    assert found.secrets == 1 and b"w0rd" not in clean


def test_other_iins_are_masked_the_own_one_kept_and_other_numbers_left_alone() -> None:
    text = (
        f"/api/realty?iin={OWN} owner {OTHER}, iin%3D{OTHER}; BIN 050140000120; 1733112345678 wallTime;"
        f" resource 9a{OTHER}ffee00112233445566778899aabbccdd.json; 123456789012"
    ).encode()
    clean, found = redact_bytes(text, [], own_iins={OWN})
    assert found.iins == 2 and found.secrets == 0
    assert OWN.encode() in clean and clean.count(b"8506******25") == 2
    assert f"9a{OTHER}ffee".encode() in clean  # inside a hash: a resource name, not a person
    assert b"050140000120" in clean and b"1733112345678" in clean and b"123456789012" in clean


def test_a_page_with_nothing_to_mask_is_left_untouched(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(f"<td>{OWN}</td>", encoding="utf-8")
    before = page.stat().st_mtime_ns
    assert not redact_file(page, secret_patterns([SECRET]), {OWN})
    assert page.stat().st_mtime_ns == before and page.read_text(encoding="utf-8") == f"<td>{OWN}</td>"


def test_a_trace_is_rewritten_entry_by_entry_and_binary_entries_with_a_hit_are_dropped(tmp_path: Path) -> None:
    trace = tmp_path / "trace.zip"
    with zipfile.ZipFile(trace, "w") as archive:
        archive.writestr("trace.network", f'{{"postData": "user=u&password={SECRET}", "iin": "{OTHER}"}}\n')
        archive.writestr("trace.trace", f'{{"url": "/search?iin={OWN}"}}\n')
        archive.writestr("resources/aa.png", b"\x89PNG\x00\x00" + OTHER.encode())
        archive.writestr("resources/bb.png", b"\x89PNG\x00\x00 nothing")
    found = redact_zip(trace, secret_patterns([SECRET]), {OWN})
    assert (found.secrets, found.iins, found.entries, found.dropped) == (1, 1, ["trace.network"], ["resources/aa.png"])
    with zipfile.ZipFile(trace) as archive:
        assert sorted(archive.namelist()) == ["resources/bb.png", "trace.network", "trace.trace"]
        network = archive.read("trace.network")
        assert b"w0rd" not in network and OTHER.encode() not in network and b"8506******25" in network
        assert archive.read("trace.trace") == f'{{"url": "/search?iin={OWN}"}}\n'.encode()


def test_secret_values_are_the_passwords_and_key_files_not_the_rest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    key = tmp_path / "bailiff.key"
    key.write_text('{"key": "sealed"}\n', encoding="utf-8")
    secrets = tmp_path / "secrets.env"
    secrets.write_text(
        f"ORYNDA_AISEP_USER=bailiff1\nORYNDA_AISEP_PASSWORD=aisep-pass\nORYNDA_EGOV_KEY_FILE={key}\n"
        "ORYNDA_EGOV_KEY_PASSWORD=key-pass\nORYNDA_X_PIN=12\n",
        encoding="utf-8",
    )
    for name in [k for k in __import__("os").environ if k.startswith("ORYNDA_")]:
        monkeypatch.delenv(name)
    monkeypatch.setenv("ORYNDA_SECRETS_FILE", str(secrets))
    monkeypatch.setenv("ORYNDA_ENPF_PASSWORD", "enpf-pass")
    assert sorted(secret_values()) == sorted(['{"key": "sealed"}', "aisep-pass", "enpf-pass", "key-pass"])


def test_evidence_says_what_it_masked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in [k for k in __import__("os").environ if k.startswith("ORYNDA_")]:
        monkeypatch.delenv(name)
    monkeypatch.setenv("ORYNDA_SECRETS_FILE", str(tmp_path / "none.env"))
    monkeypatch.setenv("ORYNDA_BANK_PASSWORD", SECRET)
    (tmp_path / "page.html").write_text(f"<input value='{SECRET}'> {OTHER} {OWN}", encoding="utf-8")
    found = evidence.redact(tmp_path, {OWN})
    assert set(found) == {"page.html"}
    report = json.loads((tmp_path / evidence.REPORT).read_text(encoding="utf-8"))
    assert report["page.html"]["secrets"] == 1 and report["page.html"]["other_iins"] == 1
    assert SECRET not in (tmp_path / "page.html").read_text(encoding="utf-8")

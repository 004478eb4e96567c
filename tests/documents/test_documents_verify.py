"""`runner.py verify FILE`: authentic and unchanged passes; one changed byte, a number not in the register or a file
that is no document fails — for the PDF and the DOCX alike."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pymupdf
import pytest
from docx import Document
from typer.testing import CliRunner

from app.cli import app
from domain.documents import default_office, document_fields
from orynda.database import make_engine
from orynda.documents import DocumentRegister, verify
from orynda.documents.numbering import Sealed, Subject
from orynda.documents.seal import Seal, content_sha256, file_sha256, parse_qr, qr_payload, qr_png, read_seal
from orynda.schema import DocumentRecord
from tests.documents.conftest import Issued
from tests.documents.examples import FILER
from tests.documents.test_documents_render import docx_text, pdf_text

RUN = CliRunner()
ON = dt.date(2025, 3, 3)
SUBJECT = Subject("opening", "900101300811", "Әбенов Нұрлан Серікұлы", "2501-000123", "run-0", 1)


def every_file(issued: Issued) -> list[tuple[DocumentRecord, Path]]:
    return [(r, Path(str(path))) for a in issued.acts for r in a.documents for path in (r.pdf_path, r.docx_path)]


def flipped(source: Path, at: int, into: Path) -> Path:
    """A copy of the file with one bit of one byte changed."""
    data = bytearray(source.read_bytes())
    data[at % len(data)] ^= 0x01
    copy = into / f"changed-{at}-{source.name}"
    copy.write_bytes(bytes(data))
    return copy


def test_every_issued_file_is_authentic_and_unchanged(issued: Issued) -> None:
    files = every_file(issued)
    assert len(files) >= 32
    for record, path in files:
        verdict = verify(path, issued.register)
        assert verdict.ok, (path.name, verdict.reason)
        assert verdict.record is not None and verdict.record.number == record.number


@pytest.mark.parametrize("suffix", [".pdf", ".docx"])
@pytest.mark.parametrize("where", ["first_after_header", "middle", "last", "in_the_number"])
def test_one_changed_byte_is_caught(issued: Issued, tmp_path: Path, suffix: str, where: str) -> None:
    record = issued.act("wage_levy").documents[1]
    source = Path(str(record.pdf_path if suffix == ".pdf" else record.docx_path))
    data = source.read_bytes()
    # in a PDF the number is the Subject, UTF-16 in hex: <FEFF004F0052…>; the 14th character is a serial digit
    subject = data.find(b"/Subject<FEFF")
    at = {
        "first_after_header": 8,
        "middle": len(data) // 2,
        "last": len(data) - 1,
        "in_the_number": subject + len(b"/Subject<FEFF") + 4 * 13 + 3,
    }[where]
    if where == "in_the_number" and suffix == ".docx":
        at = len(data) // 3  # the DOCX is a zip: its number is compressed; any byte will do
    elif where == "in_the_number":
        assert subject > 0 and data[at : at + 1].isdigit()
    changed = flipped(source, at, tmp_path)
    assert changed.read_bytes() != data and len(changed.read_bytes()) == len(data)
    verdict = verify(changed, issued.register)
    assert not verdict.ok
    assert any(word in verdict.reason for word in ("changed", "not in this register", "no document number")), (
        verdict.reason
    )
    assert verify(source, issued.register).ok  # the original still passes: the check is not vacuous


def test_a_renamed_copy_still_passes(issued: Issued, tmp_path: Path) -> None:
    record = issued.act("notice", "voluntary").documents[0]
    copy = tmp_path / "скан.pdf"
    shutil.copy(str(record.pdf_path), copy)
    assert verify(copy, issued.register).ok


def test_a_number_not_in_this_register_fails(issued: Issued, tmp_path: Path) -> None:
    other = DocumentRegister(make_engine(f"sqlite:///{tmp_path / 'other.db'}"))
    verdict = verify(Path(str(issued.act("opening").documents[0].pdf_path)), other)
    assert not verdict.ok and "ORY-2026-" in verdict.reason and "not in this register" in verdict.reason


def test_another_offices_document_is_not_in_this_register_rather_than_changed(issued: Issued, tmp_path: Path) -> None:
    """An office with its code (documents.office_prefix) never gives our numbers, and says so of ours."""
    other = DocumentRegister(make_engine(f"sqlite:///{tmp_path / 'other.db'}"), office="ALM01")
    [mine, _] = other.allocate("opening|case:1", SUBJECT, dt.date(2026, 11, 25))
    assert mine.act == "ORY-ALM01-2026-000001" and mine.number == "ORY-ALM01-2026-000001-KK"
    verdict = verify(Path(str(issued.act("opening").documents[0].pdf_path)), other)
    assert not verdict.ok and verdict.reason.endswith("is another office's: not in this register"), verdict.reason


def test_the_same_number_from_another_register_is_not_in_this_one(issued: Issued, tmp_path: Path) -> None:
    """Two registers without office codes gave the same number to different acts: not ours, not "changed"."""
    document = issued.act("opening").documents[0]
    other = DocumentRegister(make_engine(f"sqlite:///{tmp_path / 'other.db'}"))
    rows: list[DocumentRecord] = []
    while not rows or rows[0].act != document.act:
        rows = other.allocate(f"fact-{len(other.documents())}", SUBJECT, document.issued_on)
    other.seal(rows[0].number, Sealed(tmp_path / "a.docx", tmp_path / "a.pdf", "cd" * 32, "ef" * 32, "01" * 32))
    verdict = verify(Path(str(document.pdf_path)), other)
    assert not verdict.ok and verdict.reason == f"number {document.act} is not in this register", verdict.reason


def test_a_pdf_orynda_did_not_issue_fails(issued: Issued, tmp_path: Path) -> None:
    path = tmp_path / "letter.pdf"
    with pymupdf.open() as pdf:
        pdf.new_page().insert_text((72, 72), "ORY-2026-000001-KK")
        pdf.save(path)
    verdict = verify(path, issued.register)
    assert not verdict.ok and "no document number" in verdict.reason


def test_something_else_fails(issued: Issued, tmp_path: Path) -> None:
    path = tmp_path / "notes.pdf"
    path.write_text("not a pdf")
    assert verify(path, issued.register).reason == "neither a PDF nor a DOCX"


def test_the_seal_carries_number_and_content_hash(issued: Issued) -> None:
    act = issued.act("account_arrest")
    for record in act.documents:
        fields = document_fields(
            act.draft,
            issued.debtor_of(act),
            record.language,  # type: ignore[arg-type]
            number=record.number,
            act=record.act,
            on=record.issued_on,
            office=default_office(),
            bailiff=FILER,
        )
        seal = Seal(record.act, content_sha256(record.kind, record.language, fields), record.language)
        assert seal.content_sha256 == record.content_sha256  # the canonical content, recomputed
        for path in (record.pdf_path, record.docx_path):  # the metadata: the act's number and the content hash
            assert read_seal(Path(str(path)).read_bytes()) == Seal(record.act, seal.content_sha256)
        [shape] = Document(str(record.docx_path)).inline_shapes
        blob = shape._inline.graphic.graphicData.pic.blipFill.blip.embed  # the QR picture's relationship id
        image = Document(str(record.docx_path)).part.related_parts[blob].blob
        page = default_office().verify_url
        assert image == qr_png(seal, page)  # the picture is exactly the QR of the verify page, number, hash
        assert qr_payload(seal, page) == (
            f"http://127.0.0.1:8780/verify?number={record.act}&lang={record.language}&sha256={record.content_sha256}"
        )
        assert parse_qr(qr_payload(seal, page)) == seal
        assert parse_qr(qr_payload(seal)) == seal  # the codes of documents sealed before the address


@pytest.mark.parametrize(
    ("lang", "told", "command"),
    [
        ("kk", "QR-кодты сканерлеңіз немесе http://127.0.0.1:8780/verify бетін ашып", "runner.py"),
        ("ru", "отсканируйте QR-код или откройте страницу http://127.0.0.1:8780/verify и введите номер", "runner.py"),
    ],
)
def test_the_act_tells_a_citizen_where_to_check_it(issued: Issued, lang: str, told: str, command: str) -> None:
    for act in issued.acts:
        record = next(r for r in act.documents if r.language == lang)
        for text in (docx_text(record.docx_path), pdf_text(record.pdf_path)):
            assert told in text and f"№ {record.act}" in text, record.number
            assert command not in text and "verify FILE" not in text  # a place to go, not a command to run


def test_a_qr_code_of_an_older_document_is_read() -> None:
    digest = "ab" * 32
    assert parse_qr(f"ORYNDA|ORY-2025-000007-KK|sha256={digest}") == Seal("ORY-2025-000007-KK", digest)
    assert parse_qr(f"ORYNDA|ORY-2025-000007|en|sha256={digest}") is None


def test_each_version_of_one_act_verifies_as_itself(issued: Issued) -> None:
    act = issued.act("wage_levy")
    assert len({read_seal(Path(str(r.pdf_path)).read_bytes()).number for r in act.documents}) == 1  # type: ignore[union-attr]
    for record in act.documents:
        verdict = verify(Path(str(record.pdf_path)), issued.register)
        assert verdict.ok and verdict.record is not None and verdict.record.language == record.language


def test_a_document_sealed_with_its_versions_number_still_verifies(issued: Issued, tmp_path: Path) -> None:
    """Documents sealed before the act's number was printed on both versions carry ORY-…-KK: still readable."""
    register = DocumentRegister(make_engine(f"sqlite:///{tmp_path / 'old.db'}"))
    [kk, _ru] = register.allocate("an older fact", SUBJECT, ON)
    old = tmp_path / f"{kk.number}.docx"
    doc = Document(str(issued.act("opening").documents[0].docx_path))
    doc.core_properties.subject, doc.core_properties.keywords = kk.number, "cd" * 32
    doc.save(str(old))
    digest = file_sha256(old.read_bytes())
    register.seal(kk.number, Sealed(old, old, "cd" * 32, digest, digest))
    verdict = verify(old, register)
    assert verdict.ok and verdict.record is not None and verdict.record.number == kk.number
    assert register.get(kk.act) is not None and register.get(kk.act).number == kk.number  # type: ignore[union-attr]


@pytest.fixture
def home(issued: Issued, monkeypatch: pytest.MonkeyPatch) -> Path:
    for key in [k for k in __import__("os").environ if k.startswith("ORYNDA_")]:
        monkeypatch.delenv(key)
    url = str(issued.register.engine.url)
    return Path(url.removeprefix("sqlite:///")).parent


@pytest.mark.parametrize(
    ("lang", "said", "record"),
    [
        ("kk", "ТҮПНҰСҚА, ӨЗГЕРМЕГЕН — ORY-2026-", ", Қазақша, берілген күні "),
        ("ru", "ПОДЛИННЫЙ, НЕ ИЗМЕНЁН — ORY-2026-", ", Қазақша, выдан "),
    ],
)
def test_cli_says_authentic(
    issued: Issued, home: Path, monkeypatch: pytest.MonkeyPatch, lang: str, said: str, record: str
) -> None:
    monkeypatch.setenv("ORYNDA_LANGUAGE", lang)
    document = issued.act("exit_ban").documents[0]
    result = RUN.invoke(app, ["verify", str(document.pdf_path), "--home", str(home)], env={"COLUMNS": "300"})
    assert result.exit_code == 0, result.output
    assert said in result.output and record in result.output
    assert f"{document.issued_on:%d.%m.%Y}, " in result.output and document.proceeding in result.output
    assert "exit_ban" not in result.output  # the act's title, not its identifier


@pytest.mark.parametrize("suffix", [".pdf", ".docx"])
@pytest.mark.parametrize(
    ("lang", "said", "reason"),
    [
        ("kk", "РАСТАЛМАДЫ — файл өзгертілген: оның SHA-256 хэші ", "құжатының {format} файлы үшін"),
        ("ru", "НЕ ПОДТВЕРЖДЁН — файл изменён: его хэш SHA-256 — ", "а в реестре для {format} документа ORY-2026-"),
    ],
)
def test_cli_names_the_file_and_what_failed(
    issued: Issued,
    home: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    suffix: str,
    lang: str,
    said: str,
    reason: str,
) -> None:
    monkeypatch.setenv("ORYNDA_LANGUAGE", lang)
    record = issued.act("registry_request").documents[1]
    source = Path(str(record.pdf_path if suffix == ".pdf" else record.docx_path))
    changed = flipped(source, len(source.read_bytes()) // 2, tmp_path)
    result = RUN.invoke(app, ["verify", str(changed), "--home", str(home)], env={"COLUMNS": "300"})
    assert result.exit_code == 1
    assert changed.name in result.output and said in result.output
    assert reason.format(format=suffix[1:].upper()) in result.output


def test_cli_names_a_number_not_in_the_register(tmp_path: Path, home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ORYNDA_LANGUAGE", "ru")
    path = tmp_path / "letter.pdf"
    with pymupdf.open() as pdf:
        pdf.new_page().insert_text((72, 72), "ORY-2026-000001-KK")
        pdf.save(path)
    result = RUN.invoke(app, ["verify", str(path), "--home", str(home)], env={"COLUMNS": "300"})
    assert result.exit_code == 1
    assert "НЕ ПОДТВЕРЖДЁН — номер документа из файла не читается, и его хэша SHA-256 в реестре нет" in result.output


@pytest.mark.parametrize(
    ("lang", "missing", "no_register"),
    [
        ("kk", "none.pdf: мұндай файл жоқ", "a.pdf: ТЕКСЕРІЛМЕДІ — құжаттар тізілімі жоқ"),
        ("ru", "none.pdf: такого файла нет", "a.pdf: НЕ ПРОВЕРЕН — нет реестра документов"),
    ],
)
def test_cli_without_a_register_or_file(
    tmp_path: Path, home: Path, monkeypatch: pytest.MonkeyPatch, lang: str, missing: str, no_register: str
) -> None:
    monkeypatch.setenv("ORYNDA_LANGUAGE", lang)
    absent = RUN.invoke(app, ["verify", str(tmp_path / "none.pdf"), "--home", str(home)], env={"COLUMNS": "300"})
    assert absent.exit_code == 2 and missing in absent.output
    (tmp_path / "a.pdf").write_bytes(b"%PDF-1.4")
    nowhere = str(tmp_path / "nowhere")
    empty = RUN.invoke(app, ["verify", str(tmp_path / "a.pdf"), "--home", nowhere], env={"COLUMNS": "300"})
    assert empty.exit_code == 2 and no_register in empty.output

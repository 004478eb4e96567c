"""The resident LibreOffice renders the PDFs, starts again when it died, and can be turned off."""

from __future__ import annotations

import shutil
from pathlib import Path

import pymupdf
import pytest

from orynda.documents.office import OFFICE, ResidentOffice
from orynda.documents.render import TEMPLATES, to_pdf


def _text(pdf: Path) -> str:
    with pymupdf.open(pdf) as document:
        return "".join(page.get_text() for page in document)


def _two_acts(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    return [Path(shutil.copy(TEMPLATES / name, folder / name)) for name in ("notice.kk.docx", "opening.ru.docx")]


def test_pdfs_come_from_one_resident_office_kept_between_calls(tmp_path: Path) -> None:
    first = to_pdf(_two_acts(tmp_path / "a"), tmp_path / "out")
    process = OFFICE._process
    assert process is not None and process.poll() is None  # it is up and stays up for the next documents
    second = to_pdf(_two_acts(tmp_path / "b"), tmp_path / "out2")
    assert OFFICE._process is process
    assert "ХАБАРЛАМА" in _text(first[0]) and "ПОСТАНОВЛЕНИЕ" in _text(second[1])


def test_a_resident_office_that_died_is_started_again(tmp_path: Path) -> None:
    to_pdf(_two_acts(tmp_path / "a"), tmp_path / "out")
    dead = OFFICE._process
    assert dead is not None
    dead.kill()
    dead.wait(timeout=30)
    [pdf, _] = to_pdf(_two_acts(tmp_path / "b"), tmp_path / "out2")
    assert OFFICE._process is not None and OFFICE._process.pid != dead.pid
    assert "ХАБАРЛАМА" in _text(pdf)


def test_turned_off_it_renders_nothing_and_the_cold_path_does(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ORYNDA_OFFICE", "cold")
    office = ResidentOffice()
    [docx, _] = _two_acts(tmp_path / "a")
    assert office.convert(docx, tmp_path / "x.pdf") is False and office._process is None
    monkeypatch.setattr("orynda.documents.render.OFFICE", office)
    [pdf, _] = to_pdf([docx, tmp_path / "a" / "opening.ru.docx"], tmp_path / "out")
    assert "ХАБАРЛАМА" in _text(pdf)

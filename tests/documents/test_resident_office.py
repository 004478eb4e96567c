"""The resident LibreOffice renders the PDFs, starts again when it died, and can be turned off."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
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
    assert _members(dead.pid) == []  # what the dead one started (unoserver, LibreOffice) went with it


def test_turned_off_it_renders_nothing_and_the_cold_path_does(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ORYNDA_OFFICE", "cold")
    office = ResidentOffice()
    [docx, _] = _two_acts(tmp_path / "a")
    assert office.convert(docx, tmp_path / "x.pdf") is False and office._process is None
    monkeypatch.setattr("orynda.documents.render.OFFICE", office)
    [pdf, _] = to_pdf([docx, tmp_path / "a" / "opening.ru.docx"], tmp_path / "out")
    assert "ХАБАРЛАМА" in _text(pdf)


OWNER = """
import sys
from pathlib import Path
from orynda.documents.office import OFFICE
from orynda.documents.render import to_pdf
to_pdf([Path(sys.argv[1])], Path(sys.argv[2]))
print(OFFICE._process.pid, flush=True)
sys.stdin.read()  # wait to be killed
"""


def test_a_killed_owner_leaves_no_libreoffice_behind(tmp_path: Path) -> None:
    [docx, _] = _two_acts(tmp_path / "a")
    owner = subprocess.Popen(
        [sys.executable, "-c", OWNER, str(docx), str(tmp_path / "out")],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert owner.stdout is not None
    group = int(owner.stdout.readline())
    assert _members(group)  # the watchdog, unoserver and LibreOffice are up
    owner.kill()
    owner.wait(timeout=30)
    deadline = time.monotonic() + 30
    while _members(group) and time.monotonic() < deadline:
        time.sleep(0.5)
    assert _members(group) == []
    assert owner.stdin is not None and owner.stdout is not None
    owner.stdin.close()
    owner.stdout.close()


def _members(group: int) -> list[int]:
    """The live processes of a process group (zombies are dead)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == group and fields[0] != "Z":
            found.append(int(stat.parent.name))
    return found

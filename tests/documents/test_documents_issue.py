"""Issuing is idempotent: a rerun or a resume gets the same documents back and makes no second number or file; a
crash between numbering and sealing is finished under the same number; a lost file is an error, not a new act."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from domain.documents import default_office, plan
from orynda.database import make_engine
from orynda.documents import DocumentFileMissing, DocumentRegister, RenderError, Subject, issue
from tests.documents.examples import FILER, ON, case, debtor, findings

SMALL = debtor(case("100000"))  # nothing found: one act, a registry request
DRAFTS = plan(SMALL, findings(SMALL), ON, {})


def register(tmp_path: Path) -> DocumentRegister:
    return DocumentRegister(make_engine(f"sqlite:///{tmp_path / 'orynda.db'}"))


def run(reg: DocumentRegister, folder: Path, on: dt.date = ON, templates: Path | None = None) -> list[str]:
    extra = {"templates": templates} if templates else {}
    acts = issue(
        reg,
        DRAFTS,
        SMALL,
        on=on,
        office=default_office(),
        bailiff=FILER,
        folder=folder,
        run_id=folder.name,
        seq=1,
        **extra,
    )  # type: ignore[arg-type]
    return [r.number for a in acts for r in a.documents]


def snapshot(folder: Path) -> dict[str, tuple[int, bytes]]:
    return {p.name: (p.stat().st_mtime_ns, p.read_bytes()) for p in sorted(folder.iterdir())} if folder.exists() else {}


def test_a_rerun_and_a_resume_make_no_second_number_or_file(tmp_path: Path) -> None:
    assert [d.kind.name for d in DRAFTS] == ["registry_request"]
    reg = register(tmp_path)
    first = run(reg, tmp_path / "run-1")
    files = snapshot(tmp_path / "run-1")
    assert first == ["ORY-2026-000001-KK", "ORY-2026-000001-RU"] and len(files) == 4

    resumed = run(reg, tmp_path / "run-1", on=ON + dt.timedelta(days=1))  # same run, the next day
    rerun = run(reg, tmp_path / "run-2", on=ON + dt.timedelta(days=7))  # a new run a week later
    assert resumed == rerun == first
    assert snapshot(tmp_path / "run-1") == files  # not rendered again: same bytes, same times
    assert not (tmp_path / "run-2").exists()
    assert len(reg.documents()) == 2


def test_numbered_but_not_sealed_is_finished_under_the_same_number(tmp_path: Path) -> None:
    reg = register(tmp_path)
    [draft] = DRAFTS
    reg.allocate(draft.fact, Subject(draft.kind.name, SMALL.iin, SMALL.name, draft.case.number, "run-1", 1), ON)
    assert all(r.sealed_at is None for r in reg.documents())  # the state a crash leaves
    assert run(reg, tmp_path / "run-1") == ["ORY-2026-000001-KK", "ORY-2026-000001-RU"]
    assert all(r.sealed_at and r.pdf_sha256 and r.docx_sha256 for r in reg.documents())


def test_a_failed_render_leaves_nothing_sealed_and_the_retry_keeps_the_number(tmp_path: Path) -> None:
    reg = register(tmp_path)
    with pytest.raises(RenderError, match="no template"):
        run(reg, tmp_path / "run-1", templates=tmp_path / "no-templates")
    assert [r.sealed_at for r in reg.documents()] == [None, None]
    assert run(reg, tmp_path / "run-1") == ["ORY-2026-000001-KK", "ORY-2026-000001-RU"]


def test_a_sealed_document_whose_file_is_gone_is_not_issued_again(tmp_path: Path) -> None:
    reg = register(tmp_path)
    run(reg, tmp_path / "run-1")
    (tmp_path / "run-1" / "ORY-2026-000001-RU.pdf").unlink()
    with pytest.raises(DocumentFileMissing, match="ORY-2026-000001-RU.*not issued a second time"):
        run(reg, tmp_path / "run-2")
    assert not (tmp_path / "run-2").exists()

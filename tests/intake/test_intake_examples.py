"""The labelled examples of intake: kept in the same transaction as a person's decision (never one without the
other), given back to the next run, and exported as JSON lines by `runner.py intake-examples --out FILE`."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from app.cli import app
from orynda.database import make_engine
from orynda.i18n import texts
from orynda.intake_examples import IntakeExamples
from orynda.review import IllegalTransition, ReviewItem, ReviewQueue

READ = {"debtor_iin": {"value": "621106360324", "confidence": 0.3}, "amount": {"value": "125000.00", "confidence": 0.9}}
CONFIRMED = {"debtor_iin": "621106360329", "amount": "125000.00"}


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    for key in [k for k in os.environ if k.startswith("ORYNDA_")]:
        monkeypatch.delenv(key)
    return tmp_path / "home"


def _held(queue: ReviewQueue, number: str) -> ReviewItem:
    item = queue.propose(
        act=f"INTAKE-{number}", fact=f"intake|{number}", kind="intake_document", proceeding="",
        debtor_iin="621106360324", debtor_name="Сейтов Арман", bailiff="aisep.aliya", run_id="run-1", item_seq=1,
        mode="review", facts_digest="d", documents=[], evidence=[], conflicts={"intake_text": "ЖСН: 621106360324"},
    )  # fmt: skip
    assert item is not None
    return item


def _keeper(examples: IntakeExamples, number: str, form: str):  # type: ignore[no-untyped-def]
    def keep(s: Session, decided: ReviewItem) -> None:
        examples.add(
            s, review_id=decided.id, document=number, kind="writ", language="kk", form=form,
            text="ЖСН: 621106360324", read=READ, confirmed=CONFIRMED, corrected=["debtor_iin"], pdf="", by="aliya",
        )  # fmt: skip

    return keep


def test_examples_are_kept_with_the_decision_and_exported_as_json_lines(home: Path) -> None:
    engine = make_engine(f"sqlite:///{home / 'orynda.db'}")
    queue, examples = ReviewQueue(engine), IntakeExamples(engine)
    first, second = _held(queue, "ИД-2026-000005"), _held(queue, "ИД-2026-000006")
    queue.change_and_approve(first.id, "aliya", "ЖСН түзетілді", also=_keeper(examples, "ИД-2026-000005", "scan"))
    queue.approve(second.id, "aliya", also=_keeper(examples, "ИД-2026-000006", "text"))
    assert examples.confirmed(first.id) == CONFIRMED and examples.confirmed(12345) is None

    # a decision refused keeps no example: it stands or falls with the decision
    with pytest.raises(IllegalTransition):
        queue.approve(first.id, "aliya", also=_keeper(examples, "ИД-2026-000005", "scan"))
    assert len(list(examples.all())) == 2
    engine.dispose()

    out = home / "out" / "examples.jsonl"
    result = CliRunner().invoke(app, ["intake-examples", "--out", str(out), "--home", str(home)])
    assert result.exit_code == 0, result.output
    assert texts("kk")("cli.intake_examples.written", count=2, path=str(out)) in " ".join(result.output.split())
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [line["document"] for line in lines] == ["ИД-2026-000005", "ИД-2026-000006"]
    assert [line["form"] for line in lines] == ["scan", "text"]
    assert lines[0]["read"] == READ and lines[0]["confirmed"] == CONFIRMED and lines[0]["corrected"] == ["debtor_iin"]
    assert lines[0]["text"] == "ЖСН: 621106360324" and lines[0]["decided_by"] == "aliya"
    assert lines[0]["review_id"] == first.id and lines[0]["decided_at"].startswith("20")


def test_an_export_to_a_file_that_cannot_be_written_names_it_and_exits_2(home: Path) -> None:
    blocker = home.parent / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    result = CliRunner().invoke(app, ["intake-examples", "--out", str(blocker / "e.jsonl"), "--home", str(home)])
    assert result.exit_code == 2
    assert str(blocker / "e.jsonl") in " ".join(result.output.split())

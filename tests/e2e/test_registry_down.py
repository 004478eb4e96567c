"""A registry down when the night starts: nightly_check cannot list its work from AIS EP. The run ends `failed` with
its report, the command line says which registry in the office's language, and exits 5 (README, "Exit codes")."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from app.cli import app
from orynda.runstore import RunStore
from orynda.schema import RunStatus
from sandbox.server import free_port

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize(
    ("language", "said"),
    [
        ("kk", "АЖ АІЖ (атқарушылық іс жүргізу) қайталап сұрағаннан кейін де жауап бермеді"),
        ("ru", "АИС ИП (исполнительное производство) не ответил и после повторных попыток"),
    ],
)
def test_aisep_down_at_the_start_ends_the_run_failed_with_its_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, language: str, said: str
) -> None:
    for key in [k for k in os.environ if k.startswith("ORYNDA_")]:
        monkeypatch.delenv(key)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("ORYNDA_LANGUAGE", language)
    monkeypatch.setenv("ORYNDA_AISEP_USER", "bailiff1")
    monkeypatch.setenv("ORYNDA_AISEP_PASSWORD", "not-reached")
    monkeypatch.setenv("ORYNDA_RETRY__ATTEMPTS", "2")
    monkeypatch.setenv("ORYNDA_RETRY__INITIAL_S", "0.05")
    closed = f"http://127.0.0.1:{free_port()}"  # nothing listens there
    home = tmp_path / "home"
    args = ["run", "nightly_check", "--home", str(home), "--sandbox-url", closed, "--no-progress"]
    result = CliRunner().invoke(app, args, env={"COLUMNS": "200"})
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert result.exit_code == 5, result.output
    assert said in result.output and "Traceback" not in result.output
    [run] = RunStore(f"sqlite:///{home / 'orynda.db'}").list_runs()
    assert run.status == RunStatus.FAILED and f"runner.py resume {run.id}" in result.output
    report = Path(run.report_path or "")
    assert report.is_file() and str(report) in result.output
    assert load_workbook(report, read_only=True).sheetnames[0]  # a workbook a supervisor can open
    logged = [json.loads(line)["record"] for line in (report.parent / "log.jsonl").read_text().splitlines()]
    assert any(r["level"]["name"] == "ERROR" and "aisep" in r["message"] for r in logged)

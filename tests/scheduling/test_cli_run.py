"""`runner.py run` and `resume` say by their exit code whether the run's items failed (README, "Exit codes")."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from app import catalog
from app.cli import app
from orynda.config import Settings
from orynda.runstore import RunStore
from orynda.schema import RunStatus
from tests.scheduling import fakeflow

runner = CliRunner()


@pytest.fixture(autouse=True)
def test_flows(monkeypatch: pytest.MonkeyPatch) -> None:
    for flow in (fakeflow.FLOW, fakeflow.FLAKY):
        monkeypatch.setitem(catalog.FLOWS, flow.name, flow)
    monkeypatch.setenv("ORYNDA_RETRY__ATTEMPTS", "2")
    monkeypatch.setenv("ORYNDA_RETRY__INITIAL_S", "0.01")


def run(home: Path, flow: str, items: int) -> int:
    args = ["run", flow, "--home", str(home), "--no-progress", "-p", f"items={items}", "-p", "delay=0"]
    result = runner.invoke(app, args)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code


def test_a_run_whose_items_all_finish_exits_0_and_is_done(plain_settings: Settings) -> None:
    assert run(plain_settings.home, "fake_count", 4) == 0
    [done] = RunStore(plain_settings.db_url).list_runs()
    assert done.status == RunStatus.DONE


def test_a_run_with_failed_items_exits_3_and_says_so_in_its_status(plain_settings: Settings) -> None:
    assert run(plain_settings.home, "flaky_count", 7) == 3
    store = RunStore(plain_settings.db_url)
    [failed] = store.list_runs()
    assert failed.status == RunStatus.DONE_WITH_FAILURES
    assert store.counts(failed.id).failed == 2 and store.counts(failed.id).by_state["done"] == 5
    resumed = runner.invoke(app, ["resume", failed.id, "--home", str(plain_settings.home)])
    assert resumed.exit_code == 2 and "already done" in resumed.output  # a finished run is not resumed

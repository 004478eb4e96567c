"""`runner.py run` and `resume` say by their exit code whether the run's items failed (README, "Exit codes")."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from app import catalog, flow_params
from app.cli import app
from app.flow_params import Param
from orynda.config import Settings
from orynda.runstore import RunStore
from orynda.schema import RunStatus
from tests.scheduling import fakeflow

runner = CliRunner()


@pytest.fixture(autouse=True)
def test_flows(monkeypatch: pytest.MonkeyPatch) -> None:
    for flow in (fakeflow.FLOW, fakeflow.FLAKY):
        monkeypatch.setitem(catalog.FLOWS, flow.name, flow)
        monkeypatch.setitem(flow_params.FLOW_PARAMS, flow.name, (Param("items", "int"), Param("delay", "text")))
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
    assert resumed.exit_code == 2 and "аяқталған" in resumed.output  # a finished run is not resumed


@pytest.mark.parametrize(
    ("params", "said"),
    [
        (["items=abc"], "«items» бүтін сан болуы керек, берілгені: abc."),
        (["itmes=3"], "«itmes» деген параметр жоқ"),
        (["items"], "items"),
    ],
    ids=["not-a-number", "typo", "not-a-pair"],
)
def test_an_unknown_or_mistyped_param_is_refused_before_any_run(
    plain_settings: Settings, params: list[str], said: str
) -> None:
    args = ["run", "fake_count", "--home", str(plain_settings.home)]
    result = runner.invoke(app, [*args, *[f"--param={p}" for p in params]], env={"COLUMNS": "200"})
    assert result.exit_code == 2 and said in result.output and "--param items, delay" in result.output
    assert RunStore(plain_settings.db_url).list_runs() == []

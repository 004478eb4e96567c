"""`runner.py runs` and `list`: readable at 80 columns and through a pipe, --json for scripts, the same home from any
folder, in the office's language."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from app import catalog, flow_params
from app.cli import app
from app.flow_params import Param
from domain.findings import Finding
from orynda.config import Settings
from orynda.flow import FiledDocument, ItemResult
from orynda.runstore import RunStore
from orynda.schema import ItemState, Run, RunStatus
from tests.conftest import ROOT
from tests.scheduling import fakeflow

runner = CliRunner()


@pytest.fixture(autouse=True)
def test_flows(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(catalog.FLOWS, fakeflow.FLOW.name, fakeflow.FLOW)
    monkeypatch.setitem(flow_params.FLOW_PARAMS, fakeflow.FLOW.name, (Param("items", "int"), Param("delay", "text")))


def finding(n: int) -> Finding:
    return Finding(code="account_balance", message=f"balance {n}", legal_basis="art. 62", amount=Decimal("19207002.35"))


def document(n: int) -> FiledDocument:
    return FiledDocument(
        number=f"ORY-2026-{n:06d}-KK", act=f"act-{n}", kind="wage_levy", title="Wage levy", language="kk",
        issued=dt.date(2026, 12, 2), debtor="9001******11", proceeding="P-1", pdf=None, docx=None, filed=True,
        upload_sha256=None,
    )  # fmt: skip


def a_run(settings: Settings, status: RunStatus, findings: int, documents: int, failed: int = 0) -> Run:
    """A finished run of 3 items: `findings` and `documents` on each done item, `failed` items system exceptions."""
    store = RunStore(settings.db_url)
    run = store.create_run("fake_count", {}, fakeflow.load_items({"items": 3}, settings), settings.runs_dir)
    for i, item in enumerate(store.items(run.id)):
        if i < failed:
            store.finish_item(item.id, ItemState.SYSTEM, code="SiteUnavailable", message="down")
            continue
        result = ItemResult([finding(k) for k in range(findings)], documents=[document(k) for k in range(documents)])
        store.finish_item(item.id, ItemState.DONE, result=result.to_json())
    store.set_status(run.id, status, ended=True, report=settings.runs_dir / run.id / f"report-{run.id}.xlsx")
    return run


@pytest.fixture
def three_runs(plain_settings: Settings) -> list[Run]:
    settings = plain_settings
    settings.home.mkdir(parents=True)
    return [
        a_run(settings, RunStatus.DONE, findings=2, documents=1),
        a_run(settings, RunStatus.DONE_WITH_FAILURES, findings=5, documents=4, failed=1),
        a_run(settings, RunStatus.FAILED, findings=0, documents=0, failed=0),
    ]


def invoke(*args: str, columns: int = 80) -> tuple[int, str]:
    result = runner.invoke(app, list(args), env={"COLUMNS": str(columns)})
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.output


def assert_readable(out: str, width: int = 80) -> None:
    lines = out.splitlines()
    assert lines and max(len(line) for line in lines) <= width, out
    assert "…" not in out and "..." not in out, out


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("kk", ("Іске қосу", "Табылғандар", "Құжаттар", "Аяқталды", "Қателермен", "Сәтсіз")),
        ("ru", ("Запуск", "Находки", "Документы", "Завершён", "ошибками", "выполнен")),
    ],
)
@pytest.mark.parametrize("columns", [80, 200])
def test_runs_fit_the_screen_with_date_findings_and_documents(
    plain_settings: Settings,
    three_runs: list[Run],
    monkeypatch: pytest.MonkeyPatch,
    language: str,
    words: tuple[str, ...],
    columns: int,
) -> None:
    monkeypatch.setenv("ORYNDA_LANGUAGE", language)
    code, out = invoke("runs", "--home", str(plain_settings.home), columns=columns)
    assert code == 0
    assert_readable(out, columns)
    assert all(word in out for word in words), out
    for run, (findings, documents) in zip(three_runs, [(6, 3), (10, 8), (0, 0)]):
        row = next(line for line in out.splitlines() if line.startswith(run.id))
        assert f"{run.started_at:%d.%m.%Y}" in row and "fake_count" in row
        after_flow = row.split()[row.split().index("fake_count") + 1 :]
        assert after_flow[:2] == [str(findings), str(documents)]  # the most needed counts come first
    assert ("report-" in out) is (columns == 200)  # the least needed column is the first left out


def test_runs_through_a_pipe_keep_to_80_columns(plain_settings: Settings, three_runs: list[Run]) -> None:
    env = {k: v for k, v in os.environ.items() if k != "COLUMNS"} | {"PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, str(ROOT / "runner.py"), "runs", "--home", str(plain_settings.home)],
        capture_output=True, text=True, env=env, timeout=60, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert_readable(done.stdout)
    assert all(run.id in done.stdout for run in three_runs)


def test_runs_as_json_for_scripts(plain_settings: Settings, three_runs: list[Run]) -> None:
    code, out = invoke("runs", "--home", str(plain_settings.home), "--json", columns=40)
    assert code == 0
    records = json.loads(out)
    assert [r["run_id"] for r in records] == [run.id for run in reversed(three_runs)]
    failed, with_failures, done = records
    assert (done["status"], done["items"], done["findings"], done["documents"]) == ("done", 3, 6, 3)
    assert (with_failures["system"], with_failures["failures"], with_failures["acts_filed"]) == (1, 1, 4)
    assert with_failures["report"].endswith(f"report-{with_failures['run_id']}.xlsx")
    assert failed["status"] == "failed" and failed["findings"] == 0
    assert dt.datetime.fromisoformat(done["started"]).utcoffset() == dt.timedelta(hours=5)


def test_no_runs_yet_says_so_naming_the_home(plain_settings: Settings) -> None:
    code, out = invoke("runs", "--home", str(plain_settings.home), columns=200)
    assert (code, out.strip()) == (0, f"Әзірше іске қосу жоқ ({plain_settings.home}).")
    assert json.loads(invoke("runs", "--home", str(plain_settings.home), "--json")[1]) == []


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_list_fits_80_columns_and_gives_json(monkeypatch: pytest.MonkeyPatch, language: str) -> None:
    monkeypatch.setenv("ORYNDA_LANGUAGE", language)
    code, out = invoke("list")
    assert code == 0
    assert_readable(out)
    assert all(name in out for name in ("register_check", "nightly_check", "file_approved"))
    assert ("Не істейді" if language == "kk" else "Что делает") in out
    records = {r["flow"]: r for r in json.loads(invoke("list", "--json")[1])}
    assert records["nightly_check"]["params"] == ["limit", "documents"]
    assert records["register_check"]["input"] is True and records["register_check"]["sites"] == ["debtor_register"]


@pytest.mark.parametrize("by", ["orynda-home", "user-data-folder"])
def test_runs_finds_last_nights_runs_from_any_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, by: str) -> None:
    for key in [k for k in os.environ if k.startswith("ORYNDA_")]:
        monkeypatch.delenv(key)
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    if by == "orynda-home":
        monkeypatch.setenv("ORYNDA_HOME", str(tmp_path / "office"))
        home = tmp_path / "office"
    else:
        monkeypatch.setenv("HOME", str(tmp_path / "user"))
        home = tmp_path / "user" / ".local" / "share" / "orynda"
    (tmp_path / "night").mkdir()
    (tmp_path / "morning").mkdir()
    monkeypatch.chdir(tmp_path / "night")
    code, out = invoke("run", "fake_count", "--no-progress", "-p", "items=2", "-p", "delay=0", columns=200)
    assert code == 0, out
    [night] = RunStore(f"sqlite:///{home / 'orynda.db'}").list_runs()
    monkeypatch.chdir(tmp_path / "morning")
    code, out = invoke("runs")
    assert code == 0 and night.id in out
    assert json.loads(invoke("runs", "--json")[1])[0]["report"].startswith(str(home / "runs" / night.id))
    assert not (tmp_path / "night" / "var").exists() and not (tmp_path / "morning" / "var").exists()


@pytest.mark.parametrize(
    ("language", "said"),
    [
        ("kk", ("Аяқталды. Жазбалар: 2; орындалды 2", "Есеп:", "Журнал:")),
        ("ru", ("Завершён. Записей: 2; выполнено 2", "Отчёт:", "Журнал:")),
    ],
)
def test_a_run_says_how_it_ended_in_the_offices_language(
    plain_settings: Settings, monkeypatch: pytest.MonkeyPatch, language: str, said: tuple[str, ...]
) -> None:
    monkeypatch.setenv("ORYNDA_LANGUAGE", language)
    args = ["run", "fake_count", "--home", str(plain_settings.home), "--no-progress", "-p", "items=2", "-p", "delay=0"]
    code, out = invoke(*args, columns=200)
    assert code == 0 and all(words in out for words in said), out
    assert "items —" not in out and "report:" not in out

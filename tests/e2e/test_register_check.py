"""register_check end to end: real Chromium against the sandbox's Unified Register of Debtors."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from app.runs import resume_run, start_run
from orynda.config import Settings, SiteSettings
from orynda.i18n import texts
from orynda.runstore import RunStore
from orynda.schema import ItemState, RunStatus
from orynda.wording import state_name
from sandbox.samples import SampleRow, sample_rows, write_xlsx
from sandbox.server import Sandbox
from sandbox.world import build_world
from tests.conftest import DEBTORS, ROOT, SEED

pytestmark = pytest.mark.e2e
T = texts("kk")  # the report is in the office's language, Kazakh by default
STATE_OF = {
    "done": ItemState.DONE,
    "mismatch": ItemState.BUSINESS,
    "not_found": ItemState.BUSINESS,
    "invalid": ItemState.BUSINESS,
}


def report_rows(path: Path, sheet: str = "items") -> list[dict[str, Any]]:
    ws = load_workbook(path)[T(f"report.sheet.{sheet}")]
    titles = [c.value for c in ws[1]]
    return [dict(zip(titles, row)) for row in ws.iter_rows(min_row=2, values_only=True)]


def sample(tmp_path: Path, rows: int, start: int = 0) -> tuple[list[SampleRow], Path]:
    chosen = sample_rows(build_world(SEED, DEBTORS), rows, start)
    return chosen, write_xlsx(chosen, tmp_path / "debtors.xlsx")


def expected_register_amount(row: SampleRow) -> Decimal | None:
    if row.expect in ("not_found", "invalid"):
        return None
    debtor = build_world(SEED, DEBTORS).by_iin[row.iin]
    if row.proceeding:
        return next(p.amount for p in debtor.proceedings if p.number == row.proceeding)
    return debtor.total


def test_fifty_known_debtors_give_exactly_the_expected_report(settings: Settings, tmp_path: Path) -> None:
    rows, path = sample(tmp_path, 50)
    outcome = start_run("register_check", {"input": str(path)}, settings)

    assert outcome.status is RunStatus.DONE
    items = report_rows(outcome.report)
    row_, key, state = T("report.items.row"), T("report.items.key"), T("report.items.state")
    register, difference = T("report.column.register_amount"), T("report.column.difference")
    assert [r[row_] for r in items] == list(range(2, 52))
    world = build_world(SEED, DEBTORS)
    for row, item in zip(rows, items):
        assert item[key] == row.iin
        assert item[state] == state_name(T, STATE_OF[row.expect]), (row, item)
        expected = expected_register_amount(row)
        assert (Decimal(str(item[register])) if item[register] is not None else None) == expected
        if row.expect == "mismatch":
            assert Decimal(str(item[difference])) == Decimal("-1000.50")
        if row.expect == "done":
            assert item[difference] is None
            assert item[T("report.column.exit_ban")] == T.value(world.by_iin[row.iin].exit_ban)
        if row.expect == "not_found":
            assert T("finding.debtor_not_found.message") in item[T("report.items.findings")]
        if row.expect == "invalid":
            assert item[T("report.items.attempts")] == 0
            assert item[T("report.items.error")] == T("error_code.InvalidInput")
            assert "check digit" in item[T("report.items.technical")]  # the developers' detail stays English
            name, expected = T("report.column.name"), T("report.column.expected")
            assert (item[name], Decimal(str(item[expected]))) == (row.name, row.amount)  # as the row gave them
    assert_register_evidence(outcome.folder, outcome.run_id, settings, rows, items)
    summary = {
        r[T("report.summary.figure")]: r[T("report.summary.value")] for r in report_rows(outcome.report, "summary")
    }
    counts = {
        e: sum(1 for r in rows if STATE_OF[r.expect] == s)
        for e, s in (("done", ItemState.DONE), ("business", ItemState.BUSINESS))
    }
    assert (
        summary[T("report.summary.done")],
        summary[T("report.summary.business")],
        summary[T("report.summary.system")],
    ) == (
        counts["done"],
        counts["business"],
        0,
    )


def assert_register_evidence(
    folder: Path, run_id: str, settings: Settings, rows: list[SampleRow], items: list[dict[str, Any]]
) -> None:
    """A case for a person (amount mismatch, debtor not found) keeps a screenshot of what the register showed, of that
    debtor alone, linked from its row; a row the register agreed with, or one never sent to it, keeps none."""
    stored = {i.seq: i for i in RunStore(settings.db_url).items(run_id)}
    debtors = {d.person.iin for d in build_world(SEED, DEBTORS).debtors}
    cases = 0
    for row, item in zip(rows, items):
        kept = stored[item[T("report.items.row")]].evidence
        if row.expect not in ("mismatch", "not_found"):
            assert kept is None and item[T("report.items.evidence")] is None, row
            continue
        cases += 1
        assert kept is not None and Path(kept).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", row
        assert item[T("report.items.evidence")] == str(Path(kept).relative_to(folder))
        page = (Path(kept).parent / "page.html").read_text(encoding="utf-8")  # the page the screenshot is of
        assert sorted(iin for iin in debtors - {row.iin} if iin in page) == [], row
        assert (row.iin in page) == (row.expect == "mismatch")  # the debtor's card, or 'not found' for an IIN
    assert cases >= 5
    assert not list(folder.rglob("redacted.json"))  # nobody else was on those pages to mask
    row_, evidence = T("report.items.row"), T("report.items.evidence")
    business = {r[row_]: r[evidence] for r in report_rows(folder / f"report-{run_id}.xlsx", "exceptions")}
    assert {n: e for n, e in business.items() if e} == {r[row_]: r[evidence] for r in items if r[evidence]}


def test_at_twenty_percent_faults_every_item_ends_done_or_reported(
    settings: Settings, clean_sandbox: Sandbox, tmp_path: Path
) -> None:
    clean_sandbox.faults("/debtor_register", error_rate=0.1, drop_rate=0.05, slow_rate=0.05, slow_ms=2500)
    settings = settings.model_copy(update={"sites": {"debtor_register": SiteSettings(timeout_ms=1500)}})
    rows, path = sample(tmp_path, 50, start=100)
    outcome = start_run("register_check", {"input": str(path)}, settings)

    store = RunStore(settings.db_url)
    items = store.items(outcome.run_id)
    assert len(items) == 50 and all(ItemState(i.state).finished for i in items)
    assert outcome.summary.retries > 0
    for row, item in zip(rows, items):
        if item.state == ItemState.DONE:  # under faults, what is done is still right
            assert Decimal(item.result["fields"]["register_amount"]) == expected_register_amount(row)
        else:
            assert item.error_message
    failed_attempts = [a for a in store.attempts(outcome.run_id) if a.outcome == "system"]
    assert failed_attempts
    for attempt in failed_attempts:
        kept = {p.name for p in Path(attempt.evidence).iterdir()}
        assert {"screenshot.png", "page.html", "trace.zip"} <= kept, attempt.evidence
    exceptions = report_rows(outcome.report, "exceptions")
    system = T("report.exceptions.system")
    assert {r[T("report.items.row")] for r in exceptions if r[T("report.exceptions.type")] == system} == {
        i.seq for i in items if i.id in {a.item_id for a in failed_attempts}
    }


def runner_command(path: Path, settings: Settings, sandbox: Sandbox) -> list[str]:
    """`runner.py run register_check` on this list, as a person types it, for a run in a process of its own."""
    return [sys.executable, str(ROOT / "runner.py"), "run", "register_check", "--input", str(path),
            "--home", str(settings.home), "--sandbox-url", sandbox.url, "--no-progress"]  # fmt: skip


def test_run_killed_half_way_resumes_every_item_exactly_once(
    settings: Settings, clean_sandbox: Sandbox, tmp_path: Path
) -> None:
    clean_sandbox.faults("/debtor_register", latency_ms=120)
    rows, path = sample(tmp_path, 40, start=300)
    env = {k: v for k, v in os.environ.items() if not k.startswith("ORYNDA_")}
    command = runner_command(path, settings, clean_sandbox)
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    store = RunStore(settings.db_url)
    run_id = wait_for_done_items(store, process, at_least=12)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=10)
    killed_at = time.time()
    before = {i.seq: i.state for i in store.items(run_id)}
    assert store.get_run(run_id).status == RunStatus.RUNNING  # nobody marked it: a real crash
    assert sum(ItemState(s).finished for s in before.values()) < len(rows)

    outcome = resume_run(run_id, settings)

    assert outcome.status is RunStatus.DONE
    items = store.items(run_id)
    assert len(items) == len(rows) and all(ItemState(i.state).finished for i in items)
    attempts = store.attempts(run_id)
    for item in items:
        finishing = [a for a in attempts if a.item_id == item.id and a.outcome in ("done", "business")]
        assert len(finishing) == (0 if item.attempts == 0 else 1), item.seq
        if ItemState(before[item.seq]).finished:  # finished before the kill: never touched again
            assert all(a.started_at.timestamp() < killed_at for a in attempts if a.item_id == item.id)
    for row, item in zip(rows, items):
        assert item.state == STATE_OF[row.expect]


def wait_for_done_items(store: RunStore, process: subprocess.Popen[bytes], at_least: int) -> str:
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        assert process.poll() is None, "the run ended before it could be killed"
        runs = store.list_runs(1)
        if runs and store.counts(runs[0].id).by_state[ItemState.DONE] >= at_least:
            return runs[0].id
        time.sleep(0.1)
    raise AssertionError("the run made no progress")


def test_ctrl_c_finishes_the_items_in_flight_and_the_run_resumes(
    settings: Settings, clean_sandbox: Sandbox, tmp_path: Path
) -> None:
    clean_sandbox.faults("/debtor_register", latency_ms=120)
    rows, path = sample(tmp_path, 30, start=400)
    env = {k: v for k, v in os.environ.items() if not k.startswith("ORYNDA_")}
    command = runner_command(path, settings, clean_sandbox)
    # its own process group, as a terminal's foreground job: Ctrl-C reaches every process in the group
    process = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True
    )
    store = RunStore(settings.db_url)
    run_id = wait_for_done_items(store, process, at_least=6)
    os.killpg(process.pid, signal.SIGINT)
    _, stderr = process.communicate(timeout=60)

    assert process.returncode == 4, stderr.decode()[-2000:]  # interrupted: `resume` goes on (README, Exit codes)
    assert store.get_run(run_id).status == RunStatus.INTERRUPTED
    assert not [a for a in store.attempts(run_id) if a.outcome == "system"]  # nothing in flight was cut off
    assert not [i for i in store.items(run_id) if i.state == ItemState.IN_PROGRESS]
    assert store.counts(run_id).left > 0

    outcome = resume_run(run_id, settings)
    assert outcome.status is RunStatus.DONE
    assert [i.state for i in store.items(run_id)] == [STATE_OF[r.expect] for r in rows]

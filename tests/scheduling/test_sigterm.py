"""`runner.py schedule` under SIGTERM: the items in flight finish, the run is marked interrupted, the service exits 0,
and the next start resumes the run without redoing an item."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from orynda.config import Settings
from orynda.runstore import RunStore
from orynda.scheduling.job import FireContext, run_entry
from orynda.scheduling.model import load_schedules
from orynda.store import ItemState, RunStatus
from sandbox.samples import sample_rows, write_xlsx
from sandbox.server import Sandbox
from sandbox.world import build_world
from tests.conftest import DEBTORS, SEED
from tests.scheduling.conftest import almaty

ROOT = Path(__file__).resolve().parents[2]


def _finished_items(store: RunStore) -> int:
    return sum(1 for run in store.list_runs() for item in store.items(run.id) if item.attempts and
               ItemState(item.state).finished)


def _wait_for(condition: object, timeout_s: float) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if callable(condition) and condition():
            return
        time.sleep(0.2)
    raise AssertionError(f"not reached in {timeout_s}s")


def test_sigterm_finishes_items_in_flight_marks_the_run_interrupted_and_the_next_start_resumes(
        settings: Settings, sandbox: Sandbox, tmp_path: Path) -> None:
    rows = write_xlsx(sample_rows(build_world(SEED, DEBTORS), 16), tmp_path / "list.xlsx")
    schedules_file = tmp_path / "schedules.yaml"
    schedules_file.write_text(f"schedules:\n  night:\n    flow: register_check\n    cron: '0 22 * * *'\n"
                              f"    params: {{input: '{rows}'}}\n", encoding="utf-8")
    sandbox.faults("*", latency_ms=150)
    log = (tmp_path / "service.log").open("wb")
    service = subprocess.Popen([sys.executable, str(ROOT / "runner.py"), "schedule", "--file", str(schedules_file),
                                "--home", str(settings.home), "--sandbox-url", sandbox.url, "--run-now", "night"],
                               cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(ROOT)}, stdout=log, stderr=log)
    store = RunStore(settings.db_url)
    try:
        _wait_for(lambda: _finished_items(store) >= 3, 90)
        service.send_signal(signal.SIGTERM)
        assert service.wait(timeout=60) == 0
    finally:
        if service.poll() is None:
            service.kill()
            service.wait()
        log.close()
    output = (tmp_path / "service.log").read_text(encoding="utf-8")
    assert "SIGTERM received: finishing the items in flight" in output and "scheduler stopped" in output
    [run] = store.list_runs()
    counts = store.counts(run.id)
    assert run.status == RunStatus.INTERRUPTED
    assert counts.left > 0 and counts.by_state[ItemState.IN_PROGRESS] == 0

    sandbox.reset_faults()
    said = run_entry("night", FireContext(load_schedules(schedules_file), settings,
                                          now=lambda: almaty(2026, 3, 20, 22, 0, 5)),
                     fire_time=almaty(2026, 3, 20, 22, 0))
    assert said == f"run {run.id} done"
    checked = [i for i in store.items(run.id) if i.error_code != "InvalidInput"]
    assert all(ItemState(i.state).finished for i in checked)
    assert [i.attempts for i in checked] == [1] * len(checked)

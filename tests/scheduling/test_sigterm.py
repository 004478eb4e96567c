"""`runner.py schedule` under SIGTERM: the items in flight finish, the run is marked interrupted, the service exits 0,
and the service's next start resumes the run without redoing an item."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from orynda.config import Settings
from orynda.runstore import RunStore
from orynda.schema import ItemState, RunStatus
from sandbox.samples import sample_rows, write_xlsx
from sandbox.server import Sandbox
from sandbox.world import build_world
from tests.conftest import DEBTORS, SEED

ROOT = Path(__file__).resolve().parents[2]


def _finished_items(store: RunStore) -> int:
    return sum(
        1
        for run in store.list_runs()
        for item in store.items(run.id)
        if item.attempts and ItemState(item.state).finished
    )


def _status(store: RunStore, run_id: str) -> str | None:
    run = store.get_run(run_id)
    return run.status if run else None


def _wait_for(condition: Callable[[], bool], timeout_s: float) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    raise AssertionError(f"not reached in {timeout_s}s")


def test_sigterm_finishes_items_in_flight_marks_the_run_interrupted_and_the_next_start_resumes(
    settings: Settings, sandbox: Sandbox, tmp_path: Path
) -> None:
    rows = write_xlsx(sample_rows(build_world(SEED, DEBTORS), 16), tmp_path / "list.xlsx")
    schedules_file = tmp_path / "schedules.yaml"
    schedules_file.write_text(
        f"schedules:\n  night:\n    flow: register_check\n    cron: '0 22 * * *'\n    params: {{input: '{rows}'}}\n",
        encoding="utf-8",
    )
    store = RunStore(settings.db_url)
    sandbox.faults("*", latency_ms=150)
    first = _service(tmp_path, "first", schedules_file, settings, sandbox, "--run-now", "night")
    output = _stop_when(first, lambda: _finished_items(store) >= 3, tmp_path / "first.log")
    assert "SIGTERM received: finishing the items in flight" in output and "scheduler stopped" in output
    [run] = store.list_runs()
    counts = store.counts(run.id)
    assert run.status == RunStatus.INTERRUPTED
    assert counts.left > 0 and counts.by_state[ItemState.IN_PROGRESS] == 0  # the items in flight were finished

    sandbox.reset_faults()
    second = _service(tmp_path, "second", schedules_file, settings, sandbox)  # no --run-now: it resumes by itself
    output = _stop_when(second, lambda: _status(store, run.id) == RunStatus.DONE, tmp_path / "second.log")
    assert "its run was left unfinished and its window is open; resuming it now" in output
    assert len(store.list_runs()) == 1
    checked = [i for i in store.items(run.id) if i.error_code != "InvalidInput"]
    assert all(ItemState(i.state).finished for i in checked)
    assert [i.attempts for i in checked] == [1] * len(checked)


def _service(
    tmp_path: Path, name: str, schedules: Path, settings: Settings, sandbox: Sandbox, *extra: str
) -> subprocess.Popen[bytes]:
    log = (tmp_path / f"{name}.log").open("wb")
    command = [
        sys.executable,
        str(ROOT / "runner.py"),
        "schedule",
        "--file",
        str(schedules),
        "--home",
        str(settings.home),
        "--sandbox-url",
        sandbox.url,
        *extra,
    ]
    with log:
        return subprocess.Popen(
            command, cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(ROOT)}, stdout=log, stderr=log
        )


def _stop_when(service: subprocess.Popen[bytes], condition: Callable[[], bool], log: Path) -> str:
    """Sends SIGTERM once the condition holds; the service must exit 0. Returns what it logged."""
    try:
        _wait_for(condition, 90)
        service.send_signal(signal.SIGTERM)
        assert service.wait(timeout=60) == 0
    finally:
        if service.poll() is None:
            service.kill()
            service.wait()
    return log.read_text(encoding="utf-8")

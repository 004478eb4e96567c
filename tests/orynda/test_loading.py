"""A run's list recorded as it is read: a large input file in batches of short transactions (another connection
writes in between, as the lease's heartbeat does), a load killed halfway read on at resume with every row once, and a
site's list recorded page by page with a debtor met on two pages kept as one item."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event
from sqlalchemy.exc import OperationalError

from domain.iin import check_digit
from flows import register_check
from flows.nightly_check import FLOW as NIGHTLY
from flows.nightly_check import NightlyCheckItem
from orynda import runs
from orynda.config import load_settings
from orynda.database import make_engine
from orynda.flow import ItemSpec
from orynda.leases import acquire, renew
from orynda.loading import RecordedPages, load_items
from orynda.runstore import RunStore
from orynda.schema import ItemState, RunStatus

ROOT = Path(__file__).resolve().parents[2]


def iins(count: int) -> list[str]:
    """`count` distinct valid IINs (men of the 20th century born in January 1980)."""
    found: list[str] = []
    serial = 0
    while len(found) < count:
        first11 = f"8001{1 + serial // 10_000:02d}3{serial % 10_000:04d}"
        serial += 1
        digit = check_digit(first11)
        if digit is not None:
            found.append(first11 + str(digit))
    return found


def debtors_csv(path: Path, rows: int) -> Path:
    with path.open("w", newline="", encoding="utf-8") as f:
        out = csv.writer(f)
        out.writerow(["ИИН", "ФИО", "Сумма"])
        for n, iin in enumerate(iins(rows)):
            out.writerow([iin, f"Борышкер {n}", "1 234,50"])
    return path


def test_a_large_list_is_recorded_in_batches_while_another_connection_writes(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'orynda.db'}"
    store = RunStore(url)
    path = debtors_csv(tmp_path / "debtors.csv", 20_000)
    commits: list[float] = []
    event.listen(store.engine, "commit", lambda _conn: commits.append(time.monotonic()))
    heartbeat = make_engine(url)
    # the heartbeat's connection gives up after 200 ms on a locked database, where the lease's waits 10 s
    event.listen(heartbeat, "connect", lambda conn, _r: conn.execute("PRAGMA busy_timeout=200"))
    held = acquire(heartbeat, "register_check", "test:1", ttl_s=60)
    beats: list[float] = []
    failures: list[Exception] = []
    loading = threading.Event()

    def beat() -> None:
        while loading.is_set():
            try:
                assert renew(heartbeat, held)
                beats.append(time.monotonic())
            except OperationalError as exc:
                failures.append(exc)
            time.sleep(0.01)

    run = store.create_run("register_check", {"input": str(path)}, [], tmp_path / "runs", loading=True)
    loading.set()
    thread = threading.Thread(target=beat)
    thread.start()
    try:
        started = time.monotonic()
        total = load_items(store, run.id, register_check.load_items({"input": str(path)}, load_settings()))
        ended = time.monotonic()
    finally:
        loading.clear()
        thread.join()
    assert total == 20_000 and store.loaded(run.id)
    assert failures == []
    assert len([t for t in commits if started <= t <= ended]) >= 20_000 // 500  # one short transaction per batch
    assert len([t for t in beats if started <= t <= ended]) >= 10  # the heartbeat wrote while the list loaded


KILLED_LOAD = """
import dataclasses, os, signal, sys
sys.path.insert(0, {root!r})
from flows import register_check
from orynda import runs
from orynda.config import load_settings

def killed_at(params, settings):
    for n, spec in enumerate(register_check.load_items(params, settings), start=1):
        if n == {kill_at}:
            os.kill(os.getpid(), signal.SIGKILL)  # kill -9 in the middle of a batch
        yield spec

flow = dataclasses.replace(register_check.FLOW, load_items=killed_at)
runs.start_run(flow, {{"input": {path!r}}}, load_settings(home={home!r}))
"""


def test_a_run_killed_while_its_list_loads_resumes_with_every_row_exactly_once(tmp_path: Path) -> None:
    path, home = debtors_csv(tmp_path / "debtors.csv", 3_000), tmp_path / "home"
    script = KILLED_LOAD.format(root=str(ROOT), kill_at=1_234, path=str(path), home=str(home))
    env = {k: v for k, v in os.environ.items() if not k.startswith("ORYNDA_")}
    killed = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, timeout=120)
    assert killed.returncode == -9, killed.stderr.decode()
    store = RunStore(f"sqlite:///{home / 'orynda.db'}")
    [run] = store.list_runs()
    assert not store.loaded(run.id) and len(store.items(run.id)) == 1_000  # the batches before the kill
    flows = {"register_check": register_check.FLOW}
    outcome = runs.resume_run(run.id, load_settings(home=home), flows=flows, stop_when=lambda: True)
    assert outcome.status is RunStatus.INTERRUPTED and store.loaded(run.id)  # stopped before any item: no browser
    items = store.items(run.id)
    assert [i.seq for i in items] == list(range(2, 3_002))  # each data row once, by its line in the file
    assert len({i.key for i in items}) == 3_000 and {i.state for i in items} == {ItemState.NEW}


# --- a site's list, page by page ------------------------------------------------------------------------------


def debtor(iin: str, *proceedings: str) -> ItemSpec[NightlyCheckItem]:
    return ItemSpec(0, iin, NightlyCheckItem(iin=iin, name=f"name of {iin}", proceedings=proceedings), "AIS EP")


A, B, C, D = sorted(iins(4))
PAGES = {1: [debtor(D, "P-1"), debtor(B, "P-2")], 2: [debtor(B, "P-3"), debtor(C, "P-4")], 3: [debtor(A, "P-5")]}


@pytest.fixture
def store(database_url: str) -> RunStore:
    return RunStore(database_url)


def nightly_run(store: RunStore, tmp_path: Path, params: dict[str, Any] | None = None) -> str:
    return store.create_run("nightly_check", params or {}, [], tmp_path / "runs", loading=True).id


def test_each_page_is_recorded_as_it_is_read_and_a_debtor_on_two_pages_is_one_item(
    store: RunStore, tmp_path: Path
) -> None:
    run_id = nightly_run(store, tmp_path)
    found = RecordedPages(store, run_id, NIGHTLY)
    found.record(1, PAGES[1])
    assert {i.key for i in store.items(run_id)} == {D, B} and not store.loaded(run_id)
    found.record(2, PAGES[2])
    found.record(3, PAGES[3])
    assert found.finish({}) == 4 and store.loaded(run_id)
    items = store.items(run_id)
    assert [(i.seq, i.key) for i in items] == [(1, A), (2, B), (3, C), (4, D)]  # numbered in IIN order
    assert items[1].payload["proceedings"] == ["P-2", "P-3"]


def test_a_walk_killed_after_two_pages_reads_on_from_the_third_without_duplicates(
    store: RunStore, tmp_path: Path
) -> None:
    run_id = nightly_run(store, tmp_path, {"limit": 3})
    first = RecordedPages(store, run_id, NIGHTLY)
    first.record(1, PAGES[1])
    first.record(2, PAGES[2])  # … killed here: the list is not complete
    assert not store.loaded(run_id)
    again = RecordedPages(store, run_id, NIGHTLY)  # the resume
    assert again.pages == 2
    again.record(2, PAGES[2])  # a page given again is not recorded twice
    again.record(3, PAGES[3])
    assert again.finish({"limit": 3}) == 3
    items = store.items(run_id)
    assert [(i.seq, i.key) for i in items] == [(1, A), (2, B), (3, C)]  # the limit keeps the lowest IINs
    assert items[1].payload["proceedings"] == ["P-2", "P-3"]


def test_a_run_whose_list_is_not_complete_is_not_taken_as_loaded(store: RunStore, tmp_path: Path) -> None:
    whole = store.create_run("register_check", {}, [debtor(A)], tmp_path / "runs")
    assert store.loaded(whole.id)  # recorded with all its items at once
    assert not store.loaded(store.create_run("nightly_check", {}, [], tmp_path / "runs").id)  # nothing read yet
    partial = nightly_run(store, tmp_path)
    store.add_items(partial, [ItemSpec(1, A, NightlyCheckItem(iin=A, name="", proceedings=()))], read=1)
    assert not store.loaded(partial) and store.read_so_far(partial) == 1

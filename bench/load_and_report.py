"""Benchmark: a 100,000-row list of debtors loaded into a run, and the report of a 100,000-item run after Ctrl-C.

    python bench/load_and_report.py [--rows 100000] [--work-s 5]

1. Loading: register_check's reading of a CSV of `--rows` rows (1 % of them bad rows, recorded as business
   exceptions) recorded into a fresh run store the way `runner.py run` records it, while the flow's lease is held
   with its heartbeat beating every second. Prints the seconds, the peak memory (PSS of this process) and the
   longest write transaction (the most the heartbeat could have waited), and the heartbeat's renewals and failures.
2. Ctrl-C: a run of `--rows` items of a trivial flow (register_check's list; each item answers at once, no
   registry) in a child process, sent SIGINT `--work-s` seconds after its items were recorded; prints the seconds
   from SIGINT to the report written and to the child's exit, the run process's peak memory meanwhile, and what the
   report holds (every item has its row: the ones not worked yet too).
3. The report alone when every item is finished: the same run's items marked done in the store directly (a result
   with its fields, as register_check writes), the report written again; prints its seconds (wall clock and CPU)
   and the peak memory, against the targets (60 s, 1 GB).

The seconds are wall-clock: on a machine busy with other work they stretch (the load average is printed at the start
and the end); the CPU seconds say what the work itself took.
"""

from __future__ import annotations

import argparse
import csv
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from loguru import logger
from openpyxl import load_workbook
from sqlalchemy import event, update

from bench._common import PeakMemory, tree_pss_mb
from domain.iin import check_digit
from flows import register_check
from orynda import leases, logs
from orynda.config import load_settings
from orynda.leases import lease
from orynda.loading import load_items
from orynda.report.data import load
from orynda.report.workbook import write_report
from orynda.runstore import RunStore
from orynda.schema import Item, ItemState, RunStatus

TARGET_S, TARGET_MIB = 60, 1024  # the report of a finished 100,000-item run: at most a minute and 1 GB

CHILD = """
import dataclasses, sys
sys.path.insert(0, {root!r})
from flows import register_check
from orynda import leases, logs
from orynda.config import load_settings
from orynda.flow import ItemResult
from orynda.runs import start_run

async def answer(payload, ctx):
    return ItemResult(fields={{"name": payload.name, "expected": payload.expected_amount}})

logs.configure("WARNING")
settings = load_settings(home={home!r}, workers=4)
settings = settings.model_copy(update={{"browser": settings.browser.model_copy(update={{"trace": False}})}})
flow = dataclasses.replace(register_check.FLOW, process=answer, sites=())
start_run(flow, {{"input": {path!r}}}, settings)
"""


def iins(count: int) -> list[str]:
    found: list[str] = []
    serial = 0
    while len(found) < count:
        first11 = f"80{1 + serial // 280_000 % 12:02d}{1 + serial // 10_000 % 28:02d}3{serial % 10_000:04d}"
        serial += 1
        if (digit := check_digit(first11)) is not None:
            found.append(first11 + str(digit))
    return found


def write_list(path: Path, rows: int) -> Path:
    with path.open("w", newline="", encoding="utf-8") as f:
        out = csv.writer(f, delimiter=";")
        out.writerow(["ИИН", "ФИО", "Сумма", "Номер производства"])
        for n, iin in enumerate(iins(rows)):
            bad = n % 100 == 99  # one row in a hundred has a typo in its IIN
            out.writerow([iin[:-1] if bad else iin, f"Борышкер {n}", f"{1000 + n % 5000} 234,50", f"ИП-{n:06d}"])
    return path


def bench_load(path: Path, home: Path) -> None:
    settings = load_settings(home=home)
    store = RunStore(settings.db_url)
    holds: list[float] = []
    opened: dict[int, float] = {}

    def writes(conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        if statement.lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE")):
            opened.setdefault(id(conn), time.perf_counter())  # SQLite takes its write lock at the first write

    def committed(conn: Any) -> None:
        if id(conn) in opened:
            holds.append(time.perf_counter() - opened.pop(id(conn)))

    event.listen(store.engine, "before_cursor_execute", writes)
    event.listen(store.engine, "commit", committed)
    failed: list[str] = []
    sink = logger.add(lambda m: failed.append(str(m)), level="WARNING", filter=lambda r: "renewal" in r["message"])
    renewals: list[float] = []
    original = leases.renew

    def counted(*args: Any, **kw: Any) -> bool:
        renewals.append(time.perf_counter())
        return original(*args, **kw)

    leases.renew = counted  # the heartbeat's renewals, counted
    started, cpu = time.perf_counter(), time.process_time()
    try:
        with PeakMemory() as memory, lease(store.engine, "register_check", "bench:1", ttl_s=3) as held:
            run = store.create_run("register_check", {"input": str(path)}, [], settings.runs_dir, loading=True)
            total = load_items(store, run.id, register_check.load_items({"input": str(path)}, settings))
    finally:
        leases.renew = original
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    logger.remove(sink)
    print(
        f"load: {total} rows of {path.name} recorded in {elapsed:.1f} s ({total / elapsed:.0f} rows/s, {cpu:.1f} s CPU)"
    )
    print(f"  peak memory (PSS of this process): {memory.peak:.0f} MiB")
    print(f"  write transactions: {len(holds)}, the write lock held at most {max(holds) * 1000:.0f} ms")
    print(f"  lease heartbeat (every {held.ttl_s / 3:.0f} s): {len(renewals)} renewals, {len(failed)} failed")


def bench_interrupt(path: Path, home: Path, work_s: float) -> None:
    script = CHILD.format(root=str(Path(__file__).resolve().parent.parent), home=str(home), path=str(path))
    env = {k: v for k, v in os.environ.items() if not k.startswith("ORYNDA_")}
    child = subprocess.Popen([sys.executable, "-c", script], env=env, stdout=subprocess.DEVNULL)
    store = RunStore(load_settings(home=home).db_url)
    started = time.perf_counter()
    run = None
    while child.poll() is None:
        runs = store.list_runs(1)
        if runs and store.loaded(runs[0].id):
            run = runs[0]
            break
        time.sleep(0.2)
    assert run is not None, "the child ended before its items were recorded"
    recorded = time.perf_counter() - started
    print(f"run of {store.counts(run.id).total} items of a trivial flow: recorded after {recorded:.1f} s")
    time.sleep(work_s)
    report = Path(run.folder) / f"report-{run.id}.xlsx"
    before = tree_pss_mb(child.pid)
    with PeakMemory(child.pid) as memory:
        cpu = cpu_s(child.pid)
        child.send_signal(signal.SIGINT)
        sent = time.perf_counter()
        while not report.exists() and child.poll() is None:
            time.sleep(0.05)
        written = time.perf_counter() - sent
        cpu = cpu_s(child.pid) - cpu
    child.wait(timeout=600)
    ended = time.perf_counter() - sent
    counts = store.counts(run.id)
    final = store.get_run(run.id)
    print(f"  SIGINT after {work_s:.0f} s of work: {counts.by_state[ItemState.DONE]} items done, {counts.left} left")
    status = final.status if final else "?"
    print(f"  SIGINT -> report written: {written:.1f} s ({cpu:.1f} s CPU of the run process)")
    print(f"  SIGINT -> process ended: {ended:.1f} s (status {status})")
    print(
        f"  the run process's memory (PSS): {before:.0f} MiB before SIGINT, {memory.peak:.0f} MiB at most to the report"
    )
    print(f"  report {_rows(report)}")


def cpu_s(pid: int) -> float:
    """The CPU seconds a process has used so far (user and system), from /proc."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def bench_report_of_finished(home: Path) -> None:
    settings = load_settings(home=home)
    store = RunStore(settings.db_url)
    run = store.list_runs(1)[0]
    fields = {"name": "Борышкер", "expected": "1234.50", "register_amount": "1234.50", "proceedings": 1}
    with store.session() as s:
        s.execute(
            update(Item)
            .where(Item.run_id == run.id, Item.state == ItemState.NEW)
            .values(state=ItemState.DONE, attempts=1, result={"findings": [], "fields": {**fields, "exit_ban": False}})
        )
    store.set_status(run.id, RunStatus.DONE, ended=True)
    started, cpu = time.perf_counter(), time.process_time()
    with PeakMemory() as memory:
        report = write_report(load(store, store.get_run(run.id) or run, register_check.FLOW, "kk", settings))
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    print(f"report of the same {store.counts(run.id).total} items, all finished (marked done in the store):")
    size = report.stat().st_size / 1e6
    print(f"  written in {elapsed:.1f} s ({cpu:.1f} s CPU), {size:.1f} MB; peak memory {memory.peak:.0f} MiB")
    met = "met" if elapsed <= TARGET_S and memory.peak <= TARGET_MIB else "NOT met"
    print(f"  target {TARGET_S} s and {TARGET_MIB / 1024:.0f} GB: {met}; report {_rows(report)}")


def _rows(report: Path) -> str:
    """The rows of the report's Items sheet (the third), read as a stream."""
    book = load_workbook(report, read_only=True)
    try:
        items = book.worksheets[2]
        return f"{items.title!r} sheet: {sum(1 for _ in items.iter_rows(min_row=2, max_col=1)):,} rows"
    finally:
        book.close()


def machine_load() -> str:
    """The figures are wall-clock seconds: on a machine busy with other work they stretch, the load says by how much."""
    return f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--work-s", type=float, default=5.0)
    args = parser.parse_args()
    logs.configure("WARNING")
    print(f"at start: {machine_load()}")
    with tempfile.TemporaryDirectory() as tmp:
        path = write_list(Path(tmp) / "debtors.csv", args.rows)
        bench_load(path, Path(tmp) / "load")
        bench_interrupt(path, Path(tmp) / "interrupt", args.work_s)
        bench_report_of_finished(Path(tmp) / "interrupt")
    print(f"at end: {machine_load()}")


if __name__ == "__main__":
    main()

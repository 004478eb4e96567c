"""`runner.py schedule`: APScheduler 3 as a long-running service.

Jobs have fixed ids (`schedule:<entry>`) in a persistent SQLAlchemy job store in the runs database, with misfire
grace and coalescing: a machine that slept through a fire time runs one catch-up, not several. SIGTERM or Ctrl-C:
the runs in flight finish their current items, are marked interrupted, and the service exits 0.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import signal
import threading
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

from apscheduler.executors.base import BaseExecutor
from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.jobstores.base import BaseJobStore
from apscheduler.jobstores.memory import MemoryJobStore
from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.schedulers.base import BaseScheduler
from loguru import logger

from app.scheduling.fires import close_killed
from app.scheduling.job import FireContext, run_entry, unfinished_run
from app.scheduling.model import SchedulesFile
from orynda.clock import ALMATY
from orynda.config import Settings
from orynda.database import make_engine
from orynda.runs import open_store
from orynda.runstore import RunStore

JOB_PREFIX = "schedule:"
FIRE_REF = "app.scheduling.service:fire"
# The job store keeps only a textual reference and the entry name; the live context of this process is here.
_context: FireContext | None = None


def job_id(entry: str) -> str:
    return JOB_PREFIX + entry


def fire(entry: str, fire_time: dt.datetime | None = None) -> str:
    """What APScheduler calls: one fire of one entry, in this process's context."""
    if _context is None:
        raise RuntimeError("the scheduler's context is not set; start it with serve()")
    try:
        return run_entry(entry, _context, fire_time=fire_time)
    except Exception as exc:
        logger.error("schedule {}: the fire failed: {}", entry, "".join(traceback.format_exception(exc)))
        raise


def build_scheduler(
    settings: Settings,
    scheduler: BaseScheduler | None = None,
    *,
    jobstore: BaseJobStore | None = None,
    executor: BaseExecutor | None = None,
) -> BaseScheduler:
    """The scheduler with its persistent job store (the runs database) and a one-off store for --run-now."""
    scheduler = scheduler or BackgroundScheduler()
    stored = jobstore or SQLAlchemyJobStore(engine=make_engine(settings.db_url))  # SQLite pragmas: WAL, busy timeout
    jobstores = {"default": stored, "once": MemoryJobStore()}
    scheduler.configure(
        jobstores=jobstores,
        executors={"default": executor or ThreadPoolExecutor(4)},
        timezone=ALMATY,
        job_defaults={"coalesce": True, "max_instances": 1},
    )
    return scheduler


def sync_jobs(scheduler: BaseScheduler, schedules: SchedulesFile) -> None:
    """One job per enabled entry; an unchanged trigger keeps its stored next run time, so a missed fire still runs."""
    wanted = {job_id(name): name for name, entry in schedules.schedules.items() if entry.enabled}
    for job in scheduler.get_jobs(jobstore="default"):
        if job.id.startswith(JOB_PREFIX) and job.id not in wanted:
            logger.info("schedule {}: no longer in the schedules file, removed", job.id)
            scheduler.remove_job(job.id, jobstore="default")
    for jid, name in wanted.items():
        entry, existing = schedules.schedules[name], scheduler.get_job(jid, jobstore="default")
        options = {"args": [name], "name": f"{name} ({entry.flow})", "misfire_grace_time": entry.misfire_grace_s}
        if existing is not None and str(existing.trigger) == str(entry.trigger()):
            existing.modify(**options)
        else:
            scheduler.add_job(
                FIRE_REF,
                entry.trigger(),
                id=jid,
                jobstore="default",
                replace_existing=True,
                coalesce=True,
                max_instances=1,
                **options,
            )


def serve(
    schedules: SchedulesFile,
    settings: Settings,
    *,
    run_now: list[str] | None = None,
    scheduler: BaseScheduler | None = None,
) -> int:
    """Runs until SIGTERM or Ctrl-C; then lets the runs in flight finish their items and returns 0."""
    global _context
    context = _context = FireContext(schedules, settings)
    store = open_store(settings)  # the schema exists before two fires could race to create it
    if killed := close_killed(store.engine):
        logger.warning("{} fire(s) of a scheduler that was killed are marked as cut off", killed)
    now_too = list(dict.fromkeys([*(run_now or []), *interrupted_in_window(store, schedules, context.now())]))
    store.engine.dispose()
    scheduler = build_scheduler(settings, scheduler)
    with _signals(context.shutdown), _apscheduler_logs():
        try:
            _start(scheduler, schedules, now_too, context.now())
            while not context.shutdown.wait(1.0):
                pass
            logger.info("stopping: runs in flight finish their current items and are marked interrupted")
        finally:
            if scheduler.running:
                scheduler.shutdown(wait=True)
            _context = None
    logger.info("scheduler stopped")
    return 0


def interrupted_in_window(store: RunStore, schedules: SchedulesFile, now: dt.datetime) -> list[str]:
    """Entries whose run was interrupted (a restart, SIGTERM) and whose window is open: resumed at start, not
    tomorrow night."""
    names = [
        name
        for name, entry in schedules.schedules.items()
        if entry.enabled
        and (entry.window is None or entry.window.contains(now))
        and unfinished_run(store, entry) is not None
    ]
    for name in names:
        logger.info("schedule {}: its run was left unfinished and its window is open; resuming it now", name)
    return names


def _start(scheduler: BaseScheduler, schedules: SchedulesFile, run_now: list[str], now: dt.datetime) -> None:
    """Jobs are synced while paused, so nothing fires from a half-updated job store."""
    scheduler.start(paused=True)
    sync_jobs(scheduler, schedules)
    for name in run_now:
        scheduler.add_job(
            FIRE_REF,
            "date",
            run_date=now,
            args=[name],
            kwargs={"fire_time": now},
            id=f"once:{name}",
            name=f"{name} (--run-now)",
            jobstore="once",
            misfire_grace_time=None,
        )
    scheduler.resume()
    _log_next(scheduler)


@contextmanager
def _signals(shutdown: threading.Event) -> Iterator[None]:
    """First SIGTERM/SIGINT: stop gently; a second one: exit now (leases expire, runs resume next time)."""

    def handler(signum: int, _frame: FrameType | None) -> None:
        if shutdown.is_set():
            logger.warning("second {}: exiting now", signal.Signals(signum).name)
            os._exit(1)
        logger.warning("{} received: finishing the items in flight", signal.Signals(signum).name)
        shutdown.set()

    previous = {sig: signal.signal(sig, handler) for sig in (signal.SIGTERM, signal.SIGINT)}
    try:
        yield
    finally:
        for sig, old in previous.items():
            signal.signal(sig, old)


@contextmanager
def _apscheduler_logs() -> Iterator[None]:
    """APScheduler logs through the standard library (fires, misfires); ours go through loguru, masked."""
    bridge, aplog = _ToLoguru(), logging.getLogger("apscheduler")
    aplog.addHandler(bridge)
    aplog.setLevel(logging.INFO)
    try:
        yield
    finally:
        aplog.removeHandler(bridge)


class _ToLoguru(logging.Handler):
    def emit(self, record: logging.LogRecord) -> None:
        logger.opt(depth=1).log(record.levelname, record.getMessage())


def _log_next(scheduler: BaseScheduler) -> None:
    for job in scheduler.get_jobs():
        logger.info("job {} next fires at {}", job.id, getattr(job, "next_run_time", None))

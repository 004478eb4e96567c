"""What one fire of a schedule entry does: claim the fire, run the pre-flight of the flow's sites (unless the entry
says `preflight: false`; a missing element ends the fire with an e-mail naming it), resume the flow's unfinished
run or start a new one,
stop taking items at the window's end (paused) or on SIGTERM (interrupted), then log the counts and e-mail the
figures with the report, in the office's language."""

from __future__ import annotations

import datetime as dt
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from email.message import EmailMessage

from loguru import logger
from sqlalchemy import select

from app.runs import resume_run, start_run
from app.scheduling import notify
from app.scheduling.fires import claim_fire, record_outcome
from app.scheduling.model import Notify, Schedule, SchedulesFile
from orynda import clock
from orynda.config import Settings
from orynda.errors import ConfigError, PreflightFailed
from orynda.history import run_figures
from orynda.leases import FlowBusy
from orynda.runs import RunOutcome, open_store
from orynda.runstore import RunStore, holder_name
from orynda.schema import Run, RunStatus

UNFINISHED = (RunStatus.RUNNING, RunStatus.INTERRUPTED, RunStatus.PAUSED)


@dataclass
class FireContext:
    """Everything a fire needs, injectable: the clock, the mailer, and the service's shutdown flag."""

    schedules: SchedulesFile
    settings: Settings
    now: Callable[[], dt.datetime] = clock.now
    send: Callable[[Notify, EmailMessage], bool] = notify.send
    shutdown: threading.Event = field(default_factory=threading.Event)


def run_entry(name: str, ctx: FireContext, *, fire_time: dt.datetime | None = None) -> str:
    """Handles the entry's latest due fire once across all schedulers; returns what happened, in words."""
    entry = ctx.schedules.schedules[name]
    moment = ctx.now()
    fire = fire_time or entry.trigger().last_fire(moment, moment - dt.timedelta(seconds=entry.misfire_grace_s))
    if fire is None:
        return _said(name, "no fire due")
    store = open_store(ctx.settings)
    try:
        if not claim_fire(store.engine, name, fire, holder_name(), moment):
            return _said(name, f"fire of {fire:%Y-%m-%d %H:%M} already handled by another scheduler")
        outcome = _handle(name, entry, ctx, store, moment)
        record_outcome(store.engine, name, fire, outcome)
        return _said(name, outcome)
    finally:
        store.engine.dispose()


def _handle(name: str, entry: Schedule, ctx: FireContext, store: RunStore, moment: dt.datetime) -> str:
    if ctx.shutdown.is_set():
        return "skipped: the scheduler is stopping"
    if entry.window and not entry.window.contains(moment):
        return f"skipped: {moment:%H:%M} is outside the window {entry.window}"
    closes = entry.window.closes_at(moment) if entry.window else None
    try:
        outcome = _resume_or_start(entry, ctx, store, _stop_when(ctx, closes))
    except FlowBusy as exc:
        ctx.send(ctx.schedules.notify, _failure(ctx, name, entry.flow, str(exc), busy=True))
        return f"busy: {exc}"
    except PreflightFailed as exc:  # the site changed: no item is worked until a person looks
        logger.error("schedule {}: {} not started: {}", name, entry.flow, exc)
        message = notify.preflight_message(ctx.schedules.notify, name, entry.flow, exc.missing, ctx.settings.language)
        ctx.send(ctx.schedules.notify, message)
        return f"refused: {exc}"
    except Exception as exc:  # unattended: whatever went wrong, the supervisor hears of it and the service goes on
        problem = str(exc) if isinstance(exc, ConfigError) else f"{type(exc).__name__}: {exc}"
        logger.error("schedule {}: {} could not run: {}{}", name, entry.flow, problem, _trace(exc))
        ctx.send(ctx.schedules.notify, _failure(ctx, name, entry.flow, problem))
        return f"failed: {problem}"
    _report(name, outcome, ctx, store)
    return f"run {outcome.run_id} {outcome.status}"


def _resume_or_start(entry: Schedule, ctx: FireContext, store: RunStore, stop_when: Callable[[], bool]) -> RunOutcome:
    """The entry's paused or interrupted run goes on from where it stopped; only when none is left is one started."""

    def stop_status() -> RunStatus:
        return RunStatus.INTERRUPTED if ctx.shutdown.is_set() else RunStatus.PAUSED

    unfinished = unfinished_run(store, entry)
    if unfinished is not None:
        return resume_run(
            unfinished.id,
            ctx.settings,
            preflight=entry.preflight,
            stop_when=stop_when,
            stop_status=stop_status,
            store=store,
        )
    return start_run(
        entry.flow,
        entry.params,
        ctx.settings,
        preflight=entry.preflight,
        trigger="schedule",
        stop_when=stop_when,
        stop_status=stop_status,
        store=store,
    )


def unfinished_run(store: RunStore, entry: Schedule) -> Run | None:
    """The latest unfinished run of this flow with this entry's parameters (an on-demand run of another list isn't)."""
    with store.session() as s:
        runs = s.scalars(
            select(Run).where(Run.flow == entry.flow, Run.status.in_(UNFINISHED)).order_by(Run.started_at.desc())
        )
        return next((run for run in runs if run.params == entry.params), None)


def _stop_when(ctx: FireContext, closes: dt.datetime | None) -> Callable[[], bool]:
    """Checked before each new item: the service is stopping, or the night window has closed."""

    def stop() -> bool:
        return ctx.shutdown.is_set() or (closes is not None and ctx.now() >= closes)

    return stop


def _report(name: str, outcome: RunOutcome, ctx: FireContext, store: RunStore) -> None:
    s = outcome.summary
    logger.info(
        "schedule {}: run {} of {} {}: {} items, done {}, business {}, system {}, left {}, retries {}; report {}",
        name,
        s.run_id,
        s.flow,
        s.status,
        s.total,
        s.done,
        s.business,
        s.system,
        s.left,
        s.retries,
        outcome.report,
    )
    run = store.get_run(outcome.run_id)
    assert run is not None, outcome.run_id
    figures = run_figures(store, run)
    message = notify.run_message(
        ctx.schedules.notify, name, figures, outcome.report, outcome.folder, ctx.settings.language
    )
    ctx.send(ctx.schedules.notify, message)


def _failure(ctx: FireContext, name: str, flow: str, problem: str, *, busy: bool = False) -> EmailMessage:
    return notify.failure_message(ctx.schedules.notify, name, flow, problem, ctx.settings.language, busy=busy)


def _trace(exc: Exception) -> str:
    """The stack of an unexpected error, as text the log masks (no local values, which could hold an IIN)."""
    return "" if isinstance(exc, ConfigError) else "\n" + "".join(traceback.format_exception(exc))


def _said(name: str, outcome: str) -> str:
    logger.info("schedule {}: {}", name, outcome)
    return outcome

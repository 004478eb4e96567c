"""Starting and resuming runs: items are read and recorded before any browser starts; the report is written at
the end whatever happened in between."""

from __future__ import annotations

import asyncio
import signal
from collections.abc import Callable, Mapping
from contextlib import nullcontext
from dataclasses import dataclass
from itertools import chain
from pathlib import Path
from typing import Any

from loguru import logger

from orynda import logs
from orynda.config import Settings
from orynda.engine import ItemEngine
from orynda.errors import ConfigError, SystemException
from orynda.eta import past_pace
from orynda.flow import Flow
from orynda.i18n import texts
from orynda.leases import Lease, lease
from orynda.loading import load_items
from orynda.progress import RunProgress
from orynda.report.data import load
from orynda.report.workbook import write_report
from orynda.runstore import RunStore, holder_name
from orynda.schema import Run, RunStatus
from orynda.summary import RunSummary, summarize


@dataclass(frozen=True)
class RunOutcome:
    run_id: str
    status: RunStatus
    report: Path
    folder: Path
    summary: RunSummary
    failure: str | None = None  # why a failed run worked nothing (developer's words, masked)
    failed_site: str | None = None  # the registry that stayed down at the start, when one did


def open_store(settings: Settings) -> RunStore:
    settings.home.mkdir(parents=True, exist_ok=True)
    return RunStore(settings.db_url)


# The status of a run stopped by `stop_when`; a callable decides at the end (window: paused, SIGTERM: interrupted).
StopStatus = RunStatus | Callable[[], RunStatus]


def start_run(
    flow: Flow[Any],
    params: dict[str, Any],
    settings: Settings,
    *,
    trigger: str = "cli",
    progress: bool = False,
    stop_when: Callable[[], bool] | None = None,
    stop_status: StopStatus = RunStatus.INTERRUPTED,
    store: RunStore | None = None,
) -> RunOutcome:
    """A new run of a flow: its work items are recorded first, so nothing can be lost after this point. They are read
    as a stream and recorded in batches (orynda.loading): an input file that cannot be used is refused before the
    run is recorded, and a load killed halfway goes on at `resume`."""
    store = store or open_store(settings)
    with lease(store.engine, flow.name, holder_name()) as held:  # FlowBusy if the flow runs anywhere else
        specs = iter(flow.load_items(params, settings))
        first = next(specs, None)  # the file's header and its first row are read before anything is recorded
        run = store.create_run(flow.name, params, [], settings.runs_dir, trigger=trigger, loading=True)
        if flow.discover is None:
            total = load_items(store, run.id, chain([first] if first else [], specs))
            logger.info("run {} of {}: {} items recorded", run.id, flow.name, total)
        return execute(
            store,
            flow,
            run,
            settings,
            progress=progress,
            stop_when=_unless_lost(held, stop_when),
            stop_status=stop_status,
        )


def resume_run(
    run_id: str | None,
    settings: Settings,
    *,
    flows: Mapping[str, Flow[Any]],
    progress: bool = False,
    stop_when: Callable[[], bool] | None = None,
    stop_status: StopStatus = RunStatus.INTERRUPTED,
    store: RunStore | None = None,
) -> RunOutcome:
    """Goes on with a run that was interrupted, paused or killed; finished items are never redone. `flows` are the
    flows this installation knows, by name: the run's record names its flow."""
    store = store or open_store(settings)
    run = store.get_run(run_id) if run_id else store.latest_unfinished()
    if run is None:
        raise ConfigError(f"no run {run_id!r} to resume" if run_id else "no unfinished run to resume")
    with lease(store.engine, run.flow, holder_name()) as held:  # FlowBusy if the flow runs anywhere else
        run = store.get_run(run.id) or run  # read again under the lease: its last holder may have finished it
        if RunStatus(run.status).finished:
            raise ConfigError(f"run {run.id} is already done; see its report {run.report_path}")
        store.set_status(run.id, RunStatus.RUNNING)
        logger.info("resuming run {} of {}", run.id, run.flow)
        if run.flow not in flows:
            raise ConfigError(f"run {run.id} is of flow {run.flow!r}, which this installation does not have")
        flow = flows[run.flow]
        if flow.discover is None and not store.loaded(run.id):  # killed while its list was read: read on
            total = load_items(store, run.id, flow.load_items(dict(run.params or {}), settings))
            logger.info("run {}: its list read on to the end, {} items", run.id, total)
        return execute(
            store,
            flow,
            run,
            settings,
            progress=progress,
            stop_when=_unless_lost(held, stop_when),
            stop_status=stop_status,
        )


def _unless_lost(held: Lease, stop_when: Callable[[], bool] | None) -> Callable[[], bool]:
    """Stop taking items also when the lease was lost (this process stalled past its TTL and another took over)."""
    return lambda: held.lost.is_set() or bool(stop_when and stop_when())


def execute(
    store: RunStore,
    flow: Flow[Any],
    run: Run,
    settings: Settings,
    *,
    progress: bool,
    stop_when: Callable[[], bool] | None,
    stop_status: StopStatus,
) -> RunOutcome:
    sink = logs.add_run_log(Path(run.folder))
    counts = store.counts(run.id)
    bar = (
        RunProgress(
            counts.total,
            counts.total - counts.left,
            words=texts(settings.language),
            past_pace=past_pace(store, flow.name),
        )
        if progress
        else None
    )
    engine = ItemEngine(
        settings, store, on_item=bar.advance if bar else None, on_found=bar.found if bar else None, stop_when=stop_when
    )
    failure: SystemException | None = None
    try:
        with bar or nullcontext():
            finished = asyncio.run(_run_with_signals(engine, flow, run))
        status = _end_status(finished, engine.interrupted, stop_status, failed=store.counts(run.id).failed)
    except SystemException as exc:
        # Item faults never get here (each ends its item); this is what the run needs before any item: the browser,
        # or the registry that lists the work (nightly_check's AIS EP). It stayed down after its retries.
        failure, status = exc, RunStatus.FAILED
        logger.error("run {} failed before its items: {}", run.id, exc)
    except BaseException:
        store.set_status(run.id, RunStatus.INTERRUPTED, ended=True)
        raise
    finally:
        logs.remove(sink)
    store.set_status(run.id, status, ended=True)
    report = write_report(load(store, store.get_run(run.id) or run, flow, settings.language, settings))
    store.set_status(run.id, status, report=report)
    final = store.get_run(run.id) or run
    return RunOutcome(
        run.id,
        status,
        report,
        Path(run.folder),
        summarize(store, final),
        failure=str(failure) if failure else None,
        failed_site=failure.site if failure else None,
    )


def _end_status(finished: bool, interrupted: bool, stop_status: StopStatus, *, failed: int) -> RunStatus:
    """Done (with failures, if any item failed on system faults) when no item is left; else interrupted by a
    person or a signal, or what the caller's stop says."""
    if finished:
        return RunStatus.DONE_WITH_FAILURES if failed else RunStatus.DONE
    if interrupted:
        return RunStatus.INTERRUPTED
    return stop_status() if callable(stop_status) else stop_status


async def _run_with_signals(engine: ItemEngine, flow: Flow[Any], run: Run) -> bool:
    """Ctrl-C or SIGTERM: finish the items in flight and stop; a second one stops at once."""
    loop = asyncio.get_running_loop()
    task = asyncio.current_task()
    presses = 0

    def on_signal() -> None:
        nonlocal presses
        presses += 1
        logger.warning(
            "stop requested: finishing the items in flight ({}).", "again to stop now" if presses == 1 else "now"
        )
        engine.request_stop()
        if presses > 1 and task:
            task.cancel()

    installed = []
    for sig in (signal.SIGINT, signal.SIGTERM):
        try:
            loop.add_signal_handler(sig, on_signal)
            installed.append(sig)
        except (NotImplementedError, RuntimeError, ValueError):
            pass  # not the main thread (the scheduler's workers): the caller stops us instead
    try:
        return await engine.run(flow, run)
    finally:
        for sig in installed:
            loop.remove_signal_handler(sig)

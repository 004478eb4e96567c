"""Starting a flow from the console: in a background thread, at once, refused while the same flow runs.

The console is given a `StartFlow` (tests give a stub); the default, `FlowStarter`, checks the flow's lease first
(orynda.leases: a flow never runs twice at once) and also catches FlowBusy when the lease is taken in between.
"""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import dataclass
from typing import Any, Protocol

from loguru import logger

from app import runs as app_runs
from app.catalog import get_flow
from orynda import clock
from orynda.config import Settings
from orynda.errors import PreflightFailed
from orynda.flow import ItemSpec
from orynda.leases import FlowBusy, dead_here, holder_of, lease
from orynda.runs import execute, open_store
from orynda.runstore import holder_name
from orynda.schema import RunStatus

EARLY_FAILURE_S = 0.5  # how long a start waits for a refusal the run itself raises (a lease taken in between)


@dataclass(frozen=True)
class RetryOf:
    """A failed item to try again: a new run of its flow with just this item, its payload as it was."""

    run_id: str
    seq: int


@dataclass(frozen=True)
class Started:
    """What a start did: started, or refused because the flow runs (`holder`) or for another reason (`error`)."""

    ok: bool
    holder: str | None = None
    since: dt.datetime | None = None
    error: str | None = None


@dataclass(frozen=True)
class Refusal:
    """A start the run itself refused after the page had its answer (the pre-flight takes seconds): shown on the
    flows page until the next start. `missing`: the pre-flight's elements (site, page, element), else `error`."""

    at: dt.datetime
    missing: list[tuple[str, str, str]]
    error: str | None = None


class StartFlow(Protocol):
    def __call__(self, flow: str, params: dict[str, Any], *, by: str, retry: RetryOf | None = None) -> Started: ...

    def refusal(self, flow: str) -> Refusal | None: ...


def running_holder(settings: Settings, flow: str) -> tuple[str, dt.datetime] | None:
    """Who holds the flow's lease now, when it is live (not expired, its process not gone)."""
    row = holder_of(open_store(settings).engine, flow)
    if row is None or row.expires_at < clock.now() or dead_here(row.holder):
        return None
    return row.holder, row.acquired_at


class FlowStarter:
    """Starts runs in background threads of this process; a run goes on if the page that started it is closed."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.threads: list[threading.Thread] = []
        self.refusals: dict[str, Refusal] = {}

    def refusal(self, flow: str) -> Refusal | None:
        return self.refusals.get(flow)

    def __call__(self, flow: str, params: dict[str, Any], *, by: str, retry: RetryOf | None = None) -> Started:
        held = running_holder(self.settings, flow)
        if held is not None:
            return Started(False, holder=held[0], since=held[1])
        failure: list[BaseException] = []
        self.refusals.pop(flow, None)

        def work() -> None:
            try:
                if retry is None:
                    app_runs.start_run(flow, params, self.settings, trigger="console")
                else:
                    self._retry(flow, retry)
            except BaseException as exc:  # the thread's end: kept for the caller, logged
                failure.append(exc)
                missing = exc.missing if isinstance(exc, PreflightFailed) else []
                self.refusals[flow] = Refusal(clock.now(), missing, None if missing else str(exc))
                logger.error("console start of {} by {} failed: {}", flow, by, exc)

        thread = threading.Thread(target=work, name=f"console:{flow}", daemon=True)
        thread.start()
        self.threads.append(thread)
        thread.join(EARLY_FAILURE_S)
        if failure:
            if isinstance(failure[0], FlowBusy):
                held = running_holder(self.settings, flow)
                return Started(False, holder=held[0] if held else "?", since=held[1] if held else None)
            return Started(False, error=str(failure[0]))
        return Started(True)

    def _retry(self, flow_name: str, retry: RetryOf) -> None:
        flow = get_flow(flow_name)
        store = open_store(self.settings)
        old = store.get_run(retry.run_id)
        item = next((i for i in store.items(retry.run_id) if i.seq == retry.seq), None)
        if old is None or item is None:
            raise ValueError(f"no item {retry.run_id}#{retry.seq}")
        spec = ItemSpec(seq=1, key=item.key, payload=flow.payload(item.payload), source=f"{retry.run_id}#{retry.seq}")
        with lease(store.engine, flow.name, holder_name()) as held:
            run = store.create_run(flow.name, dict(old.params), [spec], self.settings.runs_dir, trigger="retry")
            execute(
                store,
                flow,
                run,
                self.settings,
                progress=False,
                stop_when=lambda: held.lost.is_set(),
                stop_status=RunStatus.INTERRUPTED,
            )

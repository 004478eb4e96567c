"""The figures of a run a supervisor looks at first: counts per state, retries, duration, pace."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from orynda.runstore import RunStore
from orynda.schema import ItemState, Run


@dataclass(frozen=True)
class RunSummary:
    run_id: str
    flow: str
    status: str
    started: dt.datetime
    ended: dt.datetime | None
    total: int
    done: int
    business: int
    system: int
    left: int
    retries: int

    @property
    def duration(self) -> dt.timedelta | None:
        return self.ended - self.started if self.ended else None

    @property
    def items_per_minute(self) -> float | None:
        seconds = self.duration.total_seconds() if self.duration else 0
        finished = self.done + self.business + self.system
        return round(finished / (seconds / 60), 1) if seconds > 0 else None


def summarize(store: RunStore, run: Run) -> RunSummary:
    counts = store.counts(run.id)
    by = counts.by_state
    return RunSummary(
        run.id,
        run.flow,
        run.status,
        run.started_at,
        run.ended_at,
        counts.total,
        by[ItemState.DONE],
        by[ItemState.BUSINESS],
        by[ItemState.SYSTEM],
        counts.left,
        counts.retries,
    )

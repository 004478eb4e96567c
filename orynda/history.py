"""What each run of a flow amounted to, for the `runs` listing and the report's "since the last run" sheet.

Reads stored results; computes only counts and sums of what the items recorded, and which findings came and went
between two runs of a flow.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from decimal import Decimal
from typing import NamedTuple, cast

from sqlalchemy import Integer, String, Table, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, mapped_column

from domain.findings import Finding
from domain.money import ZERO
from orynda.flow import ItemResult
from orynda.runstore import RunStore
from orynda.schema import AwareDateTime, Base, Item, ItemState, Run, RunStatus


@dataclass(frozen=True)
class RunFigures:
    run_id: str
    flow: str
    status: str
    started: dt.datetime
    items: int
    findings: int
    money_found: Decimal  # the amounts of findings that name an asset (accounts, overpayments, wages)
    documents: int
    acts_filed: int
    acts_waiting: int  # drafted, waiting in the review queue
    failures: int


def run_figures(store: RunStore, run: Run) -> RunFigures:
    items = store.items(run.id)
    results = [ItemResult.from_json(item.result) for item in items]
    documents = [d for r in results for d in r.documents]
    return RunFigures(
        run_id=run.id,
        flow=run.flow,
        status=run.status,
        started=run.started_at,
        items=len(items),
        findings=sum(len(r.findings) for r in results),
        money_found=sum(
            (f.amount for r in results for f in r.findings if f.amount and f.asset is not None and f.amount > 0),
            ZERO,
        ),
        documents=len(documents),
        acts_filed=len({d.act for d in documents if d.filed}),
        acts_waiting=len({d.act for d in documents if d.review == "proposed"}),
        failures=sum(item.state in (ItemState.BUSINESS, ItemState.SYSTEM) for item in items),
    )


# --- since the last run of the same flow ----------------------------------------------------------------------

RUNS_IN_TREND = 30


class FindingKey(NamedTuple):
    """What makes a finding the same one on another night: the item, the finding's code and its asset's identity."""

    item: str
    code: str
    asset: str


@dataclass(frozen=True)
class FindingChanges:
    """This run's findings against the previous run's. A finding gone from an item this run did not check, or
    checked without a registry the finding rests on, is `unchecked` — not resolved."""

    new: frozenset[FindingKey]
    resolved: frozenset[FindingKey]
    still_open: frozenset[FindingKey]
    unchecked: frozenset[FindingKey]


@dataclass(frozen=True)
class TrendPoint:
    """The figures of one run the trend shows, kept per finished run so a report reads 30 runs as 30 rows."""

    run_id: str
    started: dt.datetime
    status: str
    items: int
    findings: int
    money_found: Decimal
    acts_filed: int
    acts_waiting: int
    failures: int


@dataclass(frozen=True)
class Trend:
    """A run against the previous finished run of its flow, and the last runs of the flow (oldest first, this one
    last)."""

    this: TrendPoint
    previous: TrendPoint | None
    changes: FindingChanges | None
    runs: list[TrendPoint]


class StoredTrendPoint(Base):
    """A finished run's TrendPoint: its items no longer change, so it is summed once (run_figures) and read back."""

    __tablename__ = "trend_points"
    run_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    started: Mapped[dt.datetime] = mapped_column(AwareDateTime)
    status: Mapped[str] = mapped_column(String(20))
    items: Mapped[int] = mapped_column(Integer)
    findings: Mapped[int] = mapped_column(Integer)
    money_found: Mapped[str] = mapped_column(String(40))  # exact: a Decimal as text
    acts_filed: Mapped[int] = mapped_column(Integer)
    acts_waiting: Mapped[int] = mapped_column(Integer)
    failures: Mapped[int] = mapped_column(Integer)


def trend(store: RunStore, run: Run, runs: int = RUNS_IN_TREND) -> Trend:
    """This run's trend: earlier runs of the flow from their kept points (summed once), this run summed afresh."""
    _TRENDS.create(store.engine, checkfirst=True)
    with store.session() as s:
        earlier = list(
            s.scalars(
                select(Run)
                .where(Run.flow == run.flow, Run.started_at < run.started_at, Run.id != run.id)
                .order_by(Run.started_at.desc())
                .limit(runs - 1)
            )
        )
    this = _point(store, run, fresh=True)
    points = [_point(store, r) for r in reversed(earlier)]
    previous_run = next((r for r in earlier if RunStatus(r.status).finished), None)
    previous = next((p for p in points if previous_run and p.run_id == previous_run.id), None)
    changes = finding_changes(_item_rows(store, previous_run), _item_rows(store, run)) if previous_run else None
    return Trend(this, previous, changes, [*points, this])


def finding_changes(before: Sequence[ItemRow], now: Sequence[ItemRow]) -> FindingChanges:
    """New, resolved, still open and unchecked findings between two runs' items (see FindingChanges)."""
    was = {key: registries for row in before for key, registries in _findings(row).items()}
    found = {key for row in now for key in _findings(row)}
    checked = {row.key: row.missing for row in now if row.checked}
    gone = set(was) - found

    def rechecked(key: FindingKey) -> bool:
        if key.item not in checked:
            return False
        missing = checked[key.item]
        return not missing if not was[key] else not set(was[key]) & missing

    resolved = frozenset(k for k in gone if rechecked(k))
    return FindingChanges(
        new=frozenset(found - set(was)),
        resolved=resolved,
        still_open=frozenset(found & set(was)),
        unchecked=frozenset(gone - resolved),
    )


@dataclass(frozen=True)
class ItemRow:
    """An item as the comparison reads it: its key, whether the run got a result for it, and that result."""

    key: str
    state: str
    result: ItemResult | None

    @property
    def checked(self) -> bool:
        return self.result is not None and ItemState(self.state).finished

    @property
    def missing(self) -> set[str]:
        return set(self.result.missing) if self.result else set()


def finding_key(item_key: str, finding: Finding) -> FindingKey:
    return FindingKey(item_key, finding.code, finding.asset.id if finding.asset else "")


_TRENDS = cast(Table, StoredTrendPoint.__table__)


def _findings(row: ItemRow) -> dict[FindingKey, tuple[str, ...]]:
    return {finding_key(row.key, f): f.registries for f in (row.result.findings if row.result else [])}


def _item_rows(store: RunStore, run: Run | None) -> list[ItemRow]:
    """Only the columns the comparison needs: key, state and result (no payloads, attempts or evidence)."""
    if run is None:
        return []
    with store.session() as s:
        rows = s.execute(select(Item.key, Item.state, Item.result).where(Item.run_id == run.id)).all()
    return [
        ItemRow(key, state, ItemResult.from_json(result) if result is not None else None) for key, state, result in rows
    ]


def _point(store: RunStore, run: Run, fresh: bool = False) -> TrendPoint:
    """The run's kept point; summed (and kept, once the run is finished) when there is none or `fresh` is asked."""
    finished = RunStatus(run.status).finished
    with store.session() as s:
        stored = None if fresh else s.get(StoredTrendPoint, run.id)
        if stored is not None:
            return TrendPoint(
                stored.run_id,
                stored.started,
                stored.status,
                stored.items,
                stored.findings,
                Decimal(stored.money_found),
                stored.acts_filed,
                stored.acts_waiting,
                stored.failures,
            )
    figures = run_figures(store, run)
    point = TrendPoint(
        figures.run_id,
        figures.started,
        figures.status,
        figures.items,
        figures.findings,
        figures.money_found,
        figures.acts_filed,
        figures.acts_waiting,
        figures.failures,
    )
    if finished:
        try:
            with store.session() as s:
                s.merge(StoredTrendPoint(**{**asdict(point), "money_found": str(point.money_found)}))
        except IntegrityError:
            pass  # another report kept the same point meanwhile
    return point

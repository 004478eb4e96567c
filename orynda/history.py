"""What each run of a flow amounted to, for the `runs` listing and the report's "since the last run" sheet.

Reads stored results; computes only counts and sums of what the items recorded, and which findings came and went
between two runs of a flow.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from typing import NamedTuple, cast

from sqlalchemy import Integer, String, Table, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, mapped_column

from domain.findings import Finding
from domain.money import ZERO
from domain.payments.statement import Reconciliation
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
    money_found: Decimal  # money the debtor has now: balances of accounts not arrested and tax overpayments (tenge)
    documents: int
    acts_filed: int
    acts_waiting: int  # drafted, waiting in the review queue
    failures: int  # items that did not end done: cases for a person and system failures
    ended: dt.datetime | None = None
    business: int = 0  # cases for a person (business exceptions)
    system: int = 0  # system failures after their retries
    left: int = 0
    # added for the report's outcome-first Summary; defaults keep figures built by hand valid
    checked: int = 0  # items answered: done, or a case for a person after the registries were asked
    assets_found: int = 0  # realty, vehicles, accounts with money, employers and tax overpayments to levy
    money_on_accounts: Decimal = ZERO  # balances of accounts not under arrest
    tax_overpayments: Decimal = ZERO
    wages_monthly: Decimal = ZERO  # what may be withheld from the wages found, a month
    acts_drafted: int = 0  # acts issued (both languages count once)
    restrictions_to_lift: int = 0  # debtors who paid in full and still have measures in force
    lift_by: dt.date | None = None  # the earliest deadline of those liftings
    payments: Reconciliation | None = None  # the money flows' totals: received = distributed + returned + held
    failures_by_code: dict[str, int] = field(default_factory=dict)  # failed items per error code
    missing_registries: dict[str, int] = field(default_factory=dict)  # items per registry that gave no answer


ASSET_CODES = frozenset(
    {"realty_not_arrested", "vehicle_not_arrested", "account_with_balance", "employer_found", "tax_overpayment"}
)


def run_figures(store: RunStore, run: Run) -> RunFigures:
    tally = Tally()
    for key, state, attempts, error_code, result in stored_results(store, run.id):
        tally.add(key, state, attempts, error_code, result)
    return tally.figures(run)


def stored_results(store: RunStore, run_id: str) -> Iterator[tuple[str, str, int, str | None, ItemResult | None]]:
    """The run's items as the figures read them, streamed in the order of their rows (a run may have 100,000)."""
    with store.session() as s:
        rows = s.execute(
            select(Item.key, Item.state, Item.attempts, Item.error_code, Item.result)
            .where(Item.run_id == run_id)
            .order_by(Item.seq)
            .execution_options(yield_per=1000)
        )
        for key, state, attempts, error_code, result in rows:
            yield key, state, attempts, error_code, ItemResult.from_json(result) if result is not None else None


def figures_of(run: Run, items: Sequence[Item]) -> RunFigures:
    """The figures of a run from its items as already read."""
    tally = Tally()
    for item in items:
        stored = ItemResult.from_json(item.result) if item.result is not None else None
        tally.add(item.key, item.state, item.attempts, item.error_code, stored)
    return tally.figures(run)


class Tally:
    """The figures of a run summed item by item as the items stream past (the report reads each item once, for all
    its sheets), and what the comparison with the previous run needs: the findings seen and the items checked."""

    def __init__(self) -> None:
        self.items = self.findings = self.documents = self.checked = self.assets = 0
        self.business = self.system = self.left = 0
        self.sums: dict[str, Decimal] = dict.fromkeys(_SUMMED, ZERO)
        self.acts: set[str] = set()
        self.filed: set[str] = set()
        self.waiting: set[str] = set()
        self.lifts = 0
        self.lift_by: dt.date | None = None
        self.failed_by_code: Counter[str] = Counter()
        self.missing: Counter[str] = Counter()
        self.found: set[FindingKey] = set()
        self.rechecked: dict[str, set[str]] = {}  # item key: the registries it lacked, for the items checked
        self.money: dict[str, Decimal] | None = None  # a payment flow's sums, from the items that recorded them

    def add(self, key: str, state: str, attempts: int, error_code: str | None, result: ItemResult | None) -> None:
        r = result or ItemResult()
        self.items += 1
        self.findings += len(r.findings)
        self.documents += len(r.documents)
        for d in r.documents:
            self.acts.add(d.act)
            if d.filed:
                self.filed.add(d.act)
            if d.review == "proposed":
                self.waiting.add(d.act)
        for f in r.findings:
            self.assets += f.code in ASSET_CODES
            if f.code in self.sums and _counted(f):
                self.sums[f.code] += f.amount or ZERO
            if f.code == "lift_restrictions":
                self.lifts += 1
                day = _day(f.params.get("due"))
                if day and (self.lift_by is None or day < self.lift_by):
                    self.lift_by = day
            self.found.add(finding_key(key, f))
        self.missing.update(r.missing)
        if PAYMENT_FIELDS[0] in r.fields:
            self.money = self.money or dict.fromkeys(PAYMENT_FIELDS, ZERO)
            for name in PAYMENT_FIELDS:
                self.money[name] += Decimal(str(r.fields.get(name) or 0))
        if state in (ItemState.BUSINESS, ItemState.SYSTEM):
            self.failed_by_code[error_code or ""] += 1
        self.checked += attempts > 0 and state in (ItemState.DONE, ItemState.BUSINESS)
        self.business += state == ItemState.BUSINESS
        self.system += state == ItemState.SYSTEM
        self.left += not ItemState(state).finished
        if result is not None and ItemState(state).finished:
            self.rechecked[key] = set(r.missing)

    def figures(self, run: Run) -> RunFigures:
        money_on_accounts, tax = self.sums["account_with_balance"], self.sums["tax_overpayment"]
        return RunFigures(
            run_id=run.id,
            flow=run.flow,
            status=run.status,
            started=run.started_at,
            items=self.items,
            findings=self.findings,
            money_found=money_on_accounts + tax,
            documents=self.documents,
            acts_filed=len(self.filed),
            acts_waiting=len(self.waiting),
            failures=self.business + self.system,
            checked=self.checked,
            assets_found=self.assets,
            money_on_accounts=money_on_accounts,
            tax_overpayments=tax,
            wages_monthly=self.sums["employer_found"],
            acts_drafted=len(self.acts),
            restrictions_to_lift=self.lifts,
            lift_by=self.lift_by,
            failures_by_code=dict(self.failed_by_code),
            missing_registries=dict(self.missing),
            payments=self._reconciliation(),
            ended=run.ended_at,
            business=self.business,
            system=self.system,
            left=self.left,
        )

    def _reconciliation(self) -> Reconciliation | None:
        if self.money is None:
            return None
        m = self.money
        return Reconciliation(m["amount"], m["to_creditors"] + m["fee"], m["returned"], m["held"])


_SUMMED = ("account_with_balance", "tax_overpayment", "employer_found")
PAYMENT_FIELDS = ("held", "amount", "to_creditors", "fee", "returned")  # a payment item's sums; "held" marks one


def _counted(f: Finding) -> bool:
    """Tenge only: an account in another currency is listed on the Findings sheet, not added to tenge."""
    return bool(f.amount and f.amount > 0 and (f.asset is None or f.asset.currency in (None, "KZT")))


def _day(value: object) -> dt.date | None:
    """A deadline as the finding's params keep it: a date, or its ISO text once stored."""
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(value) if isinstance(value, str) and value else None


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


def trend(
    store: RunStore,
    run: Run,
    runs: int = RUNS_IN_TREND,
    items: Sequence[Item] | None = None,
    tally: Tally | None = None,
) -> Trend:
    """This run's trend: earlier runs of the flow from their kept points (summed once), this run summed afresh (from
    the `tally` of its items when the caller summed them already: the report does, and a run may have 100,000; or
    from its `items` as read)."""
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
    if tally is None:
        tally = Tally()
        rows = stored_results(store, run.id) if items is None else _read(items)
        for key, state, attempts, error_code, result in rows:
            tally.add(key, state, attempts, error_code, result)
    this = _point(store, run, figures=tally.figures(run))
    points = [_point(store, r) for r in reversed(earlier)]
    previous_run = next((r for r in earlier if RunStatus(r.status).finished), None)
    previous = next((p for p in points if previous_run and p.run_id == previous_run.id), None)
    changes = None
    if previous_run is not None:
        was = {
            finding_key(key, f): f.registries
            for key, _, _, _, result in stored_results(store, previous_run.id)
            for f in (result.findings if result else [])
        }
        changes = _changes(was, tally.found, tally.rechecked)
    return Trend(this, previous, changes, [*points, this])


def _read(items: Sequence[Item]) -> Iterator[tuple[str, str, int, str | None, ItemResult | None]]:
    for item in items:
        stored = ItemResult.from_json(item.result) if item.result is not None else None
        yield item.key, item.state, item.attempts, item.error_code, stored


def finding_changes(before: Sequence[ItemRow], now: Sequence[ItemRow]) -> FindingChanges:
    """New, resolved, still open and unchecked findings between two runs' items (see FindingChanges)."""
    was = {key: registries for row in before for key, registries in _findings(row).items()}
    found = {key for row in now for key in _findings(row)}
    checked = {row.key: row.missing for row in now if row.checked}
    return _changes(was, found, checked)


def _changes(
    was: dict[FindingKey, tuple[str, ...]], found: set[FindingKey], checked: dict[str, set[str]]
) -> FindingChanges:
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


def _point(store: RunStore, run: Run, figures: RunFigures | None = None) -> TrendPoint:
    """The run's kept point; summed (and kept, once the run is finished) when there is none, or from `figures`
    already summed."""
    finished = RunStatus(run.status).finished
    with store.session() as s:
        stored = None if figures is not None else s.get(StoredTrendPoint, run.id)
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
    figures = figures or run_figures(store, run)
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

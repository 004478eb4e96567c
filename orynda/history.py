"""What each run of a flow amounted to, for the `runs` listing and the report's "since the last run" sheet.

Reads stored results; computes only counts and sums of what the items recorded.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from domain.findings import Finding
from domain.money import ZERO
from orynda.flow import ItemResult
from orynda.runstore import RunStore
from orynda.schema import Item, ItemState, Run


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
    failures_by_code: dict[str, int] = field(default_factory=dict)  # failed items per error code
    missing_registries: dict[str, int] = field(default_factory=dict)  # items per registry that gave no answer


ASSET_CODES = frozenset(
    {"realty_not_arrested", "vehicle_not_arrested", "account_with_balance", "employer_found", "tax_overpayment"}
)


def run_figures(store: RunStore, run: Run) -> RunFigures:
    return figures_of(run, store.items(run.id))


def figures_of(run: Run, items: Sequence[Item]) -> RunFigures:
    """The figures of a run from its items as already read (the report has them loaded)."""
    results = [ItemResult.from_json(item.result) for item in items]
    documents = [d for r in results for d in r.documents]
    findings = [f for r in results for f in r.findings]
    failed = [item for item in items if item.state in (ItemState.BUSINESS, ItemState.SYSTEM)]
    lift_days = [_day(f.params.get("due")) for f in findings if f.code == "lift_restrictions"]
    return RunFigures(
        run_id=run.id,
        flow=run.flow,
        status=run.status,
        started=run.started_at,
        items=len(items),
        findings=sum(len(r.findings) for r in results),
        money_found=_sum(findings, "account_with_balance") + _sum(findings, "tax_overpayment"),
        documents=len(documents),
        acts_filed=len({d.act for d in documents if d.filed}),
        acts_waiting=len({d.act for d in documents if d.review == "proposed"}),
        failures=len(failed),
        checked=sum(item.attempts > 0 and item.state in (ItemState.DONE, ItemState.BUSINESS) for item in items),
        assets_found=sum(f.code in ASSET_CODES for f in findings),
        money_on_accounts=_sum(findings, "account_with_balance"),
        tax_overpayments=_sum(findings, "tax_overpayment"),
        wages_monthly=_sum(findings, "employer_found"),
        acts_drafted=len({d.act for d in documents}),
        restrictions_to_lift=len(lift_days),
        lift_by=min((d for d in lift_days if d), default=None),
        failures_by_code=dict(Counter(item.error_code or "" for item in failed)),
        missing_registries=dict(Counter(site for r in results for site in r.missing)),
        ended=run.ended_at,
        business=sum(item.state == ItemState.BUSINESS for item in items),
        system=sum(item.state == ItemState.SYSTEM for item in items),
        left=sum(not ItemState(item.state).finished for item in items),
    )


def _sum(findings: Sequence[Finding], code: str) -> Decimal:
    """Tenge only: an account in another currency is listed on the Findings sheet, not added to tenge."""
    return sum(
        (
            f.amount
            for f in findings
            if f.code == code and f.amount and f.amount > 0 and (f.asset is None or f.asset.currency in (None, "KZT"))
        ),
        ZERO,
    )


def _day(value: object) -> dt.date | None:
    """A deadline as the finding's params keep it: a date, or its ISO text once stored."""
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(value) if isinstance(value, str) and value else None

"""What each run of a flow amounted to, for the `runs` listing and the report's "since the last run" sheet.

Reads stored results; computes only counts and sums of what the items recorded.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from domain.money import ZERO
from orynda.flow import ItemResult
from orynda.runstore import RunStore
from orynda.schema import ItemState, Run


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
    failures: int  # items that did not end done: cases for a person and system failures
    ended: dt.datetime | None = None
    checked: int = 0  # items finished, whatever their outcome (the rest are left for a later window)
    business: int = 0  # cases for a person (business exceptions)
    system: int = 0  # system failures after their retries
    left: int = 0


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
        ended=run.ended_at,
        checked=sum(ItemState(item.state).finished for item in items),
        business=sum(item.state == ItemState.BUSINESS for item in items),
        system=sum(item.state == ItemState.SYSTEM for item in items),
        left=sum(not ItemState(item.state).finished for item in items),
    )

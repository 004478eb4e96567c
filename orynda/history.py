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

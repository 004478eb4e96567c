"""The report streams the run from the store: no list of every item, attempt, site call or side effect is loaded
as objects, and a run longer than the batches it is read in keeps its rows in order and its figures whole."""

from __future__ import annotations

import datetime as dt
import statistics
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from sqlalchemy import update

from flows import nightly_check, register_check
from flows.register_check import RegisterCheckItem
from orynda import clock, history
from orynda.flow import ItemResult, ItemSpec
from orynda.i18n import texts
from orynda.report import data as report_data
from orynda.report.data import load
from orynda.report.workbook import write_report
from orynda.runstore import RunStore
from orynda.schema import Attempt, Item, ItemState, RunStatus
from tests.orynda.report_runs import SITES, nightly_run

T = texts("ru")


def refuse(*_: Any, **__: Any) -> None:
    raise AssertionError("the report loaded a whole list of objects")


def test_the_report_loads_no_whole_list_of_objects(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store, run_id = nightly_run(tmp_path, debtors=40)
    for name in ("items", "attempts", "site_calls", "side_effects", "pending"):
        monkeypatch.setattr(RunStore, name, refuse)
    monkeypatch.setattr(history, "figures_of", refuse)
    run = store.get_run(run_id)
    assert run is not None
    book = load_workbook(write_report(load(store, run, nightly_check.FLOW, "ru")))
    registries = list(book[T("report.sheet.registries")].iter_rows(min_row=2, values_only=True))
    assert len(registries) == len(SITES)
    answered = [300 + n for n in range(1, 41)]  # every site answered every debtor, 301 … 340 ms
    p95 = int(statistics.quantiles(answered, n=100, method="inclusive")[94])
    # the tenth debtors lack Qazyna bank's answer: four items without it
    assert {r[1:] for r in registries if r[0] != T.site("bank_qazyna")} == {(40, 40, 0, 0, 0, 320, p95)}
    assert [r[1:] for r in registries if r[0] == T.site("bank_qazyna")] == [(40, 40, 0, 0, 4, 320, p95)]


def long_run(tmp_path: Path, count: int) -> tuple[RunStore, str]:
    """`count` rows: every 97th refused as bad input, every 101st failed twice on a system fault, the rest done."""
    store = RunStore(f"sqlite:///{tmp_path / 'r.db'}")
    specs = [
        ItemSpec(n, f"{n:012d}", RegisterCheckItem(iin=f"{n:012d}"), error="bad row" if n % 97 == 0 else None)
        for n in range(2, count + 2)
    ]
    run = store.create_run("register_check", {}, specs, tmp_path / "runs")
    fields = {"name": "Борышкер", "expected": "1234.50", "register_amount": "1234.50", "proceedings": 1}
    now = clock.now()
    with store.session() as s:
        s.execute(
            update(Item)
            .where(Item.run_id == run.id, Item.state == ItemState.NEW)
            .values(state=ItemState.DONE, attempts=1, result=ItemResult(fields=fields).to_json())
        )
        failed = s.scalars(
            update(Item)
            .where(Item.run_id == run.id, Item.seq % 101 == 0, Item.state == ItemState.DONE)
            .values(state=ItemState.SYSTEM, attempts=2, result=None, error_code="SiteUnavailable", error_message="503")
            .returning(Item.id)
        ).all()
        s.add_all(
            Attempt(item_id=i, run_id=run.id, number=n, started_at=now, ended_at=now, outcome="system")
            for i in failed
            for n in (1, 2)
        )
    store.set_status(run.id, RunStatus.DONE_WITH_FAILURES, ended=True)
    return store, run.id


def test_a_run_longer_than_its_batches_keeps_its_rows_in_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(report_data, "BATCH", 100)  # read 100 items at a time: 26 batches
    store, run_id = long_run(tmp_path, 2_550)
    run = store.get_run(run_id)
    assert run is not None
    book = load_workbook(write_report(load(store, run, register_check.FLOW, "ru")), read_only=True)
    seqs = [r[0] for r in book[T("report.sheet.items")].iter_rows(min_row=2, max_col=1, values_only=True)]
    assert seqs == list(range(2, 2_552))
    refused = [n for n in range(2, 2_552) if n % 97 == 0]
    failed = [n for n in range(2, 2_552) if n % 101 == 0 and n % 97]
    exceptions = [r[:6] for r in book[T("report.sheet.exceptions")].iter_rows(min_row=2, values_only=True)]
    assert [(r[0], r[5]) for r in exceptions] == sorted(
        [(n, 0) for n in refused] + [(n, a) for n in failed for a in (1, 2)]
    )
    todo = [r[6] for r in book[T("report.sheet.todo")].iter_rows(min_row=2, values_only=True)]
    assert sorted(todo) == sorted(refused + failed)  # one row per item a person must see to
    summary = {r[0]: r[1] for r in book[T("report.sheet.summary")].iter_rows(min_row=2, values_only=True)}
    assert (summary[T("report.summary.items")], summary[T("report.summary.checked")]) == (
        2_550,
        2_550 - len(refused) - len(failed),
    )
    assert summary[T("report.summary.failed")] == len(refused) + len(failed)
    assert isinstance(summary[T("report.summary.started")], dt.datetime)
    book.close()

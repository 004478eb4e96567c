"""Since the last run: findings new, resolved, still open and not checked again between two runs of a flow, the
figures side by side, and the last runs as a table with a chart, read back with openpyxl."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from domain.findings import AssetKind, AssetRef, Finding
from flows.nightly_check import FLOW, NightlyCheckItem
from orynda import clock, history
from orynda.flow import ItemResult, ItemSpec
from orynda.history import FindingKey, ItemRow, StoredTrendPoint, finding_changes
from orynda.i18n import texts
from orynda.report.data import load
from orynda.report.workbook import write_report
from orynda.runstore import RunStore
from orynda.schema import ItemState, RunStatus

A, B, C, D = "800101100001", "800101100002", "800101100003", "800101100004"


def found(code: str, asset: str | None = None, registry: str = "bank_sandyq", amount: str | None = None) -> Finding:
    return Finding(
        code=code,
        message=code,
        legal_basis="Law 261-IV",
        registries=(registry,) if registry else (),  # "nothing found" rests on no one registry
        asset=AssetRef(kind=AssetKind.ACCOUNT, id=asset, label=asset) if asset else None,
        amount=Decimal(amount) if amount else None,
    )


ACCOUNT_A = found("account_with_balance", "KZ01", amount="1000.50")
VEHICLE_A = found("vehicle_not_arrested", "VIN1", "egov_vehicles")
REALTY_B = found("realty_not_arrested", "CAD1", "egov_realty")
ACCOUNT_B = found("account_with_balance", "KZ02", amount="250.00")
EMPLOYER_C = found("employer_found", "BIN1", "enpf")
NOTHING_D = found("nothing_found", registry="")


def row(key: str, *findings: Finding, state: str = ItemState.DONE, missing: tuple[str, ...] = ()) -> ItemRow:
    return ItemRow(key, state, ItemResult(list(findings), missing=missing))


def k(key: str, f: Finding) -> FindingKey:
    return history.finding_key(key, f)


@pytest.mark.parametrize(
    ("before", "now", "change"),
    [
        ([row(A, ACCOUNT_A)], [row(A, ACCOUNT_A)], "still_open"),
        ([row(A, ACCOUNT_A)], [row(A)], "resolved"),
        ([row(A)], [row(A, ACCOUNT_A)], "new"),
        ([row(A, ACCOUNT_A)], [row(A, found("account_with_balance", "KZ01", amount="5.00"))], "still_open"),
        ([row(A, ACCOUNT_A)], [row(A, found("account_with_balance", "KZ09"))], "new resolved"),
        ([row(C, EMPLOYER_C)], [row(C, state=ItemState.SYSTEM, missing=("enpf",))], "unchecked"),
        ([row(C, EMPLOYER_C)], [row(C, state=ItemState.SYSTEM, missing=("esalyq",))], "resolved"),
        ([row(D, NOTHING_D)], [row(D, state=ItemState.SYSTEM, missing=("enpf",))], "unchecked"),
        ([row(A, ACCOUNT_A)], [row(B)], "unchecked"),
        ([row(A, ACCOUNT_A)], [ItemRow(A, ItemState.NEW, None)], "unchecked"),
    ],
    ids=[
        "same item, code and asset",
        "gone from a checked item",
        "not there before",
        "the amount changed, the account is the same",
        "another account: that one new, the old one resolved",
        "its registry did not answer",
        "another registry did not answer",
        "nothing found, and a registry did not answer",
        "the item not in this run",
        "the item not processed",
    ],
)
def test_what_became_of_a_finding(before: list[ItemRow], now: list[ItemRow], change: str) -> None:
    changes = finding_changes(before, now)
    moved = {name: getattr(changes, name) for name in ("new", "resolved", "still_open", "unchecked")}
    assert [name for name, keys in moved.items() if keys] == change.split()
    assert all(len(moved[name]) == 1 for name in change.split())


def night(store: RunStore, tmp_path: Path, when: dt.datetime, items: list[tuple[str, str, ItemResult | None]]) -> str:
    specs = [
        ItemSpec(n, key, NightlyCheckItem(iin=key, name=key, proceedings=(f"p-{key}",)))
        for n, (key, _, _) in enumerate(items, start=1)
    ]
    run = store.create_run("nightly_check", {}, specs, tmp_path / "runs")
    for item, (_, state, result) in zip(store.pending(run.id), items):
        if state == ItemState.NEW:
            continue
        store.start_attempt(item.id)
        store.finish_item(item.id, ItemState(state), result=result.to_json() if result else None)
    done = all(state != ItemState.NEW for _, state, _ in items)
    failed = any(state == ItemState.SYSTEM for _, state, _ in items)
    status = RunStatus.DONE_WITH_FAILURES if failed else RunStatus.DONE if done else RunStatus.INTERRUPTED
    store.set_status(run.id, status, ended=True)
    return run.id


def three_nights(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[RunStore, list[str]]:
    """A finished night, an interrupted one, then this night."""
    store = RunStore(f"sqlite:///{tmp_path / 'r.db'}")
    nights = []
    for day, items in (
        (1, [(A, "done", ItemResult([ACCOUNT_A, VEHICLE_A])), (B, "done", ItemResult([REALTY_B])),
             (C, "done", ItemResult([EMPLOYER_C]))]),
        (2, [(A, "done", ItemResult([])), (B, "new", None), (C, "new", None)]),
        (3, [(A, "done", ItemResult([ACCOUNT_A])), (B, "done", ItemResult([ACCOUNT_B])),
             (C, ItemState.SYSTEM, ItemResult([], missing=("enpf",))), (D, "done", ItemResult([NOTHING_D]))]),
    ):  # fmt: skip
        when = dt.datetime(2026, 11, day, 23, 0, tzinfo=clock.ALMATY)
        monkeypatch.setattr(clock, "now", lambda when=when: when)
        nights.append(night(store, tmp_path, when, items))
    return store, nights


def trend_sheet(store: RunStore, run_id: str, lang: str) -> Any:
    run = store.get_run(run_id)
    assert run is not None
    book = load_workbook(write_report(load(store, run, FLOW, lang)))
    assert book.sheetnames[-1] == texts(lang)("report.sheet.trend")
    return book[texts(lang)("report.sheet.trend")]


def test_this_night_against_the_last_finished_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store, (first, interrupted, this) = three_nights(tmp_path, monkeypatch)
    ws = trend_sheet(store, this, "ru")
    rows = {r[0]: r[1:4] for r in ws.iter_rows(min_row=2, max_row=14, values_only=True) if r[0]}
    assert rows["Номер запуска"] == (this, first, None)  # the interrupted night is not the one compared with
    assert rows["Выявлено впервые"][0] == 2  # B's account, D's "nothing found"
    assert rows["Устранено"][0] == 2  # A's vehicle, B's real estate
    assert rows["Не устранено"][0] == 1  # A's account
    assert rows["Не проверено повторно"][0] == 1  # C's employer: ENPF did not answer tonight
    assert rows["Выявлено всего"] == (3, 4, -1)
    assert rows["Найдено денежных средств"] == (1250.5, 1000.5, 250)
    assert rows["Завершились с ошибкой"] == (1, 0, 1)


def test_the_last_runs_as_a_table_and_a_chart(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store, nights = three_nights(tmp_path, monkeypatch)
    ws = trend_sheet(store, nights[-1], "kk")
    values = list(ws.iter_rows(values_only=True))
    top = next(i for i, r in enumerate(values) if r[0] == "Іске қосу")  # the table's header
    assert values[top - 1][0] == "Соңғы іске қосулар (3)"
    table = [(r[0], r[2], r[4]) for r in values[top + 1 :]]
    assert table == [
        (nights[0], "Аяқталды", 4),
        (nights[1], "Тоқтатылды", 0),
        (nights[2], "Қателермен аяқталды", 3),
    ]
    assert ws.auto_filter.ref == f"A{top + 1}:I{top + 4}"
    [chart] = ws._charts
    assert len(chart.series) == 3  # findings, acts filed, failures


def test_earlier_finished_runs_are_summed_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store, nights = three_nights(tmp_path, monkeypatch)
    trend_sheet(store, nights[-1], "kk")
    with store.session() as s:
        kept = {p.run_id: p.findings for p in s.query(StoredTrendPoint)}
    assert kept == {nights[0]: 4, nights[2]: 3}  # an interrupted run may still change: not kept
    summed: list[str] = []
    real = history.run_figures
    monkeypatch.setattr(history, "run_figures", lambda store, run: summed.append(run.id) or real(store, run))
    trend_sheet(store, nights[-1], "kk")
    assert summed == [nights[1]]  # the interrupted one again, the first read back; this run from the report's pass


def test_the_first_run_of_a_flow_has_nothing_to_compare_with(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = RunStore(f"sqlite:///{tmp_path / 'r.db'}")
    only = night(store, tmp_path, clock.now(), [(A, "done", ItemResult([ACCOUNT_A]))])
    ws = trend_sheet(store, only, "kk")
    cells = [r[0] for r in ws.iter_rows(values_only=True)]
    assert texts("kk")("report.trend.no_previous") in cells and "Жаңадан анықталғандар" not in cells

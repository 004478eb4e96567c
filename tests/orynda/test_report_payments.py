"""The payments run's report read back with openpyxl: the Payments sheet shows each payment's lines (to each
proceeding with its order, back to the payer, held for a person), and the Summary's reconciliation balances to the
tiyn — or says by how much it does not."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from flows.payments import FLOW, PaymentItem
from orynda.flow import ItemResult, ItemSpec
from orynda.i18n import texts
from orynda.report.data import load
from orynda.report.workbook import write_report
from orynda.runstore import RunStore
from orynda.schema import ItemState

M = Decimal
DAY = dt.date(2026, 12, 1)


def payment(seq: int, amount: str) -> ItemSpec[PaymentItem]:
    item = PaymentItem(
        reference=f"SQ{seq}", received=DAY, amount=M(amount), payer_name="Асқаров Бекзат", payer_id="", payer_iban="",
        purpose="долг", debtor_iin=None, by=None, cited=None, doubt=None, candidates=[], proceedings=[],
    )  # fmt: skip
    return ItemSpec(seq, item.reference, item)


def fields(seq: int, amount: str, to_creditors: str, fee: str, returned: str, held: str, **more: Any) -> dict[str, Any]:
    money = {"to_creditors": M(to_creditors), "fee": M(fee), "returned": M(returned), "held": M(held)}
    return {"reference": f"SQ{seq}", "received": DAY, "amount": M(amount), "payer": "Асқаров Бекзат", **money, **more}


def share(proceeding: str, to_creditor: str, fee: str, order: str) -> dict[str, Any]:
    return {"proceeding": proceeding, "queue": 5, "to_creditor": M(to_creditor), "fee": M(fee), "order": order}


def report(tmp_path: Path, results: dict[int, tuple[str, dict[str, Any]]], lang: str) -> Any:
    store = RunStore(f"sqlite:///{tmp_path / 'r.db'}")
    specs = [payment(seq, str(f["amount"])) for seq, (_, f) in results.items()]
    run = store.create_run("payments", {}, specs, tmp_path / "runs")
    for item in store.pending(run.id):
        state, f = results[item.seq]
        store.start_attempt(item.id)
        store.finish_item(item.id, state, result=ItemResult([], f).to_json(), code=None if state == "done" else "Held")
    return load_workbook(write_report(load(store, store.get_run(run.id), FLOW, lang)))


def summary(book: Any, lang: str) -> dict[str, Any]:
    t = texts(lang)
    return {row[0]: row[1] for row in book[t("report.sheet.summary")].iter_rows(values_only=True) if row}


NIGHT = {
    1: (ItemState.DONE, fields(1, "200000.00", "150000.00", "37500.00", "12500.00", "0",
                               shares=[share("2501-000123", "150000.00", "37500.00", "SQ1/2501-000123")],
                               return_order="SQ1/return", matched_by="нөмірі бойынша")),
    2: (ItemState.DONE, fields(2, "100000.00", "80000.00", "20000.00", "0", "0",
                               shares=[share("2501-000124", "80000.00", "20000.00", "SQ2/2501-000124")])),
    3: (ItemState.BUSINESS, fields(3, "5000.00", "0", "0", "0", "5000.00", doubt="екі борышкер")),
}  # fmt: skip


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_payments_sheet_has_a_line_per_share_return_and_hold(tmp_path: Path, lang: str) -> None:
    t = texts(lang)
    sheet = report(tmp_path, NIGHT, lang)[t("report.sheet.payments")]
    rows = list(sheet.iter_rows(values_only=True))
    titles = rows[0]
    lines = [dict(zip(titles, row, strict=True)) for row in rows[1:]]
    line, order = t("report.payments.line"), t("report.payments.order")
    assert [(r[t("report.column.reference")], r[line], r[order]) for r in lines] == [
        ("SQ1", t("report.payments.to_proceeding"), "SQ1/2501-000123"),
        ("SQ1", t("report.payments.to_payer"), "SQ1/return"),
        ("SQ2", t("report.payments.to_proceeding"), "SQ2/2501-000124"),
        ("SQ3", t("report.payments.for_person"), None),
    ]
    assert [M(str(r[t("report.column.to_creditors")] or 0)) for r in lines] == [M(150000), 0, M(80000), 0]
    assert lines[3][t("report.column.held")] == 5000 and lines[3][t("report.column.doubt")] == "екі борышкер"


def test_the_summary_reconciles_received_with_distributed_returned_and_held(tmp_path: Path) -> None:
    t = texts("kk")
    shown = summary(report(tmp_path, NIGHT, "kk"), "kk")
    assert shown[t("report.summary.payments_received")] == 305000
    assert shown[t("report.summary.payments_distributed")] == 287500  # 230 000 to creditors, 57 500 fee
    assert shown[t("report.summary.payments_returned")] == 12500
    assert shown[t("report.summary.payments_held")] == 5000
    assert shown[t("report.summary.payments_balance")] == t("report.summary.balance_yes")


def test_a_summary_that_does_not_balance_says_by_how_much(tmp_path: Path) -> None:
    t = texts("ru")
    lost = {**NIGHT, 2: (ItemState.DONE, fields(2, "100000.00", "80000.00", "19999.99", "0", "0"))}
    shown = summary(report(tmp_path, lost, "ru"), "ru")
    assert shown[t("report.summary.payments_balance")] == t("report.summary.balance_no", difference=M("0.01"))

"""Payments and Notices sheets: what the money flows recorded, as their items hold it.

Payments: a row per line of each payment's distribution — the proceeding it went to, its queue, to the creditor and
the fee, the payment order made for it — then the remainder returned to the payer, or the whole payment held for a
person with the reason. Notices: a row per proceeding — the channel, the message, delivered or not, the voluntary
term's end. Both read the items' fields; the sums on the Summary come from the same fields (orynda/history)."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from openpyxl import Workbook

from orynda.flow import ItemResult
from orynda.report.data import Part, ReportData, StoredItem, Totals
from orynda.report.sheet import Sheet

PAYMENT_TITLES = (
    "report.items.row",
    "report.column.reference",
    "report.column.received",
    "report.column.payer",
    "report.column.matched_by",
    "report.payments.line",
    "report.payments.proceeding",
    "report.payments.queue",
    "report.column.to_creditors",
    "report.column.fee",
    "report.column.returned",
    "report.column.held",
    "report.payments.order",
    "report.column.doubt",
)
NOTICE_TITLES = (
    "report.items.row",
    "report.column.proceeding",
    "report.column.name",
    "report.column.notice_channel",
    "report.column.notice_state",
    "report.column.notice_message",
    "report.column.delivered_on",
    "report.column.term_ends",
)


class PaymentsSheet(Part):
    def __init__(self, book: Workbook, data: ReportData) -> None:
        self.data, t = data, data.texts
        self.sheet = Sheet(book, t("report.sheet.payments"))
        self.sheet.header([t(title) for title in PAYMENT_TITLES])

    def item(self, item: StoredItem, result: ItemResult) -> None:
        f, t = result.fields, self.data.texts
        if "reference" not in f:
            return  # not worked yet: nothing is known of the payment beyond its row
        head: list[tuple[Any, str]] = [
            (item.seq, "int"),
            (f.get("reference"), "text"),
            (f.get("received"), "date"),
            (f.get("payer"), "text"),
            (f.get("matched_by"), "text"),
        ]
        for share in f.get("shares") or []:
            self._line(head, t("report.payments.to_proceeding"), share, share.get("to_creditor"), share.get("fee"))
        if _positive(f.get("returned")):
            self._line(head, t("report.payments.to_payer"), {"order": f.get("return_order")}, returned=f["returned"])
        if _positive(f.get("held")):
            self._line(head, t("report.payments.for_person"), {}, held=f["held"], doubt=f.get("doubt"))

    def _line(
        self,
        head: list[tuple[Any, str]],
        line: str,
        share: dict[str, Any],
        to_creditor: Any = None,
        fee: Any = None,
        returned: Any = None,
        held: Any = None,
        doubt: Any = None,
    ) -> None:
        self.sheet.add(
            [
                *head,
                (line, "text"),
                (share.get("proceeding"), "text"),
                (share.get("queue"), "int"),
                (to_creditor, "money"),
                (fee, "money"),
                (returned, "money"),
                (held, "money"),
                (share.get("order"), "text"),
                (doubt, "text"),
            ]
        )

    def finish(self, totals: Totals) -> None:
        self.sheet.finish()


class NoticesSheet(Part):
    def __init__(self, book: Workbook, data: ReportData) -> None:
        self.data, t = data, data.texts
        self.sheet = Sheet(book, t("report.sheet.notices"))
        self.sheet.header([t(title) for title in NOTICE_TITLES])

    def item(self, item: StoredItem, result: ItemResult) -> None:
        f = result.fields
        self.sheet.add(
            [
                (item.seq, "int"),
                (f.get("proceeding") or item.key, "text"),
                (f.get("name"), "text"),
                (f.get("notice_channel"), "text"),
                (f.get("notice_state"), "text"),
                (f.get("notice_message"), "text"),
                (f.get("delivered_on"), "date"),
                (f.get("term_ends"), "date"),
            ]
        )

    def finish(self, totals: Totals) -> None:
        self.sheet.finish()


def _positive(value: Any) -> bool:
    try:
        return Decimal(str(value)) > 0  # a stored amount, as exact text
    except InvalidOperation:
        return False

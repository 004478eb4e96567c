"""The sheets every run report has: Summary (what the run amounted to first, its technical figures below), Items and
Exceptions, every text in the office's language."""

from __future__ import annotations

from typing import Any

from openpyxl import Workbook

from orynda import wording
from orynda.flow import ItemResult, ReportColumn
from orynda.history import RunFigures
from orynda.report.data import Part, ReportData, StoredItem, Totals, failures
from orynda.report.sheet import Link, Sheet
from orynda.schema import ItemState

Row = tuple[str, Any, str]  # label, value, kind


class SummarySheet(Part):
    """One page: the outcome a supervisor reads first, then the figures of the run itself."""

    def __init__(self, book: Workbook, data: ReportData) -> None:
        self.data, t = data, data.texts
        self.sheet = Sheet(book, t("report.sheet.summary"))
        self.sheet.header([t("report.summary.figure"), t("report.summary.value")])

    def finish(self, totals: Totals) -> None:
        t, sheet = self.data.texts, self.sheet
        for title, rows in (
            (t("report.summary.outcome"), _outcome(self.data, totals.figures)),
            (t("report.summary.technical"), _technical(self.data)),
        ):
            sheet.add([(title, "text")], font="title")
            for label, value, kind in rows:
                sheet.add([(label, "text"), (value, kind)])
            sheet.add([])  # a blank line between the two parts
        sheet.finish(one_page=True, filters=False)


def _outcome(data: ReportData, f: RunFigures) -> list[Row]:
    t = data.texts
    rows: list[Row] = [
        (t("report.summary.checked"), f.checked, "int"),
        (t("report.summary.findings"), f.findings, "int"),
    ]
    if "Findings" in data.flow.extra_sheets:
        rows += [
            (t("report.summary.assets_found"), f.assets_found, "int"),
            (t("report.summary.money_on_accounts"), f.money_on_accounts, "money"),
            (t("report.summary.tax_overpayments"), f.tax_overpayments, "money"),
            (t("report.summary.wages_monthly"), f.wages_monthly, "money"),
        ]
    if f.payments is not None:
        r = f.payments
        balance = (
            t("report.summary.balance_yes") if r.balanced else t("report.summary.balance_no", difference=r.difference)
        )
        rows += [
            (t("report.summary.payments_received"), r.received, "money"),
            (t("report.summary.payments_distributed"), r.distributed, "money"),
            (t("report.summary.payments_returned"), r.returned, "money"),
            (t("report.summary.payments_held"), r.held, "money"),
            (t("report.summary.payments_balance"), balance, "text"),
        ]
    if "Documents" in data.flow.extra_sheets:
        rows += [
            (t("report.summary.acts_drafted"), f.acts_drafted, "int"),
            (t("report.summary.acts_filed"), f.acts_filed, "int"),
            (t("report.summary.acts_waiting"), f.acts_waiting, "int"),
        ]
    if "Findings" in data.flow.extra_sheets or f.restrictions_to_lift:
        rows.append((t("report.summary.restrictions_to_lift"), f.restrictions_to_lift, "int"))
        if f.lift_by:
            rows.append((t("report.summary.lift_by"), f.lift_by, "date"))
    rows.append((t("report.summary.failed"), f.failures, "int"))
    for code, count in sorted(f.failures_by_code.items(), key=lambda pair: (-pair[1], pair[0])):
        rows.append((t("report.summary.failed_because", reason=wording.error_name(t, code) or "—"), count, "int"))
    for site, count in sorted(f.missing_registries.items(), key=lambda pair: (-pair[1], pair[0])):
        rows.append((t("report.summary.no_answer_from", site=t.site(site)), count, "int"))
    return rows


def _technical(data: ReportData) -> list[Row]:
    t, s = data.texts, data.summary
    return [
        (t("report.summary.run_id"), s.run_id, "text"),
        (t("report.summary.flow"), wording.flow_title(t, data.flow.name, data.flow.title), "text"),
        (t("report.summary.status"), wording.status_name(t, s.status), "text"),
        (t("report.summary.started"), s.started, "date"),
        (t("report.summary.ended"), s.ended, "date"),
        (t("report.summary.duration"), str(s.duration).split(".")[0] if s.duration else "", "text"),
        (t("report.summary.items"), s.total, "int"),
        (t("report.summary.done"), s.done, "int"),
        (t("report.summary.business"), s.business, "int"),
        (t("report.summary.system"), s.system, "int"),
        (t("report.summary.left"), s.left, "int"),
        (t("report.summary.retries"), s.retries, "int"),
        (t("report.summary.pace"), s.items_per_minute, "number"),
        (t("report.summary.folder"), str(data.folder.resolve()), "text"),
    ]


class ItemsSheet(Part):
    def __init__(self, book: Workbook, data: ReportData) -> None:
        self.data, t = data, data.texts
        self.sheet = Sheet(book, t("report.sheet.items"))
        self.columns = data.flow.columns
        self.sheet.header(
            [
                t("report.items.row"),
                t("report.items.key"),
                t("report.items.state"),
                *[wording.column_title(t, c.key, c.title) for c in self.columns],
                t("report.items.findings"),
                t("report.items.attempts"),
                t("report.items.error"),
                t("report.items.technical"),
                t("report.items.evidence"),
            ]
        )

    def item(self, item: StoredItem, result: ItemResult) -> None:
        data, t = self.data, self.data.texts
        self.sheet.add(
            [
                (item.seq, "int"),
                (item.key, "text"),
                (wording.state_name(t, item.state), "text"),
                *[_field(data, c, result.fields.get(c.key)) for c in self.columns],
                ("; ".join(wording.finding_message(t, f) for f in result.findings), "text"),
                (item.attempts, "int"),
                (wording.error_name(t, item.error_code), "text"),
                (item.error_message, "text"),
                Link(data.target(item.evidence), data.relative(item.evidence)),
            ]
        )

    def finish(self, totals: Totals) -> None:
        self.sheet.finish()


def _field(data: ReportData, column: ReportColumn, value: Any) -> tuple[Any, str]:
    """A result field as its column shows it: registries and states by their names, yes/no in words."""
    t = data.texts
    if value is None or value == "":
        return None, "text"
    if column.kind == "sites":
        return wording.sites_named(t, str(value)), "text"
    if column.kind == "act_state":
        return wording.act_state_name(t, str(value)), "text"
    if column.kind == "bool" and isinstance(value, bool):
        return t.value(value), "text"
    return value, column.kind


class ExceptionsSheet(Part):
    """Every failed attempt, and the rows refused before any attempt (bad input), in the order of the rows."""

    def __init__(self, book: Workbook, data: ReportData) -> None:
        self.data, t = data, data.texts
        self.sheet = Sheet(book, t("report.sheet.exceptions"))
        self.sheet.header(
            [
                t("report.items.row"),
                t("report.items.key"),
                t("report.exceptions.type"),
                t("report.items.error"),
                t("report.items.technical"),
                t("report.exceptions.attempt"),
                t("report.exceptions.final"),
                t("report.items.evidence"),
            ]
        )

    def finish(self, totals: Totals) -> None:
        data, t = self.data, self.data.texts
        for f in failures(data.store, data.run.id):
            # refused before processing: no attempt, no evidence
            final = f.attempt is None or (f.attempt == f.attempts and f.state != ItemState.DONE)
            kind = t(f"report.exceptions.{f.outcome}") if t.has(f"report.exceptions.{f.outcome}") else f.outcome
            self.sheet.add(
                [
                    (f.seq, "int"),
                    (f.key, "text"),
                    (kind, "text"),
                    (wording.error_name(t, f.code), "text"),
                    (f.message, "text"),
                    (f.attempt or 0, "int"),
                    (t.value(final), "text"),
                    Link(data.target(f.evidence), data.relative(f.evidence)),
                ]
            )
        self.sheet.finish()

"""The sheets every run report has: Summary (what the run amounted to first, its technical figures below), Items and
Exceptions, every text in the office's language."""

from __future__ import annotations

from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

from orynda import wording
from orynda.flow import ReportColumn
from orynda.history import figures_of
from orynda.report.cells import finish, header, link, put
from orynda.report.data import ReportData
from orynda.schema import Attempt, Item, ItemState

Row = tuple[str, Any, str]  # label, value, kind


def summary_sheet(book: Workbook, data: ReportData) -> None:
    """One page: the outcome a supervisor reads first, then the figures of the run itself."""
    t = data.texts
    ws = book.create_sheet(t("report.sheet.summary"))
    header(ws, [t("report.summary.figure"), t("report.summary.value")])
    r = 2
    for title, rows in (
        (t("report.summary.outcome"), _outcome(data)),
        (t("report.summary.technical"), _technical(data)),
    ):
        ws.cell(row=r, column=1, value=title).font = Font(bold=True, size=12)
        r += 1
        for label, value, kind in rows:
            put(ws, r, 1, label)
            put(ws, r, 2, value, kind)
            r += 1
        r += 1  # a blank line between the two parts
    finish(ws, one_page=True, filters=False)


def _outcome(data: ReportData) -> list[Row]:
    t, f = data.texts, figures_of(data.run, data.items)
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


def items_sheet(book: Workbook, data: ReportData) -> None:
    t = data.texts
    ws = book.create_sheet(t("report.sheet.items"))
    columns = data.flow.columns
    header(
        ws,
        [
            t("report.items.row"),
            t("report.items.key"),
            t("report.items.state"),
            *[wording.column_title(t, c.key, c.title) for c in columns],
            t("report.items.findings"),
            t("report.items.attempts"),
            t("report.items.error"),
            t("report.items.technical"),
            t("report.items.evidence"),
        ],
    )
    for r, item in enumerate(data.items, start=2):
        result = data.result(item)
        values = [
            (item.seq, "int"),
            (item.key, "text"),
            (wording.state_name(t, item.state), "text"),
            *[_field(data, c, result.fields.get(c.key)) for c in columns],
            ("; ".join(wording.finding_message(t, f) for f in result.findings), "text"),
            (item.attempts, "int"),
            (wording.error_name(t, item.error_code), "text"),
            (item.error_message, "text"),
        ]
        for c, (value, kind) in enumerate(values, start=1):
            put(ws, r, c, value, kind)
        link(ws, r, len(values) + 1, data.target(item.evidence), data.relative(item.evidence))
    finish(ws)


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


def exceptions_sheet(book: Workbook, data: ReportData) -> None:
    """Every failed attempt, and the rows refused before any attempt (bad input), in the order of the rows."""
    t = data.texts
    ws = book.create_sheet(t("report.sheet.exceptions"))
    header(
        ws,
        [
            t("report.items.row"),
            t("report.items.key"),
            t("report.exceptions.type"),
            t("report.items.error"),
            t("report.items.technical"),
            t("report.exceptions.attempt"),
            t("report.exceptions.final"),
            t("report.items.evidence"),
        ],
    )
    for r, (item, attempt) in enumerate(_failures(data), start=2):
        if attempt is None:  # refused before processing: no attempt, no evidence
            outcome, code, message, number, final, evidence = (
                "business",
                item.error_code,
                item.error_message,
                0,
                True,
                None,
            )
        else:
            outcome, code, message = attempt.outcome or "", attempt.error_code, attempt.error_message
            number, evidence = attempt.number, attempt.evidence
            final = attempt.number == item.attempts and item.state != ItemState.DONE
        _exception_row(ws, r, data, item, outcome, code, message, number, final)
        link(ws, r, 8, data.target(evidence), data.relative(evidence))
    finish(ws)


def _failures(data: ReportData) -> list[tuple[Item, Attempt | None]]:
    by_id = {item.id: item for item in data.items}
    failed: list[tuple[Item, Attempt | None]] = [
        (by_id[a.item_id], a) for a in data.attempts if a.outcome not in (None, "done")
    ]
    failed += [(i, None) for i in data.items if i.attempts == 0 and i.state == ItemState.BUSINESS]
    return sorted(failed, key=lambda pair: (pair[0].seq, pair[1].number if pair[1] else 0))


def _exception_row(
    ws: Worksheet,
    r: int,
    data: ReportData,
    item: Item,
    outcome: str,
    code: str | None,
    message: str | None,
    number: int,
    final: bool,
) -> None:
    t = data.texts
    kind = t(f"report.exceptions.{outcome}") if t.has(f"report.exceptions.{outcome}") else outcome
    values = [item.seq, item.key, kind, wording.error_name(t, code), message, number, t.value(final)]
    for c, value in enumerate(values, start=1):
        put(ws, r, c, value, "int" if c in (1, 6) else "text")

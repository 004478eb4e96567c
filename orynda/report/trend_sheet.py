"""Since the last run: this run against the previous finished run of its flow — findings new, resolved, still open
(and those not checked again), money found, acts filed and waiting, failures — then the last runs of the flow as a
table and a chart. Lays out orynda.history.trend; computes only the differences between the two runs' figures."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from openpyxl import Workbook
from openpyxl.chart import LineChart, Reference
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

from orynda.history import Trend, TrendPoint
from orynda.i18n import Texts
from orynda.report.cells import finish, header, put
from orynda.report.data import ReportData
from orynda.wording import status_name

FIGURES = (  # (TrendPoint field, cell kind), compared run against run and listed per run
    ("items", "int"),
    ("findings", "int"),
    ("money_found", "money"),
    ("acts_filed", "int"),
    ("acts_waiting", "int"),
    ("failures", "int"),
)
CHARTED = ("findings", "acts_filed", "failures")


def trend_sheet(book: Workbook, data: ReportData) -> None:
    t = data.texts
    ws = book.create_sheet(t("report.sheet.trend"))
    header(ws, [t(f"report.trend.column.{c}") for c in ("figure", "this_run", "previous_run", "change")])
    if data.trend is None:
        put(ws, 2, 1, t("report.trend.no_previous"))
        finish(ws)
        return
    table = _history(ws, t, data.trend.runs, _comparison(ws, t, data.trend) + 1)
    finish(ws)
    ws.auto_filter.ref = table  # the filter on the table of runs, not over the comparison above it


def _comparison(ws: Worksheet, t: Texts, trend: Trend) -> int:
    """The two runs side by side; returns the last row written."""
    this, previous = trend.this, trend.previous
    put(ws, 2, 1, t("report.trend.figure.run"))
    put(ws, 2, 2, this.run_id)
    put(ws, 3, 1, t("report.trend.figure.started"))
    put(ws, 3, 2, this.started, "date")
    row = 4
    if previous is None or trend.changes is None:
        put(ws, row, 1, t("report.trend.no_previous"))
    else:
        put(ws, 2, 3, previous.run_id)
        put(ws, 3, 3, previous.started, "date")
        changes = trend.changes
        for name, keys in (
            ("new", changes.new),
            ("resolved", changes.resolved),
            ("still_open", changes.still_open),
            ("unchecked", changes.unchecked),
        ):
            put(ws, row, 1, t(f"report.trend.figure.{name}"))
            put(ws, row, 2, len(keys), "int")
            row += 1
        row -= 1
    for name, kind in FIGURES:
        row += 1
        now = getattr(this, name)
        put(ws, row, 1, t(f"report.trend.figure.{name}"))
        put(ws, row, 2, now, kind)
        if previous is not None:
            before = getattr(previous, name)
            put(ws, row, 3, before, kind)
            put(ws, row, 4, _change(now, before), kind)
    return row


def _history(ws: Worksheet, t: Texts, runs: list[TrendPoint], after: int) -> str:
    """The last runs of the flow, oldest first (this run last), and a chart of findings, acts filed and failures;
    returns the table's range."""
    title = after + 1
    ws.cell(row=title, column=1, value=t("report.trend.history", count=len(runs))).font = Font(bold=True)
    top = title + 1
    columns = [("run", "text"), ("started", "date"), ("status", "text"), *FIGURES]
    for c, (name, _) in enumerate(columns, start=1):
        key = f"report.trend.column.{name}" if c <= 3 else f"report.trend.figure.{name}"
        ws.cell(row=top, column=c, value=t(key)).font = Font(bold=True)
    for r, point in enumerate(runs, start=top + 1):
        values: list[Any] = [point.run_id, point.started, status_name(t, point.status)]
        values += [getattr(point, name) for name, _ in FIGURES]
        for c, (value, (_, kind)) in enumerate(zip(values, columns), start=1):
            put(ws, r, c, value, kind)
    bottom = top + len(runs)

    chart = LineChart()
    chart.title = t("report.trend.chart")
    chart.height, chart.width = 8, 18
    for name in CHARTED:
        column = 1 + next(i for i, (n, _) in enumerate(columns) if n == name)
        chart.add_data(Reference(ws, min_col=column, min_row=top, max_row=bottom), titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=2, min_row=top + 1, max_row=bottom))  # when each run started
    ws.add_chart(chart, ws.cell(row=title, column=len(columns) + 2).coordinate)
    return f"A{top}:{ws.cell(row=bottom, column=len(columns)).coordinate}"


def _change(now: int | Decimal, before: int | Decimal) -> int | Decimal:
    return now - before

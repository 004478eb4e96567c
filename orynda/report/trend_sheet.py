"""Since the last run: this run against the previous finished run of its flow — findings new, resolved, still open
(and those not checked again), money found, acts filed and waiting, failures — then the last runs of the flow as a
table and a chart. Lays out orynda.history.trend; computes only the differences between the two runs' figures."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from openpyxl import Workbook
from openpyxl.chart import LineChart, Reference
from openpyxl.utils import get_column_letter

from orynda.history import Trend, TrendPoint
from orynda.i18n import Texts
from orynda.report.data import Part, ReportData, Totals
from orynda.report.sheet import Sheet, Spec
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


class TrendSheet(Part):
    def __init__(self, book: Workbook, data: ReportData) -> None:
        self.data, t = data, data.texts
        self.sheet = Sheet(book, t("report.sheet.trend"))
        self.sheet.header([t(f"report.trend.column.{c}") for c in ("figure", "this_run", "previous_run", "change")])

    def finish(self, totals: Totals) -> None:
        t, sheet = self.data.texts, self.sheet
        if totals.trend is None:
            sheet.add([(t("report.trend.no_previous"), "text")])
            sheet.finish()
            return
        _comparison(sheet, t, totals.trend)
        sheet.add([])
        table = _history(sheet, t, totals.trend.runs)
        sheet.finish(filter_ref=table)  # the filter on the table of runs, not over the comparison above it


def _comparison(sheet: Sheet, t: Texts, trend: Trend) -> None:
    """The two runs side by side."""
    this, previous = trend.this, trend.previous
    shown = previous if trend.changes is not None else None
    sheet.add(
        [(t("report.trend.figure.run"), "text"), (this.run_id, "text"), (shown.run_id, "text") if shown else None]
    )
    sheet.add(
        [(t("report.trend.figure.started"), "text"), (this.started, "date"), (shown.started, "date") if shown else None]
    )
    if previous is None or trend.changes is None:
        sheet.add([(t("report.trend.no_previous"), "text")])
    else:
        changes = trend.changes
        for name, keys in (
            ("new", changes.new),
            ("resolved", changes.resolved),
            ("still_open", changes.still_open),
            ("unchecked", changes.unchecked),
        ):
            sheet.add([(t(f"report.trend.figure.{name}"), "text"), (len(keys), "int")])
    for name, kind in FIGURES:
        now = getattr(this, name)
        row: list[Spec] = [(t(f"report.trend.figure.{name}"), "text"), (now, kind)]
        if previous is not None:
            was = getattr(previous, name)
            row += [(was, kind), (_change(now, was), kind)]
        sheet.add(row)


def _history(sheet: Sheet, t: Texts, runs: list[TrendPoint]) -> str:
    """The last runs of the flow, oldest first (this run last), and a chart of findings, acts filed and failures;
    returns the table's range."""
    title = sheet.add([(t("report.trend.history", count=len(runs)), "text")], font="bold")
    columns = [("run", "text"), ("started", "date"), ("status", "text"), *FIGURES]
    top = sheet.add(
        [
            (t(f"report.trend.column.{name}" if c <= 3 else f"report.trend.figure.{name}"), "text")
            for c, (name, _) in enumerate(columns, start=1)
        ],
        font="bold",
    )
    for point in runs:
        values: list[Any] = [point.run_id, point.started, status_name(t, point.status)]
        values += [getattr(point, name) for name, _ in FIGURES]
        sheet.add([(value, kind) for value, (_, kind) in zip(values, columns)])
    bottom = top + len(runs)

    chart = LineChart()
    chart.title = t("report.trend.chart")
    chart.height, chart.width = 8, 18
    for name in CHARTED:
        column = 1 + next(i for i, (n, _) in enumerate(columns) if n == name)
        chart.add_data(Reference(sheet.ws, min_col=column, min_row=top, max_row=bottom), titles_from_data=True)
    chart.set_categories(Reference(sheet.ws, min_col=2, min_row=top + 1, max_row=bottom))  # when each run started
    sheet.ws.add_chart(chart, f"{get_column_letter(len(columns) + 2)}{title}")
    return f"A{top}:{get_column_letter(len(columns))}{bottom}"


def _change(now: int | Decimal, before: int | Decimal) -> int | Decimal:
    return now - before

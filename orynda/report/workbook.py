"""Writes the run report: Summary and To do, the core sheets, the sheets the flow asks for, then the trend.

The items are read once, streamed from the store, each handed to every sheet in turn and summed for the Summary
and the trend; a write-only workbook streams the cells to disk (the report of 100,000 items in seconds, in little
memory). The sheets are made in their order first, so the Summary comes first though it is filled last."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from openpyxl import Workbook

from orynda.history import Tally
from orynda.report import core_sheets
from orynda.report.data import Part, ReportData, totals
from orynda.report.documents_sheet import DocumentsSheet
from orynda.report.findings_sheet import FindingsSheet
from orynda.report.money_sheets import NoticesSheet, PaymentsSheet
from orynda.report.registries_sheet import RegistriesSheet
from orynda.report.todo_sheet import TodoSheet
from orynda.report.trend_sheet import TrendSheet

SheetWriter = Callable[[Workbook, ReportData], Part]

# extra sheets a flow may ask for, by name
EXTRA_SHEETS: dict[str, SheetWriter] = {
    "Findings": FindingsSheet,
    "Registries": RegistriesSheet,
    "Documents": DocumentsSheet,
    "Payments": PaymentsSheet,
    "Notices": NoticesSheet,
}


def write_report(data: ReportData, path: Path | None = None) -> Path:
    path = path or data.folder / f"report-{data.run.id}.xlsx"
    book = Workbook(write_only=True)
    writers: list[SheetWriter] = [core_sheets.SummarySheet, TodoSheet, core_sheets.ItemsSheet]
    writers += [core_sheets.ExceptionsSheet, *[EXTRA_SHEETS[name] for name in data.flow.extra_sheets], TrendSheet]
    parts = [write(book, data) for write in writers]
    tally = Tally()
    for item, result in data.items():
        for part in parts:
            part.item(item, result)
        tally.add(item.key, item.state, item.attempts, item.error_code, result if item.result is not None else None)
    summed = totals(data, tally)
    for part in parts:
        part.finish(summed)
    tmp = path.with_suffix(".tmp.xlsx")
    book.save(tmp)
    tmp.replace(path)  # a supervisor never opens a half-written file
    return path

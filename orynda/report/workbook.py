"""Writes the run report: Summary and To do, the core sheets, the sheets the flow asks for, then the trend."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from openpyxl import Workbook

from orynda.report import core_sheets
from orynda.report.data import ReportData
from orynda.report.documents_sheet import documents_sheet
from orynda.report.findings_sheet import findings_sheet
from orynda.report.registries_sheet import registries_sheet
from orynda.report.todo_sheet import todo_sheet
from orynda.report.trend_sheet import trend_sheet

SheetWriter = Callable[[Workbook, ReportData], None]

# extra sheets a flow may ask for, by name
EXTRA_SHEETS: dict[str, SheetWriter] = {
    "Findings": findings_sheet,
    "Registries": registries_sheet,
    "Documents": documents_sheet,
}


def write_report(data: ReportData, path: Path | None = None) -> Path:
    path = path or data.folder / f"report-{data.run.id}.xlsx"
    book = Workbook()
    for sheet in list(book.worksheets):  # the default empty sheet
        book.remove(sheet)
    writers: list[SheetWriter] = [core_sheets.summary_sheet, todo_sheet, core_sheets.items_sheet]
    writers += [core_sheets.exceptions_sheet, *[EXTRA_SHEETS[name] for name in data.flow.extra_sheets], trend_sheet]
    for write in writers:
        write(book, data)
    tmp = path.with_suffix(".tmp.xlsx")
    book.save(tmp)
    tmp.replace(path)  # a supervisor never opens a half-written file
    return path

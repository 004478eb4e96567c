"""Cell writing that keeps a report safe and readable: text stays text, money is a number in tenge."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation
from typing import Any

from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

MONEY_FORMAT = '#,##0.00 "₸"'
DATE_FORMAT = "dd.mm.yyyy"
DATETIME_FORMAT = "dd.mm.yyyy hh:mm:ss"
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_HEADER_FILL = PatternFill("solid", fgColor="DCE6F1")


def put(ws: Worksheet, row: int, column: int, value: Any, kind: str = "text") -> Cell:
    """Writes one value by its kind; a string that Excel could run as a formula is stored as plain text."""
    cell = ws.cell(row=row, column=column)
    if value is None or value == "":
        return cell
    if kind == "money":
        return _money(cell, value)
    if kind in ("int", "number") and isinstance(value, (int, float)):
        cell.value = value
        return cell
    if kind == "date" and isinstance(value, (dt.date, dt.datetime)):
        cell.value = value.replace(tzinfo=None) if isinstance(value, dt.datetime) else value
        cell.number_format = DATETIME_FORMAT if isinstance(value, dt.datetime) else DATE_FORMAT
        return cell
    if kind == "bool" and isinstance(value, bool):
        value = "yes" if value else "no"
    return _text(cell, str(value))


def link(ws: Worksheet, row: int, column: int, target: str | None, label: str | None = None) -> Cell:
    cell = put(ws, row, column, label or target)
    if target:
        cell.hyperlink = target
        cell.font = Font(color="0563C1", underline="single")
    return cell


def header(ws: Worksheet, titles: list[str]) -> None:
    for i, title in enumerate(titles, start=1):
        cell = ws.cell(row=1, column=i, value=title)
        cell.font, cell.fill = Font(bold=True), _HEADER_FILL
        cell.alignment = Alignment(vertical="center", wrap_text=False)


def finish(ws: Worksheet) -> None:
    """Header frozen, filters on, columns as wide as their content (within reason)."""
    ws.freeze_panes = "A2"
    if ws.max_row >= 1 and ws.max_column >= 1:
        ws.auto_filter.ref = ws.dimensions
    widths: dict[int, int] = {}
    for row in ws.iter_rows():
        for cell in row:
            if cell.value is not None:
                shown = len(f"{cell.value:,.2f} ₸") if cell.number_format == MONEY_FORMAT else len(str(cell.value))
                widths[cell.column] = max(widths.get(cell.column, 0), min(shown, 80))
    for column, width in widths.items():
        ws.column_dimensions[get_column_letter(column)].width = width + 3


def _text(cell: Cell, text: str) -> Cell:
    cell.value = text
    cell.data_type = "s"  # never a formula, whatever it starts with
    if text.startswith(_FORMULA_STARTS):
        cell.quotePrefix = True
    cell.number_format = "@"
    return cell


def _money(cell: Cell, value: Any) -> Cell:
    try:
        amount = value if isinstance(value, Decimal) else Decimal(str(value))
    except InvalidOperation:
        return _text(cell, str(value))
    cell.value = amount
    cell.number_format = MONEY_FORMAT
    return cell

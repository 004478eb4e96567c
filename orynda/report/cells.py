"""Cell writing that keeps a report safe, readable and printable: text stays text, money is a number in tenge, long
texts wrap in columns of a readable width, and every sheet prints landscape, one page wide, its header on each page.
Cell by cell, for a small workbook (the calculation sheet); the run report streams its sheets (orynda/report/sheet.py)
and looks the same by the same constants.
"""

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
WIDEST = 32  # characters: a longer text wraps in its column instead of stretching the page
HEADER_WIDEST = 16  # a long header wraps rather than widening a column of short values
LINE_HEIGHT = 15  # points per line of 11-point text: a wrapped cell's row is set as tall as its lines


def put(ws: Worksheet, row: int, column: int, value: Any, kind: str = "text") -> Cell | None:
    """Writes one value by its kind; a string that Excel could run as a formula is stored as plain text. An empty
    value writes no cell at all (a sheet of 100,000 rows has many)."""
    if value is None or value == "":
        return None
    cell = ws.cell(row=row, column=column)
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


def header(ws: Worksheet, titles: list[str]) -> None:
    for i, title in enumerate(titles, start=1):
        cell = ws.cell(row=1, column=i, value=title)
        cell.font, cell.fill = Font(bold=True), _HEADER_FILL
        cell.alignment = Alignment(vertical="center", wrap_text=True)


def finish(ws: Worksheet, *, one_page: bool = False, header_rows: int = 1, filters: bool = True) -> None:
    """Header frozen, filters on, columns as wide as their content up to WIDEST (longer texts wrap), and the print
    setup: landscape A4, one page wide, the header repeated on every page; `one_page` fits the sheet on one page.

    One pass over the cells written, each given one of two alignments registered once for the workbook (an
    alignment set cell by cell is looked up among the workbook's styles each time: minutes for 100,000 items)."""
    if header_rows:
        ws.freeze_panes = f"A{header_rows + 1}"
        if filters and ws.max_row >= 1 and ws.max_column >= 1:
            ws.auto_filter.ref = ws.dimensions
    top, top_wrapped = _alignment_id(ws, _TOP), _alignment_id(ws, _TOP_WRAPPED)
    widths: dict[int, int] = {}
    wrapped: list[Cell] = []
    for cell in list(ws._cells.values()):
        value = cell.value
        if value is None:
            continue
        widest = HEADER_WIDEST if cell.row <= header_rows else WIDEST
        shown = _shown_width(cell)
        widths[cell.column] = max(widths.get(cell.column, 0), min(shown, widest))
        if isinstance(value, str) and (shown > widest or "\n" in value):
            cell._style.alignmentId = top_wrapped
            wrapped.append(cell)
        elif cell.row > header_rows:
            cell._style.alignmentId = top
        elif cell.alignment.wrap_text:  # a header cell keeps the alignment it was written with
            wrapped.append(cell)
    for column, width in widths.items():
        ws.column_dimensions[get_column_letter(column)].width = width + 2
    _row_heights(ws, widths, wrapped)
    printable(ws, one_page=one_page, header_rows=header_rows)


_TOP = Alignment(vertical="top")
_TOP_WRAPPED = Alignment(vertical="top", wrap_text=True)


def _alignment_id(ws: Worksheet, alignment: Alignment) -> int:
    """The alignment's index among the workbook's, as setting `cell.alignment` finds it."""
    return int(ws.parent._alignments.add(alignment))


def _row_heights(ws: Worksheet, widths: dict[int, int], wrapped: list[Cell]) -> None:
    """Rows as tall as their wrapped texts: neither Excel nor LibreOffice grows a row on opening the file, so a
    wrapped text would print over the row below."""
    lines: dict[int, int] = {}
    for cell in wrapped:
        lines[cell.row] = max(lines.get(cell.row, 1), _lines(str(cell.value), widths.get(cell.column, WIDEST)))
    for row, count in lines.items():
        if count > 1:
            ws.row_dimensions[row].height = count * LINE_HEIGHT


def _lines(text: str, width: int) -> int:
    return sum(max(1, -(-len(line) // max(width, 1))) for line in text.splitlines() or [""])


def printable(ws: Any, *, one_page: bool = False, header_rows: int = 1) -> None:
    """Landscape A4, one page wide and as many pages long as it takes (fitToHeight 0), or one page in all."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 1 if one_page else 0
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.5
    if header_rows:
        ws.print_title_rows = f"1:{header_rows}"


def _shown_width(cell: Cell) -> int:
    if cell.number_format == MONEY_FORMAT:
        return len(f"{cell.value:,.2f} ₸")
    if cell.number_format == DATETIME_FORMAT:
        return 19
    if cell.number_format == DATE_FORMAT:
        return 10
    return max((len(line) for line in str(cell.value).splitlines()), default=0)


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

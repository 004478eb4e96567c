"""The run report's sheets, written as a stream: a write-only workbook keeps none of its cells in memory, so the
report of 100,000 items takes seconds and little memory. Cells look as orynda.report.cells writes them: text stays
text (a formula-looking one too), money a number in tenge, long texts wrap in columns of a readable width, and every
sheet prints landscape, one page wide, its header on each page."""

from __future__ import annotations

import datetime as dt
import pickle
import tempfile
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation
from typing import Any, NamedTuple

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.compat import safe_string
from openpyxl.styles import Alignment, Font
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import to_excel
from openpyxl.utils.exceptions import IllegalCharacterError
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet._writer import WorksheetWriter
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.xml.functions import XML_NS, Element, SubElement

from orynda.report.cells import (
    _FORMULA_STARTS,
    _HEADER_FILL,
    _TOP,
    _TOP_WRAPPED,
    DATE_FORMAT,
    DATETIME_FORMAT,
    HEADER_WIDEST,
    LINE_HEIGHT,
    MONEY_FORMAT,
    WIDEST,
    _lines,
    printable,
)

TEXT_FORMAT = "@"
GENERAL_FORMAT = "General"


class Link(NamedTuple):
    """A hyperlink cell: shown by its label (the target itself when there is none)."""

    target: str | None
    label: str | None = None


Spec = tuple[Any, str] | Link | None  # (value, kind), a link, or no cell
_FONTS = {
    "bold": Font(bold=True),
    "title": Font(bold=True, size=12),
    "link": Font(color="0563C1", underline="single"),
    "header": Font(bold=True),
}
_HEADER_ALIGNMENT = Alignment(vertical="center", wrap_text=True)
_BATCH = 2000  # rows pickled to the spool at a time
_Style = tuple[str, str | None, bool, bool, bool]  # number format, font, wrapped, quote prefix, header
_Cell = tuple[int, Any, int, str | None]  # column, value, style (index into Sheet._styles), hyperlink target


class Sheet:
    """A worksheet of a write-only workbook, written in two passes: rows are added one by one (spooled to a
    temporary file with the width of each column as it grows), then `finish` writes them, columns as wide as their
    content up to WIDEST (longer texts wrap, their rows as tall as their lines), header frozen, filters on, printable.

    A write-only sheet streams its cells to disk as they come (100,000 items in little memory), but it takes the
    column widths before the first row: hence the spool. The sheet is made at once, so the workbook keeps its sheets
    in the order they were made, whichever is filled first."""

    def __init__(self, book: Workbook, title: str, header_rows: int = 1) -> None:
        self.ws = _CellRows(parent=book, title=title)
        book._add_sheet(self.ws)  # what book.create_sheet does with a WriteOnlyWorksheet
        self.header_rows = header_rows
        self.rows = 0  # the last row added
        self._widths: dict[int, int] = {}
        self._max_row = self._max_column = 0
        self._styles: dict[_Style, int] = {}
        self._batch: list[tuple[int, list[_Cell]]] = []
        self._spool = tempfile.TemporaryFile()

    def header(self, titles: Sequence[str]) -> None:
        self.add([(title, "header") for title in titles])

    def add(self, cells: Sequence[Spec], font: str | None = None) -> int:
        """The next row: one spec per column from A (None leaves a column empty); returns its number."""
        self.rows += 1
        header_row = self.rows <= self.header_rows
        widest = HEADER_WIDEST if header_row else WIDEST
        widths, styles = self._widths, self._styles
        row: list[_Cell] = []
        for column, spec in enumerate(cells, start=1):
            if spec is None:
                continue
            target, cell_font = None, font
            if isinstance(spec, Link):
                value, fmt = _prepared(spec.label or spec.target, "text")
                if spec.target and value is not None:
                    target, cell_font = spec.target, "link"
            elif spec[1] == "text" and type(spec[0]) is str:  # most cells: a text as it is
                value, fmt = spec[0] or None, TEXT_FORMAT
            else:
                value, fmt = _prepared(*spec)
            if value is None:
                continue
            header = header_row and not isinstance(spec, Link) and spec[1] == "header"
            if isinstance(value, str):
                shown = len(value) if value.isprintable() else _width_of(value, fmt)
                wrapped = shown > widest or "\n" in value
            else:
                shown, wrapped = _width_of(value, fmt), False
            if shown > widths.get(column, 0):
                widths[column] = min(shown, widest)
            quote = fmt == TEXT_FORMAT and value.startswith(_FORMULA_STARTS)
            key = (fmt, "header" if header else cell_font, wrapped, quote, header)
            style = styles.get(key)
            if style is None:
                style = styles[key] = len(styles)
            row.append((column, value, style, target))
        if row:
            self._max_row = self.rows
            self._max_column = max(self._max_column, row[-1][0])
            self._batch.append((self.rows, row))
            if len(self._batch) >= _BATCH:
                self._flush()
        return self.rows

    def finish(self, *, one_page: bool = False, filters: bool = True, filter_ref: str | None = None) -> None:
        ws = self.ws
        self._flush()
        if self._max_row:
            ws.dimension = f"A1:{get_column_letter(self._max_column)}{self._max_row}"
        if self.header_rows:
            ws.freeze_panes = f"A{self.header_rows + 1}"
            if filters and self._max_row:
                ws.auto_filter.ref = filter_ref or ws.dimension
        for column, width in sorted(self._widths.items()):
            ws.column_dimensions[get_column_letter(column)].width = width + 2
        printable(ws, one_page=one_page, header_rows=self.header_rows)
        templates = [self._template(key) for key in sorted(self._styles, key=self._styles.__getitem__)]
        wrapped = [key[2] or key[4] for key in sorted(self._styles, key=self._styles.__getitem__)]
        written = 0
        sids = [f"{self.ws.parent._cell_styles.add(template)}" for template in templates]  # as cell.style_id
        self._spool.seek(0)
        while True:
            try:
                batch: list[tuple[int, list[_Cell]]] = pickle.load(self._spool)
            except EOFError:
                break
            for number, row in batch:
                while written < number - 1:  # rows left empty
                    ws.append([])
                    written += 1
                lines = max(
                    (_lines(str(v), self._widths.get(c, WIDEST)) for c, v, s, _ in row if wrapped[s]), default=1
                )
                if lines > 1:
                    ws.row_dimensions[number].height = lines * LINE_HEIGHT
                ws.append([(column, value, sids[style], target) for column, value, style, target in row])
                written += 1
        self._spool.close()

    def _flush(self) -> None:
        if self._batch:
            pickle.dump(self._batch, self._spool, protocol=pickle.HIGHEST_PROTOCOL)
            self._batch = []

    def _template(self, key: _Style) -> StyleArray:
        """The style of a kind of cell, registered once (setting fonts and formats cell by cell looks each one up
        among the workbook's styles: minutes for 100,000 items)."""
        fmt, font, wrapped, quote, header = key
        cell = WriteOnlyCell(self.ws)
        cell.number_format = fmt
        if font:
            cell.font = _FONTS[font]
        if header:
            cell.fill = _HEADER_FILL
        cell.alignment = _TOP_WRAPPED if wrapped else _HEADER_ALIGNMENT if header else _TOP
        if quote:
            cell.quotePrefix = True
        return cell._style


class _CellRows(WriteOnlyWorksheet):  # type: ignore[misc]
    """A write-only worksheet appended rows as (column, value, style id, hyperlink) tuples, each row written as one
    XML element. openpyxl's own append makes a cell object of every value and writes it element by element: for the
    million values of 100,000 items that is most of the report's time. The values are bound as a cell binds them
    (text checked and kept as text, never a formula; numbers, booleans, dates as Excel keeps them)."""

    dimension = "A1:A1"  # the range the rows cover, written at the top of the sheet as Excel writes it
    _writer: Any = None

    def calculate_dimension(self) -> str:
        return self.dimension

    def _get_writer(self) -> None:
        if self._writer is None:
            self._writer = _RowWriter(self)
            self._writer.write_top()

    def _values_to_row(self, values: list[_Written], row_idx: int) -> list[_Written]:
        return values


_Written = tuple[int, Any, str, str | None]  # column, value, style id, hyperlink target


class _RowWriter(WorksheetWriter):  # type: ignore[misc]
    def write_row(self, xf: Any, row: list[_Written], row_idx: int) -> None:
        attrs = {"r": f"{row_idx}"}
        attrs.update(self.ws.row_dimensions.get(row_idx, {}))
        el = Element("row", attrs)
        epoch = self.ws.parent.epoch
        for column, value, style, target in row:
            coordinate = f"{get_column_letter(column)}{row_idx}"
            if isinstance(value, str):
                c = SubElement(el, "c", {"r": coordinate, "s": style, "t": "inlineStr"})
                text = value[:32767]  # what a cell keeps of a longer text
                if ILLEGAL_CHARACTERS_RE.search(text):
                    raise IllegalCharacterError(f"{text} cannot be used in worksheets.")
                t = SubElement(SubElement(c, "is"), "t")
                if text != text.strip():
                    t.set(f"{{{XML_NS}}}space", "preserve")
                t.text = text
            elif isinstance(value, bool):
                c = SubElement(el, "c", {"r": coordinate, "s": style, "t": "b"})
                SubElement(c, "v").text = safe_string(value)
            elif isinstance(value, (dt.date, dt.datetime)):
                c = SubElement(el, "c", {"r": coordinate, "s": style, "t": "n"})
                SubElement(c, "v").text = safe_string(to_excel(value, epoch))
            else:
                c = SubElement(el, "c", {"r": coordinate, "s": style, "t": "n"})
                SubElement(c, "v").text = safe_string(value)
            if target:
                self.ws._hyperlinks.append(Hyperlink(ref=coordinate, target=target))
        xf.write(el)


def _prepared(value: Any, kind: str) -> tuple[Any, str]:
    """A value as its cell holds it, and the cell's number format; (None, "") for no cell at all (a sheet of 100,000
    rows has many empty values)."""
    if value is None or value == "":
        return None, ""
    if kind == "header":
        return str(value), GENERAL_FORMAT
    if kind == "money":
        try:
            return (value if isinstance(value, Decimal) else Decimal(str(value))), MONEY_FORMAT
        except InvalidOperation:
            return str(value), TEXT_FORMAT
    if kind in ("int", "number") and isinstance(value, (int, float)):
        return value, GENERAL_FORMAT
    if kind == "date" and isinstance(value, dt.datetime):
        return value.replace(tzinfo=None), DATETIME_FORMAT
    if kind == "date" and isinstance(value, dt.date):
        return value, DATE_FORMAT
    if kind == "bool" and isinstance(value, bool):
        value = "yes" if value else "no"
    return str(value), TEXT_FORMAT


def _width_of(value: Any, fmt: str) -> int:
    if fmt == MONEY_FORMAT:
        return len(f"{value:,.2f} ₸")
    if fmt == DATETIME_FORMAT:
        return 19
    if fmt == DATE_FORMAT:
        return 10
    return max((len(line) for line in str(value).splitlines()), default=0)

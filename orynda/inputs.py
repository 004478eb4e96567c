"""Reading an input table (Excel or CSV) whose headers may be Kazakh, Russian or English.

A missing column or an unreadable file stops before any browser starts (InputFileError), with what the file is
("not an Excel file", "protected by a password", "has no data rows"); a bad cell only marks its own row
(`InputRow.problems`). The header is the first row that names the required columns, so a title above it is
allowed; each row keeps the number the supervisor sees (Excel's row number, the CSV's line number). CSV files may
be UTF-8 or a legacy Cyrillic code page (Excel on Russian Windows saves cp1251), with `,` `;` or tab between cells,
or a single column.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import chain, islice
from pathlib import Path
from typing import Any

from charset_normalizer import from_bytes
from openpyxl import load_workbook

from orynda.errors import ConfigError


class InputFileError(ConfigError):
    """The file as a whole cannot be used: unreadable, empty, or a required column missing."""


@dataclass(frozen=True)
class Column:
    field: str
    aliases: tuple[str, ...]
    required: bool = True


@dataclass(frozen=True)
class InputRow:
    """One data row: its number as the supervisor sees it (the row number Excel shows, the line number of a CSV;
    title and blank rows counted) and its cells by field."""

    number: int
    values: dict[str, Any]
    problems: dict[str, str] = field(default_factory=dict)  # field -> why its cell cannot be read


# Code pages a Kazakh or Russian office's CSV may come in when it is not UTF-8.
LEGACY_ENCODINGS = ["cp1251", "koi8_r", "cp866", "utf_16"]
# A cell of a formula that Excel never calculated: openpyxl reads no value for it.
UNCALCULATED = object()


# How many filled rows from the top may stand above the header (a title, the office's name, a date).
HEADER_SEARCH = 10
Numbered = tuple[int, list[Any]]  # a row's number in the file and its cells


def read_rows(path: Path, columns: list[Column]) -> list[InputRow]:
    return list(stream_rows(path, columns))


def stream_rows(path: Path, columns: list[Column]) -> Iterator[InputRow]:
    """The data rows one at a time, the file read as they are taken (a list of 100,000 rows is never all in memory
    as rows). What makes the file unusable as a whole (unreadable, no header, no data row) is raised here, before
    the first row is handed out, so a run is not recorded for it."""
    filled = (row for row in _read_table(path) if not all(_blank(c) for c in row[1]))
    top = list(islice(filled, HEADER_SEARCH))
    if not top:
        raise InputFileError(f"{path}: the file is empty (no header row)")
    at, positions = _find_header(path, top, columns)
    rest = chain(top[at + 1 :], filled)
    first = next(rest, None)
    if first is None:
        raise InputFileError(f"{path}: the file has a header row but no data rows")
    return (_row(number, cells, positions) for number, cells in chain([first], rest))


def _row(number: int, cells: list[Any], positions: dict[str, int]) -> InputRow:
    values = {f: (cells[i] if i < len(cells) else None) for f, i in positions.items()}
    problems = {
        f: "a formula without a calculated value (open the file in Excel and save it)"
        for f, v in values.items()
        if v is UNCALCULATED
    }
    return InputRow(number, {f: (None if v is UNCALCULATED else v) for f, v in values.items()}, problems)


def _find_header(path: Path, filled: list[Numbered], columns: list[Column]) -> tuple[int, dict[str, int]]:
    """The first of the top rows that names every required column; else the missing columns of the row that
    names the most of them are the error."""
    top = filled[:HEADER_SEARCH]
    for at, (_, cells) in enumerate(top):
        positions, missing = _match_columns(cells, columns)
        if not missing:
            return at, positions
    best = max(top, key=lambda row: len(_match_columns(row[1], columns)[0]))[1]
    missing = _match_columns(best, columns)[1]
    found = ", ".join(str(c) for c in best if not _blank(c))
    raise InputFileError(f"{path}: missing column(s): {'; '.join(missing)}. Found: {found}")


def _match_columns(header: list[Any], columns: list[Column]) -> tuple[dict[str, int], list[str]]:
    """Where each column is in a candidate header row, and the required ones it lacks."""
    names = [_norm(h) for h in header]
    positions, missing = {}, []
    for column in columns:
        index = next((names.index(_norm(a)) for a in column.aliases if _norm(a) in names), None)
        if index is not None:
            positions[column.field] = index
        elif column.required:
            missing.append(f"{column.field} (one of: {', '.join(column.aliases)})")
    return positions, missing


def _read_table(path: Path) -> Iterator[Numbered]:
    """The file's rows as they are read; what it is (missing, not a workbook, protected) is told at once."""
    if not path.exists():
        raise InputFileError(f"{path}: no such file")
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".xlsm", ".csv", ".txt"):
        raise InputFileError(f"{path}: unsupported file type {suffix!r}; use .xlsx or .csv")
    with _unreadable(path, suffix):
        data = path.read_bytes()
        if not data.strip():
            return iter(())
        rows = _excel_rows(path, data) if suffix in (".xlsx", ".xlsm") else _csv_rows(path, data)
    return _guarded(path, suffix, rows)


def _guarded(path: Path, suffix: str, rows: Iterator[Numbered]) -> Iterator[Numbered]:
    with _unreadable(path, suffix):
        yield from rows


@contextmanager
def _unreadable(path: Path, suffix: str) -> Iterator[None]:
    """A file that breaks while it is read is named with why, whichever row it broke on."""
    try:
        yield
    except (OSError, UnicodeDecodeError, csv.Error, ValueError, KeyError, zipfile.BadZipFile) as exc:
        raise InputFileError(f"{path}: cannot read as {suffix[1:]}: {exc}") from exc


def _excel_rows(path: Path, data: bytes) -> Iterator[Numbered]:
    """The first sheet's values by row number; a formula Excel never calculated is marked UNCALCULATED, not read
    as empty."""
    if data.startswith(b"\xd0\xcf\x11\xe0"):  # an OLE compound file: encrypted OOXML, or a 97–2003 .xls
        if "EncryptionInfo".encode("utf-16-le") in data:
            raise InputFileError(f"{path}: the workbook is protected by a password; save a copy without one")
        raise InputFileError(f"{path}: an Excel 97–2003 workbook (.xls); save it as .xlsx")
    if not data.startswith(b"PK"):
        raise InputFileError(f"{path}: not an Excel file ({_looks_like(data)}); use .xlsx or .csv")
    values = load_workbook(path, read_only=True, data_only=True)
    formulas = load_workbook(path, read_only=True, data_only=False)
    return _sheet_rows(values, formulas)


def _sheet_rows(values: Any, formulas: Any) -> Iterator[Numbered]:
    try:
        yield from _with_uncalculated(values.worksheets[0].iter_rows(), formulas.worksheets[0].iter_rows())
    finally:
        values.close()
        formulas.close()


def _with_uncalculated(values: Iterator[Any], formulas: Iterator[Any]) -> Iterator[Numbered]:
    """Rows from the sheet's first (openpyxl yields the empty ones too); a cell's own row number wins."""
    number = 0
    for value_row, formula_row in zip(values, formulas):
        number = next((c.row for c in value_row if getattr(c, "row", None)), number + 1)
        cells = [getattr(c, "value", None) for c in value_row]
        for i, cell in enumerate(formula_row):
            if cells[i] is None and getattr(cell, "data_type", None) == "f":
                cells[i] = UNCALCULATED
        yield number, cells


def _csv_rows(path: Path, data: bytes) -> Iterator[Numbered]:
    """Records by the line each starts on (a quoted cell may hold a line break); a blank line is an empty row."""
    text = _decode(path, data)
    if not text.strip():
        return iter(())
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:  # no delimiter anywhere: a list of one column
        dialect = csv.excel
    return _records(csv.reader(io.StringIO(text, newline=""), dialect))


def _records(reader: Any) -> Iterator[Numbered]:
    line = 1
    for cells in reader:
        yield line, list(cells)
        line = reader.line_num + 1


def _decode(path: Path, data: bytes) -> str:
    """UTF-8 (with or without BOM) when it is; else the legacy code page the bytes read best in."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        best = from_bytes(data, cp_isolation=LEGACY_ENCODINGS).best()
        if best is None:
            raise InputFileError(f"{path}: not text in UTF-8 or a Cyrillic code page; save it as CSV UTF-8") from None
        return str(best)


def _looks_like(data: bytes) -> str:
    head = data[:512]
    if head.lstrip().lower().startswith((b"<html", b"<!doctype", b"<?xml", b"<table")):
        return "it is a web page or XML"
    if head.startswith(b"%PDF"):
        return "it is a PDF"
    try:
        head.decode("utf-8")
        return "it is plain text: rename it .csv if it is a list"
    except UnicodeDecodeError:
        return "its content is not a workbook"


def _norm(value: Any) -> str:
    return " ".join(str(value or "").replace("\u00a0", " ").split()).casefold()


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def cell_text(value: Any) -> str:
    """A cell as text; whole numbers without '.0', dates as ISO."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return str(value).strip()

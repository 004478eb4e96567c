"""Reading an input table (Excel or CSV) whose headers may be Kazakh, Russian or English.

A missing column or an unreadable file stops before any browser starts (InputFileError); a bad cell only
marks its own row.
"""

from __future__ import annotations

import csv
import datetime as dt
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

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
    """One data row: its row number as a person sees it in the file (header is row 1) and its cells by field."""

    number: int
    values: dict[str, Any]


def read_rows(path: Path, columns: list[Column]) -> list[InputRow]:
    rows = _read_table(path)
    if not rows:
        raise InputFileError(f"{path}: the file has no header row")
    header, body = rows[0], rows[1:]
    positions = _match_columns(path, header, columns)
    out = []
    for offset, cells in enumerate(body, start=2):
        if all(_blank(c) for c in cells):
            continue
        out.append(InputRow(offset, {f: (cells[i] if i < len(cells) else None) for f, i in positions.items()}))
    return out


def _match_columns(path: Path, header: list[Any], columns: list[Column]) -> dict[str, int]:
    names = [_norm(h) for h in header]
    positions, missing = {}, []
    for column in columns:
        index = next((names.index(_norm(a)) for a in column.aliases if _norm(a) in names), None)
        if index is not None:
            positions[column.field] = index
        elif column.required:
            missing.append(f"{column.field} (one of: {', '.join(column.aliases)})")
    if missing:
        raise InputFileError(f"{path}: missing column(s): {'; '.join(missing)}. Found: {', '.join(map(str, header))}")
    return positions


def _read_table(path: Path) -> list[list[Any]]:
    if not path.exists():
        raise InputFileError(f"{path}: no such file")
    suffix = path.suffix.lower()
    try:
        if suffix in (".xlsx", ".xlsm"):
            book = load_workbook(path, read_only=True, data_only=True)
            try:
                return [list(r) for r in book.worksheets[0].iter_rows(values_only=True)]
            finally:
                book.close()
        if suffix in (".csv", ".txt"):
            text = path.read_text(encoding="utf-8-sig")
            if not text.strip():
                return []
            dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
            return [list(r) for r in csv.reader(text.splitlines(), dialect)]
    except (OSError, UnicodeDecodeError, csv.Error, ValueError, KeyError, zipfile.BadZipFile) as exc:
        raise InputFileError(f"{path}: cannot read as {suffix[1:]}: {exc}") from exc
    raise InputFileError(f"{path}: unsupported file type {suffix!r}; use .xlsx or .csv")


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

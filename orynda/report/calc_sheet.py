"""The calculation sheet a supervisor checks by hand: one row per line of a domain result, amounts as numbers.

Lays out what app.cli_calc computed with the domain core; computes nothing of its own (totals come in rows).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font

from orynda.report.cells import finish, header, put


@dataclass(frozen=True)
class CalcSheet:
    """A titled table: columns as (header, kind) with kind text|money|date|int|number, rows, and notes on the basis."""

    title: str
    columns: Sequence[tuple[str, str]]
    rows: Sequence[Sequence[Any]]
    total: Sequence[Any] | None = None
    notes: Sequence[str] = ()


def write_calc_sheet(sheet: CalcSheet, path: Path) -> Path:
    """Write the sheet (header frozen, money in tenge format) and a Basis sheet with title and notes; atomic replace."""
    book = Workbook()
    table = book.active
    table.title = "Calculation"  # the full title goes to Basis: sheet names are short and forbid ':' and '/'
    header(table, [title for title, _ in sheet.columns])
    for row_number, row in enumerate(sheet.rows, start=2):
        _write_row(table, row_number, row, sheet.columns)
    if sheet.total is not None:
        total_row = len(sheet.rows) + 2
        _write_row(table, total_row, sheet.total, sheet.columns)
        for cell in table[total_row]:
            cell.font = Font(bold=True)
    finish(table)
    basis = book.create_sheet("Basis")
    header(basis, ["basis of the calculation"])
    for row_number, note in enumerate([sheet.title, *sheet.notes], start=2):
        put(basis, row_number, 1, note)
    finish(basis)
    tmp = path.with_suffix(".tmp.xlsx")
    book.save(tmp)
    tmp.replace(path)  # a supervisor never opens a half-written file
    return path


def _write_row(table: Any, row_number: int, row: Sequence[Any], columns: Sequence[tuple[str, str]]) -> None:
    for column, (value, (_, kind)) in enumerate(zip(row, columns), start=1):
        put(table, row_number, column, value, kind)

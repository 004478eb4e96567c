"""The calculation sheet a supervisor checks by hand: one row per line of a domain result, amounts as numbers.

Lays out what app.cli_calc computed with the domain core; computes nothing of its own (totals come in rows). The
headers, rows and notes come already worded; the sheet names and the Basis header are in the sheet's language.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font

from orynda.i18n import texts
from orynda.report.cells import finish, header, put


@dataclass(frozen=True)
class CalcSheet:
    """A titled table: columns as (header, kind) with kind text|money|date|int|number, rows, notes on the basis,
    and the language (kk|ru) of its sheet names."""

    title: str
    columns: Sequence[tuple[str, str]]
    rows: Sequence[Sequence[Any]]
    total: Sequence[Any] | None = None
    notes: Sequence[str] = ()
    lang: str = "kk"


def write_calc_sheet(sheet: CalcSheet, path: Path) -> Path:
    """Write the sheet (header frozen, money in tenge format) and a Basis sheet with title and notes; atomic replace."""
    t = texts(sheet.lang)
    book = Workbook()
    table = book.active
    table.title = t("calc.sheet.calculation")  # the full title goes to Basis: sheet names are short, forbid ':' '/'
    header(table, [title for title, _ in sheet.columns])
    for row_number, row in enumerate(sheet.rows, start=2):
        _write_row(table, row_number, row, sheet.columns)
    if sheet.total is not None:
        total_row = len(sheet.rows) + 2
        _write_row(table, total_row, sheet.total, sheet.columns)
        for cell in table[total_row]:
            cell.font = Font(bold=True)
    finish(table)
    basis = book.create_sheet(t("calc.sheet.basis"))
    header(basis, [t("calc.sheet.basis_header")])
    for row_number, note in enumerate([sheet.title, *sheet.notes], start=2):
        put(basis, row_number, 1, note)
    finish(basis)
    tmp = path.with_suffix(".tmp.xlsx")
    book.save(tmp)
    tmp.replace(path)  # a supervisor never opens a half-written file
    return path


def _write_row(table: Any, row_number: int, row: Sequence[Any], columns: Sequence[tuple[str, str]]) -> None:
    for column, (value, (_, kind)) in enumerate(zip(row, columns), start=1):
        if kind == "number" and isinstance(value, Decimal):
            table.cell(row=row_number, column=column, value=value)  # a rate or a multiple: a number, not text
        else:
            put(table, row_number, column, value, kind)

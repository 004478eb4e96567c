"""What every `calc` command shares: its options read in the office's language, the domain called with its data
errors worded in one line (exit code 2, no traceback), input rows read with their bad rows named, and the result
printed as a table fitted to the terminal and, with --xlsx, written as a calculation sheet."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import typer
from rich.console import Console
from rich.text import Text

from app.calc_words import data_error, input_error
from app.cli_options import fail, settings_or_exit, words
from app.cli_tables import Column, print_table
from domain.errors import DomainError
from domain.money import tenge
from orynda.i18n import Texts, parse_day
from orynda.inputs import Column as InputColumn
from orynda.inputs import InputFileError, InputRow, read_rows
from orynda.report.calc_sheet import CalcSheet, write_calc_sheet

console = Console(highlight=False, soft_wrap=True)
T = TypeVar("T")


class RowProblem(ValueError):
    """A bad input row, said by its catalogue key and values (the row is skipped, the others are calculated)."""

    def __init__(self, key: str, **values: Any) -> None:
        super().__init__(key)
        self.key, self.values = key, values


def office_words() -> Texts:
    """The office's language from the settings (a bad settings file ends the command with code 2)."""
    return words(settings_or_exit(console))


def stop(t: Texts, message: str) -> NoReturn:
    fail(console, t, message)
    raise AssertionError("fail() always exits")  # pragma: no cover


def day(t: Texts, option: str, value: str) -> dt.date:
    """A date option as people type it (dd.mm.yyyy) or ISO; anything else stops the command."""
    try:
        return parse_day(value)
    except ValueError:
        stop(t, t("calc.input.bad_date", option=option, value=value))


def maybe_day(t: Texts, option: str, value: str | None) -> dt.date | None:
    return None if value is None else day(t, option, value)


def amount(t: Texts, option: str, value: str, *, negative: bool = False) -> Decimal:
    """An amount in tenge as typed ("1 234,50" or "1234.50"); not an amount, or negative, stops the command."""
    try:
        parsed = tenge(value)
    except DomainError:
        stop(t, t("calc.input.bad_amount", option=option, value=value))
    if parsed < 0 and not negative:
        stop(t, t("calc.input.negative", option=option, amount=parsed))
    return parsed


def quantity(t: Texts, option: str, value: str) -> Decimal:
    """A non-negative number that is not money (a multiple of the MCI, a rate in %), kept as typed: "2", "12,5"."""
    try:
        parsed = Decimal(value.strip().replace(" ", "").replace(",", "."))
    except InvalidOperation:
        stop(t, t("calc.input.bad_number", option=option, value=value))
    if not parsed.is_finite() or parsed < 0:
        stop(t, t("calc.input.bad_number", option=option, value=value))
    return parsed


def choice(t: Texts, option: str, value: str, known: Sequence[str]) -> str:
    if value not in known:
        stop(t, t("calc.input.bad_choice", option=option, value=value, known=", ".join(known)))
    return value


def calculate(t: Texts, call: Callable[[], T]) -> T:
    """The domain's result; a rule or table it cannot apply ends the command with one line and exit code 2."""
    try:
        return call()
    except DomainError as exc:
        stop(t, data_error(t, exc))


def read_input(t: Texts, path: Path, columns: list[InputColumn], parse: Callable[[InputRow], T]) -> tuple[list[T], int]:
    """Every row parsed; a bad row is named with the file and its row number and skipped."""
    try:
        rows = read_rows(path, columns)
    except InputFileError as exc:
        stop(t, input_error(t, exc, str(path)))
    parsed, bad = [], 0
    for row in rows:
        try:
            parsed.append(parse(row))
        except (RowProblem, DomainError) as problem:
            said = t(problem.key, **problem.values) if isinstance(problem, RowProblem) else data_error(t, problem)
            console.print(Text(t("calc.row.bad", file=str(path), row=str(row.number), problem=said), style="red"))
            bad += 1
    return parsed, bad


def exit_if_skipped(t: Texts, bad_rows: int) -> None:
    if bad_rows:
        console.print(Text(t("calc.row.skipped", count=str(bad_rows)), style="red"))
        raise typer.Exit(1)


@dataclass(frozen=True)
class Shown:
    """A calculation as the office reads it: a title, columns (header, kind), rows and total, notes on its basis."""

    title: str
    columns: Sequence[tuple[str, str]]  # kind: text | money | date | month | int | number
    rows: Sequence[Sequence[Any]]
    total: Sequence[Any] | None = None
    notes: Sequence[str] = ()


def show(t: Texts, shown: Shown, xlsx: Path | None) -> None:
    """The table fitted to the terminal, its notes below, and the calculation sheet when asked for."""
    columns = [
        Column(str(i), header, wrap=kind == "text", numeric=kind in ("money", "int", "number"))
        for i, (header, kind) in enumerate(shown.columns)
    ]
    lines = [*shown.rows, *([shown.total] if shown.total else [])]
    rows = [
        {str(i): cell(t, value, kind) for i, (value, (_, kind)) in enumerate(zip(line, shown.columns))}
        for line in lines
    ]
    print_table(console, t, columns, rows, title=shown.title)
    for note in shown.notes:
        console.print(Text(note, style="dim"))
    if xlsx is not None:
        sheet_columns = [(header, "date" if kind == "month" else kind) for header, kind in shown.columns]
        write_calc_sheet(CalcSheet(shown.title, sheet_columns, shown.rows, shown.total, shown.notes, t.lang), xlsx)
        console.print(Text(t("calc.written", path=str(xlsx))))


def cell(t: Texts, value: Any, kind: str) -> str:
    """A value as the table shows it: money 1 234,50 ₸, dates dd.mm.yyyy, a month mm.yyyy, numbers with a comma."""
    if kind == "month" and isinstance(value, dt.date):
        return f"{value:%m.%Y}"
    if isinstance(value, Decimal) and kind != "money":
        return str(value).replace(".", ",")
    return t.value(value)

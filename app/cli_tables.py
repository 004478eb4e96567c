"""The tables the command line prints, fitted to the terminal (or a pipe's 80 columns): a value wraps at its spaces
or its column is left out, least needed first, and a note names what was left out; a value is never cut to `2026…`.
`--json` prints the same rows as JSON for scripts instead."""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from rich import box
from rich.cells import cell_len
from rich.console import Console
from rich.table import Table
from rich.text import Text

from orynda.i18n import Texts

GAP = 2  # between two columns: one space of padding and the box's own blank separator


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    priority: int = 0  # 0 is always shown; the higher the number, the sooner it is left out of a narrow screen
    wrap: bool = True  # may break at spaces; False keeps each line whole (ids, paths, amounts with spaces)
    numeric: bool = False


def _lines(text: str) -> list[str]:
    return text.splitlines() or [""]


def _words(text: str) -> list[str]:
    return text.split() or [""]


def narrowest(column: Column, cells: Sequence[str]) -> int:
    """The least width showing every value whole: its longest word when it wraps, else its longest line."""
    pieces = _words(column.header) + [
        piece for cell in cells for piece in (_words(cell) if column.wrap else _lines(cell))
    ]
    return max(cell_len(piece) for piece in pieces)


def widest(column: Column, cells: Sequence[str]) -> int:
    return max(cell_len(line) for text in (column.header, *cells) for line in _lines(text))


def fit(columns: Sequence[Column], rows: Sequence[Mapping[str, str]], width: int) -> dict[str, int]:
    """The columns shown and their widths: the least needed are left out until the rest fit at their narrowest,
    then the room left goes to the most needed first, up to what their values need."""
    cells = {c.key: [row.get(c.key, "") for row in rows] for c in columns}
    least = {c.key: narrowest(c, cells[c.key]) for c in columns}
    shown = list(columns)

    def needed() -> int:
        return sum(least[c.key] for c in shown) + GAP * (len(shown) - 1)

    while needed() > width and any(c.priority for c in shown):
        shown.remove(max((c for c in shown if c.priority), key=lambda c: (c.priority, columns.index(c))))
    widths = {c.key: least[c.key] for c in shown}
    room = width - needed()
    for column in sorted(shown, key=lambda c: c.priority):
        extra = max(0, min(room, widest(column, cells[column.key]) - widths[column.key]))
        widths[column.key] += extra
        room -= extra
    return widths


def print_table(
    console: Console, t: Texts, columns: Sequence[Column], rows: Sequence[Mapping[str, str]], *, title: str = ""
) -> None:
    """The rows as a table as wide as the console; a note below names the columns left out."""
    widths = fit(columns, rows, console.width)
    table = Table(
        box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, padding=(0, 1, 0, 0), title=title or None, expand=False
    )
    shown = [c for c in columns if c.key in widths]
    for column in shown:
        table.add_column(
            Text(column.header),
            width=widths[column.key],
            justify="right" if column.numeric else "left",
            overflow="fold",
            no_wrap=not column.wrap,
        )
    for row in rows:
        table.add_row(*(Text(row.get(c.key, "")) for c in shown))
    console.print(table)
    left_out = [c.header for c in columns if c.key not in widths]
    if left_out:
        console.print(Text(t("cli.table.hidden", columns=", ".join(left_out))))


def print_json(records: Any) -> None:
    """Rows for a script: UTF-8 JSON on stdout, nothing else on it."""
    sys.stdout.write(json.dumps(records, ensure_ascii=False, indent=2, default=str) + "\n")

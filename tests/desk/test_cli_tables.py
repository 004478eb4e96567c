"""The command line's tables fit the width they are given: the least needed columns are left out first, values wrap
at their spaces only, and what stays is never narrower than its longest word."""

from __future__ import annotations

import io

import pytest
from rich.console import Console

from app.cli_tables import Column, fit, print_table
from orynda.i18n import texts

RUN_ID = "20261202-220000-3f1a"
COLUMNS = [
    Column("id", "Іске қосу", wrap=False),
    Column("flow", "Процесс, күйі", priority=1),
    Column("findings", "Табылғандар", priority=2, numeric=True),
    Column("report", "Есеп", priority=3, wrap=False),
]
ROW = {"id": RUN_ID, "flow": "nightly_check\nҚателермен аяқталды", "findings": "57", "report": "x" * 40}


@pytest.mark.parametrize(
    ("width", "widths"),
    [
        pytest.param(200, {"id": 20, "flow": 19, "findings": 11, "report": 40}, id="all-at-their-widest"),
        pytest.param(80, {"id": 20, "flow": 19, "findings": 11}, id="the-least-needed-left-out"),
        pytest.param(50, {"id": 20, "flow": 15, "findings": 11}, id="a-wrapping-column-narrows"),
        pytest.param(40, {"id": 20, "flow": 18}, id="down-to-the-most-needed"),
        pytest.param(10, {"id": 20}, id="never-below-a-whole-id"),
    ],
)
def test_columns_are_left_out_least_needed_first(width: int, widths: dict[str, int]) -> None:
    assert fit(COLUMNS, [ROW], width) == widths


@pytest.mark.parametrize("width", [80, 60, 44])
def test_a_printed_table_keeps_to_its_width_and_names_what_it_left_out(width: int) -> None:
    out = io.StringIO()
    print_table(Console(file=out, width=width), texts("kk"), COLUMNS, [ROW])
    text = out.getvalue()
    assert max(len(line) for line in text.splitlines()) <= width and "…" not in text
    assert RUN_ID in text and "Қателермен" in text
    assert text.count("Экранға сыймаған бағандар:") == 1 and "Есеп" in text  # the note names it

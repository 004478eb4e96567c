"""The sheets every run report has: Summary, Items, Exceptions."""

from __future__ import annotations

from typing import Any

from openpyxl import Workbook

from orynda.report.cells import finish, header, link, put
from orynda.report.data import ReportData
from orynda.schema import ItemState


def summary_sheet(book: Workbook, data: ReportData) -> None:
    ws = book.create_sheet("Summary")
    s = data.summary
    rows: list[tuple[str, Any, str]] = [
        ("Run id", s.run_id, "text"),
        ("Flow", f"{data.flow.name} — {data.flow.title}", "text"),
        ("Status", s.status, "text"),
        ("Started (Asia/Almaty)", s.started, "date"),
        ("Ended (Asia/Almaty)", s.ended, "date"),
        ("Duration", str(s.duration).split(".")[0] if s.duration else "", "text"),
        ("Items", s.total, "int"),
        ("Done", s.done, "int"),
        ("Business exceptions", s.business, "int"),
        ("System exceptions", s.system, "int"),
        ("Not processed", s.left, "int"),
        ("Retries", s.retries, "int"),
        ("Items per minute", s.items_per_minute, "number"),
    ]
    header(ws, ["Figure", "Value"])
    for i, (label, value, kind) in enumerate(rows, start=2):
        put(ws, i, 1, label)
        put(ws, i, 2, value, kind)
    finish(ws)


def items_sheet(book: Workbook, data: ReportData) -> None:
    ws = book.create_sheet("Items")
    columns = data.flow.columns
    header(ws, ["Row", "Key", "State", *[c.title for c in columns], "Findings", "Attempts", "Message", "Evidence"])
    for r, item in enumerate(data.items, start=2):
        result = data.result(item)
        values = [
            (item.seq, "int"),
            (item.key, "text"),
            (item.state, "text"),
            *[(result.fields.get(c.key), c.kind) for c in columns],
            ("; ".join(f.message for f in result.findings), "text"),
            (item.attempts, "int"),
            (item.error_message, "text"),
        ]
        for c, (value, kind) in enumerate(values, start=1):
            put(ws, r, c, value, kind)
        link(ws, r, len(values) + 1, data.relative(item.evidence))
    finish(ws)


def exceptions_sheet(book: Workbook, data: ReportData) -> None:
    """Every failed item, and every failed attempt of items that were retried."""
    ws = book.create_sheet("Exceptions")
    header(ws, ["Row", "Key", "Type", "Code", "Message", "Attempt", "Final", "Evidence"])
    by_id = {item.id: item for item in data.items}
    r = 2
    for attempt in data.attempts:
        if attempt.outcome in (None, "done"):
            continue
        item = by_id[attempt.item_id]
        final = attempt.number == item.attempts and item.state != ItemState.DONE
        for c, value in enumerate(
            [
                item.seq,
                item.key,
                attempt.outcome,
                attempt.error_code,
                attempt.error_message,
                attempt.number,
                "yes" if final else "no",
            ],
            start=1,
        ):
            put(ws, r, c, value, "int" if c in (1, 6) else "text")
        link(ws, r, 8, data.relative(attempt.evidence))
        r += 1
    for item in data.items:  # rows rejected before processing (bad input) have no attempt
        if item.attempts == 0 and item.state == ItemState.BUSINESS:
            for c, value in enumerate(
                [item.seq, item.key, "business", item.error_code, item.error_message, 0, "yes"], 1
            ):
                put(ws, r, c, value, "int" if c in (1, 6) else "text")
            r += 1
    finish(ws)

"""Registries sheet: per site, lookups, failures, retries, items lacking it, median and p95 latency."""

from __future__ import annotations

from openpyxl import Workbook

from orynda.metrics import site_stats
from orynda.report.cells import finish, header, put
from orynda.report.data import ReportData

TITLES = ("registry", "lookups", "answered", "failures", "retries", "items_without", "median", "p95")


def registries_sheet(book: Workbook, data: ReportData) -> None:
    t = data.texts
    ws = book.create_sheet(t("report.sheet.registries"))
    header(ws, [t(f"report.registries.{title}") for title in TITLES])
    for r, stats in enumerate(site_stats(data.site_calls, data.items), start=2):
        for c, value in enumerate(
            [
                t.site(stats.site),
                stats.lookups,
                stats.answered,
                stats.failures,
                stats.retries,
                stats.items_without,
                stats.median_ms,
                stats.p95_ms,
            ],
            start=1,
        ):
            put(ws, r, c, value, "text" if c == 1 else "int")
    finish(ws)

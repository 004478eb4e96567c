"""Registries sheet: per site, lookups, failures, retries, items lacking it, median and p95 latency. The calls are
counted by the store (a run of 100,000 items makes a million), the items lacking a site summed with the others."""

from __future__ import annotations

from openpyxl import Workbook

from orynda.metrics import stats_of
from orynda.report.data import Part, ReportData, Totals, site_figures
from orynda.report.sheet import Sheet

TITLES = ("registry", "lookups", "answered", "failures", "retries", "items_without", "median", "p95")


class RegistriesSheet(Part):
    def __init__(self, book: Workbook, data: ReportData) -> None:
        self.data, t = data, data.texts
        self.sheet = Sheet(book, t("report.sheet.registries"))
        self.sheet.header([t(f"report.registries.{title}") for title in TITLES])

    def finish(self, totals: Totals) -> None:
        t, lacking = self.data.texts, totals.figures.missing_registries
        for site in site_figures(self.data.store, self.data.run.id):
            stats = stats_of(site.site, site.lookups, site.failures, site.answered_ms, lacking.get(site.site, 0))
            values = [stats.lookups, stats.answered, stats.failures, stats.retries, stats.items_without]
            self.sheet.add(
                [
                    (t.site(stats.site), "text"),
                    *[(v, "int") for v in values],
                    *[
                        (stats.median_ms, "int"),
                        (stats.p95_ms, "int"),
                    ],
                ]
            )
        self.sheet.finish()

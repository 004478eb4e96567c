"""Findings sheet: one row per finding — debtor, what was found, where, amount or asset, evidence, what to do."""

from __future__ import annotations

from openpyxl import Workbook

from orynda.report.cells import finish, header, link, put
from orynda.report.data import ReportData

TITLES = [
    "Row",
    "IIN",
    "Debtor",
    "Finding",
    "Severity",
    "Registry",
    "Amount, ₸",
    "Asset",
    "Suggested action",
    "Legal basis",
    "Evidence",
]


def findings_sheet(book: Workbook, data: ReportData) -> None:
    ws = book.create_sheet("Findings")
    header(ws, TITLES)
    r = 2
    for item in data.items:
        result = data.result(item)
        for finding in result.findings:
            values = [
                (item.seq, "int"),
                (item.key, "text"),
                (result.fields.get("name"), "text"),
                (finding.message, "text"),
                (finding.severity.value, "text"),
                (", ".join(finding.registries), "text"),
                (finding.amount, "money"),
                (finding.asset.label if finding.asset else None, "text"),
                (finding.action, "text"),
                (finding.legal_basis, "text"),
            ]
            for c, (value, kind) in enumerate(values, start=1):
                put(ws, r, c, value, kind)
            link(ws, r, len(values) + 1, data.relative(finding.evidence))
            r += 1
    finish(ws)

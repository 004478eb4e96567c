"""Findings sheet: one row per finding — debtor, what was found, where, amount or asset, what to do and on what basis,
the act drafted or filed for it (its number links the PDF) and where that act stands, and the evidence with its
SHA-256."""

from __future__ import annotations

from openpyxl import Workbook

from domain.findings import Finding
from orynda import wording
from orynda.flow import ItemResult
from orynda.report.acts import ActRef, acts_of, all_done, calls_for_acts, for_finding
from orynda.report.data import Part, ReportData, StoredItem, Totals
from orynda.report.sheet import Link, Sheet

TITLES = (
    "report.items.row",
    "report.findings.iin",
    "report.findings.debtor",
    "report.findings.finding",
    "report.findings.severity",
    "report.findings.registry",
    "report.findings.amount",
    "report.findings.asset",
    "report.findings.action",
    "report.findings.basis",
    "report.findings.act",
    "report.findings.act_state",
    "report.items.evidence",
    "report.findings.evidence_sha256",
)


class FindingsSheet(Part):
    def __init__(self, book: Workbook, data: ReportData) -> None:
        self.data, t = data, data.texts
        self.sheet = Sheet(book, t("report.sheet.findings"))
        self.sheet.header([t(title) for title in TITLES])

    def item(self, item: StoredItem, result: ItemResult) -> None:
        data, t = self.data, self.data.texts
        acts = acts_of(result.documents) if result.findings else []
        for finding in result.findings:
            linked = for_finding(finding, acts)
            first_pdf = next((a.pdf(t.lang) for a in linked if a.pdf(t.lang)), None)
            self.sheet.add(
                [
                    (item.seq, "int"),
                    (item.key, "text"),
                    (result.fields.get("name"), "text"),
                    (wording.finding_message(t, finding), "text"),
                    (wording.severity_name(t, finding.severity.value), "text"),
                    (wording.sites_named(t, finding.registries), "text"),
                    (finding.amount, "money"),
                    (wording.finding_asset(t, finding), "text"),
                    (_action(data, finding, linked), "text"),
                    (wording.legal_basis(t, finding), "text"),
                    Link(data.target(first_pdf), "\n".join(a.act for a in linked) or None),
                    (_states(data, finding, linked), "text"),
                    Link(data.target(finding.evidence), data.relative(finding.evidence)),
                    (finding.evidence_sha256, "text"),  # proves the evidence file unchanged since the night
                ]
            )

    def finish(self, totals: Totals) -> None:
        self.sheet.finish()


def _action(data: ReportData, finding: Finding, acts: list[ActRef]) -> str | None:
    """What to do — or, once the robot filed every act it called for, that it is done."""
    t = data.texts
    if all_done(finding, acts):
        return "\n".join(t("report.findings.done", number=a.act, title=wording.act_name(t, a.kind)) for a in acts)
    return wording.finding_action(t, finding)


def _states(data: ReportData, finding: Finding, acts: list[ActRef]) -> str | None:
    t = data.texts
    if not acts:
        return wording.act_state_name(t, "none") if calls_for_acts(finding) else None
    if len(acts) == 1:
        return wording.act_state_name(t, acts[0].state)
    return "\n".join(f"{a.act}: {wording.act_state_name(t, a.state)}" for a in acts)

"""Findings sheet: one row per finding — debtor, what was found, where, amount or asset, what to do and on what basis,
the act drafted or filed for it (its number links the PDF) and where that act stands, and the evidence with its
SHA-256."""

from __future__ import annotations

from openpyxl import Workbook

from domain.findings import Finding
from orynda import wording
from orynda.report.acts import ActRef, acts_of, all_done, calls_for_acts, for_finding
from orynda.report.cells import finish, header, link, put
from orynda.report.data import ReportData

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


def findings_sheet(book: Workbook, data: ReportData) -> None:
    t = data.texts
    ws = book.create_sheet(t("report.sheet.findings"))
    header(ws, [t(title) for title in TITLES])
    r = 2
    for item in data.items:
        result = data.result(item)
        acts = acts_of(result.documents)
        for finding in result.findings:
            linked = for_finding(finding, acts)
            values = [
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
            ]
            for c, (value, kind) in enumerate(values, start=1):
                put(ws, r, c, value, kind)
            first_pdf = next((a.pdf(t.lang) for a in linked if a.pdf(t.lang)), None)
            link(ws, r, 11, data.target(first_pdf), "\n".join(a.act for a in linked) or None)
            put(ws, r, 12, _states(data, finding, linked))
            link(ws, r, 13, data.target(finding.evidence), data.relative(finding.evidence))
            put(ws, r, 14, finding.evidence_sha256, "text")  # proves the evidence file unchanged since the night
            r += 1
    finish(ws)


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

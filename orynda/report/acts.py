"""Which acts an item's findings led to, and where each stands: filed, waiting for a decision, approved, rejected,
drafted or manual only. Read from the documents the item recorded (FiledDocument.finding and .asset name the finding
each act rests on, domain/documents/plan.py); computes no state of its own beyond reading those fields."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from domain.documents.catalogue import kinds_for
from domain.findings import Finding
from orynda.flow import FiledDocument


@dataclass(frozen=True)
class ActRef:
    """One act (both its language versions) as the Findings sheet links it."""

    act: str
    kind: str
    state: str  # a key of report.act_state
    documents: tuple[FiledDocument, ...]

    def pdf(self, lang: str) -> str | None:
        """The PDF in the office's language, else any language's."""
        ordered = sorted(self.documents, key=lambda d: d.language != lang)
        return next((d.pdf for d in ordered if d.pdf), None)


def acts_of(documents: Sequence[FiledDocument]) -> list[ActRef]:
    by_act: dict[str, list[FiledDocument]] = {}
    for document in documents:
        by_act.setdefault(document.act, []).append(document)
    return [ActRef(act, docs[0].kind, act_state(docs), tuple(docs)) for act, docs in by_act.items()]


def act_state(documents: Sequence[FiledDocument]) -> str:
    if any(d.filed for d in documents):
        return "filed"
    first = documents[0]
    if first.review == "proposed" and first.mode == "manual":
        return "manual"
    return first.review or "drafted"


def for_finding(finding: Finding, acts: Sequence[ActRef]) -> list[ActRef]:
    """The acts drafted on this finding: the same code, and the same asset when it names one."""
    asset = finding.asset.id if finding.asset else None
    return [
        a for a in acts if any(d.finding == finding.code and (asset is None or d.asset == asset) for d in a.documents)
    ]


def calls_for_acts(finding: Finding) -> bool:
    """Whether the catalogue has an act for this kind of finding (else the act columns stay empty)."""
    return bool(kinds_for(finding.code))


def all_done(finding: Finding, acts: Sequence[ActRef]) -> bool:
    """Every act the finding calls for that was drafted is filed, and at least one was: the action is done."""
    return bool(acts) and all(a.state == "filed" for a in acts) and _every_kind_drafted(finding, acts)


def _every_kind_drafted(finding: Finding, acts: Sequence[ActRef]) -> bool:
    drafted = {a.kind for a in acts}
    measures = finding.asset.id.split(",") if finding.asset else []
    wanted = {k.name for k in kinds_for(finding.code) if k.lifts_any(measures)}  # a lifting act: when its measure is on
    return wanted <= drafted

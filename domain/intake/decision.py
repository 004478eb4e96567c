"""What becomes of a read document: accepted, sent to a person, or returned to its issuer with the law's ground.

- a required detail missing from the document → return, citing the ground (intake.yaml `return_ground`); on a scan
  read with doubt the label may only have been misread, so a person confirms it first;
- any other finding, or a field the document states below the threshold → review, each reason named;
- else → accept.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from domain.data import table
from domain.intake.checks import Finding, cross_check
from domain.intake.fields import FIELDS, Field, Reading

ACCEPT, REVIEW, RETURN = "accept", "review", "return"


@dataclass(frozen=True)
class Decision:
    """The outcome, its reasons (finding codes, "low_confidence:<field>"), the article a return rests on, the
    fields with their checked confidences (what a person sees in the review queue) and the findings."""

    outcome: str
    reasons: tuple[str, ...]
    article: str | None
    fields: Mapping[str, Field]
    findings: tuple[Finding, ...]
    kind: str | None
    language: str | None

    def values(self) -> dict[str, str]:
        return {name: field.value for name, field in self.fields.items() if name in FIELDS}


def threshold() -> Decimal:
    return Decimal(str(table("intake")["threshold"]))


def decide(reading: Reading, *, at_least: Decimal | None = None) -> Decision:
    """Cross-check a reading and decide; `at_least` overrides the threshold of intake.yaml (an office's policy)."""
    bar = float(at_least if at_least is not None else threshold())
    checked, findings = cross_check(reading)
    missing = [f.code for f in findings if f.code.startswith("missing_required_detail:")]
    if missing and (not reading.ocr or reading.page_confidence >= bar):
        ground = table("intake")["return_ground"]["article"]
        return Decision(RETURN, tuple(missing), str(ground), checked.fields, findings, reading.kind, reading.language)
    reasons = [f.code for f in findings]
    flagged = {name for f in findings for name in f.fields}
    for name in FIELDS:
        field = checked.fields[name]
        if field.value and field.confidence < bar and name not in flagged:
            reasons.append(f"low_confidence:{name}")
    outcome = REVIEW if reasons else ACCEPT
    return Decision(outcome, tuple(reasons), None, checked.fields, findings, reading.kind, reading.language)

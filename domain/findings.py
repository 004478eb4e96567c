"""A finding: what a check concluded about an item, with its legal basis and what a bailiff should do next."""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum

from domain.records import Record


class Severity(StrEnum):
    INFO = "info"  # a fact worth reporting
    ACTION = "action"  # the bailiff should act (arrest, levy, lift)
    REVIEW = "review"  # a human decides: data disagree or confidence is low
    EXCEPTION = "exception"  # the item cannot be answered as asked (not found, mismatch)


class Finding(Record):
    code: str
    message: str
    legal_basis: str
    severity: Severity = Severity.INFO
    registry: str | None = None
    amount: Decimal | None = None
    asset: str | None = None
    action: str | None = None
    evidence: str | None = None

    @property
    def blocking(self) -> bool:
        return self.severity is Severity.EXCEPTION

"""Typed records the bots return: the domain's vocabulary of what registries say. Frozen, JSON-ready."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from enum import StrEnum

from pydantic import BaseModel, ConfigDict


class Record(BaseModel):
    model_config = ConfigDict(frozen=True)


class CreditorCategory(StrEnum):
    """Categories shown by the Unified Register of Debtors (Law 261-IV art. 36)."""

    ALIMONY = "alimony"
    FINES = "fines"
    TAXES = "taxes"
    BANK_LOANS = "bank_loans"
    OTHER = "other"


class Bailiff(Record):
    name: str
    region: str
    phone: str


class RegisterProceeding(Record):
    """One enforcement proceeding as the register shows it."""

    number: str
    opened: dt.date
    bailiff: Bailiff
    category: CreditorCategory
    amount: Decimal
    exit_ban: bool


class RegisterDebtor(Record):
    """A debtor's card in the Unified Register of Debtors."""

    iin: str
    name: str
    proceedings: tuple[RegisterProceeding, ...]

    @property
    def total(self) -> Decimal:
        return sum((p.amount for p in self.proceedings), Decimal("0"))

    @property
    def exit_ban(self) -> bool:
        return any(p.exit_ban for p in self.proceedings)


class DebtorSummary(Record):
    """A row of the register's search results."""

    iin: str
    name: str
    proceedings: int
    total: Decimal
    exit_ban: bool

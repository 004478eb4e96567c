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


# --- AIS EP, the bailiff's case system ---------------------------------------------------------------------
class CaseSummary(Record):
    """A row of the bailiff's list of active proceedings in AIS EP."""

    number: str
    opened: dt.date
    debtor_iin: str
    debtor_name: str
    category: CreditorCategory
    amount: Decimal
    collected: Decimal
    remaining: Decimal
    status: str


class ExecutiveDocument(Record):
    kind: str
    issuer: str
    number: str
    date: dt.date


class CaseAction(Record):
    date: str
    kind: str
    comment: str
    author: str


class CaseDocument(Record):
    name: str
    kind: str
    size: int
    sha256: str


class Case(Record):
    """A proceeding's card in AIS EP (Law 261-IV art. 1 p.1-1)."""

    number: str
    debtor_iin: str
    debtor_name: str
    creditor: str
    category: CreditorCategory
    status: str
    opened: dt.date
    bailiff_name: str
    amount: Decimal
    collected: Decimal
    remaining: Decimal
    document: ExecutiveDocument
    restrictions: tuple[str, ...]  # exit_ban, account_arrest, vehicle_arrest, realty_arrest
    actions: tuple[CaseAction, ...] = ()
    documents: tuple[CaseDocument, ...] = ()


# --- assets and income ---------------------------------------------------------------------------------------
class Property(Record):
    """Real estate from the eGov register of rights."""

    cadastral: str
    kind: str
    address: str
    area: Decimal
    share: str
    owner_iin: str
    encumbrances: str
    arrested: bool


class Vehicle(Record):
    make: str
    model: str
    year: int
    plate: str
    vin: str
    arrested: bool


class Download(Record):
    """A file a registry handed out (a certificate): kept as evidence of the item by the flow."""

    name: str
    content: bytes


class TaxStatus(Record):
    """The taxpayer's position in the E-Salyq cabinet."""

    iin: str
    name: str
    debt: Decimal
    overpayment: Decimal
    employer_bin: str | None = None
    employer_name: str | None = None
    certificate: Download | None = None


class Contribution(Record):
    """One month of mandatory pension contributions (ОПВ, 10 % of income) in the ENPF statement."""

    month: dt.date  # first day of the month
    employer_bin: str
    employer_name: str
    amount: Decimal


class BankAccount(Record):
    bank: str
    iban: str
    currency: str
    balance: Decimal
    arrested: bool

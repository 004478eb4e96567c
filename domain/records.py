"""Typed records the bots return: the domain's vocabulary of what registries say. Frozen, JSON-ready."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, field_validator

from domain.words import Lang


class Record(BaseModel):
    model_config = ConfigDict(frozen=True)


class Words(Record):
    """A name as the registries keep it in both state languages (a court, a state body, an address): an act in
    Kazakh takes the Kazakh one, an act in Russian the Russian one."""

    kk: str
    ru: str

    def of(self, lang: Lang) -> str:
        return self.kk if lang == "kk" else self.ru


def _both(value: Any) -> Any:
    """A bare name (an older record, a registry that shows one language) stands for both languages."""
    return {"kk": value, "ru": value} if isinstance(value, str) else value


class Party(Record):
    """A party to a proceeding as an executive document names it: a person by full name and IIN, an organisation
    or a state body by its name in both languages and its BIN; the address in both languages."""

    name: Words
    id: str = ""  # IIN of a person, BIN of an organisation
    address: Words | None = None
    iban: str = ""  # where the deposit account pays the party (the creditor's requisites on the card)

    @field_validator("name", "address", mode="before")
    @classmethod
    def _words(cls, value: Any) -> Any:
        return _both(value)

    @property
    def is_person(self) -> bool:
        """An IIN's fifth digit is a day's first digit (0–3); a BIN's is its entity type (4–6)."""
        return len(self.id) == 12 and self.id.isdigit() and self.id[4] in "0123"


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


class Filer(Record):
    """The bailiff signed in to AIS EP: the one an act is issued by and filed under (login and name as shown)."""

    login: str
    name: str


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
    issuer: Words  # the court or body that issued it, in both languages
    number: str
    date: dt.date

    @field_validator("issuer", mode="before")
    @classmethod
    def _issuer(cls, value: Any) -> Any:
        return _both(value)


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
    signed_by: str = ""  # whose ЭЦП AIS EP verified on the file; empty when it was filed unsigned


class CasePayment(Record):
    """A payment AIS EP records on a proceeding's card: it adds to what was collected, so the next night sees it."""

    reference: str  # the deposit account's transaction reference
    date: dt.date
    amount: Decimal


class Case(Record):
    """A proceeding's card in AIS EP (Law 261-IV art. 1 p.1-1)."""

    number: str
    debtor_iin: str
    debtor_name: str
    creditor: Party
    category: CreditorCategory
    status: str
    opened: dt.date
    bailiff_name: str
    amount: Decimal
    collected: Decimal
    remaining: Decimal
    costs: Decimal = Decimal("0.00")  # enforcement costs so far (art. 113), within an arrest's limit (art. 55 p.5)
    document: ExecutiveDocument
    restrictions: tuple[str, ...]  # exit_ban, account_arrest, vehicle_arrest, realty_arrest
    actions: tuple[CaseAction, ...] = ()
    documents: tuple[CaseDocument, ...] = ()
    payments: tuple[CasePayment, ...] = ()  # recorded from the deposit account, each once by its reference

    @field_validator("creditor", mode="before")
    @classmethod
    def _creditor(cls, value: Any) -> Any:
        """A bare name stands for a party known by its name alone (older records)."""
        return {"name": value} if isinstance(value, str) else value


# --- assets and income ---------------------------------------------------------------------------------------
class Property(Record):
    """Real estate from the eGov register of rights."""

    cadastral: str
    kind: str
    address: Words  # the register prints it in both languages
    area: Decimal
    share: str
    owner_iin: str
    encumbrances: str
    arrested: bool

    @field_validator("address", mode="before")
    @classmethod
    def _address(cls, value: Any) -> Any:
        return _both(value)


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


# --- the bailiff's deposit account ---------------------------------------------------------------------------
class IncomingPayment(Record):
    """A credit on the bailiff's deposit account as the bank's statement shows it: the purpose is the payer's free
    text (Kazakh or Russian), with the proceeding's number or not, sometimes mistyped."""

    reference: str  # the bank's id of the transaction: unique on the account, what "processed once" keys on
    received: dt.date
    amount: Decimal
    payer_name: str
    payer_id: str = ""  # the payer's IIN or BIN; empty when the statement does not show it
    payer_iban: str = ""  # the account it came from: where a remainder goes back to
    purpose: str = ""


class OrderStatus(StrEnum):
    CREATED = "created"
    EXECUTED = "executed"
    REJECTED = "rejected"


class PaymentOrder(Record):
    """An outgoing payment order from the deposit account to a creditor (or back to the debtor)."""

    reference: str  # ours: the order's key, written into its purpose, so a rerun finds it instead of paying twice
    recipient_name: str
    recipient_id: str  # IIN or BIN
    recipient_iban: str
    amount: Decimal
    purpose: str
    status: OrderStatus = OrderStatus.CREATED


# --- The court cabinet, where executive documents reach the bailiff ----------------------------------------
class CabinetDocument(Record):
    """A row of the court cabinet's list of executive documents."""

    number: str  # the cabinet's id of the document
    received: dt.date
    kind: str  # writ | court_order | alimony_order | admin_fine | notary_inscription
    form: str  # structured (data and a PDF) | text (a PDF with a text layer) | scan (an image PDF)
    language: str  # kk | ru
    status: str  # new | accepted | returned


class CabinetCard(CabinetDocument):
    """A document's card: a structured document's details as the cabinet shows them (None for a file only)."""

    reason: str = ""  # why it was returned
    details: dict[str, str] | None = None
    acts: tuple[str, ...] = ()  # the SHA-256 of each act of return attached when it was returned


class ProceedingOpening(Record):
    """What AIS EP needs to open a proceeding on an accepted executive document."""

    court: str
    case_number: str
    document_kind: str
    document_date: dt.date
    debtor_iin: str
    debtor_name: str
    creditor_name: str
    creditor_id: str
    amount: Decimal  # 0 for a share of income (alimony)
    category: CreditorCategory


class OpenedProceeding(Record):
    """The proceeding AIS EP holds for a document: opened now, or found opened before (`existing`)."""

    number: str
    existing: bool

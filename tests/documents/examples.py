"""Worked examples the document tests share: one debtor with one of everything, findings as assess() makes them."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from domain.checks.assets import DebtorFile, assess
from domain.documents import Draft, Sent, exit_warning_fact, plan
from domain.findings import Finding
from domain.records import (
    BankAccount,
    Case,
    CaseAction,
    Contribution,
    CreditorCategory,
    ExecutiveDocument,
    Party,
    Property,
    Vehicle,
    Words,
)
from sandbox import nca

IIN = "900101300811"
FILER = "Оспанов Ерлан Серікұлы"  # the bailiff signed in to AIS EP, who files and so issues every act
NAME = "Әбдіғали Қуаныш Өтегенұлы"
ON = dt.date(2026, 11, 25)  # a Wednesday
WRIT = ExecutiveDocument(
    kind="writ",
    issuer=Words(kk="Алматы қаласы Алмалы аудандық соты", ru="Алмалинский районный суд г. Алматы"),
    number="2-1234/2025",
    date=dt.date(2025, 1, 10),
)
BANK = Party(
    name=Words(kk="«Sandyq Bank» АҚ", ru="АО «Sandyq Bank»"),
    id="940140000385",
    address=Words(kk="Алматы қ., Абай даңғылы, 52-үй", ru="г. Алматы, пр. Абая, д. 52"),
)
OPENED = CaseAction(date="2025-01-20", kind="initiated", comment="Возбуждено", author="bailiff1")
FLAT = Property(
    cadastral="20-311-004-123",
    kind="flat",
    address=Words(kk="Алматы қ., Абай даңғылы, 10-үй, 5-пәтер", ru="г. Алматы, пр. Абая, д. 10, кв. 5"),
    area=Decimal("54.2"),
    share="1/1",
    owner_iin=IIN,
    encumbrances="",
    arrested=False,
)
CAR = Vehicle(make="Toyota", model="Camry", year=2018, plate="123ABC02", vin="JTNB11HK103456789", arrested=False)
ACCOUNT = BankAccount(
    bank="bank_sandyq", iban="KZ12345678901234567", currency="KZT", balance=Decimal("45000.50"), arrested=False
)
PENSION = Contribution(
    month=dt.date(2026, 10, 1), employer_bin="940140000385", employer_name="ТОО «Жұмыс»", amount=Decimal("50000")
)


def case(
    amount: str = "1234567.89",
    collected: str = "0",
    *,
    number: str = "2501-000123",
    restrictions: tuple[str, ...] = (),
    initiated: bool = True,
    opened: dt.date = dt.date(2025, 1, 20),
    costs: str = "0",
) -> Case:
    a, c = Decimal(amount), Decimal(collected)
    return Case(
        number=number,
        debtor_iin=IIN,
        debtor_name=NAME,
        creditor=BANK,
        category=CreditorCategory.BANK_LOANS,
        status="active",
        opened=opened,
        bailiff_name="Ким Виктор Андреевич",  # the card's name: never the act's, which names its filer
        amount=a,
        collected=c,
        remaining=a - c,
        costs=Decimal(costs),
        document=WRIT,
        restrictions=restrictions,
        actions=(OPENED,) if initiated else (),
    )


def debtor(*cases: Case, **assets: object) -> DebtorFile:
    return DebtorFile(IIN, NAME, cases or (case(),), **assets)  # type: ignore[arg-type]


RICH = debtor(properties=(FLAT,), vehicles=(CAR,), accounts=(ACCOUNT,), contributions=(PENSION,))


def findings(of: DebtorFile = RICH, on: dt.date = ON) -> list[Finding]:
    return assess(of, on)


def finding(code: str, of: DebtorFile = RICH) -> Finding:
    return next(f for f in findings(of) if f.code == code)


def every_kind(on: dt.date = ON) -> list[tuple[Draft, DebtorFile]]:
    """One draft of each kind (both notices), each with the debtor it concerns."""
    fresh = debtor(
        case(initiated=False), properties=(FLAT,), vehicles=(CAR,), accounts=(ACCOUNT,), contributions=(PENSION,)
    )
    warned = {exit_warning_fact(IIN): Sent("ORY-2026-000900", dt.date(2026, 11, 16))}
    paid = debtor(case(collected="1234567.89", restrictions=("exit_ban", "account_arrest", "vehicle_arrest")))
    other = Property(**{**FLAT.model_dump(), "cadastral": "20-311-004-999", "owner_iin": "061211600012"})
    disputed = debtor(case(), properties=(other,))
    landed = debtor(case(), properties=(FLAT,))  # the flat alone: with money and a car it waits (art. 55 p.4)
    drafts = [(d, fresh) for d in plan(fresh, findings(fresh, on), on, warned)]
    drafts += [(d, landed) for d in plan(landed, findings(landed, on), on, {})]
    drafts += [(d, paid) for d in plan(paid, findings(paid, on), on, {})]
    drafts += [(d, disputed) for d in plan(disputed, findings(disputed, on), on, {})]
    unique = {d.fact: (d, of) for d, of in reversed(drafts)}  # one IIN throughout: a fact met twice is one act
    return [unique[fact] for fact in dict.fromkeys(d.fact for d, _ in drafts)]


def give_signing_key(monkeypatch: pytest.MonkeyPatch, folder: Path, holder: str = FILER) -> None:
    """The signed-in bailiff's ЭЦП key in the environment, as the secrets file gives it: filing signs with it."""
    key = folder / "bailiff1-signing.p12"
    folder.mkdir(parents=True, exist_ok=True)
    key.write_bytes(nca.signing_key("bailiff1", holder))
    monkeypatch.setenv("ORYNDA_SIGNING_KEY_FILE", str(key))
    monkeypatch.setenv("ORYNDA_SIGNING_KEY_PASSWORD", nca.SIGNING_PASSWORDS["bailiff1"])

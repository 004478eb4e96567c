"""The sandbox world as the bots read it: the domain records of a bailiff's debtors, straight from the world the
sandbox serves (what the registries should tell the bots, and what the documents of a night rest on)."""

from __future__ import annotations

from domain.checks.assets import DebtorFile
from domain.records import (
    BankAccount,
    Case,
    CaseAction,
    Contribution,
    CreditorCategory,
    ExecutiveDocument,
    Party,
    Property,
    TaxStatus,
    Vehicle,
    Words,
)
from sandbox import parties
from sandbox.sites.aisep import cases as aisep_cases
from sandbox.world import World
from sandbox.world_assets import assets_of


def words(w: parties.Words) -> Words:
    return Words(kk=w.kk, ru=w.ru)


def case_record(c: aisep_cases.Case) -> Case:
    """A proceeding's card as the AIS EP bot reads it, with the world's actions log (none filed since)."""
    creditor = c.creditor
    return Case(
        number=c.number,
        debtor_iin=c.debtor_iin,
        debtor_name=c.debtor_name,
        creditor=Party(
            name=Words(kk=creditor.name_kk, ru=creditor.name_ru),
            id=creditor.id,
            address=words(creditor.address),
            iban=creditor.iban,
        ),
        category=CreditorCategory(c.category),
        status=c.status,
        opened=c.opened,
        bailiff_name=c.bailiff_name,
        amount=c.amount,
        collected=c.collected,
        remaining=c.remaining,
        restrictions=c.restrictions,
        actions=tuple(
            CaseAction(date=a.on.isoformat(), kind=a.kind, comment=a.comment, author=a.author) for a in c.actions
        ),
        document=ExecutiveDocument(
            kind=c.document.kind, issuer=words(c.document.issuer), number=c.document.number, date=c.document.issued
        ),
    )


def active_cases(world: World, holder: str = "bailiff1") -> list[aisep_cases.Case]:
    """The bailiff's active proceedings: the work of a night."""
    return [c for c in aisep_cases.build_cases(world).values() if c.holder == holder and c.status == "active"]


def debtor_files(world: World, holder: str = "bailiff1") -> dict[str, DebtorFile]:
    """Each debtor of the bailiff's active proceedings with what the six registries hold of them, by IIN."""
    mine = active_cases(world, holder)
    files = {}
    for iin in sorted({c.debtor_iin for c in mine}):
        assets = assets_of(world, iin)
        assert assets is not None
        files[iin] = DebtorFile(
            iin=iin,
            name="",
            cases=tuple(case_record(c) for c in mine if c.debtor_iin == iin),
            properties=tuple(
                Property(
                    cadastral=p.cadastral,
                    kind=p.kind,
                    address=words(p.address),
                    area=p.area,
                    share=p.share,
                    owner_iin=p.owner_iin,
                    encumbrances="",
                    arrested=p.arrested,
                )
                for p in assets.realty
            ),
            vehicles=tuple(
                Vehicle(make=v.make, model=v.model, year=v.year, plate=v.plate, vin=v.vin, arrested=v.arrested)
                for v in assets.vehicles
            ),
            tax=TaxStatus(
                iin=iin,
                name="",
                debt=assets.tax.debt,
                overpayment=assets.tax.overpayment,
                employer_bin=assets.tax.employer_bin,
                employer_name=assets.tax.employer_name,
            ),
            contributions=tuple(
                Contribution(month=c.month, employer_bin=c.employer_bin, employer_name=c.employer_name, amount=c.amount)
                for c in assets.contributions
            ),
            accounts=tuple(
                BankAccount(bank=a.bank, iban=a.iban, currency=a.currency, balance=a.balance, arrested=a.arrested)
                for a in assets.accounts
            ),
        )
    return files

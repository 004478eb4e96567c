"""Nightly findings, one row per rule; ids name the article the finding rests on."""

import datetime as dt
from decimal import Decimal

import pytest

from domain.checks.assets import DebtorFile, assess
from domain.findings import Finding, Severity
from domain.records import (
    BankAccount,
    Case,
    Contribution,
    CreditorCategory,
    ExecutiveDocument,
    Property,
    TaxStatus,
    Vehicle,
)

IIN, OTHER = "900101300811", "061211600012"
ON = dt.date(2026, 11, 25)
DOC = ExecutiveDocument(kind="исполнительный лист", issuer="Суд", number="2-1", date=dt.date(2025, 1, 10))


def case(
    amount: str,
    collected: str = "0",
    restrictions: tuple[str, ...] = (),
    category: CreditorCategory = CreditorCategory.BANK_LOANS,
) -> Case:
    a, c = Decimal(amount), Decimal(collected)
    return Case(
        number="2501-1",
        debtor_iin=IIN,
        debtor_name="Иванов",
        creditor="Банк",
        category=category,
        status="active",
        opened=dt.date(2025, 1, 20),
        bailiff_name="Оспанов",
        amount=a,
        collected=c,
        remaining=a - c,
        document=DOC,
        restrictions=restrictions,
    )


def flat(owner: str = IIN, arrested: bool = False) -> Property:
    return Property(
        cadastral="20-311-004-123",
        kind="flat",
        address="Алматы",
        area=Decimal("54.2"),
        share="1/1",
        owner_iin=owner,
        encumbrances="",
        arrested=arrested,
    )


CAR = Vehicle(make="Toyota", model="Camry", year=2018, plate="123ABC02", vin="JTNB11HK103456789", arrested=False)
SMALL = (case("100000"),)  # below 40 MCI: no exit restriction finding


def account(balance: str, arrested: bool = False) -> BankAccount:
    return BankAccount(
        bank="bank_sandyq", iban="KZ12345678901234567", currency="KZT", balance=Decimal(balance), arrested=arrested
    )


def pension(month: dt.date, amount: str = "50000", name: str = "ТОО «Жұмыс»") -> Contribution:
    return Contribution(month=month, employer_bin="940140000385", employer_name=name, amount=Decimal(amount))


def tax(overpayment: str = "0", employer: str | None = None) -> TaxStatus:
    return TaxStatus(
        iin=IIN,
        name="Иванов",
        debt=Decimal("0"),
        overpayment=Decimal(overpayment),
        employer_bin="940140000385" if employer else None,
        employer_name=employer,
    )


@pytest.mark.parametrize(
    ("debtor", "codes"),
    [
        pytest.param(
            DebtorFile(IIN, "И", (case("500000", "500000", ("exit_ban",)),), properties=(flat(),)),
            ["lift_restrictions"],
            id="art_47_paid_in_full_lifts_and_arrests_nothing",
        ),
        pytest.param(
            DebtorFile(IIN, "И", (case("500000", "500000"),)), ["paid_in_full"], id="art_47_paid_nothing_to_lift"
        ),
        pytest.param(DebtorFile(IIN, "И", SMALL, properties=(flat(),)), ["realty_not_arrested"], id="art_32_realty"),
        pytest.param(
            DebtorFile(IIN, "И", SMALL, properties=(flat(arrested=True),)),
            ["nothing_found"],
            id="art_32_realty_already_arrested",
        ),
        pytest.param(
            DebtorFile(IIN, "И", SMALL, properties=(flat(owner=OTHER),)),
            ["registries_disagree"],
            id="art_126_realty_of_another_owner_goes_to_review",
        ),
        pytest.param(DebtorFile(IIN, "И", SMALL, vehicles=(CAR,)), ["vehicle_not_arrested"], id="art_32_vehicle"),
        pytest.param(
            DebtorFile(IIN, "И", SMALL, accounts=(account("0.01"),)),
            ["account_with_balance"],
            id="art_32_account_one_tiyn",
        ),
        pytest.param(
            DebtorFile(IIN, "И", SMALL, accounts=(account("0"), account("900", arrested=True))),
            ["nothing_found"],
            id="art_32_empty_or_arrested_accounts",
        ),
        pytest.param(
            DebtorFile(IIN, "И", SMALL, contributions=(pension(dt.date(2026, 10, 1)),)),
            ["employer_found"],
            id="art_95_recent_employer",
        ),
        pytest.param(
            DebtorFile(IIN, "И", SMALL, contributions=(pension(dt.date(2026, 7, 1)),)),
            ["nothing_found"],
            id="art_95_employer_over_3_months_ago",
        ),
        pytest.param(DebtorFile(IIN, "И", SMALL, tax=tax("15000")), ["tax_overpayment"], id="art_87_overpayment"),
        pytest.param(DebtorFile(IIN, "И", (case("173000.01"),)), ["exit_ban_possible"], id="art_33_just_above_40_mci"),
        pytest.param(DebtorFile(IIN, "И", (case("173000"),)), ["nothing_found"], id="art_33_at_40_mci"),
        pytest.param(
            DebtorFile(IIN, "И", (case("900000", restrictions=("exit_ban",)),)),
            ["nothing_found"],
            id="art_33_already_restricted",
        ),
        pytest.param(
            DebtorFile(IIN, "И", SMALL, missing=("enpf",)), [], id="art_126_nothing_claimed_when_a_registry_failed"
        ),
        pytest.param(
            DebtorFile(
                IIN,
                "И",
                SMALL,
                contributions=(pension(dt.date(2026, 9, 1), name="ТОО «Жаңа»"),),
                tax=tax(employer="ТОО «Ескі»"),
            ),
            ["employer_found", "registries_disagree"],
            id="art_126_employer_names_disagree",
        ),
    ],
)
def test_assess(debtor: DebtorFile, codes: list[str]) -> None:
    assert [f.code for f in assess(debtor, ON)] == codes


def test_findings_carry_amounts_assets_and_actions() -> None:
    debtor = DebtorFile(
        IIN,
        "И",
        SMALL,
        properties=(flat(),),
        accounts=(account("1234.56"),),
        contributions=(pension(dt.date(2026, 10, 1), "50000"),),
    )
    by_code = {f.code: f for f in assess(debtor, ON)}
    assert by_code["account_with_balance"].amount == Decimal("1234.56")
    assert "20-311-004-123" in (label(by_code["realty_not_arrested"]) or "")
    # 50 000 contribution = 500 000 income; half is 250 000, above the subsistence minimum floor (art. 95 p.1)
    assert by_code["employer_found"].amount == Decimal("250000.00")
    assert all(f.severity is Severity.ACTION and f.action for f in by_code.values())


def test_lift_names_the_measures_and_a_deadline() -> None:
    debtor = DebtorFile(IIN, "И", (case("10", "10", ("exit_ban", "account_arrest")),))
    (finding,) = assess(debtor, ON)
    assert label(finding) == "account_arrest, exit_ban" and "by " in (finding.action or "")


def label(finding: Finding) -> str | None:
    """The asset as the report names it."""
    return finding.asset.label if finding.asset else None

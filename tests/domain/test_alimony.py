"""Alimony: Family Code arts. 139, 141, 169, 171, 173; Law 261-IV art. 99."""

import datetime as dt
from decimal import Decimal
from fractions import Fraction

import pytest

from domain.alimony import (
    IncomeMonth,
    alimony_arrears,
    alimony_penalty,
    alimony_share,
    average_wage,
    fixed_alimony,
    income_from_pension_contribution,
)
from domain.errors import InvalidAmount, OutsideData

D = dt.date
M = Decimal


@pytest.mark.parametrize(
    ("children", "share"),
    [
        pytest.param(1, Fraction(1, 4), id="fam_139_one_child_quarter"),
        pytest.param(2, Fraction(1, 3), id="fam_139_two_children_third"),
        pytest.param(3, Fraction(1, 2), id="fam_139_three_children_half"),
        pytest.param(5, Fraction(1, 2), id="fam_139_more_than_three_still_half"),
    ],
)
def test_alimony_share(children: int, share: Fraction) -> None:
    assert alimony_share(children) == share


def test_no_children_no_share() -> None:
    with pytest.raises(InvalidAmount):
        alimony_share(0)


@pytest.mark.parametrize(
    ("months", "kwargs", "dues", "arrears"),
    [
        pytest.param(
            [(D(2025, 1, 1), "300000", "50000"), (D(2025, 2, 1), "300000", "100000")],
            {"children": 2},
            ["100000.00", "100000.00"],
            "50000.00",
            id="fam_139_169_third_of_income_with_partial_payments",
        ),
        pytest.param(
            [(D(2025, 1, 1), "100001", "0")],
            {"children": 2},
            ["33333.67"],
            "33333.67",
            id="fam_139_share_rounded_half_up_to_tiyn",
        ),
        pytest.param(
            [(D(2025, 3, 1), None, "0")],
            {"children": 1},
            ["107342.00"],
            "107342.00",
            id="fam_169_p3_no_income_documents_average_wage",
        ),
        pytest.param(
            [(D(2025, 1, 1), "100000", "200000"), (D(2025, 2, 1), "100000", "0")],
            {"children": 1},
            ["25000.00", "25000.00"],
            "0.00",
            id="fam_169_overpayment_counts_against_later_months",
        ),
        pytest.param(
            [(D(2025, 12, 1), None, "0"), (D(2026, 1, 1), None, "0")],
            {"fixed_mci": M(2)},
            ["7864.00", "8650.00"],
            "16514.00",
            id="fam_141_173_fixed_sum_follows_mci_of_the_month",
        ),
    ],
)
def test_alimony_arrears(months: list, kwargs: dict, dues: list[str], arrears: str) -> None:  # type: ignore[type-arg]
    entries = [IncomeMonth(month, None if income is None else M(income), M(paid)) for month, income, paid in months]
    statement = alimony_arrears(entries, D(2025, 11, 10), **kwargs)
    assert [line.due for line in statement.lines] == [M(d) for d in dues]
    assert statement.arrears == M(arrears)
    assert statement.lines[-1].balance == statement.total_due - statement.total_paid


def test_prisoner_who_did_not_work_owes_one_mci_a_month() -> None:
    statement = alimony_arrears([IncomeMonth(D(2025, 4, 1), None, prisoner=True)], D(2025, 11, 10), children=3)
    assert statement.lines[0].due == M("3932.00")
    assert "1 MCI" in statement.lines[0].basis


@pytest.mark.parametrize(
    ("searched", "dues"),
    [
        pytest.param(False, ["0.00", "25000.00"], id="fam_169_p1_three_years_before_presentation"),
        pytest.param(True, ["25000.00", "25000.00"], id="fam_169_p2_unlimited_when_debtor_was_searched"),
    ],
)
def test_three_year_limit(searched: bool, dues: list[str]) -> None:
    months = [IncomeMonth(D(2023, 2, 1), M(100000)), IncomeMonth(D(2023, 3, 1), M(100000))]
    statement = alimony_arrears(
        months, D(2026, 3, 20), children=1, presented_on=D(2026, 3, 15), debtor_was_searched=searched
    )
    assert [line.due for line in statement.lines] == [M(d) for d in dues]


@pytest.mark.parametrize(
    "kwargs",
    [
        pytest.param({}, id="neither_children_nor_fixed"),
        pytest.param({"children": 1, "fixed_mci": M(1)}, id="both_children_and_fixed"),
    ],
)
def test_terms_must_be_one_of_share_or_fixed(kwargs: dict) -> None:  # type: ignore[type-arg]
    with pytest.raises(InvalidAmount):
        alimony_arrears([IncomeMonth(D(2025, 1, 1), M(1))], D(2025, 11, 10), **kwargs)


def test_a_month_appears_once() -> None:
    with pytest.raises(InvalidAmount, match="once"):
        alimony_arrears(
            [IncomeMonth(D(2025, 1, 1), M(1)), IncomeMonth(D(2025, 1, 15), M(1))], D(2025, 11, 10), children=1
        )


@pytest.mark.parametrize(
    ("contribution", "income", "capped"),
    [
        pytest.param("30000", "300000.00", False, id="opv_10_percent_income_is_contribution_times_10"),
        pytest.param("424999.99", "4249999.90", False, id="opv_just_below_cap_50_mzp"),
        pytest.param("425000", "4250000.00", True, id="opv_at_cap_50_mzp_flagged"),
        pytest.param("500000", "4250000.00", True, id="opv_above_cap_income_capped"),
    ],
)
def test_income_from_pension_contribution(contribution: str, income: str, capped: bool) -> None:
    result = income_from_pension_contribution(M(contribution), D(2025, 5, 1))
    assert (result.income, result.capped) == (M(income), capped)


@pytest.mark.parametrize(
    ("on", "quarter"),
    [
        pytest.param(D(2025, 10, 1), "2025-Q3", id="fam_169_p3_latest_quarter_ended_before"),
        pytest.param(D(2025, 9, 30), "2025-Q2", id="fam_169_p3_quarter_not_yet_ended"),
        pytest.param(D(2024, 6, 1), "2023-Q4", id="fam_169_p3_missing_quarters_fall_back"),
    ],
)
def test_average_wage(on: dt.date, quarter: str) -> None:
    assert average_wage(on)[1] == quarter


def test_average_wage_before_data() -> None:
    with pytest.raises(OutsideData):
        average_wage(D(2023, 3, 31))


@pytest.mark.parametrize(
    ("unpaid", "first", "last", "penalty"),
    [
        pytest.param("100000", D(2025, 1, 1), D(2025, 1, 31), "3100.00", id="fam_171_point_one_percent_per_day"),
        pytest.param("100000", D(2025, 1, 1), D(2025, 1, 1), "100.00", id="fam_171_one_day"),
        pytest.param("100000", D(2025, 1, 2), D(2025, 1, 1), "0.00", id="fam_171_no_delay"),
        pytest.param("1234.56", D(2025, 1, 1), D(2025, 1, 3), "3.70", id="fam_171_rounded_half_up"),
    ],
)
def test_alimony_penalty(unpaid: str, first: dt.date, last: dt.date, penalty: str) -> None:
    assert alimony_penalty(M(unpaid), first, last) == M(penalty)


def test_fixed_alimony_in_mci() -> None:
    assert fixed_alimony(M("1.5"), D(2026, 1, 1)) == M("6487.50")


def test_fixed_alimony_in_2022_uses_the_mci_for_payments_not_the_benefits_mci() -> None:
    assert fixed_alimony(Decimal(1), dt.date(2022, 3, 31)) == Decimal("3063.00")
    assert fixed_alimony(Decimal(1), dt.date(2022, 4, 1)) == Decimal("3063.00")  # the benefits MCI was 3 180

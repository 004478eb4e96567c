"""Deductions from wages and income, Law 261-IV arts. 95, 97, 98."""

import datetime as dt
from decimal import Decimal

import pytest

from domain.deductions import deduction_limit, exemption_reason, is_leviable, max_share
from domain.errors import InvalidAmount

ON = dt.date(2026, 3, 1)  # subsistence minimum 50 851


@pytest.mark.parametrize(
    ("income", "category", "withheld"),
    [
        pytest.param("300000", "other", "150000.00", id="art_95_p1_half_of_income"),
        pytest.param("101702", "other", "50851.00", id="art_95_p1_half_equals_floor_at_twice_minimum"),
        pytest.param("101701.98", "other", "50850.98", id="art_95_p1_just_below_twice_minimum_floor_binds"),
        pytest.param("101702.02", "other", "50851.01", id="art_95_p1_just_above_twice_minimum_half_binds"),
        pytest.param("50851", "other", "0.00", id="art_95_p1_income_at_minimum_nothing_withheld"),
        pytest.param("50851.01", "other", "0.01", id="art_95_p1_one_tiyn_above_minimum"),
        pytest.param("40000", "other", "0.00", id="art_95_p1_income_below_minimum"),
        pytest.param("40000", "alimony", "20000.00", id="art_95_p1_alimony_not_limited_by_minimum"),
        pytest.param("40000", "health_harm", "20000.00", id="art_95_p1_health_harm_not_limited_by_minimum"),
        pytest.param("40000", "breadwinner_death", "20000.00", id="art_95_p1_breadwinner_not_limited_by_minimum"),
        pytest.param("40000", "taxes", "0.00", id="art_95_p1_taxes_limited_by_minimum"),
        pytest.param("0.01", "alimony", "0.01", id="art_95_p1_half_tiyn_rounds_up"),
    ],
)
def test_deduction_limit(income: str, category: str, withheld: str) -> None:
    limit = deduction_limit(Decimal(income), ON, category)
    assert limit.withheld_max == Decimal(withheld)
    assert limit.withheld_max + limit.kept == Decimal(income)


def test_max_share_is_half() -> None:
    assert max_share() == Decimal("0.5")


def test_negative_income_is_refused() -> None:
    with pytest.raises(InvalidAmount):
        deduction_limit(Decimal(-1), ON, "other")


@pytest.mark.parametrize(
    ("kind", "category", "leviable"),
    [
        pytest.param("wage", "other", True, id="art_95_wage_leviable"),
        pytest.param("pension", "taxes", True, id="art_95_pension_leviable"),
        pytest.param("stipend", "other", False, id="art_97_stipend_not_for_other_claims"),
        pytest.param("stipend", "alimony", True, id="art_97_stipend_for_alimony"),
        pytest.param("unemployment_benefit", "health_harm", True, id="art_97_unemployment_benefit_for_harm"),
        pytest.param("temporary_incapacity_benefit", "labour", False, id="art_97_incapacity_benefit_not_for_labour"),
        pytest.param("child_alimony", "alimony", False, id="art_98_item_12_child_alimony_never"),
        pytest.param("pension_savings", "taxes", False, id="art_98_item_13_pension_savings_never"),
        pytest.param("funeral_benefit", "other", False, id="art_98_item_9_funeral_benefit_never"),
    ],
)
def test_is_leviable(kind: str, category: str, leviable: bool) -> None:
    assert is_leviable(kind, category) is leviable


def test_exemption_reason_names_the_item() -> None:
    assert exemption_reason("child_alimony") == "art. 98 item 12: alimony for minor children"
    assert (exemption_reason("stipend") or "").startswith("art. 97")
    assert exemption_reason("wage") is None

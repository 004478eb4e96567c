"""Deductions from wages and income, Law 261-IV arts. 95, 97, 98."""

import datetime as dt
from decimal import Decimal

import pytest

from domain.deductions import Document, deduction_limit, exemption_reason, is_leviable, max_share, withholding_plan
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


ALIMONY = ("alimony", "alimony", 1)
LABOUR = ("wages owed", "labour", 1)
LOAN = ("bank loan", "other", 5)
LOAN_2 = ("second loan", "other", 5)
HARM = ("injury compensation", "health_harm", 1)
TAXES = ("tax arrears", "taxes", 4)


def _docs(*rows: tuple[tuple[str, str, int], str]) -> list[Document]:
    return [Document(name, category, queue, Decimal(due)) for (name, category, queue), due in rows]


@pytest.mark.parametrize(
    ("income", "documents", "withheld", "limits", "kept"),
    [
        pytest.param(
            "300000",
            _docs((ALIMONY, "75000"), (LOAN, "200000")),
            ["75000.00", "75000.00"],
            ["due", "half"],
            "150000.00",
            id="art_95_alimony_and_loan_half_binds",
        ),
        pytest.param(
            "100000",
            _docs((ALIMONY, "25000"), (LOAN, "50000")),
            ["25000.00", "24149.00"],
            ["due", "subsistence minimum"],
            "50851.00",
            id="art_95_loan_stops_at_the_minimum_after_alimony",
        ),
        pytest.param(
            "60000",
            _docs((ALIMONY, "30000"), (LOAN, "10000")),
            ["30000.00", "0.00"],
            ["due", "half"],
            "30000.00",
            id="art_95_alimony_may_reach_below_the_minimum",
        ),
        pytest.param(
            "40000",
            _docs((LOAN, "20000")),
            ["0.00"],
            ["subsistence minimum"],
            "40000.00",
            id="art_95_loan_on_income_below_the_minimum",
        ),
        pytest.param(
            "300000",
            _docs((LOAN, "100000"), (LOAN_2, "200000")),
            ["50000.00", "100000.00"],
            ["half", "half"],
            "150000.00",
            id="art_110_one_queue_pro_rata",
        ),
        pytest.param(
            "100000",
            _docs((ALIMONY, "25000"), (LABOUR, "50000")),
            ["16666.67", "32482.33"],
            ["half", "subsistence minimum"],
            "50851.00",
            id="art_95_queue_1_labour_claim_keeps_the_minimum",
        ),
        # the same documents listed the other way round: the same withholding (the exempt share counts first)
        pytest.param(
            "100000",
            _docs((LABOUR, "50000"), (ALIMONY, "25000")),
            ["32482.33", "16666.67"],
            ["subsistence minimum", "half"],
            "50851.00",
            id="art_95_order_of_listing_changes_nothing",
        ),
        # 60 000 − 50 851 leaves 9 149 for the labour claim, less than alimony's pro-rata 15 000: nothing for labour,
        # alimony takes the rest of the half (30 000), the debtor keeps 30 000 < the minimum (allowed for alimony)
        pytest.param(
            "60000",
            _docs((ALIMONY, "30000"), (LABOUR, "30000")),
            ["30000.00", "0.00"],
            ["due", "subsistence minimum"],
            "30000.00",
            id="art_95_minimum_leaves_nothing_for_labour_alimony_takes_the_half",
        ),
        # harm to health takes the whole half in queue 1; the taxes of queue 4 get nothing (the half is used up)
        pytest.param(
            "200000",
            _docs((HARM, "120000"), (TAXES, "50000")),
            ["100000.00", "0.00"],
            ["half", "half"],
            "100000.00",
            id="art_95_harm_takes_the_half_taxes_wait",
        ),
        # p.2 of 2010 (30 % kept for alimony) was deleted in 2012: alimony too stops at half
        pytest.param(
            "100000",
            _docs((ALIMONY, "80000")),
            ["50000.00"],
            ["half"],
            "50000.00",
            id="art_95_p2_deleted_2012_alimony_stops_at_half",
        ),
    ],
)
def test_withholding_under_several_documents(
    income: str, documents: list[Document], withheld: list[str], limits: list[str], kept: str
) -> None:
    plan = withholding_plan(Decimal(income), ON, documents)
    assert [line.withheld for line in plan.lines] == [Decimal(x) for x in withheld]
    assert [line.limited_by for line in plan.lines] == limits
    assert plan.kept == Decimal(kept)
    assert sum(line.withheld for line in plan.lines) <= plan.half

"""Temporary restriction on leaving the Republic, Law 261-IV art. 33, and lifting after payment (art. 47 p.2)."""

import datetime as dt
from decimal import Decimal

import pytest

from domain.restrictions import exit_restriction, lifting

D = dt.date


@pytest.mark.parametrize(
    ("debt", "on", "months", "applied", "may", "must"),
    [
        pytest.param("173000", D(2026, 2, 2), 0, True, False, False, id="art_33_debt_at_40_mci_2026_not_over"),
        pytest.param("172999.99", D(2026, 2, 2), 0, True, False, False, id="art_33_debt_just_below_40_mci"),
        pytest.param("173000.01", D(2026, 2, 2), 0, False, True, False, id="art_33_debt_just_over_40_mci_may"),
        pytest.param("173000.01", D(2026, 2, 2), 0, True, True, True, id="art_33_creditor_application_makes_it_a_duty"),
        pytest.param(
            "157280.01", D(2025, 6, 2), 0, False, True, False, id="art_33_threshold_uses_mci_of_the_date_2025"
        ),
        pytest.param("160000", D(2026, 2, 2), 0, False, False, False, id="art_33_2025_excess_is_under_2026_threshold"),
        pytest.param("1000", D(2026, 2, 2), 3, True, False, False, id="art_33_periodic_unpaid_3_months_not_over"),
        pytest.param("1000", D(2026, 2, 2), 4, False, True, False, id="art_33_periodic_unpaid_over_3_months"),
    ],
)
def test_exit_restriction(debt: str, on: dt.date, months: int, applied: bool, may: bool, must: bool) -> None:
    decision = exit_restriction(Decimal(debt), on, periodic_months_unpaid=months, creditor_applied=applied)
    assert (decision.may_impose, decision.must_impose) == (may, must)
    assert bool(decision.reasons) is may


def test_exit_restriction_preconditions() -> None:
    decision = exit_restriction(Decimal(500_000), D(2026, 2, 2), warning_sent=D(2026, 2, 2))
    assert decision.needs_court_sanction is True
    assert decision.notice_required is True
    assert decision.earliest == D(2026, 2, 10)
    assert exit_restriction(Decimal(500_000), D(2025, 12, 24)).notice_required is False
    assert exit_restriction(Decimal(500_000), D(2026, 2, 2), private_bailiff=False).needs_court_sanction is False


@pytest.mark.parametrize(
    ("debt_left", "fee_left", "must", "due"),
    [
        pytest.param("0", "0", True, D(2026, 3, 26), id="art_47_p2_paid_in_full_lift_proxy_deadline"),
        pytest.param("0.01", "0", False, None, id="art_47_p2_one_tiyn_of_debt_left"),
        pytest.param("0", "0.01", False, None, id="art_47_p2_fee_and_costs_left"),
    ],
)
def test_lifting_after_payment(debt_left: str, fee_left: str, must: bool, due: dt.date | None) -> None:
    result = lifting(D(2026, 3, 20), Decimal(debt_left), Decimal(fee_left))
    assert result.must_lift is must
    assert (result.deadline.due if result.deadline else None) == due


@pytest.mark.parametrize(
    ("debt", "may"),
    [
        pytest.param("122520.00", False, id="art_33_2022_at_40_mci_of_3063_not_over"),
        pytest.param("122520.01", True, id="art_33_2022_over_40_mci_of_3063_not_the_benefits_3180"),
    ],
)
def test_exit_ban_threshold_in_2022_uses_the_mci_for_payments(debt: str, may: bool) -> None:
    result = exit_restriction(Decimal(debt), dt.date(2022, 6, 1))
    assert result.may_impose is may
    assert result.threshold == Decimal("122520.00")
    assert result.mci_basis is not None and result.mci_basis.purpose == "payments"

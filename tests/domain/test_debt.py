"""Debt on one proceeding: fee and costs first (art. 108), then interest (CC art. 353) and principal."""

import datetime as dt
from decimal import Decimal

import pytest

from domain.debt import Payment, Proceeding, debt_on
from domain.interest import interest

D = dt.date


@pytest.mark.parametrize(
    ("proceeding", "on", "fee", "costs", "interest", "principal", "overpaid"),
    [
        pytest.param(
            Proceeding(Decimal(1_000_000), Decimal(200_000), Decimal(5_000)),
            D(2025, 10, 31),
            "200000.00",
            "5000.00",
            "0.00",
            "1000000.00",
            "0.00",
            id="art_108_nothing_collected_no_interest",
        ),
        # interest to 30.06 = 3 760.27 + 51 082.19; 300 000 pays fee, costs, interest, then 40 157.53 of principal;
        # then 959 842.47 × (104 d × 16.5 % + 19 d × 18 %) / 365 = 45 125.75 + 8 993.59
        pytest.param(
            Proceeding(
                Decimal(1_000_000),
                Decimal(200_000),
                Decimal(5_000),
                D(2025, 3, 1),
                (Payment(D(2025, 6, 30), Decimal(300_000)),),
            ),
            D(2025, 10, 31),
            "0.00",
            "0.00",
            "54119.34",
            "959842.47",
            "0.00",
            id="art_108_fee_costs_then_cc_282_interest_first",
        ),
        pytest.param(
            Proceeding(
                Decimal(100_000), Decimal(25_000), Decimal(0), payments=(Payment(D(2025, 5, 1), Decimal(10_000)),)
            ),
            D(2025, 10, 31),
            "15000.00",
            "0.00",
            "0.00",
            "100000.00",
            "0.00",
            id="art_108_partial_payment_goes_to_fee",
        ),
        pytest.param(
            Proceeding(
                Decimal(100_000), Decimal(25_000), Decimal(0), payments=(Payment(D(2025, 5, 1), Decimal(130_000)),)
            ),
            D(2025, 10, 31),
            "0.00",
            "0.00",
            "0.00",
            "0.00",
            "5000.00",
            id="art_108_overpayment_returned_to_debtor",
        ),
        pytest.param(
            Proceeding(Decimal(100_000), payments=(Payment(D(2025, 12, 1), Decimal(100_000)),)),
            D(2025, 10, 31),
            "0.00",
            "0.00",
            "0.00",
            "100000.00",
            "0.00",
            id="art_108_later_payment_ignored",
        ),
    ],
)
def test_debt_on_a_date(
    proceeding: Proceeding, on: dt.date, fee: str, costs: str, interest: str, principal: str, overpaid: str
) -> None:
    debt = debt_on(proceeding, on)
    remaining = debt.remaining
    assert (remaining.fee, remaining.costs, remaining.interest, remaining.principal) == tuple(
        Decimal(x) for x in (fee, costs, interest, principal)
    )
    assert debt.overpaid == Decimal(overpaid)


def test_paid_plus_remaining_equals_owed_plus_interest() -> None:
    proceeding = Proceeding(
        Decimal(500_000),
        Decimal(75_000),
        Decimal(3_000),
        D(2024, 1, 1),
        (Payment(D(2024, 6, 1), Decimal(100_000)), Payment(D(2024, 9, 1), Decimal(200_000))),
    )
    debt = debt_on(proceeding, D(2025, 1, 31))
    owed = Decimal(578_000) + debt.interest_accrued
    assert debt.collected + debt.remaining.total == owed
    assert debt.interest_lines[0].first_day == D(2024, 1, 1)
    assert debt.interest_lines[-1].last_day == D(2025, 1, 31)


def test_no_interest_on_interest_art_353_p4() -> None:
    """Unpaid interest never joins the base: with a payment that covers only part of the interest, the base stays."""
    proceeding = Proceeding(
        Decimal(100_000), interest_from=D(2024, 1, 1), payments=(Payment(D(2024, 12, 31), Decimal(1_000)),)
    )
    debt = debt_on(proceeding, D(2025, 12, 31))
    on_principal_alone = (
        interest(Decimal(100_000), D(2024, 1, 1), D(2024, 12, 31)).total
        + interest(Decimal(100_000), D(2025, 1, 1), D(2025, 12, 31)).total
    )
    assert debt.interest_accrued == on_principal_alone
    assert debt.remaining.principal == Decimal(100_000)
    assert debt.remaining.interest == on_principal_alone - Decimal(1_000)

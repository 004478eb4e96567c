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
        # art. 353 p.1, the rate on the day of each payment: to 30.06.2023, 122 d × 16.75 % / 365 = 55 986.30;
        # 300 000 pays fee, costs, interest, then 39 013.70 of principal; then 960 986.30 × 123 d × 16.00 %
        # (the rate on 31.10.2023) / 365 = 51 814.28
        pytest.param(
            Proceeding(
                Decimal(1_000_000),
                Decimal(200_000),
                Decimal(5_000),
                D(2023, 3, 1),
                (Payment(D(2023, 6, 30), Decimal(300_000)),),
            ),
            D(2023, 10, 31),
            "0.00",
            "0.00",
            "51814.28",
            "960986.30",
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
        D(2023, 1, 16),
        (Payment(D(2023, 6, 1), Decimal(100_000)), Payment(D(2023, 9, 1), Decimal(200_000))),
    )
    debt = debt_on(proceeding, D(2023, 11, 26))
    owed = Decimal(578_000) + debt.interest_accrued
    assert debt.collected + debt.remaining.total == owed
    assert debt.interest_lines[0].first_day == D(2023, 1, 16)
    assert debt.interest_lines[-1].last_day == D(2023, 11, 26)


def test_no_interest_on_interest_art_353_p4() -> None:
    """Unpaid interest never joins the base: with a payment that covers only part of the interest, the base stays."""
    proceeding = Proceeding(
        Decimal(100_000), interest_from=D(2023, 1, 16), payments=(Payment(D(2023, 6, 30), Decimal(1_000)),)
    )
    debt = debt_on(proceeding, D(2023, 11, 26))
    on_principal_alone = (
        interest(Decimal(100_000), D(2023, 1, 16), D(2023, 6, 30)).total
        + interest(Decimal(100_000), D(2023, 7, 1), D(2023, 11, 26)).total
    )
    assert debt.interest_accrued == on_principal_alone
    assert debt.remaining.principal == Decimal(100_000)
    assert debt.remaining.interest == on_principal_alone - Decimal(1_000)

# ruff: noqa: E501  (a worked example per row, each on its own line)
"""A payment distributed among its debtor's proceedings (Law 261-IV arts. 108–112, 113, 118): costs first, then the
queues, each proceeding's share split between its creditor and the fee on what it collects; the rest back. And the
day's money reconciles to the tiyn, for any payments at all."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from domain.payments.statement import distribute_payment, reconcile
from domain.records import CreditorCategory
from tests.documents.examples import case

M = Decimal
OPENED = dt.date(2025, 1, 20)  # MCI 3 932: up to 60 MCI (235 920) the fee is 25 %, up to 300 MCI 20 %


def loan(number: str, remaining: str) -> object:
    return case(remaining, number=number, opened=OPENED)


def alimony(number: str, remaining: str) -> object:
    return case(remaining, number=number, opened=OPENED).model_copy(update={"category": CreditorCategory.ALIMONY})


@pytest.mark.parametrize(
    ("received", "cases", "costs", "creditors", "fees", "costs_paid", "returned"),
    [
        # 150 000 owed, 25 % fee on it: 187 500 pays debt and fee exactly; 12 500 of 200 000 goes back
        pytest.param("200000", [loan("A", "150000")], "0", {"A": "150000.00"}, "37500.00", "0.00", "12500.00", id="art_108_full_and_remainder"),
        # a partial payment collects for the creditor and the fee in step: 100 000 = 80 000 + 25 % of it
        pytest.param("100000", [loan("A", "150000")], "0", {"A": "80000.00"}, "20000.00", "0.00", "0.00", id="art_118_p2_fee_on_what_is_collected"),
        # costs before the queues (art. 108): 15 000 of costs, then 85 000 grossed: 68 000 + 17 000
        pytest.param("100000", [loan("A", "150000")], "15000", {"A": "68000.00"}, "17000.00", "15000.00", "0.00", id="art_108_113_costs_first"),
        # alimony (queue 1) in full before the loan (queue 5): 50 000 + 12 500 fee, the rest 37 500 to the loan
        pytest.param(
            "100000", [loan("L", "150000"), alimony("K", "50000")], "0", {"K": "50000.00", "L": "30000.00"}, "20000.00", "0.00", "0.00",
            id="art_111_first_queue_first",
        ),
        # two loans of one queue pro rata to their claims (art. 110): 187 500 and 62 500 grossed, 100 000 split 3:1
        pytest.param(
            "100000", [loan("A", "150000"), loan("B", "50000")], "0", {"A": "60000.00", "B": "20000.00"}, "20000.00", "0.00", "0.00",
            id="art_110_pro_rata_in_a_queue",
        ),
        pytest.param("0.01", [loan("A", "150000"), loan("B", "50000")], "0", {"A": "0.01", "B": "0.00"}, "0.00", "0.00", "0.00", id="one_tiyn"),
    ],
)  # fmt: skip
def test_a_payment_is_distributed_by_the_laws_order(
    received: str,
    cases: list,  # type: ignore[type-arg]
    costs: str,
    creditors: dict[str, str],
    fees: str,
    costs_paid: str,
    returned: str,
) -> None:
    statement = distribute_payment("TX", M(received), cases, costs_outstanding=M(costs))
    assert {s.proceeding: str(s.to_creditor) for s in statement.shares} == creditors
    assert (str(statement.fees), str(statement.costs), str(statement.returned)) == (fees, costs_paid, returned)
    assert statement.distributed + statement.returned == M(received)


def test_a_full_payment_pays_each_proceeding_in_full_and_a_partial_one_does_not() -> None:
    full = distribute_payment("TX", M("250000"), [loan("A", "150000"), loan("B", "50000")])
    assert all(s.paid_in_full for s in full.shares) and full.returned == M("0.00")
    part = distribute_payment("TX", M("249999.99"), [loan("A", "150000"), loan("B", "50000")])
    assert not all(s.paid_in_full for s in part.shares)


amounts = st.decimals(min_value=M("0.01"), max_value=M("5000000"), places=2)


@settings(max_examples=150, deadline=None)
@given(
    payments=st.lists(amounts, min_size=1, max_size=6),
    remaining=st.lists(amounts, min_size=1, max_size=4),
    held=st.lists(amounts, max_size=3),
    costs=st.decimals(min_value=M("0"), max_value=M("50000"), places=2),
)
def test_received_is_distributed_returned_or_held_to_the_tiyn(
    payments: list[Decimal], remaining: list[Decimal], held: list[Decimal], costs: Decimal
) -> None:
    cases = [loan(f"P{i}", str(r)) for i, r in enumerate(remaining)]
    statements = [distribute_payment(f"T{i}", p, cases, costs_outstanding=costs) for i, p in enumerate(payments)]
    for statement in statements:
        assert all(s.to_creditor <= s.remaining and s.fee <= s.fee_due for s in statement.shares)  # never beyond
    totals = reconcile(statements, held)
    assert totals.balanced and totals.received == sum(payments) + sum(held)

"""Distribution among creditors, Law 261-IV arts. 108–112: fines, fee and costs, queues 1–5, pro rata inside."""

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from domain.distribution import Claim, distribute, queue_of
from domain.errors import InvalidAmount, UnknownRule

M = Decimal


def _paid(distribution, payee: str) -> Decimal:  # type: ignore[no-untyped-def]
    return sum(line.paid for line in distribution.lines if line.payee == payee)


@pytest.mark.parametrize(
    ("collected", "claims", "extra", "expected"),
    [
        pytest.param(
            "1000",
            [("A", 1, "300"), ("B", 5, "500"), ("C", 5, "1000")],
            {},
            {"A": "300", "B": "233.33", "C": "466.67", "debtor": "0"},
            id="art_110_queue_1_in_full_then_pro_rata",
        ),
        pytest.param(
            "1000",
            [("A", 1, "300"), ("B", 5, "500")],
            {},
            {"A": "300", "B": "500", "debtor": "200"},
            id="art_108_remainder_to_debtor",
        ),
        pytest.param(
            "1000",
            [("A", 4, "800"), ("B", 3, "800")],
            {},
            {"B": "800", "A": "200", "debtor": "0"},
            id="art_112_pledge_queue_3_before_taxes_queue_4",
        ),
        pytest.param(
            "500",
            [("A", 1, "600")],
            {"fines": "100", "fee": "300", "costs": "100"},
            {"fines": "100", "bailiff's fee": "300", "enforcement costs": "100", "A": "0", "debtor": "0"},
            id="art_108_fines_then_fee_and_costs_before_creditors",
        ),
        pytest.param(
            "300",
            [("A", 1, "600")],
            {"fines": "100", "fee": "300", "costs": "100"},
            {"fines": "100", "bailiff's fee": "150", "enforcement costs": "50", "A": "0"},
            id="art_108_fee_and_costs_pro_rata_when_short",
        ),
        pytest.param(
            "50", [("A", 1, "600")], {"fines": "100"}, {"fines": "50", "A": "0"}, id="art_108_fines_take_all_when_short"
        ),
        pytest.param(
            "100",
            [("A", 2, "1"), ("B", 2, "1"), ("C", 2, "1")],
            {},
            {"A": "1", "B": "1", "C": "1", "debtor": "97"},
            id="art_110_queue_paid_in_full_exactly",
        ),
        pytest.param(
            "0.02",
            [("A", 5, "1"), ("B", 5, "1"), ("C", 5, "1")],
            {},
            {"A": "0.01", "B": "0.01", "C": "0"},
            id="art_110_largest_remainder_ties_to_earlier_claim",
        ),
        pytest.param("0", [("A", 5, "1")], {}, {"A": "0", "debtor": "0"}, id="art_108_nothing_collected"),
    ],
)
def test_distribution_worked_examples(collected: str, claims: list, extra: dict, expected: dict) -> None:  # type: ignore[type-arg]
    result = distribute(M(collected), [Claim(c, q, M(a)) for c, q, a in claims], **{k: M(v) for k, v in extra.items()})
    for payee, amount in expected.items():
        assert _paid(result, payee) == M(amount), payee
    assert sum(line.paid for line in result.lines) == M(collected)


@pytest.mark.parametrize(
    ("category", "queue"),
    [
        pytest.param("alimony", 1, id="art_111_alimony"),
        pytest.param("labour", 1, id="art_111_labour"),
        pytest.param("author_remuneration", 2, id="art_112_p1_authors"),
        pytest.param("pledge", 3, id="art_112_p2_pledge"),
        pytest.param("taxes", 4, id="art_112_p3_taxes"),
        pytest.param("other", 5, id="art_112_p4_other"),
    ],
)
def test_queue_of_category(category: str, queue: int) -> None:
    assert queue_of(category) == queue


def test_unknown_category_is_an_error() -> None:
    with pytest.raises(UnknownRule, match="known: alimony"):
        queue_of("loan")


@pytest.mark.parametrize(
    ("collected", "claim"),
    [
        pytest.param("-1", Claim("A", 1, M(1)), id="negative_collected"),
        pytest.param("1", Claim("A", 6, M(1)), id="queue_6_does_not_exist"),
        pytest.param("1", Claim("A", 1, M(-1)), id="negative_claim"),
    ],
)
def test_bad_input_is_refused(collected: str, claim: Claim) -> None:
    with pytest.raises(InvalidAmount):
        distribute(M(collected), [claim])


TIYN_AMOUNTS = st.integers(0, 10**10).map(lambda tiyn: Decimal(tiyn) / 100)
CLAIMS = st.lists(st.builds(Claim, st.text(min_size=1, max_size=3), st.integers(1, 5), TIYN_AMOUNTS), max_size=12)


@settings(deadline=None, max_examples=300)
@given(TIYN_AMOUNTS, CLAIMS, TIYN_AMOUNTS, TIYN_AMOUNTS, TIYN_AMOUNTS)
def test_distribution_sums_to_collected_and_never_overpays(
    collected: Decimal, claims: list[Claim], fines: Decimal, fee: Decimal, costs: Decimal
) -> None:
    result = distribute(collected, claims, fines=fines, fee=fee, costs=costs)
    assert sum(line.paid for line in result.lines) == collected
    assert all(M(0) <= line.paid <= line.owed for line in result.lines if line.kind != "debtor")
    assert result.to_debtor >= 0
    if result.to_debtor > 0:
        assert all(line.paid == line.owed for line in result.lines if line.kind != "debtor")


@settings(deadline=None, max_examples=200)
@given(TIYN_AMOUNTS, CLAIMS)
def test_a_later_queue_is_paid_only_after_earlier_ones_in_full(collected: Decimal, claims: list[Claim]) -> None:
    lines = [line for line in distribute(collected, claims).lines if line.kind == "creditor"]
    for line in lines:
        if line.paid > 0:
            assert all(other.paid == other.owed for other in lines if other.queue < line.queue)  # type: ignore[operator]

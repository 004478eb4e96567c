"""Interest under Civil Code art. 353 at the National Bank's base rate (research note §11.2–11.3)."""

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from domain.errors import InvalidAmount, OutsideData, UnknownRule
from domain.interest import base_rate, base_rate_periods, interest
from domain.money import tenge

D = dt.date
MILLION = Decimal(1_000_000)


@pytest.mark.parametrize(
    ("first", "last", "kwargs", "total", "lines"),
    [
        # 9 d × 15.25 % + 217 d × 16.50 % + 19 d × 18.00 %, /365: 3 760.27 + 98 095.89 + 9 369.86
        pytest.param(D(2025, 3, 1), D(2025, 10, 31), {}, "111226.03", 3, id="art_353_base_rate_change_mid_period"),
        # whole term at the rate on the day of payment (18 %): 245 d
        pytest.param(
            D(2025, 3, 1),
            D(2025, 10, 31),
            {"mode": "single"},
            "120821.92",
            1,
            id="art_353_p1_single_rate_on_day_of_payment",
        ),
        pytest.param(
            D(2025, 3, 1),
            D(2025, 10, 31),
            {"mode": "single", "rate_on": D(2025, 3, 1)},
            "102363.01",
            1,
            id="art_353_p1_single_rate_on_day_of_filing",
        ),
        pytest.param(
            D(2025, 3, 1),
            D(2025, 10, 31),
            {"mode": "single", "rate": Decimal("10")},
            "67123.29",
            1,
            id="art_353_p1_rate_set_by_contract",
        ),
        pytest.param(D(2025, 10, 13), D(2025, 10, 13), {}, "493.15", 1, id="art_353_p2_one_day_inclusive"),
        # 2023-12: 31 d /365 at 15.75; 2024-01-01..21: 21 d /366 at 15.75; 2024-01-22..02-29: 39 d /366 at 15.25
        pytest.param(
            D(2023, 12, 1),
            D(2024, 2, 29),
            {"day_count": "actact"},
            "38663.60",
            3,
            id="art_353_actual_actual_across_leap_year",
        ),
        pytest.param(D(2023, 12, 1), D(2024, 2, 29), {}, "38732.88", 2, id="art_353_actual_365_across_leap_year"),
    ],
)
def test_interest_worked_examples(
    first: dt.date,
    last: dt.date,
    kwargs: dict,
    total: str,  # type: ignore[type-arg]
    lines: int,
) -> None:
    result = interest(MILLION, first, last, **kwargs)
    assert result.total == Decimal(total)
    assert len(result.lines) == lines
    assert sum(line.amount for line in result.lines) == result.total
    assert sum(line.days for line in result.lines) == (last - first).days + 1


@pytest.mark.parametrize(
    ("on", "rate"),
    [
        pytest.param(D(2025, 10, 12), "16.50", id="art_353_base_rate_day_before_change"),
        pytest.param(D(2025, 10, 13), "18.00", id="art_353_base_rate_effective_monday_after_decision"),
        pytest.param(D(2024, 3, 4), "14.75", id="art_353_base_rate_march_2024"),
    ],
)
def test_base_rate_on_a_date(on: dt.date, rate: str) -> None:
    assert base_rate(on) == Decimal(rate)


def test_rate_periods_are_contiguous() -> None:
    periods = base_rate_periods()
    assert all(a.end + dt.timedelta(days=1) == b.start for a, b in zip(periods, periods[1:]))


@pytest.mark.parametrize(
    ("first", "last", "error"),
    [
        pytest.param(D(2022, 12, 1), D(2023, 2, 1), OutsideData, id="art_353_before_rate_data"),
        pytest.param(D(2026, 3, 1), D(2026, 3, 31), OutsideData, id="art_353_after_rate_data"),
        pytest.param(D(2025, 3, 2), D(2025, 3, 1), InvalidAmount, id="art_353_reversed_term"),
    ],
)
def test_interest_refuses_what_it_cannot_compute(first: dt.date, last: dt.date, error: type) -> None:
    with pytest.raises(error):
        interest(MILLION, first, last)


@pytest.mark.parametrize(
    "kwargs",
    [
        pytest.param({"mode": "average"}, id="unknown_mode"),
        pytest.param({"day_count": "30/360"}, id="unknown_basis"),
        pytest.param({"rate": Decimal(10)}, id="contract_rate_needs_single_mode"),
    ],
)
def test_interest_refuses_unknown_conventions(kwargs: dict) -> None:  # type: ignore[type-arg]
    with pytest.raises((UnknownRule, InvalidAmount)):
        interest(MILLION, D(2025, 3, 1), D(2025, 3, 31), **kwargs)


RATE_DATES = st.dates(D(2023, 1, 16), D(2026, 3, 8))


@settings(deadline=None, max_examples=200)
@given(st.integers(0, 10**11), RATE_DATES, RATE_DATES, RATE_DATES, st.sampled_from(["act365", "actact"]))
def test_adjacent_terms_add_up_to_their_union(tiyn: int, a: dt.date, b: dt.date, c: dt.date, basis: str) -> None:
    """Exact interest adds up exactly; each rounded total is off by at most half a tiyn, so the sum by at most 1."""
    first, middle, last = sorted((a, b, c))
    if middle == last:
        return
    principal = Decimal(tiyn) / 100
    left = interest(principal, first, middle, day_count=basis)  # type: ignore[arg-type]
    right = interest(principal, middle + dt.timedelta(days=1), last, day_count=basis)  # type: ignore[arg-type]
    union = interest(principal, first, last, day_count=basis)  # type: ignore[arg-type]
    assert left.exact + right.exact == union.exact
    assert abs(left.total + right.total - union.total) <= Decimal("0.01")
    assert union.total == tenge(left.exact + right.exact)

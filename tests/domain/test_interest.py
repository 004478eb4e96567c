"""Interest under Civil Code art. 353 at the National Bank's base rate (domain/data/base_rate.yaml).

No published worked example of an art. 353 calculation was found in the sources searched; the rows below are
computed by hand from the rates of the table (each line's arithmetic in its comment) and sit on its boundaries.
"""

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
    ("first", "last", "kwargs", "total", "lines", "basis"),
    [
        # default (art. 353 p.1): the rate on the day of payment, 31.10.2023 16.00 %: 61 d × 16 % / 365
        pytest.param(
            D(2023, 9, 1),
            D(2023, 10, 31),
            {},
            "26739.73",
            1,
            "on 31.10.2023, the day of payment",
            id="art_353_p1_rate_on_day_of_payment_default",
        ),
        # the rate on the day of filing (16.50 %): 61 d × 16.5 % / 365
        pytest.param(
            D(2023, 9, 1),
            D(2023, 10, 31),
            {"rate_on": D(2023, 9, 1)},
            "27575.34",
            1,
            "on 01.09.2023, the day the claim was filed",
            id="art_353_p1_rate_on_day_of_filing",
        ),
        # option "periods": 38 d × 16.50 % + 23 d × 16.00 %, / 365: 17 178.08 + 10 082.19
        pytest.param(
            D(2023, 9, 1),
            D(2023, 10, 31),
            {"mode": "periods"},
            "27260.27",
            2,
            "split where it changed",
            id="art_353_option_periods_split_at_09_10_2023",
        ),
        # 27 d × 16.75 % + 4 d × 16.50 % (the change of 28.08.2023)
        pytest.param(
            D(2023, 8, 1),
            D(2023, 8, 31),
            {"mode": "periods"},
            "14198.63",
            2,
            "split",
            id="art_353_option_periods_split_at_28_08_2023",
        ),
        pytest.param(
            D(2023, 9, 1),
            D(2023, 10, 31),
            {"rate": Decimal("10")},
            "16712.33",
            1,
            "set by the contract",
            id="art_353_p1_rate_set_by_contract",
        ),
        pytest.param(
            D(2025, 10, 13), D(2025, 10, 13), {}, "493.15", 1, "13.10.2025", id="art_353_p2_one_day_inclusive"
        ),
        # 147 d at 18 %, act/act split at the new year: 80 d / 365 + 67 d / 365 (2026 is not a leap year)
        pytest.param(
            D(2025, 10, 13),
            D(2026, 3, 8),
            {"day_count": "actact"},
            "72493.15",
            2,
            "08.03.2026",
            id="art_353_actual_actual_splits_at_new_year",
        ),
    ],
)
def test_interest_worked_examples(
    first: dt.date,
    last: dt.date,
    kwargs: dict,
    total: str,
    lines: int,
    basis: str,  # type: ignore[type-arg]
) -> None:
    result = interest(MILLION, first, last, **kwargs)
    assert result.total == Decimal(total)
    assert len(result.lines) == lines
    assert basis in result.rate_basis
    assert sum(line.amount for line in result.lines) == result.total
    assert sum(line.days for line in result.lines) == (last - first).days + 1


@pytest.mark.parametrize(
    ("day_count", "text"),
    [pytest.param("act365", "/ 365", id="act365_stated"), pytest.param("actact", "365 or 366", id="actact_stated")],
)
def test_the_day_count_convention_is_stated(day_count: str, text: str) -> None:
    assert text in interest(MILLION, D(2023, 9, 1), D(2023, 9, 30), day_count=day_count).day_count_text  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("on", "rate"),
    [
        pytest.param(D(2023, 1, 16), "16.75", id="nb_schedule_first_day_in_table"),
        pytest.param(D(2023, 8, 27), "16.75", id="nb_day_before_change_28_08_2023"),
        pytest.param(D(2023, 8, 28), "16.50", id="nb_change_28_08_2023"),
        pytest.param(D(2023, 10, 8), "16.50", id="nb_day_before_change_09_10_2023"),
        pytest.param(D(2023, 10, 9), "16.00", id="nb_change_09_10_2023"),
        pytest.param(D(2023, 11, 26), "16.00", id="nb_day_before_change_27_11_2023"),
        pytest.param(D(2025, 10, 13), "18.00", id="nb_change_13_10_2025_monday_after_decision"),
        pytest.param(D(2026, 3, 8), "18.00", id="nb_last_day_in_table"),
    ],
)
def test_base_rate_on_a_date(on: dt.date, rate: str) -> None:
    assert base_rate(on) == Decimal(rate)


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        pytest.param(
            lambda: base_rate(D(2023, 1, 15)),
            OutsideData,
            "base rate: no value before 16.01.2023 in domain/data/base_rate.yaml",
            id="before_the_table",
        ),
        pytest.param(
            lambda: base_rate(D(2026, 3, 9)),
            OutsideData,
            "base rate: no value from 09.03.2026 in domain/data/base_rate.yaml",
            id="after_the_table",
        ),
        pytest.param(
            lambda: base_rate(D(2023, 11, 27)),
            UnknownRule,
            "27.11.2023 in domain/data/base_rate.yaml is not confirmed [M]",
            id="unconfirmed_row_refused",
        ),
        pytest.param(
            lambda: base_rate(D(2024, 2, 25)),
            UnknownRule,
            "the value 15.25 and the end 26.02.2024 were read",
            id="day_before_mpc_resolution_22_02_2024_still_unconfirmed",
        ),
        pytest.param(
            lambda: base_rate(D(2024, 2, 26)),
            UnknownRule,
            "the start 26.02.2024 and the value 14.75 were read",
            id="mpc_resolution_22_02_2024_start_read_end_not",
        ),
        pytest.param(
            lambda: base_rate(D(2024, 12, 2)),
            UnknownRule,
            "the value 15.25 and its start were read",
            id="rise_of_29_11_2024_start_read_end_not",
        ),
        pytest.param(
            lambda: base_rate(D(2025, 10, 12)),
            UnknownRule,
            "12.10.2025 in domain/data/base_rate.yaml is not confirmed",
            id="day_before_confirmed_18_percent",
        ),
        pytest.param(
            lambda: interest(MILLION, D(2023, 11, 1), D(2023, 11, 30), mode="periods"),
            UnknownRule,
            "27.11.2023",
            id="periods_crossing_an_unconfirmed_row",
        ),
        pytest.param(
            lambda: interest(MILLION, D(2022, 12, 1), D(2023, 2, 1), mode="periods"),
            OutsideData,
            "no value before 16.01.2023",
            id="periods_before_the_table",
        ),
        pytest.param(
            lambda: interest(MILLION, D(2025, 3, 2), D(2025, 3, 1)),
            InvalidAmount,
            "first_day <= last_day",
            id="reversed_term",
        ),
    ],
)
def test_interest_refuses_what_it_cannot_compute(call, error: type, message: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(error, match=message.replace("[", r"\[").replace("]", r"\]").replace(".", r"\.")):
        call()


def test_the_single_rate_needs_only_the_day_of_payment_in_the_table() -> None:
    """Art. 353 p.1 takes one day's rate: a delay that began before 16.01.2023 is computed at the payment day's rate."""
    result = interest(MILLION, D(2022, 12, 1), D(2023, 2, 1))  # 63 d × 16.75 % / 365
    assert result.total == Decimal("28910.96")


def test_rate_periods_are_contiguous() -> None:
    periods = base_rate_periods()
    assert all(a.end + dt.timedelta(days=1) == b.start for a, b in zip(periods, periods[1:]))


@pytest.mark.parametrize(
    "kwargs",
    [
        pytest.param({"mode": "average"}, id="unknown_mode"),
        pytest.param({"day_count": "30/360"}, id="unknown_basis"),
        pytest.param({"mode": "periods", "rate": Decimal(10)}, id="contract_rate_needs_single_mode"),
    ],
)
def test_interest_refuses_unknown_conventions(kwargs: dict) -> None:  # type: ignore[type-arg]
    with pytest.raises((UnknownRule, InvalidAmount)):
        interest(MILLION, D(2023, 3, 1), D(2023, 3, 31), **kwargs)


RATE_DATES = st.dates(D(2023, 1, 16), D(2023, 11, 26))


@settings(deadline=None, max_examples=200)
@given(st.integers(0, 10**11), RATE_DATES, RATE_DATES, RATE_DATES, st.sampled_from(["act365", "actact"]))
def test_adjacent_terms_add_up_to_their_union(tiyn: int, a: dt.date, b: dt.date, c: dt.date, basis: str) -> None:
    """Exact interest adds up exactly; each rounded total is off by at most half a tiyn, so the sum by at most 1."""
    first, middle, last = sorted((a, b, c))
    if middle == last:
        return
    principal = Decimal(tiyn) / 100
    kw = {"mode": "periods", "day_count": basis}
    left = interest(principal, first, middle, **kw)  # type: ignore[arg-type]
    right = interest(principal, middle + dt.timedelta(days=1), last, **kw)  # type: ignore[arg-type]
    union = interest(principal, first, last, **kw)  # type: ignore[arg-type]
    assert left.exact + right.exact == union.exact
    assert abs(left.total + right.total - union.total) <= Decimal("0.01")
    assert union.total == tenge(left.exact + right.exact)

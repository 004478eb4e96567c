"""Interest under Civil Code art. 353 at the National Bank's base rate (domain/data/base_rate.yaml).

No published worked example of an art. 353 calculation was found in the sources searched; the rows below are
computed by hand from the rates of the table (each line's arithmetic in its comment) and sit on its boundaries.
"""

import datetime as dt
import re
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


# A row on each side of every change of domain/data/base_rate.yaml: the day before and the day of (the sources are in
# each row of the table; an S row's first and last day, and the first day of the next).
@pytest.mark.parametrize(
    ("on", "rate"),
    [
        pytest.param(D(2020, 3, 10), "12.00", id="nb_press_release_7_from_10_03_2020"),
        pytest.param(D(2020, 3, 29), "12.00", id="nb_day_before_week_of_decision_03_04_2020"),
        pytest.param(D(2020, 4, 6), "9.50", id="nb_monday_after_decision_03_04_2020"),
        pytest.param(D(2020, 5, 3), "9.50", id="nb_last_day_of_week_of_hold_27_04_2020"),
        pytest.param(D(2021, 1, 26), "9.00", id="nb_resolution_22_01_2021_from_26_01_2021"),
        pytest.param(D(2021, 1, 31), "9.00", id="nb_last_day_of_week_of_resolution_22_01_2021"),
        pytest.param(D(2021, 8, 2), "9.25", id="nb_after_july_2021_rise"),
        pytest.param(D(2021, 9, 12), "9.25", id="nb_day_before_decision_13_09_2021"),
        pytest.param(D(2021, 9, 20), "9.50", id="nb_monday_after_decision_13_09_2021"),
        pytest.param(D(2021, 10, 24), "9.50", id="nb_day_before_decision_25_10_2021"),
        pytest.param(D(2021, 11, 1), "9.75", id="nb_monday_after_decision_25_10_2021"),
        pytest.param(D(2021, 12, 5), "9.75", id="nb_day_before_decision_06_12_2021"),
        pytest.param(D(2021, 12, 6), "9.75", id="nb_hold_of_december_2021_reuters_poll_january_2022"),
        pytest.param(D(2022, 1, 23), "9.75", id="nb_day_before_week_of_meeting_24_01_2022"),
        pytest.param(D(2022, 1, 31), "10.25", id="nb_monday_after_rise_25_01_2022"),
        pytest.param(D(2022, 2, 20), "10.25", id="nb_day_before_week_of_rise_24_02_2022"),
        pytest.param(D(2022, 2, 28), "13.50", id="nb_monday_after_rise_24_02_2022"),
        pytest.param(D(2022, 4, 24), "13.50", id="nb_day_before_rise_25_04_2022"),
        pytest.param(D(2022, 5, 2), "14.00", id="nb_monday_after_rise_25_04_2022"),
        pytest.param(D(2022, 7, 24), "14.00", id="nb_day_before_decision_25_07_2022"),
        pytest.param(D(2022, 8, 1), "14.50", id="nb_monday_after_decision_25_07_2022"),
        pytest.param(D(2022, 10, 23), "14.50", id="nb_day_before_week_of_rise_26_10_2022"),
        pytest.param(D(2022, 10, 31), "16.00", id="nb_monday_after_rise_26_10_2022"),
        pytest.param(D(2022, 12, 4), "16.00", id="nb_day_before_decision_05_12_2022"),
        pytest.param(D(2022, 12, 12), "16.75", id="nb_monday_after_decision_05_12_2022"),
        pytest.param(D(2023, 1, 16), "16.75", id="nb_schedule_first_day_of_2023"),
        pytest.param(D(2023, 8, 27), "16.75", id="nb_day_before_change_28_08_2023"),
        pytest.param(D(2023, 8, 28), "16.50", id="nb_change_28_08_2023"),
        pytest.param(D(2023, 10, 8), "16.50", id="nb_day_before_change_09_10_2023"),
        pytest.param(D(2023, 10, 9), "16.00", id="nb_change_09_10_2023"),
        pytest.param(D(2023, 11, 26), "16.00", id="nb_day_before_change_27_11_2023"),
        pytest.param(D(2023, 11, 27), "15.75", id="nb_change_27_11_2023"),
        pytest.param(D(2023, 12, 31), "15.75", id="nb_last_day_of_2023_no_decision_left_in_the_schedule"),
        # January 2024: the year's first MPC resolution (No. 1; the one of 22.02.2024 is No. 2), 15.25 % «starting from
        # 22 January 2024» (Worldwide Tax Summaries, Kazakhstan, corporate tax administration, reviewed 02.12.2024)
        pytest.param(D(2024, 1, 1), "15.75", id="nb_first_day_of_2024_before_resolution_1"),
        pytest.param(D(2024, 1, 21), "15.75", id="nb_day_before_resolution_1_of_2024_took_effect"),
        pytest.param(D(2024, 1, 22), "15.25", id="nb_resolution_1_of_2024_from_22_01_2024"),
        pytest.param(D(2024, 2, 25), "15.25", id="nb_day_before_resolution_2_of_22_02_2024_took_effect"),
        pytest.param(D(2024, 11, 25), "14.25", id="nb_monday_of_week_of_rise_29_11_2024"),
        pytest.param(D(2024, 12, 1), "14.25", id="nb_day_before_rise_of_29_11_2024_took_effect"),
        pytest.param(D(2024, 12, 2), "15.25", id="nb_monday_after_rise_of_29_11_2024"),
        pytest.param(D(2025, 3, 9), "15.25", id="nb_day_before_rise_to_16_5"),
        pytest.param(D(2025, 3, 10), "16.50", id="nb_rise_to_16_5_dated_10_03_2025"),
        pytest.param(D(2025, 4, 6), "16.50", id="nb_day_before_week_of_decision_11_04_2025"),
        pytest.param(D(2025, 10, 6), "16.50", id="nb_monday_of_week_of_rise_to_18"),
        pytest.param(D(2025, 10, 12), "16.50", id="nb_day_before_rise_to_18"),
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
            lambda: base_rate(D(2014, 12, 31)),
            OutsideData,
            "base rate: no value before 01.01.2015 in domain/data/base_rate.yaml",
            id="before_the_table",
        ),
        pytest.param(
            lambda: base_rate(D(2026, 3, 9)),
            OutsideData,
            "base rate: no value from 09.03.2026 in domain/data/base_rate.yaml",
            id="after_the_table",
        ),
        pytest.param(
            lambda: base_rate(D(2015, 1, 1)),
            UnknownRule,
            "01.01.2015 in domain/data/base_rate.yaml is not confirmed [?]: art. 353 then named the official",
            id="refinancing_rate_before_01_04_2017_refused",
        ),
        pytest.param(
            lambda: base_rate(D(2017, 3, 31)),
            UnknownRule,
            "refinancing rate",
            id="day_before_refinancing_rate_equals_base_rate",
        ),
        pytest.param(
            lambda: base_rate(D(2017, 4, 1)),
            UnknownRule,
            "the days the rate changed in between were not read",
            id="refinancing_equals_base_rate_01_04_2017_changes_unread",
        ),
        pytest.param(
            lambda: base_rate(D(2020, 3, 9)),
            UnknownRule,
            "9.25 % before 10.03.2020",
            id="day_before_press_release_7",
        ),
        pytest.param(
            lambda: base_rate(D(2020, 3, 30)),
            UnknownRule,
            "the week of the decision of 03.04.2020",
            id="week_of_emergency_decision_03_04_2020_first_day",
        ),
        pytest.param(
            lambda: base_rate(D(2020, 4, 5)),
            UnknownRule,
            "the week of the decision of 03.04.2020",
            id="week_of_emergency_decision_03_04_2020_last_day",
        ),
        pytest.param(
            lambda: base_rate(D(2020, 5, 4)),
            UnknownRule,
            "the decisions after 27.04.2020",
            id="decisions_after_27_04_2020_unread",
        ),
        pytest.param(
            lambda: base_rate(D(2021, 1, 25)),
            UnknownRule,
            "9.00 % is read only in the week it was set again from 26.01.2021",
            id="day_before_resolution_22_01_2021_took_effect",
        ),
        pytest.param(
            lambda: base_rate(D(2021, 2, 1)),
            UnknownRule,
            "the decisions between 22.01.2021 and July 2021 were not read",
            id="decisions_of_spring_2021_unread",
        ),
        pytest.param(
            lambda: base_rate(D(2022, 1, 24)),
            UnknownRule,
            "the week of the meeting of 24.01.2022",
            id="week_of_meeting_24_01_2022_first_day",
        ),
        pytest.param(
            lambda: base_rate(D(2022, 1, 30)),
            UnknownRule,
            "whether 25.01.2022 is the day the rise to 10.25 % was announced",
            id="week_of_meeting_24_01_2022_last_day",
        ),
        pytest.param(
            lambda: base_rate(D(2021, 7, 5)),
            UnknownRule,
            "which Monday of July 2021",
            id="july_2021_rise_day_unread",
        ),
        pytest.param(
            lambda: base_rate(D(2021, 9, 13)),
            UnknownRule,
            "the week of the decision of 13.09.2021",
            id="decision_day_13_09_2021_refused",
        ),
        pytest.param(
            lambda: base_rate(D(2022, 12, 11)),
            UnknownRule,
            "the week of the decision of 05.12.2022",
            id="last_day_of_week_of_decision_05_12_2022",
        ),
        pytest.param(
            lambda: base_rate(D(2024, 2, 26)),
            UnknownRule,
            "the NB schedule of 2024 was not found",
            id="cuts_of_2024_after_resolution_2_unread",
        ),
        pytest.param(
            lambda: base_rate(D(2024, 2, 26)),
            UnknownRule,
            "14.75 % from 26.02.2024 and 14.25 % in the week of the rise of 29.11.2024 were read",
            id="mpc_resolution_22_02_2024_start_read_cuts_after_not",
        ),
        pytest.param(
            lambda: base_rate(D(2024, 11, 24)),
            UnknownRule,
            "24.11.2024 in domain/data/base_rate.yaml is not confirmed [?]",
            id="day_before_week_of_rise_of_29_11_2024",
        ),
        pytest.param(
            lambda: base_rate(D(2025, 4, 7)),
            UnknownRule,
            "the decisions of 11.04.2025 and after",
            id="week_of_decision_11_04_2025",
        ),
        pytest.param(
            lambda: base_rate(D(2025, 10, 5)),
            UnknownRule,
            "no source says it stayed there between",
            id="day_before_week_of_rise_to_18",
        ),
        pytest.param(
            lambda: interest(MILLION, D(2024, 2, 1), D(2024, 3, 31), mode="periods"),
            UnknownRule,
            "26.02.2024",
            id="periods_crossing_an_unconfirmed_row",
        ),
        pytest.param(
            lambda: interest(MILLION, D(2014, 12, 1), D(2014, 12, 31), mode="periods"),
            OutsideData,
            "no value before 01.01.2015",
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
    with pytest.raises(error, match=re.escape(message)):
        call()


def test_the_single_rate_needs_only_the_day_of_payment_in_the_table() -> None:
    """Art. 353 p.1 takes one day's rate: a delay that began in a refused week is computed at the payment day's rate."""
    result = interest(MILLION, D(2022, 12, 6), D(2023, 2, 7))  # 64 d × 16.75 % / 365
    assert result.total == Decimal("29369.86")


@pytest.mark.parametrize(
    ("first", "last", "total", "lines"),
    [
        # 02.08–01.09.2021, inside the row of 9.25 %: 31 d × 9.25 % / 365 = 7 856.16
        pytest.param(D(2021, 8, 2), D(2021, 9, 1), "7856.16", 1, id="periods_inside_the_row_of_9_25"),
        # 01.12.2021–23.01.2022, across the hold of December 2021, up to the day before the refused week of the meeting
        # of 24.01.2022: 54 d × 9.75 % / 365 = 14 424.66 (two rows of the table, one rate)
        pytest.param(D(2021, 12, 1), D(2022, 1, 23), "14424.66", 2, id="periods_across_the_hold_of_december_2021"),
        # 01.12.2023–25.02.2024: 52 d × 15.75 % + 35 d × 15.25 % (from 22.01.2024), / 365 = 22 438.36 + 14 623.29
        pytest.param(D(2023, 12, 1), D(2024, 2, 25), "37061.64", 3, id="periods_split_at_22_01_2024"),
        # 01.02–20.02.2022, up to the day before the refused week of 24.02.2022: 20 d × 10.25 % / 365 = 5 616.44
        pytest.param(D(2022, 2, 1), D(2022, 2, 20), "5616.44", 1, id="periods_one_row_of_10_25"),
        # 01.12.2023–31.12.2023 31 d × 15.75 % / 365 = 13 376.71
        pytest.param(D(2023, 12, 1), D(2023, 12, 31), "13376.71", 1, id="periods_december_2023_at_15_75"),
        # 01.03.2025–31.03.2025: 9 d × 15.25 % + 22 d × 16.50 %, / 365 = 3 760.27 + 9 945.21
        pytest.param(D(2025, 3, 1), D(2025, 3, 31), "13705.48", 2, id="periods_split_at_10_03_2025"),
    ],
)
def test_periods_over_the_confirmed_rows(first: dt.date, last: dt.date, total: str, lines: int) -> None:
    result = interest(MILLION, first, last, mode="periods")
    assert (result.total, len(result.lines)) == (Decimal(total), lines)


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

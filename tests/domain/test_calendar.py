"""Working days of Kazakhstan: Law «О праздниках», weekend transfers, government swaps (research note §2.4)."""

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from domain.calendar import (
    add_calendar_days,
    add_working_days,
    generated_days_off,
    is_verified_year,
    is_working_day,
    next_working_day,
    working_days_between,
    year_calendar,
)
from domain.data import table

D = dt.date


@pytest.mark.parametrize(
    ("day", "working"),
    [
        pytest.param(D(2026, 3, 9), False, id="holidays_law_8_march_sunday_moved_to_monday_2026"),
        pytest.param(D(2026, 3, 25), False, id="holidays_law_nauryz_21_22_weekend_moved_to_24_25_2026"),
        pytest.param(D(2026, 3, 26), True, id="holidays_law_day_after_nauryz_2026"),
        pytest.param(D(2026, 5, 11), False, id="holidays_law_victory_day_saturday_moved_2026"),
        pytest.param(D(2026, 5, 27), False, id="holidays_law_kurban_ait_2026"),
        pytest.param(D(2026, 10, 26), False, id="holidays_law_republic_day_sunday_moved_2026"),
        pytest.param(D(2025, 1, 3), False, id="government_transfer_3_january_2025_day_off"),
        pytest.param(D(2025, 1, 5), True, id="government_transfer_sunday_5_january_2025_working"),
        pytest.param(D(2025, 1, 4), False, id="ordinary_saturday_2025"),
        pytest.param(D(2025, 6, 6), False, id="holidays_law_kurban_ait_2025"),
        pytest.param(D(2025, 9, 1), False, id="holidays_law_constitution_day_saturday_moved_2025"),
        pytest.param(D(2025, 12, 17), True, id="holidays_law_17_december_no_longer_holiday_2025"),
        pytest.param(D(2021, 12, 17), False, id="holidays_law_17_december_holiday_until_2021"),
        pytest.param(D(2021, 12, 1), False, id="holidays_law_first_president_day_until_2021"),
        pytest.param(D(2022, 12, 1), True, id="holidays_law_first_president_day_removed_2022"),
        pytest.param(D(2022, 5, 10), False, id="holidays_law_7_may_saturday_moved_past_9_may_2022"),
        pytest.param(D(2022, 1, 7), False, id="holidays_law_orthodox_christmas_2022"),
        pytest.param(D(2023, 1, 9), True, id="holidays_law_7_january_saturday_not_moved_2023"),
    ],
)
def test_is_working_day(day: dt.date, working: bool) -> None:
    assert is_working_day(day) is working


@pytest.mark.parametrize("year", [2025, 2026])
def test_generation_rule_reproduces_the_decreed_years_except_government_swaps(year: int) -> None:
    decree = next(row for row in table("holidays")["decrees"] if row["year"] == year)
    swapped = {day for day in decree["days_off"] if day.weekday() < 5} - generated_days_off(year)
    assert swapped == ({D(2025, 1, 3)} if year == 2025 else set())
    assert generated_days_off(year) <= set(decree["days_off"])


@pytest.mark.parametrize(("year", "verified"), [(2024, False), (2025, True), (2026, True), (2027, False)])
def test_years_without_a_decree_are_flagged_unverified(year: int, verified: bool) -> None:
    assert is_verified_year(year) is verified
    assert year_calendar(year).verified is verified


@pytest.mark.parametrize(
    ("start", "count", "due"),
    [
        pytest.param(D(2026, 3, 20), 3, D(2026, 3, 30), id="cc_173_working_days_skip_nauryz"),
        pytest.param(D(2026, 3, 20), 0, D(2026, 3, 20), id="cc_173_zero_working_days_is_start"),
        pytest.param(D(2025, 1, 2), 1, D(2025, 1, 5), id="cc_173_government_working_sunday_counts"),
        pytest.param(D(2026, 1, 6), 1, D(2026, 1, 8), id="cc_173_skip_orthodox_christmas"),
    ],
)
def test_add_working_days(start: dt.date, count: int, due: dt.date) -> None:
    assert add_working_days(start, count) == due


@pytest.mark.parametrize(
    ("start", "count", "due"),
    [
        pytest.param(D(2026, 3, 16), 3, D(2026, 3, 19), id="cc_173_calendar_days_ordinary"),
        pytest.param(D(2026, 3, 18), 3, D(2026, 3, 26), id="cc_175_last_day_holiday_moves_to_next_working_day"),
        pytest.param(D(2026, 3, 11), 3, D(2026, 3, 16), id="cc_175_last_day_saturday_moves_to_monday"),
        pytest.param(D(2024, 12, 31), 3, D(2025, 1, 5), id="cc_175_transferred_day_off_moves_to_working_sunday"),
    ],
)
def test_add_calendar_days(start: dt.date, count: int, due: dt.date) -> None:
    assert add_calendar_days(start, count) == due


def test_working_days_between_counts_after_start_up_to_end() -> None:
    assert working_days_between(D(2026, 3, 20), D(2026, 3, 30)) == 3
    assert working_days_between(D(2026, 3, 20), D(2026, 3, 20)) == 0


def test_negative_working_days_are_refused() -> None:
    with pytest.raises(ValueError):
        add_working_days(D(2026, 1, 5), -1)


@settings(deadline=None)
@given(st.dates(D(2020, 1, 1), D(2030, 12, 31)), st.integers(0, 60))
def test_a_deadline_is_always_a_working_day(start: dt.date, count: int) -> None:
    assert is_working_day(add_calendar_days(start, count))
    assert is_working_day(next_working_day(start))
    if count:
        assert is_working_day(add_working_days(start, count))
        assert working_days_between(start, add_working_days(start, count)) == count

"""Working days of Kazakhstan: the Law «О праздниках», its weekend rule and each year's transfers of days off.

Every row names the act or announcement it checks (domain/data/holidays.yaml holds their addresses).
"""

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
from domain.errors import OutsideData

D = dt.date
LISTED = [row["year"] for row in table("holidays")["years"]]


@pytest.mark.parametrize(
    ("day", "working"),
    [
        # 2015: no transfer; egov.kz calendar: 9 March, 21-25 March, 11 May, 31 August; Kurban Ait Thursday 24 September
        pytest.param(D(2015, 3, 9), False, id="holidays_law_8_march_sunday_moved_2015"),
        pytest.param(D(2015, 3, 25), False, id="holidays_law_nauryz_weekend_moved_to_25_march_2015"),
        pytest.param(D(2015, 3, 26), True, id="holidays_law_day_after_nauryz_2015"),
        pytest.param(D(2015, 5, 11), False, id="holidays_law_victory_day_saturday_moved_2015"),
        pytest.param(D(2015, 8, 31), False, id="holidays_law_constitution_day_sunday_moved_2015"),
        pytest.param(D(2015, 9, 24), False, id="kurban_ait_2015_24_september"),
        pytest.param(D(2015, 9, 25), True, id="kurban_ait_2015_day_after_working"),
        # 2016 decree: Sat 5 March worked for Mon 7 March; Kurban Ait Monday 12 September
        pytest.param(D(2016, 3, 5), True, id="decree_2016_saturday_5_march_worked"),
        pytest.param(D(2016, 3, 7), False, id="decree_2016_monday_7_march_day_off"),
        pytest.param(D(2016, 5, 10), False, id="holidays_law_7_may_saturday_moved_past_9_may_2016"),
        pytest.param(D(2016, 9, 12), False, id="kurban_ait_2016_12_september"),
        pytest.param(D(2016, 12, 19), False, id="holidays_law_17_december_saturday_moved_2016"),
        # 2017 decree: Sat 18 March worked for Mon 20 March, Sat 1 July for Fri 7 July; Kurban Ait Friday 1 September
        pytest.param(D(2017, 1, 3), False, id="holidays_law_1_january_sunday_moved_past_2_january_2017"),
        pytest.param(D(2017, 3, 18), True, id="decree_2017_saturday_18_march_worked"),
        pytest.param(D(2017, 3, 20), False, id="decree_2017_monday_20_march_day_off"),
        pytest.param(D(2017, 7, 1), True, id="decree_2017_saturday_1_july_worked"),
        pytest.param(D(2017, 7, 7), False, id="decree_2017_friday_7_july_day_off"),
        pytest.param(D(2017, 8, 31), True, id="kurban_ait_2017_day_before_working"),
        pytest.param(D(2017, 9, 1), False, id="kurban_ait_2017_1_september"),
        # 2018 decree: five Saturdays worked for 9 March, 30 April, 8 May, 31 August, 31 December
        pytest.param(D(2018, 3, 3), True, id="decree_2018_saturday_3_march_worked"),
        pytest.param(D(2018, 3, 9), False, id="decree_2018_friday_9_march_day_off"),
        pytest.param(D(2018, 4, 28), True, id="decree_2018_saturday_28_april_worked"),
        pytest.param(D(2018, 4, 30), False, id="decree_2018_monday_30_april_day_off"),
        pytest.param(D(2018, 5, 5), True, id="decree_2018_saturday_5_may_worked"),
        pytest.param(D(2018, 5, 8), False, id="decree_2018_tuesday_8_may_day_off"),
        pytest.param(D(2018, 8, 21), False, id="kurban_ait_2018_21_august"),
        pytest.param(D(2018, 8, 25), True, id="decree_2018_saturday_25_august_worked"),
        pytest.param(D(2018, 8, 31), False, id="decree_2018_friday_31_august_day_off"),
        pytest.param(D(2018, 12, 3), False, id="holidays_law_1_december_saturday_moved_2018"),
        pytest.param(D(2018, 12, 29), True, id="decree_2018_saturday_29_december_worked"),
        pytest.param(D(2018, 12, 31), False, id="decree_2018_monday_31_december_day_off"),
        # 2019 decree: Sat 4 May worked for Fri 10 May; Kurban Ait on Sunday 11 August, not moved
        pytest.param(D(2019, 3, 25), False, id="holidays_law_nauryz_saturday_moved_2019"),
        pytest.param(D(2019, 5, 4), True, id="decree_2019_saturday_4_may_worked"),
        pytest.param(D(2019, 5, 10), False, id="decree_2019_friday_10_may_day_off"),
        pytest.param(D(2019, 7, 8), False, id="holidays_law_capital_day_saturday_moved_2019"),
        pytest.param(D(2019, 8, 12), True, id="kurban_ait_2019_sunday_not_moved_monday_works"),
        pytest.param(D(2019, 12, 2), False, id="holidays_law_first_president_day_sunday_moved_2019"),
        # 2020 decree: Sun 5 Jan worked for Fri 3 Jan; Mon 11 May worked for Fri 8 May; Sun 20 Dec worked for Fri 18 Dec
        pytest.param(D(2020, 1, 2), False, id="decree_2020_new_year_holiday"),
        pytest.param(D(2020, 1, 3), False, id="decree_2020_friday_3_january_day_off"),
        pytest.param(D(2020, 1, 5), True, id="decree_2020_sunday_5_january_worked"),
        pytest.param(D(2020, 1, 6), True, id="decree_2020_day_after_transfer_working"),
        pytest.param(D(2020, 5, 8), False, id="decree_2020_friday_8_may_day_off"),
        pytest.param(D(2020, 5, 11), True, id="decree_2020_monday_11_may_worked_instead"),
        pytest.param(D(2020, 7, 31), False, id="kurban_ait_2020_31_july"),
        pytest.param(D(2020, 8, 31), False, id="holidays_law_constitution_day_sunday_moved_2020"),
        pytest.param(D(2020, 12, 18), False, id="decree_2020_friday_18_december_day_off"),
        pytest.param(D(2020, 12, 20), True, id="decree_2020_sunday_20_december_worked"),
        pytest.param(D(2020, 12, 21), True, id="decree_2020_day_after_december_transfer"),
        # 2021 decree: Sat 3 July worked for Mon 5 July; Kurban Ait Tuesday 20 July
        pytest.param(D(2021, 1, 4), False, id="holidays_law_2_january_saturday_moved_2021"),
        pytest.param(D(2021, 3, 24), False, id="holidays_law_nauryz_sunday_moved_2021"),
        pytest.param(D(2021, 7, 3), True, id="decree_2021_saturday_3_july_worked"),
        pytest.param(D(2021, 7, 5), False, id="decree_2021_monday_5_july_day_off"),
        pytest.param(D(2021, 7, 20), False, id="kurban_ait_2021_20_july"),
        pytest.param(D(2021, 12, 17), False, id="holidays_law_17_december_still_holiday_2021"),
        # 2022: Sat 5 Mar worked for Mon 7 Mar; Sat 22 Oct worked for Mon 24 Oct; Kurban Ait on Saturday 9 July
        pytest.param(D(2022, 3, 4), True, id="decree_2022_day_before_march_transfer"),
        pytest.param(D(2022, 3, 5), True, id="decree_2022_saturday_5_march_worked"),
        pytest.param(D(2022, 3, 7), False, id="decree_2022_monday_7_march_day_off"),
        pytest.param(D(2022, 7, 11), True, id="kurban_ait_2022_saturday_not_moved"),
        pytest.param(D(2022, 10, 22), True, id="decree_2022_saturday_22_october_worked"),
        pytest.param(D(2022, 10, 24), False, id="decree_2022_monday_24_october_day_off"),
        pytest.param(D(2022, 10, 26), True, id="decree_2022_day_after_republic_day"),
        pytest.param(D(2022, 5, 10), False, id="holidays_law_7_may_saturday_moved_past_9_may_2022"),
        pytest.param(D(2022, 12, 1), True, id="holidays_law_first_president_day_removed_2022"),
        # 2023: Sat 1 Jul worked for Fri 7 Jul; Kurban Ait 28 June
        pytest.param(D(2023, 1, 9), True, id="holidays_law_7_january_saturday_not_moved_2023"),
        pytest.param(D(2023, 5, 8), False, id="holidays_law_7_may_sunday_moved_2023"),
        pytest.param(D(2023, 6, 28), False, id="kurban_ait_2023_28_june"),
        pytest.param(D(2023, 7, 1), True, id="decree_2023_saturday_1_july_worked"),
        pytest.param(D(2023, 7, 7), False, id="decree_2023_friday_7_july_day_off"),
        pytest.param(D(2023, 7, 10), True, id="decree_2023_day_after_july_transfer"),
        pytest.param(D(2023, 12, 18), False, id="holidays_law_independence_day_saturday_moved_2023"),
        # 2024: order of 17.04.2024, Sat 4 May worked for Wed 8 May; Kurban Ait on Sunday 16 June, 17 June worked
        pytest.param(D(2024, 3, 25), False, id="holidays_law_nauryz_saturday_moved_2024"),
        pytest.param(D(2024, 5, 4), True, id="order_2024_saturday_4_may_worked"),
        pytest.param(D(2024, 5, 8), False, id="order_2024_wednesday_8_may_day_off"),
        pytest.param(D(2024, 6, 17), True, id="kurban_ait_2024_sunday_not_moved_monday_works"),
        pytest.param(D(2024, 7, 8), False, id="holidays_law_capital_day_saturday_moved_2024"),
        # 2025 and 2026
        pytest.param(D(2025, 1, 3), False, id="transfer_2025_friday_3_january_day_off"),
        pytest.param(D(2025, 1, 5), True, id="transfer_2025_sunday_5_january_worked"),
        pytest.param(D(2025, 1, 6), True, id="transfer_2025_day_after"),
        pytest.param(D(2025, 6, 6), False, id="kurban_ait_2025"),
        pytest.param(D(2025, 9, 1), False, id="holidays_law_constitution_day_saturday_moved_2025"),
        pytest.param(D(2025, 12, 17), True, id="holidays_law_17_december_no_longer_holiday_2025"),
        pytest.param(D(2026, 3, 9), False, id="holidays_law_8_march_sunday_moved_to_monday_2026"),
        pytest.param(D(2026, 3, 25), False, id="holidays_law_nauryz_21_22_weekend_moved_to_24_25_2026"),
        pytest.param(D(2026, 3, 26), True, id="holidays_law_day_after_nauryz_2026"),
        pytest.param(D(2026, 5, 11), False, id="holidays_law_victory_day_saturday_moved_2026"),
        pytest.param(D(2026, 5, 27), False, id="kurban_ait_2026"),
        pytest.param(D(2026, 10, 26), False, id="holidays_law_republic_day_sunday_moved_2026"),
        # 30 August no longer Constitution Day from 2026 (Ministry of Labour, 18.03.2026,
        # taspanews.kz/novosti-kazakhstana/v-etom-godu-u-kazakhstantsev-ne-budet-odnogo-vykhodnogo-795514517615)
        pytest.param(D(2026, 8, 28), True, id="friday_before_former_constitution_day_2026"),
        pytest.param(D(2026, 8, 31), True, id="former_constitution_day_sunday_not_moved_2026"),
        pytest.param(D(2026, 9, 1), True, id="day_after_former_constitution_day_2026"),
    ],
)
def test_is_working_day(day: dt.date, working: bool) -> None:
    assert is_working_day(day) is working
    assert (next_working_day(day) == day) is working


@pytest.mark.parametrize(
    ("year", "swaps"),
    [
        pytest.param(2015, set(), id="no_transfer_2015"),
        pytest.param(2016, {D(2016, 3, 7)}, id="decree_2016"),
        pytest.param(2017, {D(2017, 3, 20), D(2017, 7, 7)}, id="decree_2017"),
        pytest.param(
            2018, {D(2018, 3, 9), D(2018, 4, 30), D(2018, 5, 8), D(2018, 8, 31), D(2018, 12, 31)}, id="decree_2018"
        ),
        pytest.param(2019, {D(2019, 5, 10)}, id="decree_2019"),
        pytest.param(2020, {D(2020, 1, 3), D(2020, 5, 8), D(2020, 12, 18)}, id="decree_2020"),
        pytest.param(2021, {D(2021, 7, 5)}, id="decree_2021"),
        pytest.param(2022, {D(2022, 3, 7), D(2022, 10, 24)}, id="decree_2022"),
        pytest.param(2023, {D(2023, 7, 7)}, id="decree_2023"),
        pytest.param(2024, {D(2024, 5, 8)}, id="order_2024"),
        pytest.param(2025, {D(2025, 1, 3)}, id="transfer_2025"),
        pytest.param(2026, set(), id="no_transfer_2026"),
    ],
)
def test_the_years_days_off_differ_from_the_law_rule_only_by_the_transfers(year: int, swaps: set[dt.date]) -> None:
    assert set(year_calendar(year).days_off) - generated_days_off(year) == swaps


@pytest.mark.parametrize("year", [2014, 2027])
def test_a_year_without_a_calendar_is_refused_naming_the_file(year: int) -> None:
    assert not is_verified_year(year)
    with pytest.raises(OutsideData, match=rf"no government calendar for {year} in domain/data/holidays.yaml"):
        next_working_day(D(year, 5, 4))
    with pytest.raises(OutsideData, match="domain/data/holidays.yaml"):
        add_calendar_days(D(year, 5, 4), 3)


def test_scheduling_still_answers_for_a_year_without_a_calendar_by_the_law_rule() -> None:
    assert is_working_day(D(2027, 1, 4)) is False  # 2 Jan 2027 is a Saturday: the Law moves it to Monday 4 Jan
    assert is_working_day(D(2027, 1, 5)) is True


@pytest.mark.parametrize(
    ("start", "count", "due"),
    [
        pytest.param(D(2026, 3, 20), 3, D(2026, 3, 30), id="cc_173_working_days_skip_nauryz"),
        pytest.param(D(2026, 3, 20), 0, D(2026, 3, 20), id="cc_173_zero_working_days_is_start"),
        pytest.param(D(2025, 1, 2), 1, D(2025, 1, 5), id="cc_173_transferred_working_sunday_counts"),
        pytest.param(D(2020, 5, 7), 1, D(2020, 5, 11), id="cc_173_decree_2020_monday_worked_counts"),
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
        pytest.param(D(2023, 7, 4), 3, D(2023, 7, 10), id="cc_175_decree_2023_friday_off_moves_to_monday"),
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
@given(st.sampled_from(LISTED), st.integers(1, 300), st.integers(0, 40))
def test_a_term_ends_on_a_working_day(year: int, day_of_year: int, count: int) -> None:
    start = D(year, 1, 1) + dt.timedelta(days=day_of_year)
    if (start + dt.timedelta(days=count + 20)).year not in LISTED:
        return
    assert is_working_day(add_calendar_days(start, count))
    assert is_working_day(next_working_day(start))
    if count:
        assert working_days_between(start, add_working_days(start, count)) == count

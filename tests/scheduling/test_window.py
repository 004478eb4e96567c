"""The night window as pure logic: inside or not, when it opened, when it closes."""

from __future__ import annotations

import datetime as dt

import pytest

from app.scheduling.window import Window
from tests.scheduling.conftest import almaty

NIGHT = Window(start=dt.time(22, 0), end=dt.time(6, 30))
DAY = Window(start=dt.time(9, 0), end=dt.time(18, 0))


@pytest.mark.parametrize(
    ("window", "moment", "inside"),
    [
        (NIGHT, almaty(2026, 3, 10, 21, 59), False),
        (NIGHT, almaty(2026, 3, 10, 22, 0), True),
        (NIGHT, almaty(2026, 3, 11, 0, 15), True),
        (NIGHT, almaty(2026, 3, 11, 6, 29), True),
        (NIGHT, almaty(2026, 3, 11, 6, 30), False),
        (NIGHT, almaty(2026, 3, 11, 12, 0), False),
        (DAY, almaty(2026, 3, 10, 8, 59), False),
        (DAY, almaty(2026, 3, 10, 9, 0), True),
        (DAY, almaty(2026, 3, 10, 18, 0), False),
    ],
    ids=lambda v: str(v),
)
def test_contains(window: Window, moment: dt.datetime, inside: bool) -> None:
    assert window.contains(moment) is inside


def test_night_window_closes_next_morning_whether_started_before_or_after_midnight() -> None:
    assert NIGHT.closes_at(almaty(2026, 3, 10, 22, 0)) == almaty(2026, 3, 11, 6, 30)
    assert NIGHT.closes_at(almaty(2026, 3, 11, 3, 0)) == almaty(2026, 3, 11, 6, 30)
    assert NIGHT.opened_at(almaty(2026, 3, 11, 3, 0)) == almaty(2026, 3, 10, 22, 0)


def test_outside_the_window_it_neither_opened_nor_closes() -> None:
    assert NIGHT.closes_at(almaty(2026, 3, 11, 7, 0)) is None
    assert NIGHT.opened_at(almaty(2026, 3, 11, 7, 0)) is None


def test_day_window_closes_the_same_day() -> None:
    assert DAY.closes_at(almaty(2026, 3, 10, 10, 0)) == almaty(2026, 3, 10, 18, 0)


def test_a_moment_in_another_zone_is_read_in_almaty() -> None:
    utc_evening = dt.datetime(2026, 3, 10, 17, 30, tzinfo=dt.UTC)  # 22:30 in Almaty (UTC+5)
    assert NIGHT.contains(utc_evening)


def test_unquoted_yaml_times_read_back_as_clock_times() -> None:
    assert Window.model_validate({"start": 1320, "end": "06:30"}).start == dt.time(22, 0)


def test_an_empty_window_is_refused() -> None:
    with pytest.raises(ValueError, match="never open"):
        Window(start=dt.time(22, 0), end=dt.time(22, 0))

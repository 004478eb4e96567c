"""Cron in Asia/Almaty on Kazakhstan's working days: public holidays, their transfers, and the weekday numbers trap."""

from __future__ import annotations

import itertools

import pytest

from app.scheduling.trigger import CalendarCronTrigger
from tests.scheduling.conftest import almaty


def test_nightly_fires_skip_the_nauryz_holidays_and_the_weekend() -> None:
    trigger = CalendarCronTrigger("0 22 * * *", "kz-working-days")
    fires = list(itertools.islice(trigger.fire_times(almaty(2026, 3, 20, 12, 0)), 3))
    # Fri 20 Mar; Sat–Sun; 23–25 Mar are Nauryz days off in 2026; Thu 26, Fri 27, Mon 30
    assert fires == [almaty(2026, 3, 20, 22, 0), almaty(2026, 3, 26, 22, 0), almaty(2026, 3, 27, 22, 0)]


def test_a_government_transfer_makes_a_sunday_a_fire_day_and_a_friday_not() -> None:
    trigger = CalendarCronTrigger("0 22 * * *", "kz-working-days")
    fires = list(itertools.islice(trigger.fire_times(almaty(2025, 1, 2, 23, 0)), 2))
    # 2025: Fri 3 Jan was a day off moved from Sun 5 Jan, which was a working day
    assert fires == [almaty(2025, 1, 5, 22, 0), almaty(2025, 1, 6, 22, 0)]


def test_every_day_calendar_fires_on_holidays_too() -> None:
    trigger = CalendarCronTrigger("0 22 * * *", "every-day")
    assert next(trigger.fire_times(almaty(2026, 3, 23, 12, 0))) == almaty(2026, 3, 23, 22, 0)


def test_last_fire_is_the_latest_due_one_within_the_grace() -> None:
    trigger = CalendarCronTrigger("0 * * * *", "every-day")
    assert trigger.last_fire(almaty(2026, 3, 20, 5, 10), almaty(2026, 3, 20, 1, 30)) == almaty(2026, 3, 20, 5, 0)
    assert trigger.last_fire(almaty(2026, 3, 20, 5, 10), almaty(2026, 3, 20, 5, 5)) is None


def test_numeric_weekdays_are_refused_because_apscheduler_3_counts_from_monday() -> None:
    with pytest.raises(ValueError, match="names"):
        CalendarCronTrigger("0 22 * * 1-5")


def test_survives_pickling_for_the_job_store() -> None:
    import pickle

    trigger = pickle.loads(pickle.dumps(CalendarCronTrigger("30 22 * * mon-fri")))
    assert next(trigger.fire_times(almaty(2026, 3, 20, 23, 0))) == almaty(2026, 3, 26, 22, 30)

"""The working-day calendars a schedule may name; Kazakhstan's comes from domain.calendar, the project's only one."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from domain.calendar import is_working_day as kz_is_working_day

DayRule = Callable[[dt.date], bool]


def every_day(day: dt.date) -> bool:
    """For flows that must run on holidays too (none of the bailiffs' registries care about weekends)."""
    return True


CALENDARS: dict[str, DayRule] = {
    "kz-working-days": kz_is_working_day,
    "every-day": every_day,
}


def is_working_day(day: dt.date, calendar: str = "kz-working-days") -> bool:
    """True when a schedule on `calendar` may fire on `day`: public holidays and transfers per domain.calendar."""
    return CALENDARS[calendar](day)

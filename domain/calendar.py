"""Working days of Kazakhstan: public holidays, their weekend transfers, and the days the government swapped.

Law «О праздниках в Республике Казахстан»; Labour Code (transfers by the government, since 2024 by the Minister of
Labour's order). A year's calendar is the Law's days off plus the transfers read in that year's act, from
domain/data/holidays.yaml. A year the file does not list has no calendar: every legal term (next_working_day, the
add_* functions, working_days_between) refuses it with OutsideData naming the file, instead of guessing.
`is_working_day` alone answers for any year — a year without a calendar by the Law's rule only — because the
scheduler asks it about days not yet decreed; it is never used for a term.
"""

from __future__ import annotations

import datetime as dt
from calendar import monthrange
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from domain.data import table, table_path
from domain.errors import OutsideData

ONE_DAY = dt.timedelta(days=1)
HOLIDAYS_FILE = table_path("holidays")


@dataclass(frozen=True)
class YearCalendar:
    """Weekday days off and weekend working days of one year, and whether a government calendar confirms them."""

    year: int
    days_off: frozenset[dt.date]
    working_weekends: frozenset[dt.date]
    verified: bool
    source: str


@lru_cache(maxsize=64)
def year_calendar(year: int) -> YearCalendar:
    """The year's calendar from its act's transfers; a year without one is refused (OutsideData names the file)."""
    entry = _year_entry(year)
    if entry is None:
        listed = ", ".join(str(row["year"]) for row in table("holidays")["years"])
        raise OutsideData(
            f"calendar: no government calendar for {year} in {HOLIDAYS_FILE} (years listed: {listed}); "
            f"add the year's transfers of days off and Kurban Ait with their sources",
            what="calendar",
            table=HOLIDAYS_FILE,
            on=dt.date(year, 1, 1),
        )
    if _kurban_ait(year) is None:
        raise OutsideData(
            f"calendar: no Kurban Ait date for {year} in {HOLIDAYS_FILE}",
            what="Kurban Ait",
            table=HOLIDAYS_FILE,
            on=dt.date(year, 1, 1),
        )
    days_off, worked = set(generated_days_off(year)), set()
    for transfer in entry["transfers"]:
        days_off.add(transfer["day_off"])
        days_off.discard(transfer["worked"])
        worked.add(transfer["worked"])
    weekends = frozenset(d for d in worked if d.weekday() >= 5)
    return YearCalendar(year, frozenset(d for d in days_off if d.weekday() < 5), weekends, True, entry["source"])


def generated_days_off(year: int) -> frozenset[dt.date]:
    """Days off by the Law on holidays alone: holidays, and a holiday on Sat/Sun moved to the next free weekday."""
    holidays = _holidays(year)
    days_off = {day for day, _ in holidays if day.weekday() < 5}
    for holiday, moves in holidays:
        if moves and holiday.weekday() >= 5:
            days_off.add(_next_free_weekday(holiday, days_off | {d for d, _ in holidays}))
    return frozenset(days_off)


def is_verified_year(year: int) -> bool:
    """True when the data holds the year's calendar (its transfers and Kurban Ait were read)."""
    return _year_entry(year) is not None and _kurban_ait(year) is not None


def is_working_day(day: dt.date) -> bool:
    """Mon–Fri not a day off, or a weekend day made a working day; a year without a calendar by the Law's rule only.

    For scheduling only: the legal terms below use the strict calendar and refuse a year the data does not hold.
    """
    if not is_verified_year(day.year):
        return day.weekday() < 5 and day not in generated_days_off(day.year)
    return _working(day)


def next_working_day(day: dt.date) -> dt.date:
    """The day itself when it is a working day, else the next working day (CC art. 175)."""
    while not _working(day):
        day += ONE_DAY
    return day


def add_working_days(day: dt.date, count: int) -> dt.date:
    """The `count`-th working day after `day` (the start day itself is not counted, CC art. 173)."""
    if count < 0:
        raise ValueError("count of working days must be non-negative")
    year_calendar(day.year)
    for _ in range(count):
        day = next_working_day(day + ONE_DAY)
    return day


def add_calendar_days(day: dt.date, count: int) -> dt.date:
    """`count` calendar days after `day`; the last day is then moved off a non-working day (CC arts. 173, 175)."""
    year_calendar(day.year)
    return next_working_day(day + dt.timedelta(days=count))


def add_months(day: dt.date, months: int) -> dt.date:
    """The corresponding date `months` later; the month's last day if it has no such date (CC art. 174)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return dt.date(year, month, min(day.day, monthrange(year, month)[1]))


def working_days_between(start: dt.date, end: dt.date) -> int:
    """Working days in (start, end]: how many working days after `start` `end` falls."""
    return sum(1 for offset in range(1, (end - start).days + 1) if _working(start + dt.timedelta(days=offset)))


def _working(day: dt.date) -> bool:
    calendar = year_calendar(day.year)
    if day in calendar.working_weekends:
        return True
    return day.weekday() < 5 and day not in calendar.days_off


def _year_entry(year: int) -> Mapping[str, Any] | None:
    return next((row for row in table("holidays")["years"] if row["year"] == year), None)


def _kurban_ait(year: int) -> dt.date | None:
    return next((row["date"] for row in table("holidays")["kurban_ait"] if row["date"].year == year), None)


def _holidays(year: int) -> list[tuple[dt.date, bool]]:
    data = table("holidays")
    fixed = [
        (dt.date(year, row["month"], row["day"]), row["moves"])
        for row in data["fixed"]
        if row.get("first_year", year) <= year <= row.get("last_year", year)
    ]
    lunar = [(row["date"], False) for row in data["kurban_ait"] if row["date"].year == year]
    return sorted(fixed + lunar)


def _next_free_weekday(day: dt.date, taken: set[dt.date]) -> dt.date:
    while day.weekday() >= 5 or day in taken:
        day += ONE_DAY
    return day

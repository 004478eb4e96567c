"""A cron trigger in Asia/Almaty that fires only on the days its calendar allows (no fire on a public holiday)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Any

from apscheduler.triggers.base import BaseTrigger
from apscheduler.triggers.cron import CronTrigger

from app.scheduling.calendar_adapter import CALENDARS
from orynda.clock import ALMATY

# A year of skipped fires means the calendar allows no day at all: stop looking rather than loop forever.
HORIZON = dt.timedelta(days=366)
_DIGIT = re.compile(r"\d")


def parse_cron(expr: str) -> CronTrigger:
    """Five crontab fields; weekdays by name, since APScheduler 3 numbers them from Monday and cron from Sunday."""
    fields = expr.split()
    if len(fields) == 5 and _DIGIT.search(fields[4]):
        raise ValueError(f"day-of-week {fields[4]!r}: write names (mon-fri, sat, sun), not numbers")
    return CronTrigger.from_crontab(expr, timezone=ALMATY)


class CalendarCronTrigger(BaseTrigger):  # type: ignore[misc]  # APScheduler 3 ships no type hints
    """Cron fire times, minus those falling on days the calendar rules out."""

    def __init__(self, cron: str, calendar: str = "kz-working-days") -> None:
        if calendar not in CALENDARS:
            raise ValueError(f"unknown calendar {calendar!r}; known: {', '.join(CALENDARS)}")
        self.cron, self.calendar = cron, calendar
        self._trigger = parse_cron(cron)

    def get_next_fire_time(self, previous_fire_time: dt.datetime | None, now: dt.datetime) -> dt.datetime | None:
        """The cron's next time on an allowed day (APScheduler calls this; missed times are asked for in order)."""
        allowed = CALENDARS[self.calendar]
        fire: dt.datetime | None = self._trigger.get_next_fire_time(previous_fire_time, now)
        limit = now + HORIZON
        while fire is not None and not allowed(fire.astimezone(ALMATY).date()):
            if fire > limit:
                return None
            fire = self._trigger.get_next_fire_time(fire, fire)
        return fire

    def fire_times(self, after: dt.datetime) -> Iterator[dt.datetime]:
        """Every fire time after `after`, for `runner.py schedules`."""
        fire = self.get_next_fire_time(None, after)
        while fire is not None:
            yield fire
            fire = self.get_next_fire_time(fire, fire)

    def last_fire(self, now: dt.datetime, since: dt.datetime) -> dt.datetime | None:
        """The latest fire time in (since, now]: which fire a job running at `now` stands for (coalesced)."""
        last = None
        for fire in self.fire_times(since):
            if fire > now:
                break
            last = fire
        return last

    def __getstate__(self) -> dict[str, Any]:
        return {"version": 1, "cron": self.cron, "calendar": self.calendar}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["cron"], state["calendar"])  # type: ignore[misc]

    def __str__(self) -> str:
        return f"{self.cron} ({self.calendar})"

    def __repr__(self) -> str:
        return f"<CalendarCronTrigger cron={self.cron!r} calendar={self.calendar!r}>"

"""The night window of a schedule (e.g. 22:00–06:30, Asia/Almaty): pure logic over a given moment, no clock."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, ConfigDict, field_validator, model_validator

from orynda.clock import ALMATY

ONE_DAY = dt.timedelta(days=1)


class Window(BaseModel):
    """When a flow may take new items; an end before the start means the window crosses midnight."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    start: dt.time
    end: dt.time

    @field_validator("start", "end", mode="before")
    @classmethod
    def _sexagesimal(cls, value: Any) -> Any:
        """Unquoted 22:00 reaches us from YAML 1.1 as the integer 1320 (minutes): read it back as a time."""
        if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 24 * 60:
            return dt.time(*divmod(value, 60))
        return value

    @model_validator(mode="after")
    def _not_empty(self) -> Window:
        if self.start == self.end:
            raise ValueError("the window's start and end are the same time; it would never open")
        return self

    @property
    def crosses_midnight(self) -> bool:
        return self.end < self.start

    def contains(self, moment: dt.datetime) -> bool:
        """True while new items may be taken at `moment` (start inclusive, end exclusive)."""
        t = _local(moment).time()
        if self.crosses_midnight:
            return t >= self.start or t < self.end
        return self.start <= t < self.end

    def opened_at(self, moment: dt.datetime) -> dt.datetime | None:
        """The start of the window that contains `moment`; None outside it."""
        if not self.contains(moment):
            return None
        local = _local(moment)
        day = local.date() - ONE_DAY if self.crosses_midnight and local.time() < self.end else local.date()
        return dt.datetime.combine(day, self.start, tzinfo=ALMATY)

    def closes_at(self, moment: dt.datetime) -> dt.datetime | None:
        """The end of the window that contains `moment`: the run pauses there. None outside the window."""
        opened = self.opened_at(moment)
        if opened is None:
            return None
        day = opened.date() + ONE_DAY if self.crosses_midnight else opened.date()
        return dt.datetime.combine(day, self.end, tzinfo=ALMATY)

    def __str__(self) -> str:
        return f"{self.start:%H:%M}–{self.end:%H:%M}"


def _local(moment: dt.datetime) -> dt.datetime:
    if moment.tzinfo is None:
        raise ValueError("naive datetime given to a window")
    return moment.astimezone(ALMATY)

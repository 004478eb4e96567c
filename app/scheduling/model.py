"""schedules.yaml as typed models: one entry per scheduled flow, and who gets the e-mail after each run.

An error names the file, the line and the key path, e.g.
`schedules.yaml:7: schedules.nightly.window.end: Input should be in a valid time format`.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, SecretStr, field_validator

from app.catalog import FLOWS
from app.scheduling.calendar_adapter import CALENDARS
from app.scheduling.trigger import CalendarCronTrigger, parse_cron
from app.scheduling.window import Window
from orynda.yamlfile import load_model

DEFAULT_FILE = Path("schedules.yaml")
PASSWORD_ENV = "ORYNDA_SMTP_PASSWORD"
_ADDRESS = re.compile(r"^[^@\s]+@[^@\s]+$")


def _address(value: str) -> str:
    if not _ADDRESS.match(value):
        raise ValueError(f"{value!r} is not an e-mail address")
    return value


Address = Annotated[str, AfterValidator(_address)]


class Schedule(BaseModel):
    """One scheduled flow: when it fires (cron, Asia/Almaty), on which days, in which window, with what."""

    model_config = ConfigDict(extra="forbid")
    flow: str = Field(description="Flow name, as in `runner.py list`")
    cron: str = Field(description="minute hour day month weekday, Asia/Almaty; weekdays by name (mon-fri)")
    calendar: str = Field("kz-working-days", description="Days it may fire: kz-working-days or every-day")
    window: Window | None = Field(None, description="When new items may be taken; a run pauses at its end")
    params: dict[str, Any] = Field(default_factory=dict, description="The flow's parameters (e.g. input: path)")
    misfire_grace_s: int = Field(3600, ge=1, description="How late a missed fire may still run (one catch-up)")
    enabled: bool = Field(True, description="False keeps the entry but never fires it")
    preflight: bool = Field(True, description="Check every selector of the flow's sites before the run (false: not)")

    @field_validator("flow")
    @classmethod
    def _known_flow(cls, name: str) -> str:
        if name not in FLOWS:
            raise ValueError(f"no flow {name!r}; known flows: {', '.join(sorted(FLOWS))}")
        return name

    @field_validator("cron")
    @classmethod
    def _valid_cron(cls, expr: str) -> str:
        parse_cron(expr)
        return expr

    @field_validator("calendar")
    @classmethod
    def _known_calendar(cls, name: str) -> str:
        if name not in CALENDARS:
            raise ValueError(f"unknown calendar {name!r}; known: {', '.join(CALENDARS)}")
        return name

    def trigger(self) -> CalendarCronTrigger:
        return CalendarCronTrigger(self.cron, self.calendar)


class Notify(BaseModel):
    """The summary e-mail after each scheduled run; the SMTP password only from $ORYNDA_SMTP_PASSWORD."""

    model_config = ConfigDict(extra="forbid")
    smtp_host: str = Field("localhost", description="SMTP server")
    smtp_port: int = Field(25, ge=1, le=65535, description="SMTP port (587 with starttls)")
    starttls: bool = Field(False, description="Upgrade the connection with STARTTLS before logging in")
    username: str | None = Field(None, description="SMTP login; empty: no login")
    sender: Address = Field("orynda@localhost", description="From: address")
    supervisors: list[Address] = Field(default_factory=list, description="To: addresses; empty: no e-mail")
    timeout_s: float = Field(30.0, gt=0, description="How long the SMTP server may take to answer")
    report_max_mb: float = Field(
        10.0, gt=0, description="Largest report attached to the e-mail, MB; a larger one is only named by its path"
    )

    @property
    def password(self) -> SecretStr | None:
        value = os.environ.get(PASSWORD_ENV)
        return SecretStr(value) if value else None


class SchedulesFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    schedules: dict[str, Schedule] = Field(default_factory=dict, description="Entries by name (the job id)")
    notify: Notify = Notify()


def schedules_path(path: Path | None = None) -> Path:
    """The file named, else $ORYNDA_SCHEDULES, else schedules.yaml in the working directory."""
    return path or Path(os.environ.get("ORYNDA_SCHEDULES") or DEFAULT_FILE)


def load_schedules(path: Path | None = None) -> SchedulesFile:
    """The typed schedules; a bad entry stops with file:line and the key path."""
    return load_model(schedules_path(path), SchedulesFile)

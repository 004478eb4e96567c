"""Scheduling fixtures: a controllable clock for APScheduler and our jobs, a scheduler driven by hand, a test flow,
and a local SMTP server (aiosmtpd) that keeps what it receives."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from email import message_from_bytes, policy
from email.message import EmailMessage
from typing import Any

import apscheduler.executors.base
import apscheduler.schedulers.base
import pytest
from aiosmtpd.controller import Controller
from apscheduler.schedulers.base import BaseScheduler

from app import catalog
from orynda.clock import ALMATY
from sandbox.server import free_port
from tests.scheduling import fakeflow


def almaty(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=ALMATY)  # type: ignore[arg-type, misc]


class FakeClock:
    """Time that moves only when a test moves it."""

    def __init__(self, start: dt.datetime) -> None:
        self.moment = start

    def __call__(self) -> dt.datetime:
        return self.moment

    def set(self, *args: int) -> dt.datetime:
        self.moment = almaty(*args)
        return self.moment


@pytest.fixture
def fake_clock(monkeypatch: pytest.MonkeyPatch) -> FakeClock:
    """One clock for APScheduler's 'now' (due jobs, misfire check) and for the test."""
    clock = FakeClock(almaty(2026, 3, 20, 12, 0))

    class FakeDatetime(dt.datetime):
        @classmethod
        def now(cls, tz: Any = None) -> dt.datetime:  # type: ignore[override]
            return clock().astimezone(tz) if tz else clock().replace(tzinfo=None)

    monkeypatch.setattr(apscheduler.schedulers.base, "datetime", FakeDatetime)
    monkeypatch.setattr(apscheduler.executors.base, "datetime", FakeDatetime)
    return clock


class ManualScheduler(BaseScheduler):
    """Processes due jobs only when a test calls tick(); jobs run in the caller's thread (DebugExecutor)."""

    def shutdown(self, wait: bool = True) -> None:
        super().shutdown(wait)

    def wakeup(self) -> None:
        pass

    def tick(self) -> None:
        self._process_jobs()


@pytest.fixture
def fake_flow(monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setitem(catalog.FLOWS, fakeflow.FLOW.name, fakeflow.FLOW)
    return "fake_count"


class Inbox:
    """What the local SMTP server received."""

    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []
        self.recipients: list[list[str]] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.messages.append(message_from_bytes(envelope.content, policy=policy.default))  # type: ignore[arg-type]
        self.recipients.append(list(envelope.rcpt_tos))
        return "250 Message accepted for delivery"


@pytest.fixture
def smtp_server() -> Iterator[tuple[Inbox, int]]:
    inbox, port = Inbox(), free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield inbox, port
    finally:
        controller.stop()


@pytest.fixture
def plain_settings(tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> Any:
    """Settings for runs of the test flow: own home and database, no sandbox needed."""
    from orynda.config import load_settings

    monkeypatch.chdir(tmp_path)
    for key in [k for k in __import__("os").environ if k.startswith("ORYNDA_")]:
        monkeypatch.delenv(key)
    return load_settings(home=tmp_path / "home", workers=2)

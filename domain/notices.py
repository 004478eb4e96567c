"""Notices to the debtor through the state notification gateway: what a message came to, which channel goes next,
and the voluntary-execution term that delivery starts (Law 261-IV art. 37 p.4, counted by domain/deadlines.py).

Pure: the flow asks the gateway and hands the answers here."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from zoneinfo import ZoneInfo

from domain.deadlines import Deadline, voluntary_execution_deadline
from domain.records import Record

ALMATY = ZoneInfo("Asia/Almaty")


class Channel(StrEnum):
    SMS = "sms"
    PUSH = "push"


class Delivery(StrEnum):
    """A message's status as the gateway reports it: sent (no receipt yet) or its receipt's outcome."""

    SENT = "sent"
    DELIVERED = "delivered"
    FAILED = "failed"
    UNKNOWN_NUMBER = "unknown_number"


class SentMessage(Record):
    """One message of the gateway: its number, channel, status and when it was sent and its receipt came."""

    id: str
    channel: Channel
    status: Delivery
    sent_at: dt.datetime
    receipt_at: dt.datetime | None = None


class Next(StrEnum):
    """What a notice needs after its latest message."""

    DELIVERED = "delivered"  # done: the term runs from delivery
    WAIT = "wait"  # no receipt yet, still within the wait
    NEXT_CHANNEL = "next_channel"  # bounced, or no receipt past the wait: the other channel
    PERSON = "person"  # every channel tried: a person tells the debtor


def channels(first: Channel) -> tuple[Channel, Channel]:
    """The order the channels are tried in: the chosen one, then the other (push ↔ SMS)."""
    return (first, Channel.PUSH if first is Channel.SMS else Channel.SMS)


def next_step(message: SentMessage, now: dt.datetime, wait: dt.timedelta, last_channel: bool) -> Next:
    """After a message: delivered, keep waiting for its receipt, or try the next channel (or a person after the
    last one). A message without a receipt past `wait` counts as not delivered."""
    if message.status is Delivery.DELIVERED:
        return Next.DELIVERED
    if message.status is Delivery.SENT and now - message.sent_at < wait:
        return Next.WAIT
    return Next.PERSON if last_channel else Next.NEXT_CHANNEL


def delivery_day(message: SentMessage) -> dt.date:
    """The day the debtor received the notice: the receipt's day on Almaty's clock."""
    moment = message.receipt_at or message.sent_at
    return moment.astimezone(ALMATY).date()


def voluntary_term(message: SentMessage) -> Deadline:
    """The debtor's term for voluntary execution, from the day the notice was delivered."""
    return voluntary_execution_deadline(delivery_day(message))


@dataclass(frozen=True)
class NoticeText:
    """The text sent, in both state languages, one message (Kazakh first, as the gateway's messages are)."""

    kk: str
    ru: str

    def message(self) -> str:
        return f"{self.kk}\n{self.ru}"

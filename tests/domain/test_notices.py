"""Notices: the channel tried next, the step after a message, and the voluntary term from the day of delivery."""

from __future__ import annotations

import datetime as dt

import pytest

from domain.notices import (
    ALMATY,
    Channel,
    Delivery,
    Next,
    NoticeText,
    SentMessage,
    channels,
    delivery_day,
    next_step,
    voluntary_term,
)

NOW = dt.datetime(2026, 3, 3, 2, 0, tzinfo=ALMATY)
DAY = dt.timedelta(hours=24)


def message(status: Delivery, sent_hours_ago: float, receipt: dt.datetime | None = None) -> SentMessage:
    return SentMessage(
        id="N000001",
        channel=Channel.SMS,
        status=status,
        sent_at=NOW - dt.timedelta(hours=sent_hours_ago),
        receipt_at=receipt,
    )


@pytest.mark.parametrize(
    ("first", "order"),
    [(Channel.SMS, (Channel.SMS, Channel.PUSH)), (Channel.PUSH, (Channel.PUSH, Channel.SMS))],
    ids=["sms-first", "push-first"],
)
def test_the_other_channel_comes_second(first: Channel, order: tuple[Channel, Channel]) -> None:
    assert channels(first) == order


@pytest.mark.parametrize(
    ("status", "hours_ago", "wait", "last", "expected"),
    [
        (Delivery.DELIVERED, 1, DAY, False, Next.DELIVERED),
        (Delivery.DELIVERED, 100, DAY, True, Next.DELIVERED),
        (Delivery.SENT, 1, DAY, False, Next.WAIT),
        (Delivery.SENT, 23.9, DAY, True, Next.WAIT),
        (Delivery.SENT, 24, DAY, False, Next.NEXT_CHANNEL),
        (Delivery.SENT, 25, DAY, True, Next.PERSON),
        (Delivery.SENT, 0, dt.timedelta(0), False, Next.NEXT_CHANNEL),
        (Delivery.FAILED, 0.1, DAY, False, Next.NEXT_CHANNEL),
        (Delivery.UNKNOWN_NUMBER, 0.1, DAY, False, Next.NEXT_CHANNEL),
        (Delivery.FAILED, 0.1, DAY, True, Next.PERSON),
        (Delivery.UNKNOWN_NUMBER, 30, DAY, True, Next.PERSON),
    ],
    ids=[
        "delivered",
        "delivered-late-on-the-last-channel",
        "no-receipt-yet",
        "no-receipt-just-within-the-wait",
        "no-receipt-at-the-end-of-the-wait",
        "no-receipt-on-the-last-channel",
        "no-wait",
        "failed",
        "unknown-number",
        "failed-on-the-last-channel",
        "unknown-number-on-the-last-channel",
    ],
)
def test_the_step_after_a_message(
    status: Delivery, hours_ago: float, wait: dt.timedelta, last: bool, expected: Next
) -> None:
    assert next_step(message(status, hours_ago), NOW, wait, last_channel=last) is expected


@pytest.mark.parametrize(
    ("receipt", "delivered", "due"),
    [
        # 5 calendar days (art. 37 p.4, 2010 text); a last day off moves to the next working day (CC art. 175)
        (dt.datetime(2026, 6, 10, 11, 0, tzinfo=ALMATY), dt.date(2026, 6, 10), dt.date(2026, 6, 15)),
        (dt.datetime(2026, 12, 1, 9, 0, tzinfo=ALMATY), dt.date(2026, 12, 1), dt.date(2026, 12, 7)),
        # 7 March is a Saturday and 8 March's holiday moves to Monday 9 March
        (dt.datetime(2026, 3, 2, 9, 0, tzinfo=ALMATY), dt.date(2026, 3, 2), dt.date(2026, 3, 10)),
        # Independence Day (16-17 December) within the term, the last day a Saturday
        (dt.datetime(2026, 12, 14, 18, 0, tzinfo=ALMATY), dt.date(2026, 12, 14), dt.date(2026, 12, 21)),
        # a receipt at 20:30 UTC on 1 March is 01:30 on 2 March in Almaty: the day of delivery is Almaty's
        (dt.datetime(2026, 3, 1, 20, 30, tzinfo=dt.UTC), dt.date(2026, 3, 2), dt.date(2026, 3, 10)),
    ],
    ids=["weekday", "ends-on-sunday", "march-holiday", "december-holidays", "almaty-day"],
)
def test_the_term_runs_from_the_day_of_delivery(receipt: dt.datetime, delivered: dt.date, due: dt.date) -> None:
    sent = message(Delivery.DELIVERED, 1, receipt=receipt)
    assert delivery_day(sent) == delivered
    term = voluntary_term(sent)
    assert (term.rule, term.start, term.due) == ("voluntary_execution", delivered, due)


def test_the_notice_is_one_message_kazakh_first() -> None:
    assert NoticeText(kk="Хабарлама", ru="Извещение").message() == "Хабарлама\nИзвещение"

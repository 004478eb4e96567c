"""notices: every active proceeding of the bailiff in AIS EP gets its notice through the state notification
gateway, in Kazakh and Russian, once. One work item per proceeding.

A night sends the notice by the first channel (SMS by default, `--param channel=push` for eGov Mobile first) and
records the message once (ctx.once, keyed by proceeding and channel), so a rerun or a resume never sends it again;
the gateway also knows the message by that key, so a send redone after a lost answer reaches the debtor once. Later
nights read the receipt back: delivered, and the voluntary-execution term runs from the day of delivery; failed, an
unknown number or no receipt within `--param wait_hours=N` (24 by default), and the other channel is tried; when
both failed, the item is a case for a person (the To do sheet)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from pydantic import BaseModel

from bots.aisep import AisEpBot
from bots.notify import NotifyBot
from domain.deadlines import voluntary_execution_deadline
from domain.notices import Channel, Next, NoticeText, SentMessage, channels, delivery_day, next_step, voluntary_term
from domain.records import CaseSummary
from orynda import clock
from orynda.config import Settings
from orynda.errors import BusinessException, ConfigError
from orynda.flow import Discovery, Flow, ItemContext, ItemResult, ItemSpec, Listed, ReportColumn
from orynda.i18n import texts

SITE = "notify_gateway"
WAIT_HOURS = 24.0


class NoticeItem(BaseModel):
    """One active proceeding of the bailiff and its debtor, as the AIS EP list shows them."""

    proceeding: str
    iin: str
    name: str
    remaining: Decimal


class NoticeUndelivered(BusinessException):
    """Neither channel reached the debtor: a person delivers the notice another way (post, in person)."""


def load_items(params: dict[str, Any], settings: Settings) -> list[ItemSpec[NoticeItem]]:
    _first_channel(params)  # a mistyped parameter stops the run before any browser starts
    _wait(params)
    return []  # the work comes from AIS EP: see discover


async def discover(ctx: ItemContext, found: Discovery) -> None:
    """The bailiff's active proceedings in AIS EP, one item per proceeding, each page recorded as soon as it is read;
    the store numbers them by proceeding number once the list is complete (at most `--param limit=N`)."""

    def record(page: int, cases: list[CaseSummary]) -> None:
        found.record(page, [_item(case) for case in cases])

    await ctx.bot(AisEpBot).list_active_proceedings(after_page=found.pages, on_page=record)


def _item(case: CaseSummary) -> ItemSpec[NoticeItem]:
    payload = NoticeItem(proceeding=case.number, iin=case.debtor_iin, name=case.debtor_name, remaining=case.remaining)
    return ItemSpec(seq=0, key=case.number, source="AIS EP", payload=payload)


def _limit(params: dict[str, Any]) -> int | None:
    return int(params["limit"]) if params.get("limit") else None


def notice_text(item: NoticeItem, today: dt.date) -> NoticeText:
    """The notice as one short message in both state languages: the proceeding, the debt and the term."""
    days = voluntary_execution_deadline(today).count
    values = {"proceeding": item.proceeding, "amount": item.remaining, "days": days}
    return NoticeText(kk=texts("kk")("notices.sms", **values), ru=texts("ru")("notices.sms", **values))


async def process(payload: NoticeItem, ctx: ItemContext) -> ItemResult:
    bot = ctx.bot(NotifyBot)
    order = channels(_first_channel(ctx.params))
    now, wait = clock.now(), _wait(ctx.params)
    text = notice_text(payload, now.date()).message()
    for n, channel in enumerate(order):
        message, sent_now = await _message(ctx, bot, payload, channel, text)
        if sent_now:  # the receipt comes later: a later run reads it
            return _result(ctx, payload, message, "sent")
        step = next_step(message, now, wait, last_channel=n == len(order) - 1)
        if step is Next.DELIVERED:
            return _result(ctx, payload, message, "delivered")
        if step is Next.WAIT:
            return _result(ctx, payload, message, "sent")
        if step is Next.PERSON:
            fields = _result(ctx, payload, message, "undelivered").fields
            raise NoticeUndelivered(
                f"notice of {payload.proceeding}: no channel delivered it ({', '.join(c.value for c in order)})",
                fields=fields,
            )
    raise AssertionError("unreachable")  # pragma: no cover


async def _message(
    ctx: ItemContext, bot: NotifyBot, item: NoticeItem, channel: Channel, text: str
) -> tuple[SentMessage, bool]:
    """The notice's message on one channel: sent now, once ever (True), or as the gateway shows it now (False)."""
    key = f"notice:{item.proceeding}:{channel.value}"
    return await send_once(ctx, bot, key, "notice_message", item.proceeding, item.iin, channel, text)


async def send_once(
    ctx: ItemContext,
    bot: NotifyBot,
    key: str,
    kind: str,
    proceeding: str,
    recipient: str,
    channel: Channel,
    text: str,
) -> tuple[SentMessage, bool]:
    """One message through the gateway under `key`, sent at most once ever (ctx.once; the gateway also knows the
    key, so a send redone after a lost answer reaches the debtor once): sent now (True), or as the gateway shows
    the message sent before (False). The robot bailiff's notices go through here too."""
    sent: list[SentMessage] = []

    async def send() -> str:
        message = await ctx.step(SITE, f"send {channel.value}", lambda: bot.send(channel, recipient, text, key))
        sent.append(message)
        return message.id

    message_id = await ctx.once(key, kind, send, {"proceeding": proceeding, "channel": channel.value})
    if sent:
        return sent[0], True
    assert message_id is not None
    return await ctx.step(SITE, f"read message {message_id}", lambda: bot.status(message_id)), False


def _result(ctx: ItemContext, item: NoticeItem, message: SentMessage, state: str) -> ItemResult:
    """The Items sheet's facts of a notice, in the office's language; the term once it is delivered."""
    t = texts(ctx.settings.language)
    delivered = state == "delivered"
    return ItemResult(
        fields={
            "name": item.name,
            "proceeding": item.proceeding,
            "notice_channel": t(f"notices.channel.{message.channel.value}"),
            "notice_state": t(f"notices.state.{state}"),
            "notice_message": message.id,
            "delivered_on": delivery_day(message) if delivered else None,
            "term_ends": voluntary_term(message).due if delivered else None,
        }
    )


def _first_channel(params: dict[str, Any]) -> Channel:
    name = str(params.get("channel") or Channel.SMS.value)
    try:
        return Channel(name)
    except ValueError:
        known = ", ".join(c.value for c in Channel)
        raise ConfigError(f"--param channel={name}: expected one of {known}") from None


def _wait(params: dict[str, Any]) -> dt.timedelta:
    raw = params.get("wait_hours")
    try:
        hours = float(raw) if raw not in (None, "") else WAIT_HOURS
    except (TypeError, ValueError):
        raise ConfigError(f"--param wait_hours={raw}: expected a number of hours") from None
    if hours < 0:
        raise ConfigError(f"--param wait_hours={raw}: expected a number of hours, not negative")
    return dt.timedelta(hours=hours)


FLOW = Flow(
    name="notices",
    title="The notice of every active proceeding sent to the debtor by SMS or eGov Mobile, and its delivery",
    load_items=load_items,
    discover=discover,
    listed=Listed(merge=lambda first, later: first, limit=_limit),
    process=process,
    payload_model=NoticeItem,
    sites=("aisep", SITE),
    extra_sheets=("Notices",),
    columns=(
        ReportColumn("name", "Debtor"),
        ReportColumn("proceeding", "Proceeding"),
        ReportColumn("notice_channel", "Channel"),
        ReportColumn("notice_state", "Notice"),
        ReportColumn("notice_message", "Message number"),
        ReportColumn("delivered_on", "Delivered on", "date"),
        ReportColumn("term_ends", "Voluntary term ends", "date"),
    ),
)

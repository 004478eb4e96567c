"""The state notification gateway: an operator sends an SMS from a short number or an eGov Mobile push to a
debtor's phone or IIN; the operators' delivery receipts come back later (delivered, failed, unknown number, or none
at all), each outcome fixed by the world's seed (sandbox.world_contacts); a daily quota of messages per gateway.

Pages: /login, / (the send form and the messages sent, 10 a page, newest first, with their status).
API: POST /api/messages {channel, recipient, text, ref} (the same ref twice gives the first message back, so a
client that lost the answer may send again), GET /api/messages?page=…&id=….
"""

from __future__ import annotations

import datetime as dt
import itertools
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from domain.iin import why_invalid_iin
from sandbox.sites.notify_gateway.labels import LABELS
from sandbox.sites.shared.accounts import NOTIFY_GATEWAY
from sandbox.sites.shared.passlogin import password_login_routes
from sandbox.sites.shared.portal import page_number, paged, site_pages
from sandbox.sites.shared.sessions import Clock, SessionStore
from sandbox.world import World
from sandbox.world_contacts import contact_of

OPTIONS = ("session_idle_s", "clock", "receipt_after_s", "daily_quota")
PAGE_SIZE = 10
CHANNELS = ("sms", "push")
SHORT_NUMBER = "1414"
ALMATY = ZoneInfo("Asia/Almaty")
TEXT_LIMIT = 480


@dataclass
class Message:
    id: str
    channel: str
    recipient: str  # the IIN or phone the operator typed
    phone: str | None
    text: str
    ref: str
    sent_at: float  # wall-clock seconds, for the times shown
    tick: float  # the site's clock when sent: the receipt comes receipt_after_s later by that clock
    outcome: str  # what the receipt will say, once it comes (sandbox.world_contacts.OUTCOMES)


def make_app(
    world: World,
    session_idle_s: float | None = None,
    clock: Clock | None = None,
    receipt_after_s: float = 60.0,
    daily_quota: int = 1000,
) -> Starlette:
    pages = site_pages(Path(__file__).parent)
    store = SessionStore("notify_sid", session_idle_s, clock)
    messages: list[Message] = []
    by_ref: dict[str, Message] = {}
    numbers = itertools.count(1)
    tick = clock or time.monotonic

    def status(m: Message) -> dict[str, Any]:
        arrived = tick() - m.tick >= receipt_after_s and m.outcome != "no_receipt"
        receipt = m.sent_at + receipt_after_s
        return {
            "id": m.id,
            "channel": m.channel,
            "sender": SHORT_NUMBER if m.channel == "sms" else "eGov Mobile",
            "recipient": m.recipient,
            "text": m.text,
            "ref": m.ref,
            "sent_at": _moment(m.sent_at),
            "status": m.outcome if arrived else "sent",
            "receipt_at": _moment(receipt) if arrived else None,
        }

    def sent_today() -> int:
        today = dt.datetime.now(ALMATY).date()
        return sum(1 for m in messages if dt.datetime.fromtimestamp(m.sent_at, ALMATY).date() == today)

    async def messages_page(request: Request) -> Response:
        user, redirect = store.page_user(request)
        return redirect or pages.render(
            request, "messages.html", LABELS, session_expired=user is None, user=user, quota=daily_quota
        )

    async def api_messages(request: Request) -> Response:
        user = store.api_user(request)
        if isinstance(user, Response):
            return user
        if request.method == "POST":
            return send(await request.json())
        wanted = request.query_params.get("id", "").strip()
        newest_first = [m for m in reversed(messages) if not wanted or m.id == wanted]
        chunk, paging = paged(newest_first, page_number(request), PAGE_SIZE)
        left = max(0, daily_quota - sent_today())
        return JSONResponse({**paging, "quota_left": left, "items": [status(m) for m in chunk]})

    def send(body: dict[str, Any]) -> Response:
        channel, recipient = str(body.get("channel", "")), str(body.get("recipient", "")).strip()
        text, ref = str(body.get("text", "")).strip(), str(body.get("ref", "")).strip()
        if ref and ref in by_ref:
            return JSONResponse(status(by_ref[ref]))
        if channel not in CHANNELS or not text or len(text) > TEXT_LIMIT:
            return JSONResponse({"error": "invalid_message"}, status_code=400)
        iin = recipient if not why_invalid_iin(recipient) else None
        if iin is None and not (channel == "sms" and _is_phone(recipient)):
            return JSONResponse({"error": "invalid_recipient"}, status_code=400)
        if sent_today() >= daily_quota:
            return JSONResponse({"error": "quota_exceeded"}, status_code=429)
        contact = contact_of(world, iin) if iin else _by_phone(world, recipient)
        outcome = contact.outcome(channel) if contact else "unknown_number"
        message = Message(
            f"N{next(numbers):06d}",
            channel,
            recipient,
            contact.phone if contact else None,
            text,
            ref,
            time.time(),
            tick(),
            outcome,
        )
        messages.append(message)
        if ref:
            by_ref[ref] = message
        return JSONResponse(status(message), status_code=201)

    routes = password_login_routes(pages, LABELS, store, NOTIFY_GATEWAY, landing="/")
    return Starlette(
        routes=[*routes, Route("/", messages_page), Route("/api/messages", api_messages, methods=["GET", "POST"])]
    )


def _moment(epoch: float) -> str:
    return dt.datetime.fromtimestamp(epoch, ALMATY).isoformat(timespec="seconds")


def _is_phone(text: str) -> bool:
    digits = "".join(c for c in text if c.isdigit())
    return text.startswith("+7") and len(digits) == 11


def _by_phone(world: World, phone: str) -> Any:
    wanted = "".join(c for c in phone if c.isdigit())
    for debtor in world.debtors:
        contact = contact_of(world, debtor.person.iin)
        if contact and contact.phone and "".join(c for c in contact.phone if c.isdigit()) == wanted:
            return contact
    return None

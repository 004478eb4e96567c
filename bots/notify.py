"""The state notification gateway's operator page: sends a notice by SMS or eGov Mobile push and reads a message's
status (its delivery receipt) back. A send carries the sender's reference; the gateway gives the first message back
for a reference it has seen, so a send redone after a lost answer never reaches the debtor twice."""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlparse

from domain.notices import ALMATY, Channel, Delivery, SentMessage
from orynda.errors import BusinessException, InvalidInput, SiteUnavailable
from orynda.site.base import Look, action, text_or_empty
from orynda.site.signing import Row, SignedInBot

_CELLS = ["id", "channel_cell", "status", "sent_at", "receipt_at"]
PAGE = "messages"


class QuotaExhausted(BusinessException):
    """The gateway's messages for today are used up: tomorrow's run sends the rest; retrying now cannot help."""


class NotifyBot(SignedInBot):
    site = "notify_gateway"

    @action
    async def send(self, channel: Channel, recipient: str, text: str, ref: str) -> SentMessage:
        """Sends one message to a phone or an IIN; the same `ref` again gives back the message already sent."""
        return await self.signed_in(lambda: self._send(channel, recipient, text, ref))

    @action
    async def status(self, message_id: str) -> SentMessage:
        """The message as the gateway lists it now: sent, or what its receipt said."""
        return await self.signed_in(lambda: self._status(message_id))

    async def probe_signed_in(self, look: Look) -> None:
        """The page on load; with a probe message number, that message found in the list."""
        await self._ready()
        await look(PAGE, self.locators.checked_elements(PAGE))
        if self.settings.probe:
            await self._find(self.settings.probe)
            await look(PAGE)

    # --- steps -----------------------------------------------------------------------------------------------
    async def _ready(self) -> None:
        """The page open and its first list loaded, so no answer of that load is read as a later one's."""
        here = urlparse(self.page.url).path == urlparse(self.url(PAGE)).path
        if here and await self.el(PAGE, "recipient").is_visible():
            if not await self.el(PAGE, "session_expired").is_visible():
                return
        await self.visit(PAGE)
        await self.page_outcome(PAGE, ["results", "not_found"])

    async def _send(self, channel: Channel, recipient: str, text: str, ref: str) -> SentMessage:
        await self._ready()
        await self.hide(PAGE, ["sent", "quota_exceeded", "invalid_recipient", "invalid_message", "results", "error"])
        await self.el(PAGE, "channel").select_option(channel.value)
        await self.el(PAGE, "recipient").fill(recipient)
        await self.el(PAGE, "text").fill(text)
        await self.el(PAGE, "ref").fill(ref)
        await self.press(PAGE, "send")
        shown = await self.outcome(PAGE, ["sent", "quota_exceeded", "invalid_recipient", "invalid_message"])
        if shown == "quota_exceeded":
            raise QuotaExhausted("the gateway's daily quota is used up", site=self.site, page=PAGE)
        if shown != "sent":
            raise InvalidInput(f"the gateway refuses the message: {shown}", site=self.site, page=PAGE)
        message_id = (await self.el(PAGE, "sent_id").inner_text()).strip()
        await self.page_outcome(PAGE, ["results"])  # the list the page reloads after sending
        return await self._status(message_id)

    async def _status(self, message_id: str) -> SentMessage:
        await self._ready()
        if not await self._find(message_id):
            raise InvalidInput(f"the gateway lists no message {message_id}", site=self.site, page=PAGE)
        rows = [r for r in await self.read_rows(PAGE, "row", _CELLS) if text_or_empty(r["id"]) == message_id]
        if not rows:
            raise SiteUnavailable(f"the gateway's list does not show message {message_id}", site=self.site, page=PAGE)
        return self._message(rows[0])

    async def _find(self, message_id: str) -> bool:
        await self.hide(PAGE, ["results", "not_found", "error"])
        await self.el(PAGE, "lookup").fill(message_id)
        await self.press(PAGE, "find")
        return await self.page_outcome(PAGE, ["results", "not_found"]) == "results"

    def _message(self, row: Row) -> SentMessage:
        status, channel = self.word(row["status"]), self.word(row["channel_cell"])
        if status is None or channel is None:
            raise SiteUnavailable(f"the gateway shows an unknown status or channel: {row}", site=self.site, page=PAGE)
        return SentMessage(
            id=text_or_empty(row["id"]),
            channel=Channel(channel),
            status=Delivery(status),
            sent_at=_moment(row["sent_at"]) or dt.datetime.min.replace(tzinfo=ALMATY),
            receipt_at=_moment(row["receipt_at"]),
        )


def _moment(text: str | None) -> dt.datetime | None:
    """'02.12.2026 22:01:19' on Almaty's clock; None for an empty cell."""
    if not text or not text.strip():
        return None
    return dt.datetime.strptime(text.strip(), "%d.%m.%Y %H:%M:%S").replace(tzinfo=ALMATY)

"""The bailiff's deposit (current) account in the bank's portal: the statement of incoming payments (and its file,
kept as evidence) and the payment orders to creditors. Signs in with ORYNDA_DEPOSIT_USER/PASSWORD.

An order is made once: `create_order` looks for an order carrying its reference first (in its document number or
its purpose), so a rerun after a lost answer or a killed run finds the order instead of paying twice."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from domain.records import IncomingPayment, OrderStatus, PaymentOrder
from orynda.errors import InvalidInput, SiteUnavailable
from orynda.site.base import Look, action, text_or_empty
from orynda.site.parsing import parse_amount, parse_date
from orynda.site.signing import Row, SignedInBot

STATEMENT, ORDERS = "statement", "orders"
_PAYMENT_CELLS = ["date", "amount", "payer", "payer_id", "payer_iban", "purpose", "reference"]
_ORDER_CELLS = [
    "number",
    "doc_no_cell",
    "recipient_cell",
    "recipient_id_cell",
    "iban_cell",
    "amount_cell",
    "purpose_cell",
    "status",
]


class DepositAccountBot(SignedInBot):
    site = "deposit"

    @action
    async def statement(self, since: dt.date) -> list[IncomingPayment]:
        """Every payment received on or after `since`, across all the statement's pages, oldest first."""
        return await self.signed_in(lambda: self._statement(since))

    @action
    async def download_statement(self, since: dt.date, path: Path) -> Path:
        """The statement's file of the same rows, saved at `path` as the bank gave it (evidence)."""
        return await self.signed_in(lambda: self._download(since, path))

    @action
    async def orders(self) -> list[PaymentOrder]:
        """Every payment order made from the account, newest first, with its status now."""
        return await self.signed_in(self._orders)

    @action
    async def create_order(self, order: PaymentOrder) -> PaymentOrder:
        """The order as the bank holds it: made now, or the one made before that carries `order.reference`."""
        return await self.signed_in(lambda: self._create(order))

    async def probe_signed_in(self, look: Look) -> None:
        """The statement with its payments, then the orders' page; reads only."""
        await self.visit(STATEMENT)
        await self.page_outcome(STATEMENT, ["results", "empty"])
        await look(STATEMENT)
        await self.visit(ORDERS)
        await self.page_outcome(ORDERS, ["results", "empty"])
        await look(ORDERS)

    # --- steps -----------------------------------------------------------------------------------------------
    async def _filtered(self, since: dt.date) -> bool:
        """The statement page filtered from `since`; whether it lists any payment."""
        await self.visit(STATEMENT)
        await self.page_outcome(STATEMENT, ["results", "empty"])  # the unfiltered first load, before filtering
        await self.hide(STATEMENT, ["results", "empty", "bad_date", "error"])
        await self.el(STATEMENT, "date_from").fill(since.isoformat())
        await self.press(STATEMENT, "show")
        shown = await self.page_outcome(STATEMENT, ["results", "empty", "bad_date"])
        if shown == "bad_date":
            raise InvalidInput(f"the bank cannot read the day {since}", site=self.site, page=STATEMENT)
        return shown == "results"

    async def _statement(self, since: dt.date) -> list[IncomingPayment]:
        if not await self._filtered(since):
            return []
        return [self._payment(row) for row in await self.read_pages(STATEMENT, "row", _PAYMENT_CELLS)]

    async def _download(self, since: dt.date, path: Path) -> Path:
        await self._filtered(since)
        data = await self.download(STATEMENT, "download")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        return path

    async def _orders(self) -> list[PaymentOrder]:
        await self.visit(ORDERS)
        if await self.page_outcome(ORDERS, ["results", "empty"]) == "empty":
            return []
        return [self._order(row) for row in await self.read_pages(ORDERS, "row", _ORDER_CELLS)]

    async def _create(self, order: PaymentOrder) -> PaymentOrder:
        await self.visit(ORDERS)
        await self.page_outcome(ORDERS, ["results", "empty"])
        if (made := await self._find(order.reference)) is not None:
            return made
        purpose = order.purpose if carries(order.purpose, order.reference) else f"{order.purpose} ({order.reference})"
        await self.hide(ORDERS, ["created", "refused", "error"])
        for element, value in (
            ("doc_no", order.reference),
            ("recipient_name", order.recipient_name),
            ("recipient_id", order.recipient_id),
            ("iban", order.recipient_iban),
            ("amount", str(order.amount)),
            ("purpose", purpose),
        ):
            await self.el(ORDERS, element).fill(value)
        await self.press(ORDERS, "create")
        if await self.outcome(ORDERS, ["created", "refused"]) == "refused":
            field = (await self.el(ORDERS, "refused_field").inner_text()).strip()
            raise InvalidInput(
                f"the bank refuses the payment order {order.reference}: {field}",
                site=self.site,
                page=ORDERS,
                fields={"reference": order.reference},
            )
        made = await self._find(order.reference)
        if made is None:
            raise SiteUnavailable(f"the bank does not list the order {order.reference} it made", site=self.site)
        return made

    async def _find(self, reference: str) -> PaymentOrder | None:
        """The order whose document number is `reference` or whose purpose carries it, from the list's search."""
        await self.hide(ORDERS, ["results", "empty", "error"])
        await self.el(ORDERS, "lookup").fill(reference)
        await self.press(ORDERS, "find")
        if await self.page_outcome(ORDERS, ["results", "empty"]) == "empty":
            return None
        for row in await self.read_pages(ORDERS, "row", _ORDER_CELLS):
            found = self._order(row)
            if found.reference == reference or carries(found.purpose, reference):
                return found
        return None

    # --- records ---------------------------------------------------------------------------------------------
    def _payment(self, row: Row) -> IncomingPayment:
        text = {name: text_or_empty(value) for name, value in row.items()}
        return IncomingPayment(
            reference=text["reference"],
            received=parse_date(text["date"]),
            amount=parse_amount(text["amount"]),
            payer_name=text["payer"],
            payer_id=text["payer_id"],
            payer_iban=text["payer_iban"],
            purpose=text["purpose"],
        )

    def _order(self, row: Row) -> PaymentOrder:
        text = {name: text_or_empty(value) for name, value in row.items()}
        status = self.word(text["status"]) or ""
        if status not in OrderStatus._value2member_map_:
            raise SiteUnavailable(f"the bank shows an unknown order status {text['status']!r}", site=self.site)
        return PaymentOrder(
            reference=text["doc_no_cell"] or text["number"],
            recipient_name=text["recipient_cell"],
            recipient_id=text["recipient_id_cell"],
            recipient_iban=text["iban_cell"],
            amount=parse_amount(text["amount_cell"]),
            purpose=text["purpose_cell"],
            status=OrderStatus(status),
        )


def carries(purpose: str, reference: str) -> bool:
    """Whether a purpose names the reference as a word of its own (ORY-1 is not in ORY-12)."""
    return re.search(rf"(?<![\w-]){re.escape(reference)}(?![\w-])", purpose) is not None

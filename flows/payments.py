"""payments: the day's credits on the bailiff's deposit account matched to their debtors, distributed by the law's
order among each debtor's proceedings, paid out to the creditors, recorded in AIS EP; a debtor paid in full gets
every measure lifted. One work item per payment.

The statement is read since `--param since=dd.mm.yyyy` (default: `--param days=N` back, 3 by default) and kept as
evidence; the bailiff's open proceedings are read from AIS EP once, and each payment is matched in the listing
(domain/payments/matching). A payment nothing matches surely waits for a person in the review queue with its
candidates, and is held: the next run finds the person's choice (the proceeding's number in the approval's note).
Each effect is done once across reruns and resumes, keyed by the bank's transaction reference: the distribution
statement (computed once and kept, so a rerun pays out what was decided, never a new split), each payment order,
each payment recorded on a card."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import re
import weakref
from decimal import Decimal
from typing import Any

from pydantic import BaseModel

from bots.aisep import AisEpBot
from bots.deposit import DepositAccountBot
from domain.checks.assets import DebtorFile, assess
from domain.money import ZERO
from domain.payments.matching import CaseBook, Match, match_payment
from domain.payments.statement import Share, Statement, distribute_payment
from domain.records import Case, CasePayment, CaseSummary, IncomingPayment, PaymentOrder
from flows.documents_step import documents_filed, draft_and_file
from orynda import clock
from orynda.config import Settings
from orynda.errors import BusinessException, ConfigError
from orynda.flow import Discovery, Flow, ItemContext, ItemResult, ItemSpec, ReportColumn
from orynda.i18n import texts
from orynda.review import ReviewState, facts_digest

DAYS_BACK = 3
APPROVED = (ReviewState.APPROVED.value, ReviewState.CHANGED_APPROVED.value)


class PaymentItem(BaseModel):
    """One credit of the statement and what the listing of open proceedings says of it."""

    reference: str
    received: dt.date
    amount: Decimal
    payer_name: str
    payer_id: str
    payer_iban: str
    purpose: str
    debtor_iin: str | None  # the matched debtor; None when a person decides
    by: str | None
    cited: str | None
    doubt: str | None
    candidates: list[dict[str, str]]
    proceedings: list[str]  # what it pays: the proceeding its purpose names, else its debtor's open ones

    def payment(self) -> IncomingPayment:
        return IncomingPayment(
            reference=self.reference,
            received=self.received,
            amount=self.amount,
            payer_name=self.payer_name,
            payer_id=self.payer_id,
            payer_iban=self.payer_iban,
            purpose=self.purpose,
        )


class PaymentHeld(BusinessException):
    """The payment's debtor is not sure: it waits on the deposit account for a person's choice."""


def load_items(params: dict[str, Any], settings: Settings) -> list[ItemSpec[PaymentItem]]:
    since(params)  # a mistyped parameter stops the run before any browser starts
    return []  # the work comes from the deposit account: see discover


def since(params: dict[str, Any]) -> dt.date:
    """The statement's first day: `since=dd.mm.yyyy`, else `days` (3) back from today in Almaty."""
    if params.get("since"):
        try:
            return dt.datetime.strptime(str(params["since"]), "%d.%m.%Y").date()
        except ValueError:
            raise ConfigError(f"--param since={params['since']}: expected a day as dd.mm.yyyy") from None
    raw = params.get("days") or DAYS_BACK
    try:
        days = int(raw)
    except ValueError:
        raise ConfigError(f"--param days={raw}: expected a whole number of days") from None
    if days < 0:
        raise ConfigError(f"--param days={raw}: expected a whole number of days, not negative")
    return clock.now().date() - dt.timedelta(days=days)


async def discover(ctx: ItemContext, found: Discovery) -> None:
    """The statement (kept as evidence) and AIS EP's open proceedings, then one item per credit, matched."""
    first = since(ctx.params)
    deposit = ctx.bot(DepositAccountBot)
    kept = ctx.run_folder / "evidence" / "statement" / f"statement-{first:%Y%m%d}.csv"
    kept.parent.mkdir(parents=True, exist_ok=True)
    await ctx.step(deposit.site, "download the statement", lambda: deposit.download_statement(first, kept))
    payments = await ctx.step(deposit.site, "read the statement", lambda: deposit.statement(first))
    cases = await ctx.bot(AisEpBot).list_active_proceedings()
    book = CaseBook([c for c in cases if c.remaining > 0])
    found.record(1, [_item(n, p, match_payment(p, book), book) for n, p in enumerate(sorted(payments, key=_order), 1)])


def _order(payment: IncomingPayment) -> tuple[dt.date, str]:
    return payment.received, payment.reference


def _item(seq: int, payment: IncomingPayment, match: Match, book: CaseBook) -> ItemSpec[PaymentItem]:
    payload = PaymentItem(
        **payment.model_dump(),
        debtor_iin=match.debtor_iin,
        by=match.by.value if match.by else None,
        cited=match.cited,
        doubt=match.doubt.value if match.doubt else None,
        candidates=[
            {"iin": c.debtor_iin, "name": c.debtor_name, "proceeding": c.proceeding, "why": c.why}
            for c in match.candidates
        ],
        proceedings=match.paid(book),
    )
    return ItemSpec(seq=seq, key=payment.reference, source="deposit account", payload=payload)


async def process(item: PaymentItem, ctx: ItemContext) -> ItemResult:
    async with _debtor_lock(item.debtor_iin or item.reference):  # one debtor's payments one after another
        return await _process(item, ctx)


def _debtor_lock(key: str) -> asyncio.Lock:
    """The lock of one debtor's payments in this event loop: two workers must not split the same remaining debt."""
    locks = _LOCKS.setdefault(asyncio.get_running_loop(), {})
    return locks.setdefault(key, asyncio.Lock())


_LOCKS: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, dict[str, asyncio.Lock]] = weakref.WeakKeyDictionary()


async def _process(item: PaymentItem, ctx: ItemContext) -> ItemResult:
    aisep = ctx.bot(AisEpBot)
    statement = await _statement(ctx, aisep, item)
    proceedings = [s.proceeding for s in statement.shares]
    cards = [await _card(ctx, aisep, n) for n in proceedings]
    orders = [await _order_once(ctx, order) for order in _orders(ctx, item, statement, cards)]
    for share in statement.shares:
        if share.to_creditor > 0:
            await _record_once(ctx, aisep, item, share.proceeding, share.to_creditor)
    debtor = DebtorFile(
        cards[0].debtor_iin,
        cards[0].debtor_name,
        tuple([await _card(ctx, aisep, n) for n in proceedings]),  # read again: the payment is now on the cards
    )
    findings = assess(debtor, clock.now().date()) if debtor.remaining <= 0 else []  # paid: lift, propose closing
    documents = await draft_and_file(ctx, debtor, findings) if findings else []
    fields = _fields(ctx, item, statement, orders, debtor, "distributed")
    return ItemResult(findings, fields | {"documents_filed": documents_filed(documents)}, documents)


async def _card(ctx: ItemContext, aisep: AisEpBot, number: str) -> Case:
    return await ctx.step("aisep", f"read proceeding {number}", lambda: aisep.read_case(number))


async def _decided(ctx: ItemContext, aisep: AisEpBot, item: PaymentItem) -> list[str]:
    """A doubtful payment's proceeding once a person named it in approving the payment; else it waits, held."""
    act = f"PAY-{item.reference}"[:32]
    decided = next((r for r in ctx.review.items(act=act) if r.state in APPROVED), None)
    listed = [c for c in await aisep.list_active_proceedings() if c.remaining > 0]
    chosen = _named_in(decided.reason or "", listed) if decided else None
    if chosen is None:
        ctx.review.propose(
            act=act,
            fact=f"payment|{item.reference}",
            kind="payment_match",
            proceeding=item.cited or (item.candidates[0]["proceeding"] if item.candidates else ""),
            debtor_iin=item.candidates[0]["iin"] if item.candidates else "",
            debtor_name=item.candidates[0]["name"] if item.candidates else item.payer_name,
            bailiff=(await aisep.signed_in_bailiff()).login,
            run_id=ctx.run_id,
            item_seq=ctx.seq,
            mode="review",
            facts_digest=facts_digest(item.model_dump(mode="json")),
            documents=[],
            evidence=[],
            conflicts={
                "payment": {k: str(v) for k, v in _shown(item).items()},
                "candidates": item.candidates,
                "doubt": item.doubt,
            },
        )
        t = texts(ctx.settings.language)
        raise PaymentHeld(
            f"payment {item.reference}: {item.doubt}; held for a person with {len(item.candidates)} candidates",
            fields=_held_fields(item, t(f"payments.doubt.{item.doubt}")),
        )
    return [chosen.number]


def _named_in(note: str, listed: list[CaseSummary]) -> CaseSummary | None:
    """The open proceeding whose number the person wrote in the approval's note (dashes and spaces aside)."""
    written = {re.sub(r"\D", "", t) for t in re.findall(r"\d[\d\s\-–—/]*\d", note)}
    return next((c for c in listed if re.sub(r"\D", "", c.number) in written), None)


async def _statement(ctx: ItemContext, aisep: AisEpBot, item: PaymentItem) -> Statement:
    """The distribution, decided once and kept with the effect: a rerun pays out what was decided, on the
    proceedings decided then, even when the cards now show the payment recorded and the debt paid."""
    made: list[Statement] = []

    async def decide() -> str:
        proceedings = item.proceedings if item.debtor_iin else await _decided(ctx, aisep, item)
        cards = [await _card(ctx, aisep, n) for n in proceedings]
        made.append(distribute_payment(item.reference, item.amount, cards))
        return _dump(made[0])

    kept = await ctx.once(f"payment:{item.reference}:statement", "payment_statement", decide)
    return made[0] if made else _load(str(kept))


def _orders(ctx: ItemContext, item: PaymentItem, statement: Statement, cards: list[Case]) -> list[PaymentOrder]:
    """A creditor's order per proceeding it receives from, and the remainder back to the payer."""
    t = texts(ctx.settings.language)
    by_number = {c.number: c for c in cards}
    orders = []
    for share in statement.shares:
        if share.to_creditor <= 0:
            continue
        creditor = by_number[share.proceeding].creditor
        orders.append(
            PaymentOrder(
                reference=f"{item.reference}/{share.proceeding}",
                recipient_name=creditor.name.of(ctx.settings.language),
                recipient_id=creditor.id,
                recipient_iban=creditor.iban,
                amount=share.to_creditor,
                purpose=t("payments.order.creditor", proceeding=share.proceeding, reference=item.reference),
            )
        )
    if statement.returned > 0:
        if not item.payer_iban:
            raise PaymentHeld(
                f"payment {item.reference}: {statement.returned} to return and the payer's account is not shown",
                fields=_held_fields(item, t("payments.doubt.no_return_account")),
            )
        orders.append(
            PaymentOrder(
                reference=f"{item.reference}/return",
                recipient_name=item.payer_name,
                recipient_id=item.payer_id,
                recipient_iban=item.payer_iban,
                amount=statement.returned,
                purpose=t("payments.order.return", reference=item.reference),
            )
        )
    return orders


async def _order_once(ctx: ItemContext, order: PaymentOrder) -> PaymentOrder:
    deposit = ctx.bot(DepositAccountBot)
    made: list[PaymentOrder] = []

    async def create() -> str:
        made.append(await ctx.step(deposit.site, f"order {order.reference}", lambda: deposit.create_order(order)))
        return made[0].reference

    await ctx.once(f"order:{order.reference}", "payment_order", create, {"amount": str(order.amount)})
    return made[0] if made else order


async def _record_once(ctx: ItemContext, aisep: AisEpBot, item: PaymentItem, number: str, amount: Decimal) -> None:
    payment = CasePayment(reference=item.reference, date=item.received, amount=amount)

    async def record() -> str:
        await ctx.step("aisep", f"record payment on proceeding {number}", lambda: aisep.record_payment(number, payment))
        return f"{number}:{item.reference}"

    await ctx.once(f"payment:{item.reference}:record:{number}", "payment_recorded", record)


def _fields(
    ctx: ItemContext,
    item: PaymentItem,
    statement: Statement,
    orders: list[PaymentOrder],
    debtor: DebtorFile,
    state: str,
) -> dict[str, Any]:
    t = texts(ctx.settings.language)
    return {
        **_shown(item),
        "name": debtor.name,
        "matched_by": t(f"payments.by.{item.by or 'person'}"),
        "proceedings": ", ".join(s.proceeding for s in statement.shares if s.to_creditor > 0),
        "to_creditors": statement.to_creditors,
        "fee": statement.fees,
        "returned": statement.returned,
        "held": ZERO,
        "orders": len(orders),
        "shares": [
            {
                "proceeding": s.proceeding,
                "queue": s.queue,
                "to_creditor": s.to_creditor,
                "fee": s.fee,
                "order": next((o.reference for o in orders if o.reference == f"{item.reference}/{s.proceeding}"), None),
            }
            for s in statement.shares
            if s.to_creditor > 0 or s.fee > 0
        ],  # fmt: skip
        "return_order": next((o.reference for o in orders if o.reference == f"{item.reference}/return"), None),
        "payment_state": t(f"payments.state.{state}"),
        "paid_in_full": debtor.remaining <= 0,
        "remaining_after": max(debtor.remaining, ZERO),
        "next_step": t("payments.next.close" if debtor.remaining <= 0 else "payments.next.collect"),
    }


def _held_fields(item: PaymentItem, why: str) -> dict[str, Any]:
    return {**_shown(item), "to_creditors": ZERO, "fee": ZERO, "returned": ZERO, "held": item.amount, "doubt": why}


def _shown(item: PaymentItem) -> dict[str, Any]:
    return {
        "reference": item.reference,
        "received": item.received,
        "amount": item.amount,
        "payer": item.payer_name,
        "purpose": item.purpose,
    }


def _dump(statement: Statement) -> str:
    return json.dumps(
        {
            "received": str(statement.received),
            "costs": str(statement.costs),
            "returned": str(statement.returned),
            "shares": [
                [s.proceeding, s.queue, str(s.remaining), str(s.fee_due), str(s.to_creditor), str(s.fee)]
                for s in statement.shares
            ],
        }
    )


def _load(text: str) -> Statement:
    data = json.loads(text)
    shares = tuple(
        Share(p, int(q), Decimal(r), Decimal(d), Decimal(c), Decimal(f)) for p, q, r, d, c, f in data["shares"]
    )
    return Statement("", Decimal(data["received"]), Decimal(data["costs"]), shares, Decimal(data["returned"]))


FLOW = Flow(
    name="payments",
    title="The deposit account's payments matched, distributed by the law's order, paid out and recorded in AIS EP",
    load_items=load_items,
    discover=discover,
    process=process,
    payload_model=PaymentItem,
    sites=("aisep", DepositAccountBot.site),
    extra_sheets=("Payments", "Documents"),
    columns=(
        ReportColumn("reference", "Transaction"),
        ReportColumn("received", "Received on", "date"),
        ReportColumn("amount", "Amount", "money"),
        ReportColumn("payer", "Payer"),
        ReportColumn("purpose", "Purpose"),
        ReportColumn("name", "Debtor"),
        ReportColumn("matched_by", "Matched by"),
        ReportColumn("proceedings", "Proceedings"),
        ReportColumn("to_creditors", "To creditors", "money"),
        ReportColumn("fee", "Fee", "money"),
        ReportColumn("returned", "Returned", "money"),
        ReportColumn("held", "Held for a person", "money"),
        ReportColumn("orders", "Orders", "int"),
        ReportColumn("payment_state", "State"),
        ReportColumn("paid_in_full", "Paid in full", "bool"),
        ReportColumn("remaining_after", "Remaining debt", "money"),
        ReportColumn("next_step", "Next step"),
        ReportColumn("documents_filed", "Documents filed"),
        ReportColumn("doubt", "Why held"),
    ),
)

"""robot_bailiff: the simplified procedure of the "robot bailiff" (domain/simplified.py; its rules are data in
domain/data/simplified.yaml) over the bailiff's active proceedings in AIS EP that it takes: claims in favour of the
state under 20 MCI. One work item per such proceeding; each night does the step the domain decides from the card
(its actions log holds the notice recorded before) and the clock.

- notify: the notice goes by SMS and by eGov Mobile push, each once ever (ctx.once, through the notices flow's
  sending), and is recorded on the card once, so later nights count the term from that day;
- wait: nothing is done; the item says when the term to pay ends;
- arrest: the decision on the arrest of ONE tenge account within the debt is drafted and filed through the documents
  step and the office's act policy (a person approves it unless the policy lets the robot file it; an account chosen
  while a bank gave no answer always waits for a person), registered in AIS EP once on filing. The account chosen
  first is kept, so a later night never drafts an arrest of a second one. Money on the arrested account is collected
  by the payments flow once it reaches the deposit account;
- hand over: no money found, or an account already arrested and still unpaid: a case for a person (the To do sheet);
- done: paid; the payments flow lifts every measure.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from decimal import Decimal
from typing import Any

from pydantic import BaseModel

from bots.aisep import AisEpBot
from bots.bank import QazynaBankBot, SandyqBankBot
from bots.notify import NotifyBot
from domain.checks.assets import DebtorFile
from domain.data import table
from domain.notices import Channel, NoticeText, SentMessage
from domain.records import BankAccount, Case, CaseSummary
from domain.simplified import (
    NOTICE_ACTION,
    Decision,
    Step,
    arrest_finding,
    eligibility,
    next_step,
    notice_tag,
    notified_on,
    term_ends,
)
from flows.documents_step import documents_filed, draft_and_file
from flows.notices import send_once
from orynda import clock
from orynda.config import Settings
from orynda.errors import BusinessException, RegistriesMissing
from orynda.flow import Discovery, Flow, ItemContext, ItemResult, ItemSpec, Listed, Lookup, ReportColumn
from orynda.i18n import texts
from orynda.review import ReviewState

NAME = "robot_bailiff"
BANKS = ("bank_sandyq", "bank_qazyna")


class RobotItem(BaseModel):
    """One proceeding of the simplified procedure, as the AIS EP list shows it."""

    proceeding: str
    iin: str
    name: str
    remaining: Decimal


class RobotHandOver(BusinessException):
    """The term to pay ran out and the robot found no money to arrest, or an arrest is in force and still unpaid: a
    bailiff takes the proceeding over."""


def load_items(params: dict[str, Any], settings: Settings) -> list[ItemSpec[RobotItem]]:
    _limit(params)  # a mistyped parameter stops the run before any browser starts
    return []  # the work comes from AIS EP: see discover


def _limit(params: dict[str, Any]) -> int | None:
    return int(params["limit"]) if params.get("limit") else None


async def discover(ctx: ItemContext, found: Discovery) -> None:
    """The bailiff's active proceedings in AIS EP that the simplified procedure takes, one item each, each page
    recorded as soon as it is read (at most `--param limit=N`, the lowest proceeding numbers)."""
    today = clock.now().date()

    def record(page: int, cases: list[CaseSummary]) -> None:
        found.record(page, [_item(c) for c in cases if eligibility(c, today).eligible])

    await ctx.bot(AisEpBot).list_active_proceedings(after_page=found.pages, on_page=record)


def _item(case: CaseSummary) -> ItemSpec[RobotItem]:
    payload = RobotItem(proceeding=case.number, iin=case.debtor_iin, name=case.debtor_name, remaining=case.remaining)
    return ItemSpec(seq=0, key=case.number, source="AIS EP", payload=payload)


async def process(item: RobotItem, ctx: ItemContext) -> ItemResult:
    aisep = ctx.bot(AisEpBot)
    card = await ctx.step("aisep", f"read proceeding {item.proceeding}", lambda: aisep.read_case(item.proceeding))
    today = clock.now().date()
    if card.remaining > 0 and not eligibility(card, today).eligible:
        return ItemResult(fields=_fields(ctx, card, "not_eligible"))
    notified = notified_on(card)
    decision = next_step(card, notified, (), today)
    if decision.step is Step.NOTIFY:
        return await _notify(ctx, aisep, card, today)
    if decision.step is Step.WAIT:
        return ItemResult(fields=_fields(ctx, card, "wait", due=decision.term_ends, next_key="wait"))
    if decision.step is Step.DONE:
        return ItemResult(fields=_fields(ctx, card, "done", next_key="done"))
    if "account_arrest" in card.restrictions:
        raise _hand_over(ctx, card, decision, "an account arrest is in force and the debt is still unpaid")
    accounts, missing = await _accounts(ctx, card.debtor_iin)
    decision = next_step(card, notified, accounts, today)
    if decision.step is Step.ARREST:
        return await _arrest(ctx, card, decision, accounts, missing)
    if missing:  # no money where the banks answered: the others may hold some, so no hand-over on half the facts
        raise RegistriesMissing(
            f"no answer from {', '.join(missing)}", missing=missing, fields=_fields(ctx, card, "hand_over")
        )
    raise _hand_over(ctx, card, decision, "no tenge account with money in any bank")


# --- notify ------------------------------------------------------------------------------------------------------
def notice_text(card: Case, today: dt.date) -> NoticeText:
    """The notice in both state languages: the proceeding, the debt and the last day to pay."""
    values = {"proceeding": card.number, "amount": card.remaining, "due": term_ends(today)}
    return NoticeText(kk=texts("kk")("robot_bailiff.sms", **values), ru=texts("ru")("robot_bailiff.sms", **values))


async def _notify(ctx: ItemContext, aisep: AisEpBot, card: Case, today: dt.date) -> ItemResult:
    bot, text = ctx.bot(NotifyBot), notice_text(card, today).message()
    sent: list[SentMessage] = []
    for name in table("simplified")["channels"]["value"]:
        channel = Channel(name)
        key = f"simplified:{card.number}:{channel.value}"
        message, _ = await send_once(ctx, bot, key, "simplified_notice", card.number, card.debtor_iin, channel, text)
        sent.append(message)
    due = term_ends(today)
    await _record_notice_once(ctx, aisep, card, sent, due)
    return ItemResult(fields=_fields(ctx, card, "notify", due=due, messages=sent, next_key="wait"))


async def _record_notice_once(
    ctx: ItemContext, aisep: AisEpBot, card: Case, sent: list[SentMessage], due: dt.date
) -> None:
    """The notice logged on the card, once: a log that shows it already (a lost answer) is not written again."""
    messages = ", ".join(m.id for m in sent)
    comment = f"{texts('ru')('robot_bailiff.card_notice', messages=messages, due=due)} {notice_tag(card.number)}"

    async def record() -> str:
        now = await aisep.read_case(card.number)
        if notified_on(now) is None:
            await aisep.register_action(card.number, NOTICE_ACTION, comment)
        return f"{NOTICE_ACTION}:{card.number}"

    await ctx.once(
        f"simplified:{card.number}:notice_recorded",
        "simplified_notice_recorded",
        lambda: ctx.step("aisep", f"record the notice on proceeding {card.number}", record),
        {"proceeding": card.number},
    )


# --- arrest ------------------------------------------------------------------------------------------------------
async def _accounts(ctx: ItemContext, iin: str) -> tuple[list[BankAccount], tuple[str, ...]]:
    """The debtor's accounts in every bank, and the banks that stayed down."""
    answers: list[Lookup[list[BankAccount]]] = list(
        await asyncio.gather(
            ctx.lookup("bank_sandyq", lambda: ctx.bot(SandyqBankBot).accounts(iin)),
            ctx.lookup("bank_qazyna", lambda: ctx.bot(QazynaBankBot).accounts(iin)),
        )
    )
    accounts = [a for answer in answers for a in answer.value or ()]
    return accounts, tuple(a.site for a in answers if not a.ok)


async def _arrest(
    ctx: ItemContext, card: Case, decision: Decision, accounts: list[BankAccount], missing: tuple[str, ...]
) -> ItemResult:
    """The arrest of one account, the one chosen the first time and within the sum decided then (both kept with the
    item's effects, as the act issued then states them): a later night with other balances never drafts the arrest
    of a second account."""
    assert decision.account is not None
    first = f"{decision.account.iban} {decision.amount}"

    async def choose() -> str:
        return first

    kept = await ctx.once(
        f"simplified:{card.number}:arrest_account", "simplified_arrest_account", choose, {"proceeding": card.number}
    )
    iban, _, amount = str(kept).partition(" ")
    account = next((a for a in accounts if a.iban == iban), None)
    if account is None and missing:
        raise RegistriesMissing(
            f"no answer from {', '.join(missing)}, which may hold the account chosen for the arrest",
            missing=missing,
            fields=_fields(ctx, card, "arrest", due=decision.term_ends),
        )
    if account is None:
        raise _hand_over(ctx, card, decision, "the account chosen for the arrest is no longer shown by its bank")
    decision = Decision(Step.ARREST, decision.term_ends, account, Decimal(amount))
    finding = arrest_finding(decision, uncertain=bool(missing))
    # the act is sized on the finding's account alone: an arrest the debtor's other accounts carry secures another
    # proceeding's debt, not this one's
    debtor = DebtorFile(card.debtor_iin, card.debtor_name, (card,), missing=missing)
    documents = await draft_and_file(ctx, debtor, [finding], simplified=True)
    if all(d.review == ReviewState.REJECTED.value for d in documents):  # a person said no, or nothing to arrest
        raise _hand_over(ctx, card, decision, "no arrest of the account stands (rejected, or the account is empty)")
    filed = documents_filed(documents) > 0
    fields = _fields(ctx, card, "arrest", due=decision.term_ends, next_key="collect" if filed else "approve")
    fields |= {
        "arrest_account": account.iban,
        "arrest_amount": decision.amount,
        "documents_filed": documents_filed(documents),
        "missing": ", ".join(missing) or None,
    }
    return ItemResult([finding], fields, documents, missing=missing)


def _hand_over(ctx: ItemContext, card: Case, decision: Decision, why: str) -> RobotHandOver:
    return RobotHandOver(
        f"proceeding {card.number}: the term to pay ended {decision.term_ends} unpaid and {why}: a bailiff goes on",
        fields=_fields(ctx, card, "hand_over", due=decision.term_ends, next_key="hand_over"),
    )


# --- the Items sheet ---------------------------------------------------------------------------------------------
def _fields(
    ctx: ItemContext,
    card: Case,
    step: str,
    *,
    due: dt.date | None = None,
    messages: list[SentMessage] | None = None,
    next_key: str | None = None,
) -> dict[str, Any]:
    t = texts(ctx.settings.language)
    return {
        "name": card.debtor_name,
        "proceeding": card.number,
        "remaining": card.remaining,
        "robot_step": t(f"robot_bailiff.step.{step}"),
        "robot_term_ends": due,
        "notice_messages": ", ".join(m.id for m in messages) if messages else None,
        "next_step": t(f"robot_bailiff.next.{next_key}", due=due) if next_key else None,
    }


FLOW = Flow(
    name=NAME,
    title="The robot bailiff: state claims under 20 MCI notified by SMS and push, then one account arrested",
    load_items=load_items,
    discover=discover,
    listed=Listed(merge=lambda first, later: first, limit=_limit),
    process=process,
    payload_model=RobotItem,
    sites=("aisep", "notify_gateway", *BANKS),
    extra_sheets=("Findings", "Documents"),
    columns=(
        ReportColumn("name", "Debtor"),
        ReportColumn("proceeding", "Proceeding"),
        ReportColumn("remaining", "Remaining debt, ₸", "money"),
        ReportColumn("robot_step", "Robot's step"),
        ReportColumn("robot_term_ends", "Term to pay ends", "date"),
        ReportColumn("notice_messages", "Message numbers"),
        ReportColumn("arrest_account", "Account arrested"),
        ReportColumn("arrest_amount", "Arrest amount, ₸", "money"),
        ReportColumn("documents_filed", "Documents filed", "int"),
        ReportColumn("missing", "Registries without an answer", "sites"),
        ReportColumn("next_step", "Next step"),
    ),
)

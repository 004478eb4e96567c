"""The deposit account's bot and AIS EP's payments in real Chromium against the shared sandbox: the statement read
across its pages is the sandbox's truth, its file holds the same rows, an order is made once and executed later or
rejected for a bad IBAN, a payment is recorded on a card once; a 503 and an expired session are recovered."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import time
import urllib.request
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from bots.aisep import AisEpBot
from bots.deposit import DepositAccountBot
from domain.records import CasePayment, IncomingPayment, OrderStatus, PaymentOrder
from orynda.config import Settings
from sandbox.server import Sandbox
from sandbox.sites.aisep import cases as aisep_cases
from sandbox.world import build_world
from tests.bots.drive import with_bot
from tests.conftest import DEBTORS, SEED

pytestmark = pytest.mark.e2e
GOOD_IBAN = "KZ86125KZT5004100100"
BAD_IBAN = "KZ87125KZT5004100100"  # a check digit off: the bank takes the order, then rejects it


def truth(sandbox: Sandbox) -> list[dict[str, Any]]:
    with urllib.request.urlopen(f"{sandbox.url}/bank_sandyq/_deposit/truth", timeout=10) as answer:
        return list(json.load(answer)["payments"])


def as_payment(row: dict[str, Any]) -> IncomingPayment:
    return IncomingPayment(
        reference=row["reference"],
        received=dt.date.fromisoformat(row["received"]),
        amount=Decimal(row["amount"]),
        payer_name=row["payer_name"],
        payer_id=row["payer_id"],
        payer_iban=row["payer_iban"],
        purpose=row["purpose"],
    )


def an_order(reference: str, iban: str = GOOD_IBAN) -> PaymentOrder:
    return PaymentOrder(
        reference=reference,
        recipient_name="ТОО «Тұран Коммунал»",
        recipient_id="110240055614",
        recipient_iban=iban,
        amount=Decimal("12345.67"),
        purpose=f"Өндіріп алушыға төлем / Перечисление взыскателю {reference}",
    )


def test_the_statement_across_pages_is_the_truth_and_its_file_the_same_rows(
    settings: Settings, clean_sandbox: Sandbox, tmp_path: Path
) -> None:
    known = truth(clean_sandbox)
    since = dt.date.fromisoformat(known[len(known) // 4]["received"])
    expected = [as_payment(row) for row in known if row["received"] >= since.isoformat()]

    async def read(bot: DepositAccountBot) -> tuple[list[IncomingPayment], list[IncomingPayment], Path]:
        return (
            await bot.statement(dt.date(2000, 1, 1)),
            await bot.statement(since),
            await bot.download_statement(since, tmp_path / "evidence" / "statement.csv"),
        )

    everything, read_since, saved = with_bot(settings, DepositAccountBot, read)
    assert (
        everything == [as_payment(row) for row in known] and len(everything) == 40
    )  # one page of 50; the next test pages
    assert read_since == expected and 0 < len(expected) < 40
    lines = list(csv.reader(io.StringIO(saved.read_text(encoding="utf-8-sig")), delimiter=";"))
    assert [(line[6], Decimal(line[1]), line[3], line[4], line[5]) for line in lines[1:]] == [
        (p.reference, p.amount, p.payer_id, p.payer_iban, p.purpose) for p in expected
    ]


def test_a_long_statement_is_read_to_its_last_page_through_503s(settings: Settings, clean_sandbox: Sandbox) -> None:
    """120 payments are three pages; every third answer of the statement's API is a 503, each retried on its page."""
    post = urllib.request.Request(
        f"{clean_sandbox.url}/bank_sandyq/_deposit/settings",
        data=json.dumps({"payments": 120}).encode(),
        headers={"Content-Type": "application/json"},
    )
    urllib.request.urlopen(post, timeout=30).close()
    try:
        known = [as_payment(row) for row in truth(clean_sandbox)]
        clean_sandbox.faults("/bank_sandyq/api/deposit", error_every=3)
        read = with_bot(settings, DepositAccountBot, lambda bot: bot.statement(dt.date(2000, 1, 1)))
        assert read == known and len(read) == 120
    finally:
        reset = urllib.request.Request(post.full_url, data=json.dumps({"payments": 40}).encode(), headers=post.headers)
        urllib.request.urlopen(reset, timeout=30).close()


def test_an_order_is_made_once_and_executed_later_a_bad_iban_rejected(settings: Settings) -> None:
    reference = f"ORY-PAY-{time.time_ns()}"

    async def make(bot: DepositAccountBot) -> tuple[PaymentOrder, PaymentOrder, PaymentOrder, list[PaymentOrder]]:
        first = await bot.create_order(an_order(reference))
        second = await bot.create_order(an_order(reference))  # a rerun: found, not made again
        bad = await bot.create_order(an_order(f"{reference}-BAD", BAD_IBAN))
        for _ in range(40):
            listed = await bot.orders()
            mine = [o for o in listed if o.reference.startswith(reference)]
            if all(o.status != OrderStatus.CREATED for o in mine):
                break
            await bot.page.wait_for_timeout(250)
        return first, second, bad, listed

    first, second, bad, listed = with_bot(settings, DepositAccountBot, make)
    assert (first.status, first.amount, first.recipient_iban, first.reference) == (
        OrderStatus.CREATED, Decimal("12345.67"), GOOD_IBAN, reference)  # fmt: skip
    assert second == first and bad.status == OrderStatus.CREATED
    statuses = {o.reference: o.status for o in listed if o.reference.startswith(reference)}
    assert statuses == {reference: OrderStatus.EXECUTED, f"{reference}-BAD": OrderStatus.REJECTED}  # one each


def test_an_expired_session_is_renewed_and_the_step_redone(settings: Settings, clean_sandbox: Sandbox) -> None:
    before = clean_sandbox.stats()

    async def twice(bot: DepositAccountBot) -> tuple[int, int]:
        first = len(await bot.statement(dt.date(2000, 1, 1)))
        stale = {"name": "sandyq_sid", "value": "stale", "domain": "127.0.0.1", "path": "/bank_sandyq"}
        await bot.page.context.add_cookies([stale])  # type: ignore[list-item]  # the bank forgot the session
        return first, len(await bot.statement(dt.date(2000, 1, 1)))

    assert with_bot(settings, DepositAccountBot, twice) == (40, 40)
    after = clean_sandbox.stats()
    assert after["sandyq_sid:expired"] > before.get("sandyq_sid:expired", 0)
    assert after["sandyq_sid:sign_ins"] - before.get("sandyq_sid:sign_ins", 0) >= 2


def test_a_payment_is_recorded_on_the_card_once_and_lowers_the_remaining(settings: Settings) -> None:
    """On a suspended proceeding, so the active ones other tests and nights read stay as the world made them."""
    world = build_world(SEED, DEBTORS)
    case = next(
        c
        for c in sorted(aisep_cases.build_cases(world).values(), key=lambda c: c.number)
        if c.holder == "bailiff1" and c.status == "suspended" and c.remaining > 1000
    )
    payment = CasePayment(reference=f"SQ{time.time_ns()}", date=dt.date(2026, 12, 1), amount=Decimal("1000.50"))

    async def record(bot: AisEpBot) -> tuple[Any, Any]:
        before = await bot.read_case(case.number)
        await bot.record_payment(case.number, payment)
        await bot.record_payment(case.number, payment)  # a rerun: the card lists it, nothing recorded again
        return before, await bot.read_case(case.number)

    before, after = with_bot(settings, AisEpBot, record)
    assert after.remaining == before.remaining - Decimal("1000.50")
    assert after.collected == before.collected + Decimal("1000.50")
    assert [p for p in after.payments if p.reference == payment.reference] == [payment]
    assert len(after.creditor.iban) == 20 and after.creditor.iban == case.creditor.iban

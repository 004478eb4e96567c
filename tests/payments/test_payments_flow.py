"""flows/payments at the bots' boundary (the real sites are driven in test_payments_e2e.py): a payment distributed
once, its orders created once and its cards recorded once across a rerun, a full payment lifting the measures by
the acts filed once, a doubtful payment held until a person names its proceeding."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from bots.deposit import DepositAccountBot
from domain.payments.matching import CaseBook, match_payment
from domain.records import Case, CasePayment, CaseSummary, IncomingPayment, PaymentOrder
from flows import payments
from orynda.config import Settings, load_settings
from orynda.engine import ItemEngine, ItemRunContext
from orynda.flow import ItemSpec
from orynda.review import ReviewQueue, ReviewState
from orynda.runstore import RunStore
from orynda.schema import Run
from tests.documents.examples import IIN, NAME, case, give_signing_key
from tests.documents.test_documents_step import ALL_AUTO, FakeAisEp

M = Decimal
DAY = dt.date(2026, 12, 1)
OPENED = dt.date(2025, 1, 20)  # MCI 3 932: 150 000 is under 60 MCI, so its fee is 25 %: 187 500 pays it in full


class AisEp(FakeAisEp):
    """AIS EP's cards with payments recorded on them and the bailiff's list."""

    def __init__(self, cases: list[Case]) -> None:
        super().__init__(cases)
        self.recorded: list[tuple[str, str, Decimal]] = []

    async def record_payment(self, number: str, payment: CasePayment) -> None:
        card = self.cases[number]
        if any(p.reference == payment.reference for p in card.payments):
            return
        self.recorded.append((number, payment.reference, payment.amount))
        self.cases[number] = card.model_copy(
            update={
                "payments": (*card.payments, payment),
                "collected": card.collected + payment.amount,
                "remaining": card.remaining - payment.amount,
            }
        )

    async def list_active_proceedings(self, **_: Any) -> list[CaseSummary]:
        return [summary(c) for c in self.cases.values()]


class Deposit:
    site = DepositAccountBot.site

    def __init__(self) -> None:
        self.orders: list[PaymentOrder] = []

    async def create_order(self, order: PaymentOrder) -> PaymentOrder:
        known = next((o for o in self.orders if order.reference in o.purpose or o.reference == order.reference), None)
        if known is None:
            self.orders.append(order)
            return order
        return known


class Context(ItemRunContext):
    def __init__(self, engine: ItemEngine, run: Run, seq: int, sites: dict[str, Any]) -> None:
        item = next(i for i in engine.store.items(run.id) if i.seq == seq)
        super().__init__(engine, run, item, None)  # type: ignore[arg-type]
        self.sites = sites

    def bot(self, bot_class: type[Any]) -> Any:
        return self.sites[bot_class.site]


def summary(c: Case) -> CaseSummary:
    return CaseSummary(
        number=c.number,
        opened=c.opened,
        debtor_iin=c.debtor_iin,
        debtor_name=c.debtor_name,
        category=c.category,
        amount=c.amount,
        collected=c.collected,
        remaining=c.remaining,
        status=c.status,
    )


def loan(remaining: str = "150000", restrictions: tuple[str, ...] = ("exit_ban",)) -> Case:
    c = case(remaining, opened=OPENED, restrictions=restrictions)
    return c.model_copy(update={"creditor": c.creditor.model_copy(update={"iban": "KZ86125KZT5004100100"})})


def paid(amount: str, purpose: str, payer_id: str = "", reference: str = "TX-1") -> IncomingPayment:
    return IncomingPayment(
        reference=reference, received=DAY, amount=M(amount), payer_name=NAME, payer_id=payer_id, purpose=purpose,
        payer_iban="KZ11998KZT0000000001",
    )  # fmt: skip


@pytest.fixture
def settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Settings]:
    for key in [k for k in __import__("os").environ if k.startswith("ORYNDA_")]:
        monkeypatch.delenv(key)
    monkeypatch.setenv("ORYNDA_AISEP_USER", "bailiff1")
    give_signing_key(monkeypatch, tmp_path / "secrets")
    yield load_settings(home=tmp_path / "home").model_copy(update={"acts": ALL_AUTO})


def night(settings: Settings, aisep: AisEp, deposit: Deposit, payment: IncomingPayment) -> dict[str, Any]:
    """One payments run over one payment, as discover would list it: the item's fields."""
    store = RunStore(settings.db_url)
    book = CaseBook([summary(c) for c in aisep.cases.values() if c.remaining > 0])
    spec = payments._item(1, payment, match_payment(payment, book), book)
    run = store.create_run("payments", {}, [ItemSpec(1, spec.key, spec.payload)], settings.runs_dir)
    ctx = Context(ItemEngine(settings, store), run, 1, {"aisep": aisep, Deposit.site: deposit})
    try:
        return asyncio.run(payments.process(spec.payload, ctx)).fields
    except payments.PaymentHeld as held:
        return held.fields | {"held_message": str(held)}


def test_a_full_payment_is_paid_out_recorded_and_lifts_the_measures_once(settings: Settings) -> None:
    aisep, deposit = AisEp([loan()]), Deposit()
    payment = paid("200000", "Оплата долга по ИП №2501-000123")
    fields = night(settings, aisep, deposit, payment)
    assert (fields["to_creditors"], fields["fee"], fields["returned"]) == (M("150000.00"), M("37500.00"), M("12500.00"))
    assert [(o.amount, o.recipient_iban) for o in deposit.orders] == [
        (M("150000.00"), "KZ86125KZT5004100100"),  # to the creditor
        (M("12500.00"), "KZ11998KZT0000000001"),  # the rest back to the payer
    ]
    assert aisep.recorded == [("2501-000123", "TX-1", M("150000.00"))]
    assert fields["paid_in_full"] is True and fields["remaining_after"] == M("0.00")
    assert [a[1] for a in aisep.actions] == ["restriction_lifted"]  # the exit ban lifted by its act, filed
    uploads = len(aisep.uploads)

    again = night(settings, aisep, deposit, payment)  # the same statement read again the next day
    assert len(deposit.orders) == 2 and len(aisep.recorded) == 1 and len(aisep.uploads) == uploads
    assert again["to_creditors"] == M("150000.00")  # the statement decided once, not recomputed on the new card


def test_a_partial_payment_shows_the_debt_left(settings: Settings) -> None:
    aisep, deposit = AisEp([loan()]), Deposit()
    fields = night(settings, aisep, deposit, paid("100000", "долг", payer_id=IIN))
    assert (fields["to_creditors"], fields["fee"], fields["returned"]) == (M("80000.00"), M("20000.00"), M("0.00"))
    assert fields["paid_in_full"] is False and fields["remaining_after"] == M("70000.00")
    assert aisep.actions == [] and len(deposit.orders) == 1


def test_a_doubtful_payment_waits_until_a_person_names_its_proceeding(settings: Settings) -> None:
    aisep, deposit = AisEp([loan()]), Deposit()
    payment = paid("5000", "за брата", payer_id="")
    payment = payment.model_copy(update={"payer_name": "Иванов Пётр"})
    held = night(settings, aisep, deposit, payment)
    assert held["held"] == M("5000") and deposit.orders == [] and aisep.recorded == []
    queue = ReviewQueue(RunStore(settings.db_url).engine)
    [waiting] = queue.items(kind="payment_match")
    assert waiting.state == ReviewState.PROPOSED and waiting.conflicts["payment"]["amount"] == "5000"
    queue.approve(waiting.id, "bailiff1", "за должника по ИП 2501-000123, подтвердил по телефону")
    fields = night(settings, aisep, deposit, payment)
    assert fields["to_creditors"] == M("4000.00") and aisep.recorded == [("2501-000123", "TX-1", M("4000.00"))]

"""The deposit account in Sandyq Bank's portal: the seeded statement and its truth, paging and the date filter, the
CSV of the same rows, payment orders from created to executed or rejected, and the bank's refusals."""

from __future__ import annotations

import csv
import datetime as dt
import io
import time
from collections import Counter
from collections.abc import Callable
from decimal import Decimal

import httpx
import pytest
from starlette.testclient import TestClient

from domain.payments.statement import fee_on_remaining
from sandbox.deposit import KINDS, build_statement
from sandbox.sites.aisep.cases import build_cases
from sandbox.sites.bank_sandyq.deposit import iban_valid
from sandbox.world import World, build_world
from tests.sandbox.fakes import IDLE_S, FakeClock

Login = Callable[..., httpx.Response]
GOOD_IBAN = "KZ86125KZT5004100100"  # ISO 13616 check digits right
BAD_IBAN = "KZ87125KZT5004100100"  # one check digit off


def sign_in(password_login: Login) -> None:
    assert password_login("/bank_sandyq", "chsi-bailiff1", "sandyq-pass-1").status_code == 303


def test_the_statement_is_seeded_from_the_bailiffs_open_proceedings_in_the_shares_asked() -> None:
    world = build_world(42, 1000)
    statement = build_statement(world, "bailiff1", 40, dt.date(2026, 12, 1))
    assert statement == build_statement(build_world(42, 1000), "bailiff1", 40, dt.date(2026, 12, 1))  # by seed
    cases = build_cases(world)
    kinds = Counter(t.kind for t in statement.truth.values())
    assert kinds == {"number": 24, "mistyped": 4, "iin": 8, "relative": 2, "stranger": 2}
    assert 0 < sum(t.full for t in statement.truth.values()) < 40
    for p in statement.payments:
        truth = statement.truth[p.reference]
        assert p.amount == p.amount.quantize(Decimal("0.01")) and p.amount > 0
        assert dt.date(2026, 11, 18) <= p.received <= dt.date(2026, 12, 1)
        owned = [cases[n] for n in truth.proceedings]
        assert all(c.holder == "bailiff1" and c.status == "active" and c.remaining > 0 for c in owned)
        if truth.kind == "number":
            assert truth.proceedings[0] in p.purpose
        if truth.kind == "mistyped":
            assert truth.proceedings[0] not in p.purpose and p.payer_id == truth.debtor_iin
        if truth.kind == "iin":
            assert p.payer_id == truth.debtor_iin and not any(c.isdigit() for c in p.purpose)
        if truth.kind == "relative":
            assert p.payer_id != truth.debtor_iin and world.by_iin[truth.debtor_iin].person.full_name in p.purpose
        if truth.kind == "stranger":
            assert truth.proceedings == () and p.payer_id not in world.by_iin
        if truth.full:  # the remaining debt and the fee on it (art. 118): what the bailiff says pays it off
            assert p.amount == sum(c.remaining + fee_on_remaining(c.amount, c.opened, c.remaining) for c in owned)
        assert iban_valid(p.payer_iban)
    a, b = statement.namesakes
    assert world.by_iin[a].person.full_name == world.by_iin[b].person.full_name and a != b
    assert {statement.truth[p.reference].debtor_iin for p in statement.payments} >= {a, b}


def test_ten_thousand_payments_are_seeded_in_a_few_seconds() -> None:
    world = build_world(42, 1000)
    started = time.perf_counter()
    statement = build_statement(world, "bailiff1", 10_000, dt.date(2026, 11, 30))
    assert len(statement.payments) == len({p.reference for p in statement.payments}) == 10_000
    assert time.perf_counter() - started < 5
    assert set(Counter(t.kind for t in statement.truth.values())) == set(KINDS)


def test_statement_pages_filter_and_download_give_the_truths_rows(client: TestClient, password_login: Login) -> None:
    assert client.get("/bank_sandyq/api/deposit/statement").status_code == 401
    sign_in(password_login)
    truth = client.get("/bank_sandyq/_deposit/truth").json()["payments"]
    assert 20 < len(truth) <= 40  # a small world has fewer open proceedings than the 40 payments
    first = client.get("/bank_sandyq/api/deposit/statement").json()
    rows = [item for page in range(1, first["pages"] + 1) for item in
            client.get("/bank_sandyq/api/deposit/statement", params={"page": page}).json()["items"]]  # fmt: skip
    assert [r["reference"] for r in rows] == [t["reference"] for t in truth]
    day = truth[len(truth) // 2]["received"]
    since = client.get("/bank_sandyq/api/deposit/statement", params={"date_from": day}).json()
    assert since["total"] == sum(t["received"] >= day for t in truth)
    assert client.get("/bank_sandyq/api/deposit/statement", params={"date_from": "31.12"}).status_code == 400
    answer = client.get("/bank_sandyq/deposit/statement.csv", params={"date_from": day})
    assert answer.headers["content-disposition"].startswith("attachment")
    lines = list(csv.reader(io.StringIO(answer.content.decode("utf-8-sig")), delimiter=";"))
    assert [line[6] for line in lines[1:]] == [t["reference"] for t in truth if t["received"] >= day]
    assert [Decimal(line[1]) for line in lines[1:]] == [Decimal(t["amount"]) for t in truth if t["received"] >= day]


def test_the_statement_size_can_be_set_for_a_benchmark(client: TestClient, password_login: Login) -> None:
    sign_in(password_login)
    assert client.post("/bank_sandyq/_deposit/settings", json={"payments": 2000}).json()["payments"] == 2000
    assert client.get("/bank_sandyq/api/deposit/statement", params={"page": 40}).json()["pages"] == 40


def test_an_order_is_executed_later_or_rejected_for_a_bad_iban(
    client: TestClient, password_login: Login, clock: FakeClock
) -> None:
    sign_in(password_login)
    order = {"recipient_name": "ТОО «Тұран Коммунал»", "recipient_id": "110240055614", "amount": "1 500,50"}
    good = client.post("/bank_sandyq/api/deposit/orders", json={**order, "iban": GOOD_IBAN, "purpose": "ORY-1",
                                                                 "doc_no": "ORY-1"})  # fmt: skip
    bad = client.post("/bank_sandyq/api/deposit/orders", json={**order, "iban": BAD_IBAN, "purpose": "ORY-2"})
    assert (good.status_code, good.json()["status"], good.json()["amount"]) == (201, "created", "1500.50")
    assert (bad.status_code, bad.json()["status"]) == (201, "created")  # the bank finds the IBAN wrong later
    again = client.post("/bank_sandyq/api/deposit/orders", json={**order, "iban": GOOD_IBAN, "purpose": "x",
                                                                  "doc_no": "ORY-1"})  # fmt: skip
    assert (again.status_code, again.json()["number"]) == (200, good.json()["number"])  # the same document number
    clock.advance(2.5)
    listed = {o["purpose"]: o for o in client.get("/bank_sandyq/api/deposit/orders").json()["items"]}
    assert (listed["ORY-1"]["status"], listed["ORY-2"]["status"], listed["ORY-2"]["reason"]) == (
        "executed", "rejected", "bad_iban")  # fmt: skip
    assert client.get("/bank_sandyq/api/deposit/orders", params={"q": "ory-2"}).json()["total"] == 1
    assert iban_valid(GOOD_IBAN) and not iban_valid(BAD_IBAN)
    clock.advance(IDLE_S + 1)
    assert client.get("/bank_sandyq/api/deposit/orders").json() == {"error": "session_expired"}


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"recipient_name": ""}, "recipient_name"),
        ({"recipient_id": "12345"}, "recipient_id"),
        ({"iban": "KZ12"}, "iban"),
        ({"amount": "-5"}, "amount"),
        ({"amount": "10.005"}, "amount"),
        ({"amount": "abc"}, "amount"),
        ({"purpose": ""}, "purpose"),
    ],
)
def test_a_malformed_order_is_refused_naming_its_field(
    client: TestClient, password_login: Login, change: dict[str, str], field: str
) -> None:
    sign_in(password_login)
    order = {"recipient_name": "A", "recipient_id": "110240055614", "iban": GOOD_IBAN, "amount": "1", "purpose": "p"}
    answer = client.post("/bank_sandyq/api/deposit/orders", json={**order, **change})
    assert (answer.status_code, answer.json()) == (400, {"error": "invalid_order", "field": field})


def test_the_worlds_seed_gives_a_statement_of_its_own(world: World) -> None:
    assert (
        build_statement(world, "bailiff1", 5, dt.date(2026, 12, 1)).payments
        != build_statement(build_world(42, 1000), "bailiff1", 5, dt.date(2026, 12, 1)).payments
    )

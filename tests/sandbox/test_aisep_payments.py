"""AIS EP records the deposit account's payments on a proceeding's card: collected grows and remaining falls on the
card and in the list, each reference once per proceeding; every creditor shows an IBAN."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import httpx
import pytest
from starlette.testclient import TestClient

from sandbox.sites.aisep.cases import Case, build_cases
from sandbox.sites.bank_sandyq.deposit import iban_valid
from sandbox.world import World

Login = Callable[..., httpx.Response]


@pytest.fixture
def bailiff1(client: TestClient, password_login: Login) -> TestClient:
    assert password_login("/aisep", "bailiff1", "sandbox-pass-1").status_code == 303
    return client


@pytest.fixture
def owing(world: World) -> Case:
    return next(c for c in build_cases(world).values() if c.holder == "bailiff1" and c.remaining > 100)


def test_a_payment_lowers_the_remaining_debt_once_per_reference(bailiff1: TestClient, owing: Case) -> None:
    api = f"/aisep/api/proceedings/{owing.number}"
    paid = {"reference": "SQ261201000001", "date": "2026-12-01", "amount": "100.25"}
    answer = bailiff1.post(f"{api}/payments", json=paid)
    assert (answer.status_code, answer.json()["amount"]) == (201, "100.25")
    card = bailiff1.get(api).json()
    assert Decimal(card["collected"]) == owing.collected + Decimal("100.25")
    assert Decimal(card["remaining"]) == owing.remaining - Decimal("100.25")
    assert [(p["reference"], p["date"], p["amount"]) for p in card["payments"]] == [
        ("SQ261201000001", "2026-12-01", "100.25")
    ]
    assert card["actions"][-1]["kind"] == "payment_recorded"
    again = bailiff1.post(f"{api}/payments", json={**paid, "amount": "5"})
    assert (again.status_code, again.json()) == (400, {"error": "duplicate_reference"})
    listed = bailiff1.get("/aisep/api/proceedings", params={"iin": owing.debtor_iin}).json()["items"]
    assert {i["number"]: i["remaining"] for i in listed}[owing.number] == card["remaining"]  # the next night sees it


@pytest.mark.parametrize(
    ("change", "error"),
    [
        ({"reference": ""}, "invalid_payment"),
        ({"date": "01.12.2026"}, "invalid_payment"),
        ({"amount": "abc"}, "invalid_payment"),
        ({"amount": "0"}, "invalid_amount"),
        ({"amount": "1.001"}, "invalid_amount"),
        ({"amount": "999999999999"}, "exceeds_remaining"),
    ],
)
def test_a_payment_aisep_cannot_record_is_refused_naming_why(
    bailiff1: TestClient, owing: Case, change: dict[str, str], error: str
) -> None:
    paid = {"reference": "SQ1", "date": "2026-12-01", "amount": "1", **change}
    answer = bailiff1.post(f"/aisep/api/proceedings/{owing.number}/payments", json=paid)
    assert (answer.status_code, answer.json()) == (400, {"error": error})


def test_every_creditor_shows_a_valid_looking_iban(bailiff1: TestClient, world: World) -> None:
    mine = [c for c in build_cases(world).values() if c.holder == "bailiff1"][:10]
    ibans = [bailiff1.get(f"/aisep/api/proceedings/{c.number}").json()["creditor"]["iban"] for c in mine]
    assert all(len(i) == 20 and i.startswith("KZ") and iban_valid(i) for i in ibans)
    assert ibans == [c.creditor.iban for c in mine]

"""One world across the sites: the same IIN tells the same story everywhere, except the documented disagreements."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

import httpx
import pytest
from starlette.testclient import TestClient

from sandbox.sites.aisep.cases import USERS
from sandbox.world import World

Login = Callable[..., httpx.Response]


@pytest.fixture
def everywhere(client: TestClient, key_login: Login, password_login: Login) -> TestClient:
    key_login("/egov_realty")
    key_login("/egov_vehicles")
    key_login("/esalyq")
    password_login("/enpf", "svc.bailiff1", "enpf-pass-1")
    password_login("/bank_sandyq", "chsi-bailiff1", "sandyq-pass-1")
    password_login("/bank_qazyna", "bailiff1@chsi.kz", "qazyna-pass-1", ("email", "access_code"))
    return client


def test_enpf_and_the_tax_cabinet_name_the_same_employer_unless_documented(
    everywhere: TestClient, world: World
) -> None:
    disagreements = set()
    for debtor in world.debtors:
        iin = debtor.person.iin
        newest = everywhere.get("/enpf/api/contributions", params={"iin": iin}).json()["items"]
        employer = everywhere.get("/esalyq/api/taxpayer", params={"iin": iin}).json()["employer"]
        if not newest:
            assert employer is None
            continue
        assert employer["bin"] == newest[0]["employer_bin"]
        if employer["name"] != newest[0]["employer_name"]:
            disagreements.add(debtor.person.index)
    assert disagreements == {d.person.index for d in world.debtors if d.person.index % 11 == 3} & {
        d.person.index
        for d in world.debtors
        if everywhere.get("/enpf/api/contributions", params={"iin": d.person.iin}).json()["total"]
    }
    assert disagreements


def test_aisep_restrictions_agree_with_the_register_banks_and_egov(
    everywhere: TestClient, world: World, password_login: Login
) -> None:
    cards = _all_cards(everywhere, password_login)
    for debtor in world.debtors:
        iin = debtor.person.iin
        register = everywhere.get("/debtor_register/api/debtor", params={"iin": iin}).json()["proceedings"]
        for _k, row in enumerate(register):
            card = cards[row["number"]]
            assert card["debtor_iin"] == iin and Decimal(card["amount"]) == Decimal(row["amount"])
            assert ("exit_ban" in card["restrictions"]) == row["exit_ban"]
            assert card["bailiff"]["name"] == row["bailiff"]
        first = set(cards[register[0]["number"]]["restrictions"])
        assert ("account_arrest" in first) == any(a["arrested"] for a in _accounts(everywhere, iin))
        realty = everywhere.get("/egov_realty/api/realty", params={"iin": iin}).json()["items"]
        vehicles = everywhere.get("/egov_vehicles/api/vehicles", params={"iin": iin}).json()["items"]
        assert ("realty_arrest" in first) == any(r["arrested"] for r in realty)
        assert ("vehicle_arrest" in first) == any(v["arrested"] for v in vehicles)


def test_the_realty_owner_disagreement_is_where_documented(everywhere: TestClient, world: World) -> None:
    odd = set()
    for debtor in world.debtors:
        items = everywhere.get("/egov_realty/api/realty", params={"iin": debtor.person.iin}).json()["items"]
        if any(i["owner_iin"] != debtor.person.iin for i in items):
            odd.add(debtor.person.index)
    assert odd and all(index % 13 == 4 for index in odd)


def _accounts(client: TestClient, iin: str) -> list[dict[str, Any]]:
    sandyq = client.get("/bank_sandyq/api/accounts", params={"iin": iin}).json()["accounts"]
    qazyna = client.get(f"/bank_qazyna/api/v2/clients/{iin}/accounts")
    return sandyq + [{"arrested": a["hasEncumbrance"]} for a in qazyna.json().get("accountList", [])]


def _all_cards(client: TestClient, password_login: Login) -> dict[str, dict[str, Any]]:
    cards = {}
    for n, user in enumerate(USERS, start=1):
        password_login("/aisep", user, f"sandbox-pass-{n}")
        listing = client.get("/aisep/api/proceedings").json()
        for page in range(1, listing["pages"] + 1):
            for row in client.get("/aisep/api/proceedings", params={"page": page}).json()["items"]:
                cards[row["number"]] = client.get(f"/aisep/api/proceedings/{row['number']}").json()
    return cards

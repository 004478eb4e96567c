"""The two bank portals: their own logins, the same accounts of the world, and pages that look nothing alike."""

from __future__ import annotations

from collections.abc import Callable

import httpx
from starlette.testclient import TestClient

from sandbox.world import World
from sandbox.world_assets import Assets

Login = Callable[..., httpx.Response]
QAZYNA_FIELDS = ("email", "access_code")


def test_each_bank_accepts_only_its_own_accounts(password_login: Login) -> None:
    assert password_login("/bank_sandyq", "chsi-bailiff1", "qazyna-pass-1").status_code == 401
    assert password_login("/bank_qazyna", "bailiff1@chsi.kz", "sandyq-pass-1", QAZYNA_FIELDS).status_code == 401
    assert password_login("/bank_sandyq", "chsi-bailiff1", "sandyq-pass-1").headers["location"] == "/bank_sandyq/"
    assert (
        password_login("/bank_qazyna", "bailiff1@chsi.kz", "qazyna-pass-1", QAZYNA_FIELDS).headers["location"]
        == "/bank_qazyna/desk"
    )


def test_sandyq_lists_the_worlds_accounts(
    client: TestClient, password_login: Login, world: World, assets: dict[str, Assets]
) -> None:
    password_login("/bank_sandyq", "chsi-bailiff2", "sandyq-pass-2")
    for debtor in world.debtors:
        got = client.get("/bank_sandyq/api/accounts", params={"iin": debtor.person.iin}).json()["accounts"]
        assert [(a["iban"], a["balance"], a["arrested"]) for a in got] == [
            (a.iban, str(a.balance), a.arrested) for a in assets[debtor.person.iin].accounts_in("sandyq")
        ]
    assert client.get("/bank_sandyq/api/accounts", params={"iin": world.unused_iin(1)[0]}).json()["accounts"] == []


def test_qazyna_lists_the_worlds_accounts_or_says_not_a_client(
    client: TestClient, password_login: Login, world: World, assets: dict[str, Assets]
) -> None:
    password_login("/bank_qazyna", "bailiff2@chsi.kz", "qazyna-pass-2", QAZYNA_FIELDS)
    for debtor in world.debtors:
        answer = client.get(f"/bank_qazyna/api/v2/clients/{debtor.person.iin}/accounts")
        want = assets[debtor.person.iin].accounts_in("qazyna")
        if not want:
            assert answer.json() == {"error": "client_not_found"}
            continue
        assert [
            (a["accountNumber"], a["availableBalance"], a["hasEncumbrance"]) for a in answer.json()["accountList"]
        ] == [(a.iban, str(a.balance), a.arrested) for a in want]


def test_the_two_banks_share_no_page_ids(client: TestClient, password_login: Login) -> None:
    password_login("/bank_sandyq", "chsi-bailiff1", "sandyq-pass-1")
    password_login("/bank_qazyna", "bailiff1@chsi.kz", "qazyna-pass-1", QAZYNA_FIELDS)
    sandyq, qazyna = client.get("/bank_sandyq/").text, client.get("/bank_qazyna/desk").text
    assert 'id="sq-accounts"' in sandyq and "<table" in sandyq and 'id="qz-account-cards"' in qazyna
    assert "<table" not in qazyna.split("<main>")[1]
    common = {"error", "retry", "session-expired", "session-expired-title", "session-expired-login"}
    assert _ids(sandyq) & _ids(qazyna) == common


def _ids(html: str) -> set[str]:
    return {part.split('"', 1)[0] for part in html.split(' id="')[1:]}

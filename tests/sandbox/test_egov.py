"""eGov real estate and vehicles: key-file sign-in accepted or refused, then the world's objects by IIN."""

from __future__ import annotations

from collections.abc import Callable

import httpx
import pytest
from starlette.testclient import TestClient

from sandbox import keys
from sandbox.world import World
from sandbox.world_assets import Assets
from tests.sandbox.fakes import IDLE_S, FakeClock

SITES = {"/egov_realty": "realty", "/egov_vehicles": "vehicles"}
Login = Callable[..., httpx.Response]


@pytest.mark.parametrize("prefix", SITES)
def test_a_good_key_and_password_sign_in(client: TestClient, key_login: Login, prefix: str) -> None:
    answer = key_login(prefix)
    assert answer.status_code == 200 and answer.json()["next"] == f"{prefix}/"
    assert 'id="search-form"' in client.get(f"{prefix}/").text


@pytest.mark.parametrize("prefix", SITES)
def test_a_wrong_password_a_revoked_key_and_a_foreign_file_are_refused(
    client: TestClient, key_login: Login, prefix: str
) -> None:
    assert key_login(prefix, password="key-pass-2").json() == {"error": "wrong_password"}
    assert key_login(prefix, name="revoked").json() == {"error": "revoked"}
    challenge = client.post(f"{prefix}/api/challenge").json()["challenge"]
    foreign = client.post(
        f"{prefix}/api/signer",
        files={"key_file": ("x.key", b"not a key")},
        data={"password": "x", "challenge": challenge},
    )
    assert foreign.json() == {"error": "bad_key_file"}
    assert client.get(f"{prefix}/api/{SITES[prefix]}", params={"iin": "900101300811"}).status_code == 401


def test_a_bot_can_sign_the_challenge_itself_once(client: TestClient) -> None:
    key = keys.open_key(client.get("/egov_realty/_keys/bailiff2").content, keys.TEST_KEYS["bailiff2"])
    challenge = client.post("/egov_realty/api/challenge").json()["challenge"]
    body = {"challenge": challenge, "key_id": key.key_id, "signature": keys.sign(key.secret, challenge)}
    forged = {**body, "signature": keys.sign(key.secret, challenge + "x")}
    assert client.post("/egov_realty/api/sign-check", json=forged).json() == {"error": "bad_signature"}
    challenge = client.post("/egov_realty/api/challenge").json()["challenge"]
    body = {"challenge": challenge, "key_id": key.key_id, "signature": keys.sign(key.secret, challenge)}
    assert client.post("/egov_realty/api/sign-check", json=body).status_code == 200
    assert client.post("/egov_realty/api/sign-check", json=body).json() == {"error": "unknown_challenge"}


def test_realty_by_iin_matches_the_world(
    client: TestClient, key_login: Login, world: World, assets: dict[str, Assets]
) -> None:
    key_login("/egov_realty")
    for debtor in world.debtors[:20]:
        items = client.get("/egov_realty/api/realty", params={"iin": debtor.person.iin}).json()["items"]
        want = assets[debtor.person.iin].realty
        assert [(i["cadastral"], i["share"], i["owner_iin"], i["arrested"]) for i in items] == [
            (r.cadastral, r.share, r.owner_iin, r.arrested) for r in want
        ]


def test_vehicles_by_iin_match_the_world(
    client: TestClient, key_login: Login, world: World, assets: dict[str, Assets]
) -> None:
    key_login("/egov_vehicles")
    for debtor in world.debtors[:20]:
        items = client.get("/egov_vehicles/api/vehicles", params={"iin": debtor.person.iin}).json()["items"]
        assert [(i["plate"], i["vin"], i["arrested"]) for i in items] == [
            (v.plate, v.vin, v.arrested) for v in assets[debtor.person.iin].vehicles
        ]


@pytest.mark.parametrize("prefix", SITES)
def test_unknown_and_malformed_iins(client: TestClient, key_login: Login, world: World, prefix: str) -> None:
    key_login(prefix)
    url = f"{prefix}/api/{SITES[prefix]}"
    assert client.get(url, params={"iin": world.unused_iin(1)[0]}).json()["items"] == []
    assert client.get(url, params={"iin": "830717300008"}).json()["error"] == "invalid_iin"
    assert "Деректер жоқ" in client.get(f"{prefix}/").text and "Нет данных" in client.get(f"{prefix}/?lang=ru").text


@pytest.mark.parametrize("prefix", SITES)
def test_an_idle_key_session_expires(
    client: TestClient, key_login: Login, clock: FakeClock, world: World, prefix: str
) -> None:
    key_login(prefix)
    clock.advance(IDLE_S + 1)
    answer = client.get(f"{prefix}/api/{SITES[prefix]}", params={"iin": world.debtors[0].person.iin})
    assert answer.json() == {"error": "session_expired"}

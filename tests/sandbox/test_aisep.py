"""AIS EP: login rules, idle expiry, the bailiff's own proceedings with filters and paging, uploads and actions."""

from __future__ import annotations

import hashlib
from collections.abc import Callable

import httpx
import pytest
from starlette.testclient import TestClient

from sandbox.sites.aisep.cases import build_cases
from sandbox.world import World
from tests.sandbox.fakes import IDLE_S, FakeClock

Login = Callable[..., httpx.Response]


@pytest.fixture
def bailiff1(client: TestClient, password_login: Login) -> TestClient:
    assert password_login("/aisep", "bailiff1", "sandbox-pass-1").status_code == 303
    return client


def test_a_wrong_password_is_refused_and_the_api_needs_a_session(client: TestClient, password_login: Login) -> None:
    refused = password_login("/aisep", "bailiff1", "sandbox-pass-2")
    assert refused.status_code == 401 and 'id="login-error"' in refused.text
    assert client.get("/aisep/api/proceedings").json() == {"error": "not_signed_in"}
    assert client.get("/aisep/proceedings", follow_redirects=False).headers["location"] == "/aisep/login"


def test_the_session_expires_after_idling(bailiff1: TestClient, clock: FakeClock) -> None:
    clock.advance(IDLE_S - 1)
    assert bailiff1.get("/aisep/api/me").status_code == 200  # activity keeps it alive
    clock.advance(IDLE_S + 1)
    answer = bailiff1.get("/aisep/api/proceedings")
    assert (answer.status_code, answer.json()) == (401, {"error": "session_expired"})
    page = bailiff1.get("/aisep/proceedings")
    assert '<div id="session-expired" class="modal-backdrop" role="dialog"' in page.text
    assert 'aria-labelledby="session-expired-title">' in page.text  # shown: no hidden attribute
    assert "Сессия уақыты өтті" in page.text and "Сессия истекла" in bailiff1.get("/aisep/proceedings?lang=ru").text


def test_paging_lists_every_case_of_the_bailiff_once(bailiff1: TestClient, world: World) -> None:
    expected = {c.number for c in build_cases(world).values() if c.holder == "bailiff1"}
    first = bailiff1.get("/aisep/api/proceedings").json()
    assert first["total"] == len(expected) and first["pages"] == -(-len(expected) // 20) >= 2
    seen = [
        p["number"]
        for page in range(1, first["pages"] + 1)
        for p in bailiff1.get("/aisep/api/proceedings", params={"page": page}).json()["items"]
    ]
    assert len(seen) == len(set(seen)) and set(seen) == expected


def test_filters_narrow_the_list(bailiff1: TestClient, world: World) -> None:
    mine = [c for c in build_cases(world).values() if c.holder == "bailiff1"]
    target = mine[0]
    by_iin = bailiff1.get("/aisep/api/proceedings", params={"iin": target.debtor_iin}).json()["items"]
    assert {p["number"] for p in by_iin} == {c.number for c in mine if c.debtor_iin == target.debtor_iin}
    query = {
        "status": "active",
        "category": "bank_loans",
        "date_from": "2023-01-01",
        "date_to": "2025-12-31",
        "page": 1,
    }
    got = bailiff1.get("/aisep/api/proceedings", params=query).json()
    want = [
        c
        for c in mine
        if c.status == "active" and c.category == "bank_loans" and "2023-01-01" <= c.opened.isoformat() <= "2025-12-31"
    ]
    assert got["total"] == len(want)
    assert bailiff1.get("/aisep/api/proceedings", params={"date_from": "31.12.2025"}).status_code == 400


def test_the_card_shows_amounts_restrictions_and_hides_other_bailiffs_cases(bailiff1: TestClient, world: World) -> None:
    cases = build_cases(world).values()
    mine = next(c for c in cases if c.holder == "bailiff1" and c.restrictions)
    card = bailiff1.get(f"/aisep/api/proceedings/{mine.number}").json()
    assert card["restrictions"] == list(mine.restrictions)
    assert float(card["remaining"]) == pytest.approx(float(card["amount"]) - float(card["collected"]))
    assert card["document"]["kind"] in ("writ", "court_order", "admin_decision")
    other = next(c for c in cases if c.holder != "bailiff1")
    assert bailiff1.get(f"/aisep/api/proceedings/{other.number}").status_code == 404


def test_some_cases_are_fully_collected_yet_still_open(world: World) -> None:
    assert any(
        c.collected == c.amount and c.status in ("active", "suspended", "search") for c in build_cases(world).values()
    )


def test_an_upload_is_recorded_with_its_sha256(bailiff1: TestClient, world: World) -> None:
    number = next(c.number for c in build_cases(world).values() if c.holder == "bailiff1")
    data = b"%PDF-1.4\n% decision on wage levy\n"
    url = f"/aisep/api/proceedings/{number}/documents"
    made = bailiff1.post(url, files={"file": ("levy.pdf", data, "application/pdf")}, data={"kind": "decision"})
    assert made.status_code == 201
    assert made.json()["sha256"] == hashlib.sha256(data).hexdigest() and made.json()["size"] == len(data)
    assert bailiff1.get(url).json()["items"] == [made.json()]
    refused = bailiff1.post(url, files={"file": ("notes.txt", b"plain text")}, data={"kind": "other"})
    assert refused.json() == {"error": "unsupported_file"}


def test_an_action_is_appended_once_per_idempotency_key(bailiff1: TestClient, world: World) -> None:
    case = next(c for c in build_cases(world).values() if c.holder == "bailiff1")
    url = f"/aisep/api/proceedings/{case.number}/actions"
    body, headers = {"kind": "wage_levy_sent", "comment": "ТОО «Работодатель»"}, {"Idempotency-Key": "run-1:levy"}
    assert bailiff1.post(url, json=body, headers=headers).status_code == 201
    assert bailiff1.post(url, json=body, headers=headers).status_code == 200
    log = bailiff1.get(url).json()["items"]
    assert len(log) == len(case.actions) + 1 and log[-1]["kind"] == "wage_levy_sent"
    assert bailiff1.post(url, json={"kind": "teleported"}).status_code == 400

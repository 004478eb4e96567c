"""ENPF: the service account's login and a contribution statement paged six rows at a time."""

from __future__ import annotations

from collections.abc import Callable

import httpx
from starlette.testclient import TestClient

from sandbox.world import World
from sandbox.world_assets import Assets
from tests.sandbox.fakes import IDLE_S, FakeClock

Login = Callable[..., httpx.Response]


def test_only_the_service_accounts_password_signs_in(client: TestClient, password_login: Login) -> None:
    refused = password_login("/enpf", "svc.bailiff1", "enpf-pass-2")
    assert refused.status_code == 401 and 'id="login-failed"' in refused.text
    assert password_login("/enpf", "svc.bailiff1", "enpf-pass-1").headers["location"] == "/enpf/"


def test_paging_returns_every_contribution_newest_first(
    client: TestClient, password_login: Login, world: World, assets: dict[str, Assets]
) -> None:
    password_login("/enpf", "svc.bailiff2", "enpf-pass-2")
    for debtor in world.debtors:
        first = client.get("/enpf/api/contributions", params={"iin": debtor.person.iin}).json()
        rows = [
            row
            for page in range(1, first["pages"] + 1)
            for row in client.get("/enpf/api/contributions", params={"iin": debtor.person.iin, "page": page}).json()[
                "items"
            ]
        ]
        want = list(reversed(assets[debtor.person.iin].contributions))
        assert first["page_size"] == 6 and first["total"] == len(want) and first["pages"] == max(1, -(-len(want) // 6))
        assert [(r["month"], r["employer_bin"], r["amount"]) for r in rows] == [
            (f"{c.month:%Y-%m}", c.employer_bin, str(c.amount)) for c in want
        ]


def test_no_contributions_and_bad_iins(
    client: TestClient, password_login: Login, world: World, assets: dict[str, Assets]
) -> None:
    password_login("/enpf", "svc.bailiff1", "enpf-pass-1")
    idle = next(d.person.iin for d in world.debtors if not assets[d.person.iin].contributions)
    assert client.get("/enpf/api/contributions", params={"iin": idle}).json()["total"] == 0
    assert client.get("/enpf/api/contributions", params={"iin": "12345"}).status_code == 400


def test_the_session_expires(client: TestClient, password_login: Login, clock: FakeClock, world: World) -> None:
    password_login("/enpf", "svc.bailiff1", "enpf-pass-1")
    clock.advance(IDLE_S + 1)
    assert client.get("/enpf/api/contributions", params={"iin": world.debtors[0].person.iin}).status_code == 401

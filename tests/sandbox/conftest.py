"""Fixtures of the sandbox site tests: one in-process app per test (seed 7, 50 debtors) with a fake clock."""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterator

import httpx
import pytest

with warnings.catch_warnings():
    # Starlette asks for httpx2 and warns once at import when only httpx is installed; the tests work with both.
    warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient` is deprecated")
    from starlette.testclient import TestClient

from sandbox import keys
from sandbox.app import create_app
from sandbox.world import World, build_world
from sandbox.world_assets import Assets, build_assets
from tests.sandbox.fakes import DEBTORS, IDLE_S, SEED, FakeClock


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def client(clock: FakeClock) -> Iterator[TestClient]:
    app = create_app(seed=SEED, debtors=DEBTORS, options={"clock": clock, "session_idle_s": IDLE_S})
    with TestClient(app) as test_client:
        yield test_client


@pytest.fixture(scope="session")
def world() -> World:
    return build_world(SEED, DEBTORS)


@pytest.fixture(scope="session")
def assets(world: World) -> dict[str, Assets]:
    return build_assets(world)


@pytest.fixture
def key_login(client: TestClient) -> Callable[..., httpx.Response]:
    """Sign in to a key-file site the way its page does: challenge, the site's signer, sign-check."""

    def sign_in(prefix: str, name: str = "bailiff1", password: str | None = None) -> httpx.Response:
        challenge = client.post(f"{prefix}/api/challenge").json()["challenge"]
        blob = client.get(f"{prefix}/_keys/{name}").content
        signed = client.post(
            f"{prefix}/api/signer",
            files={"key_file": (f"{name}.key", blob)},
            data={"password": password or keys.TEST_KEYS[name], "challenge": challenge},
        )
        if signed.status_code != 200:
            return signed
        return client.post(f"{prefix}/api/sign-check", json={"challenge": challenge, **signed.json()})

    return sign_in


@pytest.fixture
def password_login(client: TestClient) -> Callable[..., httpx.Response]:
    def sign_in(
        prefix: str, user: str, password: str, fields: tuple[str, str] = ("username", "password")
    ) -> httpx.Response:
        return client.post(f"{prefix}/login", data={fields[0]: user, fields[1]: password}, follow_redirects=False)

    return sign_in

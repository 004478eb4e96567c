"""Shared fixtures: the sandbox is a real server on a free port, started once per test session."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from orynda.config import Settings, load_settings  # noqa: E402
from sandbox.credentials import write_secrets  # noqa: E402
from sandbox.server import Sandbox, start_subprocess  # noqa: E402
from tests.databases import KINDS, fresh_database  # noqa: E402

SEED, DEBTORS = 42, 1000


@pytest.fixture(scope="session", autouse=True)
def own_user_folders(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The tests never read or write the user's own data and config folders (the default home, the settings file);
    the subprocesses they start inherit the same."""
    root = tmp_path_factory.mktemp("user")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_DATA_HOME", str(root / "data"))
        patch.setenv("XDG_CONFIG_HOME", str(root / "config"))
        yield root


@pytest.fixture(params=KINDS)
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty database for the store: each test that asks runs on SQLite and on PostgreSQL."""
    with fresh_database(request.param, tmp_path) as url:
        yield url


@pytest.fixture(scope="session")
def sandbox() -> Iterator[Sandbox]:
    server = start_subprocess(seed=SEED, debtors=DEBTORS)
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def sandbox_secrets(sandbox: Sandbox, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sandbox's test logins in a secrets file, outside the repo as real ones would be."""
    return write_secrets(sandbox.url, tmp_path_factory.mktemp("secrets"))


@pytest.fixture
def clean_sandbox(sandbox: Sandbox) -> Iterator[Sandbox]:
    """The shared sandbox with no faults, and none left behind for the next test."""
    sandbox.reset_faults()
    yield sandbox
    sandbox.reset_faults()


@pytest.fixture
def settings(
    tmp_path: Path, clean_sandbox: Sandbox, sandbox_secrets: Path, monkeypatch: pytest.MonkeyPatch
) -> Settings:
    """Settings for one test: its own home and database, the sandbox's URL and logins, fast backoff, runs without
    the pre-flight (tested on its own)."""
    monkeypatch.chdir(tmp_path)
    for key in [k for k in __import__("os").environ if k.startswith("ORYNDA_")]:
        monkeypatch.delenv(key)
    monkeypatch.setenv("ORYNDA_SECRETS_FILE", str(sandbox_secrets))
    base = load_settings(home=tmp_path / "home", sandbox_url=clean_sandbox.url)
    retry = base.retry.model_copy(update={"initial_s": 0.05, "max_s": 0.2})
    return base.model_copy(update={"retry": retry, "preflight": False})  # the pre-flight has its own tests

"""Fixtures of the desk's tests: a store on each database, and a cheap argon2 hasher (the real parameters are tested
once, in test_users; elsewhere they would only make the tests slow)."""

from __future__ import annotations

from pathlib import Path

import pytest
from argon2 import PasswordHasher
from sqlalchemy.engine import Engine

from orynda.database import make_engine


@pytest.fixture
def db(database_url: str) -> Engine:
    """A fresh store on SQLite and on PostgreSQL."""
    return make_engine(database_url)


@pytest.fixture
def lite(tmp_path: Path) -> Engine:
    """A fresh SQLite store, for the logic that does not depend on the database."""
    return make_engine(f"sqlite:///{tmp_path / 'orynda.db'}")


@pytest.fixture
def hasher() -> PasswordHasher:
    return PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)

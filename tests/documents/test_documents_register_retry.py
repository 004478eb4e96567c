"""The register's contention policy as data: a writer that lost a race reads again after the policy's waits, and a
register that stays too busy says so after the policy's attempts. The lost races are staged; `sleep` only records."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from orynda.config import DATABASE_RETRY, RetrySettings, Settings
from orynda.database import make_engine, transaction
from orynda.documents import DocumentRegister, Subject

SUBJECT = Subject(
    kind="notice", debtor_iin="900101300811", debtor_name="Иванов", proceeding="2501-1", run_id="r1", item_seq=1
)
ON = dt.date(2026, 11, 25)


class LosingRaces(DocumentRegister):
    """A register whose first `losses` transactions fail at commit, as a writer that lost the race does."""

    def __init__(self, path: Path, retry: RetrySettings, losses: int, slept: list[float]) -> None:
        super().__init__(make_engine(f"sqlite:///{path}"), retry, sleep=slept.append)
        self.losses = losses

    @contextmanager
    def session(self) -> Iterator[Session]:
        with transaction(self.engine) as s:
            yield s
            if self.losses:
                self.losses -= 1
                raise IntegrityError("INSERT INTO documents", {}, Exception("UNIQUE constraint failed"))


def test_the_default_policy_is_twenty_tries_ten_milliseconds_apart_and_growing() -> None:
    assert Settings().retry_database == DATABASE_RETRY
    assert (DATABASE_RETRY.attempts, DATABASE_RETRY.initial_s, DATABASE_RETRY.backoff) == (20, 0.01, "linear")


def test_a_lost_race_is_read_again_after_the_policys_waits(tmp_path: Path) -> None:
    slept: list[float] = []
    register = LosingRaces(tmp_path / "orynda.db", DATABASE_RETRY, losses=3, slept=slept)
    assert [r.number for r in register.allocate("fact-a", SUBJECT, ON)] == ["ORY-2026-000001-KK", "ORY-2026-000001-RU"]
    assert slept == pytest.approx([0.01, 0.02, 0.03])


def test_a_register_that_stays_busy_says_so_after_the_policys_attempts(tmp_path: Path) -> None:
    slept: list[float] = []
    policy = RetrySettings(attempts=5, initial_s=0.5, max_s=1, multiplier=2)
    register = LosingRaces(tmp_path / "orynda.db", policy, losses=99, slept=slept)
    with pytest.raises(RuntimeError, match="no document number after 5 attempts: the register is too busy"):
        register.allocate("fact-a", SUBJECT, ON)
    assert slept == [0.5, 1, 1, 1]
    assert register.losses == 99 - 5


def test_a_database_that_is_not_busy_but_broken_is_not_retried(tmp_path: Path) -> None:
    slept: list[float] = []
    register = DocumentRegister(make_engine(f"sqlite:///{tmp_path / 'orynda.db'}"), sleep=slept.append)

    @contextmanager
    def broken() -> Iterator[Session]:
        raise PermissionError("the database file is read-only")
        yield  # pragma: no cover

    register.session = broken  # type: ignore[method-assign]
    with pytest.raises(PermissionError):
        register.allocate("fact-a", SUBJECT, ON)
    assert slept == []

"""Users: argon2 hashes, wrong passwords that slow down and lock, disabled users, roles deciding acts."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select
from sqlalchemy.engine import Engine

from orynda.audit import AuditEntry
from orynda.clock import ALMATY
from orynda.database import transaction
from orynda.review import NotAllowed, ReviewQueue
from orynda.users import Role, UserError, UserRow, Users
from tests.threads import all_at_once

NIGHT = dt.datetime(2026, 3, 10, 9, 0, tzinfo=ALMATY)
PASSWORD = "Qazaq-2026-tau"


class Clock:
    def __init__(self, moment: dt.datetime) -> None:
        self.moment = moment

    def __call__(self) -> dt.datetime:
        return self.moment


class CountingHasher(PasswordHasher):
    def __init__(self, **kw: Any) -> None:
        super().__init__(**kw)
        self.verified = 0

    def verify(self, hash: str | bytes, password: str | bytes) -> bool:  # type: ignore[override]
        self.verified += 1
        return super().verify(hash, password)


@pytest.fixture
def users(lite: Engine, hasher: PasswordHasher) -> Users:
    users = Users(lite, hasher=hasher)
    users.add("aliya", "Алия Сапарова", "bailiff", PASSWORD, aisep_login="aisep.aliya", by="admin")
    return users


def test_the_password_is_stored_as_an_argon2id_hash_only(lite: Engine) -> None:
    users = Users(lite)  # the library's default parameters
    users.add("aliya", "Алия Сапарова", Role.BAILIFF, PASSWORD, by="admin")
    with transaction(lite) as s:
        stored = s.get_one(UserRow, "aliya").password_hash
        details = [str(d) for d in s.scalars(select(AuditEntry.detail))]
    assert stored.startswith("$argon2id$") and PASSWORD not in stored
    assert not any(PASSWORD in d for d in details)
    assert users.authenticate("aliya", PASSWORD) is not None
    assert not hasattr(users.get("aliya"), "password_hash")


def test_the_right_password_logs_in_and_a_wrong_one_does_not(users: Users) -> None:
    user = users.authenticate("aliya", PASSWORD, now=Clock(NIGHT))
    assert user is not None and (user.role, user.aisep_login, user.last_login_at) == (
        Role.BAILIFF,
        "aisep.aliya",
        NIGHT,
    )
    assert users.authenticate("aliya", PASSWORD + "x") is None
    assert users.authenticate("Aliya", PASSWORD) is None


def test_wrong_passwords_in_a_row_lock_for_a_growing_time(users: Users) -> None:
    clock = Clock(NIGHT)
    for _ in range(2):
        assert users.authenticate("aliya", "wrong-one", now=clock) is None
    assert users.get("aliya").locked_until is None  # type: ignore[union-attr]
    assert users.authenticate("aliya", "wrong-one", now=clock) is None  # the third: locked 30 s
    assert users.get("aliya").locked_until == NIGHT + dt.timedelta(seconds=30)  # type: ignore[union-attr]
    clock.moment += dt.timedelta(seconds=29)
    assert users.authenticate("aliya", PASSWORD, now=clock) is None  # the right password is refused while locked
    clock.moment += dt.timedelta(seconds=2)
    assert users.authenticate("aliya", "wrong-one", now=clock) is None  # the fourth: 60 s
    assert users.get("aliya").locked_until == clock.moment + dt.timedelta(seconds=60)  # type: ignore[union-attr]
    clock.moment += dt.timedelta(seconds=61)
    user = users.authenticate("aliya", PASSWORD, now=clock)
    assert user is not None and (user.failures, user.locked_until) == (0, None)  # a right one resets
    actions = [e.action for e in users.audit.trail("user:aliya")]
    assert actions == ["user_added"] + ["login_failed"] * 3 + ["login_refused", "login_failed", "login"]
    assert users.audit.verify().ok


@pytest.mark.parametrize(
    ("failures", "seconds"), [(0, 0), (2, 0), (3, 30), (4, 60), (5, 120), (7, 480), (8, 900), (50, 900)]
)
def test_the_delay_doubles_up_to_fifteen_minutes(users: Users, failures: int, seconds: int) -> None:
    assert users.delay(failures) == dt.timedelta(seconds=seconds)


def test_a_disabled_user_cannot_log_in(users: Users) -> None:
    users.disable("aliya", by="admin")
    assert users.authenticate("aliya", PASSWORD) is None
    assert users.audit.trail("user:aliya")[-1].detail == {"why": "disabled"}
    assert users.get("aliya").active is False  # type: ignore[union-attr]


def test_an_unknown_login_costs_a_hash_check_like_a_real_one(lite: Engine) -> None:
    hasher = CountingHasher(time_cost=1, memory_cost=8, parallelism=1)
    users = Users(lite, hasher=hasher)
    users.add("aliya", "Алия", "bailiff", PASSWORD, by="admin")
    for login, password in [("aliya", "wrong-one"), ("nobody", PASSWORD), ("aliya", PASSWORD)]:
        before = hasher.verified
        users.authenticate(login, password)
        assert hasher.verified == before + 1, login
    assert users.audit.trail("user:nobody")[-1].detail == {"why": "unknown"}


def test_a_new_password_clears_the_lock_and_unlock_lifts_it(users: Users) -> None:
    clock = Clock(NIGHT)
    for _ in range(3):
        users.authenticate("aliya", "wrong-one", now=clock)
    users.set_password("aliya", "Another-pass-1", by="admin")
    assert users.authenticate("aliya", "Another-pass-1", now=clock) is not None
    assert users.authenticate("aliya", PASSWORD, now=clock) is None
    for _ in range(3):
        users.authenticate("aliya", "wrong-one", now=clock)
    users.unlock("aliya", by="admin")
    assert users.authenticate("aliya", "Another-pass-1", now=clock) is not None


def test_a_hash_made_with_weaker_parameters_is_renewed_at_login(lite: Engine, hasher: PasswordHasher) -> None:
    Users(lite, hasher=hasher).add("aliya", "Алия", "bailiff", PASSWORD, by="admin")
    stronger = Users(lite, hasher=PasswordHasher(time_cost=2, memory_cost=16, parallelism=1))
    assert stronger.authenticate("aliya", PASSWORD) is not None
    with transaction(lite) as s:
        assert "t=2" in s.get_one(UserRow, "aliya").password_hash


@pytest.mark.parametrize(
    ("login", "name", "role", "password", "aisep", "message"),
    [
        ("aliya", "Алия", "bailiff", PASSWORD, None, "user aliya exists already"),
        ("bolat", "Болат", "bailiff", PASSWORD, "aisep.aliya", "AIS EP login aisep.aliya belongs to another user"),
        ("bolat", "Болат", "clerk", PASSWORD, None, "role 'clerk' is not one of bailiff, supervisor, admin"),
        ("bolat", "Болат", "bailiff", "short", None, "at least 8 characters"),
        ("bolat", "Болат", "bailiff", "Bolat", None, "at least 8 characters"),
        ("bolat1234", "Болат", "bailiff", "BOLAT1234", None, "cannot be the login"),
        ("Bolat Q", "Болат", "bailiff", PASSWORD, None, "lower-case letters"),
        ("bolat", "  ", "bailiff", PASSWORD, None, "a name is required"),
    ],
)
def test_a_user_that_cannot_be_added_is_named(
    users: Users, login: str, name: str, role: str, password: str, aisep: str | None, message: str
) -> None:
    with pytest.raises(UserError, match=message):
        users.add(login, name, role, password, aisep_login=aisep, by="admin")


def test_changing_a_user_that_does_not_exist_is_named(users: Users) -> None:
    with pytest.raises(UserError, match="no user ghost"):
        users.disable("ghost", by="admin")
    with pytest.raises(UserError, match="no user ghost"):
        users.set_password("ghost", PASSWORD, by="admin")


def test_users_are_listed_and_found_by_their_aisep_login(users: Users) -> None:
    users.add("dana", "Дана", "supervisor", PASSWORD, by="admin")
    assert [u.login for u in users.all()] == ["aliya", "dana"]
    assert users.by_aisep_login("aisep.aliya").login == "aliya"  # type: ignore[union-attr]
    assert users.by_aisep_login("aisep.nobody") is None


def test_who_may_see_and_decide_an_act(users: Users) -> None:
    users.add("bolat", "Болат", "bailiff", PASSWORD, aisep_login="aisep.bolat", by="admin")
    users.add("dana", "Дана", "supervisor", PASSWORD, by="admin")
    users.add("erik", "Ерик", "admin", PASSWORD, by="admin")
    assert users.may_decide("aliya", "aisep.aliya") is None
    assert users.may_decide("bolat", "aisep.aliya") == "user bolat is not the bailiff of this proceeding (aisep.aliya)"
    assert users.may_decide("dana", "aisep.aliya") is None
    assert "administrator" in (users.may_decide("erik", "aisep.aliya") or "")
    assert users.may_decide("ghost", "aisep.aliya") == "no user ghost"
    users.disable("dana", by="admin")
    assert users.may_decide("dana", "aisep.aliya") == "user dana is disabled"
    aliya, bolat = users.get("aliya"), users.get("bolat")
    assert aliya is not None and bolat is not None
    assert aliya.may_see("aisep.aliya") and not bolat.may_see("aisep.aliya")


def test_the_queue_asks_who_may_decide(users: Users, lite: Engine) -> None:
    users.add("bolat", "Болат", "bailiff", PASSWORD, aisep_login="aisep.bolat", by="admin")
    queue = ReviewQueue(lite, audit=users.audit, deciders=users)
    item = queue.propose(
        act="ORY-2026-000201",
        fact="wage_levy:900101300123:employer:123456789012",
        kind="wage_levy",
        proceeding="2026-02-000124",
        debtor_iin="900101300123",
        debtor_name="Ахметов Ерлан",
        bailiff="aisep.aliya",
        run_id="r1",
        item_seq=1,
        mode="review",
        facts_digest="d" * 64,
        documents=[],
        evidence=[],
        conflicts={},
    )
    assert item is not None
    with pytest.raises(NotAllowed, match="bolat is not the bailiff"):
        queue.approve(item.id, "bolat")
    assert queue.approve(item.id, "aliya").decided_by == "aliya"
    queue.mark_filed(item.id, "AISEP-1")  # the robot files: not a decision


def test_racing_wrong_passwords_are_all_counted(db: Engine, hasher: PasswordHasher) -> None:
    users = Users(db, hasher=hasher, free_failures=100)
    users.add("aliya", "Алия", "bailiff", PASSWORD, by="admin")
    all_at_once(6, lambda _: users.authenticate("aliya", "wrong-one"))
    assert users.get("aliya").failures == 6  # type: ignore[union-attr]
    assert users.audit.verify().ok

"""Local users of the bailiff's desk, their roles and their passwords.

Roles: a bailiff sees and decides the proceedings assigned to them (their AIS EP login is on the proceeding), a
supervisor sees and decides everything and starts flows, an administrator keeps users and policies (and decides no
acts). Passwords are hashed with argon2id (argon2-cffi); the hash never leaves this module.

Wrong passwords slow down: after `free_failures` in a row the account is locked for `first_delay`, doubling with each
further failure up to `max_delay`; a right password resets the count. An unknown, disabled or locked login is checked
against a dummy hash, so the answer takes about as long as for a real one. Every login, failure and change is in the
audit log (never the password).
"""

from __future__ import annotations

import datetime as dt
import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import cast

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import Boolean, Integer, String, Table, Text, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Mapped, Session, mapped_column

from orynda import clock
from orynda.audit import AuditLog, retrying
from orynda.database import transaction
from orynda.schema import AwareDateTime, Base

LOGIN = re.compile(r"^[a-z0-9][a-z0-9._-]{1,59}$")
MIN_PASSWORD = 8
Clock = Callable[[], dt.datetime]


class Role(StrEnum):
    BAILIFF = "bailiff"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"


class UserError(ValueError):
    """A user that cannot be added or changed as asked (names the login and why)."""


class UserRow(Base):
    __tablename__ = "users"
    login: Mapped[str] = mapped_column(String(60), primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    role: Mapped[str] = mapped_column(String(20))
    password_hash: Mapped[str] = mapped_column(Text)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[dt.datetime | None] = mapped_column(AwareDateTime, nullable=True)
    aisep_login: Mapped[str | None] = mapped_column(String(80), unique=True, nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(AwareDateTime)
    password_changed_at: Mapped[dt.datetime] = mapped_column(AwareDateTime)
    last_login_at: Mapped[dt.datetime | None] = mapped_column(AwareDateTime, nullable=True)


TABLE = cast(Table, UserRow.__table__)


@dataclass(frozen=True)
class User:
    """A user as the desk sees them: everything but the password hash."""

    login: str
    name: str
    role: Role
    active: bool
    aisep_login: str | None
    failures: int
    locked_until: dt.datetime | None
    last_login_at: dt.datetime | None

    def may_see(self, bailiff: str) -> bool:
        """May this user see an act of a proceeding assigned to `bailiff` (an AIS EP login)?"""
        return self.active and (self.role is not Role.BAILIFF or bailiff in (self.aisep_login, self.login))

    def refusal(self, bailiff: str) -> str | None:
        """Why this user may not decide an act of `bailiff`'s proceeding, or None when they may."""
        if not self.active:
            return f"user {self.login} is disabled"
        if self.role is Role.ADMIN:
            return f"user {self.login} is an administrator: administrators keep users and policies, not acts"
        if self.role is Role.BAILIFF and bailiff not in (self.aisep_login, self.login):
            return f"user {self.login} is not the bailiff of this proceeding ({bailiff})"
        return None


class Users:
    def __init__(
        self,
        engine: Engine,
        *,
        audit: AuditLog | None = None,
        hasher: PasswordHasher | None = None,
        free_failures: int = 3,
        first_delay: dt.timedelta = dt.timedelta(seconds=30),
        max_delay: dt.timedelta = dt.timedelta(minutes=15),
    ) -> None:
        self.engine = engine
        TABLE.create(engine, checkfirst=True)
        self.audit = audit or AuditLog(engine)
        self.hasher = hasher or PasswordHasher()
        self.free_failures, self.first_delay, self.max_delay = free_failures, first_delay, max_delay
        self._dummy: str | None = None

    # --- administration -----------------------------------------------------------------------------------
    def add(
        self,
        login: str,
        name: str,
        role: Role | str,
        password: str,
        *,
        aisep_login: str | None = None,
        by: str = "system",
    ) -> User:
        login, name = login.strip(), name.strip()
        if not LOGIN.match(login):
            raise UserError(f"login {login!r}: 2–60 lower-case letters, digits, dots, dashes or underscores")
        if not name:
            raise UserError(f"user {login}: a name is required")
        try:
            role = Role(role)
        except ValueError:
            raise UserError(f"user {login}: role {role!r} is not one of {', '.join(Role)}") from None
        digest = self.hasher.hash(self._checked(login, password))
        moment = clock.now()

        def work(s: Session) -> User:
            if s.get(UserRow, login) is not None:
                raise UserError(f"user {login} exists already")
            if aisep_login and s.scalars(select(UserRow).where(UserRow.aisep_login == aisep_login)).first():
                raise UserError(f"AIS EP login {aisep_login} belongs to another user already")
            row = UserRow(
                login=login,
                name=name,
                role=role,
                password_hash=digest,
                active=True,
                failures=0,
                aisep_login=aisep_login or None,
                created_at=moment,
                password_changed_at=moment,
            )
            s.add(row)
            s.flush()
            self.audit.record(s, by, "user_added", _subject(login), {"role": str(role), "aisep_login": aisep_login})
            return _user(row)

        return retrying(self.engine, work)

    def set_password(self, login: str, password: str, *, by: str = "system") -> User:
        """A new password; the failure count and any lock are cleared."""
        digest = self.hasher.hash(self._checked(login, password))
        values = {"password_hash": digest, "password_changed_at": clock.now(), "failures": 0, "locked_until": None}
        return self._change(login, by, "password_changed", values)

    def disable(self, login: str, *, by: str = "system") -> User:
        """The user can no longer log in; their decisions and trail stay."""
        return self._change(login, by, "user_disabled", {"active": False})

    def unlock(self, login: str, *, by: str = "system") -> User:
        return self._change(login, by, "user_unlocked", {"failures": 0, "locked_until": None})

    # --- reading ------------------------------------------------------------------------------------------
    def get(self, login: str) -> User | None:
        with transaction(self.engine) as s:
            row = s.get(UserRow, login)
            return _user(row) if row else None

    def by_aisep_login(self, aisep_login: str) -> User | None:
        """The bailiff whose AIS EP login this is: whose proceeding an act is."""
        with transaction(self.engine) as s:
            row = s.scalars(select(UserRow).where(UserRow.aisep_login == aisep_login)).first()
            return _user(row) if row else None

    def all(self) -> list[User]:
        with transaction(self.engine) as s:
            return [_user(r) for r in s.scalars(select(UserRow).order_by(UserRow.login))]

    def may_decide(self, login: str, bailiff: str) -> str | None:
        """None when `login` may decide an act of `bailiff`'s proceeding, else why not (for ReviewQueue)."""
        user = self.get(login)
        return f"no user {login}" if user is None else user.refusal(bailiff)

    # --- logging in ---------------------------------------------------------------------------------------
    def authenticate(self, login: str, password: str, now: Clock = clock.now) -> User | None:
        """The user when the password is right and the account active and not locked; None otherwise."""
        moment = now()
        with transaction(self.engine) as s:
            row = s.get(UserRow, login)
            stored = row.password_hash if row else None
            refused = (
                "unknown"
                if row is None
                else "disabled"
                if not row.active
                else "locked"
                if row.locked_until is not None and moment < row.locked_until
                else None
            )
        if refused or stored is None:
            self._verify(self._dummy_hash(), password)  # the same work as for a real login
            detail = {"why": refused}
            if refused == "locked" and row is not None and row.locked_until is not None:
                detail["locked_until"] = row.locked_until.isoformat()
            actor = login if row is not None else "unknown"
            self.audit.append(actor, "login_refused", _subject(login), detail)
            return None
        if self._verify(stored, password):
            return self._succeeded(login, password, stored, moment)
        self._failed(login, moment)
        return None

    def _succeeded(self, login: str, password: str, stored: str, moment: dt.datetime) -> User:
        values: dict[str, object] = {"failures": 0, "locked_until": None, "last_login_at": moment}
        if self.hasher.check_needs_rehash(stored):
            values["password_hash"] = self.hasher.hash(password)

        def work(s: Session) -> User:
            s.execute(update(UserRow).where(UserRow.login == login).values(**values))
            self.audit.record(s, login, "login", _subject(login))
            row = s.get_one(UserRow, login)
            s.refresh(row)
            return _user(row)

        return retrying(self.engine, work)

    def _failed(self, login: str, moment: dt.datetime) -> None:
        def work(s: Session) -> None:
            s.execute(update(UserRow).where(UserRow.login == login).values(failures=UserRow.failures + 1))
            row = s.get_one(UserRow, login)
            s.refresh(row)
            detail: dict[str, object] = {"failures": row.failures}
            if row.failures >= self.free_failures:
                row.locked_until = moment + self.delay(row.failures)
                detail["locked_until"] = row.locked_until.isoformat()
            self.audit.record(s, login, "login_failed", _subject(login), detail)

        retrying(self.engine, work)

    def delay(self, failures: int) -> dt.timedelta:
        """How long the account stays locked after this many wrong passwords in a row."""
        if failures < self.free_failures:
            return dt.timedelta(0)
        delay: dt.timedelta = self.first_delay * (2 ** min(failures - self.free_failures, 30))
        return min(delay, self.max_delay)

    # --- helpers ------------------------------------------------------------------------------------------
    def _change(self, login: str, by: str, action: str, values: dict[str, object]) -> User:
        def work(s: Session) -> User:
            row = s.get(UserRow, login)
            if row is None:
                raise UserError(f"no user {login}")
            for key, value in values.items():
                setattr(row, key, value)
            s.flush()
            self.audit.record(s, by, action, _subject(login))
            return _user(row)

        return retrying(self.engine, work)

    def _checked(self, login: str, password: str) -> str:
        if len(password) < MIN_PASSWORD:
            raise UserError(f"user {login}: a password needs at least {MIN_PASSWORD} characters")
        if password.strip().lower() == login.lower():
            raise UserError(f"user {login}: the password cannot be the login")
        return password

    def _verify(self, stored: str, password: str) -> bool:
        try:
            return self.hasher.verify(stored, password)
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            return False

    def _dummy_hash(self) -> str:
        if self._dummy is None:
            self._dummy = self.hasher.hash(secrets.token_urlsafe(16))
        return self._dummy


def _subject(login: str) -> str:
    return f"user:{login[:60]}"


def _user(row: UserRow) -> User:
    return User(
        login=row.login,
        name=row.name,
        role=Role(row.role),
        active=row.active,
        aisep_login=row.aisep_login,
        failures=row.failures,
        locked_until=row.locked_until,
        last_login_at=row.last_login_at,
    )

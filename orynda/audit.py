"""The audit trail: an append-only, hash-chained log in the store of every login, decision, filing and policy change.

Each entry carries the SHA-256 of the one before (`prev_hash`) and its own `hash`, taken over a canonical JSON of
its id, time, actor, action, subject, detail and prev_hash. Ids run 1, 2, 3 … without gaps: an edited entry no longer
matches its hash, a deleted one leaves a gap, a reordered one breaks the chain, and `verify` names the first.
(Cutting entries off the end leaves a shorter, valid chain: compare `AuditCheck.entries`/`head` with a copy kept
elsewhere, e.g. the night report, to catch that.)

Appends are serialised by the id: two writers that read the same last entry both try to insert the next id, one
collides on the primary key (or SQLite's write lock) and writes again on top of the other. `retrying` runs any unit
of work that way, so a decision and its audit entry commit together or not at all.

Details never carry a full IIN (12-digit runs are masked) nor a password or a hash of one (refused).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import random
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar, cast

from sqlalchemy import JSON, Integer, String, Table, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Mapped, Session, mapped_column

from orynda import clock
from orynda.database import transaction
from orynda.masking import mask_text
from orynda.schema import AwareDateTime, Base

GENESIS = "0" * 64  # the prev_hash of the first entry
ATTEMPTS = 60
FORBIDDEN_KEYS = frozenset({"password", "password_hash", "passwd", "secret", "new_password"})

T = TypeVar("T")


class AuditEntry(Base):
    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)  # 1, 2, 3 … no gaps
    at: Mapped[dt.datetime] = mapped_column(AwareDateTime)
    actor: Mapped[str] = mapped_column(String(80))
    action: Mapped[str] = mapped_column(String(40), index=True)
    subject: Mapped[str] = mapped_column(String(120), index=True)
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    prev_hash: Mapped[str] = mapped_column(String(64), unique=True)
    hash: Mapped[str] = mapped_column(String(64), unique=True)


TABLE = cast(Table, AuditEntry.__table__)


class Conflict(Exception):
    """Another writer changed the row between our read and our write: the unit of work is run again."""


@dataclass(frozen=True)
class AuditCheck:
    """What `verify` found: ok, or the first entry that was altered or is missing, and why."""

    ok: bool
    entries: int
    head: str | None = None  # the last entry's hash: keep it elsewhere to catch a cut-off tail
    bad_id: int | None = None
    reason: str = ""

    def __str__(self) -> str:
        if self.ok:
            return f"audit log intact: {self.entries} entries, head {self.head or '-'}"
        return f"audit log broken at entry {self.bad_id}: {self.reason}"


class AuditLog:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        TABLE.create(engine, checkfirst=True)

    def append(self, actor: str, action: str, subject: str, detail: Mapping[str, Any] | None = None) -> AuditEntry:
        """Adds one entry at the end of the chain, in a transaction of its own."""
        return retrying(self.engine, lambda s: self.record(s, actor, action, subject, detail))

    def record(
        self, session: Session, actor: str, action: str, subject: str, detail: Mapping[str, Any] | None = None
    ) -> AuditEntry:
        """Adds one entry inside the caller's transaction (run it under `retrying`: a racing writer makes it fail)."""
        last = session.execute(select(AuditEntry.id, AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1)).first()
        entry = AuditEntry(
            id=(last[0] + 1) if last else 1,
            at=clock.now(),
            actor=mask_text(actor),
            action=action,
            subject=mask_text(subject),
            detail=clean_detail(detail or {}),
            prev_hash=last[1] if last else GENESIS,
        )
        entry.hash = entry_hash(entry)
        session.add(entry)
        session.flush()
        return entry

    def trail(self, subject: str) -> list[AuditEntry]:
        """Every entry about a subject (`review:12`, `user:aliya`, `policy`), oldest first."""
        with transaction(self.engine) as s:
            return list(s.scalars(select(AuditEntry).where(AuditEntry.subject == subject).order_by(AuditEntry.id)))

    def entries(self, since: int = 0, limit: int | None = None) -> list[AuditEntry]:
        with transaction(self.engine) as s:
            stmt = select(AuditEntry).where(AuditEntry.id > since).order_by(AuditEntry.id)
            return list(s.scalars(stmt if limit is None else stmt.limit(limit)))

    def verify(self) -> AuditCheck:
        """Walks the chain from the first entry: the first altered, missing or reordered entry is named."""
        expected, prev, count = 1, GENESIS, 0
        for entry in self._all():
            if entry.id != expected:
                gap = f"entries {expected}…{entry.id - 1} are" if entry.id - 1 > expected else f"entry {expected} is"
                return AuditCheck(False, count, prev, expected, f"{gap} missing (the next present is {entry.id})")
            if entry_hash(entry) != entry.hash:
                return AuditCheck(False, count, prev, entry.id, "altered: its content does not match its hash")
            if entry.prev_hash != prev:
                return AuditCheck(
                    False,
                    count,
                    prev,
                    entry.id,
                    f"the chain is broken: it does not follow entry {entry.id - 1} (altered, replaced or reordered)"
                    if entry.id > 1
                    else "the chain is broken: the first entry does not start it",
                )
            prev, expected, count = entry.hash, expected + 1, count + 1
        return AuditCheck(True, count, prev if count else None)

    def _all(self, batch: int = 1000) -> Iterator[AuditEntry]:
        """Every entry by id, read a batch at a time (a long log never sits in memory at once)."""
        last = None
        while True:
            with transaction(self.engine) as s:
                stmt = select(AuditEntry).order_by(AuditEntry.id).limit(batch)
                rows = list(s.scalars(stmt if last is None else stmt.where(AuditEntry.id > last)))
            yield from rows
            if len(rows) < batch:
                return
            last = rows[-1].id


def entry_hash(entry: AuditEntry) -> str:
    """SHA-256 of the entry's canonical JSON (sorted keys, UTC time to the microsecond) with the previous hash."""
    body = {
        "id": entry.id,
        "at": entry.at.astimezone(dt.UTC).replace(tzinfo=None).isoformat(timespec="microseconds"),
        "actor": entry.actor,
        "action": entry.action,
        "subject": entry.subject,
        "detail": entry.detail,
        "prev_hash": entry.prev_hash,
    }
    return hashlib.sha256(canonical_json(body).encode("utf-8")).hexdigest()


def canonical_json(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def clean_detail(detail: Mapping[str, Any]) -> dict[str, Any]:
    """JSON-ready, as it will read back: 12-digit runs masked, password-like keys refused."""

    def walk(value: Any) -> Any:
        if isinstance(value, Mapping):
            out = {}
            for k, v in value.items():
                if str(k).lower() in FORBIDDEN_KEYS:
                    raise ValueError(f"the audit log never stores {k!r}")
                out[mask_text(str(k))] = walk(v)
            return out
        if isinstance(value, list | tuple | set | frozenset):
            return [walk(v) for v in value]
        if isinstance(value, str):
            return mask_text(value)
        if value is None or isinstance(value, bool | int | float):
            return value
        if isinstance(value, dt.datetime | dt.date):
            return value.isoformat()
        return mask_text(str(value))

    cleaned: dict[str, Any] = walk(detail)
    return cast(dict[str, Any], json.loads(canonical_json(cleaned)))


def retrying(engine: Engine, work: Callable[[Session], T], attempts: int = ATTEMPTS) -> T:
    """Runs `work` in a transaction of its own, again from the start when a racing writer made it collide."""
    for attempt in range(attempts):
        try:
            with transaction(engine) as s:
                return work(s)
        except (IntegrityError, OperationalError, Conflict):
            if attempt == attempts - 1:
                raise
            time.sleep(random.uniform(0.002, 0.01) * (1 + min(attempt, 10)))
    raise AssertionError("unreachable")

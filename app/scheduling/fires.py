"""Each fire time of an entry is handled once, even when two schedulers share one database (two machines)."""

from __future__ import annotations

import datetime as dt
from typing import cast

from sqlalchemy import String, Table, UniqueConstraint, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, mapped_column

from orynda.database import transaction
from orynda.leases import dead_here
from orynda.schema import AwareDateTime, Base

KILLED = "cut off: the scheduler that handled this fire was killed before it ended"


class FireRow(Base):
    """One fire of one schedule entry, claimed by the scheduler that handles it."""

    __tablename__ = "schedule_fires"
    __table_args__ = (UniqueConstraint("entry", "fire_time"),)
    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    entry: Mapped[str] = mapped_column(String(60))
    fire_time: Mapped[dt.datetime] = mapped_column(AwareDateTime)
    holder: Mapped[str] = mapped_column(String(120))
    claimed_at: Mapped[dt.datetime] = mapped_column(AwareDateTime)
    outcome: Mapped[str | None] = mapped_column(String(200), nullable=True)


_TABLE = cast(Table, FireRow.__table__)  # created on first use when the store predates this module


def claim_fire(engine: Engine, entry: str, fire_time: dt.datetime, holder: str, now: dt.datetime) -> bool:
    """True for the first scheduler to claim this fire; every other one skips it."""
    _TABLE.create(engine, checkfirst=True)
    try:
        with transaction(engine) as s:
            s.add(FireRow(entry=entry, fire_time=fire_time, holder=holder, claimed_at=now))
        return True
    except IntegrityError:
        return False


def record_outcome(engine: Engine, entry: str, fire_time: dt.datetime, outcome: str) -> None:
    """What the fire led to (run id and status, busy, skipped), for `runner.py schedules` and the logs."""
    with transaction(engine) as s:
        row = s.scalars(select(FireRow).where(FireRow.entry == entry, FireRow.fire_time == fire_time)).first()
        if row is not None:
            row.outcome = outcome[:200]


def recent_fires(engine: Engine, entry: str, limit: int = 5) -> list[FireRow]:
    """The entry's latest fires, newest first."""
    _TABLE.create(engine, checkfirst=True)
    with transaction(engine) as s:
        stmt = select(FireRow).where(FireRow.entry == entry).order_by(FireRow.fire_time.desc()).limit(limit)
        return list(s.scalars(stmt))


def close_killed(engine: Engine) -> int:
    """Fires left without an outcome by a scheduler of this machine that is gone get one; returns how many."""
    _TABLE.create(engine, checkfirst=True)
    with transaction(engine) as s:
        orphans = [row for row in s.scalars(select(FireRow).where(FireRow.outcome.is_(None))) if dead_here(row.holder)]
        for row in orphans:
            row.outcome = KILLED
        return len(orphans)

"""One run of a flow at a time, across processes and machines: a lease row in the runs database.

Taken when a run starts, renewed by a heartbeat while it works, released at the end. A holder that dies (kill -9,
power cut) stops renewing, so its lease expires after `ttl_s` and the flow is free again; a holder on this machine
whose process is gone is recognised at once.
"""

from __future__ import annotations

import datetime as dt
import os
import secrets
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, cast

from loguru import logger
from sqlalchemy import String, Table, delete, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, mapped_column

from orynda import clock
from orynda.database import transaction
from orynda.errors import ConfigError
from orynda.processes import alive
from orynda.schema import AwareDateTime, Base

DEFAULT_TTL_S = 120.0
Clock = Callable[[], dt.datetime]


class FlowBusy(ConfigError):
    """The flow is already running somewhere; this start is refused, not queued."""


class LeaseRow(Base):
    __tablename__ = "leases"
    flow: Mapped[str] = mapped_column(String(60), primary_key=True)
    holder: Mapped[str] = mapped_column(String(120))
    token: Mapped[str] = mapped_column(String(40))
    acquired_at: Mapped[dt.datetime] = mapped_column(AwareDateTime)
    expires_at: Mapped[dt.datetime] = mapped_column(AwareDateTime)


_TABLE = cast(Table, LeaseRow.__table__)  # created on first use when the store predates this module


@dataclass
class Lease:
    """A lease this process holds; `lost` turns true when another holder took it over after expiry."""

    flow: str
    holder: str
    token: str
    ttl_s: float
    lost: threading.Event = field(default_factory=threading.Event)


@contextmanager
def lease(
    engine: Engine,
    flow: str,
    holder: str,
    ttl_s: float = DEFAULT_TTL_S,
    *,
    now: Clock = clock.now,
    heartbeat: bool = True,
) -> Iterator[Lease]:
    """Holds the flow's lease for the block, renewing it every third of its TTL; raises FlowBusy if taken."""
    held = acquire(engine, flow, holder, ttl_s, now=now)
    stop = threading.Event()
    beat = threading.Thread(target=_heartbeat, args=(engine, held, stop, now), daemon=True, name=f"lease:{flow}")
    if heartbeat:
        beat.start()
    try:
        yield held
    finally:
        stop.set()
        if heartbeat:
            beat.join()
        release(engine, held)


def acquire(engine: Engine, flow: str, holder: str, ttl_s: float = DEFAULT_TTL_S, *, now: Clock = clock.now) -> Lease:
    """Inserts the lease, or takes over one whose holder is gone; each a single statement, so two never both win."""
    _TABLE.create(engine, checkfirst=True)
    held = Lease(flow, holder, secrets.token_hex(8), ttl_s)
    moment = now()
    values = {"holder": holder, "token": held.token, "acquired_at": moment, "expires_at": moment + _ttl(ttl_s)}
    try:
        with transaction(engine) as s:
            s.add(LeaseRow(flow=flow, **values))
        return held
    except IntegrityError:
        _take_over(engine, flow, values, moment)
        return held


def _take_over(engine: Engine, flow: str, values: dict[str, Any], moment: dt.datetime) -> None:
    with transaction(engine) as s:
        current = s.get(LeaseRow, flow)
        if current is None or not (current.expires_at < moment or dead_here(current.holder)):
            raise FlowBusy(_busy_message(current, flow))
        gone = current.holder
        # the old token in the WHERE: nobody else took it over between our read and this write
        taken = s.execute(
            update(LeaseRow).where(LeaseRow.flow == flow, LeaseRow.token == current.token).values(**values)
        )
    if getattr(taken, "rowcount", 0) != 1:
        raise FlowBusy(f"flow {flow} was just taken by another starter; try again in a moment")
    logger.warning("lease on {} taken over from {}, which is gone or stopped renewing it", flow, gone)


def dead_here(holder: str) -> bool:
    """True when the holder is a process of this machine that no longer exists (killed, crashed): no need to wait
    for its lease to expire. A holder on another machine can only expire."""
    host, _, pid = holder.rpartition(":")
    return host == os.uname().nodename and pid.isdigit() and not alive(int(pid))


def renew(engine: Engine, held: Lease, *, now: Clock = clock.now) -> bool:
    """Pushes the expiry forward; False when the lease is no longer ours."""
    with transaction(engine) as s:
        result = s.execute(
            update(LeaseRow)
            .where(LeaseRow.flow == held.flow, LeaseRow.token == held.token)
            .values(expires_at=now() + _ttl(held.ttl_s))
        )
    return getattr(result, "rowcount", 0) == 1


def release(engine: Engine, held: Lease) -> None:
    """Frees the flow, only if the lease is still ours."""
    with transaction(engine) as s:
        s.execute(delete(LeaseRow).where(LeaseRow.flow == held.flow, LeaseRow.token == held.token))


def holder_of(engine: Engine, flow: str) -> LeaseRow | None:
    """Who holds the flow's lease now (expired or not), for messages and `runner.py schedules`."""
    _TABLE.create(engine, checkfirst=True)
    with transaction(engine) as s:
        return s.scalars(select(LeaseRow).where(LeaseRow.flow == flow)).first()


def _heartbeat(engine: Engine, held: Lease, stop: threading.Event, now: Clock) -> None:
    while not stop.wait(held.ttl_s / 3):
        try:
            still_ours = renew(engine, held, now=now)
        except Exception as exc:  # a locked or unreachable database: try again on the next beat
            logger.warning("lease on {}: renewal failed, will retry: {}", held.flow, exc)
            continue
        if not still_ours:
            logger.error("lease on {} was taken over by another holder; this run should stop", held.flow)
            held.lost.set()
            return


def _busy_message(row: LeaseRow | None, flow: str) -> str:
    if row is None:
        return f"flow {flow} is already starting elsewhere; try again in a moment"
    return (
        f"flow {flow} is already running (held by {row.holder} since {row.acquired_at:%Y-%m-%d %H:%M:%S}); "
        f"wait for it to finish, or see `runner.py runs`"
    )


def _ttl(seconds: float) -> dt.timedelta:
    return dt.timedelta(seconds=seconds)

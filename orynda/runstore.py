"""Reading and writing runs and work items; the one place that talks to the database."""

from __future__ import annotations

import os
import secrets
from collections import Counter
from collections.abc import Iterable
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from orynda import clock
from orynda.database import make_engine, transaction
from orynda.flow import ItemResult, ItemSpec
from orynda.schema import Attempt, Item, ItemState, Run, RunStatus, SideEffect, SiteCall

CUT_OFF = "the attempt was cut off: the run stopped (killed, crashed or powered off) while it was in flight"


@dataclass
class RunCounts:
    total: int = 0
    by_state: Counter[str] = field(default_factory=Counter)
    retries: int = 0

    @property
    def failed(self) -> int:
        """Items that failed on system faults after their retries."""
        return self.by_state[ItemState.SYSTEM]

    @property
    def left(self) -> int:
        return self.by_state[ItemState.NEW] + self.by_state[ItemState.IN_PROGRESS]


class RunStore:
    """The store of runs: runs, their work items and attempts, once-only side effects and site calls. Every method is
    one transaction, committed before it returns, so a kill at any moment loses nothing that was recorded."""

    def __init__(self, url: str) -> None:
        self.engine = make_engine(url)

    def session(self) -> AbstractContextManager[Session]:
        return transaction(self.engine)

    # --- runs -------------------------------------------------------------------------------------------
    def create_run(
        self, flow: str, params: dict[str, Any], specs: Iterable[ItemSpec[Any]], runs_dir: Path, trigger: str = "cli"
    ) -> Run:
        """Records the run and all its items at once, before any browser starts."""
        started = clock.now()
        run_id = clock.run_id_for(started, secrets.token_hex(2))
        folder = runs_dir / run_id
        folder.mkdir(parents=True, exist_ok=True)
        run = Run(
            id=run_id,
            flow=flow,
            params=params,
            started_at=started,
            folder=str(folder),
            trigger=trigger,
            status=RunStatus.RUNNING,
        )
        with self.session() as s:
            s.add(run)
            s.flush()
            s.add_all(_item_row(run_id, spec, started) for spec in specs)
        return run

    def add_items(self, run_id: str, specs: Iterable[ItemSpec[Any]]) -> None:
        """Items a flow discovered on a site; recorded at once, before any is processed."""
        now = clock.now()
        with self.session() as s:
            s.add_all(_item_row(run_id, spec, now) for spec in specs)

    def get_run(self, run_id: str) -> Run | None:
        with self.session() as s:
            return s.get(Run, run_id)

    def latest_unfinished(self, flow: str | None = None) -> Run | None:
        stmt = select(Run).where(Run.status.in_([RunStatus.RUNNING, RunStatus.INTERRUPTED, RunStatus.PAUSED]))
        if flow:
            stmt = stmt.where(Run.flow == flow)
        with self.session() as s:
            return s.scalars(stmt.order_by(Run.started_at.desc())).first()

    def list_runs(self, limit: int = 20) -> list[Run]:
        with self.session() as s:
            return list(s.scalars(select(Run).order_by(Run.started_at.desc()).limit(limit)))

    def set_status(self, run_id: str, status: RunStatus, *, ended: bool = False, report: Path | None = None) -> None:
        values: dict[str, Any] = {"status": status}
        if ended:
            values["ended_at"] = clock.now()
        if report:
            values["report_path"] = str(report)
        with self.session() as s:
            s.execute(update(Run).where(Run.id == run_id).values(**values))

    # --- items ------------------------------------------------------------------------------------------
    def reopen_in_flight(self, run_id: str) -> int:
        """Items caught in progress by a crash go back to new, and the attempts the crash cut off are closed with
        that cause (the Exceptions sheet shows them); finished items are never touched."""
        in_flight = select(Item.id).where(Item.run_id == run_id, Item.state == ItemState.IN_PROGRESS)
        with self.session() as s:
            s.execute(
                update(Attempt)
                .where(Attempt.run_id == run_id, Attempt.ended_at.is_(None), Attempt.item_id.in_(in_flight))
                .values(ended_at=clock.now(), outcome="system", error_code="CutOff", error_message=CUT_OFF)
            )
            result = s.execute(
                update(Item)
                .where(Item.run_id == run_id, Item.state == ItemState.IN_PROGRESS)
                .values(state=ItemState.NEW)
            )
            return int(getattr(result, "rowcount", 0) or 0)

    def pending(self, run_id: str) -> list[Item]:
        with self.session() as s:
            stmt = select(Item).where(Item.run_id == run_id, Item.state.in_([ItemState.NEW, ItemState.IN_PROGRESS]))
            return list(s.scalars(stmt.order_by(Item.seq)))

    def items(self, run_id: str) -> list[Item]:
        with self.session() as s:
            return list(s.scalars(select(Item).where(Item.run_id == run_id).order_by(Item.seq)))

    def start_attempt(self, item_id: int) -> int:
        """Marks the item in progress and opens an attempt; returns its number."""
        now = clock.now()
        with self.session() as s:
            item = s.get_one(Item, item_id)
            item.state, item.attempts, item.updated_at = ItemState.IN_PROGRESS, item.attempts + 1, now
            s.add(Attempt(item_id=item_id, run_id=item.run_id, number=item.attempts, started_at=now))
            return item.attempts

    def end_attempt(
        self,
        item_id: int,
        outcome: str,
        *,
        code: str | None = None,
        message: str | None = None,
        evidence: str | None = None,
    ) -> None:
        with self.session() as s:
            attempt = s.scalars(
                select(Attempt).where(Attempt.item_id == item_id).order_by(Attempt.number.desc())
            ).first()
            if attempt is not None:
                attempt.ended_at, attempt.outcome = clock.now(), outcome
                attempt.error_code, attempt.error_message, attempt.evidence = code, message, evidence

    def finish_item(
        self,
        item_id: int,
        state: ItemState,
        *,
        result: dict[str, Any] | None = None,
        code: str | None = None,
        message: str | None = None,
        evidence: str | None = None,
    ) -> None:
        """The item's one final state, written once."""
        with self.session() as s:
            item = s.get_one(Item, item_id)
            if ItemState(item.state).finished:
                raise RuntimeError(f"item {item.run_id}#{item.seq} already finished as {item.state}")
            item.state, item.result, item.updated_at = state, result, clock.now()
            item.error_code, item.error_message, item.evidence = code, message, evidence

    def attempts(self, run_id: str) -> list[Attempt]:
        with self.session() as s:
            return list(s.scalars(select(Attempt).where(Attempt.run_id == run_id).order_by(Attempt.id)))

    def counts(self, run_id: str) -> RunCounts:
        with self.session() as s:
            rows = s.execute(
                select(Item.state, func.count(), func.sum(Item.attempts))
                .where(Item.run_id == run_id)
                .group_by(Item.state)
            ).all()
        counts = RunCounts()
        for state, n, attempts in rows:
            counts.by_state[state] = n
            counts.total += n
            counts.retries += max(0, int(attempts or 0) - (n if state != ItemState.NEW else 0))
        return counts

    # --- side effects and site calls --------------------------------------------------------------------
    def claim_side_effect(
        self, key: str, kind: str, run_id: str, item_seq: int | None, detail: dict[str, Any] | None = None
    ) -> bool:
        """True the first time a key is claimed, False ever after: the effect is done at most once."""
        try:
            with self.session() as s:
                s.add(
                    SideEffect(
                        key=key,
                        kind=kind,
                        run_id=run_id,
                        item_seq=item_seq,
                        detail=detail or {},
                        created_at=clock.now(),
                    )
                )
            return True
        except IntegrityError:
            return False

    def side_effect(self, key: str) -> SideEffect | None:
        with self.session() as s:
            return s.get(SideEffect, key)

    def complete_side_effect(self, key: str, ref: str, detail: dict[str, Any] | None = None) -> None:
        with self.session() as s:
            effect = s.get_one(SideEffect, key)
            effect.ref = ref
            effect.detail = {**effect.detail, **(detail or {})}

    def side_effects(self, run_id: str | None = None, kind: str | None = None) -> list[SideEffect]:
        stmt = select(SideEffect)
        if run_id:
            stmt = stmt.where(SideEffect.run_id == run_id)
        if kind:
            stmt = stmt.where(SideEffect.kind == kind)
        with self.session() as s:
            return list(s.scalars(stmt.order_by(SideEffect.created_at)))

    def add_site_calls(self, calls: list[SiteCall]) -> None:
        if calls:
            with self.session() as s:
                s.add_all(calls)

    def site_calls(self, run_id: str) -> list[SiteCall]:
        with self.session() as s:
            return list(s.scalars(select(SiteCall).where(SiteCall.run_id == run_id)))


def _item_row(run_id: str, spec: ItemSpec[Any], now: Any) -> Item:
    if spec.error:
        return Item(
            run_id=run_id,
            seq=spec.seq,
            key=spec.key,
            source=spec.source,
            payload=spec.payload.model_dump(mode="json"),
            state=ItemState.BUSINESS,
            result=ItemResult(fields=spec.fields).to_json() if spec.fields else None,
            error_code="InvalidInput",
            error_message=spec.error,
            updated_at=now,
        )
    return Item(
        run_id=run_id,
        seq=spec.seq,
        key=spec.key,
        source=spec.source,
        payload=spec.payload.model_dump(mode="json"),
        state=ItemState.NEW,
        updated_at=now,
    )


def holder_name() -> str:
    """Who runs this: host and process, for leases and the run log."""
    return f"{os.uname().nodename}:{os.getpid()}"

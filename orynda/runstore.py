"""Reading and writing runs and work items; the one place that talks to the database."""

from __future__ import annotations

import os
import secrets
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from sqlalchemy import ColumnElement, Table, delete, func, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from orynda import clock
from orynda.database import make_engine, transaction
from orynda.flow import ItemResult, ItemSpec
from orynda.schema import Attempt, Item, ItemState, Run, RunLoad, RunStatus, SideEffect, SiteCall

Payload = dict[str, Any]
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
        self,
        flow: str,
        params: dict[str, Any],
        specs: Iterable[ItemSpec[Any]],
        runs_dir: Path,
        trigger: str = "cli",
        *,
        loading: bool = False,
    ) -> Run:
        """Records the run with the items given, before any browser starts. `loading`: its list is read after this
        (in batches from a file, page by page from a site) and is complete only once `finish_loading` says so."""
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
            if loading:
                s.add(RunLoad(run_id=run_id, read=0))
            _insert_items(s, [_item_row(run_id, spec, started) for spec in specs])
        return run

    def add_items(self, run_id: str, specs: Sequence[ItemSpec[Any]], *, read: int | None = None) -> None:
        """One batch of items, in one short transaction; `read` is how far the list has been read with it."""
        now = clock.now()
        rows = [_item_row(run_id, spec, now) for spec in specs]  # made before the transaction: it only writes
        with self.session() as s:
            _insert_items(s, rows)
            if read is not None:
                s.execute(update(RunLoad).where(RunLoad.run_id == run_id).values(read=read))

    def record_listed(
        self,
        run_id: str,
        page: int,
        specs: Sequence[ItemSpec[Any]],
        merge: Callable[[Payload, Payload], Payload] | None,
    ) -> None:
        """One page of a site's list, with the page number it reached, in one transaction: a key met on an earlier
        page stays one item, its payload joined with the new one by `merge`; a new key is numbered after the rest."""
        now = clock.now()
        with self.session() as s:
            keys = [spec.key for spec in specs]
            known = {i.key: i for i in s.scalars(select(Item).where(Item.run_id == run_id, Item.key.in_(keys)))}
            last = s.scalar(select(func.max(Item.seq)).where(Item.run_id == run_id)) or 0
            for spec in specs:
                payload = spec.payload.model_dump(mode="json")
                if spec.key in known:
                    item = known[spec.key]
                    if merge is not None:
                        item.payload, item.updated_at = merge(dict(item.payload), payload), now
                    continue
                last += 1
                item = Item(**_item_row(run_id, ItemSpec(last, spec.key, spec.payload, spec.source), now))
                s.add(item)
                known[spec.key] = item
            s.execute(update(RunLoad).where(RunLoad.run_id == run_id).values(read=page))

    def loaded(self, run_id: str) -> bool:
        """Whether the run's list of items is complete (a run recorded with all its items at once has no load)."""
        with self.session() as s:
            load = s.get(RunLoad, run_id)
            if load is not None:
                return load.loaded_at is not None
            return s.scalar(select(Item.id).where(Item.run_id == run_id).limit(1)) is not None

    def open_load(self, run_id: str) -> None:
        """Marks the run's list as being read, unless a load is recorded already (complete or not)."""
        with self.session() as s:
            if s.get(RunLoad, run_id) is None:
                s.add(RunLoad(run_id=run_id, read=0))

    def read_so_far(self, run_id: str) -> int:
        """The last row or list page an unfinished load recorded: a resume reads on after it."""
        with self.session() as s:
            load = s.get(RunLoad, run_id)
            return load.read if load is not None else 0

    def finish_loading(self, run_id: str, *, by_key: bool = False, keep: int | None = None) -> int:
        """Marks the run's list complete, in one transaction; `by_key` numbers its items 1, 2, … in key order and
        `keep` leaves only that many, the lowest keys (nothing was worked yet). Returns how many items it has."""
        with self.session() as s:
            if by_key:
                rows = s.execute(select(Item.id, Item.key).where(Item.run_id == run_id).order_by(Item.key)).all()
                dropped = [row.id for row in rows[keep:]] if keep is not None else []
                for at in range(0, len(dropped), 500):
                    s.execute(delete(Item).where(Item.id.in_(dropped[at : at + 500])))
                kept = rows[:keep] if keep is not None else rows
                # two passes: a new number may still be held by another item until it moves
                for seq, row in enumerate(kept, start=1):
                    s.execute(update(Item).where(Item.id == row.id).values(seq=-seq))
                s.execute(update(Item).where(Item.run_id == run_id).values(seq=-Item.seq))
            s.execute(update(RunLoad).where(RunLoad.run_id == run_id).values(loaded_at=clock.now()))
            return int(s.scalar(select(func.count()).select_from(Item).where(Item.run_id == run_id)) or 0)

    def last_seq(self, run_id: str) -> int:
        with self.session() as s:
            return int(s.scalar(select(func.max(Item.seq)).where(Item.run_id == run_id)) or 0)

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
            return list(s.scalars(select(Item).where(*_pending(run_id)).order_by(Item.seq)))

    def pending_after(self, run_id: str, seq: int, limit: int) -> list[Item]:
        """The next `limit` pending items after `seq`, in order: the engine reads its work in batches, so a run of
        100,000 items never sits in memory whole."""
        with self.session() as s:
            stmt = select(Item).where(*_pending(run_id), Item.seq > seq).order_by(Item.seq).limit(limit)
            return list(s.scalars(stmt))

    def has_pending(self, run_id: str) -> bool:
        with self.session() as s:
            return s.scalars(select(Item.id).where(*_pending(run_id)).limit(1)).first() is not None

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


def _insert_items(s: Session, rows: list[dict[str, Any]]) -> None:
    """One statement per shape of row, executed for many rows at once (no ORM objects: 100,000 rows take seconds)."""
    table = cast(Table, Item.__table__)
    for with_result in (False, True):
        same = [row for row in rows if ("result" in row) == with_result]
        if same:
            s.execute(insert(table), same)


def _item_row(run_id: str, spec: ItemSpec[Any], now: Any) -> dict[str, Any]:
    """An item's columns for one insert: a row already known to be bad is recorded finished, as a business case."""
    row: dict[str, Any] = {
        "run_id": run_id,
        "seq": spec.seq,
        "key": spec.key,
        "source": spec.source,
        "payload": spec.payload.model_dump(mode="json"),
        "state": ItemState.NEW,
        "attempts": 0,
        "error_code": None,
        "error_message": None,
        "evidence": None,
        "updated_at": now,
    }
    if spec.error:
        row["state"], row["error_code"], row["error_message"] = ItemState.BUSINESS, "InvalidInput", spec.error
        if spec.fields:  # a row without one leaves the column NULL, as an item not worked yet
            row["result"] = ItemResult(fields=spec.fields).to_json()
    return row


def holder_name() -> str:
    """Who runs this: host and process, for leases and the run log."""
    return f"{os.uname().nodename}:{os.getpid()}"


def _pending(run_id: str) -> tuple[ColumnElement[bool], ...]:
    """The run's items still to work: new, or cut off in progress."""
    return Item.run_id == run_id, Item.state.in_([ItemState.NEW, ItemState.IN_PROGRESS])

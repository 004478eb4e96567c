"""The review queue: every drafted act that the policy does not let the robot file itself waits here for a person.

    proposed ──approve──────────► approved ─────────┐
        │ ───change_and_approve─► changed_approved ─┴─mark_filed─► filed
        └──reject───────────────► rejected          (final: never filed)

A decision records who, when (Asia/Almaty) and why — a reason is required to reject or to change — and writes its
audit entry in the same transaction. Every transition is a compare-and-set on the item's version, so of two people
deciding one item at once exactly one wins and the other is told the item's new state.

A rejection as "not a finding" teaches the robot: the same fact (asset, employer or account of the same proceeding)
is not proposed again while the registries' facts stay the same (`facts_digest`); a changed digest proposes it anew.
Any other rejection stands for as long as the facts stay the same: `propose` hands the rejected item back.

For the night flow:

    if queue.is_suppressed(draft.fact, digest): skip the draft
    item = queue.propose(act=..., fact=draft.fact, ..., mode=mode, facts_digest=digest, ...)
    for item in queue.to_file(): file once (ctx.once, as for auto acts), then queue.mark_filed(item.id, ref)
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any, Protocol, cast

from sqlalchemy import JSON, Boolean, Integer, String, Table, Text, UniqueConstraint, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Mapped, Session, mapped_column

from domain.documents.policy import MODES, Mode
from orynda import clock
from orynda.audit import AuditEntry, AuditLog, Conflict, canonical_json, retrying
from orynda.database import transaction
from orynda.masking import mask_iin
from orynda.schema import AwareDateTime, Base


class ReviewState(StrEnum):
    PROPOSED = "proposed"
    APPROVED = "approved"
    CHANGED_APPROVED = "changed_approved"
    REJECTED = "rejected"
    FILED = "filed"

    @property
    def approved(self) -> bool:
        return self in (ReviewState.APPROVED, ReviewState.CHANGED_APPROVED)


# Every legal transition; anything else raises IllegalTransition. Nothing leads out of rejected or filed.
TRANSITIONS: Mapping[ReviewState, frozenset[ReviewState]] = {
    ReviewState.PROPOSED: frozenset({ReviewState.APPROVED, ReviewState.CHANGED_APPROVED, ReviewState.REJECTED}),
    ReviewState.APPROVED: frozenset({ReviewState.FILED}),
    ReviewState.CHANGED_APPROVED: frozenset({ReviewState.FILED}),
    ReviewState.REJECTED: frozenset(),
    ReviewState.FILED: frozenset(),
}


class ReviewError(ValueError):
    """A decision the queue refuses: a blank reason, an unknown item, a decider who may not decide it."""


class IllegalTransition(ReviewError):
    def __init__(self, item_id: int, current: str, wanted: str) -> None:
        super().__init__(f"review item {item_id} is {current}: it cannot become {wanted}")
        self.item_id, self.current, self.wanted = item_id, current, wanted


class UnknownItem(ReviewError):
    pass


class NotAllowed(ReviewError):
    pass


class ReviewItem(Base):
    """One drafted act waiting for (or past) a person's decision. `round` counts the act's proposals: a rejected act
    whose facts changed is proposed again as the next round."""

    __tablename__ = "review_items"
    __table_args__ = (UniqueConstraint("act", "round"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    act: Mapped[str] = mapped_column(String(32), index=True)  # ORY-2026-000123: both languages of one act
    round: Mapped[int] = mapped_column(Integer, default=1)
    fact: Mapped[str] = mapped_column(String(400), index=True)
    kind: Mapped[str] = mapped_column(String(40), index=True)
    proceeding: Mapped[str] = mapped_column(String(60), index=True)
    debtor_iin: Mapped[str] = mapped_column(String(12), index=True)  # the store may hold it; logs and audit never do
    debtor_name: Mapped[str] = mapped_column(Text)
    bailiff: Mapped[str] = mapped_column(String(80), index=True)  # the proceeding's bailiff, as AIS EP names them
    run_id: Mapped[str] = mapped_column(String(40), index=True)
    item_seq: Mapped[int | None] = mapped_column(Integer, nullable=True)
    mode: Mapped[str] = mapped_column(String(10))
    state: Mapped[str] = mapped_column(String(20), index=True, default=ReviewState.PROPOSED)
    version: Mapped[int] = mapped_column(Integer, default=1)
    facts_digest: Mapped[str] = mapped_column(String(64))
    documents: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)  # a dict per language version
    evidence: Mapped[list[str]] = mapped_column(JSON, default=list)  # screenshots, certificate: files of the run
    conflicts: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # field → {registry: value}
    proposed_at: Mapped[dt.datetime] = mapped_column(AwareDateTime)
    decided_by: Mapped[str | None] = mapped_column(String(80), nullable=True)
    decided_at: Mapped[dt.datetime | None] = mapped_column(AwareDateTime, nullable=True)
    reason: Mapped[str | None] = mapped_column(Text, nullable=True)  # why rejected / changed; an approval's note
    not_a_finding: Mapped[bool] = mapped_column(Boolean, default=False)
    filed_ref: Mapped[str | None] = mapped_column(Text, nullable=True)
    filed_at: Mapped[dt.datetime | None] = mapped_column(AwareDateTime, nullable=True)

    @property
    def review_state(self) -> ReviewState:
        return ReviewState(self.state)

    @property
    def subject(self) -> str:
        return subject_of(self.id)


TABLE = cast(Table, ReviewItem.__table__)
# Done inside a decision's own transaction once the item has moved (e.g. keeping a person's corrections with it)
Also = Callable[[Session, "ReviewItem"], None]


@dataclass(frozen=True)
class Batch:
    """What approve_many did: the items approved and, by id, why the others were refused."""

    done: list[ReviewItem] = field(default_factory=list)
    refused: dict[int, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Dossier:
    """What the console shows for one item: the draft in each language, the evidence files, the conflicting values
    side by side (one row per field: registry → value) and the item's audit trail."""

    item: ReviewItem
    drafts: dict[str, dict[str, Any]]
    evidence: list[tuple[str, bool]]  # (path, exists)
    conflicts: list[tuple[str, dict[str, Any]]]
    trail: list[AuditEntry]


class Deciders(Protocol):
    """Who may decide an item (orynda.users.Users is one): `may_decide` gives None when allowed, else why not."""

    def may_decide(self, login: str, bailiff: str) -> str | None: ...


def subject_of(item_id: int) -> str:
    return f"review:{item_id}"


def facts_digest(facts: Any) -> str:
    """SHA-256 of the registries' facts an act rests on (canonical JSON): what makes 'the facts changed' exact."""
    return hashlib.sha256(canonical_json(facts).encode("utf-8")).hexdigest()


class ReviewQueue:
    def __init__(self, engine: Engine, *, audit: AuditLog | None = None, deciders: Deciders | None = None) -> None:
        """`deciders` (e.g. orynda.users.Users), when given, is asked whether `by` may decide each item."""
        self.engine = engine
        TABLE.create(engine, checkfirst=True)
        self.audit = audit or AuditLog(engine)
        self.deciders = deciders

    # --- the robot's side ----------------------------------------------------------------------------------
    def propose(
        self,
        *,
        act: str,
        fact: str,
        kind: str,
        proceeding: str,
        debtor_iin: str,
        debtor_name: str,
        bailiff: str,
        run_id: str,
        item_seq: int | None,
        mode: Mode,
        facts_digest: str,
        documents: list[dict[str, Any]],
        evidence: list[str],
        conflicts: dict[str, Any],
        evidence_sha256: dict[str, str] | None = None,
    ) -> ReviewItem | None:
        """Puts a drafted act in the queue once: the act's item on a repeat (whatever its state), None when its fact
        was rejected as not a finding on these same facts, a new round when a rejected act's facts changed.
        A proposed item whose facts changed gets the new facts (it waits for the same decision)."""
        if mode not in MODES or mode == "auto":
            raise ReviewError(f"act {act}: mode {mode!r} does not wait for a person (review or manual)")
        values: dict[str, Any] = {
            "fact": fact,
            "kind": kind,
            "proceeding": proceeding,
            "debtor_iin": debtor_iin,
            "debtor_name": debtor_name,
            "bailiff": bailiff,
            "run_id": run_id,
            "item_seq": item_seq,
            "mode": mode,
            "facts_digest": facts_digest,
            "documents": list(documents),
            "evidence": [str(e) for e in evidence],
            "conflicts": dict(conflicts),
        }

        def work(s: Session) -> ReviewItem | None:
            if _suppressed(s, fact, facts_digest):
                return None
            latest = s.scalars(
                select(ReviewItem).where(ReviewItem.act == act).order_by(ReviewItem.round.desc())
            ).first()
            if latest is not None and (latest.facts_digest == facts_digest or latest.state != ReviewState.REJECTED):
                if latest.state == ReviewState.PROPOSED and latest.facts_digest != facts_digest:
                    return self._refresh(s, latest, values)
                return latest  # the same act again, or decided on earlier facts and not rejected: it stands
            item = ReviewItem(
                act=act,
                round=(latest.round + 1) if latest else 1,
                state=ReviewState.PROPOSED,
                version=1,
                proposed_at=clock.now(),
                **values,
            )
            s.add(item)
            s.flush()
            # the evidence's SHA-256 in the hash-chained trail: the files shown to the reviewer are provably these
            proof = {"evidence_sha256": dict(evidence_sha256)} if evidence_sha256 else {}
            self.audit.record(s, f"robot:{run_id}", "proposed", item.subject, {**_about(item), **proof})
            return item

        return retrying(self.engine, work)

    def is_suppressed(self, fact: str, facts_digest: str) -> bool:
        """True when this fact was rejected as not a finding on these same facts: do not draft it again."""
        with transaction(self.engine) as s:
            return _suppressed(s, fact, facts_digest)

    def to_file(self, *, debtor_iin: str | None = None) -> list[ReviewItem]:
        """Approved items not yet filed (of one debtor, when given), oldest decision first; a `manual` act is filed
        by a person, so it is not listed."""
        with transaction(self.engine) as s:
            stmt = select(ReviewItem).where(
                ReviewItem.state.in_([ReviewState.APPROVED, ReviewState.CHANGED_APPROVED]),
                ReviewItem.mode != "manual",
            )
            if debtor_iin is not None:
                stmt = stmt.where(ReviewItem.debtor_iin == debtor_iin)
            return list(s.scalars(stmt.order_by(ReviewItem.decided_at, ReviewItem.id)))

    def mark_filed(self, id: int, ref: str, *, by: str = "robot") -> ReviewItem:
        """The act is on its proceeding in AIS EP: only an approved item can be filed, and only once."""
        return self._move(id, ReviewState.FILED, by, {"filed_ref": ref, "filed_at": clock.now()}, {"ref": ref})

    # --- the person's side --------------------------------------------------------------------------------
    def get(self, id: int) -> ReviewItem | None:
        with transaction(self.engine) as s:
            return s.get(ReviewItem, id)

    def items(
        self,
        state: ReviewState | str | None = None,
        bailiff: str | None = None,
        kind: str | None = None,
        older_than: dt.datetime | dt.timedelta | None = None,
        act: str | None = None,
    ) -> list[ReviewItem]:
        """The queue, oldest proposal first; `older_than` a moment or an age (proposed before now − age)."""
        stmt = select(ReviewItem)
        if act is not None:
            stmt = stmt.where(ReviewItem.act == act)
        if state is not None:
            stmt = stmt.where(ReviewItem.state == ReviewState(state))
        if bailiff is not None:
            stmt = stmt.where(ReviewItem.bailiff == bailiff)
        if kind is not None:
            stmt = stmt.where(ReviewItem.kind == kind)
        if older_than is not None:
            before = clock.now() - older_than if isinstance(older_than, dt.timedelta) else older_than
            stmt = stmt.where(ReviewItem.proposed_at < before)
        with transaction(self.engine) as s:
            return list(s.scalars(stmt.order_by(ReviewItem.proposed_at, ReviewItem.id)))

    def approve(
        self,
        id: int,
        by: str,
        note: str | None = None,
        *,
        also: Also | None = None,
        detail: Mapping[str, Any] | None = None,
    ) -> ReviewItem:
        """`also` runs in the decision's transaction (what it writes stands or falls with the decision); `detail`
        goes into the audit entry (no personal data)."""
        return self._decide(id, ReviewState.APPROVED, by, note or None, also=also, more=detail)

    def approve_many(self, ids: Iterable[int], by: str) -> Batch:
        """Each item approved in a transaction of its own; one that cannot be is named in `refused`, not skipped."""
        batch = Batch()
        for id in ids:
            try:
                batch.done.append(self.approve(id, by))
            except ReviewError as exc:
                batch.refused[id] = str(exc)
        return batch

    def reject(self, id: int, by: str, reason: str, not_a_finding: bool = False) -> ReviewItem:
        """Rejected for good (nothing leads from rejected to filed). `not_a_finding`: the fact is not proposed again
        while the registries' facts stay the same."""
        return self._decide(id, ReviewState.REJECTED, by, _required(reason, id, "reject"), not_a_finding)

    def change_and_approve(
        self,
        id: int,
        by: str,
        reason: str,
        documents: list[dict[str, Any]] | None = None,
        *,
        also: Also | None = None,
        detail: Mapping[str, Any] | None = None,
    ) -> ReviewItem:
        """Approved with changes (the edited drafts in `documents`, when given); the reason says what changed.
        `also` and `detail` as for approve."""
        extra = {"documents": list(documents)} if documents is not None else {}
        reason = _required(reason, id, "change")
        return self._decide(id, ReviewState.CHANGED_APPROVED, by, reason, extra=extra, also=also, more=detail)

    def dossier(self, id: int) -> Dossier:
        item = self.get(id)
        if item is None:
            raise UnknownItem(f"no review item {id}")
        drafts = {str(d.get("language", i)): d for i, d in enumerate(item.documents)}
        evidence = [(p, Path(p).is_file()) for p in item.evidence]
        conflicts = [
            (name, dict(values) if isinstance(values, Mapping) else {"": values})
            for name, values in item.conflicts.items()
        ]
        return Dossier(item, drafts, evidence, conflicts, self.audit.trail(item.subject))

    def trail(self, id: int) -> list[AuditEntry]:
        return self.audit.trail(subject_of(id))

    # --- the machinery ------------------------------------------------------------------------------------
    def _decide(
        self,
        id: int,
        to: ReviewState,
        by: str,
        reason: str | None,
        not_a_finding: bool = False,
        extra: dict[str, Any] | None = None,
        also: Also | None = None,
        more: Mapping[str, Any] | None = None,
    ) -> ReviewItem:
        if not by or not by.strip():
            raise ReviewError(f"review item {id}: a decision needs the login of who decides")
        values = {"decided_by": by, "decided_at": clock.now(), "reason": reason, "not_a_finding": not_a_finding}
        detail: dict[str, Any] = {"reason": reason} if reason else {}
        if not_a_finding:
            detail["not_a_finding"] = True
        if extra:
            detail["changed_documents"] = True
        detail.update(more or {})
        return self._move(id, to, by, {**values, **(extra or {})}, detail, check_decider=True, also=also)

    def _move(
        self,
        id: int,
        to: ReviewState,
        by: str,
        values: dict[str, Any],
        detail: dict[str, Any],
        check_decider: bool = False,
        also: Also | None = None,
    ) -> ReviewItem:
        def work(s: Session) -> ReviewItem:
            item = s.get(ReviewItem, id)
            if item is None:
                raise UnknownItem(f"no review item {id}")
            if to not in TRANSITIONS[ReviewState(item.state)]:
                raise IllegalTransition(id, item.state, to)
            if check_decider and self.deciders is not None:
                refusal = self.deciders.may_decide(by, item.bailiff)
                if refusal:
                    raise NotAllowed(f"review item {id}: {refusal}")
            changed = s.execute(
                update(ReviewItem)
                .where(ReviewItem.id == id, ReviewItem.version == item.version, ReviewItem.state == item.state)
                .values(state=to, version=item.version + 1, **values)
                .execution_options(synchronize_session=False)
            )
            if getattr(changed, "rowcount", 1) != 1:
                raise Conflict(f"review item {id} changed meanwhile")
            self.audit.record(s, by, str(to), subject_of(id), {"act": item.act, "from": item.state, **detail})
            s.refresh(item)
            if also is not None:
                also(s, item)
            return item

        return retrying(self.engine, work)

    def _refresh(self, s: Session, item: ReviewItem, values: dict[str, Any]) -> ReviewItem:
        changed = s.execute(
            update(ReviewItem)
            .where(ReviewItem.id == item.id, ReviewItem.version == item.version, ReviewItem.state == item.state)
            .values(version=item.version + 1, **values)
            .execution_options(synchronize_session=False)
        )
        if getattr(changed, "rowcount", 1) != 1:
            raise Conflict(f"review item {item.id} changed meanwhile")
        self.audit.record(
            s,
            f"robot:{values['run_id']}",
            "facts_changed",
            item.subject,
            {"act": item.act, "facts_digest": values["facts_digest"]},
        )
        s.refresh(item)
        return item


def _suppressed(s: Session, fact: str, digest: str) -> bool:
    stmt = select(ReviewItem.id).where(
        ReviewItem.fact == fact,
        ReviewItem.facts_digest == digest,
        ReviewItem.state == ReviewState.REJECTED,
        ReviewItem.not_a_finding.is_(True),
    )
    return s.execute(stmt.limit(1)).first() is not None


def _required(reason: str | None, id: int, what: str) -> str:
    if reason is None or not reason.strip():
        raise ReviewError(f"review item {id}: a reason is required to {what} it")
    return reason.strip()


def _about(item: ReviewItem) -> dict[str, Any]:
    return {
        "act": item.act,
        "round": item.round,
        "kind": item.kind,
        "proceeding": item.proceeding,
        "debtor": mask_iin(item.debtor_iin),
        "bailiff": item.bailiff,
        "mode": item.mode,
        "facts_digest": item.facts_digest,
        "run_id": item.run_id,
        "item_seq": item.item_seq,
    }

"""What every page of the console works with: the stores, the users, the texts, the way flows are started."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select

from app.catalog import FLOWS
from app.console.starting import StartFlow
from orynda.audit import AuditLog
from orynda.config import Settings
from orynda.documents.numbering import DocumentRegister
from orynda.i18n import USER_LANGUAGES
from orynda.review import ReviewItem, ReviewQueue
from orynda.runs import open_store
from orynda.runstore import RunStore
from orynda.schema import Item
from orynda.users import Role, User, Users

FILE_APPROVED = "file_approved"  # the flow that files approved acts, when this installation has it


@dataclass
class Desk:
    settings: Settings
    start_flow: StartFlow
    language: str
    schedules_file: Path | None
    store: RunStore = field(init=False)
    audit: AuditLog = field(init=False)
    users: Users = field(init=False)
    queue: ReviewQueue = field(init=False)
    register: DocumentRegister = field(init=False)

    def __post_init__(self) -> None:
        if self.language not in USER_LANGUAGES:
            raise ValueError(f"console language must be one of {', '.join(USER_LANGUAGES)}, got {self.language!r}")
        self.store = open_store(self.settings)
        self.audit = AuditLog(self.store.engine)
        self.users = Users(self.store.engine, audit=self.audit)
        self.queue = ReviewQueue(self.store.engine, audit=self.audit, deciders=self.users)
        self.register = DocumentRegister(self.store.engine, office=self.settings.documents.office_prefix)

    @property
    def flows(self) -> list[str]:
        return sorted(FLOWS)

    @property
    def can_file_approved(self) -> bool:
        return FILE_APPROVED in FLOWS

    # --- who sees what ------------------------------------------------------------------------------------
    def item_bailiffs(self, run_id: str) -> dict[int, set[str]]:
        """The bailiffs of each item of a run, by seq: named in its payload or result, or on its review items."""
        by_seq: dict[int, set[str]] = {}
        with self.store.session() as s:
            for seq, bailiff in s.execute(
                select(ReviewItem.item_seq, ReviewItem.bailiff).where(ReviewItem.run_id == run_id)
            ):
                if seq is not None:
                    by_seq.setdefault(seq, set()).add(bailiff)
            for item in s.scalars(select(Item).where(Item.run_id == run_id)):
                named = _named_bailiffs(item)
                if named:
                    by_seq.setdefault(item.seq, set()).update(named)
        return by_seq

    def may_see_item(self, user: User, bailiffs: Iterable[str]) -> bool:
        """A supervisor or administrator sees every item; a bailiff an item of a proceeding assigned to them."""
        if user.role is not Role.BAILIFF:
            return user.active
        return any(user.may_see(b) for b in bailiffs)


def _named_bailiffs(item: Item) -> set[str]:
    names = {item.payload.get("bailiff")} if isinstance(item.payload, dict) else set()
    fields = (item.result or {}).get("fields") if isinstance(item.result, dict) else None
    if isinstance(fields, dict):
        names.add(fields.get("bailiff"))
    return {str(n) for n in names if n}

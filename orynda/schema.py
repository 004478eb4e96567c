"""The durable state of runs: runs, work items, attempts, side effects, site calls, the register of documents
(SQLAlchemy; SQLite by default).

Every state change is committed before the next side effect, so a run killed at any moment resumes without
redoing finished items and without losing any.
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

from sqlalchemy import (
    JSON,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from orynda.clock import ALMATY


class ItemState(enum.StrEnum):
    NEW = "new"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    BUSINESS = "business_exception"
    SYSTEM = "system_exception"

    @property
    def finished(self) -> bool:
        return self in (ItemState.DONE, ItemState.BUSINESS, ItemState.SYSTEM)


class RunStatus(enum.StrEnum):
    """Where a run stands. A finished run is `done` when every item ended done or as a business exception (a case
    for a person, in the report), `done_with_failures` when some item failed on system faults after its retries."""

    RUNNING = "running"
    DONE = "done"
    DONE_WITH_FAILURES = "done_with_failures"
    INTERRUPTED = "interrupted"
    PAUSED = "paused"
    FAILED = "failed"

    @property
    def finished(self) -> bool:
        return self in (RunStatus.DONE, RunStatus.DONE_WITH_FAILURES)


class AwareDateTime(TypeDecorator[dt.datetime]):
    """Stored as UTC, read back as Asia/Almaty: SQLite keeps no time zone of its own."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Any) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the store")
        return value.astimezone(dt.UTC).replace(tzinfo=None)

    def process_result_value(self, value: dt.datetime | None, dialect: Any) -> dt.datetime | None:
        return None if value is None else value.replace(tzinfo=dt.UTC).astimezone(ALMATY)


class Base(DeclarativeBase):
    pass


class Run(Base):
    __tablename__ = "runs"
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    flow: Mapped[str] = mapped_column(String(60), index=True)
    params: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    status: Mapped[str] = mapped_column(String(20), default=RunStatus.RUNNING)
    trigger: Mapped[str] = mapped_column(String(20), default="cli")
    started_at: Mapped[dt.datetime] = mapped_column(AwareDateTime)
    ended_at: Mapped[dt.datetime | None] = mapped_column(AwareDateTime, nullable=True)
    report_path: Mapped[str | None] = mapped_column(Text, nullable=True)
    folder: Mapped[str] = mapped_column(Text)


class RunLoad(Base):
    """How far a run's list of items has been read: rows of its input file, or pages of a site's list. While
    `loaded_at` is empty the list is incomplete (the load was killed), and a resume reads on from `read` instead of
    taking the items it has for all of them. A run without this row had all its items recorded with it."""

    __tablename__ = "run_loads"
    run_id: Mapped[str] = mapped_column(ForeignKey("runs.id"), primary_key=True)
    read: Mapped[int] = mapped_column(Integer, default=0)  # the last row (file) or page (site list) recorded
    loaded_at: Mapped[dt.datetime | None] = mapped_column(AwareDateTime, nullable=True)


class Item(Base):
    __tablename__ = "items"
    __table_args__ = (UniqueConstraint("run_id", "seq"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    run_id: Mapped[str] = mapped_column(ForeignKey("runs.id"), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    key: Mapped[str] = mapped_column(String(80))
    source: Mapped[str] = mapped_column(Text, default="")
    payload: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    state: Mapped[str] = mapped_column(String(24), default=ItemState.NEW, index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    result: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    error_code: Mapped[str | None] = mapped_column(String(60), nullable=True)
    error_message: Mapped[str | None] = mapped_column(Text, nullable=True)
    evidence: Mapped[str | None] = mapped_column(Text, nullable=True)
    updated_at: Mapped[dt.datetime | None] = mapped_column(AwareDateTime, nullable=True)


class Attempt(Base):
    __tablename__ = "attempts"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id"), index=True)
    run_id: Mapped[str] = mapped_column(String(40), index=True)
    number: Mapped[int] = mapped_column(Integer)
    started_at: Mapped[dt.datetime] = mapped_column(AwareDateTime)
    ended_at: Mapped[dt.datetime | None] = mapped_column(AwareDateTime, nullable=True)
    outcome: Mapped[str | None] = mapped_column(String(24), nullable=True)
    error_code: Mapped[str | None] = mapped_column(String(60), nullable=True)
    error_message: Mapped[str | None] = mapped_column(Text, nullable=True)
    evidence: Mapped[str | None] = mapped_column(Text, nullable=True)


class SideEffect(Base):
    """A document, upload or submission; its key makes a rerun or a resume skip it."""

    __tablename__ = "side_effects"
    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    kind: Mapped[str] = mapped_column(String(40))
    run_id: Mapped[str] = mapped_column(String(40), index=True)
    item_seq: Mapped[int | None] = mapped_column(Integer, nullable=True)
    ref: Mapped[str | None] = mapped_column(Text, nullable=True)
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    created_at: Mapped[dt.datetime] = mapped_column(AwareDateTime)


class SiteCall(Base):
    """One bot action on a registry: for the Registries sheet (lookups, failures, latency)."""

    __tablename__ = "site_calls"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    run_id: Mapped[str] = mapped_column(String(40), index=True)
    item_seq: Mapped[int | None] = mapped_column(Integer, nullable=True)
    site: Mapped[str] = mapped_column(String(40))
    action: Mapped[str] = mapped_column(String(60))
    outcome: Mapped[str] = mapped_column(String(24))
    ms: Mapped[int] = mapped_column(Integer)


class DocumentRecord(Base):
    """One document of the register: a language version of an act, its number, the fact it rests on (same fact,
    same document) and the SHA-256 of its files once sealed. The register is what `runner.py verify` trusts."""

    __tablename__ = "documents"
    __table_args__ = (UniqueConstraint("fact", "language"), UniqueConstraint("year", "serial", "language"))
    number: Mapped[str] = mapped_column(String(40), primary_key=True)  # ORY-2026-000123-KK
    act: Mapped[str] = mapped_column(String(32), index=True)  # ORY-2026-000123: both languages of one act
    year: Mapped[int] = mapped_column(Integer)
    serial: Mapped[int] = mapped_column(Integer)
    fact: Mapped[str] = mapped_column(String(400), index=True)
    kind: Mapped[str] = mapped_column(String(40))
    language: Mapped[str] = mapped_column(String(2))
    run_id: Mapped[str] = mapped_column(String(40), index=True)
    item_seq: Mapped[int | None] = mapped_column(Integer, nullable=True)
    debtor_iin: Mapped[str] = mapped_column(String(12), index=True)  # the store may hold it; logs never do
    debtor_name: Mapped[str] = mapped_column(Text)
    proceeding: Mapped[str] = mapped_column(String(60))
    issued_on: Mapped[dt.date] = mapped_column(Date)
    created_at: Mapped[dt.datetime] = mapped_column(AwareDateTime)
    docx_path: Mapped[str | None] = mapped_column(Text, nullable=True)
    pdf_path: Mapped[str | None] = mapped_column(Text, nullable=True)
    content_sha256: Mapped[str | None] = mapped_column(String(64), nullable=True)
    docx_sha256: Mapped[str | None] = mapped_column(String(64), nullable=True, index=True)
    pdf_sha256: Mapped[str | None] = mapped_column(String(64), nullable=True, index=True)
    sealed_at: Mapped[dt.datetime | None] = mapped_column(AwareDateTime, nullable=True)
    filed_ref: Mapped[str | None] = mapped_column(Text, nullable=True)
    filed_at: Mapped[dt.datetime | None] = mapped_column(AwareDateTime, nullable=True)


class SignatureRecord(Base):
    """The ЭЦП of a document, made when it was filed: who signed, with which certificate, and the signature file's
    SHA-256. A table of its own, so a register made before acts were signed gains it without a migration."""

    __tablename__ = "signatures"
    number: Mapped[str] = mapped_column(String(40), primary_key=True)  # the document's key, ORY-2026-000123-KK
    path: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64))
    signer: Mapped[str] = mapped_column(Text)
    issuer: Mapped[str] = mapped_column(Text)
    serial: Mapped[str] = mapped_column(String(80))
    signed_at: Mapped[dt.datetime] = mapped_column(AwareDateTime)

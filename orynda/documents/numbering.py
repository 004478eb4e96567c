"""The register of documents: a fact gets its act number once, inside one database transaction, and keeps it.

The register numbers the act: ORY-<year>-<serial>, the serial counting acts per year (Asia/Almaty); an office with
a code in its configuration (documents.office_prefix) numbers ORY-<code>-<year>-<serial>, so two offices' registers
never give the same number and each can tell another's number from its own. That number is
what the Kazakh and the Russian version both print and carry in their seal. The register keeps one row per
version, keyed <act>-KK and <act>-RU (the names of its files); nothing prints that key. Documents sealed before the
act's number was printed carry their version's key instead; they are never rendered again (a sealed document is
kept as it is), and verification reads both. Allocation is "the fact's rows if any, else max(serial) + 1",
committed at once; two writers racing for a serial (or a fact) collide on a unique constraint and the loser reads
again, so the same fact never gets two numbers and no number is given twice.
"""

from __future__ import annotations

import datetime as dt
import re
import time
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from sqlalchemy import func, or_, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session
from tenacity import RetryError

from domain.documents import LANGUAGES, Sent
from orynda import clock
from orynda.config import DATABASE_RETRY, RetrySettings
from orynda.database import make_engine, transaction
from orynda.retrying import retrying
from orynda.schema import DocumentRecord, SignatureRecord

PREFIX = "ORY"
ACT_NUMBER = re.compile(rf"{PREFIX}-(?:(?P<office>[A-Z][A-Z0-9]{{0,11}})-)?\d{{4}}-\d{{6}}")


@dataclass(frozen=True)
class Subject:
    """Whom and what an act concerns, as the register keeps it."""

    kind: str
    debtor_iin: str
    debtor_name: str
    proceeding: str
    run_id: str
    item_seq: int | None


@dataclass(frozen=True)
class Sealed:
    """A rendered document's files and the SHA-256 of each, and of its content (what the QR carries)."""

    docx: Path
    pdf: Path
    content_sha256: str
    docx_sha256: str
    pdf_sha256: str


class DocumentRegister:
    """The register in one database; `retry` is how a writer that lost a race reads again (Settings.retry_database)."""

    def __init__(
        self,
        engine: Engine,
        retry: RetrySettings = DATABASE_RETRY,
        *,
        office: str = "",
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.engine, self.retry, self.sleep, self.office = engine, retry, sleep, office

    def numbers_of_another_office(self, number: str) -> bool:
        """An act number (or a version's key) this register would never give: another office's code, or none."""
        found = ACT_NUMBER.match(number)
        return found is not None and (found["office"] or "") != self.office

    def session(self) -> AbstractContextManager[Session]:
        return transaction(self.engine)

    def allocate(self, fact: str, subject: Subject, on: dt.date) -> list[DocumentRecord]:
        """The act's documents for a fact, one per language: the registered ones, or new numbers for a new fact."""
        try:
            for attempt in retrying(self.retry, sleep=self.sleep, retried=_lost_race, reraise=False):
                with attempt:
                    with self.session() as s:  # committed here: a lost race raises here, inside the attempt
                        rows = _of_fact(s, fact)
                        if rows:
                            return rows
                        serial = (
                            s.scalar(select(func.max(DocumentRecord.serial)).where(DocumentRecord.year == on.year)) or 0
                        ) + 1
                        rows = [_row(fact, subject, on, serial, lang, self.office) for lang in LANGUAGES]
                        s.add_all(rows)
                    return rows
        except RetryError as exc:
            raise RuntimeError(
                f"no document number after {self.retry.attempts} attempts: the register is too busy"
            ) from exc.last_attempt.exception()
        raise AssertionError("unreachable")  # pragma: no cover

    def seal(self, number: str, sealed: Sealed) -> DocumentRecord:
        """Records the final files of a document; from now on the register vouches for exactly these bytes."""
        with self.session() as s:
            row = s.get_one(DocumentRecord, number)
            row.docx_path, row.pdf_path = str(sealed.docx), str(sealed.pdf)
            row.content_sha256, row.docx_sha256, row.pdf_sha256 = (
                sealed.content_sha256,
                sealed.docx_sha256,
                sealed.pdf_sha256,
            )
            row.sealed_at = clock.now()
            return row

    def mark_filed(self, number: str, ref: str) -> DocumentRecord:
        """The document is on its proceeding in AIS EP; the first filing time is kept."""
        with self.session() as s:
            row = s.get_one(DocumentRecord, number)
            if row.filed_at is None:
                row.filed_ref, row.filed_at = ref, clock.now()
            return row

    def record_signature(self, number: str, signature: SignatureRecord) -> SignatureRecord:
        """The document's signature as filed; the first one recorded is kept (a rerun files that same one)."""
        with self.session() as s:
            row = s.get(SignatureRecord, number)
            if row is None:
                signature.number = number
                s.add(signature)
                row = signature
            return row

    def signature(self, number: str) -> SignatureRecord | None:
        with self.session() as s:
            return s.get(SignatureRecord, number)

    def get(self, number: str) -> DocumentRecord | None:
        """A version by its key (ORY-2026-000123-KK); an act's number, as the act prints it, names its first
        version (Kazakh)."""
        with self.session() as s:
            found = s.get(DocumentRecord, number)
        if found is None and ACT_NUMBER.fullmatch(number):
            return next(iter(self.versions(number)), None)
        return found

    def versions(self, act: str) -> list[DocumentRecord]:
        """The language versions of one act, Kazakh first."""
        with self.session() as s:
            rows = s.scalars(select(DocumentRecord).where(DocumentRecord.act == act))
            return sorted(rows, key=lambda r: LANGUAGES.index(r.language))

    def by_file_sha256(self, digest: str) -> DocumentRecord | None:
        with self.session() as s:
            stmt = select(DocumentRecord).where(
                or_(DocumentRecord.pdf_sha256 == digest, DocumentRecord.docx_sha256 == digest)
            )
            return s.scalars(stmt).first()

    def sent(self, debtor_iin: str) -> dict[str, Sent]:
        """The debtor's filed acts by fact, with the day the first of their versions was filed."""
        with self.session() as s:
            rows = s.scalars(
                select(DocumentRecord).where(
                    DocumentRecord.debtor_iin == debtor_iin, DocumentRecord.filed_at.is_not(None)
                )
            )
            out: dict[str, Sent] = {}
            for row in rows:
                assert row.filed_at is not None
                day = row.filed_at.astimezone(clock.ALMATY).date()
                if row.fact not in out or day < out[row.fact].on:
                    out[row.fact] = Sent(row.act, day)
            return out

    def documents(self, run_id: str | None = None, numbers: Sequence[str] | None = None) -> list[DocumentRecord]:
        stmt = select(DocumentRecord)
        if run_id is not None:
            stmt = stmt.where(DocumentRecord.run_id == run_id)
        if numbers is not None:
            stmt = stmt.where(DocumentRecord.number.in_(list(numbers)))
        with self.session() as s:
            return list(s.scalars(stmt.order_by(DocumentRecord.number)))


@lru_cache(maxsize=8)
def register_for(url: str, retry: RetrySettings = DATABASE_RETRY, office: str = "") -> DocumentRegister:
    """The register in the run store's database (one engine per URL and process)."""
    return DocumentRegister(make_engine(url), retry, office=office)


def _lost_race(exc: BaseException) -> bool:
    """Another writer took the serial or the fact (a unique constraint), or held the database: read again."""
    return isinstance(exc, (IntegrityError, OperationalError))


def act_number(year: int, serial: int, office: str = "") -> str:
    return f"{PREFIX}-{office + '-' if office else ''}{year}-{serial:06d}"


def _of_fact(s: Session, fact: str) -> list[DocumentRecord]:
    rows = s.scalars(select(DocumentRecord).where(DocumentRecord.fact == fact))
    return sorted(rows, key=lambda r: LANGUAGES.index(r.language))


def _row(fact: str, subject: Subject, on: dt.date, serial: int, lang: str, office: str) -> DocumentRecord:
    act = act_number(on.year, serial, office)
    return DocumentRecord(
        number=f"{act}-{lang.upper()}",
        act=act,
        year=on.year,
        serial=serial,
        fact=fact,
        kind=subject.kind,
        language=lang,
        run_id=subject.run_id,
        item_seq=subject.item_seq,
        debtor_iin=subject.debtor_iin,
        debtor_name=subject.debtor_name,
        proceeding=subject.proceeding,
        issued_on=on,
        created_at=clock.now(),
    )

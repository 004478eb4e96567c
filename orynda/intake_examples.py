"""Labelled examples of intake: for each document a person decided in the review queue, the document's text, the
values the robot read (with their confidences) and the values the person confirmed (corrected or not).

They are what the next run opens the proceeding with (`confirmed`), and a set to measure the reader against after
a change (`export` to JSON lines; bench/intake.py --examples). An example is written in the same transaction as
the person's decision (`add`, given the decision's session), so there is never one without the other.
The table holds personal data (names, IINs) as the review queue does; logs never do.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, cast

from sqlalchemy import JSON, Integer, String, Table, Text, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Mapped, Session, mapped_column

from orynda import clock
from orynda.database import transaction
from orynda.schema import AwareDateTime, Base


class IntakeExample(Base):
    __tablename__ = "intake_examples"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    review_id: Mapped[int] = mapped_column(Integer, unique=True)  # the review item the person decided
    document: Mapped[str] = mapped_column(String(80), index=True)  # the court cabinet's number
    kind: Mapped[str] = mapped_column(String(40))
    language: Mapped[str] = mapped_column(String(8))
    form: Mapped[str] = mapped_column(String(20))  # structured, text or scan
    text: Mapped[str] = mapped_column(Text)  # the document's text as the robot read it (text layer or OCR)
    read: Mapped[dict[str, Any]] = mapped_column(JSON)  # field → {"value": …, "confidence": …}
    confirmed: Mapped[dict[str, str]] = mapped_column(JSON)  # field → the value the person confirmed
    corrected: Mapped[list[str]] = mapped_column(JSON)  # the fields the person changed
    pdf: Mapped[str] = mapped_column(Text, default="")  # the document's PDF in the run's evidence, when kept
    decided_by: Mapped[str] = mapped_column(String(80))
    decided_at: Mapped[dt.datetime] = mapped_column(AwareDateTime)


TABLE = cast(Table, IntakeExample.__table__)


class IntakeExamples:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        TABLE.create(engine, checkfirst=True)

    def add(
        self,
        s: Session,
        *,
        review_id: int,
        document: str,
        kind: str,
        language: str,
        form: str,
        text: str,
        read: Mapping[str, Mapping[str, Any]],
        confirmed: Mapping[str, str],
        corrected: list[str],
        pdf: str,
        by: str,
    ) -> None:
        """Records a decided document's example inside the decision's own transaction."""
        s.add(
            IntakeExample(
                review_id=review_id,
                document=document,
                kind=kind,
                language=language,
                form=form,
                text=text,
                read={name: dict(value) for name, value in read.items()},
                confirmed=dict(confirmed),
                corrected=list(corrected),
                pdf=pdf,
                decided_by=by,
                decided_at=clock.now(),
            )
        )

    def confirmed(self, review_id: int) -> dict[str, str] | None:
        """The values a person confirmed for this review item, None when no person gave any."""
        with transaction(self.engine) as s:
            found = s.scalars(select(IntakeExample).where(IntakeExample.review_id == review_id)).first()
            return dict(found.confirmed) if found else None

    def all(self) -> Iterator[IntakeExample]:
        """Every example, oldest first."""
        with transaction(self.engine) as s:
            yield from s.scalars(select(IntakeExample).order_by(IntakeExample.id))

    def export(self, out: Path) -> int:
        """Every example as one JSON line each (UTF-8); returns how many."""
        out.parent.mkdir(parents=True, exist_ok=True)
        count = 0
        with out.open("w", encoding="utf-8") as file:
            for example in self.all():
                file.write(json.dumps(as_json(example), ensure_ascii=False) + "\n")
                count += 1
        return count


def as_json(example: IntakeExample) -> dict[str, Any]:
    return {
        "document": example.document,
        "kind": example.kind,
        "language": example.language,
        "form": example.form,
        "text": example.text,
        "read": example.read,
        "confirmed": example.confirmed,
        "corrected": example.corrected,
        "pdf": example.pdf,
        "review_id": example.review_id,
        "decided_by": example.decided_by,
        "decided_at": example.decided_at.isoformat(),
    }

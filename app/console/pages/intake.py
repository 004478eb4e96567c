"""A held executive document on its review page: each field read is an input prefilled with the value read and
showing its confidence; approving takes the values as the person leaves them, checked again (a corrected IIN's
check digit), keeps them with the decision and as a labelled example (orynda.intake_examples), and the next
intake run opens the proceeding with them."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session
from starlette.datastructures import FormData

from domain.intake.corrections import changed, choices, normal_value, refusals
from domain.intake.fields import FIELDS
from orynda.i18n import Texts
from orynda.intake_examples import IntakeExamples
from orynda.review import ReviewItem, ReviewQueue

SITE = "court_cabinet"  # how the intake flow names the values it read (flows/intake.py)
_SHOWN = re.compile(r"^(.*) \((\d(?:\.\d+)?)\)$")  # «621106360324 (0.30)»: an item proposed before intake_read


@dataclass(frozen=True)
class Row:
    """One field of the form: its name, label, the value shown (read, or as the person typed it), the confidence
    of the reading, the choices when it is one of a list, and why it was refused."""

    name: str
    label: str
    value: str
    confidence: float | None
    choices: tuple[str, ...] | None
    refused: str | None
    corrected: bool = False  # the value shown is not the one read


def read_values(item: ReviewItem) -> dict[str, dict[str, Any]]:
    """Each field as the robot read it: {"value": …, "confidence": …}."""
    read = item.conflicts.get("intake_read")
    if isinstance(read, Mapping):
        return {str(name): dict(value) for name, value in read.items() if isinstance(value, Mapping)}
    out: dict[str, dict[str, Any]] = {}
    for name in FIELDS:
        shown = item.conflicts.get(name)
        text = str(shown.get(SITE, "")) if isinstance(shown, Mapping) else ""
        match = _SHOWN.match(text)
        out[name] = {"value": match.group(1), "confidence": float(match.group(2))} if match else {"value": text}
    return out


def document_of(item: ReviewItem) -> dict[str, str]:
    about = item.conflicts.get("intake_document")
    return {str(k): str(v) for k, v in about.items()} if isinstance(about, Mapping) else {}


def rows(
    t: Texts, item: ReviewItem, typed: Mapping[str, str] | None, refused: Mapping[str, str], engine: Engine
) -> list[Row]:
    """The form's rows: the values read, or as the person typed them (a refused approval), or as the person
    confirmed them (a decided item)."""
    read = read_values(item)
    if typed is None and item.review_state.approved:
        typed = IntakeExamples(engine).confirmed(item.id)
    out = []
    for name in FIELDS:
        got = read.get(name, {})
        value = typed[name] if typed is not None and name in typed else str(got.get("value", ""))
        confidence = got.get("confidence")
        why = refused.get(name)
        out.append(
            Row(
                name,
                field_label(t, name),
                value,
                float(confidence) if isinstance(confidence, int | float) else None,
                choices(name),
                refusal_text(t, name, why) if why else None,
                value != str(got.get("value", "")),
            )
        )
    return out


def field_label(t: Texts, name: str) -> str:
    key = f"console.field.{name}"
    return t(key) if t.has(key) else name


def refusal_text(t: Texts, name: str, code: str) -> str:
    """«ИИН должника: неверная контрольная цифра ИИН — исправьте значение»."""
    return t(f"console.review.intake.refused.{code}", field=field_label(t, name))


def typed_values(item: ReviewItem, form: FormData) -> dict[str, str]:
    """The values as the person left them, in the reader's formats; a field the form did not send keeps its
    value read."""
    read = read_values(item)
    out = {}
    for name in FIELDS:
        raw = form.get(f"field.{name}")
        text = raw if isinstance(raw, str) else str(read.get(name, {}).get("value", ""))
        out[name] = normal_value(name, text)
    return out


@dataclass(frozen=True)
class Outcome:
    """What approving did: the item decided, or the fields refused (then nothing was decided)."""

    item: ReviewItem | None
    typed: dict[str, str]
    refused: dict[str, str]


def approve(queue: ReviewQueue, t: Texts, item: ReviewItem, by: str, note: str, form: FormData) -> Outcome:
    """Approves the held document with the values on the form, once each is valid: changed values make it
    "changed and approved" (the reason names the fields when the person gave none); the audit entry names the
    fields changed, the labelled example keeps every value, in the decision's own transaction."""
    typed = typed_values(item, form)
    about = document_of(item)
    refused = refusals(typed, about.get("kind") or None)
    if refused:
        return Outcome(None, typed, refused)
    read = read_values(item)
    corrected = changed({name: str(value.get("value", "")) for name, value in read.items()}, typed)
    examples = IntakeExamples(queue.engine)

    def keep(s: Session, decided: ReviewItem) -> None:
        examples.add(
            s,
            review_id=decided.id,
            document=about.get("number") or decided.act.removeprefix("INTAKE-"),
            kind=about.get("kind", ""),
            language=about.get("language", ""),
            form=about.get("form", ""),
            text=str(decided.conflicts.get("intake_text", "")),
            read=read,
            confirmed=typed,
            corrected=list(corrected),
            pdf=about.get("pdf", ""),
            by=by,
        )

    detail = {"corrected": list(corrected)}  # field names only: the audit holds no personal data
    if corrected:
        reason = note or t("console.review.intake.corrected", fields=", ".join(field_label(t, n) for n in corrected))
        decided = queue.change_and_approve(item.id, by, reason, also=keep, detail=detail)
    else:
        decided = queue.approve(item.id, by, note or None, also=keep, detail=detail)
    return Outcome(decided, typed, {})

"""Small readers the pages share: an item's findings, documents and files, and serving a file a page links."""

from __future__ import annotations

import datetime as dt
import mimetypes
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from starlette.responses import FileResponse, Response

from app.console.web import not_found
from domain.documents.catalogue import kinds
from domain.findings import Finding
from orynda.i18n import Texts, texts
from orynda.schema import Item
from orynda.wording import finding_action, finding_asset, finding_message, severity_name

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".webp", ".gif")


@dataclass(frozen=True)
class Shown:
    """A finding as a page lists it."""

    code: str
    title: str
    message: str  # what was found, in words, with its figures
    action: str  # what to do, or empty
    severity: str
    registries: list[str]
    asset: str
    amount: str
    evidence: str | None


def findings_of(item: Item) -> list[dict[str, Any]]:
    result = item.result if isinstance(item.result, dict) else {}
    found = result.get("findings")
    return [f for f in found if isinstance(f, dict)] if isinstance(found, list) else []


def fields_of(item: Item) -> dict[str, Any]:
    result = item.result if isinstance(item.result, dict) else {}
    fields = result.get("fields")
    return fields if isinstance(fields, dict) else {}


def documents_of(item: Item) -> list[dict[str, Any]]:
    docs = fields_of(item).get("documents")
    return [d for d in docs if isinstance(d, dict)] if isinstance(docs, list) else []


def shown_findings(item: Item, t: Texts) -> list[Shown]:
    """Each finding in the office's language (orynda.wording), as the report words it; one stored in a shape no
    longer read is shown by its code rather than failing the page."""
    out = []
    for stored in findings_of(item):
        try:
            f = Finding.model_validate(stored)
        except ValidationError:
            code = str(stored.get("code") or "")
            out.append(Shown(code, code, "", "", "", [], "", "", None))
            continue
        out.append(
            Shown(
                code=f.code,
                title=t(f"console.finding.{f.code}") if t.has(f"console.finding.{f.code}") else f.code,
                message=finding_message(t, f),
                action=finding_action(t, f) or "",
                severity=severity_name(t, f.severity.value),
                registries=[t.site(name) for name in f.registries],
                asset=finding_asset(t, f) or "",
                amount=money(f.amount, t),
                evidence=f.evidence,
            )
        )
    return out


def money(value: Any, t: Texts) -> str:
    if value is None or value == "":
        return ""
    try:
        return t.value(Decimal(str(value)))
    except InvalidOperation:
        return str(value)


PAYMENT_MATCH = "payment_match"  # a payment the robot could not match for sure (flows/payments)
INTAKE_DOCUMENT = "intake_document"  # an executive document the robot could not read for sure (flows/intake)


def kind_title(kind: str, lang: str) -> str:
    if kind == PAYMENT_MATCH:
        return texts(lang)("console.review.payment.kind")
    if kind == INTAKE_DOCUMENT:
        return texts(lang)("console.review.intake.kind")
    known = kinds().get(kind)
    return known.title.get(lang, kind) if known else kind


def day(value: Any) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def is_image(path: str) -> bool:
    return path.lower().endswith(IMAGE_SUFFIXES)


def within(path: str, folder: Path) -> Path | None:
    """The file, when it lies inside `folder` (a relative path is taken from there)."""
    candidate = Path(path)
    full = (candidate if candidate.is_absolute() else folder / candidate).resolve()
    return full if full.is_relative_to(folder.resolve()) and full.is_file() else None


def serve(path: str, allowed: Iterable[str], folders: Iterable[Path], *, download: bool) -> Response:
    """A file a page links, only when the page's item names it and it lies in one of its folders."""
    if path not in set(allowed):
        not_found()
    for folder in folders:
        full = within(path, folder)
        if full is not None:
            kind = mimetypes.guess_type(full.name)[0] or "application/octet-stream"
            disposition = "attachment" if download else "inline"
            return FileResponse(full, media_type=kind, filename=full.name, content_disposition_type=disposition)
    not_found()

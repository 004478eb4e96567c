"""Small readers the pages share: an item's findings, documents and files, and serving a file a page links."""

from __future__ import annotations

import datetime as dt
import mimetypes
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from starlette.responses import FileResponse, Response

from app.console.web import not_found
from domain.documents.catalogue import kinds
from orynda.i18n import Texts
from orynda.schema import Item

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".webp", ".gif")


@dataclass(frozen=True)
class Shown:
    """A finding as a page lists it."""

    code: str
    title: str
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
    out = []
    for f in findings_of(item):
        code = str(f.get("code") or "")
        registry = f.get("registry") or f.get("registries") or ""
        names = registry if isinstance(registry, list) else [r.strip() for r in str(registry).split(",") if r.strip()]
        severity = str(f.get("severity") or "info")
        out.append(
            Shown(
                code=code,
                title=t(f"console.finding.{code}") if t.has(f"console.finding.{code}") else code,
                severity=t(f"severity.{severity}") if t.has(f"severity.{severity}") else severity,
                registries=[t.site(str(n)) for n in names],
                asset=str(f.get("asset") or ""),
                amount=money(f.get("amount"), t),
                evidence=str(f["evidence"]) if f.get("evidence") else None,
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


def kind_title(kind: str, lang: str) -> str:
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

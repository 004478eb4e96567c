"""Documents sheet: one row per document an item issued or found already issued — number, kind, language, debtor,
proceeding, links to the PDF and DOCX, and whether it is filed in AIS EP. Read from the items' results
(fields["documents"], written by flows/documents_step); a filing recorded as a side effect of this run also counts."""

from __future__ import annotations

import datetime as dt
from typing import Any

from openpyxl import Workbook

from orynda.report.cells import finish, header, link, put
from orynda.report.data import ReportData

TITLES = ["Row", "Number", "Act", "Kind", "Language", "Issued", "Debtor", "Proceeding", "Filed", "PDF", "DOCX"]


def documents_sheet(book: Workbook, data: ReportData) -> None:
    ws = book.create_sheet("Documents")
    header(ws, TITLES)
    uploaded = {e.key.removeprefix("upload:") for e in data.side_effects if e.key.startswith("upload:") and e.ref}
    r = 2
    for item in data.items:
        for doc in _documents(item.result):
            filed = bool(doc.get("filed")) or doc.get("number") in uploaded
            values = [
                (item.seq, "int"),
                (doc.get("number"), "text"),
                (doc.get("act"), "text"),
                (doc.get("title") or doc.get("kind"), "text"),
                (doc.get("language"), "text"),
                (_date(doc.get("issued")), "date"),
                (doc.get("debtor"), "text"),
                (doc.get("proceeding"), "text"),
                (filed, "bool"),
            ]
            for c, (value, kind) in enumerate(values, start=1):
                put(ws, r, c, value, kind)
            link(ws, r, len(values) + 1, data.relative(doc.get("pdf")))
            link(ws, r, len(values) + 2, data.relative(doc.get("docx")))
            r += 1
    finish(ws)


def _documents(result: dict[str, Any] | None) -> list[dict[str, Any]]:
    documents = ((result or {}).get("fields") or {}).get("documents") or []
    return [d for d in documents if isinstance(d, dict)]


def _date(value: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None

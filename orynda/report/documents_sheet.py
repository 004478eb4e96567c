"""Documents sheet: one row per document an item issued or found already issued — number, act, kind, language,
debtor, proceeding, whether it is filed in AIS EP, links to the PDF and DOCX, and where its act stands.
Read from the items' results (ItemResult.documents, written by flows/documents_step), then from the register: a
document this run issued or uploaded for an item that later failed is listed too, with what AIS EP confirmed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import NamedTuple

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from orynda import wording
from orynda.report.acts import act_state
from orynda.report.cells import finish, header, link, put
from orynda.report.data import ReportData

TITLES = (
    "report.items.row",
    "report.documents.number",
    "report.documents.act",
    "report.documents.kind",
    "report.documents.language",
    "report.documents.issued",
    "report.documents.debtor",
    "report.documents.proceeding",
    "report.documents.filed",
    "report.documents.pdf",
    "report.documents.docx",
    "report.documents.state",
)


def documents_sheet(book: Workbook, data: ReportData) -> None:
    t = data.texts
    ws = book.create_sheet(t("report.sheet.documents"))
    header(ws, [t(title) for title in TITLES])
    uploads = {e.key.removeprefix("upload:"): e for e in data.side_effects if e.key.startswith("upload:")}
    listed: set[str] = set()
    r = 2
    for item in data.items:
        documents = data.result(item).documents
        for doc in documents:
            upload = uploads.get(doc.number)
            filed = doc.filed or bool(upload and upload.ref)
            state = "filed" if filed else act_state([d for d in documents if d.act == doc.act])
            row = _Row(item.seq, doc.number, doc.act, doc.kind, doc.language, doc.issued, doc.debtor, doc.proceeding)
            _write(ws, r, data, row, filed, doc.pdf, doc.docx, state)
            listed.add(doc.number)
            r += 1
    for record in data.issued:  # issued or uploaded by an item that then failed: on the report all the same
        if record.number in listed:
            continue
        # filed when AIS EP's answer was recorded; unconfirmed when the upload started and its answer never came
        upload = uploads.get(record.number)
        filed = bool(record.filed_ref or (upload and upload.ref))
        state = "filed" if filed else "unconfirmed" if upload is not None else "drafted"
        row = _Row(
            record.item_seq,
            record.number,
            record.act,
            record.kind,
            record.language,
            record.issued_on,
            record.debtor_name,
            record.proceeding,
        )
        _write(ws, r, data, row, filed, record.pdf_path, record.docx_path, state)
        r += 1
    finish(ws)


class _Row(NamedTuple):
    """What a row shows of a document, from an item's result or from the register."""

    seq: int | None
    number: str
    act: str
    kind: str
    language: str
    issued: dt.date
    debtor: str
    proceeding: str


def _write(
    ws: Worksheet, r: int, data: ReportData, row: _Row, filed: bool, pdf: str | None, docx: str | None, state: str
) -> None:
    t = data.texts
    language = t(f"language.{row.language}") if t.has(f"language.{row.language}") else row.language
    values = [
        (row.seq, "int"),
        (row.number, "text"),
        (row.act, "text"),
        (wording.act_name(t, row.kind), "text"),
        (language, "text"),
        (row.issued, "date"),
        (row.debtor, "text"),
        (row.proceeding, "text"),
        (t.value(filed), "text"),
    ]
    for c, (value, kind) in enumerate(values, start=1):
        put(ws, r, c, value, kind)
    link(ws, r, 10, data.target(pdf), Path(pdf).name if pdf else None)
    link(ws, r, 11, data.target(docx), Path(docx).name if docx else None)
    put(ws, r, 12, wording.act_state_name(t, state))

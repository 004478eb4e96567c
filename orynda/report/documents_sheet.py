"""Documents sheet: one row per document an item issued or found already issued — number, act, kind, language,
debtor, proceeding, whether it is filed in AIS EP, links to the PDF and DOCX, and where its act stands.
Read from the items' results (ItemResult.documents, written by flows/documents_step), then from the register: a
document this run issued or uploaded for an item that later failed is listed too, with what AIS EP confirmed."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from orynda import wording
from orynda.report.acts import act_state
from orynda.report.cells import finish, header, link, put
from orynda.report.data import ReportData
from orynda.schema import DocumentRecord

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
    uploaded = {e.key.removeprefix("upload:") for e in data.side_effects if e.key.startswith("upload:") and e.ref}
    r = 2
    for item in data.items:
        documents = data.result(item).documents
        for doc in documents:
            filed = doc.filed or doc.number in uploaded
            same_act = [d for d in documents if d.act == doc.act]
            values = [
                (item.seq, "int"),
                (doc.number, "text"),
                (doc.act, "text"),
                (wording.act_name(t, doc.kind), "text"),
                (t(f"language.{doc.language}") if t.has(f"language.{doc.language}") else doc.language, "text"),
                (doc.issued, "date"),
                (doc.debtor, "text"),
                (doc.proceeding, "text"),
                (t.value(filed), "text"),
            ]
            for c, (value, kind) in enumerate(values, start=1):
                put(ws, r, c, value, kind)
            link(ws, r, 10, data.target(doc.pdf), Path(doc.pdf).name if doc.pdf else None)
            link(ws, r, 11, data.target(doc.docx), Path(doc.docx).name if doc.docx else None)
            state = "filed" if filed else act_state(same_act)
            put(ws, r, 12, wording.act_state_name(t, state))
            r += 1
    listed = {doc.number for item in data.items for doc in data.result(item).documents}
    for record in data.issued:  # issued or uploaded by an item that then failed: on the report all the same
        if record.number not in listed:
            _register_row(ws, r, data, record)
            r += 1
    finish(ws)


def _register_row(ws: Worksheet, r: int, data: ReportData, record: DocumentRecord) -> None:
    """A document only the register and the side-effect log know of: filed when AIS EP's answer was recorded,
    unconfirmed when the upload was started and its answer never came (the card says which)."""
    t = data.texts
    effect = next((e for e in data.side_effects if e.key == f"upload:{record.number}"), None)
    filed = bool(record.filed_ref or (effect and effect.ref))
    state = "filed" if filed else "unconfirmed" if effect is not None else "drafted"
    values = [
        (record.item_seq, "int"),
        (record.number, "text"),
        (record.act, "text"),
        (wording.act_name(t, record.kind), "text"),
        (t(f"language.{record.language}") if t.has(f"language.{record.language}") else record.language, "text"),
        (record.issued_on, "date"),
        (record.debtor_name, "text"),
        (record.proceeding, "text"),
        (t.value(filed), "text"),
    ]
    for c, (value, kind) in enumerate(values, start=1):
        put(ws, r, c, value, kind)
    link(ws, r, 10, data.target(record.pdf_path), Path(record.pdf_path).name if record.pdf_path else None)
    link(ws, r, 11, data.target(record.docx_path), Path(record.docx_path).name if record.docx_path else None)
    put(ws, r, 12, wording.act_state_name(t, state))

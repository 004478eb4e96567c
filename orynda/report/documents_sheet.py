"""Documents sheet: one row per document an item issued or found already issued — number, act, kind, language,
debtor, proceeding, whether it is filed in AIS EP, links to the PDF and DOCX, and where its act stands.
Read from the items' results (ItemResult.documents, written by flows/documents_step); a filing recorded as a side
effect of this run also counts."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook

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
    finish(ws)

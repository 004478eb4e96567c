"""Documents sheet: one row per document an item issued or found already issued — number, act, kind, language,
debtor, proceeding, whether it is filed in AIS EP, links to the PDF and DOCX, and where its act stands.
Read from the items' results (ItemResult.documents, written by flows/documents_step), then from the register: a
document this run issued or uploaded for an item that later failed is listed too, with what AIS EP confirmed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import NamedTuple

from openpyxl import Workbook

from orynda import wording
from orynda.flow import ItemResult
from orynda.report.acts import act_state
from orynda.report.data import Part, ReportData, StoredItem, Totals, issued, uploads
from orynda.report.sheet import Link, Sheet

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


class DocumentsSheet(Part):
    def __init__(self, book: Workbook, data: ReportData) -> None:
        self.data, t = data, data.texts
        self.sheet = Sheet(book, t("report.sheet.documents"))
        self.sheet.header([t(title) for title in TITLES])
        self.uploads = uploads(data.store, data.run.id)
        self.listed: set[str] = set()

    def item(self, item: StoredItem, result: ItemResult) -> None:
        documents = result.documents
        for doc in documents:
            upload = self.uploads.get(doc.number)
            filed = doc.filed or bool(upload)
            state = "filed" if filed else act_state([d for d in documents if d.act == doc.act])
            row = _Row(item.seq, doc.number, doc.act, doc.kind, doc.language, doc.issued, doc.debtor, doc.proceeding)
            _write(self.sheet, self.data, row, filed, doc.pdf, doc.docx, state)
            self.listed.add(doc.number)

    def finish(self, totals: Totals) -> None:
        for record in issued(self.data.store, self.data.run, list(self.uploads)):
            # issued or uploaded by an item that then failed: on the report all the same
            if record.number in self.listed:
                continue
            # filed when AIS EP's answer was recorded; unconfirmed when the upload started and its answer never came
            upload = self.uploads.get(record.number)
            filed = bool(record.filed_ref or upload)
            state = "filed" if filed else "unconfirmed" if record.number in self.uploads else "drafted"
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
            _write(self.sheet, self.data, row, filed, record.pdf_path, record.docx_path, state)
        self.sheet.finish()


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
    sheet: Sheet, data: ReportData, row: _Row, filed: bool, pdf: str | None, docx: str | None, state: str
) -> None:
    t = data.texts
    language = t(f"language.{row.language}") if t.has(f"language.{row.language}") else row.language
    sheet.add(
        [
            (row.seq, "int"),
            (row.number, "text"),
            (row.act, "text"),
            (wording.act_name(t, row.kind), "text"),
            (language, "text"),
            (row.issued, "date"),
            (row.debtor, "text"),
            (row.proceeding, "text"),
            (t.value(filed), "text"),
            Link(data.target(pdf), Path(pdf).name if pdf else None),
            Link(data.target(docx), Path(docx).name if docx else None),
            (wording.act_state_name(t, state), "text"),
        ]
    )

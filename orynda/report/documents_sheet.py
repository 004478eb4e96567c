"""Documents sheet: one row per document an item issued or found already issued — number, kind, language, debtor,
proceeding, links to the PDF and DOCX, whether it is filed in AIS EP and where it stands in the review queue.
Read from the items' results (ItemResult.documents, written by flows/documents_step); a filing recorded as a side
effect of this run also counts."""

from __future__ import annotations

from openpyxl import Workbook

from orynda.report.cells import finish, header, link, put
from orynda.report.data import ReportData

TITLES = [
    "Row",
    "Number",
    "Act",
    "Kind",
    "Language",
    "Issued",
    "Debtor",
    "Proceeding",
    "Filed",
    "PDF",
    "DOCX",
    "Review",
]


def documents_sheet(book: Workbook, data: ReportData) -> None:
    ws = book.create_sheet("Documents")
    header(ws, TITLES)
    uploaded = {e.key.removeprefix("upload:") for e in data.side_effects if e.key.startswith("upload:") and e.ref}
    r = 2
    for item in data.items:
        for doc in data.result(item).documents:
            values = [
                (item.seq, "int"),
                (doc.number, "text"),
                (doc.act, "text"),
                (doc.title or doc.kind, "text"),
                (doc.language, "text"),
                (doc.issued, "date"),
                (doc.debtor, "text"),
                (doc.proceeding, "text"),
                (doc.filed or doc.number in uploaded, "bool"),
            ]
            for c, (value, kind) in enumerate(values, start=1):
                put(ws, r, c, value, kind)
            link(ws, r, len(values) + 1, data.relative(doc.pdf))
            link(ws, r, len(values) + 2, data.relative(doc.docx))
            put(ws, r, len(values) + 3, doc.review or "", "text")  # empty: the policy lets the robot file it
            r += 1
    finish(ws)

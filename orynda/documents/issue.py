"""Issuing acts: number each from the register, fill its Kazakh and Russian templates, render the PDFs, seal.

Idempotent by construction: a fact already in the register returns its documents as they are (never rendered
again, so never a second file); a document numbered but not sealed — a crash between the two — is rendered again
under the same number and path, then sealed.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from domain.checks.assets import DebtorFile
from domain.documents import Draft, Fields, Office, Refusal, document_fields, refusal_fact, refusal_fields
from domain.documents.refusal import KIND as REFUSAL
from domain.words import Lang
from orynda.documents.numbering import DocumentRegister, Sealed, Subject
from orynda.documents.render import TEMPLATES, render_docx, template_path, to_pdf
from orynda.documents.seal import Seal, content_sha256, file_sha256, qr_png
from orynda.errors import BusinessException
from orynda.schema import DocumentRecord


class DocumentFileMissing(BusinessException):
    """A sealed document's file is gone; issuing it again would make a second, different document."""


@dataclass(frozen=True)
class Act:
    """One act as issued: what called for it and its sealed documents, Kazakh first."""

    draft: Draft
    documents: tuple[DocumentRecord, ...]


@dataclass(frozen=True)
class _Pending:
    record: DocumentRecord
    docx: Path
    seal: Seal


def issue(
    register: DocumentRegister,
    drafts: Sequence[Draft],
    debtor: DebtorFile,
    *,
    on: dt.date,
    office: Office,
    bailiff: str,
    folder: Path,
    run_id: str,
    seq: int | None,
    templates: Path = TEMPLATES,
) -> list[Act]:
    """Every draft as a sealed act issued by `bailiff` (the filer); files of new documents go to `folder` as
    <number>.docx / <number>.pdf."""
    allocated = [(draft, register.allocate(draft.fact, _subject(draft, debtor, run_id, seq), on)) for draft in drafts]
    pending = []
    for draft, records in allocated:
        for record in records:
            if record.sealed_at is None:
                pending.append(_fill(record, draft, debtor, office, bailiff, folder, templates))
            else:
                _check_files(record)
    _seal_all(register, pending, folder)
    return [Act(draft, tuple(_reread(register, records))) for draft, records in allocated]


def _seal_all(register: DocumentRegister, pending: Sequence[_Pending], folder: Path) -> None:
    """The PDFs of the rendered documents (one LibreOffice call), and each document sealed with its files."""
    if not pending:
        return
    pdfs = to_pdf([p.docx for p in pending], folder)
    for p, pdf in zip(pending, pdfs):
        register.seal(
            p.record.number,
            Sealed(
                p.docx.resolve(),
                pdf.resolve(),
                p.seal.content_sha256,
                file_sha256(p.docx.read_bytes()),
                file_sha256(pdf.read_bytes()),
            ),
        )


def issue_refusal(
    register: DocumentRegister,
    refusal: Refusal,
    *,
    on: dt.date,
    office: Office,
    bailiff: str,
    folder: Path,
    run_id: str,
    seq: int | None,
    templates: Path = TEMPLATES,
) -> tuple[DocumentRecord, ...]:
    """The refusal to open proceedings on a returned document, sealed in Kazakh and Russian (Kazakh first): numbered
    once per document (refusal_fact), so a rerun gets the same act back and renders nothing again."""
    values = refusal.values
    subject = Subject(
        kind=REFUSAL,
        debtor_iin=str(values.get("debtor_iin") or "")[:12],
        debtor_name=str(values.get("debtor_name") or ""),
        proceeding=refusal.incoming[:60],  # no proceeding: the document's incoming number stands for it
        run_id=run_id,
        item_seq=seq,
    )
    records = register.allocate(refusal_fact(refusal.incoming), subject, on)
    pending = []
    for record in records:
        if record.sealed_at is not None:
            _check_files(record)
            continue
        lang: Lang = "kk" if record.language == "kk" else "ru"
        fields = refusal_fields(
            refusal, lang, number=record.number, act=record.act, on=record.issued_on, office=office, bailiff=bailiff
        )
        pending.append(_rendered(record, fields, lang, office, folder, templates))
    _seal_all(register, pending, folder)
    return tuple(_reread(register, records))


def _subject(draft: Draft, debtor: DebtorFile, run_id: str, seq: int | None) -> Subject:
    return Subject(
        kind=draft.kind.name,
        debtor_iin=debtor.iin,
        debtor_name=debtor.name or draft.case.debtor_name,
        proceeding=draft.case.number,
        run_id=run_id,
        item_seq=seq,
    )


def _fill(
    record: DocumentRecord,
    draft: Draft,
    debtor: DebtorFile,
    office: Office,
    bailiff: str,
    folder: Path,
    templates: Path,
) -> _Pending:
    lang: Lang = "kk" if record.language == "kk" else "ru"
    fields = document_fields(
        draft, debtor, lang, number=record.number, act=record.act, on=record.issued_on, office=office, bailiff=bailiff
    )
    return _rendered(record, fields, lang, office, folder, templates)


def _rendered(
    record: DocumentRecord, fields: Fields, lang: Lang, office: Office, folder: Path, templates: Path
) -> _Pending:
    """The document's DOCX from its template and fields, sealed with its act number and content (not yet PDF)."""
    seal = Seal(record.act, content_sha256(record.kind, lang, fields), lang)  # one number for both versions
    data = render_docx(
        template_path(record.kind, lang, templates),
        fields,
        seal,
        qr_png(seal, office.verify_url),
        title=str(fields["title"]),
        author=f"{office.title[lang]} {fields['bailiff']}",
    )
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{record.number}.docx"
    tmp = path.with_suffix(".docx.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)  # a reader never sees half a file
    return _Pending(record, path, seal)


def _check_files(record: DocumentRecord) -> None:
    for path in (record.docx_path, record.pdf_path):
        if not path or not Path(path).is_file():
            raise DocumentFileMissing(
                f"document {record.number} is registered and sealed but its file {path} is "
                f"missing; restore it from a backup (it is not issued a second time)"
            )


def _reread(register: DocumentRegister, records: Sequence[DocumentRecord]) -> list[DocumentRecord]:
    fresh = {r.number: r for r in register.documents(numbers=[r.number for r in records])}
    return [fresh[r.number] for r in records]

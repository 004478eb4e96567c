"""The documents step of a flow: the acts a debtor's findings call for, issued once and filed to AIS EP once.

    documents = await draft_and_file(ctx, debtor, findings)
    fields.update(documents_fields(documents))          # the Documents sheet reads fields["documents"]

Each act is issued in Kazakh and Russian (orynda.documents.issue: numbered from the register by its fact, so a
rerun, a resume or the next night gets the same documents back and makes no new file). Filing is two side effects
per act, each done at most once (ctx.once): the upload of each language's PDF (`upload:<number>`) and one
registered action (`action:<act>`). Before uploading, the card AIS EP showed this attempt is checked for a document
with the same SHA-256, which closes the window of a crash between the upload and its record.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from loguru import logger

from bots.aisep import AisEpBot
from domain.checks.assets import DebtorFile
from domain.documents import Office, default_office, plan
from domain.findings import Finding
from domain.records import Case
from orynda import clock
from orynda.documents import Act, issue, register_for
from orynda.errors import SystemException
from orynda.flow import ItemContext
from orynda.schema import DocumentRecord


@dataclass(frozen=True)
class FiledDocument:
    """One document as the report lists it: number, kind, language, whom it concerns, its files, filed or not."""

    number: str
    act: str
    kind: str
    title: str
    language: str
    issued: dt.date
    debtor: str
    proceeding: str
    pdf: str | None
    docx: str | None
    filed: bool
    upload_sha256: str | None

    def row(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "act": self.act,
            "kind": self.kind,
            "title": self.title,
            "language": self.language,
            "issued": self.issued.isoformat(),
            "debtor": self.debtor,
            "proceeding": self.proceeding,
            "pdf": self.pdf,
            "docx": self.docx,
            "filed": self.filed,
            "upload_sha256": self.upload_sha256,
        }


async def draft_and_file(
    ctx: ItemContext,
    debtor: DebtorFile,
    findings: Sequence[Finding],
    *,
    office: Office | None = None,
    on: dt.date | None = None,
    file: bool = True,
) -> list[FiledDocument]:
    """Issues every act the findings (and unopened proceedings) call for and files each to its proceeding."""
    on = on or clock.now().date()
    register = register_for(ctx.settings.db_url, ctx.settings.retry_database)
    drafts = plan(debtor, findings, on, register.sent(debtor.iin))
    if not drafts:
        return []
    acts = await asyncio.to_thread(
        issue,
        register,
        drafts,
        debtor,
        on=on,
        office=office or default_office(),
        folder=Path(ctx.run_folder) / "documents",
        run_id=ctx.run_id,
        seq=ctx.seq,
    )
    if file:
        aisep = ctx.bot(AisEpBot)
        for act in acts:
            await _file(ctx, aisep, act, debtor.cases)
    documents = [
        _listed(act, record) for act in acts for record in register.documents(numbers=[r.number for r in act.documents])
    ]
    logger.info(
        "item {}: {} documents of {} acts, {} filed",
        ctx.seq,
        len(documents),
        len(acts),
        sum(d.filed for d in documents),
    )
    return documents


def documents_fields(documents: Sequence[FiledDocument]) -> dict[str, Any]:
    """What the item's result carries for the Documents sheet (JSON-ready)."""
    return {"documents": [d.row() for d in documents], "documents_filed": sum(d.filed for d in documents)}


async def _file(ctx: ItemContext, aisep: AisEpBot, act: Act, cases: Sequence[Case]) -> None:
    register = register_for(ctx.settings.db_url, ctx.settings.retry_database)
    for record in act.documents:
        ref = await ctx.once(
            f"upload:{record.number}",
            "document_upload",
            _uploader(aisep, act, record, cases),
            detail={"number": record.number, "kind": record.kind, "proceeding": record.proceeding},
        )
        if ref is not None:
            register.mark_filed(record.number, ref)
    first = act.documents[0]
    await ctx.once(
        f"action:{first.act}",
        "document_action",
        _registrar(aisep, act, first, cases),
        detail={"act": first.act, "kind": act.draft.kind.action, "proceeding": first.proceeding},
    )


Effect = Callable[[], Awaitable[str]]


def _uploader(aisep: AisEpBot, act: Act, record: DocumentRecord, cases: Sequence[Case]) -> Effect:
    async def upload() -> str:
        expected = record.pdf_sha256
        assert record.pdf_path is not None and expected is not None, "issue() returns sealed documents"
        if any(d.sha256 == expected for c in cases if c.number == record.proceeding for d in c.documents):
            return expected  # already on the card: uploaded before a crash kept it from being recorded
        shown = await aisep.upload_document(record.proceeding, Path(record.pdf_path), act.draft.kind.upload)
        if shown != expected:
            raise SystemException(
                f"AIS EP shows SHA-256 {shown} for {record.number}, the register holds {expected}",
                site="aisep",
                page="card",
            )
        return shown

    return upload


def _registrar(aisep: AisEpBot, act: Act, record: DocumentRecord, cases: Sequence[Case]) -> Effect:
    kind = act.draft.kind
    comment = f"{record.act}: {kind.title['ru']} ({', '.join(r.number for r in act.documents)})"

    async def register_action() -> str:
        logged = any(
            a.kind == kind.action and record.act in a.comment
            for c in cases
            if c.number == record.proceeding
            for a in c.actions
        )
        if not logged:
            await aisep.register_action(record.proceeding, kind.action, comment)
        return f"{kind.action}:{record.act}"

    return register_action


def _listed(act: Act, record: DocumentRecord) -> FiledDocument:
    return FiledDocument(
        number=record.number,
        act=record.act,
        kind=record.kind,
        title=act.draft.kind.en,
        language=record.language,
        issued=record.issued_on,
        debtor=record.debtor_name,
        proceeding=record.proceeding,
        pdf=record.pdf_path,
        docx=record.docx_path,
        filed=record.filed_at is not None,
        upload_sha256=record.filed_ref,
    )

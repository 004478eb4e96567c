"""intake: the executive documents new in the court cabinet, each read, checked and decided on (domain/intake).
One work item per document.

A structured document is read from the details the cabinet shows, any other from its PDF (the text layer, else OCR
of the scan; orynda.intake_reading); the PDF is kept in the item's evidence either way. Then:

- accepted: accepted in the cabinet, the proceeding opened in AIS EP, its opening decision drafted and filed by the
  documents step (flows/documents_step.py; the act policy decides whether a person approves it first, and the
  debtor's notice goes with it), and the debtor looked up in the Unified Register of Debtors for other proceedings
  (a finding). The proceeding is opened once per court, case number and debtor IIN (ctx.once), so a rerun, a resume
  or the same document sent twice never opens a second one; AIS EP itself gives back a proceeding opened elsewhere
  on the same document.
- in doubt: the document waits in the review queue with each field's value and confidence, the reasons, the text
  and the page image; it stays new in the cabinet, so a later night finds the person's decision: approved, it is
  accepted and opened as above, with the values the person confirmed or corrected on the console's form
  (orynda.intake_examples); rejected, it is returned with the person's reason.
- lacking a required detail: returned in the cabinet with the law's ground and the details missing (ctx.once), the
  decision refusing to open proceedings (art. 38; kind opening_refusal, kk + ru, numbered by the document register)
  attached to the return; a document a person rejects is returned the same way with the person's reason. An office
  whose act policy leaves opening_refusal to a person has every such document held for review first.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Mapping
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import Any

from loguru import logger
from pydantic import BaseModel

from bots.aisep import AisEpBot
from bots.court_cabinet import CourtCabinetBot
from bots.debtor_register import DebtorRegisterBot
from domain.checks.assets import DebtorFile
from domain.documents import LANGUAGES, Refusal, default_office
from domain.documents import kind as act_kind
from domain.documents.policy import mode_for
from domain.documents.refusal import KIND as REFUSAL
from domain.findings import Finding, Severity
from domain.intake.corrections import with_corrections
from domain.intake.decision import RETURN, REVIEW, Decision, decide
from domain.intake.fields import FIELDS, read_fields, reading_from_data
from domain.intake.opening import document_key, proceeding_opening
from domain.money import ZERO
from domain.records import CabinetCard, CabinetDocument, OpenedProceeding, RegisterDebtor
from flows.documents_step import documents_filed, draft_and_file
from orynda import clock
from orynda.config import Settings
from orynda.documents import issue_refusal
from orynda.errors import BusinessException, ConfigError, SystemException
from orynda.flow import Discovery, FiledDocument, Flow, ItemContext, ItemResult, ItemSpec, Listed, ReportColumn
from orynda.i18n import Texts, texts
from orynda.intake_examples import IntakeExamples
from orynda.intake_reading import read_pdf
from orynda.policy import policy_for
from orynda.review import ReviewItem, ReviewState, facts_digest
from orynda.schema import DocumentRecord

SITE = CourtCabinetBot.site
REVIEW_KIND = "intake_document"  # the console shows it by this kind (app/console/pages/common.py)


class IntakeItem(BaseModel):
    """One new document of the court cabinet, as its list shows it."""

    number: str
    received: dt.date
    kind: str
    form: str
    language: str


class IntakeHeld(BusinessException):
    """The document is not read for sure: it waits in the review queue for a person."""


def load_items(params: dict[str, Any], settings: Settings) -> list[ItemSpec[IntakeItem]]:
    _limit(params)  # a mistyped parameter stops the run before any browser starts
    return []  # the work comes from the court cabinet: see discover


async def discover(ctx: ItemContext, found: Discovery) -> None:
    """The cabinet's new documents, one item per document, each page recorded as soon as it is read."""

    def record(page: int, documents: list[CabinetDocument]) -> None:
        found.record(page, [_item(d) for d in documents])

    await ctx.bot(CourtCabinetBot).list_documents("new", on_page=record)


def _item(document: CabinetDocument) -> ItemSpec[IntakeItem]:
    payload = IntakeItem(
        number=document.number,
        received=document.received,
        kind=document.kind,
        form=document.form,
        language=document.language,
    )
    return ItemSpec(seq=0, key=document.number, source="court cabinet", payload=payload)


def _limit(params: dict[str, Any]) -> int | None:
    raw = params.get("limit")
    if raw in (None, ""):
        return None
    try:
        limit = int(raw)
    except (TypeError, ValueError):
        raise ConfigError(f"--param limit={raw}: expected a whole number of documents") from None
    if limit < 1:
        raise ConfigError(f"--param limit={raw}: expected at least one document")
    return limit


async def process(item: IntakeItem, ctx: ItemContext) -> ItemResult:
    cabinet = ctx.bot(CourtCabinetBot)
    card = await ctx.step(SITE, f"read document {item.number}", lambda: cabinet.read_document(item.number))
    pdf = await _download(ctx, cabinet, item)
    decision, text, image = await _read(card, pdf)
    t = texts(ctx.settings.language)
    if decision.outcome == RETURN and mode_for(policy_for(ctx.settings), REFUSAL, []) != "auto":
        decision = replace(decision, outcome=REVIEW)  # the office's policy: a person confirms each return first
    if decision.outcome == RETURN:
        reasons: dict[str, str] = {lang: _return_reason(texts(lang), decision) for lang in LANGUAGES}
        return await _return(ctx, cabinet, item, decision, reasons, "missing_details")
    if decision.outcome == REVIEW:
        held = await _review(ctx, item, decision, text, pdf, image)
        if held is not None and held.review_state.approved:
            confirmed = IntakeExamples(ctx.review.engine).confirmed(held.id)
            if confirmed:  # the person's values, corrected or confirmed as read, open the proceeding
                decision = with_corrections(decision, confirmed)
            return await _accept(ctx, cabinet, item, decision)
        if held is not None and held.review_state is ReviewState.REJECTED:
            reasons = {lang: texts(lang)("intake.review_rejected", reason=held.reason or "") for lang in LANGUAGES}
            return await _return(ctx, cabinet, item, decision, reasons, "review")
        raise IntakeHeld(
            f"document {item.number}: held for a person ({', '.join(decision.reasons)})",
            fields=_fields(t, item, decision, "review"),
        )
    return await _accept(ctx, cabinet, item, decision)


async def _download(ctx: ItemContext, cabinet: CourtCabinetBot, item: IntakeItem) -> bytes:
    """The document's PDF, kept in the item's evidence."""
    folder = ctx.run_folder / "evidence" / f"item-{ctx.seq:05d}" / "downloads"
    path = folder / "executive-document.pdf"
    await ctx.step(SITE, f"download document {item.number}", lambda: cabinet.download_document(item.number, path))
    return path.read_bytes()


async def _read(card: CabinetCard, pdf: bytes) -> tuple[Decision, str, bytes | None]:
    """The decision on the document, its text and (for a scan) the straightened page: a structured document from
    the cabinet's details, any other from its PDF."""
    if card.details is not None:
        decision = decide(reading_from_data(card.details, card.kind, card.language))
        return decision, "\n".join(f"{k}: {v}" for k, v in card.details.items()), None
    read = await asyncio.to_thread(read_pdf, pdf)
    return decide(read_fields(read.page)), read.page.text, read.image_png


async def _accept(ctx: ItemContext, cabinet: CourtCabinetBot, item: IntakeItem, decision: Decision) -> ItemResult:
    values = decision.values()
    t = texts(ctx.settings.language)
    await ctx.once(
        f"intake:accept:{item.number}",
        "cabinet_accept",
        lambda: _effect(ctx.step(SITE, f"accept {item.number}", lambda: cabinet.accept(item.number)), "accepted"),
        {"document": item.number},
    )
    opened = await _open_once(ctx, item, decision)
    aisep = ctx.bot(AisEpBot)
    case = await ctx.step("aisep", f"read proceeding {opened.number}", lambda: aisep.read_case(opened.number))
    debtor = DebtorFile(case.debtor_iin, case.debtor_name, (case,))
    documents = await draft_and_file(ctx, debtor, [])
    findings = await _other_proceedings(ctx, values["debtor_iin"], opened.number)
    state = "opened_before" if opened.existing else "opened"
    fields = _fields(t, item, decision, state) | {
        "proceeding": opened.number,
        "documents_filed": documents_filed(documents),
        "other_proceedings": int(findings[0].params["count"]) if findings else 0,
    }
    logger.info("document {}: proceeding {} ({})", item.number, opened.number, state)
    return ItemResult(findings, fields, documents)


async def _open_once(ctx: ItemContext, item: IntakeItem, decision: Decision) -> OpenedProceeding:
    """The document's proceeding, opened at most once per court, case number and debtor IIN."""
    values = decision.values()
    opening = proceeding_opening(values, decision.kind)
    aisep = ctx.bot(AisEpBot)
    made: list[OpenedProceeding] = []

    async def open_it() -> str:
        made.append(
            await ctx.step("aisep", f"open the proceeding of {item.number}", lambda: aisep.open_proceeding(opening))
        )
        return made[0].number

    key = document_key(opening.court, opening.case_number, opening.debtor_iin)
    number = await ctx.once(f"intake:open:{key}", "proceeding_opened", open_it, {"document": item.number})
    if made:
        return made[0]
    assert number is not None
    return OpenedProceeding(number=number, existing=True)


async def _other_proceedings(ctx: ItemContext, iin: str, opened: str) -> list[Finding]:
    """The debtor's other proceedings in the Unified Register of Debtors, as a finding (none: no finding)."""
    register = ctx.bot(DebtorRegisterBot)
    found = await ctx.lookup(register.site, lambda: register.find_debtor(iin))
    debtor: RegisterDebtor | None = found.value
    if not found.ok or debtor is None:
        return []
    others = [p for p in debtor.proceedings if p.number != opened]
    if not others:
        return []
    total = sum((p.amount for p in others), ZERO)
    return [
        Finding(
            code="debtor_other_proceedings",
            message=f"the debtor has {len(others)} other proceedings in the register",
            legal_basis="Law 261-IV art. 36",
            severity=Severity.INFO,
            registries=(register.site,),
            amount=total,
            evidence=found.evidence,
            evidence_sha256=found.shot.sha256 if found.shot else None,
            params={"count": len(others), "total": total},
        )
    ]


async def _return(
    ctx: ItemContext,
    cabinet: CourtCabinetBot,
    item: IntakeItem,
    decision: Decision,
    reasons: Mapping[str, str],
    ground: str,
) -> ItemResult:
    """Returned in the cabinet with the reason and the act refusing to open proceedings (art. 38) attached: the
    act issued once per document (the register), the return done once (ctx.once)."""
    reason = reasons.get(ctx.settings.language) or reasons["kk"]
    records = await _refusal(ctx, item, decision, reasons, ground)
    pdfs = [Path(r.pdf_path) for r in records if r.pdf_path]
    expected = {r.pdf_sha256 for r in records if r.pdf_sha256}

    async def give_back() -> str:
        card = await ctx.step(SITE, f"return {item.number}", lambda: cabinet.return_document(item.number, reason, pdfs))
        if card.acts and not expected <= set(card.acts):
            raise SystemException(
                f"the court cabinet shows other acts on the return of {item.number} than the register's",
                site=SITE,
                page="card",
            )
        return "returned"

    await ctx.once(
        f"intake:return:{item.number}",
        "cabinet_return",
        give_back,
        {"document": item.number, "article": decision.article or "", "act": records[0].act},
    )
    for record in records:
        if record.filed_at is None and record.pdf_sha256:
            ctx.documents.mark_filed(record.number, record.pdf_sha256)  # attached to the cabinet's return
    t = texts(ctx.settings.language)
    documents = [_listed(r) for r in ctx.documents.documents(numbers=[r.number for r in records])]
    return ItemResult(fields=_fields(t, item, decision, "returned") | {"intake_reasons": reason}, documents=documents)


async def _refusal(
    ctx: ItemContext, item: IntakeItem, decision: Decision, reasons: Mapping[str, str], ground: str
) -> tuple[DocumentRecord, ...]:
    """The decision refusing to open proceedings on the document, in Kazakh and Russian, issued by the bailiff
    signed in to AIS EP."""
    aisep = ctx.bot(AisEpBot)
    filer = await ctx.step("aisep", "read the signed-in bailiff", aisep.signed_in_bailiff)
    refusal = Refusal(
        incoming=item.number,
        received=item.received,
        kind=decision.kind or item.kind,
        values=decision.values(),
        reason=dict(reasons),
        ground=ground,
    )
    return await asyncio.to_thread(
        issue_refusal,
        ctx.documents,
        refusal,
        on=clock.now().date(),
        office=replace(default_office(), verify_url=ctx.settings.verify_url),
        bailiff=filer.name,
        folder=Path(ctx.run_folder) / "documents",
        run_id=ctx.run_id,
        seq=ctx.seq,
    )


def _listed(record: DocumentRecord) -> FiledDocument:
    return FiledDocument(
        number=record.number,
        act=record.act,
        kind=record.kind,
        title=act_kind(REFUSAL).en,
        language=record.language,
        issued=record.issued_on,
        debtor=record.debtor_name,
        proceeding=record.proceeding,
        pdf=record.pdf_path,
        docx=record.docx_path,
        filed=record.filed_at is not None,
        upload_sha256=record.filed_ref,
    )


async def _effect(step: Any, ref: str) -> str:
    await step
    return ref


async def _review(
    ctx: ItemContext, item: IntakeItem, decision: Decision, text: str, pdf: bytes, image: bytes | None
) -> ReviewItem | None:
    """The document's item in the review queue (proposed once): each field with its confidence, why, the text,
    the PDF and the page image as evidence."""
    evidence = [str(ctx.keep("executive-document.pdf", pdf))]
    if image is not None:
        evidence.append(str(ctx.keep("page.png", image)))
    t = texts(ctx.settings.language)
    values = decision.values()
    conflicts: dict[str, Any] = {
        name: {SITE: f"{field.value} ({field.confidence:.2f})"}
        for name, field in decision.fields.items()
        if name in FIELDS and (field.value or field.found)
    }
    conflicts["intake_reasons"] = _reasons(t, decision)
    conflicts["intake_text"] = text
    # what the console's form is made of, and what a person's decision is kept with (orynda.intake_examples)
    conflicts["intake_read"] = {
        name: {"value": field.value, "confidence": round(field.confidence, 4)}
        for name, field in decision.fields.items()
        if name in FIELDS
    }
    conflicts["intake_document"] = {
        "number": item.number,
        "kind": decision.kind or item.kind,
        "language": decision.language or item.language,
        "form": item.form,
        "pdf": evidence[0],
    }
    aisep = ctx.bot(AisEpBot)
    filer = await ctx.step("aisep", "read the signed-in bailiff", aisep.signed_in_bailiff)
    return ctx.review.propose(
        act=f"INTAKE-{item.number}"[:32],
        fact=f"intake|{item.number}",
        kind=REVIEW_KIND,
        proceeding="",
        debtor_iin=values.get("debtor_iin", "")[:12],
        debtor_name=values.get("debtor_name", ""),
        bailiff=filer.login,
        run_id=ctx.run_id,
        item_seq=ctx.seq,
        mode="review",
        facts_digest=facts_digest({"document": item.number, "values": values, "reasons": list(decision.reasons)}),
        documents=[],
        evidence=evidence,
        conflicts=conflicts,
    )


def _reasons(t: Texts, decision: Decision) -> str:
    """The decision's reasons in the office's language: «ИИН: неверная контрольная цифра; …»."""
    out = []
    for code in decision.reasons:
        head, _, field = code.partition(":")
        key = f"intake.reason.{head}"
        if not t.has(key):
            out.append(code)
            continue
        out.append(t(key, field=_field_name(t, field)) if field else t(key))
    return "; ".join(out)


def _field_name(t: Texts, field: str) -> str:
    key = f"console.field.{field}"
    return t(key) if t.has(key) else field


def _return_reason(t: Texts, decision: Decision) -> str:
    """The ground a document is returned on, with the details it lacks: in the office's language, as the court
    reads it in the cabinet."""
    missing = [code.partition(":")[2] for code in decision.reasons if code.startswith("missing_required_detail:")]
    details = ", ".join(_field_name(t, name) for name in missing)
    return t("intake.return_reason", article=t("intake.article"), details=details)


def _fields(t: Texts, item: IntakeItem, decision: Decision, state: str) -> dict[str, Any]:
    values: Mapping[str, str] = decision.values()
    amount = values.get("amount") or ""
    kind = decision.kind or item.kind
    return {
        "document": item.number,
        "received": item.received,
        "document_kind": t(f"intake.kind.{kind}") if t.has(f"intake.kind.{kind}") else kind,
        "document_form": t(f"intake.form.{item.form}") if t.has(f"intake.form.{item.form}") else item.form,
        "intake_state": t(f"intake.state.{state}"),
        "intake_reasons": _reasons(t, decision),
        "court": values.get("court", ""),
        "case_number": values.get("case_number", ""),
        "name": values.get("debtor_name", ""),
        "debtor_iin": values.get("debtor_iin", ""),
        "amount": Decimal(amount) if amount and values.get("currency", "KZT") in ("", "KZT") else None,
    }


FLOW = Flow(
    name="intake",
    title="Executive documents from the court cabinet read, checked, opened as proceedings or returned",
    load_items=load_items,
    discover=discover,
    listed=Listed(merge=lambda first, later: first, limit=_limit),
    process=process,
    payload_model=IntakeItem,
    sites=(SITE, "aisep", "debtor_register"),
    extra_sheets=("Documents",),
    columns=(
        ReportColumn("document", "Document"),
        ReportColumn("received", "Received on", "date"),
        ReportColumn("document_kind", "Kind"),
        ReportColumn("document_form", "Form"),
        ReportColumn("intake_state", "Outcome"),
        ReportColumn("intake_reasons", "Reasons"),
        ReportColumn("court", "Issuer"),
        ReportColumn("case_number", "Case number"),
        ReportColumn("name", "Debtor"),
        ReportColumn("debtor_iin", "Debtor's IIN"),
        ReportColumn("amount", "Amount", "money"),
        ReportColumn("proceeding", "Proceeding"),
        ReportColumn("documents_filed", "Documents filed", "int"),
        ReportColumn("other_proceedings", "Other proceedings in the register", "int"),
    ),
)

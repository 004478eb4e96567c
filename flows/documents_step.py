"""The documents step of a flow: the acts a debtor's findings call for, issued once and filed to AIS EP once.

    documents = await draft_and_file(ctx, debtor, findings)
    return ItemResult(findings, fields, documents=documents)   # the Documents sheet reads result.documents

Each act is issued in Kazakh and Russian (orynda.documents.issue: numbered from the register, ctx.documents, by its
fact, so a rerun, a resume or the next night gets the same documents back and makes no new file). Filing is two side
effects per act, each done at most once (ctx.once): the upload of each language's PDF with its filer's ЭЦП
(`upload:<number>`; orynda.documents.signing, signed only then, so an act waiting in review is never signed) and one
registered action (`action:<act>`). Before uploading, the card AIS EP showed this attempt is checked for a document
with the same SHA-256, which closes the window of a crash between the upload and its record.

Only acts the office's policy lets the robot file (`auto`) are filed at once; every other act waits for a person in
the review queue (ctx.review), and so does any act resting on a finding of severity `review`, whatever the policy.
An approved act is filed by the next run that drafts it (the same once-only keys, so never twice); a rejected one
never is, and a fact rejected as "not a finding" is not drafted again until the registries' facts change.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TypeVar

from loguru import logger

from bots.aisep import AisEpBot
from domain.checks.assets import DebtorFile
from domain.documents import Kind, Office, default_office, plan
from domain.documents.plan import Draft
from domain.documents.policy import ActPolicy, mode_for
from domain.findings import Finding, Severity
from domain.records import Case, Filer
from orynda import clock
from orynda.documents import Act, issue
from orynda.documents.signing import KEY_FILE, act_signer, same_person, sign_document
from orynda.errors import InvalidInput, SystemException
from orynda.flow import FiledDocument, ItemContext
from orynda.policy import policy_for
from orynda.review import IllegalTransition, ReviewItem, ReviewState, facts_digest
from orynda.schema import DocumentRecord, SignatureRecord

T = TypeVar("T")


async def draft_and_file(
    ctx: ItemContext,
    debtor: DebtorFile,
    findings: Sequence[Finding],
    *,
    office: Office | None = None,
    on: dt.date | None = None,
    file: bool = True,
    simplified: bool = False,
) -> list[FiledDocument]:
    """Issues every act the findings (and unopened proceedings) call for and files each to its proceeding.
    `simplified`: the robot bailiff's procedure, whose arrests secure the proceeding's debt alone (domain plan)."""
    on = on or clock.now().date()
    register = ctx.documents
    planned = plan(debtor, findings, on, register.sent(debtor.iin), simplified=simplified)
    digests = {draft.fact: _facts_digest(draft) for draft in planned}
    drafts = [d for d in planned if not ctx.review.is_suppressed(d.fact, digests[d.fact])]
    if not drafts:
        return []
    aisep = ctx.bot(AisEpBot)
    filer = await ctx.step("aisep", "read the signed-in bailiff", aisep.signed_in_bailiff)
    acts = await asyncio.to_thread(
        issue,
        register,
        drafts,
        debtor,
        on=on,
        office=office or replace(default_office(), verify_url=ctx.settings.verify_url),
        bailiff=filer.name,
        folder=Path(ctx.run_folder) / "documents",
        run_id=ctx.run_id,
        seq=ctx.seq,
    )
    policy = policy_for(ctx.settings)
    decisions = {
        act.documents[0].act: _decide(ctx, policy, act, debtor, digests[act.draft.fact], findings, filer)
        for act in acts
    }
    if file:
        for act in acts:
            decision = decisions[act.documents[0].act]
            if decision is None:
                await file_act(ctx, aisep, act.draft.kind, act.documents, debtor.cases, filer)
            elif decision.review_state.approved:
                await file_approved_act(ctx, aisep, decision, act.draft.kind, act.documents, debtor.cases, filer)
                decisions[act.documents[0].act] = ctx.review.get(decision.id) or decision
    documents = [
        _listed(act, record, decisions[act.documents[0].act])
        for act in acts
        for record in register.documents(numbers=[r.number for r in act.documents])
    ]
    logger.info(
        "item {}: {} documents of {} acts, {} filed",
        ctx.seq,
        len(documents),
        len(acts),
        sum(d.filed for d in documents),
    )
    return documents


def _decide(
    ctx: ItemContext,
    policy: ActPolicy,
    act: Act,
    debtor: DebtorFile,
    digest: str,
    findings: Sequence[Finding],
    filer: Filer,
) -> ReviewItem | None:
    """None when the robot may file the act itself; else its item in the review queue (proposed once)."""
    finding = act.draft.finding
    doubts = _doubts(finding, findings)
    mode = mode_for(policy, act.draft.kind.name, [f.severity for f in (finding, *doubts) if f is not None])
    if mode == "auto":
        return None
    first = act.documents[0]
    return ctx.review.propose(
        act=first.act,
        fact=act.draft.fact,
        kind=act.draft.kind.name,
        proceeding=first.proceeding,
        debtor_iin=debtor.iin,
        debtor_name=first.debtor_name,
        bailiff=filer.login,  # the login the act is issued under: only it files the act once approved
        run_id=ctx.run_id,
        item_seq=ctx.seq,
        mode=mode,
        facts_digest=digest,
        documents=[
            {"number": r.number, "language": r.language, "pdf": r.pdf_path, "docx": r.docx_path} for r in act.documents
        ],
        evidence=[finding.evidence] if finding and finding.evidence else [],
        conflicts=_conflicts(doubts),
        evidence_sha256={finding.evidence: finding.evidence_sha256}
        if finding and finding.evidence and finding.evidence_sha256
        else None,
    )


def _doubts(finding: Finding | None, findings: Sequence[Finding]) -> list[Finding]:
    """Findings of severity review about the same asset as the act's own (registries that disagree on the employer
    a wage levy goes to): the act rests on them too."""
    if finding is None or finding.asset is None:
        return []
    same = (finding.asset.kind, finding.asset.id)
    return [f for f in findings if f.severity is Severity.REVIEW and f.asset and (f.asset.kind, f.asset.id) == same]


def _facts_digest(draft: Draft) -> str:
    """What the registries said that the act rests on; a rejection holds while this stays the same."""
    finding = draft.finding
    facts = (
        finding.model_dump(mode="json", include={"code", "asset", "amount", "registries", "message"}) if finding else {}
    )
    return facts_digest({"fact": draft.fact, "kind": draft.kind.name, "finding": facts})


def _conflicts(doubts: Sequence[Finding]) -> dict[str, str]:
    """What the registries that disagree say, by registries, for the reviewer's side-by-side view."""
    return {", ".join(f.registries): f.message for f in doubts}


def documents_filed(documents: Sequence[FiledDocument]) -> int:
    """How many of the documents are on their proceedings in AIS EP (the Items sheet's column)."""
    return sum(d.filed for d in documents)


async def file_act(
    ctx: ItemContext,
    aisep: AisEpBot,
    kind: Kind,
    documents: Sequence[DocumentRecord],
    cases: Sequence[Case],
    filer: Filer,
) -> None:
    """Signs and uploads each language version of an act and registers its action in AIS EP, each at most once."""
    for record in documents:
        ref = await ctx.once(
            f"upload:{record.number}",
            "document_upload",
            _uploader(ctx, aisep, kind, record, cases, filer),
            detail={"number": record.number, "kind": record.kind, "proceeding": record.proceeding},
        )
        if ref is not None:
            ctx.documents.mark_filed(record.number, ref)
    first = documents[0]
    await ctx.once(
        f"action:{first.act}",
        "document_action",
        _registrar(ctx, aisep, kind, documents, cases),
        detail={"act": first.act, "kind": kind.action, "proceeding": first.proceeding},
    )


Effect = Callable[[], Awaitable[str]]


async def file_approved_act(
    ctx: ItemContext,
    aisep: AisEpBot,
    item: ReviewItem,
    kind: Kind,
    documents: Sequence[DocumentRecord],
    cases: Sequence[Case],
    filer: Filer,
) -> None:
    """Files an act a person approved and marks it filed in the queue, only under the login it was issued by: an
    act bears its filer's name, so another bailiff's login never files it. Whoever files it first (the night or
    file_approved), the once-only keys keep AIS EP from getting it twice and the other finds it filed."""
    if not item.review_state.approved:
        raise InvalidInput(f"act {item.act} is {item.state} in the review queue, not approved: it is not filed")
    if item.bailiff and item.bailiff != filer.login:
        raise InvalidInput(
            f"act {item.act} is issued in the name of AIS EP login {item.bailiff}; signed in as {filer.login}, "
            "it is not filed: only its own bailiff files it"
        )
    await file_act(ctx, aisep, kind, documents, cases, filer)
    try:
        ctx.review.mark_filed(item.id, item.act, by=f"robot:{ctx.run_id}")
    except IllegalTransition as exc:
        if exc.current != ReviewState.FILED:
            raise


def _uploader(
    ctx: ItemContext, aisep: AisEpBot, kind: Kind, record: DocumentRecord, cases: Sequence[Case], filer: Filer
) -> Effect:
    card = _Card(aisep, record.proceeding, cases)

    async def upload() -> str:
        expected = record.pdf_sha256
        assert record.pdf_path is not None and expected is not None, "issue() returns sealed documents"
        if any(d.sha256 == expected for d in (await card.read()).documents):
            return expected  # already on the card: uploaded before a fault or a crash kept it from being recorded
        signature = await asyncio.to_thread(_signed, ctx, record, filer)
        shown = await card.changing(
            aisep.upload_document(record.proceeding, Path(record.pdf_path), kind.upload, Path(signature.path))
        )
        if shown != expected:
            raise SystemException(
                f"AIS EP shows SHA-256 {shown} for {record.number}, the register holds {expected}",
                site="aisep",
                page="card",
            )
        return shown

    return lambda: ctx.step("aisep", f"upload {record.number} to proceeding {record.proceeding}", upload)


def _signed(ctx: ItemContext, record: DocumentRecord, filer: Filer) -> SignatureRecord:
    """The document signed by its filer, once: an act bears the name of the bailiff whose login files it, so a
    key of anyone else signs nothing."""
    signer = act_signer()
    if not same_person(signer.holder, filer.name):
        raise InvalidInput(
            f"{record.number}: the signing key ({KEY_FILE}) is not the key of the bailiff signed in to AIS EP "
            f"({filer.login}); an act is signed by its filer, so it is not filed"
        )
    return sign_document(ctx.documents, signer, record)


def _registrar(
    ctx: ItemContext, aisep: AisEpBot, kind: Kind, documents: Sequence[DocumentRecord], cases: Sequence[Case]
) -> Effect:
    record = documents[0]
    comment = f"{record.act}: {kind.title['ru']} ({', '.join(r.number for r in documents)})"
    card = _Card(aisep, record.proceeding, cases)

    async def register_action() -> str:
        logged = any(a.kind == kind.action and record.act in a.comment for a in (await card.read()).actions)
        if not logged:
            await card.changing(aisep.register_action(record.proceeding, kind.action, comment))
        return f"{kind.action}:{record.act}"

    return lambda: ctx.step("aisep", f"register {kind.action} on proceeding {record.proceeding}", register_action)


class _Card:
    """A proceeding's card as last read: the one read at the item's start, read again after a change that failed
    on the way (its answer lost, the change may still have landed), so a retried step never files twice."""

    def __init__(self, aisep: AisEpBot, number: str, cases: Sequence[Case]) -> None:
        self.aisep, self.number = aisep, number
        self.known: Case | None = next((c for c in cases if c.number == number), None)

    async def read(self) -> Case:
        if self.known is None:
            self.known = await self.aisep.read_case(self.number)
        return self.known

    async def changing(self, change: Awaitable[T]) -> T:
        try:
            return await change
        except SystemException:
            self.known = None
            raise


def _listed(act: Act, record: DocumentRecord, decision: ReviewItem | None) -> FiledDocument:
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
        review=decision.state if decision is not None else None,
        mode=decision.mode if decision is not None else None,
        finding=act.draft.finding.code if act.draft.finding else None,
        asset=act.draft.finding.asset.id if act.draft.finding and act.draft.finding.asset else None,
    )

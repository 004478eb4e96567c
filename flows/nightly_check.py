"""nightly_check: for every active proceeding of the bailiff in AIS EP, what the debtor owns and earns across the
registries, as findings a bailiff acts on in the morning. One work item per debtor.

One registry down does not stop the night: its lookups fail after their retries, the others' findings land, and
the item says which registries it lacks.

The acts the findings call for are drafted in Kazakh and Russian and filed to the proceeding in AIS EP, each once
(flows/documents_step.py), but only for a debtor every registry answered for: an act resting on half the facts
waits for the night that has them all. `--param documents=draft` drafts without filing, `documents=off` neither.
"""

from __future__ import annotations

import asyncio
from functools import partial
from typing import Any

from pydantic import BaseModel

from bots.aisep import AisEpBot
from bots.bank import QazynaBankBot, SandyqBankBot
from bots.egov import EgovRealtyBot, EgovVehiclesBot
from bots.enpf import EnpfBot
from bots.esalyq import EsalyqBot
from domain.checks.assets import DebtorFile, assess
from domain.money import ZERO
from domain.records import CaseSummary
from flows.documents_step import documents_filed, draft_and_file
from orynda import clock
from orynda.config import Settings
from orynda.errors import ConfigError, RegistriesMissing
from orynda.flow import Discovery, Flow, ItemContext, ItemResult, ItemSpec, Listed, Lookup, ReportColumn

REGISTRIES = ("egov_realty", "egov_vehicles", "esalyq", "enpf", "bank_sandyq", "bank_qazyna")


class NightlyCheckItem(BaseModel):
    """One debtor of the bailiff and the numbers of their active proceedings in AIS EP."""

    iin: str
    name: str
    proceedings: tuple[str, ...]


def load_items(params: dict[str, Any], settings: Settings) -> list[ItemSpec[NightlyCheckItem]]:
    _documents_mode(params)  # a mistyped parameter stops the run before any browser starts
    return []  # the work comes from AIS EP: see discover


async def discover(ctx: ItemContext, found: Discovery) -> None:
    """The bailiff's active proceedings in AIS EP, one item per debtor, each page of the list recorded as soon as it
    is read (a debtor met on two pages is one item with the proceedings of both: see LISTED). A page that stays
    down ends the walk with its fault; what was read stays recorded and the next try reads on after it."""

    def record(page: int, cases: list[CaseSummary]) -> None:
        found.record(page, _debtors(cases))

    await ctx.bot(AisEpBot).list_active_proceedings(after_page=found.pages, on_page=record)


def _debtors(cases: list[CaseSummary]) -> list[ItemSpec[NightlyCheckItem]]:
    """One page's proceedings by debtor; the store numbers the items once the whole list is read."""
    by_debtor: dict[str, list[CaseSummary]] = {}
    for case in cases:
        by_debtor.setdefault(case.debtor_iin, []).append(case)
    return [
        ItemSpec(
            seq=0,
            key=iin,
            source="AIS EP",
            payload=NightlyCheckItem(
                iin=iin, name=own[0].debtor_name, proceedings=tuple(sorted(c.number for c in own))
            ),
        )
        for iin, own in sorted(by_debtor.items())
    ]


def _joined(first: NightlyCheckItem, later: NightlyCheckItem) -> NightlyCheckItem:
    return first.model_copy(update={"proceedings": tuple(sorted({*first.proceedings, *later.proceedings}))})


def _limit(params: dict[str, Any]) -> int | None:
    return int(params.get("limit") or 0) or None  # at most `--param limit=N` debtors; 0 or none: all


# One item per debtor, numbered in IIN order once the list is read; `limit` keeps the lowest IINs.
LISTED = Listed(merge=_joined, limit=_limit)


async def process(payload: NightlyCheckItem, ctx: ItemContext) -> ItemResult:
    iin = payload.iin
    aisep = ctx.bot(AisEpBot)
    cases = tuple(
        [await ctx.step("aisep", f"read proceeding {n}", partial(aisep.read_case, n)) for n in payload.proceedings]
    )
    ctx.parties(case.creditor.id for case in cases)
    answers = {lookup.site: lookup for lookup in await _ask_registries(ctx, iin)}
    tax = answers["esalyq"].value
    if tax is not None and tax.certificate is not None:
        ctx.keep(tax.certificate.name, tax.certificate.content)
    debtor = DebtorFile(
        iin=iin,
        name=payload.name,
        cases=cases,
        properties=tuple(answers["egov_realty"].value or ()),
        vehicles=tuple(answers["egov_vehicles"].value or ()),
        tax=tax,
        contributions=tuple(answers["enpf"].value or ()),
        accounts=(*(answers["bank_sandyq"].value or ()), *(answers["bank_qazyna"].value or ())),
        missing=tuple(site for site, lookup in answers.items() if not lookup.ok),
    )
    findings = [f.model_copy(update=_evidence(f.registries, answers)) for f in assess(debtor, clock.now().date())]
    fields = _fields(debtor)
    if debtor.missing:
        raise RegistriesMissing(
            f"no answer from {', '.join(debtor.missing)}", missing=debtor.missing, findings=findings, fields=fields
        )
    mode = _documents_mode(ctx.params)
    if mode == "off":
        return ItemResult(findings, fields)
    documents = await draft_and_file(ctx, debtor, findings, file=mode == "file")
    fields["documents_filed"] = documents_filed(documents)
    return ItemResult(findings, fields, documents=documents)


DOCUMENT_MODES = ("file", "draft", "off")


def _documents_mode(params: dict[str, Any]) -> str:
    mode = str(params.get("documents") or "file")
    if mode not in DOCUMENT_MODES:
        raise ConfigError(f"--param documents={mode}: expected one of {', '.join(DOCUMENT_MODES)}")
    return mode


async def _ask_registries(ctx: ItemContext, iin: str) -> list[Lookup[Any]]:
    """All six at once, each on its own page; per-site limits in the configuration still apply."""
    return list(
        await asyncio.gather(
            ctx.lookup("egov_realty", lambda: ctx.bot(EgovRealtyBot).list_properties(iin)),
            ctx.lookup("egov_vehicles", lambda: ctx.bot(EgovVehiclesBot).list_vehicles(iin)),
            ctx.lookup("esalyq", lambda: ctx.bot(EsalyqBot).tax_status(iin)),
            ctx.lookup("enpf", lambda: ctx.bot(EnpfBot).contributions(iin)),
            ctx.lookup("bank_sandyq", lambda: ctx.bot(SandyqBankBot).accounts(iin)),
            ctx.lookup("bank_qazyna", lambda: ctx.bot(QazynaBankBot).accounts(iin)),
        )
    )


def _evidence(registries: tuple[str, ...], answers: dict[str, Lookup[Any]]) -> dict[str, str | None]:
    """The page of the first registry the finding rests on, and its screenshot's SHA-256."""
    first = answers.get(registries[0]) if registries else None
    shot = first.shot if first else None
    return {"evidence": first.evidence if first else None, "evidence_sha256": shot.sha256 if shot else None}


def _fields(debtor: DebtorFile) -> dict[str, Any]:
    latest = max(debtor.contributions, key=lambda c: c.month) if debtor.contributions else None
    return {
        "name": debtor.name,
        "proceedings": len(debtor.cases),
        "remaining": debtor.remaining,
        "realty": len(debtor.properties),
        "vehicles": len(debtor.vehicles),
        "balances": sum((a.balance for a in debtor.accounts), ZERO),
        "employer": latest.employer_name if latest else None,
        "overpayment": debtor.tax.overpayment if debtor.tax else None,
        "missing": ", ".join(debtor.missing) or None,  # as the Items sheet shows it; ItemResult.missing lists them
    }


FLOW = Flow(
    name="nightly_check",
    title="Assets and income of every debtor with an active proceeding, across the registries",
    load_items=load_items,
    discover=discover,
    listed=LISTED,
    process=process,
    payload_model=NightlyCheckItem,
    sites=("aisep", *REGISTRIES),
    extra_sheets=("Findings", "Documents", "Registries"),
    columns=(
        ReportColumn("name", "Debtor"),
        ReportColumn("proceedings", "Proceedings", "int"),
        ReportColumn("remaining", "Remaining debt, ₸", "money"),
        ReportColumn("realty", "Real estate", "int"),
        ReportColumn("vehicles", "Vehicles", "int"),
        ReportColumn("balances", "Bank balances, ₸", "money"),
        ReportColumn("employer", "Employer"),
        ReportColumn("overpayment", "Tax overpayment, ₸", "money"),
        ReportColumn("missing", "Registries without an answer", "sites"),
        ReportColumn("documents_filed", "Documents filed", "int"),
    ),
)

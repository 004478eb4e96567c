"""Which acts one debtor's night calls for, each with the fact it rests on.

The fact key is what makes a document unique: the same proceeding or debtor, the same kind and the same ground
(finding code and the asset's identity — never an amount or a date) always give the same key, so the register hands
back the same document on every rerun and every later night.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal

from domain.arrests import Asset, Holding, Sizing, size_arrests
from domain.checks.assets import DebtorFile
from domain.deadlines import exit_ban_earliest
from domain.documents.catalogue import Kind, kind, kinds_for
from domain.findings import AssetKind, Finding, Severity
from domain.money import ZERO
from domain.payments.statement import fee_due
from domain.records import Case

MAX_GROUND = 160  # longer grounds (addresses) are kept as a digest so the key fits its column
INITIATED = "initiated"


@dataclass(frozen=True)
class Sent:
    """An act already filed: its number (without the language) and the day it was filed."""

    act: str
    on: dt.date


@dataclass(frozen=True)
class Draft:
    """One act to produce: its kind, the fact it rests on, the proceeding it is filed to, and why."""

    kind: Kind
    fact: str
    case: Case
    finding: Finding | None = None
    purpose: str = ""  # notices: "voluntary" (with an opening) or "exit_ban_warning"
    warning: Sent | None = None  # an exit restriction: the warning notice it follows
    arrest: Decimal | None = None  # an arrest: the amount it secures, sized with the debtor's other arrests
    sizing: Sizing | None = None  # an arrest: how that amount was found (art. 55 p.5)


def lead_case(debtor: DebtorFile) -> Case:
    """The proceeding a debtor's acts are filed to: the earliest opened (stable while it stays open)."""
    if not debtor.cases:
        raise ValueError("debtor.cases is empty: an act needs a proceeding to be filed to")
    return min(debtor.cases, key=lambda c: (c.opened, c.number))


def plan(
    debtor: DebtorFile,
    findings: Sequence[Finding],
    on: dt.date,
    sent: Mapping[str, Sent],
    *,
    simplified: bool = False,
) -> list[Draft]:
    """Opening acts for proceedings AIS EP shows no initiation of, then one act per finding that calls for one.

    `sent` holds the acts already filed, by fact key: an exit restriction follows only a warning sent at least
    5 working days before (art. 33), so it is drafted on a later night than its warning. `simplified`: the
    robot bailiff's procedure (domain/data/simplified.yaml), whose arrests secure the debt alone, without a fee or
    costs, and belong to the one proceeding (their facts keyed by it, not by the debtor)."""
    if not debtor.cases:
        return []
    drafts = [d for case in debtor.cases if not any(a.kind == INITIATED for a in case.actions) for d in _opening(case)]
    for finding in findings:
        if finding.severity is not Severity.EXCEPTION:
            drafts += _for_finding(debtor, finding, on, sent, simplified)
    unique: dict[str, Draft] = {}
    for draft in drafts:
        unique.setdefault(draft.fact, draft)  # a fact met twice is one act
    return _sized(debtor, list(unique.values()), simplified)


ARRESTS = ("account_arrest", "property_arrest")


def arrest_sizing(debtor: DebtorFile, findings: Sequence[Finding], *, within_debt: bool = False) -> Sizing:
    """The debtor's arrests sized together: what is owed, the fee on it and the costs, over the holdings the findings
    call to arrest and those already under arrest (Law 261-IV art. 55 p.5, domain/arrests). `within_debt`: what is
    owed alone (the simplified procedure charges no fee, and its robot incurs no costs)."""
    assets = [a for f in findings if (a := _asset(f)) is not None]
    assets += [
        Asset(_account(a.currency), a.iban, a.balance if a.currency == "KZT" else None, arrested=True)
        for a in debtor.accounts
        if a.arrested
    ]
    assets += [Asset(Holding.REALTY, p.cadastral, None, arrested=True) for p in debtor.properties if p.arrested]
    assets += [Asset(Holding.VEHICLE, v.vin, None, arrested=True) for v in debtor.vehicles if v.arrested]
    fee, costs = (ZERO, ZERO) if within_debt else (_fee(debtor), debtor.costs)
    return size_arrests(debtor.remaining, fee, costs, assets)


def _sized(debtor: DebtorFile, drafts: list[Draft], within_debt: bool) -> list[Draft]:
    """Arrest acts carry the amount they secure; an arrest the limit is already secured without is not drafted."""
    arrests = [d for d in drafts if d.kind.name in ARRESTS and d.finding is not None]
    if not arrests:
        return drafts
    sizing = arrest_sizing(debtor, [d.finding for d in arrests if d.finding is not None], within_debt=within_debt)
    out = []
    for draft in drafts:
        asset = _asset(draft.finding) if draft.kind.name in ARRESTS and draft.finding else None
        if asset is None:
            out.append(draft)
            continue
        amount = sizing.amount_for(asset.holding, asset.id)
        if amount is not None:
            out.append(replace(draft, arrest=amount, sizing=sizing))
    return out


def _asset(finding: Finding) -> Asset | None:
    """The holding a finding calls to arrest, with its tenge value when the registry gave one."""
    ref = finding.asset
    if ref is None or finding.severity is Severity.EXCEPTION:
        return None
    if ref.kind is AssetKind.ACCOUNT:
        currency = ref.currency or "KZT"
        return Asset(_account(currency), ref.id, finding.amount if currency == "KZT" else None)
    if ref.kind is AssetKind.REALTY and finding.code == "realty_not_arrested":
        return Asset(Holding.REALTY, ref.id)
    if ref.kind is AssetKind.VEHICLE and finding.code == "vehicle_not_arrested":
        return Asset(Holding.VEHICLE, ref.id)
    return None


def _account(currency: str) -> Holding:
    return Holding.ACCOUNT_KZT if currency == "KZT" else Holding.ACCOUNT_FOREIGN


def _fee(debtor: DebtorFile) -> Decimal:
    """The private bailiff's fee on what is still owed (art. 118), summed over the debtor's proceedings."""
    return sum((fee_due(case) for case in debtor.cases), ZERO)


def exit_warning_fact(iin: str) -> str:
    return f"notice|debtor:{iin}|exit_ban_possible"


def _opening(case: Case) -> list[Draft]:
    subject = f"case:{case.number}"
    return [
        Draft(kind("opening"), f"opening|{subject}", case),
        Draft(kind("notice"), f"notice|{subject}|voluntary", case, purpose="voluntary"),
    ]


def _for_finding(
    debtor: DebtorFile, finding: Finding, on: dt.date, sent: Mapping[str, Sent], simplified: bool = False
) -> list[Draft]:
    case = lead_case(debtor)
    subject = f"case:{case.number}" if simplified else f"debtor:{debtor.iin}"
    out = []
    for k in kinds_for(finding.code):
        if not k.lifts_any(debtor.restrictions):
            continue
        if k.name == "exit_ban":
            warning = sent.get(exit_warning_fact(debtor.iin))
            if warning is None or on < exit_ban_earliest(warning.on):
                continue
            out.append(Draft(k, f"exit_ban|{subject}|exit_ban_possible", case, finding, warning=warning))
            continue
        if k.name == "notice":
            out.append(Draft(k, exit_warning_fact(debtor.iin), case, finding, purpose="exit_ban_warning"))
            continue
        out.append(Draft(k, f"{k.name}|{subject}|{_ground(k, finding)}", case, finding))
    return out


def _ground(k: Kind, finding: Finding) -> str:
    """What the act is about: the finding and its asset's identity; a lifting act is about the measures it lifts."""
    if k.lifts:
        return f"{finding.code}|exit_ban" if k.lifts == ("exit_ban",) else f"{finding.code}|arrests"
    # the parts read as they always have, so the facts of documents issued on earlier nights still match
    registries = ", ".join(finding.registries) if k.name == "registry_request" else None
    asset = finding.asset.label if finding.asset else None
    ground = "|".join(part for part in (finding.code, registries, asset) if part)
    if len(ground) > MAX_GROUND:
        ground = f"{finding.code}|sha256:{hashlib.sha256(ground.encode()).hexdigest()[:32]}"
    return ground

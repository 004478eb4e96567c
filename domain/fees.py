"""The private bailiff's fee (Law 261-IV art. 118; MoJ orders 415/416 of 27.06.2023) and the state sanction (art. 124).

Choices for the open questions of the research note (§3.3), each kept in domain/data/fees.yaml:
(a) the bracket's rate applies flat to the whole amount, not marginally; (b) a bracket's upper bound is inclusive
(exactly 60 MCI → 25 %); (c) the bracket is found with the MCI of the date of initiation; (d) the fee is the rate
times the amount actually collected (2010 art. 118 p.2); (e) the 30 % voluntary-payment share only when asked.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from domain.data import decimal, in_force, table
from domain.errors import InvalidAmount, UnknownRule
from domain.mci import mci, mci_amount
from domain.money import ZERO, tenge

FlatKind = Literal["eviction_or_action", "securing_or_release", "child_communication"]
HUNDRED = Decimal(100)


@dataclass(frozen=True)
class Fee:
    """A private bailiff's fee on a money claim and how it was found."""

    claim: Decimal
    collected: Decimal
    mci: Decimal
    claim_in_mci: Decimal
    percent: Decimal
    voluntary: bool
    fee: Decimal
    article: str = "art. 118 p.1; MoJ orders 415/416 of 27.06.2023"


def private_bailiff_fee(
    claim: Decimal, initiated_on: dt.date, collected: Decimal | None = None, voluntary: bool = False
) -> Fee:
    """Fee = bracket rate (by the claim in MCI at initiation) × amount collected (art. 118 pp.1–3)."""
    claim, collected = tenge(claim), tenge(claim if collected is None else collected)
    if claim < 0 or not ZERO <= collected <= claim:
        raise InvalidAmount(f"need 0 <= collected ({collected}) <= claim ({claim})")
    unit = mci(initiated_on)
    percent = fee_percent(claim, initiated_on)
    share = decimal(table("fees")["voluntary_share"]["percent"]) / HUNDRED if voluntary else Decimal(1)
    fee = tenge(collected * percent / HUNDRED * share)
    return Fee(claim, collected, unit, (claim / unit).quantize(Decimal("0.0001")), percent, voluntary, fee)


def fee_percent(claim: Decimal, on: dt.date) -> Decimal:
    """The schedule's percent for a claim, brackets in MCI on `on`, upper bounds as the data says (art. 118 p.1)."""
    schedule = in_force(table("fees")["money_schedules"], on, "private bailiff fee schedule")
    inclusive = schedule["upper_inclusive"]
    for bracket in schedule["brackets"]:
        upper = None if bracket["up_to_mci"] is None else mci_amount(bracket["up_to_mci"], on)
        if upper is None or claim < upper or (inclusive and claim == upper):
            return decimal(bracket["percent"])
    raise UnknownRule("fee schedule has no open-ended last bracket")


def flat_fee(kind: FlatKind, on: dt.date, legal_entity: bool = False, months: int = 1) -> Decimal:
    """Fee for a non-money document, in MCI by debtor kind (art. 118 p.1; MoJ orders 415/416)."""
    row = next((row for row in table("fees")["flat_fees"] if row["kind"] == kind), None)
    if row is None:
        raise UnknownRule(f"no flat fee for document kind {kind!r}")
    multiple = row["legal_entity_mci"] if legal_entity else row["individual_mci"]
    if multiple is None:
        raise UnknownRule(f"no flat fee for {kind!r} against a legal entity")
    return mci_amount(decimal(multiple) * (months if row["per_month"] else 1), on)


def periodic_fee(initiated_on: dt.date) -> Decimal:
    """Fee per proceeding on alimony/harm/wage documents: 15 MCI until 13.07.2023 (decree 1053), unknown since."""
    row = in_force(table("fees")["periodic"], initiated_on, "periodic-payment fee")
    if row["per_proceeding_mci"] is None:
        raise UnknownRule(f"periodic-payment fee on {initiated_on} is unknown: {row['source']} [?]")
    return mci_amount(decimal(row["per_proceeding_mci"]), initiated_on)


def enforcement_sanction(
    collected: Decimal,
    on: dt.date,
    *,
    non_property: bool = False,
    legal_entity: bool = False,
    voluntary_on_time: bool = False,
    debtor_is_state: bool = False,
) -> Decimal:
    """State bailiff's sanction: 10 % or 10/20 MCI; none if voluntary, state debtor, or under 1 MCI (art. 124)."""
    rule = table("fees")["state_sanction"]
    if voluntary_on_time or debtor_is_state:
        return ZERO
    if non_property:
        return mci_amount(decimal(rule["legal_entity_mci" if legal_entity else "individual_mci"]), on)
    sanction = tenge(tenge(collected) * decimal(rule["percent"]) / HUNDRED)
    return ZERO if sanction < mci_amount(decimal(rule["minimum_mci"]), on) else sanction

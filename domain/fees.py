"""The private bailiff's fee (Law 261-IV art. 118; MoJ orders 415/416 of 27.06.2023) and the state sanction (art. 124).

Choices for the open questions of the research note (§3.3), each kept in domain/data/fees.yaml:
(a) the bracket's rate applies flat to the whole amount, not marginally; (b) a bracket's upper bound is inclusive
(exactly 60 MCI → 25 %); (c) the bracket is found with the MCI of the date of initiation; (d) the fee is the rate
times the amount actually collected (art. 118 p.2); (e) the 30 % voluntary-payment share only when asked.
The fee never exceeds the cap of art. 118 p.1 (10 000 MCI). The MCI is the one for fines, taxes and other payments:
the fee is a payment, not a benefit, so the 2022 benefits MCI never applies to it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Literal

from domain.data import decimal, in_force, table
from domain.errors import InvalidAmount, UnknownRule
from domain.mci import MciUsed, mci_amount, mci_used
from domain.money import ZERO, tenge

FlatKind = Literal["eviction_or_action", "securing_or_release", "child_communication"]
HUNDRED = Decimal(100)
FEE_MCI = "the fee is a payment, not a benefit or social payment: MCI for fines, taxes and other payments"


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
    cap: Decimal
    capped: bool
    mci_basis: MciUsed
    article: str = "art. 118 p.1; MoJ orders 415/416 of 27.06.2023"


def private_bailiff_fee(
    claim: Decimal, initiated_on: dt.date, collected: Decimal | None = None, voluntary: bool = False
) -> Fee:
    """Fee = bracket rate (by the claim in MCI at initiation) × amount collected (art. 118 pp.1–3)."""
    claim, collected = tenge(claim), tenge(claim if collected is None else collected)
    if claim < 0 or not ZERO <= collected <= claim:
        raise InvalidAmount(f"need 0 <= collected ({collected}) <= claim ({claim})")
    basis = mci_used(initiated_on, "payments", FEE_MCI)
    unit = basis.value
    percent = fee_percent(claim, initiated_on)
    share = decimal(table("fees")["voluntary_share"]["percent"]) / HUNDRED if voluntary else Decimal(1)
    cap = fee_cap(initiated_on)
    fee = tenge(collected * percent / HUNDRED * share)
    in_mci = (claim / unit).quantize(Decimal("0.0001"))
    return Fee(claim, collected, unit, in_mci, percent, voluntary, min(fee, cap), cap, fee > cap, basis)


def fee_cap(on: dt.date) -> Decimal:
    """The most a fee may be: the cap in MCI of the schedule in force (art. 118 p.1: not more than 10 000 MCI)."""
    schedule = _schedule(on)
    return mci_amount(decimal(schedule["cap_mci"]), on)


def fee_percent(claim: Decimal, on: dt.date) -> Decimal:
    """The schedule's percent for a claim, brackets in MCI on `on`, upper bounds as the data says (art. 118 p.1)."""
    schedule = _schedule(on)
    inclusive = schedule["upper_inclusive"]
    for bracket in schedule["brackets"]:
        upper = None if bracket["up_to_mci"] is None else mci_amount(bracket["up_to_mci"], on)
        if upper is None or claim < upper or (inclusive and claim == upper):
            return decimal(bracket["percent"])
    raise UnknownRule("fee schedule has no open-ended last bracket")


def _schedule(on: dt.date) -> Mapping[str, Any]:
    return in_force(table("fees")["money_schedules"], on, "private bailiff fee schedule", "fees")


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
    """Fee per proceeding on alimony/wage documents: 15 MCI (decree 1053 as of 2018) until July 2023, refused since.

    Since July 2023 MoJ order No. 416 sets it and its periodic part was not read (domain/data/fees.yaml lists what was
    searched); 2016-2017 is refused too, the decree's first wording not read.
    """
    row = in_force(table("fees")["periodic"], initiated_on, "periodic-payment fee", "fees")
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

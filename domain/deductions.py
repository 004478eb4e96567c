"""Deductions from wages and other income, Law 261-IV arts. 95, 97, 98 (limits and exemptions in domain/data).

Art. 95 p.1 (current text): under one or several executive documents, also those of other bailiffs, the debtor keeps
at least 50 % of the income, and — except for alimony and compensation of harm from injury or other damage to health
or from the death of the breadwinner — not less than the subsistence minimum of the budget law. Its p.2 (the 2010
rule keeping 30 % for alimony, harm and crime damage) was deleted by the Law of 27.04.2012 No. 15-V, so no claim may
take more than half. Art. 96 (debtors serving a sentence) sets no share; art. 97: some benefits are leviable only for
alimony and harm. Art. 98: sums that cannot be levied at all.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from domain.data import decimal, table
from domain.errors import InvalidAmount
from domain.mci import subsistence_minimum
from domain.money import ZERO, split_pro_rata, tenge


@dataclass(frozen=True)
class DeductionLimit:
    """The most that may be withheld from one payment of income, and why."""

    income: Decimal
    half: Decimal
    floor: Decimal
    withheld_max: Decimal
    kept: Decimal
    article: str = "art. 95 p.1"


def max_share() -> Decimal:
    """The largest share of income that may be withheld, as a fraction (art. 95 p.1)."""
    return decimal(table("deductions")["max_share"]["percent"]) / 100


def floor_applies(claim_category: str) -> bool:
    """False for alimony and harm-to-health/breadwinner claims, which are not limited by the minimum (art. 95 p.1)."""
    return claim_category not in {row["category"] for row in table("deductions")["floor_exempt_claims"]}


def deduction_limit(income: Decimal, on: dt.date, claim_category: str) -> DeductionLimit:
    """At most 50 % of income; the debtor keeps at least the subsistence minimum unless exempt (art. 95 p.1)."""
    income = tenge(income)
    if income < 0:
        raise InvalidAmount(f"income must be non-negative, got {income}")
    half = tenge(income * max_share())
    floor = subsistence_minimum(on) if floor_applies(claim_category) else ZERO
    withheld = max(ZERO, min(half, income - floor))
    return DeductionLimit(income, half, floor, withheld, income - withheld)


def is_leviable(income_kind: str, claim_category: str) -> bool:
    """Whether an income may be levied for a claim: never for art. 98 sums, art. 97 ones only for alimony or harm."""
    data = table("deductions")
    if income_kind in {row["kind"] for row in data["exempt"]}:
        return False
    if income_kind in {row["kind"] for row in data["only_for_alimony_or_harm"]}:
        return not floor_applies(claim_category)
    return True


def exemption_reason(income_kind: str) -> str | None:
    """The art. 97/98 item that protects a kind of income, for a finding's message; None if not listed."""
    data = table("deductions")
    for row in data["exempt"]:
        if row["kind"] == income_kind:
            return f"art. 98 item {row['item']}: {row['title']}"
    for row in data["only_for_alimony_or_harm"]:
        if row["kind"] == income_kind:
            return f"art. 97: {row['title']} (only for alimony or harm to health)"
    return None


@dataclass(frozen=True)
class Document:
    """One executive document levied on the same income: its claim category, queue and the sum due this month."""

    name: str
    category: str
    queue: int
    due: Decimal


@dataclass(frozen=True)
class Withholding:
    """What is withheld under one document this month, and why no more."""

    document: Document
    withheld: Decimal
    limited_by: str  # "due" | "half" (art. 95 p.1, 50 %) | "subsistence minimum" (art. 95 p.1 floor)


@dataclass(frozen=True)
class WithholdingPlan:
    """One payment of income split among several documents: queues in order, pro rata inside a queue."""

    income: Decimal
    half: Decimal
    floor: Decimal
    lines: tuple[Withholding, ...]
    kept: Decimal
    article: str = "Law 261-IV art. 95 p.1 (limits); arts. 110–112 (queues, pro rata inside a queue)"


def withholding_plan(income: Decimal, on: dt.date, documents: list[Document]) -> WithholdingPlan:
    """Withhold under several documents of different queues within the limits of art. 95 p.1.

    Together the documents take at most half of the income («кемiнде елу пайызы сақталуға тиiс», under one or several
    documents). What the debtor keeps may not fall below the subsistence minimum through a document it protects (a
    loan, taxes, wages owed), but may through alimony or harm to health or breadwinner claims. Queues are served in
    order, a queue pro rata to what each document is due (arts. 110–112); inside a queue the exempt documents' shares
    count first against the minimum, so the order the documents are listed in never changes the result, and when the
    minimum leaves nothing for the protected ones the exempt documents may take the rest of the half.
    """
    income = tenge(income)
    if income < 0 or any(tenge(d.due) < 0 for d in documents):
        raise InvalidAmount("income and the sums due must be non-negative")
    half, minimum = tenge(income * max_share()), subsistence_minimum(on)
    room_half, room_floor = half, max(ZERO, income - minimum)  # room_floor: what floor-protected documents may take
    taken: dict[int, Withholding] = {}
    for queue in sorted({d.queue for d in documents}):
        in_queue = [(i, d) for i, d in enumerate(documents) if d.queue == queue]
        for i, line in _queue_lines(in_queue, room_half, room_floor).items():
            taken[i] = line
            room_half -= line.withheld
            room_floor = max(ZERO, room_floor - line.withheld)
    lines = tuple(taken[i] for i in range(len(documents)))
    withheld = sum((line.withheld for line in lines), ZERO)
    return WithholdingPlan(income, half, minimum, lines, income - withheld)


def _queue_lines(
    in_queue: list[tuple[int, Document]], room_half: Decimal, room_floor: Decimal
) -> dict[int, Withholding]:
    exempt = [(i, d) for i, d in in_queue if not floor_applies(d.category)]
    protected = [(i, d) for i, d in in_queue if floor_applies(d.category)]
    shares = dict(zip((i for i, _ in in_queue), _pro_rata(room_half, [d for _, d in in_queue])))
    exempt_take = sum((shares[i] for i, _ in exempt), ZERO)
    room_protected = max(ZERO, room_floor - exempt_take)
    if protected and room_protected == 0:  # the minimum leaves nothing for them: the exempt ones share the half
        shares.update(zip((i for i, _ in exempt), _pro_rata(room_half, [d for _, d in exempt])))
    floor_bound = sum((shares[i] for i, _ in protected), ZERO) > room_protected
    if floor_bound:
        shares.update(zip((i for i, _ in protected), _pro_rata(room_protected, [d for _, d in protected])))
    lines = {}
    for i, document in in_queue:
        limit = "due" if shares[i] == tenge(document.due) else "half"
        if floor_bound and floor_applies(document.category) and shares[i] < tenge(document.due):
            limit = "subsistence minimum"
        lines[i] = Withholding(document, shares[i], limit)
    return lines


def _pro_rata(available: Decimal, documents: list[Document]) -> list[Decimal]:
    due = [tenge(d.due) for d in documents]
    return due if sum(due, ZERO) <= available else split_pro_rata(available, due)

"""Deductions from wages and other income, Law 261-IV arts. 95, 97, 98 (limits and exemptions in domain/data).

Art. 95 p.1: under all executive documents together the debtor keeps at least 50 % of the income, and not less than
the subsistence minimum — except for alimony and harm-to-health/breadwinner claims. Art. 97: some benefits are
leviable only for alimony and harm. Art. 98: sums that cannot be levied at all.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from domain.data import decimal, table
from domain.errors import InvalidAmount
from domain.mci import subsistence_minimum
from domain.money import ZERO, tenge


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

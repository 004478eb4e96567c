"""Temporary restriction on leaving the Republic, Law 261-IV art. 33, and its lifting after payment (art. 47 p.2).

Thresholds and duties are data (domain/data/restrictions.yaml); the current wording of art. 33 was read only in
paraphrase [S], the duty on the creditor's application and the court sanction only in the 2010 text [C-old].
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from domain.data import decimal, table
from domain.deadlines import Deadline, exit_ban_earliest, restriction_lift_deadline
from domain.mci import MciUsed, mci_used
from domain.money import ZERO, tenge

EXIT_BAN_MCI = "a debt threshold, not a benefit or social payment: MCI for fines, taxes and other payments"


@dataclass(frozen=True)
class ExitRestriction:
    """Whether an exit restriction may or must be imposed, why, and what has to precede it (art. 33)."""

    may_impose: bool
    must_impose: bool
    reasons: tuple[str, ...]
    threshold: Decimal
    needs_court_sanction: bool
    notice_required: bool
    earliest: dt.date | None
    mci_basis: MciUsed | None = None
    grounds: tuple[str, ...] = ()  # the reasons as codes a report words: debt_over_threshold, periodic_unpaid


@dataclass(frozen=True)
class Lifting:
    """Whether measures must be lifted after payment, and by when (art. 47 p.2; deadline is a proxy [?])."""

    must_lift: bool
    reason: str
    deadline: Deadline | None


def exit_restriction(
    debt: Decimal,
    on: dt.date,
    *,
    periodic_months_unpaid: int = 0,
    creditor_applied: bool = False,
    private_bailiff: bool = True,
    warning_sent: dt.date | None = None,
) -> ExitRestriction:
    """May impose if debt > 40 MCI or periodic payments unpaid > 3 months; must on the creditor's request (art. 33)."""
    rules = table("restrictions")["exit_ban"]
    basis = mci_used(on, "payments", EXIT_BAN_MCI)
    threshold = tenge(decimal(rules["debt_over_mci"]["value"]) * basis.value)
    reasons, grounds = [], []
    if tenge(debt) > threshold:
        reasons.append(f"debt {tenge(debt)} exceeds 40 MCI = {threshold} (art. 33)")
        grounds.append("debt_over_threshold")
    if periodic_months_unpaid > rules["periodic_unpaid_over_months"]["value"]:
        reasons.append(f"periodic payments unpaid for {periodic_months_unpaid} months, over 3 (art. 33)")
        grounds.append("periodic_unpaid")
    may = bool(reasons)
    must = may and creditor_applied and rules["duty_on_creditor_application"]["value"]
    sanction = private_bailiff and rules["private_bailiff_needs_court_sanction"]["value"]
    notice = on >= rules["notice_required_from"]["value"]
    earliest = exit_ban_earliest(warning_sent) if warning_sent else None
    return ExitRestriction(may, must, tuple(reasons), threshold, sanction, notice, earliest, basis, tuple(grounds))


def lifting(paid_on: dt.date, debt_left: Decimal, fee_and_costs_left: Decimal = ZERO) -> Lifting:
    """Lift once debt, fee, sanction and costs are all paid (art. 47 p.2); deadline per domain/data ([?] proxy)."""
    if tenge(debt_left) > 0:
        return Lifting(False, f"debt of {tenge(debt_left)} remains", None)
    needs_fee = table("restrictions")["exit_ban"]["lift_needs_fee_and_costs_paid"]["value"]
    if needs_fee and tenge(fee_and_costs_left) > 0:
        return Lifting(False, f"fee, sanction and costs of {tenge(fee_and_costs_left)} remain (art. 47 p.2)", None)
    return Lifting(True, "paid in full (art. 47 p.2)", restriction_lift_deadline(paid_on))

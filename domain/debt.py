"""What a debtor owes on one proceeding: principal, fee, costs, interest (CC art. 353), less what was collected.

Payments are applied in the order of domain/data/debt.yaml: fee, costs (Law 261-IV art. 108), then interest and
principal (CC art. 282 p.2: the creditor's costs, then interest, then the principal). Interest runs on the unpaid
principal only (art. 353 p.4: none on interest), up to and including each payment day, at the base rate on that day
(art. 353 p.1: the rate on the day of execution of the obligation or of its part; mode "periods" is the option); the
interest accrued up to a payment is rounded then.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from decimal import Decimal

from domain.calendar import ONE_DAY
from domain.data import table
from domain.interest import DayCount, InterestLine, Mode, interest
from domain.money import ZERO, tenge


@dataclass(frozen=True)
class Payment:
    on: dt.date
    amount: Decimal


@dataclass(frozen=True)
class Proceeding:
    """The amounts of one enforcement proceeding; `interest_from` is the first day of delay, if interest is due."""

    principal: Decimal
    fee: Decimal = ZERO
    costs: Decimal = ZERO
    interest_from: dt.date | None = None
    payments: tuple[Payment, ...] = ()


@dataclass(frozen=True)
class Balance:
    """What remains owed, part by part (the keys of the payment order)."""

    fee: Decimal
    costs: Decimal
    interest: Decimal
    principal: Decimal

    @property
    def total(self) -> Decimal:
        return self.fee + self.costs + self.interest + self.principal


@dataclass(frozen=True)
class Debt:
    """The debt on `on`: what remains, what was collected, the interest lines and any overpayment."""

    on: dt.date
    remaining: Balance
    collected: Decimal
    interest_accrued: Decimal
    overpaid: Decimal
    interest_lines: tuple[InterestLine, ...] = ()


def debt_on(proceeding: Proceeding, on: dt.date, *, mode: Mode = "single", day_count: DayCount = "act365") -> Debt:
    """The debt on a date, payments applied fee → costs → interest → principal (art. 108; CC art. 282 p.2, art. 353)."""
    balance = Balance(tenge(proceeding.fee), tenge(proceeding.costs), ZERO, tenge(proceeding.principal))
    lines: list[InterestLine] = []
    accrue_from, accrued, overpaid = proceeding.interest_from, ZERO, ZERO
    payments = sorted((p for p in proceeding.payments if p.on <= on), key=lambda p: p.on)
    for payment in payments:
        balance, accrue_from, accrued = _accrue(balance, accrue_from, payment.on, lines, accrued, mode, day_count)
        balance, excess = _apply(balance, tenge(payment.amount))
        overpaid += excess
    balance, _, accrued = _accrue(balance, accrue_from, on, lines, accrued, mode, day_count)
    collected = sum((tenge(p.amount) for p in payments), ZERO)
    return Debt(on, balance, collected, accrued, overpaid, tuple(lines))


def _accrue(
    balance: Balance,
    first: dt.date | None,
    last: dt.date,
    lines: list[InterestLine],
    accrued: Decimal,
    mode: Mode,
    day_count: DayCount,
) -> tuple[Balance, dt.date | None, Decimal]:
    if first is None or first > last or balance.principal == 0:
        return balance, first, accrued
    result = interest(balance.principal, first, last, mode=mode, day_count=day_count)
    lines.extend(result.lines)
    return replace(balance, interest=balance.interest + result.total), last + ONE_DAY, accrued + result.total


def _apply(balance: Balance, amount: Decimal) -> tuple[Balance, Decimal]:
    parts = {}
    for row in table("debt")["payment_order"]:
        owed = getattr(balance, row["part"])
        paid = min(owed, amount)
        parts[row["part"]], amount = owed - paid, amount - paid
    return Balance(**parts), amount

"""Alimony: shares, fixed sums, arrears month by month and the late-payment penalty (Family Code arts. 139–171).

The arrears statement (справка-расчёт, FAM art. 169 p.3–4; Law 261-IV art. 99, 101) has one line per month: the base
(the payer's income; the average wage in the Republic where there are no income documents; 1 MCI for a prisoner who
did not work), the share or fixed sum, what is due, what was paid, and the running balance. Payments reduce the
running balance as a whole (a month's overpayment counts against other months; nothing is clawed back, art. 172).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from domain.calendar import add_months
from domain.data import decimal, table
from domain.errors import InvalidAmount, OutsideData
from domain.mci import mci_amount, min_wage
from domain.money import ZERO, portion, tenge


@dataclass(frozen=True)
class IncomeMonth:
    """One month of the period: the payer's income (None: no documents), what was paid, prisoner not working."""

    month: dt.date
    income: Decimal | None
    paid: Decimal = ZERO
    prisoner: bool = False


@dataclass(frozen=True)
class AlimonyLine:
    month: dt.date
    basis: str
    base: Decimal
    due: Decimal
    paid: Decimal
    balance: Decimal


@dataclass(frozen=True)
class AlimonyStatement:
    """The справка-расчёт: lines, totals, and the arrears on the calculation date (FAM art. 169)."""

    calculated_on: dt.date
    terms: str
    lines: tuple[AlimonyLine, ...]
    total_due: Decimal
    total_paid: Decimal
    arrears: Decimal


@dataclass(frozen=True)
class PensionIncome:
    income: Decimal
    capped: bool  # the contribution hit the cap, so the real income may be higher


def alimony_share(children: int) -> Fraction:
    """Share of income for this many children: 1/4, 1/3, 1/2 for three or more (FAM art. 139 p.1)."""
    if children < 1:
        raise InvalidAmount(f"alimony needs at least one child, got {children}")
    rows = sorted(table("alimony")["shares"], key=lambda row: row["children"])
    return Fraction(next(r for r in reversed(rows) if children >= r["children"])["share"])


ALIMONY_MCI = "alimony is owed by a person, not a state benefit: MCI for fines, taxes and other payments (a choice)"


def fixed_alimony(multiple_mci: Decimal, on: dt.date) -> Decimal:
    """A fixed monthly sum in multiples of the MCI in force at the time of payment (FAM arts. 141, 173).

    From 01.04.2022 to 31.12.2022 two MCIs existed; alimony is not a benefit or social payment, so the MCI for
    fines, taxes and other payments (3 063) is used, not the benefits MCI (3 180) — a reading, stated in each line.
    """
    return mci_amount(multiple_mci, on, "payments")


def income_from_pension_contribution(contribution: Decimal, on: dt.date) -> PensionIncome:
    """Income estimated from a mandatory pension contribution: contribution ÷ 10 %, base capped at 50 МЗП (ОПВ)."""
    rule = table("alimony")["pension_contribution"]
    cap = tenge(min_wage(on) * rule["cap_min_wages"])
    income = min(tenge(tenge(contribution) * 100 / decimal(rule["percent"])), cap)
    return PensionIncome(income, income == cap)


def average_wage(on: dt.date) -> tuple[Decimal, str]:
    """Average monthly wage in the Republic: the latest quarter in the data ended before `on` (FAM art. 169 p.3) [?]."""
    rows = [row for row in table("alimony")["average_wage"] if row["ends"] < on]
    if not rows:
        raise OutsideData(
            f"average wage: no quarter ended before {on.strftime('%d.%m.%Y')} in domain/data/alimony.yaml",
            what="average wage",
            table="domain/data/alimony.yaml",
            on=on,
        )
    latest = max(rows, key=lambda row: row["ends"])
    return decimal(latest["value"]), latest["quarter"]


def alimony_arrears(
    months: Sequence[IncomeMonth],
    calculated_on: dt.date,
    *,
    children: int | None = None,
    fixed_mci: Decimal | None = None,
    presented_on: dt.date | None = None,
    debtor_was_searched: bool = False,
) -> AlimonyStatement:
    """Arrears month by month by share of income or fixed MCI sum (FAM arts. 139, 141, 169; Law art. 99)."""
    if (children is None) == (fixed_mci is None):
        raise InvalidAmount("give either the number of children or a fixed sum in MCI")
    if len({m.month.replace(day=1) for m in months}) != len(months):
        raise InvalidAmount("each month may appear only once in an alimony calculation")
    earliest = _earliest_month(presented_on, debtor_was_searched)
    share = alimony_share(children) if children else None
    lines, balance = [], ZERO
    for entry in sorted(months, key=lambda m: m.month):
        month = entry.month.replace(day=1)
        basis, base, due = _month_due(entry, month, calculated_on, share, fixed_mci, earliest)
        paid = tenge(entry.paid)
        balance += due - paid
        lines.append(AlimonyLine(month, basis, base, due, paid, balance))
    total_due, total_paid = sum((line.due for line in lines), ZERO), sum((line.paid for line in lines), ZERO)
    terms = f"{share} of income" if share else f"{fixed_mci} MCI a month"
    return AlimonyStatement(
        calculated_on, terms, tuple(lines), total_due, total_paid, max(ZERO, total_due - total_paid)
    )


def alimony_penalty(unpaid: Decimal, first_day_late: dt.date, last_day_late: dt.date) -> Decimal:
    """Penalty of 0.1 % of unpaid alimony for each day of delay, both days included (FAM art. 171)."""
    days = (last_day_late - first_day_late).days + 1
    if days < 0 or tenge(unpaid) < 0:
        raise InvalidAmount("penalty needs a non-negative amount and first_day_late <= last_day_late + 1")
    rate = decimal(table("alimony")["penalty"]["percent_per_day"]) / 100
    return tenge(tenge(unpaid) * rate * days)


def _month_due(
    entry: IncomeMonth,
    month: dt.date,
    calculated_on: dt.date,
    share: Fraction | None,
    fixed_mci: Decimal | None,
    earliest: dt.date | None,
) -> tuple[str, Decimal, Decimal]:
    if earliest is not None and month < earliest:
        return "beyond 3 years (FAM art. 169 p.1)", ZERO, ZERO
    if fixed_mci is not None:
        return f"fixed {fixed_mci} MCI (art. 141; {ALIMONY_MCI})", ZERO, fixed_alimony(fixed_mci, month)
    if entry.prisoner and entry.income is None:
        multiple = decimal(table("alimony")["prisoner_month"]["mci"])
        return f"prisoner not working: 1 MCI (art. 169 p.3; {ALIMONY_MCI})", ZERO, mci_amount(multiple, month)
    base, basis = (tenge(entry.income), "income") if entry.income is not None else _average(calculated_on)
    return basis, base, portion(base, share or Fraction(0))


def _average(calculated_on: dt.date) -> tuple[Decimal, str]:
    wage, quarter = average_wage(calculated_on)
    return tenge(wage), f"average wage {quarter} (art. 169 p.3)"


def _earliest_month(presented_on: dt.date | None, debtor_was_searched: bool) -> dt.date | None:
    if presented_on is None or debtor_was_searched:
        return None
    years = table("alimony")["back_years"]["years"]
    return add_months(presented_on, -12 * years).replace(day=1)

"""Interest for the use of another's money, Civil Code art. 353, at the National Bank's base rate.

Rate (art. 353 p.1): the base rate "на день исполнения денежного обязательства или его соответствующей части"; when
the debt is recovered in court, the court may take the rate on the day the claim was filed or the decision made. So the
default mode "single" applies one rate — the rate on the day of payment (`last_day`), or on `rate_on` (filing or
decision), or a contractual `rate` — to the whole term. Mode "periods" (an explicit option, not the Code's wording)
splits the term where the base rate changed. The 1994 text read (quyse/kz-laws rus/879.md, an old redaction) names the
NB's rate on the day of performance, of filing or of the decision; the word «базовая ставка» replaced «ставка
рефинансирования» from 01.01.2021 (Law of 02.01.2021; nationalbank.kz schedule page). The current wording itself was
not read [S].
Days: interest runs for every day from `first_day` to `last_day` inclusive (art. 353 p.2: "по день уплаты"), so
[a, b] followed by [b+1, c] is exactly [a, c]. Day count: "act365" divides by 365 in every year (the default);
"actact" divides each day by the length of its own calendar year (365 or 366). The Code states no convention; the
result states which one was used (`Interest.day_count_text`).
A base-rate row tagged M or ? is refused (domain/data/base_rate.yaml says why), as is a date outside the table: the
week of a decision whose effective day was not read, and the refinancing rate before 01.04.2017, when it was not the
base rate. From 01.04.2017 to 31.12.2020 art. 353 named the refinancing rate, equal to the base rate by then (NB Board
resolution 24.02.2017 No. 30), so one table serves both names.
Rounding: lines are exact fractions; the total is rounded once, half up, to the tiyn; the lines shown are rounded by
largest remainder so they sum to the total. Hence the exact interest of adjacent terms adds up exactly, and their
rounded totals differ from the union's by at most one tiyn.
"""

from __future__ import annotations

import datetime as dt
from calendar import isleap
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from functools import lru_cache
from typing import Literal

from domain.calendar import ONE_DAY
from domain.data import UNCONFIRMED, day, decimal, in_force, table, table_path
from domain.errors import InvalidAmount, OutsideData, UnknownRule
from domain.money import round_lines_to_total, tenge

Mode = Literal["periods", "single"]
DayCount = Literal["act365", "actact"]
DAY_COUNT_TEXT = {
    "act365": "actual days / 365 (every year counted as 365 days)",
    "actact": "actual days / actual days of each calendar year (365 or 366)",
}
ARTICLE = "CC art. 353 pp.1-2"


@dataclass(frozen=True)
class RatePeriod:
    """A base rate, percent per year, in force from `start` to `end` inclusive."""

    start: dt.date
    end: dt.date
    percent: Decimal | None  # None on a refused row (tagged ?): the day a change took effect was not read
    confidence: str


@dataclass(frozen=True)
class InterestLine:
    first_day: dt.date
    last_day: dt.date
    days: int
    percent: Decimal
    year_days: int
    exact: Fraction
    amount: Decimal


@dataclass(frozen=True)
class Interest:
    """Interest on `principal` for [first_day, last_day] and its lines (CC art. 353)."""

    principal: Decimal
    first_day: dt.date
    last_day: dt.date
    mode: Mode
    day_count: DayCount
    lines: tuple[InterestLine, ...]
    exact: Fraction
    total: Decimal
    rate_basis: str = ""
    article: str = ARTICLE

    @property
    def day_count_text(self) -> str:
        """The day-count convention of the calculation, in words for the output."""
        return DAY_COUNT_TEXT[self.day_count]


@lru_cache(maxsize=1)
def base_rate_periods() -> tuple[RatePeriod, ...]:
    """The base-rate history from domain/data/base_rate.yaml (CC art. 353 p.1)."""
    return tuple(
        RatePeriod(
            row["from"],
            row["until"] - ONE_DAY,
            None if row["rate"] is None else decimal(row["rate"]),
            row["confidence"],
        )
        for row in table("base_rate")["periods"]
    )


def base_rate(on: dt.date) -> Decimal:
    """The National Bank base rate, percent per year, in force on a date (CC art. 353 p.1); unconfirmed rows refused."""
    return decimal(in_force(table("base_rate")["periods"], on, "base rate", "base_rate")["rate"])


def interest(
    principal: Decimal,
    first_day: dt.date,
    last_day: dt.date,
    *,
    mode: Mode = "single",
    day_count: DayCount = "act365",
    rate_on: dt.date | None = None,
    rate: Decimal | None = None,
) -> Interest:
    """Interest for each day of [first_day, last_day]: by default at the base rate on the day of payment (art. 353)."""
    if mode not in ("periods", "single") or day_count not in ("act365", "actact"):
        raise UnknownRule(f"mode must be periods|single and day count act365|actact, got {mode}, {day_count}")
    principal = tenge(principal)
    if principal < 0 or last_day < first_day:
        raise InvalidAmount(f"need a non-negative principal and first_day <= last_day, got {first_day}..{last_day}")
    pieces = _pieces(first_day, last_day, mode, rate_on or last_day, rate)
    spans = [span for piece in pieces for span in _split_years(piece, day_count)]
    exact = [Fraction(principal) * Fraction(pct) / 100 * days / year_days for _, _, days, pct, year_days in spans]
    amounts = round_lines_to_total(exact)
    lines = tuple(InterestLine(f, last, d, pct, yd, e, a) for (f, last, d, pct, yd), e, a in zip(spans, exact, amounts))
    total = sum(exact, Fraction(0))
    basis = _rate_basis(mode, last_day, rate_on, rate)
    return Interest(principal, first_day, last_day, mode, day_count, lines, total, tenge(total), basis)


def _rate_basis(mode: Mode, last_day: dt.date, rate_on: dt.date | None, rate: Decimal | None) -> str:
    if mode == "periods":
        return "base rate of each period, the term split where it changed (option; art. 353 p.1 names one day's rate)"
    if rate is not None:
        return f"rate {rate} % set by the contract or a legislative act (art. 353 p.1)"
    if rate_on is not None and rate_on != last_day:
        return f"base rate on {day(rate_on)}, the day the claim was filed or the decision made (art. 353 p.1)"
    return f"base rate on {day(last_day)}, the day of payment (art. 353 p.1)"


def _pieces(
    first: dt.date, last: dt.date, mode: Mode, rate_on: dt.date, rate: Decimal | None
) -> list[tuple[dt.date, dt.date, Decimal]]:
    if mode == "single":
        return [(first, last, rate if rate is not None else base_rate(rate_on))]
    if rate is not None:
        raise InvalidAmount("a fixed rate applies to the whole term: use mode='single'")
    overlapping = [p for p in base_rate_periods() if p.start <= last and p.end >= first]
    for period in overlapping:
        if period.confidence in UNCONFIRMED:
            base_rate(max(period.start, first))  # refused, naming the first unconfirmed day of the term
    for edge in (first, last):
        base_rate(edge)  # a date outside the table is refused with its own message
    pieces = [(max(p.start, first), min(p.end, last), p.percent) for p in overlapping if p.percent is not None]
    if not pieces or pieces[0][0] != first or pieces[-1][1] != last:
        raise OutsideData(
            f"base rate: no value for the whole of {day(first)}..{day(last)} in {table_path('base_rate')}",
            what="base rate",
            table=table_path("base_rate"),
            on=first,
        )
    return pieces


Span = tuple[dt.date, dt.date, int, Decimal, int]  # first day, last day, days, percent, days in the year


def _split_years(piece: tuple[dt.date, dt.date, Decimal], day_count: DayCount) -> list[Span]:
    first, last, percent = piece
    if day_count == "act365":
        return [(first, last, (last - first).days + 1, percent, 365)]
    spans: list[Span] = []
    while first <= last:
        year_end = min(dt.date(first.year, 12, 31), last)
        year_days = 366 if isleap(first.year) else 365
        spans.append((first, year_end, (year_end - first).days + 1, percent, year_days))
        first = year_end + ONE_DAY
    return spans

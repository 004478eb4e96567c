"""Deadlines of enforcement proceedings (Law 261-IV arts. 33, 37–39, 47, 120), counted by CC arts. 173–175.

Each rule and its redaction variants (calendar vs working days) is data in domain/data/deadlines.yaml.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from domain.calendar import ONE_DAY, add_calendar_days, add_months, add_working_days, is_verified_year, next_working_day
from domain.data import table
from domain.errors import UnknownRule


@dataclass(frozen=True)
class Deadline:
    """The last day for an action, with the rule and redaction it comes from."""

    rule: str
    title: str
    article: str
    redaction: str
    start: dt.date
    count: int
    unit: str
    due: dt.date
    confidence: str
    calendar_verified: bool  # False when a year of the term has no government calendar in the data


def rule_names() -> tuple[str, ...]:
    """Names of the deadline rules in the data."""
    return tuple(table("deadlines")["rules"])


def deadline(rule: str, start: dt.date, redaction: str | None = None) -> Deadline:
    """The last day of a named term running from the event on `start` (CC arts. 173–175)."""
    spec = _rule(rule)
    variant = _variant(spec, rule, redaction)
    count, unit = variant["count"], variant["unit"]
    due = _due(start, count, unit)
    verified = all(is_verified_year(year) for year in range(start.year, due.year + 1))
    return Deadline(
        rule,
        spec["title"],
        spec["article"],
        variant["redaction"],
        start,
        count,
        unit,
        due,
        variant["confidence"],
        verified,
    )


def opening_deadline(received: dt.date, redaction: str | None = None) -> Deadline:
    """Initiate proceedings within 3 days of receiving the executive document (art. 37 p.4)."""
    return deadline("opening", received, redaction)


def voluntary_execution_deadline(proposal_received: dt.date, redaction: str | None = None) -> Deadline:
    """The debtor's term for voluntary execution, 5 days from receiving the proposal (art. 37 p.4)."""
    return deadline("voluntary_execution", proposal_received, redaction)


def refusal_deadline(received: dt.date) -> Deadline:
    """Decide a refusal to initiate within 3 days of receipt (art. 38 p.1)."""
    return deadline("refusal", received)


def execution_deadline(initiated: dt.date, complex_case: bool = False) -> Deadline:
    """Complete execution in 2 months, or 4 months with valuation, sale or search (art. 39)."""
    return deadline("execution_complex" if complex_case else "execution", initiated)


def exit_ban_earliest(warning_sent: dt.date) -> dt.date:
    """First working day an exit restriction may be imposed, after the 5-working-day warning (art. 33, 2020 reform)."""
    return next_working_day(deadline("exit_ban_warning", warning_sent).due + ONE_DAY)


def restriction_lift_deadline(paid_in_full: dt.date) -> Deadline:
    """Lift the restriction after full payment — proxy rule of art. 47 p.2; the real deadline is unknown ([?])."""
    return deadline("restriction_lift", paid_in_full)


def _due(start: dt.date, count: int, unit: str) -> dt.date:
    if unit == "working_days":
        return add_working_days(start, count)
    if unit == "calendar_days":
        return add_calendar_days(start, count)
    if unit == "months":
        return next_working_day(add_months(start, count))
    raise UnknownRule(f"unknown deadline unit {unit!r} in domain/data/deadlines.yaml")


def _rule(rule: str) -> Mapping[str, Any]:
    try:
        spec: Mapping[str, Any] = table("deadlines")["rules"][rule]
        return spec
    except KeyError:
        raise UnknownRule(f"no deadline rule {rule!r}; known: {', '.join(rule_names())}") from None


def _variant(spec: Mapping[str, Any], rule: str, redaction: str | None) -> Mapping[str, Any]:
    for variant in spec["variants"]:
        if variant["redaction"] == redaction or (redaction is None and variant.get("default")):
            chosen: Mapping[str, Any] = variant
            return chosen
    known = ", ".join(v["redaction"] for v in spec["variants"])
    raise UnknownRule(f"deadline {rule!r} has no redaction {redaction!r}; known: {known}")

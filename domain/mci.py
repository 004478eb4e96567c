"""Reference values by date: МРП (MCI), МЗП (minimum wage), прожиточный минимум — set by the annual budget law.

Stored as dated periods in domain/data/reference_values.yaml because they change mid-year (2020, 2022).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from domain.data import decimal, in_force, table
from domain.money import tenge


def mci(on: dt.date) -> Decimal:
    """The МРП in force on a date (republican budget law of that year; mid-year changes included)."""
    return _value("mci", on)


def min_wage(on: dt.date) -> Decimal:
    """The minimum monthly wage (МЗП) in force on a date (republican budget law)."""
    return _value("min_wage", on)


def subsistence_minimum(on: dt.date) -> Decimal:
    """The subsistence minimum (ПМ) in force on a date — the floor of Law 261-IV art. 95 p.1."""
    return _value("subsistence_minimum", on)


def mci_amount(multiple: Decimal | int, on: dt.date) -> Decimal:
    """An amount fixed in MCI, in tenge on a date (e.g. the 40-MCI threshold of art. 33)."""
    return tenge(Decimal(multiple) * mci(on))


def reference_source(name: str, on: dt.date) -> tuple[str, str]:
    """(source, confidence) of the reference value used on a date, for calculation sheets."""
    row = in_force(table("reference_values")[name], on, name)
    return row["source"], row["confidence"]


def _value(name: str, on: dt.date) -> Decimal:
    return decimal(in_force(table("reference_values")[name], on, name.replace("_", " "))["value"])

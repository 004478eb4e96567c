"""Reference values by date: МРП (MCI), МЗП (minimum wage), прожиточный минимум — set by the annual budget law.

Stored as dated periods in domain/data/reference_values.yaml because they changed mid-year (1 April 2020 and 2022).
From 01.04.2022 two MCIs existed: 3 180 for benefits and other social payments, 3 063 for fines, taxes and other
payments. Each calculation asks for the MCI of its purpose and reports which one it used and why (`MciUsed`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Literal

from domain.data import decimal, in_force, table
from domain.money import tenge

Purpose = Literal["payments", "benefits"]
PURPOSE_TEXT: Mapping[Purpose, str] = {
    "payments": "MCI for fines, taxes and other payments",
    "benefits": "MCI for benefits and other social payments",
}


@dataclass(frozen=True)
class MciUsed:
    """The MCI a calculation used: its value, on which date, for which purpose, why that one, and its act."""

    value: Decimal
    on: dt.date
    purpose: Purpose
    why: str
    act: str
    source: str


def mci(on: dt.date, purpose: Purpose = "payments") -> Decimal:
    """The МРП in force on a date for a purpose (budget law of the year; 1 April 2020 and 2022 changes included)."""
    return mci_used(on, purpose, "").value


def mci_used(on: dt.date, purpose: Purpose, why: str) -> MciUsed:
    """The MCI of a purpose on a date with the act it comes from; `why` is the calculation's reason for the purpose."""
    row = _mci_row(on, purpose)
    return MciUsed(decimal(row["value"]), on, purpose, why or PURPOSE_TEXT[purpose], row["act"], row["source"])


def min_wage(on: dt.date) -> Decimal:
    """The minimum monthly wage (МЗП) in force on a date (republican budget law)."""
    return _value("min_wage", on)


def subsistence_minimum(on: dt.date) -> Decimal:
    """The subsistence minimum (ПМ) in force on a date — the floor of Law 261-IV art. 95 p.1."""
    return _value("subsistence_minimum", on)


def mci_amount(multiple: Decimal | int, on: dt.date, purpose: Purpose = "payments") -> Decimal:
    """An amount fixed in MCI, in tenge on a date (e.g. the 40-MCI threshold of art. 33)."""
    return tenge(Decimal(multiple) * mci(on, purpose))


def reference_source(name: str, on: dt.date) -> tuple[str, str]:
    """(source, confidence) of the reference value used on a date, for calculation sheets."""
    row = _mci_row(on, "payments") if name == "mci" else in_force(_rows(name), on, _what(name), "reference_values")
    return row["source"], row["confidence"]


def _mci_row(on: dt.date, purpose: Purpose) -> Mapping[str, Any]:
    rows = tuple(row for row in _rows("mci") if purpose in row["applies_to"])
    return in_force(rows, on, PURPOSE_TEXT[purpose], "reference_values")


def _value(name: str, on: dt.date) -> Decimal:
    return decimal(in_force(_rows(name), on, _what(name), "reference_values")["value"])


def _rows(name: str) -> tuple[Mapping[str, Any], ...]:
    rows: tuple[Mapping[str, Any], ...] = table("reference_values")[name]
    return rows


def _what(name: str) -> str:
    return {"min_wage": "minimum wage", "subsistence_minimum": "subsistence minimum"}.get(name, name)

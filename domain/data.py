"""Loader for the bundled tables in domain/data/*.yaml; every row carries `source` and `confidence`.

Confidence tags: C read in the current text of the act its `source` names, C-old read in an older text (Law 261-IV
as of 2010), S a secondary or official announcement that states the value (news, egov.kz, law firms), M from memory,
? not known. A row tagged M or ? must say why in `reason`, and `in_force` refuses it: a calculation never rests on a
value nobody read. Anything not tagged C is to be checked against the official text (adilet.zan.kz) and corrected,
which is why it is data and not code.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml

from domain.errors import OutsideData, UnknownRule

DATA_DIR = Path(__file__).parent / "data"
CONFIDENCE_TAGS = frozenset({"C", "C-old", "S", "M", "?"})
UNCONFIRMED = frozenset({"M", "?"})


@cache
def table(name: str) -> Mapping[str, Any]:
    """The parsed, read-only contents of domain/data/<name>.yaml (read once per process)."""
    with open(DATA_DIR / f"{name}.yaml", encoding="utf-8") as handle:  # whatever the current folder
        contents: Mapping[str, Any] = _frozen(yaml.safe_load(handle))
    return contents


def table_path(name: str) -> str:
    """The file of a table as a person should read it in a message: domain/data/<name>.yaml."""
    return f"domain/data/{name}.yaml"


def table_names() -> tuple[str, ...]:
    """Names of all bundled tables."""
    return tuple(sorted(path.stem for path in DATA_DIR.glob("*.yaml")))


def decimal(value: Any) -> Decimal:
    """A table value as an exact Decimal; rates and amounts are quoted strings in the files, never floats."""
    if isinstance(value, float):
        raise TypeError(f"float {value!r} in a data table: quote it as a string")
    return Decimal(str(value))


def day(value: dt.date) -> str:
    """A date as the law and the bailiff write it: dd.mm.yyyy."""
    return value.strftime("%d.%m.%Y")


def in_force(rows: tuple[Mapping[str, Any], ...], on: dt.date, what: str, name: str) -> Mapping[str, Any]:
    """The confirmed row of a dated table (`from`, optional `until` exclusive) in force on a date.

    Refused, naming the table and the date: a date before the first row or after the last one (OutsideData), and a
    row tagged M or ? (UnknownRule, with the row's reason).
    """
    path = table_path(name)
    for row in rows:
        if row["from"] <= on and (row.get("until") is None or on < row["until"]):
            if row["confidence"] in UNCONFIRMED or row.get("value", "") is None:
                raise UnknownRule(
                    f"{what}: the value for {day(on)} in {path} is not confirmed [{row['confidence']}]: "
                    f"{row.get('reason', 'no reason given')}",
                    what=what,
                    table=path,
                    on=on,
                )
            return row
    raise OutsideData(_gap_message(rows, on, what, path), what=what, table=path, on=on)


def _gap_message(rows: tuple[Mapping[str, Any], ...], on: dt.date, what: str, path: str) -> str:
    if not rows:
        return f"{what}: no value at all in {path}"
    first = min(row["from"] for row in rows)
    ends = [row.get("until") for row in rows]
    if on < first:
        return f"{what}: no value before {day(first)} in {path}"
    if None not in ends and on >= max(e for e in ends if e is not None):
        return f"{what}: no value from {day(max(e for e in ends if e is not None))} in {path}"
    return f"{what}: no value for {day(on)} in {path}"


def _frozen(value: Any) -> Any:
    if isinstance(value, dict):
        return MappingProxyType({key: _frozen(item) for key, item in value.items()})
    if isinstance(value, list):
        return tuple(_frozen(item) for item in value)
    return value

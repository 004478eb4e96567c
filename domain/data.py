"""Loader for the bundled tables in domain/data/*.yaml; every row carries `source` and `confidence`.

Confidence tags: C read in the current text of the act its `source` names, C-old read in an older text (Law 261-IV
as of 2010), S a secondary source's paraphrase, M from memory, ? not known. Anything not tagged C is there to be
checked against the official text (adilet.zan.kz) and corrected, which is why it is data and not code.
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

from domain.errors import OutsideData

DATA_DIR = Path(__file__).parent / "data"
CONFIDENCE_TAGS = frozenset({"C", "C-old", "S", "M", "?"})


@cache
def table(name: str) -> Mapping[str, Any]:
    """The parsed, read-only contents of domain/data/<name>.yaml (read once per process)."""
    with open(DATA_DIR / f"{name}.yaml", encoding="utf-8") as handle:
        contents: Mapping[str, Any] = _frozen(yaml.safe_load(handle))
    return contents


def table_names() -> tuple[str, ...]:
    """Names of all bundled tables."""
    return tuple(sorted(path.stem for path in DATA_DIR.glob("*.yaml")))


def decimal(value: Any) -> Decimal:
    """A table value as an exact Decimal; rates and amounts are quoted strings in the files, never floats."""
    if isinstance(value, float):
        raise TypeError(f"float {value!r} in a data table: quote it as a string")
    return Decimal(str(value))


def in_force(rows: tuple[Mapping[str, Any], ...], on: dt.date, what: str) -> Mapping[str, Any]:
    """The row of a dated table (`from`, optional `until` exclusive) in force on a date."""
    for row in rows:
        if row["from"] <= on and (row.get("until") is None or on < row["until"]):
            return row
    raise OutsideData(f"no {what} in domain/data for {on.isoformat()}")


def _frozen(value: Any) -> Any:
    if isinstance(value, dict):
        return MappingProxyType({key: _frozen(item) for key, item in value.items()})
    if isinstance(value, list):
        return tuple(_frozen(item) for item in value)
    return value

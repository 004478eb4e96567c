"""Every row of every bundled table names its source and a confidence tag known to domain/data.py."""

from collections.abc import Mapping
from typing import Any

import pytest

from domain.data import CONFIDENCE_TAGS, UNCONFIRMED, decimal, table, table_names


def _rows(node: Any) -> list[Mapping[str, Any]]:
    """Mappings that carry data (a `source` or a value-like key), found anywhere in a table."""
    found = []
    if isinstance(node, Mapping):
        if "source" in node or "confidence" in node:
            found.append(node)
        for value in node.values():
            found += _rows(value)
    elif isinstance(node, tuple):
        for value in node:
            found += _rows(value)
    return found


@pytest.mark.parametrize("name", table_names())
def test_every_row_has_source_and_known_confidence(name: str) -> None:
    rows = _rows(table(name))
    assert rows, f"{name}.yaml has no sourced rows"
    for row in rows:
        assert row.get("source"), f"{name}: row without source: {dict(row)}"
        assert row.get("confidence") in CONFIDENCE_TAGS, f"{name}: bad confidence in {dict(row)}"


@pytest.mark.parametrize("name", table_names())
def test_tables_are_read_only(name: str) -> None:
    with pytest.raises(TypeError):
        table(name)["new"] = 1  # type: ignore[index]


def test_expected_tables_are_bundled() -> None:
    assert {
        "alimony",
        "base_rate",
        "deadlines",
        "debt",
        "deductions",
        "fees",
        "holidays",
        "queues",
        "reference_values",
        "restrictions",
    } <= set(table_names())


def test_decimal_refuses_floats_from_tables() -> None:
    with pytest.raises(TypeError, match="quote it"):
        decimal(16.75)


@pytest.mark.parametrize("name", table_names())
def test_no_row_is_unconfirmed_without_a_stated_reason(name: str) -> None:
    for row in _rows(table(name)):
        if row.get("confidence") in UNCONFIRMED:
            assert str(row.get("reason", "")).strip(), (
                f"{name}: row tagged {row['confidence']} without a reason: {dict(row)}"
            )


@pytest.mark.parametrize("name", ["reference_values", "base_rate"])
def test_every_dated_row_names_its_act(name: str) -> None:
    for row in _rows(table(name)):
        if "from" in row:
            assert str(row.get("act", "")).strip(), f"{name}: row without its act: {dict(row)}"

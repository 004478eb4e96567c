"""Organisations by BIN (domain/data/organisations.yaml): a sound BIN says whose name a document should state."""

from __future__ import annotations

from difflib import SequenceMatcher
from functools import cache

from domain.data import table

SAME_NAME = 0.6  # a read name this alike the register's (difflib ratio) is taken for it; below, they disagree


@cache
def _by_bin() -> dict[str, tuple[str, str]]:
    return {str(row["bin"]): (str(row["kk"]), str(row["ru"])) for row in table("organisations")["organisations"]}


def registered_name(bin_: str, read: str) -> tuple[str | None, float]:
    """The register's name for a BIN in the language nearest the read one, and how alike the two are;
    (None, 0) for a BIN the register does not know."""
    names = _by_bin().get(bin_)
    if names is None:
        return None, 0.0
    ratio, name = max((SequenceMatcher(None, read.lower(), name.lower()).ratio(), name) for name in names)
    return name, ratio

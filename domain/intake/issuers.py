"""The reference list of courts and bodies that issue executive documents (domain/data/issuers.yaml)."""

from __future__ import annotations

from difflib import SequenceMatcher
from functools import cache

from domain.data import table

ISSUER_MATCH = 0.92  # a read name this alike a listed one (difflib ratio) is taken for it: OCR slips a letter


@cache
def _names() -> tuple[tuple[str, str], ...]:
    """(compared form, name as listed) for every issuer in both languages."""
    return tuple(
        (_compared(row[language]), str(row[language]))
        for row in table("issuers")["issuers"]
        for language in ("kk", "ru")
    )


def _compared(text: str) -> str:
    return " ".join(text.lower().replace("ё", "е").replace("«", '"').replace("»", '"').split())


def is_listed(name: str) -> bool:
    """Whether this is an issuer's name exactly as the list has it."""
    return any(listed == name for _, listed in _names())


def match_issuer(text: str) -> tuple[str | None, float]:
    """The listed name nearest to a read one and how alike they are; None below ISSUER_MATCH."""
    read = _compared(text)
    best, best_ratio = None, 0.0
    for compared, listed in _names():
        if read == compared:
            return listed, 1.0
        ratio = SequenceMatcher(None, read, compared).ratio()
        if ratio > best_ratio:
            best, best_ratio = listed, ratio
    return (best, best_ratio) if best_ratio >= ISSUER_MATCH else (None, best_ratio)

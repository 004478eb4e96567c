"""Turning a registry's displayed text into values: amounts, dates, yes/no. Pure, table-tested."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation

_SPACES = re.compile(r"[\s\u00a0\u202f\u2009]+")
_CURRENCY = re.compile(r"(₸|тг\.?|тенге|теңге|KZT)", re.IGNORECASE)


def parse_amount(text: str) -> Decimal:
    """'1 234 567,89 ₸' → Decimal('1234567.89'); raises ValueError naming the text."""
    cleaned = _SPACES.sub("", _CURRENCY.sub("", text)).replace(",", ".")
    if cleaned.count(".") > 1:  # 1.234.567,89 style: all but the last dot group thousands
        head, _, tail = cleaned.rpartition(".")
        cleaned = head.replace(".", "") + "." + tail
    try:
        return Decimal(cleaned).quantize(Decimal("0.01"))
    except InvalidOperation:
        raise ValueError(f"not an amount: {text!r}") from None


def parse_date(text: str) -> dt.date:
    """'05.03.2024' or '2024-03-05' → date."""
    text = text.strip()
    for fmt in ("%d.%m.%Y", "%Y-%m-%d", "%d/%m/%Y"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError(f"not a date: {text!r}")

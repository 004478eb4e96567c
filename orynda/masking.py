"""Masking of personal data (Law 94-V «О персональных данных»): logs never carry a raw IIN or name."""

from __future__ import annotations

import re

_TWELVE_DIGITS = re.compile(r"(?<!\d)(\d{4})(\d{6})(\d{2})(?!\d)")


def mask_iin(iin: str) -> str:
    """9001******23: enough to tell rows apart, not enough to identify a person."""
    if len(iin) < 6:
        return "*" * len(iin)
    return iin[:4] + "*" * (len(iin) - 6) + iin[-2:]


def mask_name(name: str) -> str:
    """Иванов Пётр → И***** П***: initials only."""
    return " ".join(part[:1] + "*" * (len(part) - 1) for part in name.split())


def mask_text(text: str) -> str:
    """Masks every 12-digit run (IIN/BIN) inside free text."""
    return _TWELVE_DIGITS.sub(lambda m: m.group(1) + "******" + m.group(3), text)

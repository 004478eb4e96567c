"""IIN and BIN: structure and check digit.

Law RK 12.01.2007 No. 223 «О национальных реестрах идентификационных номеров»; Government decree 11.06.2003 No. 565.
Check digit: weights 1..11, mod 11; if 10, weights 3..11,1,2, mod 11; if still 10 the number is never issued.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

_FIRST_WEIGHTS = (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11)
_SECOND_WEIGHTS = (3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2)
_CENTURY_BY_DIGIT = {1: 1800, 2: 1800, 3: 1900, 4: 1900, 5: 2000, 6: 2000}


class Sex(StrEnum):
    MALE = "male"
    FEMALE = "female"


@dataclass(frozen=True)
class IinInfo:
    """What an IIN says of its holder (Law 223, art. 1; decree 565 §§ 3–5)."""

    iin: str
    birth_date: dt.date
    sex: Sex
    century: int


@dataclass(frozen=True)
class BinInfo:
    """What a BIN says of the entity: registration month, type, attribute (decree 565)."""

    bin: str
    registered: tuple[int, int]  # (two-digit year, month)
    entity_type: str
    attribute: str


class InvalidNumber(ValueError):
    """An IIN or BIN that fails its structure or check digit; the message says why."""


BIN_ENTITY_TYPES = {
    "4": "resident legal entity",
    "5": "non-resident legal entity",
    "6": "individual entrepreneur (joint)",
}
BIN_ATTRIBUTES = {"0": "head unit", "1": "branch", "2": "representative office", "3": "peasant (farm) household"}


def check_digit(first11: str) -> int | None:
    """The 12th digit for these 11 digits, or None when both weight rounds give 10 (never issued)."""
    digits = [int(c) for c in first11]
    for weights in (_FIRST_WEIGHTS, _SECOND_WEIGHTS):
        control = sum(d * w for d, w in zip(digits, weights)) % 11
        if control != 10:
            return control
    return None


def why_invalid_iin(value: str) -> str | None:
    """None for a valid IIN, else the reason in plain words."""
    if error := _why_bad_digits(value):
        return error
    century = _CENTURY_BY_DIGIT.get(int(value[6]))
    if century is None:
        return f"7th digit {value[6]} is not a century/sex code (1–6)"
    try:
        dt.date(century + int(value[0:2]), int(value[2:4]), int(value[4:6]))
    except ValueError:
        return f"digits 1–6 ({value[:6]}) are not a real birth date YYMMDD"
    return _why_bad_check_digit(value)


def why_invalid_bin(value: str) -> str | None:
    """None for a valid BIN, else the reason in plain words."""
    if error := _why_bad_digits(value):
        return error
    if not 1 <= int(value[2:4]) <= 12:
        return f"digits 3–4 ({value[2:4]}) are not a registration month"
    if value[4] not in BIN_ENTITY_TYPES:
        return f"5th digit {value[4]} is not an entity type (4, 5 or 6)"
    if value[5] not in BIN_ATTRIBUTES:
        return f"6th digit {value[5]} is not an attribute (0–3)"
    return _why_bad_check_digit(value)


def is_valid_iin(value: str) -> bool:
    return why_invalid_iin(value) is None


def is_valid_bin(value: str) -> bool:
    return why_invalid_bin(value) is None


def decode_iin(value: str) -> IinInfo:
    """Birth date, sex and century of a valid IIN; raises InvalidNumber with the reason otherwise."""
    if reason := why_invalid_iin(value):
        raise InvalidNumber(f"invalid IIN: {reason}")
    code = int(value[6])
    century = _CENTURY_BY_DIGIT[code]
    birth = dt.date(century + int(value[0:2]), int(value[2:4]), int(value[4:6]))
    return IinInfo(value, birth, Sex.MALE if code % 2 else Sex.FEMALE, century // 100 + 1)


def decode_bin(value: str) -> BinInfo:
    """Registration (YY, MM), entity type and attribute of a valid BIN."""
    if reason := why_invalid_bin(value):
        raise InvalidNumber(f"invalid BIN: {reason}")
    return BinInfo(value, (int(value[0:2]), int(value[2:4])), BIN_ENTITY_TYPES[value[4]], BIN_ATTRIBUTES[value[5]])


def _why_bad_digits(value: str) -> str | None:
    if len(value) != 12:
        return f"must have 12 digits, has {len(value)} characters"
    if not value.isascii() or not value.isdigit():
        return "must contain digits only"
    return None


def _why_bad_check_digit(value: str) -> str | None:
    expected = check_digit(value[:11])
    if expected is None:
        return "no valid check digit exists for the first 11 digits (never issued)"
    if expected != int(value[11]):
        return f"check digit is {value[11]}, expected {expected}"
    return None


def normal_iin(text: str) -> str:
    """An IIN as people type it, as 12 digits: spaces, dashes and dots dropped; 11 digits are an IIN whose leading
    zero was lost (a number cell in Excel), so the zero is put back. Anything else is returned for the check."""
    digits = "".join(ch for ch in text if ch not in " -.\u00a0\t")
    return digits.zfill(12) if digits.isdigit() and len(digits) == 11 else digits

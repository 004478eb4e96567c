"""A person's corrections of a read document: the values as typed, put in the reader's formats, checked as the
reader's own would be, and laid over the decision so the proceeding opens with them.

A corrected IIN is checked again (its check digit, a real birth date in its first digits, that date the one the
document states): the review form
refuses a value that fails, naming the field, and the decision is not taken.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import replace
from decimal import Decimal, InvalidOperation
from typing import Any

from domain.data import table
from domain.iin import decode_iin, is_valid_bin, is_valid_iin, normal_iin, why_invalid_iin
from domain.intake.checks import required_fields
from domain.intake.decision import ACCEPT, Decision
from domain.intake.fields import FIELDS, Field

DATES = ("decision_date", "issue_date", "in_force_date", "debtor_birth_date")
# what opening a proceeding needs (domain.intake.opening): a person may not approve a document without it
FOR_OPENING = ("court", "case_number", "decision_date", "debtor_iin", "debtor_name", "creditor_name", "creditor_id")


def choices(name: str) -> tuple[str, ...] | None:
    """The values a field may take when it is one of a list (currency, periodic, category), else None."""
    data: Mapping[str, Any] = table("intake")
    if name == "currency":
        return tuple(str(code) for code in data["currency"])
    if name == "periodic":
        return tuple(str(answer) for answer in data["periodic"])
    if name == "category":
        named = [str(row["category"]) for row in data["categories"]]
        named += [str(value) for value in data["category_by_kind"].values()]
        return tuple(dict.fromkeys([*named, "other"]))
    return None


def normal_value(name: str, text: str) -> str:
    """A typed value in the reader's format: an IIN/BIN as 12 digits, a sum as 1234.50, one space between words."""
    text = " ".join(str(text).split())
    if name in ("debtor_iin", "creditor_id"):
        return normal_iin(text)
    if name == "amount" and text:
        digits = text.replace("\u00a0", "").replace(" ", "").replace(",", ".").removesuffix("₸")
        try:
            return f"{Decimal(digits).quantize(Decimal('0.01')):.2f}"
        except InvalidOperation:
            return text
    if name in DATES and text:
        match = re.fullmatch(r"(\d{1,2})[.,/](\d{1,2})[.,/](\d{4})", text)
        if match:
            day, month, year = (int(group) for group in match.groups())
            return f"{day:02d}.{month:02d}.{year}"
    return text


def refusals(values: Mapping[str, str], kind: str | None) -> dict[str, str]:
    """Why each refused value is refused, by field (a reason code of the intake catalogue's `reason`); empty when
    every value may be taken. `values` are normal (normal_value)."""
    out: dict[str, str] = {}
    needed = set(FOR_OPENING) | set(required_fields(kind))
    for name in FIELDS:
        value = values.get(name, "")
        if not value:
            if name in needed:
                out[name] = "missing_required_detail"
            continue
        if name == "debtor_iin" and (reason := why_invalid_iin(value)):
            out[name] = "iin_check_digit" if "check digit" in reason else "iin_invalid"
        elif name == "creditor_id" and not (is_valid_iin(value) or is_valid_bin(value)):
            out[name] = "creditor_id_invalid"
        elif name in DATES and not _is_date(value):
            out[name] = "date_invalid"
        elif name == "amount" and not _is_amount(value):
            out[name] = "amount_invalid"
        elif (allowed := choices(name)) is not None and value not in allowed:
            out[name] = "not_a_choice"
    iin, birth = values.get("debtor_iin", ""), values.get("debtor_birth_date", "")
    if iin and birth and not ({"debtor_iin", "debtor_birth_date"} & set(out)):
        if decode_iin(iin).birth_date != dt.datetime.strptime(birth, "%d.%m.%Y").date():
            out["debtor_iin"] = "birth_date_mismatch"
    return out


def changed(read: Mapping[str, str], confirmed: Mapping[str, str]) -> tuple[str, ...]:
    """The fields a person changed, in FIELDS order."""
    return tuple(name for name in FIELDS if name in confirmed and confirmed[name] != read.get(name, ""))


def with_corrections(decision: Decision, confirmed: Mapping[str, str]) -> Decision:
    """The decision with a person's values: each confirmed field certain, the document accepted as approved."""
    fields = dict(decision.fields)
    for name in FIELDS:
        if name in confirmed:
            fields[name] = Field(confirmed[name], 1.0, bool(confirmed[name]) or fields[name].found)
    return replace(decision, outcome=ACCEPT, fields=fields)


def _is_date(value: str) -> bool:
    try:
        dt.datetime.strptime(value, "%d.%m.%Y")
    except ValueError:
        return False
    return True


def _is_amount(value: str) -> bool:
    try:
        amount = Decimal(value)
    except InvalidOperation:
        return False
    return amount.is_finite() and amount >= 0 and amount == amount.quantize(Decimal("0.01"))

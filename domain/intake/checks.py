"""Cross-checks of a reading: details that vouch for each other raise their confidence, details that disagree
lower it and say why.

- the IIN's check digit, and the birth date its first six digits state against the written birth date;
- the amount in digits against the amount in words;
- the issuer against the reference list;
- a creditor organisation's name against the register's for its BIN (domain.intake.organisations);
- the names of the parties look like names (domain.intake.names);
- the details the law requires present (intake.yaml `required`): a missing one is a ground to return.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from domain.data import table
from domain.iin import decode_iin, is_valid_bin, why_invalid_iin
from domain.intake.fields import Field, Reading
from domain.intake.issuers import is_listed
from domain.intake.names import why_doubtful_name
from domain.intake.numbers import amount_from_words
from domain.intake.organisations import SAME_NAME, registered_name

DOUBT = 0.3  # the most a field that failed a check keeps: below any threshold an office would set


@dataclass(frozen=True)
class Finding:
    """Why a reading is not taken as it is: `code` for the catalogue and the tests, `fields` it is about,
    `detail` in English for the developer log (no personal data)."""

    code: str
    fields: tuple[str, ...]
    detail: str


def required_fields(kind: str | None) -> tuple[str, ...]:
    data: Mapping[str, Any] = table("intake")["required"]
    fields = tuple(data["common"])
    return fields + (("in_force_date",) if kind in data["in_force"] else ())


def cross_check(reading: Reading) -> tuple[Reading, tuple[Finding, ...]]:
    """The reading with confidences raised or lowered by the checks, and what the checks found."""
    findings: list[Finding] = []
    for check in (_iin, _amount, _court, _creditor_id, _organisation, _names):
        reading, found = check(reading)
        findings += found
    findings += _missing(reading)
    if reading.kind is None:
        findings.append(Finding("unknown_kind", (), "no known title of an executive document on the page"))
    return reading, tuple(findings)


def _raised(field: Field) -> Field:
    """Half the doubt taken away: two details that agree are each surer than alone."""
    return Field(field.value, round(1 - (1 - field.confidence) / 2, 4), field.found)


def _lowered(field: Field) -> Field:
    return Field(field.value, min(field.confidence, DOUBT), field.found)


def _iin(reading: Reading) -> tuple[Reading, list[Finding]]:
    iin, birth = reading.fields["debtor_iin"], reading.fields["debtor_birth_date"]
    if not iin.value:
        return reading, []
    if reason := why_invalid_iin(iin.value):
        finding = Finding("iin_check_digit" if "check digit" in reason else "iin_invalid", ("debtor_iin",), reason)
        return reading.with_field("debtor_iin", _lowered(iin)), [finding]
    if not birth.value:
        return reading, []
    stated = decode_iin(iin.value).birth_date
    if dt.datetime.strptime(birth.value, "%d.%m.%Y").date() != stated:
        finding = Finding(
            "birth_date_mismatch", ("debtor_iin", "debtor_birth_date"), "IIN digits 1-6 state another date"
        )
        reading = reading.with_field("debtor_iin", _lowered(iin))
        return reading.with_field("debtor_birth_date", _lowered(birth)), [finding]
    return reading.with_field("debtor_iin", _raised(iin)).with_field("debtor_birth_date", _raised(birth)), []


def _amount(reading: Reading) -> tuple[Reading, list[Finding]]:
    digits, words = reading.fields["amount"], reading.fields["amount_words"]
    if not digits.value and not words.value:
        return reading, []
    if not words.value or not digits.value:
        missing = "amount_words" if not words.value else "amount"
        finding = Finding("amount_words_mismatch", ("amount", "amount_words"), f"{missing} absent, the other stated")
        return reading.with_field("amount", _lowered(digits)).with_field("amount_words", _lowered(words)), [finding]
    in_words = amount_from_words(words.value)
    if in_words is None:
        finding = Finding("amount_words_unreadable", ("amount_words",), "the amount in words does not read as a sum")
        return reading.with_field("amount_words", _lowered(words)), [finding]
    if in_words != Decimal(digits.value):
        finding = Finding("amount_words_mismatch", ("amount", "amount_words"), "digits and words state other sums")
        return reading.with_field("amount", _lowered(digits)).with_field("amount_words", _lowered(words)), [finding]
    return reading.with_field("amount", _raised(digits)).with_field("amount_words", _raised(words)), []


def _court(reading: Reading) -> tuple[Reading, list[Finding]]:
    court = reading.fields["court"]
    if not court.value:
        return reading, []
    if is_listed(court.value):
        return reading.with_field("court", _raised(court)), []
    finding = Finding("unknown_court", ("court",), "the issuer is not in the reference list (domain/data/issuers.yaml)")
    return reading.with_field("court", _lowered(court)), [finding]


def _creditor_id(reading: Reading) -> tuple[Reading, list[Finding]]:
    """A creditor is a person (IIN) or an organisation (BIN): either must be a valid number."""
    creditor = reading.fields["creditor_id"]
    if not creditor.value:
        return reading, []
    if why_invalid_iin(creditor.value) is None or is_valid_bin(creditor.value):
        return reading.with_field("creditor_id", _raised(creditor)), []
    finding = Finding("creditor_id_invalid", ("creditor_id",), "the creditor's IIN/BIN fails its check digit")
    return reading.with_field("creditor_id", _lowered(creditor)), [finding]


def _organisation(reading: Reading) -> tuple[Reading, list[Finding]]:
    """A creditor organisation's name as the register has it for its BIN, when the read name is near it (OCR
    slips letters of Latin names most: «бапдуа Bank» for «Sandyq Bank»); a name far from it is for a person."""
    creditor_id, name = reading.fields["creditor_id"], reading.fields["creditor_name"]
    if not creditor_id.value or not name.value or not is_valid_bin(creditor_id.value):
        return reading, []
    registered, ratio = registered_name(creditor_id.value, name.value)
    if registered is None:
        return reading, []
    if ratio < SAME_NAME:
        finding = Finding("creditor_name_mismatch", ("creditor_name",), "the BIN is registered to another name")
        return reading.with_field("creditor_name", _lowered(name)), [finding]
    surest = max(name.confidence, min(creditor_id.confidence, 1.0))
    return reading.with_field("creditor_name", _raised(Field(registered, surest, name.found))), []


def _names(reading: Reading) -> tuple[Reading, list[Finding]]:
    """Names that do not look like names (what OCR makes of letters it cannot read) are doubtful."""
    findings = []
    creditor_is_person = why_invalid_iin(reading.value("creditor_id")) is None
    for name, person in (("debtor_name", True), ("creditor_name", creditor_is_person)):
        field = reading.fields[name]
        if field.value and (reason := why_doubtful_name(field.value, person=person)):
            findings.append(Finding("name_doubtful", (name,), f"{name}: {reason}"))
            reading = reading.with_field(name, _lowered(field))
    return reading, findings


def _missing(reading: Reading) -> list[Finding]:
    """A required detail whose label is not on the page is missing (a ground to return); one whose label is there
    but whose value does not read is unreadable (a person looks)."""
    found = []
    for name in required_fields(reading.kind):
        field = reading.fields[name]
        if not field.value:
            code = "unreadable" if field.found else "missing_required_detail"
            found.append(Finding(f"{code}:{name}", (name,), f"required detail {name}: {code.replace('_', ' ')}"))
    amount, share = reading.fields["amount"], reading.fields["alimony_share"]
    if not amount.value and not share.value:
        code = "unreadable" if amount.found or share.found else "missing_required_detail"
        found.append(Finding(f"{code}:amount", ("amount",), "neither a sum nor an alimony share"))
    return found

"""A person's corrections of a read document: typed values put in the reader's formats, checked again (a corrected
IIN's check digit), and laid over the decision so the proceeding opens with them."""

from __future__ import annotations

from decimal import Decimal

import pytest

from domain.intake.corrections import changed, normal_value, refusals, with_corrections
from domain.intake.decision import ACCEPT, REVIEW, decide
from domain.intake.fields import FIELDS, reading_from_data
from domain.intake.opening import proceeding_opening

GOOD = {
    "court": "Алмалинский районный суд г. Алматы",
    "case_number": "2-4512/2026",
    "decision_date": "05.10.2026",
    "issue_date": "12.10.2026",
    "in_force_date": "20.10.2026",
    "debtor_name": "Сейтов Арман Болатович",
    "debtor_iin": "621106360329",
    "debtor_birth_date": "06.11.1962",
    "debtor_address": "г. Алматы, пр. Абая, 10, кв. 5",
    "creditor_name": "ТОО «Тұран Коммунал»",
    "creditor_id": "060440001230",
    "amount": "125400.50",
    "amount_words": "сто двадцать пять тысяч четыреста тенге 50 тиын",
    "currency": "KZT",
    "alimony_share": "",
    "periodic": "no",
    "category": "other",
}


@pytest.mark.parametrize(
    ("name", "typed", "normal"),
    [
        ("debtor_iin", " 6211 0636 0329 ", "621106360329"),
        ("creditor_id", "60440001230", "060440001230"),  # a leading zero lost
        ("amount", "125 400,50", "125400.50"),
        ("amount", "125400", "125400.00"),
        ("decision_date", "5.10.2026", "05.10.2026"),
        ("debtor_name", "  Сейтов   Арман ", "Сейтов Арман"),
    ],
)
def test_typed_values_are_put_in_the_readers_formats(name: str, typed: str, normal: str) -> None:
    assert normal_value(name, typed) == normal


@pytest.mark.parametrize(
    ("name", "value", "code"),
    [
        ("debtor_iin", "621106360324", "iin_check_digit"),
        ("debtor_iin", "62110636032", "iin_invalid"),
        ("debtor_birth_date", "07.11.1962", "birth_date_mismatch"),
        ("creditor_id", "060440001231", "creditor_id_invalid"),
        ("decision_date", "31.02.2026", "date_invalid"),
        ("amount", "сто тысяч", "amount_invalid"),
        ("amount", "-5.00", "amount_invalid"),
        ("currency", "EUR", "not_a_choice"),
        ("case_number", "", "missing_required_detail"),
        ("in_force_date", "", "missing_required_detail"),  # a writ states when it came into force
    ],
)
def test_a_value_the_opening_cannot_take_is_refused_naming_its_field(name: str, value: str, code: str) -> None:
    assert refusals(GOOD, "writ") == {}
    refused = "debtor_iin" if code == "birth_date_mismatch" else name  # the IIN is what a person corrects
    assert refusals(GOOD | {name: value}, "writ") == {refused: code}


def test_a_notarys_inscription_needs_no_date_in_force() -> None:
    assert refusals(GOOD | {"in_force_date": ""}, "notary_inscription") == {}


def test_the_corrected_values_open_the_proceeding() -> None:
    read = GOOD | {"debtor_iin": "621106360324", "amount": "125000.50"}
    decision = decide(reading_from_data(read, "writ", "ru"))
    assert decision.outcome == REVIEW  # the check digit fails: a person looks
    confirmed = GOOD | {"amount": "125400.50"}
    assert changed(decision.values(), confirmed) == ("debtor_iin", "amount")
    fixed = with_corrections(decision, confirmed)
    assert fixed.outcome == ACCEPT and fixed.values() == confirmed
    assert all(fixed.fields[name].confidence == 1.0 for name in FIELDS)
    opening = proceeding_opening(fixed.values(), fixed.kind)
    assert opening.debtor_iin == "621106360329" and opening.amount == Decimal("125400.50")

"""From a checked executive document to the opening of its proceeding: the values AIS EP takes, the creditor
category, and the key that makes one document one proceeding."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from domain.intake.opening import creditor_category, document_key, proceeding_opening
from domain.records import CreditorCategory

VALUES = {
    "court": "Алмалинский районный суд г. Алматы",
    "case_number": "2-4512/2026",
    "decision_date": "05.10.2026",
    "debtor_iin": "900101300811",
    "debtor_name": "Сейтов Арман Болатович",
    "creditor_name": "ТОО «Тұран Коммунал»",
    "creditor_id": "110240055614",
    "amount": "125400.50",
    "alimony_share": "",
    "category": "other",
}


def test_the_opening_takes_the_documents_values() -> None:
    opening = proceeding_opening(VALUES, "writ")
    assert (opening.court, opening.case_number, opening.debtor_iin) == (
        "Алмалинский районный суд г. Алматы",
        "2-4512/2026",
        "900101300811",
    )
    assert opening.document_date == dt.date(2026, 10, 5) and opening.amount == Decimal("125400.50")
    assert opening.category is CreditorCategory.OTHER and opening.document_kind == "writ"


def test_a_share_of_income_opens_with_no_fixed_sum() -> None:
    opening = proceeding_opening(
        {**VALUES, "amount": "", "alimony_share": "1/4", "category": "alimony"}, "alimony_order"
    )
    assert opening.amount == Decimal("0.00") and opening.category is CreditorCategory.ALIMONY


@pytest.mark.parametrize(
    ("kind", "category", "expected"),
    [
        ("admin_fine", "taxes", CreditorCategory.FINES),
        ("writ", "taxes", CreditorCategory.TAXES),
        ("writ", "pledge", CreditorCategory.BANK_LOANS),
        ("writ", "health_harm", CreditorCategory.OTHER),
        ("alimony_order", "alimony", CreditorCategory.ALIMONY),
    ],
)
def test_the_creditor_category(kind: str, category: str, expected: CreditorCategory) -> None:
    assert creditor_category(kind, category) is expected


def test_a_date_that_does_not_read_is_an_error() -> None:
    with pytest.raises(ValueError):
        proceeding_opening({**VALUES, "decision_date": "2026-10-05"}, "writ")


def test_one_key_per_document_whatever_its_spacing() -> None:
    key = document_key(VALUES["court"], VALUES["case_number"], VALUES["debtor_iin"])
    assert key == document_key("  алмалинский районный  суд г. Алматы", "2-4512 /2026", "900101300811 ")
    assert key.startswith("900101300811|2-4512/2026|")
    assert key != document_key("Таразский городской суд", VALUES["case_number"], VALUES["debtor_iin"])
    assert key != document_key(VALUES["court"], "2-4513/2026", VALUES["debtor_iin"])
    assert key != document_key(VALUES["court"], VALUES["case_number"], "900101300812")

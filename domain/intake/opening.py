"""From an accepted executive document to what AIS EP needs to open its proceeding, and the key that makes a
document one proceeding however often it is read: its court, case number and debtor IIN."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping
from decimal import Decimal

from domain.records import CreditorCategory, ProceedingOpening

# the law's queue category (domain/data/queues.yaml) or the kind of document → AIS EP's creditor category
_CATEGORY = {
    "alimony": CreditorCategory.ALIMONY,
    "taxes": CreditorCategory.TAXES,
    "pledge": CreditorCategory.BANK_LOANS,
}


def creditor_category(kind: str | None, category: str) -> CreditorCategory:
    """AIS EP's creditor category of a document: a fine is a fine whatever queue it pays into."""
    if kind == "admin_fine":
        return CreditorCategory.FINES
    return _CATEGORY.get(category, CreditorCategory.OTHER)


def proceeding_opening(values: Mapping[str, str], kind: str | None) -> ProceedingOpening:
    """The opening of a proceeding on a document's checked values (decision.values()); a share of income
    (alimony) opens with no fixed sum. ValueError when a value the opening needs does not read."""
    amount = Decimal(values["amount"]) if values.get("amount") else Decimal("0.00")
    return ProceedingOpening(
        court=values["court"],
        case_number=values["case_number"],
        document_kind=kind or "writ",
        document_date=dt.datetime.strptime(values["decision_date"], "%d.%m.%Y").date(),
        debtor_iin=values["debtor_iin"],
        debtor_name=values["debtor_name"],
        creditor_name=values["creditor_name"],
        creditor_id=values["creditor_id"],
        amount=amount.quantize(Decimal("0.01")),
        category=creditor_category(kind, values.get("category", "")),
    )


def document_key(court: str, case_number: str, debtor_iin: str) -> str:
    """One key per document: the IIN and case number as written, the court (a long name) by a digest of its
    words, case and spacing aside."""
    court_words = " ".join(court.casefold().split())
    digest = hashlib.sha256(court_words.encode()).hexdigest()[:16]
    return f"{debtor_iin.strip()}|{''.join(case_number.split())}|{digest}"

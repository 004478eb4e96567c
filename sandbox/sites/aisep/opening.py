"""Opening a proceeding in AIS EP from an accepted executive document: the bailiff registers the document's court,
case number, debtor, creditor, sum and category, and AIS EP makes a new case under the bailiff's name, active, with
nothing collected. The same document (the same court, case number and debtor IIN) opened again, by this bailiff or
any other, gives back the proceeding opened the first time instead of a second one."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation

from domain.iin import why_invalid_iin
from sandbox.parties import Party, Words
from sandbox.sites.aisep.cases import Case, ExecutiveDocument
from sandbox.world import CATEGORIES

DOCUMENT_KINDS = ("writ", "court_order", "alimony_order", "admin_fine", "notary_inscription")
REQUIRED = ("court", "case_number", "debtor_iin", "debtor_name", "creditor_name")


class OpenRefused(ValueError):
    """What AIS EP will not register; its code is what the page and the API answer."""


def document_key(court: str, case_number: str, debtor_iin: str) -> tuple[str, str, str]:
    """The same document however its court is spaced or cased."""
    return " ".join(court.casefold().split()), "".join(case_number.split()).casefold(), debtor_iin.strip()


def existing(cases: Mapping[str, Case], court: str, case_number: str, debtor_iin: str) -> Case | None:
    """The proceeding opened already on this document (of any bailiff), or None."""
    key = document_key(court, case_number, debtor_iin)
    for case in cases.values():
        d = case.document
        if any(document_key(name, d.number, case.debtor_iin) == key for name in (d.issuer.kk, d.issuer.ru)):
            return case
    return None


def new_case(form: Mapping[str, str], number: str, holder: str, bailiff: tuple[str, str], today: dt.date) -> Case:
    """The case the form asks for; OpenRefused naming the first thing wrong."""
    values = {key: str(form.get(key, "")).strip() for key in (*REQUIRED, "creditor_id", "amount", "category")}
    for key in REQUIRED:
        if not values[key]:
            raise OpenRefused(f"missing_{key}")
    if why_invalid_iin(values["debtor_iin"]):
        raise OpenRefused("invalid_iin")
    kind = str(form.get("document_kind", "")).strip()
    if kind not in DOCUMENT_KINDS:
        raise OpenRefused("invalid_document_kind")
    if values["category"] not in CATEGORIES:
        raise OpenRefused("invalid_category")
    try:
        amount = Decimal((values["amount"] or "0").replace(" ", "").replace(",", "."))
        decided = dt.date.fromisoformat(str(form.get("document_date", "")).strip())
    except (InvalidOperation, ValueError):
        raise OpenRefused("invalid_amount_or_date") from None
    if not amount.is_finite() or amount < 0 or amount != amount.quantize(Decimal("0.01")):
        raise OpenRefused("invalid_amount_or_date")
    court = values["court"]
    return Case(
        number=number,
        holder=holder,
        debtor_iin=values["debtor_iin"],
        debtor_name=values["debtor_name"],
        creditor=Party(values["creditor_name"], values["creditor_name"], values["creditor_id"], Words("", "")),
        category=values["category"],
        opened=today,
        status="active",
        document=ExecutiveDocument(kind, Words(court, court), values["case_number"], decided),
        amount=amount.quantize(Decimal("0.01")),
        collected=Decimal("0.00"),
        restrictions=(),
        actions=(),  # the opening decision is the bailiff's to file: AIS EP logs no initiation before it
        bailiff_name=bailiff[0],
        bailiff_phone=bailiff[1],
    )

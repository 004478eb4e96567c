"""The refusal to open enforcement proceedings (art. 38), issued when an executive document is returned: what it
names and on what ground, in Kazakh and Russian.

No proceeding exists, so the act names the executive document itself (art. 10 p.2 sub.4): its kind, number, date
and issuer, the cabinet's incoming number and the day it came. A returned document may lack any detail, so every
value may be missing: the act says it is not stated rather than failing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from domain.documents.catalogue import Office, data, label
from domain.documents.catalogue import kind as act_kind
from domain.documents.fields import DocumentDataError, Fields, long_date
from domain.money import amount_in_words, format_tenge, tenge
from domain.words import Lang

KIND = "opening_refusal"
GROUNDS = ("missing_details", "review")
NBSP = "\u00a0"


@dataclass(frozen=True)
class Refusal:
    """A returned executive document: its cabinet number and the day it came, its kind, the values read (or
    confirmed), why it is returned in each language, and the ground: `missing_details` (art. 38 p.1 sub.4) or
    `review` (a person's finding)."""

    incoming: str
    received: dt.date
    kind: str
    values: Mapping[str, str]
    reason: Mapping[str, str]
    ground: str


def refusal_fact(incoming: str) -> str:
    """One refusal per document of the cabinet, however often it is returned."""
    return f"{KIND}|{incoming}"


def refusal_fields(
    refusal: Refusal, lang: Lang, *, number: str, act: str, on: dt.date, office: Office, bailiff: str
) -> Fields:
    """Every field of the refusal's template in `lang`, numbered `number` (act `act`), dated `on`."""
    if lang not in ("kk", "ru"):
        raise DocumentDataError(f"language must be kk or ru, got {lang!r}")
    if refusal.ground not in GROUNDS:
        raise DocumentDataError(f"refusal.ground must be one of {GROUNDS}, got {refusal.ground!r}")
    if not refusal.incoming.strip():
        raise DocumentDataError("refusal.incoming is empty: a refusal names the document's incoming number")
    if not bailiff.strip():
        raise DocumentDataError("bailiff is empty: a document cannot be drafted without it")
    reason = str(refusal.reason.get(lang) or "").strip()
    if not reason:
        raise DocumentDataError(f"refusal.reason.{lang} is empty: a refusal states why")
    reason = reason[0].upper() + reason[1:]  # it opens a paragraph of its own
    values = refusal.values

    def stated(name: str) -> str:
        return str(values.get(name) or "").strip() or str(data()["not_stated"][lang])

    title = act_kind(KIND).title[lang]
    return {
        "kind": KIND,
        "title": title,
        "number": number,
        "act": act,
        "date": f"{on:%d.%m.%Y}",
        "date_long": long_date(on, lang),
        "place": office.place[lang],
        "office_title": office.title[lang],
        "territory": office.territory[lang],
        "office_address": office.address[lang],
        "bailiff": bailiff.strip(),
        "incoming": refusal.incoming.strip(),
        "received": f"{refusal.received:%d.%m.%Y}",
        "exec_kind": label("executive_documents", refusal.kind, lang),
        "exec_kind_of": label("executive_documents_of", refusal.kind, lang),
        "exec_number": stated("case_number"),
        "exec_date": stated("decision_date"),
        "exec_issuer": stated("court"),
        "debtor_name": stated("debtor_name"),
        "debtor_iin": stated("debtor_iin"),
        "creditor": stated("creditor_name"),
        "reason": reason,
        "ground": str(data()["refusal_grounds"][refusal.ground][lang]),
        "verify_url": office.verify_url,
        **_amount(values.get("amount") or "", lang),
    }


def _amount(value: str, lang: Lang) -> Fields:
    """The sum the document states, in digits and words; empty (the paragraph left out) when it states none."""
    try:
        amount = tenge(Decimal(value)) if value else None
    except InvalidOperation:
        amount = None
    if amount is None:
        return {"amount": "", "amount_words": ""}
    return {"amount": format_tenge(amount, lang).replace(" ", NBSP), "amount_words": amount_in_words(amount, lang)}

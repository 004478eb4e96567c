"""What bailiffs add to AIS EP while the sandbox runs: uploaded documents, registered actions and recorded payments,
in memory. A payment adds to what the case has collected (so its remaining falls), once per reference on a case.

A POST may carry an Idempotency-Key header: the same key on the same proceeding returns the first record again
instead of adding a second one, so a bot's rerun after a dropped response does not duplicate.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sandbox.parties import Party, Words
from sandbox.sites.aisep.cases import Action, Case

DOCUMENT_KINDS = ("decision", "request", "notice", "other")
MAX_UPLOAD = 10 * 1024 * 1024
CENT = Decimal("0.01")


@dataclass(frozen=True)
class Upload:
    id: int
    file_name: str
    kind: str
    size: int
    sha256: str
    uploaded_at: str
    author: str
    signed_by: str = ""  # the signer's name from the ЭЦП uploaded with the file, verified; empty when unsigned


@dataclass(frozen=True)
class Payment:
    reference: str  # the deposit account's transaction reference
    on: dt.date
    amount: Decimal
    author: str


class PaymentRefused(ValueError):
    """A payment AIS EP does not record; its code is what the API answers."""


@dataclass
class Desk:
    uploads: dict[str, list[Upload]] = field(default_factory=dict)
    actions: dict[str, list[Action]] = field(default_factory=dict)
    replies: dict[tuple[str, str], dict[str, Any]] = field(default_factory=dict)
    payments: dict[str, list[Payment]] = field(default_factory=dict)

    def upload(self, number: str, file_name: str, kind: str, data: bytes, author: str, signed_by: str = "") -> Upload:
        item = Upload(
            sum(map(len, self.uploads.values())) + 1,
            file_name,
            kind,
            len(data),
            hashlib.sha256(data).hexdigest(),
            dt.datetime.now().isoformat(timespec="seconds"),
            author,
            signed_by,
        )
        self.uploads.setdefault(number, []).append(item)
        return item

    def act(self, number: str, kind: str, comment: str, author: str) -> Action:
        item = Action(dt.date.today(), kind, comment, author)
        self.actions.setdefault(number, []).append(item)
        return item

    def record_payment(self, case: Case, reference: str, on: dt.date, amount: Decimal, author: str) -> Payment:
        """Adds a payment to the case's collected sum and logs it; PaymentRefused for a reference recorded on the
        case already, or an amount that is not positive or more than is left to pay."""
        if any(p.reference == reference for p in self.payments.get(case.number, [])):
            raise PaymentRefused("duplicate_reference")
        if amount <= 0 or amount != amount.quantize(CENT):
            raise PaymentRefused("invalid_amount")
        if amount > self.remaining(case):
            raise PaymentRefused("exceeds_remaining")
        item = Payment(reference, on, amount, author)
        self.payments.setdefault(case.number, []).append(item)
        self.act(case.number, "payment_recorded", f"{reference}: {money(amount)}", author)
        return item

    def collected(self, case: Case) -> Decimal:
        return case.collected + sum((p.amount for p in self.payments.get(case.number, [])), Decimal("0"))

    def remaining(self, case: Case) -> Decimal:
        return case.amount - self.collected(case)

    def log_of(self, case: Case) -> list[Action]:
        return [*case.actions, *self.actions.get(case.number, [])]


def why_unacceptable(file_name: str, data: bytes) -> str | None:
    """None for a PDF or DOCX (by extension and by content), else the error code."""
    name = file_name.lower()
    if len(data) > MAX_UPLOAD:
        return "too_large"
    if name.endswith(".pdf") and data.startswith(b"%PDF-"):
        return None
    if name.endswith(".docx") and data.startswith(b"PK\x03\x04"):
        return None
    return "unsupported_file"


def money(value: Decimal) -> str:
    return str(value.quantize(CENT))


def summary(case: Case, desk: Desk) -> dict[str, Any]:
    """A case as the list shows it, with what was collected including the payments recorded since."""
    return {
        "number": case.number,
        "opened": case.opened.isoformat(),
        "debtor_iin": case.debtor_iin,
        "debtor_name": case.debtor_name,
        "category": case.category,
        "status": case.status,
        "amount": money(case.amount),
        "collected": money(desk.collected(case)),
        "remaining": money(desk.remaining(case)),
    }


def card(case: Case, desk: Desk) -> dict[str, Any]:
    d = case.document
    return {
        **summary(case, desk),
        "creditor": party(case.creditor),
        "holder": case.holder,
        "costs": money(case.costs),
        "bailiff": {"name": case.bailiff_name, "phone": case.bailiff_phone},
        "document": {"kind": d.kind, "issuer": words(d.issuer), "number": d.number, "issued": d.issued.isoformat()},
        "restrictions": list(case.restrictions),
        "actions": [action(a) for a in desk.log_of(case)],
        "documents": [upload(u) for u in desk.uploads.get(case.number, [])],
        "payments": [payment(p) for p in desk.payments.get(case.number, [])],
    }


def words(w: Words) -> dict[str, str]:
    return {"kk": w.kk, "ru": w.ru}


def party(p: Party) -> dict[str, Any]:
    """A creditor as the card shows it: a person or an organisation, its names, IIN or BIN and address."""
    return {
        "kind": "person" if p.is_person else "organisation",
        "name": {"kk": p.name_kk, "ru": p.name_ru},
        "id": p.id,
        "address": words(p.address),
        "iban": p.iban,
    }


def payment(p: Payment) -> dict[str, Any]:
    return {"reference": p.reference, "date": p.on.isoformat(), "amount": money(p.amount), "author": p.author}


def action(a: Action) -> dict[str, Any]:
    return {"date": a.on.isoformat(), "kind": a.kind, "comment": a.comment, "author": a.author}


def upload(u: Upload) -> dict[str, Any]:
    return {
        "id": u.id,
        "file_name": u.file_name,
        "kind": u.kind,
        "size": u.size,
        "sha256": u.sha256,
        "uploaded_at": u.uploaded_at,
        "author": u.author,
        "signed_by": u.signed_by,
    }

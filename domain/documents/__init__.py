"""Documents a bailiff issues — decisions, notices, requests — as pure data: the catalogue of kinds, which acts a
debtor's findings call for (each with the fact it rests on) and every field of each act in Kazakh and Russian.
No I/O: rendering, numbering, sealing and filing live in orynda/documents and flows/documents_step."""

from domain.documents.catalogue import LANGUAGES, Kind, Office, UnknownKind, default_office, kind, kinds, kinds_for
from domain.documents.fields import DocumentDataError, Fields, document_fields, long_date
from domain.documents.plan import Draft, Sent, exit_warning_fact, lead_case, plan
from domain.documents.refusal import Refusal, refusal_fact, refusal_fields

__all__ = [
    "LANGUAGES",
    "DocumentDataError",
    "Draft",
    "Fields",
    "Kind",
    "Office",
    "Refusal",
    "Sent",
    "UnknownKind",
    "default_office",
    "document_fields",
    "exit_warning_fact",
    "kind",
    "kinds",
    "kinds_for",
    "lead_case",
    "long_date",
    "plan",
    "refusal_fact",
    "refusal_fields",
]

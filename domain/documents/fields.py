"""The fields of one document in one language, from the case, the debtor, the finding and the calculations.

Everything a template shows is computed here, as text in the document's language: amounts in digits and in words
(domain/money), deadlines by the law's terms (domain/deadlines), limits (domain/deductions, domain/restrictions).
Templates only place these fields; a lawyer edits the wording there, never a calculation.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

from domain.calendar import add_calendar_days
from domain.checks.assets import DebtorFile
from domain.deadlines import deadline, exit_ban_earliest, restriction_lift_deadline, voluntary_execution_deadline
from domain.deductions import max_share
from domain.documents.catalogue import Office, data, label
from domain.documents.plan import Draft
from domain.errors import DomainError
from domain.fees import private_bailiff_fee
from domain.findings import AssetKind, AssetRef, Finding
from domain.money import ZERO, amount_in_words, format_tenge, tenge
from domain.parties import body_name, legal_name, party_details, party_name, person_name
from domain.restrictions import exit_restriction
from domain.words import Lang

Fields = dict[str, str | bool]
NBSP = "\u00a0"
Extra = tuple[Decimal, Fields]


class DocumentDataError(DomainError):
    """The data a document needs is missing or malformed; the message names the field."""


def document_fields(
    draft: Draft,
    debtor: DebtorFile,
    lang: Lang,
    *,
    number: str,
    act: str,
    on: dt.date,
    office: Office,
    bailiff: str,
) -> Fields:
    """All fields of the act `draft` in `lang`, numbered `number` (act `act`), dated `on`, issued by `bailiff`: the
    bailiff whose AIS EP login files it, never the name a proceeding's card happens to show."""
    if lang not in ("kk", "ru"):
        raise DocumentDataError(f"language must be kk or ru, got {lang!r}")
    amount, extra = _EXTRA[draft.kind.name](draft, debtor, lang, on)
    common = _common(draft, debtor, lang, number, act, on, office)
    return {**common, "bailiff": _required("bailiff", bailiff), **_money("amount", amount, lang), **extra}


def long_date(day: dt.date, lang: Lang) -> str:
    """'25 ноября 2026 г.' / '2026 жылғы 25 қараша'."""
    month = data()["months"][lang][day.month - 1]
    return f"{day.day} {month} {day.year} г." if lang == "ru" else f"{day.year} жылғы {day.day} {month}"


def _common(draft: Draft, debtor: DebtorFile, lang: Lang, number: str, act: str, on: dt.date, office: Office) -> Fields:
    case = draft.case
    name = _required("debtor.name", debtor.name or case.debtor_name)
    iin = _required("debtor.iin", debtor.iin)
    if not (len(iin) == 12 and iin.isdigit()):
        raise DocumentDataError(f"debtor.iin must be 12 digits, got {len(iin)} characters")
    doc = case.document
    _required("case.creditor", case.creditor.name.of(lang))
    _required("case.creditor.id", case.creditor.id)  # the IIN or BIN an act must name the creditor by
    return {
        "kind": draft.kind.name,
        "title": draft.kind.title[lang],
        "number": _required("number", number),
        "act": _required("act", act),
        "date": f"{on:%d.%m.%Y}",
        "date_long": long_date(on, lang),
        "place": office.place[lang],
        "office_title": office.title[lang],
        "territory": office.territory[lang],
        "office_address": office.address[lang],
        "proceeding": _required("case.number", case.number),
        "proceeding_opened": f"{case.opened:%d.%m.%Y}",
        "debtor_name": name,
        "debtor_of": person_name(name, iin, lang, "gen"),  # «с должника …» / «… өндіріп алушының пайдасына»
        "debtor_to": person_name(name, iin, lang, "dat"),  # «Должнику …» / «Борышкерге …»
        "debtor_from": person_name(name, iin, lang, "gen" if lang == "ru" else "abl"),  # «с должника …» / «…нан»
        "debtor_iin": iin,
        "creditor": party_name(case.creditor, lang),
        "creditor_of": party_name(case.creditor, lang, "gen"),
        "creditor_details": party_details(case.creditor, lang),
        "category": label("categories", case.category.value, lang),
        "exec_kind": label("executive_documents", doc.kind, lang),
        "exec_kind_of": label("executive_documents_of", doc.kind, lang),
        "exec_issuer": _required("case.document.issuer", doc.issuer.of(lang)),
        "exec_issuer_by": body_name(doc.issuer.of(lang), lang, "ins" if lang == "ru" else "nom"),  # «выданного …»
        "exec_number": doc.number,
        "exec_date": f"{doc.date:%d.%m.%Y}",
        "pay_bank": office.bank[lang],
        "pay_iban": office.iban,
        "pay_bic": office.bic,
        "verify_url": _required("office.verify_url", office.verify_url),
    }


def _money(key: str, amount: Decimal, lang: Lang) -> Fields:
    """An amount in digits (no-break spaces keep it on one line) and in words."""
    value = tenge(amount)
    return {key: format_tenge(value, lang).replace(" ", NBSP), f"{key}_words": amount_in_words(value, lang)}


def _required(field: str, value: str | None) -> str:
    if value is None or not str(value).strip():
        raise DocumentDataError(f"{field} is empty: a document cannot be drafted without it")
    return str(value).strip()


def _finding_amount(draft: Draft) -> Decimal:
    finding = draft.finding
    if finding is None or finding.amount is None:
        raise DocumentDataError(f"finding.amount is missing: a {draft.kind.name} needs it")
    return finding.amount


def _opening(draft: Draft, debtor: DebtorFile, lang: Lang, on: dt.date) -> Extra:
    return draft.case.amount, {}


def _notice(draft: Draft, debtor: DebtorFile, lang: Lang, on: dt.date) -> Extra:
    if draft.purpose == "voluntary":
        case = draft.case
        due = voluntary_execution_deadline(on).due
        try:
            fee: Fields = _money("fee", private_bailiff_fee(case.amount, case.opened).fee, lang)
        except DomainError:  # no fee schedule for that date: the notice says nothing of the fee
            fee = {"fee": "", "fee_words": ""}
        return case.remaining, {"voluntary": True, "exit_warning": False, "deadline": f"{due:%d.%m.%Y}", **fee}
    if draft.purpose == "exit_ban_warning":
        verdict = exit_restriction(debtor.remaining, on)
        due = deadline("exit_ban_warning", on).due
        return debtor.remaining, {
            "voluntary": False,
            "exit_warning": True,
            "deadline": f"{due:%d.%m.%Y}",
            "earliest": f"{exit_ban_earliest(on):%d.%m.%Y}",
            "fee": "",
            "fee_words": "",
            **_money("threshold", verdict.threshold, lang),
        }
    raise DocumentDataError(f"draft.purpose of a notice must be voluntary or exit_ban_warning, got {draft.purpose!r}")


def _property_arrest(draft: Draft, debtor: DebtorFile, lang: Lang, on: dt.date) -> Extra:
    finding = draft.finding
    if finding is None or finding.asset is None:
        raise DocumentDataError("finding.asset is missing: an arrest names the property")
    return debtor.remaining, {
        "asset_kind": label("assets", finding.code, lang),
        "asset": _describe(debtor, finding.asset, lang),
        "registry": label("registries", _registry(finding), lang),
        **_sized(draft, lang),
    }


def _sized(draft: Draft, lang: Lang) -> Fields:
    """What an arrest secures, sized with the debtor's other arrests: at most owed + fee + costs (art. 55 p.5)."""
    if draft.arrest is None or draft.sizing is None:
        raise DocumentDataError(f"draft.arrest is missing: a {draft.kind.name} is sized with the other arrests")
    sizing = draft.sizing
    return {
        **_money("arrest", draft.arrest, lang),
        **_money("limit", sizing.limit, lang),
        **_money("arrest_fee", sizing.fee, lang),
        **_money("arrest_costs", sizing.costs, lang),
    }


def _registry(finding: Finding) -> str:
    """The registry a finding was found in (the first, if it rests on several)."""
    return finding.registries[0] if finding.registries else ""


def _describe(debtor: DebtorFile, asset: AssetRef, lang: Lang) -> str:
    """The property in the document's language, from the registry's record the finding names."""
    for p in debtor.properties:
        if asset.kind is AssetKind.REALTY and p.cadastral and p.cadastral == asset.id:
            area = f"{p.area:f}".replace(".", ",")
            kind, address = label("realty_kinds", p.kind, lang), p.address.of(lang)
            if lang == "ru":
                return f"{kind}, кадастровый номер {p.cadastral}, адрес: {address}, площадь {area} м², доля {p.share}"
            return f"{kind}, кадастрлық нөмірі {p.cadastral}, мекенжайы: {address}, ауданы {area} м², үлесі {p.share}"
    for v in debtor.vehicles:
        if asset.kind is AssetKind.VEHICLE and v.vin and v.vin == asset.id:
            if lang == "ru":
                return f"{v.make} {v.model}, {v.year} года выпуска, государственный номер {v.plate}, VIN {v.vin}"
            return f"{v.make} {v.model}, {v.year} жылы шығарылған, мемлекеттік нөмірі {v.plate}, VIN {v.vin}"
    return asset.label


def _account_arrest(draft: Draft, debtor: DebtorFile, lang: Lang, on: dt.date) -> Extra:
    finding = draft.finding
    assert finding is not None
    asset = finding.asset
    return debtor.remaining, {
        "bank": label("registries", _registry(finding), lang),
        "account": _required("finding.asset", asset.id if asset else None),
        "currency": (asset.currency if asset else None) or "",
        **_money("balance", _finding_amount(draft), lang),
        **_sized(draft, lang),
    }


def _wage_levy(draft: Draft, debtor: DebtorFile, lang: Lang, on: dt.date) -> Extra:
    if not debtor.contributions:
        raise DocumentDataError("debtor.contributions is empty: a wage levy names the employer")
    latest = max(debtor.contributions, key=lambda c: c.month)
    percent = (max_share() * 100).normalize()
    return debtor.remaining, {
        "employer": legal_name(latest.employer_name, lang),
        "employer_bin": latest.employer_bin,
        "percent": f"{percent:f}",
        **_money("monthly", _finding_amount(draft), lang),
    }


def _exit_ban(draft: Draft, debtor: DebtorFile, lang: Lang, on: dt.date) -> Extra:
    if draft.warning is None:
        raise DocumentDataError("draft.warning is missing: an exit restriction follows a warning notice")
    verdict = exit_restriction(debtor.remaining, on, warning_sent=draft.warning.on)
    return debtor.remaining, {
        "warning_act": draft.warning.act,
        "warning_date": f"{draft.warning.on:%d.%m.%Y}",
        "court_sanction": verdict.needs_court_sanction,
        **_money("threshold", verdict.threshold, lang),
    }


def _lift(draft: Draft, debtor: DebtorFile, lang: Lang, on: dt.date) -> Extra:
    """A lifting act (exit ban's, arrests'): what was paid, the measures of its kind in force, whom it goes to."""
    paid = sum((c.collected for c in debtor.cases), ZERO)
    due = restriction_lift_deadline(on).due
    measures = [m for m in draft.kind.lifts if m in debtor.restrictions]
    return paid, {
        "lift_deadline": f"{due:%d.%m.%Y}",
        "restriction": ", ".join(label("restrictions", m, lang) for m in measures),
        "addressees": ", ".join(label("lift_addressees", m, lang) for m in measures),
    }


def _registry_request(draft: Draft, debtor: DebtorFile, lang: Lang, on: dt.date) -> Extra:
    finding = draft.finding
    assert finding is not None
    topic = _topic(finding.code, finding.registries)
    spec = data()["request_topics"][topic]
    answer = data()["answer_days"]
    due = add_calendar_days(on, int(answer["count"]))
    return debtor.remaining, {
        "addressee": label("registries", spec["registry"], lang),
        "subject": str(spec[lang]).format(asset=finding.asset.label if finding.asset else ""),
        "answer_deadline": f"{due:%d.%m.%Y}",
    }


def _topic(code: str, registries: tuple[str, ...]) -> str:
    """What a request asks: who owns a property, who employs the debtor, or what the debtor owns at all."""
    if code == "nothing_found":
        return "assets"
    return "realty_owner" if "egov_realty" in registries else "employer"


_EXTRA: dict[str, Callable[[Draft, DebtorFile, Lang, dt.date], Extra]] = {
    "opening": _opening,
    "notice": _notice,
    "property_arrest": _property_arrest,
    "account_arrest": _account_arrest,
    "wage_levy": _wage_levy,
    "exit_ban": _exit_ban,
    "exit_ban_lift": _lift,
    "arrest_lift": _lift,
    "registry_request": _registry_request,
}

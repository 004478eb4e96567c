"""The court cabinet's executive documents, generated from a seed with the truth of every detail.

Each document is drawn from its own stream Random(f"{seed}:court_document:{index}"), so document i is the same
whatever `count` and `start` are. Kinds, languages and forms are mixed as the cabinet receives them; about 5 % of
the documents carry each flaw of FLAWS (named in `flaws`, never hidden in `truth`), so tests can find the cases a
reader must not accept. `truth` is what the document states, flaws included: a wrong check digit is in the truth
as printed, a missing detail is an empty string.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from domain.data import table
from domain.iin import check_digit
from domain.intake.fields import FIELDS, KINDS  # the same details and kinds the reader knows
from domain.words import number_in_words
from sandbox import names
from sandbox.parties import CITIES, STREETS, Party, address, creditor

KIND_WEIGHTS = (30, 25, 20, 15, 10)
FORMS = ("structured", "text", "scan")
FLAWS = (
    "iin_check_digit",
    "birth_date_mismatch",
    "amount_words_mismatch",
    "unknown_court",
    "missing_required_detail",
)
FLAW_SHARE = 0.05
# Details a flawed document may lack (missing_required_detail:<field>); all required for every kind drawn here.
MISSING_CANDIDATES = ("case_number", "decision_date", "debtor_iin", "debtor_address", "in_force_date")
ISSUER_KINDS = {
    "writ": ("court",),
    "court_order": ("court",),
    "alimony_order": ("court",),
    "admin_fine": ("admin_court", "admin_body"),
    "notary_inscription": ("notary",),
}
UNKNOWN_ISSUERS = {  # issuers missing from domain/data/issuers.yaml, for the unknown_court flaw
    "court": ("Павлодар қалалық соты", "Павлодарский городской суд"),
    "admin_court": (
        "Семей қаласының мамандандырылған әкімшілік соты",
        "Специализированный административный суд г. Семей",
    ),
    "admin_body": (
        "Павлодар облысы Полиция департаментінің Әкімшілік полиция басқармасы",
        "Управление административной полиции Департамента полиции Павлодарской области",
    ),
    "notary": ("Ақтау қаласының нотариусы Есенова Динара Ғаниқызы", "Нотариус г. Актау Есенова Динара Ганиевна"),
}
__all__ = ["FIELDS", "KINDS", "CourtDocument", "court_documents"]
MCI_2026 = 4325  # fines are multiples of the MCI (domain/data/reference_values.yaml, 2026)
WORDING_FILE = Path(__file__).parent / "templates" / "court" / "wording.yaml"


@dataclass(frozen=True)
class CourtDocument:
    number: str  # the cabinet's id, e.g. "ИД-2026-000123"
    kind: str  # writ | court_order | alimony_order | admin_fine | notary_inscription
    language: str  # kk | ru
    form: str  # structured | text | scan
    truth: dict[str, str]  # the field values, as strings (see FIELDS)
    pdf: bytes  # the document's PDF: text layer (structured, text) or image only (scan)
    data: dict[str, str] | None  # the structured fields (form == "structured" only), same keys as truth
    flaws: tuple[str, ...] = ()  # e.g. "iin_check_digit", "missing_required_detail:debtor_iin"


def court_documents(seed: int, count: int, *, start: int = 0) -> list[CourtDocument]:
    """Documents start … start+count−1 of the seed's cabinet; the same seed always gives the same documents."""
    from sandbox.court_pdf import render_pdf, render_scan  # fpdf2 and pypdfium2 load only when documents are made

    out = []
    for index in range(start, start + count):
        plan = _plan(seed, index)
        pdf = render_pdf(plan, wording())
        if plan.form == "scan":
            pdf = render_scan(pdf, random.Random(f"{seed}:court_scan:{index}"), plan)
        truth = plan.truth
        out.append(
            CourtDocument(
                plan.number,
                plan.kind,
                plan.language,
                plan.form,
                dict(truth),
                pdf,
                dict(truth) if plan.form == "structured" else None,
                plan.flaws,
            )
        )
    return out


@cache
def wording() -> dict[str, Any]:
    with open(WORDING_FILE, encoding="utf-8") as handle:
        loaded: dict[str, Any] = yaml.safe_load(handle)
    return loaded


@dataclass(frozen=True)
class Plan:
    """Everything a document shows, before it is laid out: the truth plus what is printed but not a field."""

    number: str
    kind: str
    language: str
    form: str
    issuer_kind: str
    subject: str
    truth: dict[str, str]
    creditor_address: str
    creditor_is_person: bool
    signer: str
    flaws: tuple[str, ...]


def _plan(seed: int, index: int) -> Plan:
    rng = random.Random(f"{seed}:court_document:{index}")
    kind = rng.choices(KINDS, weights=KIND_WEIGHTS)[0]
    language = rng.choice(("kk", "ru"))
    form = FORMS[rng.randrange(3)]
    subject = rng.choice([name for name, s in wording()["subjects"].items() if kind in s["kinds"]])
    flaw = _flaw(rng, subject)
    issuer_kind = rng.choice(ISSUER_KINDS[kind])
    issuer = _issuer(rng, issuer_kind, unknown=flaw == "unknown_court")
    female = rng.random() < 0.45
    debtor_name, birth, iin = _person(rng, female)
    home = _home(rng)
    party = _creditor(seed, index, subject, female, rng)
    decided, in_force, issued = _dates(rng, kind)
    amount, currency, share, periodic = _subject(rng, subject)
    words = _amount_words(amount, currency, language) if amount else ""
    if flaw == "iin_check_digit":
        iin = iin[:11] + str((int(iin[11]) + rng.randrange(1, 10)) % 10)
    written_birth = birth
    if flaw == "birth_date_mismatch":
        written_birth = birth + dt.timedelta(days=rng.choice((-1, 1)) * rng.randrange(1, 400))
    if flaw == "amount_words_mismatch":
        wrong = Decimal(amount) + Decimal(rng.choice((1, 10, 100, 1000, 10000)))
        words = _amount_words(f"{wrong:.2f}", currency, language)
    truth = {
        "court": getattr(issuer, language),
        "case_number": _case_number(rng, kind, decided),
        "decision_date": _day(decided),
        "issue_date": _day(issued),
        "in_force_date": _day(in_force) if in_force else "",
        "debtor_name": debtor_name,
        "debtor_iin": iin,
        "debtor_birth_date": _day(written_birth),
        "debtor_address": getattr(home, language),
        "creditor_name": party.name_kk if language == "kk" else party.name_ru,
        "creditor_id": party.id,
        "amount": amount,
        "amount_words": words,
        "currency": currency,
        "alimony_share": share,
        "periodic": periodic,
        "category": wording()["subjects"][subject]["category"],
    }
    flaws: tuple[str, ...] = (flaw,) if flaw else ()
    if flaw == "missing_required_detail":
        missing = rng.choice([f for f in MISSING_CANDIDATES if truth[f]])
        truth[missing] = ""
        flaws = (f"missing_required_detail:{missing}",)
    signer = _signer_name(rng)
    return Plan(
        f"ИД-2026-{index + 1:06d}",
        kind,
        language,
        form,
        issuer_kind,
        subject,
        truth,
        getattr(party.address, language),
        party.is_person,
        signer,
        flaws,
    )


def _flaw(rng: random.Random, subject: str) -> str | None:
    roll = rng.random()
    for k, flaw in enumerate(FLAWS):
        if roll < FLAW_SHARE * (k + 1):
            if flaw == "amount_words_mismatch" and subject == "alimony":
                return None  # most alimony is a share of income: no amount to mismatch
            return flaw
    return None


@dataclass(frozen=True)
class _Issuer:
    kk: str
    ru: str


def _issuer(rng: random.Random, kind: str, *, unknown: bool) -> _Issuer:
    if unknown:
        return _Issuer(*UNKNOWN_ISSUERS[kind])
    rows = [row for row in table("issuers")["issuers"] if row["kind"] == kind]
    row = rng.choice(rows)
    return _Issuer(row["kk"], row["ru"])


def _person(rng: random.Random, female: bool) -> tuple[str, dt.date, str]:
    kazakh = rng.random() < 0.7
    surname, _ = rng.choice(names.KAZAKH_SURNAMES if kazakh else names.RUSSIAN_SURNAMES)
    pool = (
        (names.KAZAKH_FEMALE if female else names.KAZAKH_MALE)
        if kazakh
        else (names.RUSSIAN_FEMALE if female else names.RUSSIAN_MALE)
    )
    first, _ = rng.choice(pool)
    root = rng.choice(names.KAZAKH_PATRONYMIC_ROOTS if kazakh else names.RUSSIAN_PATRONYMIC_ROOTS)
    if female:
        surname = names.feminine_surname(surname)
    birth = dt.date(1958, 1, 1) + dt.timedelta(days=rng.randrange(0, 16_000))
    return f"{surname} {first} {names.patronymic(root, female, kazakh)}", birth, _iin(rng, birth, female)


def _iin(rng: random.Random, birth: dt.date, female: bool) -> str:
    """A valid IIN (as sandbox.world.make_iin builds them): YYMMDD, century and sex, serial, check digit."""
    code = (3 if birth.year < 2000 else 5) + (1 if female else 0)
    while True:
        first11 = f"{birth:%y%m%d}{code}{rng.randrange(0, 10_000):04d}"
        control = check_digit(first11)
        if control is not None:
            return first11 + str(control)


def _home(rng: random.Random) -> Any:
    flat = ("flat", rng.randrange(1, 300)) if rng.random() < 0.8 else None
    return address(rng.randrange(len(CITIES)), rng.randrange(len(STREETS)), rng.randrange(1, 200), flat)


_WORLD_CATEGORY = {"alimony": "alimony", "fine": "fines", "loan": "bank_loans", "pledge": "bank_loans"}


def _creditor(seed: int, index: int, subject: str, debtor_female: bool, rng: random.Random) -> Party:
    """The world's kinds of creditor (sandbox.parties): a parent, a revenue office, a bank or lender, a company;
    a person harmed for health and crime claims."""
    if subject in ("health_harm", "crime_damage"):
        female = rng.random() < 0.5
        name, _, iin = _person(rng, female)
        return Party(name, name, iin, _home(rng))
    category = _WORLD_CATEGORY.get(subject, "other")
    return creditor(seed, 1_000_000 + index, 0, category, rng.randrange(6), debtor_female, rng.randrange(2))


def _dates(rng: random.Random, kind: str) -> tuple[dt.date, dt.date | None, dt.date]:
    decided = dt.date(2025, 6, 2) + dt.timedelta(days=rng.randrange(0, 520))
    if kind == "notary_inscription":
        return decided, None, decided + dt.timedelta(days=rng.randrange(0, 4))
    in_force = decided + dt.timedelta(days=rng.randrange(10, 20) if kind != "writ" else rng.randrange(30, 45))
    return decided, in_force, in_force + dt.timedelta(days=rng.randrange(0, 15))


def _subject(rng: random.Random, subject: str) -> tuple[str, str, str, str]:
    """amount, currency, alimony share, periodic."""
    if subject == "alimony":
        if rng.random() < 0.75:
            return "", "", rng.choice(("1/4", "1/3", "1/2")), "yes"
        return f"{rng.randrange(25, 150) * 1000}.00", "KZT", "", "yes"
    if subject == "fine":
        return f"{rng.choice((5, 10, 15, 20, 30, 50, 100)) * MCI_2026}.00", "KZT", "", "no"
    if subject == "health_harm":
        return f"{Decimal(rng.randrange(30_000, 150_000)):.2f}", "KZT", "", "yes"
    low, high = {"loan": (50_000, 5_000_000), "utilities": (15_000, 400_000), "pledge": (1_000_000, 40_000_000)}.get(
        subject, (50_000, 3_000_000)
    )
    currency = "USD" if subject == "loan" and rng.random() < 0.08 else "KZT"
    if currency == "USD":
        low, high = low // 500, high // 500
    cents = rng.randrange(0, 100) if rng.random() < 0.6 else 0
    return f"{rng.randrange(low, high)}.{cents:02d}", currency, "", "no"


def _amount_words(amount: str, currency: str, language: str) -> str:
    whole, cents = amount.split(".")
    money = wording()["currency"][currency]
    return (
        f"{number_in_words(int(whole), 'kk' if language == 'kk' else 'ru')} {money[language]} {cents} "
        + (money[f"minor_{language}"])
    )


def _case_number(rng: random.Random, kind: str, decided: dt.date) -> str:
    if kind == "admin_fine":
        return f"5-{rng.randrange(1000, 9999)}/{decided:%Y}"
    if kind == "notary_inscription":
        return f"{rng.randrange(100, 9999)}"
    prefix = "2" if kind == "writ" else "2п"
    return f"{prefix}-{rng.randrange(1000, 9999)}/{decided:%Y}"


def _signer_name(rng: random.Random) -> str:
    surname, _ = rng.choice(names.KAZAKH_SURNAMES + names.RUSSIAN_SURNAMES)
    first, _ = rng.choice(names.KAZAKH_MALE + names.RUSSIAN_MALE)
    return f"{surname} {first[0]}."


def _day(value: dt.date) -> str:
    return value.strftime("%d.%m.%Y")

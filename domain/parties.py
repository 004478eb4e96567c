"""The parties an act names, in its language and in the case its sentence needs: a person by full name, declined
by case and by sex (the IIN says which); an organisation by its name with the legal form of the act's language
(ТОО «…» / «…» ЖШС); a state body or a court by its own name in that language, declined.
"""

from __future__ import annotations

from domain.declension import Case, body_ru, person_ru, phrase_kk
from domain.iin import InvalidNumber, Sex, decode_iin
from domain.records import Party
from domain.words import Lang

# (Russian form before the name, Kazakh form after it): ТОО «Алтын Сервис» = «Алтын Сервис» ЖШС
LEGAL_FORMS = (("ТОО", "ЖШС"), ("АО", "АҚ"), ("НАО", "КЕАҚ"))


def legal_name(name: str, lang: Lang) -> str:
    """An organisation's name with its legal form in the language asked; a name without a known form as given."""
    for ru, kk in LEGAL_FORMS:
        if name.startswith(f"{ru} "):
            return name if lang == "ru" else f"{name[len(ru) + 1 :]} {kk}"
        if name.endswith(f" {kk}"):
            return name if lang == "kk" else f"{ru} {name[: -len(kk) - 1]}"
    return name


def is_female(iin: str) -> bool:
    """The IIN's seventh digit: even for a woman (Law 223; decree 565). An unreadable IIN is taken as a man's."""
    try:
        return decode_iin(iin).sex is Sex.FEMALE
    except InvalidNumber:
        return False


def person_name(name: str, iin: str, lang: Lang, case: Case) -> str:
    """A person's full name in a case: «Ивановой Елены Викторовны», «Әбенов Нұрлан Серікұлының»."""
    return person_ru(name, case, female=is_female(iin)) if lang == "ru" else phrase_kk(name, case)


def party_name(party: Party, lang: Lang, case: Case = "nom") -> str:
    """A party's name in the act's language and the case asked."""
    name = party.name.of(lang)
    if party.is_person:
        return person_name(name, party.id, lang, case)
    if lang == "ru":
        return body_ru(legal_name(name, "ru"), case)
    name = legal_name(name, "kk")
    return phrase_kk(name, case, possessive=name.endswith(("ы", "і")))


def body_name(name: str, lang: Lang, case: Case = "nom") -> str:
    """A court's or a body's name in a case: «выданного Алмалинским районным судом г. Алматы»."""
    return body_ru(name, case) if lang == "ru" else phrase_kk(name, case, possessive=name.endswith(("ы", "і")))


def party_details(party: Party, lang: Lang) -> str:
    """What identifies a party after its name: the IIN or BIN and the address («ИИН …, адрес: …»)."""
    label = ("ИИН" if party.is_person else "БИН") if lang == "ru" else ("ЖСН" if party.is_person else "БСН")
    parts = [f"{label} {party.id}"] if party.id else []
    if party.address is not None and party.address.of(lang):
        parts.append(f"{'адрес' if lang == 'ru' else 'мекенжайы'}: {party.address.of(lang)}")
    return ", ".join(parts)

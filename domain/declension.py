"""Names in the case an act puts them in: «с должника Иванова Сергея Александровича», «выданного Алмалинским
районным судом», «борышкер Әбенов Нұрлан Серікұлынан».

Russian: pymorphy3 and its dictionary for the Russian given names, surnames, patronymics and the words of a body's
name it knows; a rule table for the names it does not know (Kazakh names, with letters Russian has not). Kazakh: a
rule table of case endings (vowel harmony and the last sound of the word), which no maintained library provides.
Only the cases acts use are here.
"""

from __future__ import annotations

from functools import cache
from typing import Literal

import pymorphy3

Case = Literal["nom", "gen", "dat", "ins", "acc", "abl"]  # ins: Russian only; abl: Kazakh only
_MORPHY_CASE = {"nom": "nomn", "gen": "gent", "dat": "datv", "ins": "ablt", "acc": "accs"}
_ROLES = ("Surn", "Name", "Patr")  # a full name reads surname, given name, patronymic


class DeclensionError(ValueError):
    """A case a language does not use in acts."""


# --- Russian --------------------------------------------------------------------------------------------------
@cache
def _morph() -> pymorphy3.MorphAnalyzer:
    return pymorphy3.MorphAnalyzer()


def person_ru(full_name: str, case: Case, *, female: bool) -> str:
    """A person's full name (surname, given name, patronymic) in a Russian case; initials stay as they are."""
    _russian(case)
    if case == "nom":
        return full_name
    words = full_name.split()
    return " ".join(_name_word_ru(w, _ROLES[min(i, 2)], case, female) for i, w in enumerate(words))


def body_ru(name: str, case: Case) -> str:
    """A court's or a body's name in a Russian case: the leading adjectives and their noun are declined, what
    follows them (the genitive tail, a number, a city) is not. A name that opens with a legal form or a quote
    (АО «…», ТОО «…») is not declined at all."""
    _russian(case)
    words = name.split(" ")
    if case == "nom" or words[0].isupper() or words[0].startswith(("«", '"')):
        return name
    head = next((i for i, w in enumerate(words) if _noun_nominative(w) and not _adjective_nominative(w)), None)
    if head is None or any(not _adjective_nominative(w) for w in words[:head]):
        return name
    noun = _noun_nominative(words[head])
    assert noun is not None
    gender = noun.tag.gender or "masc"
    out = [_inflected(words[head], noun, case)]
    for word in reversed(words[:head]):
        adjective = _adjective_nominative(word, gender)
        out.insert(0, _inflected(word, adjective, case) if adjective else word)
    return " ".join(out + words[head + 1 :])


def _russian(case: Case) -> None:
    if case not in _MORPHY_CASE:
        raise DeclensionError(f"acts use no Russian case {case!r}")


def _name_word_ru(word: str, role: str, case: Case, female: bool) -> str:
    if word.endswith(".") or "-" in word:
        return word
    parse = _known_name(word, role, female)
    if parse is not None:
        return _inflected(word, parse, case)
    ending = _RU_RULES[role](word, female, case)
    return word[:-1] + ending if ending else word


def _known_name(word: str, role: str, female: bool) -> pymorphy3.analyzer.Parse | None:
    """pymorphy3's parse of a name it has in its dictionary, in the nominative, of the role and sex asked."""
    morph = _morph()
    if not morph.word_is_known(word):
        return None
    gender = "femn" if female else "masc"
    for parse in morph.parse(word):
        tag = parse.tag
        if role in tag and "nomn" in tag and "sing" in tag and (tag.gender == gender or "Fixd" in tag):
            return parse
    return None


def _noun_nominative(word: str) -> pymorphy3.analyzer.Parse | None:
    for parse in _morph().parse(word.strip("«»")):
        if parse.tag.POS == "NOUN" and "nomn" in parse.tag and "sing" in parse.tag:
            return parse
    return None


def _adjective_nominative(word: str, gender: str | None = None) -> pymorphy3.analyzer.Parse | None:
    for parse in _morph().parse(word):
        tag = parse.tag
        if tag.POS in ("ADJF", "PRTF") and "nomn" in tag and "sing" in tag and (gender is None or tag.gender == gender):
            return parse
    return None


def _inflected(word: str, parse: pymorphy3.analyzer.Parse, case: Case) -> str:
    form = parse.inflect({_MORPHY_CASE[case]})
    if form is None:
        return word
    out: str = form.word
    return out[0].upper() + out[1:] if word[:1].isupper() else out


# Endings for names pymorphy3 does not know. Each rule gives the ending that replaces the word's last letter
# (so a rule that keeps the letter repeats it), or "" when the word is not declined.
_SIBILANTS = "жшчщц"
_RU_HARD = {"gen": "а", "dat": "у", "acc": "а"}


def _surname_rule(word: str, female: bool, case: Case) -> str:
    last = word[-1]
    if female:
        if word.endswith(("ова", "ева", "ёва", "ина", "ына")):
            return "у" if case == "acc" else "ой"
        return ""
    if word.endswith(("ов", "ев", "ёв", "ин", "ын")):
        return last + ("ым" if case == "ins" else _RU_HARD[case])
    return _masculine_noun(word, case)


def _given_rule(word: str, female: bool, case: Case) -> str:
    if word[-1] in "ая":
        return _a_declension(word, case)
    return "" if female else _masculine_noun(word, case)


def _patronymic_rule(word: str, female: bool, case: Case) -> str:
    if word.endswith(("ұлы", "қызы", "улы", "кызы")):
        return ""  # Kazakh patronymics are not declined in Russian
    if word.endswith("ич"):
        return "ч" + ("ем" if case == "ins" else _RU_HARD[case])
    if word.endswith("на"):
        return _a_declension(word, case)
    return ""


def _masculine_noun(word: str, case: Case) -> str:
    last = word[-1]
    if last in "йь":
        return {"gen": "я", "dat": "ю", "ins": "ем", "acc": "я"}[case]
    if last.lower() in "аеёиоуыэюяәөұүі":
        return ""  # names ending in a vowel stay as they are
    return last + ("ем" if case == "ins" and last in _SIBILANTS else "ом" if case == "ins" else _RU_HARD[case])


def _a_declension(word: str, case: Case) -> str:
    """Нұржамал is not declined; Динара → Динары, Динаре, Динарой, Динару; Мария → Марии, Марией."""
    before = word[-2] if len(word) > 1 else ""
    if word.endswith("ия"):
        return {"gen": "и", "dat": "и", "ins": "ей", "acc": "ю"}[case]
    if word[-1] == "я":
        return {"gen": "и", "dat": "е", "ins": "ей", "acc": "ю"}[case]
    soft = before in "гкхжшчщ"
    return {"gen": "и" if soft else "ы", "dat": "е", "ins": "ей" if before in _SIBILANTS else "ой", "acc": "у"}[case]


_RU_RULES = {"Surn": _surname_rule, "Name": _given_rule, "Patr": _patronymic_rule}


# --- Kazakh ---------------------------------------------------------------------------------------------------
_BACK, _FRONT = set("аоұыяё"), set("әөүіеэи")
_VOWELS = _BACK | _FRONT | set("ую")
_KK_PATRONYMICS = ("ұлы", "қызы", "улы", "кызы")
# Abbreviated legal forms take the endings of the words they stand for, after a hyphen: «Қазпошта» АҚ-ның,
# «…» ЖШС-не (жауапкершілігі шектеулі серіктестігі).
_KK_ABBREVIATIONS = {
    "АҚ": {"gen": "ның", "dat": "ға", "abl": "нан", "acc": "ды"},
    "КЕАҚ": {"gen": "ның", "dat": "ға", "abl": "нан", "acc": "ды"},
    "ЖШС": {"gen": "нің", "dat": "не", "abl": "нен", "acc": "ін"},
}
# The ending's first consonant by the word's last sound: (genitive, dative, ablative, accusative).
_KK_AFTER = {
    "vowel": ("н", "ғ", "д", "н"),
    "sonorant": ("д", "ғ", "д", "д"),  # л р у й и ж з
    "nasal": ("н", "ғ", "н", "д"),  # м н ң
    "voiceless": ("т", "қ", "т", "т"),  # к қ п с т ш ф х ц ч щ and б в г д, which sound voiceless at the end
}


def phrase_kk(phrase: str, case: Case, *, possessive: bool | None = None) -> str:
    """A name in a Kazakh case: the ending goes on its last word («Әбенов Нұрлан Серікұлы» → «… Серікұлының»).
    `possessive` says the last word carries the third-person possessive (соты, басқармасы, Серікұлы); by default
    a patronymic is taken for one."""
    if case == "nom":
        return phrase
    if case == "ins":
        raise DeclensionError("acts use no Kazakh instrumental")
    head, _, last = phrase.rpartition(" ")
    if last in _KK_ABBREVIATIONS:
        return f"{phrase}-{_KK_ABBREVIATIONS[last][case]}"
    if possessive is None:
        possessive = last.endswith(_KK_PATRONYMICS)
    return f"{head} {_word_kk(last, case, possessive)}".strip()


def _word_kk(word: str, case: Case, possessive: bool) -> str:
    front = _front(word)
    if possessive:
        ending = {"gen": "ның", "dat": "на", "abl": "нан", "acc": "н"}[case]
        return word + (ending.replace("ы", "і").replace("а", "е") if front else ending)
    sound = _last_sound(word)
    consonant = _KK_AFTER[sound][("gen", "dat", "abl", "acc").index(case)]
    if case == "dat":
        consonant = {"ғ": "г", "қ": "к"}[consonant] if front else consonant
        return word + consonant + ("е" if front else "а")
    vowel = {"gen": ("ы", "і"), "abl": ("а", "е"), "acc": ("ы", "і")}[case][front]
    return word + consonant + vowel + ("ң" if case == "gen" else "н" if case == "abl" else "")


def _front(word: str) -> bool:
    """Vowel harmony: the last vowel that tells (у and ю do not) decides; a soft sign makes the ending front."""
    if word.endswith("ь"):
        return True
    for letter in reversed(word.lower()):
        if letter in _BACK:
            return False
        if letter in _FRONT:
            return True
    return False


def _last_sound(word: str) -> str:
    last = word.rstrip("ь").lower()[-1:]
    if last in "лрйуижз":
        return "sonorant"
    if last in "мнң":
        return "nasal"
    if last in _VOWELS:
        return "vowel"
    return "voiceless"

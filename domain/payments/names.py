"""Whether a text names a person: a statement's payer field or a purpose names a debtor in Kazakh, Russian or Latin
letters, in full or with initials ("БАЙЖАНОВА Д.Е.", "Baizhanova Dinara"), and a misspelt letter or two are forgiven."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from rapidfuzz.distance import Levenshtein

from domain.data import table

WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


@cache
def _cyrillic() -> dict[str, str]:
    return {str(k): str(v) for k, v in table("latin")["cyrillic"].items()}


@cache
def _latin() -> tuple[tuple[str, str], ...]:
    return tuple((str(a), str(b)) for a, b in table("latin")["latin"])


def spelling_key(word: str) -> str:
    """One key for the spellings of a word: Cyrillic to Latin, Latin digraphs reduced (domain/data/latin.yaml)."""
    letters = "".join(_cyrillic().get(ch, ch) for ch in word.casefold())
    for old, new in _latin():
        letters = letters.replace(old, new)
    return letters


def words(text: str) -> list[str]:
    """The words of a text as spelling keys; initials ("Д.") are words of one letter."""
    return [spelling_key(w) for w in WORD.findall(text)]


def _same_word(a: str, b: str) -> bool:
    """Two spelling keys of one word: equal, a letter apart in a word of six letters or more, or one declined
    ("Игоря", "Динару": the stem of three letters or more with an ending of at most two)."""
    if a == b or (min(len(a), len(b)) >= 6 and Levenshtein.distance(a, b) <= 1):
        return True
    short, long = sorted((a, b), key=len)
    if len(short) < 3:
        return False
    if short[-1] in "aeiouy":  # an ending replaced: Динара → Динару, Дина → Дины (never Дина → Динара)
        return long.startswith(short[:-1]) and len(long) - len(short) <= 1
    return long.startswith(short) and len(long) - len(short) <= 2  # an ending added: Игорь → Игоря, Игорем


def _fits(name: str, written: str) -> bool:
    """A first name or patronymic as the text writes it: in full, or as its initial."""
    return name[:1] == written if len(written) == 1 else _same_word(name, written)


def names_person(text: str, full_name: str) -> bool:
    """Whether `text` names the person: the surname, then the first name (or its initial) next to it, and the
    patronymic where the text gives one after them. Surname first or last, as statements and people write it."""
    person = words(full_name)
    if len(person) < 2:
        return False
    surname, given = person[0], person[1:]
    found = words(text)
    for i, word in enumerate(found):
        if not _same_word(word, surname):
            continue
        if _after(found[i + 1 :], given) or _before(found[:i], given):
            return True
    return False


def _after(written: Sequence[str], given: Sequence[str]) -> bool:
    """ "Surname First [Patronymic]": the first name right after, and an initial after it must be the patronymic's."""
    if not written or not _fits(given[0], written[0]):
        return False
    if len(given) > 1 and len(written) > 1 and len(written[1]) == 1:
        return _fits(given[1], written[1])
    return True


def _before(written: Sequence[str], given: Sequence[str]) -> bool:
    """ "First [Patronymic] Surname", or "F. P. Surname"."""
    if len(given) > 1 and len(written) >= 2 and _fits(given[0], written[-2]) and _fits(given[1], written[-1]):
        return True
    return bool(written) and _fits(given[0], written[-1])

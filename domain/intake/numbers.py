"""Amounts as documents write them: «123 456,78» in digits, «сто двадцать три тысячи … тенге 78 тиын» in words.

The words are read back to a number (the reverse of domain.words, Russian and Kazakh), so the two can be compared:
a sum whose digits and words disagree is not accepted without a person.
"""

from __future__ import annotations

import re
from decimal import Decimal

from domain.words import Lang, number_in_words


def _vocabulary(lang: Lang) -> tuple[dict[str, int], dict[str, int]]:
    """Number words and scale words, taken from domain.words itself so the two directions cannot drift apart."""
    small: dict[str, int] = {number_in_words(0, lang): 0}
    for n in (*range(1, 20), *range(20, 100, 10), *range(100, 1000, 100)):
        for feminine in (False, True):
            words = number_in_words(n, lang, feminine=feminine).split()
            if len(words) == 1:
                small[words[0]] = n
    scales: dict[str, int] = {}
    for power in range(1, 5):
        for count in (1, 2, 5):
            scales[number_in_words(count * 1000**power, lang).split()[-1]] = 1000**power
    return small, scales


_WORDS = {lang: _vocabulary(lang) for lang in ("ru", "kk")}
_SMALL = {**_WORDS["ru"][0], **_WORDS["kk"][0]}
_SCALES = {**_WORDS["ru"][1], **_WORDS["kk"][1]}
_HUNDRED = {"жүз": 100}  # Kazakh hundreds are «бір жүз», «екі жүз»: a multiplier, like a scale inside a group


def number_words(lang: str) -> frozenset[str]:
    """Every word a whole number is written with in one language."""
    small, scales = _WORDS["kk" if lang == "kk" else "ru"]
    return frozenset(small) | frozenset(scales) | (frozenset(_HUNDRED) if lang == "kk" else frozenset())


_DIGITS = re.compile(r"(?<![\d.,])(\d{1,3}(?:[ \u00a0]\d{3})*|\d+)[,.](\d{2})(?!\d)")


class NotANumber(ValueError):
    """Words that are not a number in Russian or Kazakh; the message names the first word that is not."""


def words_to_number(text: str) -> int:
    """«сто двадцать три тысячи четыреста» → 123400; «бір жүз жиырма үш мың» → 123000 (the words only)."""
    total, group, seen = 0, 0, False
    for word in text.lower().replace("ё", "е").split():
        if word in _SMALL:
            group += _SMALL[word]
        elif word in _HUNDRED:
            group = (group or 1) * 100
        elif word in _SCALES:
            total += (group or 1) * _SCALES[word]
            group = 0
        else:
            raise NotANumber(f"«{word}» is not a number word")
        seen = True
    if not seen:
        raise NotANumber("no number words")
    return total + group


def amount_from_words(text: str) -> Decimal | None:
    """The sum an amount in words states: the whole part in words, then the currency, then the minor units in
    digits («… тенге 78 тиын»); None when it does not read as one."""
    match = re.match(r"^\s*(.*?)\s+(тенге|теңге|долларов сша|долларов|ақш доллары|доллар)\s+(\d{1,2})\b", text.lower())
    if not match:
        return None
    try:
        whole = words_to_number(match.group(1))
    except NotANumber:
        return None
    return (Decimal(whole) + Decimal(int(match.group(3))) / 100).quantize(Decimal("0.01"))


def amount_from_digits(text: str) -> Decimal | None:
    """«966 297,30 теңге» → Decimal("966297.30"); None without a sum with two decimals."""
    match = _DIGITS.search(text)
    if not match:
        return None
    return Decimal(re.sub(r"\D", "", match.group(1)) + "." + match.group(2))

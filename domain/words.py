"""Whole numbers in words, Russian and Kazakh, for amounts in documents (постановления, справки-расчёты)."""

from __future__ import annotations

from typing import Literal

Lang = Literal["ru", "kk"]

_RU_UNITS_M = ("", "один", "два", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять")
_RU_UNITS_F = ("", "одна", "две", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять")
_RU_TEENS = (
    "десять",
    "одиннадцать",
    "двенадцать",
    "тринадцать",
    "четырнадцать",
    "пятнадцать",
    "шестнадцать",
    "семнадцать",
    "восемнадцать",
    "девятнадцать",
)
_RU_TENS = ("", "", "двадцать", "тридцать", "сорок", "пятьдесят", "шестьдесят", "семьдесят", "восемьдесят", "девяносто")
_RU_HUNDREDS = ("", "сто", "двести", "триста", "четыреста", "пятьсот", "шестьсот", "семьсот", "восемьсот", "девятьсот")
# (one, few, many, feminine) for 10**3, 10**6, 10**9, 10**12
_RU_SCALES = (
    ("тысяча", "тысячи", "тысяч", True),
    ("миллион", "миллиона", "миллионов", False),
    ("миллиард", "миллиарда", "миллиардов", False),
    ("триллион", "триллиона", "триллионов", False),
)

_KK_UNITS = ("", "бір", "екі", "үш", "төрт", "бес", "алты", "жеті", "сегіз", "тоғыз")
_KK_TENS = ("", "он", "жиырма", "отыз", "қырық", "елу", "алпыс", "жетпіс", "сексен", "тоқсан")
_KK_SCALES = ("мың", "миллион", "миллиард", "триллион")

MAX_NUMBER = 10**15 - 1


def number_in_words(number: int, lang: Lang, *, feminine: bool = False) -> str:
    """A whole number 0 … 10**15−1 in words; Russian agrees in gender (feminine for тысяча)."""
    if not 0 <= number <= MAX_NUMBER:
        raise ValueError(f"{number} is outside 0 … {MAX_NUMBER}")
    if number == 0:
        return "ноль" if lang == "ru" else "нөл"
    groups = _triplets(number)
    words = _ru_groups(groups, feminine) if lang == "ru" else _kk_groups(groups)
    return " ".join(words)


def russian_plural(number: int, one: str, few: str, many: str) -> str:
    """The Russian noun form for a count: 1 тысяча, 2 тысячи, 5 тысяч, 11 тысяч, 21 тысяча."""
    if 11 <= number % 100 <= 14:
        return many
    return {1: one, 2: few, 3: few, 4: few}.get(number % 10, many)


def _triplets(number: int) -> list[int]:
    """Groups of three digits, lowest first."""
    groups = []
    while number:
        number, group = divmod(number, 1000)
        groups.append(group)
    return groups


def _ru_groups(groups: list[int], feminine: bool) -> list[str]:
    words: list[str] = []
    for power in range(len(groups) - 1, -1, -1):
        group = groups[power]
        if group == 0:
            continue
        if power == 0:
            words += _ru_triplet(group, feminine)
        else:
            one, few, many, scale_feminine = _RU_SCALES[power - 1]
            words += _ru_triplet(group, scale_feminine) + [russian_plural(group, one, few, many)]
    return words


def _ru_triplet(group: int, feminine: bool) -> list[str]:
    hundreds, rest = divmod(group, 100)
    tens, units = divmod(rest, 10)
    words = [_RU_HUNDREDS[hundreds]]
    if tens == 1:
        words.append(_RU_TEENS[units])
    else:
        words += [_RU_TENS[tens], (_RU_UNITS_F if feminine else _RU_UNITS_M)[units]]
    return [word for word in words if word]


def _kk_groups(groups: list[int]) -> list[str]:
    words: list[str] = []
    for power in range(len(groups) - 1, -1, -1):
        if groups[power]:
            words += _kk_triplet(groups[power]) + ([_KK_SCALES[power - 1]] if power else [])
    return words


def _kk_triplet(group: int) -> list[str]:
    # Documents write "бір жүз", "бір мың" in full; Kazakh nouns do not change after numerals.
    hundreds, rest = divmod(group, 100)
    tens, units = divmod(rest, 10)
    words = [_KK_UNITS[hundreds], "жүз"] if hundreds else []
    return words + [word for word in (_KK_TENS[tens], _KK_UNITS[units]) if word]

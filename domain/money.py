"""Money: tenge as Decimal to the tiyn, formatting, amounts in words, exact pro-rata splits.

Rounding is ROUND_HALF_UP ("арифметическое округление"), the rule of accounting and of court calculations in
Kazakhstan; banker's rounding is not used. Amounts are rounded once, at the end of a calculation.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from fractions import Fraction

from domain.errors import InvalidAmount
from domain.words import Lang, number_in_words

TIYN = Decimal("0.01")
ZERO = Decimal("0.00")
_CURRENCY = {"ru": ("тенге", "тиын"), "kk": ("теңге", "тиын")}


def tenge(value: Decimal | int | str | Fraction) -> Decimal:
    """An amount in tenge rounded to the tiyn, half up; floats are refused (money is never float)."""
    if isinstance(value, (float, bool)):
        raise InvalidAmount(f"money must not be a float or bool: {value!r}")
    if isinstance(value, Fraction):
        return _round_fraction(value)
    try:
        amount = Decimal(value.strip().replace(" ", "").replace(",", ".") if isinstance(value, str) else value)
    except InvalidOperation:
        raise InvalidAmount(f"not an amount: {value!r}") from None
    if not amount.is_finite():
        raise InvalidAmount(f"not a finite amount: {value!r}")
    return amount.quantize(TIYN, rounding=ROUND_HALF_UP)


def format_tenge(amount: Decimal, lang: Lang = "ru") -> str:
    """'1 234 567,89 ₸': spaces between thousands, decimal comma, the tenge sign (same in ru and kk)."""
    value = tenge(amount)
    whole, fraction = f"{abs(value):.2f}".split(".")
    grouped = f"{int(whole):,}".replace(",", " ")
    return f"{'-' if value < 0 else ''}{grouped},{fraction} ₸"


def amount_in_words(amount: Decimal, lang: Lang) -> str:
    """'сто двадцать три тысячи … тенге 78 тиын' / 'бір жүз жиырма үш мың … теңге 78 тиын'; тенге is invariable."""
    value = tenge(amount)
    if value < 0:
        raise InvalidAmount(f"amount in words needs a non-negative amount, got {value}")
    whole = int(value)
    tiyn = int((value - whole) * 100)
    currency, minor = _CURRENCY[lang]
    return f"{number_in_words(whole, lang)} {currency} {tiyn:02d} {minor}"


def split_pro_rata(total: Decimal, weights: Sequence[Decimal]) -> list[Decimal]:
    """Split `total` in proportion to `weights`, to the tiyn, summing exactly (largest remainder, ties by order)."""
    total_tiyn = to_tiyn(total)
    weight_sum = sum(to_tiyn(weight) for weight in weights)
    if weight_sum == 0:
        return [ZERO for _ in weights]
    exact = [Fraction(total_tiyn * to_tiyn(weight), weight_sum) for weight in weights]
    return _largest_remainder(total_tiyn, exact)


def round_lines_to_total(exact: Sequence[Fraction]) -> list[Decimal]:
    """Round non-negative exact line amounts to the tiyn so they sum to the rounded exact total (largest remainder)."""
    if any(value < 0 for value in exact):
        raise InvalidAmount("lines to round must be non-negative")
    total_tiyn = to_tiyn(tenge(sum(exact, Fraction(0))))
    return _largest_remainder(total_tiyn, [value * 100 for value in exact])


def to_tiyn(amount: Decimal) -> int:
    """An amount as a whole number of tiyn."""
    return int(tenge(amount) * 100)


def _largest_remainder(total_tiyn: int, exact_tiyn: Sequence[Fraction]) -> list[Decimal]:
    floors = [int(share) for share in exact_tiyn]  # int() truncates toward zero; shares are non-negative
    by_remainder = sorted(range(len(floors)), key=lambda i: exact_tiyn[i] - floors[i], reverse=True)
    for index in by_remainder[: total_tiyn - sum(floors)]:
        floors[index] += 1
    return [Decimal(tiyn) * TIYN for tiyn in floors]


def _round_fraction(value: Fraction) -> Decimal:
    """Half up (away from zero at exactly half a tiyn), like Decimal's ROUND_HALF_UP."""
    magnitude = abs(value) * 100
    tiyn = int(magnitude) + (1 if magnitude - int(magnitude) >= Fraction(1, 2) else 0)
    return Decimal(-tiyn if value < 0 else tiyn) * TIYN

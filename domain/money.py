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
    if type(value) is Decimal and value.is_finite():  # the common case, kept fast
        return value.quantize(TIYN, rounding=ROUND_HALF_UP)
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
    weight_tiyn = [to_tiyn(weight) for weight in weights]
    weight_sum = sum(weight_tiyn)
    if weight_sum == 0:
        return [ZERO for _ in weights]
    # exact share = total × w / Σw; with one common denominator the remainders compare as integers
    floors, remainders = zip(*(divmod(total_tiyn * w, weight_sum) for w in weight_tiyn))
    return _largest_remainder(total_tiyn, list(floors), list(remainders))


def portion(amount: Decimal, share: Fraction) -> Decimal:
    """`amount × share` rounded half up to the tiyn, in exact integer arithmetic (e.g. a 1/3 alimony share)."""
    return _half_up(to_tiyn(amount) * share.numerator, share.denominator)


def round_lines_to_total(exact: Sequence[Fraction]) -> list[Decimal]:
    """Round non-negative exact line amounts to the tiyn so they sum to the rounded exact total (largest remainder)."""
    if any(value < 0 for value in exact):
        raise InvalidAmount("lines to round must be non-negative")
    total_tiyn = to_tiyn(tenge(sum(exact, Fraction(0))))
    in_tiyn = [value * 100 for value in exact]
    floors = [int(value) for value in in_tiyn]
    return _largest_remainder(total_tiyn, floors, [value - floor for value, floor in zip(in_tiyn, floors)])


def to_tiyn(amount: Decimal) -> int:
    """An amount as a whole number of tiyn."""
    return int(tenge(amount) * 100)


def _largest_remainder(total_tiyn: int, floors: list[int], remainders: Sequence[Fraction | int]) -> list[Decimal]:
    """Give the tiyn left after the floors to the largest remainders (ties: earlier first)."""
    by_remainder = sorted(range(len(floors)), key=lambda i: remainders[i], reverse=True)
    for index in by_remainder[: total_tiyn - sum(floors)]:
        floors[index] += 1
    return [Decimal(tiyn) * TIYN for tiyn in floors]


def _round_fraction(value: Fraction) -> Decimal:
    return _half_up(value.numerator * 100, value.denominator)


def _half_up(tiyn_numerator: int, denominator: int) -> Decimal:
    """numerator/denominator tiyn, half up (away from zero at exactly half), like ROUND_HALF_UP; integers only."""
    tiyn, remainder = divmod(abs(tiyn_numerator), denominator)
    tiyn += 2 * remainder >= denominator
    return Decimal(-tiyn if tiyn_numerator < 0 else tiyn) * TIYN

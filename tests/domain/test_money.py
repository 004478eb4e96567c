"""Money: tenge to the tiyn (ROUND_HALF_UP), formatting, amounts in words (ru/kk), exact pro-rata splits."""

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from domain.errors import InvalidAmount
from domain.money import amount_in_words, format_tenge, round_lines_to_total, split_pro_rata, tenge
from domain.words import russian_plural


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        pytest.param("0.005", "0.01", id="half_tiyn_rounds_up_not_to_even"),
        pytest.param("0.015", "0.02", id="half_up_odd"),
        pytest.param("0.025", "0.03", id="half_up_even_neighbour"),
        pytest.param("0.0049", "0.00", id="just_below_half"),
        pytest.param("-0.005", "-0.01", id="negative_half_away_from_zero"),
        pytest.param("1 234,5", "1234.50", id="spaces_and_decimal_comma"),
        pytest.param(7, "7.00", id="int"),
        pytest.param(Fraction(1, 3), "0.33", id="fraction_below_half"),
        pytest.param(Fraction(1, 200), "0.01", id="fraction_exact_half"),
        pytest.param(Fraction(-1, 200), "-0.01", id="negative_fraction_half"),
    ],
)
def test_tenge_rounds_half_up_to_the_tiyn(value: object, expected: str) -> None:
    assert tenge(value) == Decimal(expected)  # type: ignore[arg-type]
    assert str(tenge(value)) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "bad",
    [
        pytest.param(0.1, id="float"),
        pytest.param(True, id="bool"),
        pytest.param("abc", id="text"),
        pytest.param("NaN", id="nan"),
        pytest.param(Decimal("Infinity"), id="infinity"),
    ],
)
def test_tenge_refuses_what_is_not_money(bad: object) -> None:
    with pytest.raises(InvalidAmount):
        tenge(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        pytest.param("1234567.89", "1 234 567,89 ₸", id="issue_example"),
        pytest.param("0", "0,00 ₸", id="zero"),
        pytest.param("999.999", "1 000,00 ₸", id="rounds_into_next_thousand"),
        pytest.param("-1500", "-1 500,00 ₸", id="negative"),
    ],
)
def test_format_tenge(amount: str, expected: str) -> None:
    assert format_tenge(Decimal(amount), "ru") == expected
    assert format_tenge(Decimal(amount), "kk") == expected


@pytest.mark.parametrize(
    ("amount", "ru", "kk"),
    [
        pytest.param(
            "123456.78",
            "сто двадцать три тысячи четыреста пятьдесят шесть тенге 78 тиын",
            "бір жүз жиырма үш мың төрт жүз елу алты теңге 78 тиын",
            id="issue_example",
        ),
        pytest.param("0", "ноль тенге 00 тиын", "нөл теңге 00 тиын", id="zero"),
        pytest.param("1", "один тенге 00 тиын", "бір теңге 00 тиын", id="one_tenge_invariable"),
        pytest.param("0.05", "ноль тенге 05 тиын", "нөл теңге 05 тиын", id="tiyn_two_digits"),
        pytest.param("1000", "одна тысяча тенге 00 тиын", "бір мың теңге 00 тиын", id="tysyacha_singular_feminine"),
        pytest.param("2000", "две тысячи тенге 00 тиын", "екі мың теңге 00 тиын", id="tysyachi_few_feminine"),
        pytest.param("5000", "пять тысяч тенге 00 тиын", "бес мың теңге 00 тиын", id="tysyach_many"),
        pytest.param("11000", "одиннадцать тысяч тенге 00 тиын", "он бір мың теңге 00 тиын", id="teen_thousands_many"),
        pytest.param(
            "21000",
            "двадцать одна тысяча тенге 00 тиын",
            "жиырма бір мың теңге 00 тиын",
            id="twenty_one_thousand_singular",
        ),
        pytest.param("2000000", "два миллиона тенге 00 тиын", "екі миллион теңге 00 тиын", id="million_few_masculine"),
        pytest.param("5000000", "пять миллионов тенге 00 тиын", "бес миллион теңге 00 тиын", id="million_many"),
        pytest.param(
            "1001001",
            "один миллион одна тысяча один тенге 00 тиын",
            "бір миллион бір мың бір теңге 00 тиын",
            id="skips_nothing_between_scales",
        ),
        pytest.param("3000000000", "три миллиарда тенге 00 тиын", "үш миллиард теңге 00 тиын", id="milliard"),
        pytest.param(
            "40712.1",
            "сорок тысяч семьсот двенадцать тенге 10 тиын",
            "қырық мың жеті жүз он екі теңге 10 тиын",
            id="teens_and_tiyn",
        ),
        pytest.param("999.995", "одна тысяча тенге 00 тиын", "бір мың теңге 00 тиын", id="rounded_before_words"),
    ],
)
def test_amount_in_words(amount: str, ru: str, kk: str) -> None:
    assert amount_in_words(Decimal(amount), "ru") == ru
    assert amount_in_words(Decimal(amount), "kk") == kk


def test_amount_in_words_refuses_negative() -> None:
    with pytest.raises(InvalidAmount):
        amount_in_words(Decimal("-1"), "ru")


@pytest.mark.parametrize(
    ("count", "form"),
    [
        (1, "тысяча"),
        (2, "тысячи"),
        (4, "тысячи"),
        (5, "тысяч"),
        (11, "тысяч"),
        (12, "тысяч"),
        (14, "тысяч"),
        (21, "тысяча"),
        (22, "тысячи"),
        (111, "тысяч"),
        (101, "тысяча"),
        (0, "тысяч"),
    ],
)
def test_russian_plural(count: int, form: str) -> None:
    assert russian_plural(count, "тысяча", "тысячи", "тысяч") == form


@pytest.mark.parametrize(
    ("total", "weights", "shares"),
    [
        pytest.param("100", ["1", "1", "1"], ["33.34", "33.33", "33.33"], id="art_110_thirds_tie_to_first"),
        pytest.param("0.02", ["1", "1", "1"], ["0.01", "0.01", "0.00"], id="art_110_fewer_tiyn_than_creditors"),
        pytest.param("10", ["0", "5"], ["0.00", "10.00"], id="art_110_zero_weight_gets_nothing"),
        pytest.param("10", ["0", "0"], ["0.00", "0.00"], id="art_110_all_weights_zero"),
        pytest.param("1", ["1", "2"], ["0.33", "0.67"], id="art_110_largest_remainder_wins"),
    ],
)
def test_split_pro_rata(total: str, weights: list[str], shares: list[str]) -> None:
    assert split_pro_rata(Decimal(total), [Decimal(w) for w in weights]) == [Decimal(s) for s in shares]


@settings(deadline=None)
@given(st.integers(0, 10**9), st.lists(st.integers(0, 10**9), min_size=1, max_size=8))
def test_split_pro_rata_sums_exactly(total_tiyn: int, weight_tiyn: list[int]) -> None:
    shares = split_pro_rata(Decimal(total_tiyn) / 100, [Decimal(w) / 100 for w in weight_tiyn])
    assert sum(shares) == (Decimal(total_tiyn) / 100 if any(weight_tiyn) else 0)


@settings(deadline=None)
@given(st.lists(st.fractions(min_value=0, max_value=10**6, max_denominator=10**4), min_size=1, max_size=6))
def test_rounded_lines_sum_to_the_rounded_total(exact: list[Fraction]) -> None:
    lines = round_lines_to_total(exact)
    assert sum(lines) == tenge(sum(exact, Fraction(0)))
    assert all(abs(Fraction(line) - value) < Fraction(1, 100) for line, value in zip(lines, exact))

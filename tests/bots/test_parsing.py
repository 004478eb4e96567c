import datetime as dt
from decimal import Decimal

import pytest

from orynda.site.parsing import parse_amount, parse_date


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        pytest.param("1\u00a0234\u00a0567,89 ₸", Decimal("1234567.89"), id="ru_locale_nbsp"),
        pytest.param("1 234 567,89 ₸", Decimal("1234567.89"), id="plain_spaces"),
        pytest.param("3 450,00 тг.", Decimal("3450.00"), id="tg_suffix"),
        pytest.param("1.234.567,89", Decimal("1234567.89"), id="dot_thousands"),
        pytest.param("1234567.8", Decimal("1234567.80"), id="dot_decimal"),
        pytest.param("0,01 ₸", Decimal("0.01"), id="one_tiyn"),
        pytest.param("12\u202f000 KZT", Decimal("12000.00"), id="narrow_nbsp_kzt"),
    ],
)
def test_parse_amount(text: str, amount: Decimal) -> None:
    assert parse_amount(text) == amount


@pytest.mark.parametrize("text", ["", "₸", "abc", "1,2,3,4x"])
def test_parse_amount_rejects_non_amounts(text: str) -> None:
    with pytest.raises(ValueError, match="not an amount"):
        parse_amount(text)


@pytest.mark.parametrize(
    ("text", "date"),
    [
        pytest.param("05.03.2024", dt.date(2024, 3, 5), id="dotted"),
        pytest.param("2024-03-05", dt.date(2024, 3, 5), id="iso"),
        pytest.param(" 29.02.2024 ", dt.date(2024, 2, 29), id="leap_day_trimmed"),
    ],
)
def test_parse_date(text: str, date: dt.date) -> None:
    assert parse_date(text) == date


def test_parse_date_rejects_impossible_date() -> None:
    with pytest.raises(ValueError, match="not a date"):
        parse_date("30.02.2024")

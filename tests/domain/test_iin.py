"""IIN and BIN (Law 223 of 12.01.2007; decree 565): the vectors of research note §10.5, one row per rule."""

import datetime as dt

import pytest

from domain.iin import InvalidNumber, Sex, check_digit, decode_bin, decode_iin, why_invalid_bin, why_invalid_iin


@pytest.mark.parametrize(
    ("iin", "birth", "sex"),
    [
        pytest.param("791028302728", dt.date(1979, 10, 28), Sex.MALE, id="law_223_iin_valid_male_19xx"),
        pytest.param("061211600012", dt.date(2006, 12, 11), Sex.FEMALE, id="law_223_iin_valid_female_20xx"),
        pytest.param("790303402568", dt.date(1979, 3, 3), Sex.FEMALE, id="law_223_iin_valid_female_19xx"),
        pytest.param("900101300811", dt.date(1990, 1, 1), Sex.MALE, id="law_223_check_digit_second_round_valid"),
    ],
)
def test_valid_iin_decodes_birth_date_and_sex(iin: str, birth: dt.date, sex: Sex) -> None:
    assert why_invalid_iin(iin) is None
    info = decode_iin(iin)
    assert (info.birth_date, info.sex) == (birth, sex)


@pytest.mark.parametrize(
    ("iin", "reason"),
    [
        pytest.param("830717300008", "check digit is 8, expected 0", id="law_223_check_digit_mismatch"),
        pytest.param("900101300800", "never issued", id="law_223_both_rounds_give_10_never_issued"),
        pytest.param("900101300809", "never issued", id="law_223_both_rounds_give_10_any_last_digit"),
        pytest.param("000230500001", "not a real birth date", id="decree_565_30_february_rejected"),
        pytest.param("010229500001", "not a real birth date", id="decree_565_29_february_non_leap_year"),
        pytest.param("791028002728", "not a century/sex code", id="decree_565_century_digit_0"),
        pytest.param("791028702728", "not a century/sex code", id="decree_565_century_digit_7"),
        pytest.param("79102830272", "12 digits", id="law_223_eleven_digits"),
        pytest.param("7910283027281", "12 digits", id="law_223_thirteen_digits"),
        pytest.param("79102830272A", "digits only", id="law_223_letter_rejected"),
        pytest.param("７９１０２８３０２７２８", "digits only", id="law_223_fullwidth_digits_rejected"),
    ],
)
def test_invalid_iin_says_why(iin: str, reason: str) -> None:
    assert reason in (why_invalid_iin(iin) or "")
    with pytest.raises(InvalidNumber, match="invalid IIN"):
        decode_iin(iin)


def test_leap_day_in_leap_year_is_a_valid_birth_date() -> None:
    first11 = "000229500001"[:11]
    digit = check_digit(first11)
    assert digit is not None
    assert decode_iin(first11 + str(digit)).birth_date == dt.date(2000, 2, 29)


@pytest.mark.parametrize(
    ("first11", "digit"),
    [
        pytest.param("90010130081", 1, id="law_223_first_round_10_second_round_1"),
        pytest.param("90010130080", None, id="law_223_both_rounds_10_no_digit"),
        pytest.param("83071730000", 0, id="law_223_first_round_0"),
    ],
)
def test_check_digit(first11: str, digit: int | None) -> None:
    assert check_digit(first11) == digit


@pytest.mark.parametrize(
    ("bin_", "entity_type", "attribute"),
    [
        pytest.param("940140000385", "resident legal entity", "head unit", id="law_223_bin_valid_1994"),
        pytest.param("990140004654", "resident legal entity", "head unit", id="law_223_bin_valid_1999"),
    ],
)
def test_valid_bin_decodes_type_and_attribute(bin_: str, entity_type: str, attribute: str) -> None:
    info = decode_bin(bin_)
    assert (info.entity_type, info.attribute) == (entity_type, attribute)
    assert info.registered == (int(bin_[:2]), int(bin_[2:4]))


@pytest.mark.parametrize(
    ("bin_", "reason"),
    [
        pytest.param("940140000386", "check digit is 6, expected 5", id="law_223_bin_check_digit_mismatch"),
        pytest.param("941340000385", "registration month", id="decree_565_bin_month_13"),
        pytest.param("940030000385", "registration month", id="decree_565_bin_month_00"),
        pytest.param("940130000385", "entity type", id="decree_565_bin_type_3"),
        pytest.param("940144000385", "attribute", id="decree_565_bin_attribute_4"),
        pytest.param("94014000038", "12 digits", id="law_223_bin_eleven_digits"),
    ],
)
def test_invalid_bin_says_why(bin_: str, reason: str) -> None:
    assert reason in (why_invalid_bin(bin_) or "")
    with pytest.raises(InvalidNumber, match="invalid BIN"):
        decode_bin(bin_)

import pytest

from orynda.masking import mask_iin, mask_name, mask_text


@pytest.mark.parametrize(
    ("iin", "masked"),
    [
        pytest.param("900101300811", "9001******11", id="twelve_digits"),
        pytest.param("061211600012", "0612******12", id="leading_zero_kept"),
        pytest.param("123", "***", id="too_short_fully_hidden"),
    ],
)
def test_mask_iin(iin: str, masked: str) -> None:
    assert mask_iin(iin) == masked


def test_mask_name_keeps_initials_only() -> None:
    assert mask_name("Әбенов Нұрлан Серікұлы") == "Ә***** Н***** С*******"


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        pytest.param("debtor 900101300811 not found", "debtor 9001******11 not found", id="iin_in_text"),
        pytest.param("IINs 900101300811,061211600012.", "IINs 9001******11,0612******12.", id="two_iins"),
        pytest.param("amount 1234567890123 tenge", "amount 1234567890123 tenge", id="thirteen_digits_untouched"),
        pytest.param("phone 87011234567", "phone 87011234567", id="eleven_digits_untouched"),
    ],
)
def test_mask_text(text: str, masked: str) -> None:
    assert mask_text(text) == masked

# ruff: noqa: E501  (a worked example per row, each on its own line)
"""A payment on the deposit account matched to its debtor, or left to a person with the candidates: one row per
way a payer writes a payment (statements' real habits: the number, a digit off, only the IIN, a relative paying)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from domain.payments.matching import CaseBook, Doubt, MatchedBy, match_payment
from domain.payments.names import names_person, spelling_key
from domain.records import CaseSummary, CreditorCategory, IncomingPayment

DINARA = ("820428495398", "Байжанова Динара Ержанқызы")
NAMESAKE = ("850101400123", "Байжанова Динара Ержанқызы")  # another debtor of the same name
IGOR = ("840226333406", "Васильев Игорь Викторович")
STRANGER = "770707300111"


def summary(number: str, debtor: tuple[str, str]) -> CaseSummary:
    return CaseSummary(
        number=number,
        opened=dt.date(2025, 3, 1),
        debtor_iin=debtor[0],
        debtor_name=debtor[1],
        category=CreditorCategory.BANK_LOANS,
        amount=Decimal("100000"),
        collected=Decimal("0"),
        remaining=Decimal("100000"),
        status="active",
    )


BOOK = CaseBook(
    [
        summary("2312-000000-526", DINARA),
        summary("2209-000001-490", DINARA),
        summary("2116-000010-497", IGOR),
        summary("2401-000044-101", NAMESAKE),
    ]
)


def paid(purpose: str, payer: str = "", payer_id: str = "") -> IncomingPayment:
    return IncomingPayment(
        reference="TX1", received=dt.date(2026, 12, 1), amount=Decimal("5000"), payer_name=payer, payer_id=payer_id,
        purpose=purpose,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("payment", "debtor", "by", "cited"),
    [
        pytest.param(paid("Оплата по ИП №2312-000000-526"), DINARA[0], MatchedBy.NUMBER, "2312-000000-526", id="number"),
        pytest.param(paid("ИӨ 2116 000010 497 бойынша төлем"), IGOR[0], MatchedBy.NUMBER, "2116-000010-497", id="kk_spaces"),
        pytest.param(
            paid("по ИП 2312-000000-562", "БАЙЖАНОВА Д.Е.", DINARA[0]),
            DINARA[0], MatchedBy.NUMBER_CONFIRMED, "2312-000000-526", id="two_digits_swapped_confirmed_by_iin",
        ),
        pytest.param(
            paid("по ИП 2116-00010-497", "Васильев И.В."),
            IGOR[0], MatchedBy.NUMBER_CONFIRMED, "2116-000010-497", id="digit_missing_confirmed_by_name",
        ),
        pytest.param(paid("погашение долга", "БАЙЖАНОВА Д.Е.", DINARA[0]), DINARA[0], MatchedBy.PAYER_IIN, None, id="iin"),
        pytest.param(paid("за Васильева, ИИН 840226333406", "Васильева Ольга"), IGOR[0], MatchedBy.IIN_IN_PURPOSE, None, id="iin_in_purpose"),
        pytest.param(paid("за Васильева Игоря Викторовича", "Васильева О.П.", STRANGER), IGOR[0], MatchedBy.NAME, None, id="relative_names_debtor"),
        pytest.param(paid("Vasilev Igor, dolg", "VASILEV IGOR"), IGOR[0], MatchedBy.NAME, None, id="latin_spelling"),
    ],
)  # fmt: skip
def test_a_payment_is_matched_to_its_debtor(
    payment: IncomingPayment, debtor: str, by: MatchedBy, cited: str | None
) -> None:
    match = match_payment(payment, BOOK)
    assert (match.debtor_iin, match.by, match.cited, match.doubt) == (debtor, by, cited, None)
    assert match.sure


@pytest.mark.parametrize(
    ("payment", "doubt", "candidates"),
    [
        pytest.param(paid("долг", "Байжанова Динара"), Doubt.NAME_OF_SEVERAL, {DINARA[0], NAMESAKE[0]}, id="namesakes_not_mixed"),
        pytest.param(paid("по ИП 2312-000000-562"), Doubt.NUMBER_UNCONFIRMED, {DINARA[0]}, id="typo_nothing_confirms"),
        pytest.param(
            paid("по ИП 2312-000000-526", "Васильев И.В.", IGOR[0]),
            Doubt.NUMBER_AND_PAYER_DISAGREE, {DINARA[0], IGOR[0]}, id="number_of_one_payer_of_another",
        ),
        pytest.param(paid("возврат займа", "ТОО Рога", STRANGER), Doubt.NOTHING_MATCHES, set(), id="stranger"),
        pytest.param(paid(""), Doubt.NOTHING_MATCHES, set(), id="empty_purpose"),
        pytest.param(paid("Возврат займа", "Васильев Игорь Викторович", STRANGER), Doubt.PAYER_NAMESAKE, {IGOR[0]}, id="a_namesake_pays_under_own_iin"),
    ],
)  # fmt: skip
def test_a_doubtful_payment_waits_for_a_person_with_its_candidates(
    payment: IncomingPayment, doubt: Doubt, candidates: set[str]
) -> None:
    match = match_payment(payment, BOOK)
    assert not match.sure and match.debtor_iin is None
    assert match.doubt == doubt and {c.debtor_iin for c in match.candidates} == candidates


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("БАЙЖАНОВА Д.Е.", True),
        ("Baizhanova Dinara", True),
        ("Д.Е. Байжанова", True),
        ("за Байжанову Динару", True),  # declined: one letter apart
        ("Байжанова А.Е.", False),  # another first name
        ("Байжанова Д.А.", False),  # another patronymic
        ("Байжанов Данияр", False),
        ("Байжанова", False),  # a surname alone names nobody
        ("Байжанова Дина", False),  # Дина is not Динара
        ("Байжановой Динары Ержанқызы", True),  # genitive
    ],
)
def test_a_text_names_a_person(text: str, named: bool) -> None:
    assert names_person(text, DINARA[1]) is named


def test_spellings_of_one_name_meet() -> None:
    assert len({spelling_key(w) for w in ("Жақсыбекова", "Жаксыбекова", "Zhaksybekova", "Jaqsybekova")}) == 1


@pytest.mark.parametrize(
    ("payment", "proceedings"),
    [
        pytest.param(paid("Оплата по ИП №2312-000000-526"), ["2312-000000-526"], id="the_number_names_one"),
        pytest.param(paid("по ИП 2312-000000-562", "БАЙЖАНОВА Д.Е.", DINARA[0]), ["2312-000000-526"], id="mistyped_names_one"),
        pytest.param(paid("погашение долга", "БАЙЖАНОВА Д.Е.", DINARA[0]), ["2209-000001-490", "2312-000000-526"], id="iin_pays_all_by_queue"),
        pytest.param(paid("за Байжанову Динару", "Иванов И."), [], id="namesakes_a_person_decides"),
    ],
)  # fmt: skip
def test_what_a_payment_pays(payment: IncomingPayment, proceedings: list[str]) -> None:
    assert match_payment(payment, BOOK).paid(BOOK) == proceedings

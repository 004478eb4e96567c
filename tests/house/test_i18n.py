"""The text catalogue: every key in Kazakh, Russian and English; values formatted as the cells show them."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from orynda.i18n import catalogue, missing_translations, parse_day, texts


def test_every_text_has_kazakh_russian_and_english() -> None:
    assert catalogue(), "the catalogue is empty"
    assert missing_translations() == []


def test_kazakh_texts_are_not_russian_and_russian_are_not_english() -> None:
    kazakh_only = set("әғқңөұүһі")
    for key, entry in catalogue().items():
        if key.startswith(("site.", "language.")):
            continue
        assert entry["kk"] != entry["en"] and entry["ru"] != entry["en"], key
    assert any(kazakh_only & set(entry["kk"].lower()) for entry in catalogue().values())


@pytest.mark.parametrize(
    ("lang", "key", "values", "text"),
    [
        ("kk", "status.done", {}, "Аяқталды"),
        ("ru", "status.done_with_failures", {}, "Завершён с ошибками"),
        ("ru", "site.bank_qazyna", {}, "Банк Qazyna"),
        ("en", "state.business_exception", {}, "business exception"),
    ],
    ids=["kk", "ru", "site", "en"],
)
def test_a_key_reads_in_its_language(lang: str, key: str, values: dict[str, object], text: str) -> None:
    assert texts(lang)(key, **values) == text


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (Decimal("19207002.35"), "19 207 002,35 ₸"),
        (Decimal("-5"), "-5,00 ₸"),
        (dt.date(2026, 3, 8), "08.03.2026"),
        (dt.datetime(2026, 3, 8, 22, 5), "08.03.2026 22:05"),
        (True, "иә"),
        (12, "12"),
    ],
    ids=["money", "negative", "date", "datetime", "bool", "int"],
)
def test_values_are_shown_as_in_the_cells(value: object, shown: str) -> None:
    assert texts("kk").value(value) == shown


def test_an_unknown_site_keeps_its_identifier_and_an_unknown_key_raises() -> None:
    assert texts("ru").site("land_registry") == "land_registry"
    with pytest.raises(KeyError, match="no text"):
        texts("ru")("report.no_such_key")


@pytest.mark.parametrize(
    ("typed", "day"),
    [
        ("08.03.2026", dt.date(2026, 3, 8)),
        ("2026-03-08", dt.date(2026, 3, 8)),
        (" 31.12.2025 ", dt.date(2025, 12, 31)),
    ],
    ids=["day-first", "iso", "spaces"],
)
def test_dates_are_typed_day_first_or_iso(typed: str, day: dt.date) -> None:
    assert parse_day(typed) == day


def test_a_date_that_is_not_one_is_refused_with_the_forms_it_takes() -> None:
    with pytest.raises(ValueError, match="dd.mm.yyyy"):
        parse_day("2026/03/08")


def test_every_entry_has_exactly_the_three_languages() -> None:
    """An unquoted comma in a YAML flow mapping splits a text into stray keys: `{ru: Должников, с которых ...}`."""
    assert {key: sorted(entry) for key, entry in catalogue().items() if set(entry) != {"kk", "ru", "en"}} == {}


@pytest.mark.parametrize(
    ("lang", "key", "values", "text"),
    [
        ("ru", "finding.tax_overpayment.message", {"overpayment": "19207002.35"}, "19 207 002,35 ₸"),
        (
            "kk",
            "finding.employer_found.message",
            {"employer": "ТОО «Жаңа»", "month": "2026-10-01", "income": "500000", "withheld_max": "250000.00"},
            "10.2026 үшін",
        ),
        ("ru", "finding.lift_restrictions.action", {"measures": ["exit_ban"], "due": "2026-12-01"}, "до 01.12.2026"),
        (
            "kk",
            "finding.lift_restrictions.message",
            {"measures": "account_arrest, exit_ban"},
            "банк шоттарына тыйым, Қазақстан Республикасынан шығуға уақытша шектеу",
        ),
        (
            "ru",
            "finding.realty_not_arrested.asset",
            {"kind": "flat", "cadastral": "20-311", "address": "Алматы", "area": "1254.2", "share": "1/2"},
            "Квартира 20-311, Алматы, 1 254,2 м², доля 1/2",
        ),
        ("ru", "finding.exit_ban_in_force.message", {"proceedings": ["A-1", "A-2"]}, "производства: A-1, A-2"),
        ("ru", "report.summary.no_answer_from", {"site": "Банк Qazyna"}, "не ответил: Банк Qazyna"),
    ],
    ids=["money-from-text", "month", "date-from-text", "measures-from-text", "identifier-and-number", "list", "plain"],
)
def test_a_placeholder_reads_its_value_as_its_spec_says(
    lang: str, key: str, values: dict[str, object], text: str
) -> None:
    assert text in texts(lang)(key, **values)


def test_an_identifier_the_catalogue_lacks_is_shown_as_it_is() -> None:
    assert texts("ru")("finding.lift_restrictions.action", measures=["court_ban"], due="2026-12-01") == (
        "Снять до 01.12.2026: court_ban"
    )

"""Intake's parsers, cross-checks and decision on a table of texts in Kazakh and Russian."""

from __future__ import annotations

from decimal import Decimal

import pytest

from domain.intake.decision import ACCEPT, RETURN, REVIEW, decide
from domain.intake.fields import FIELDS, read_fields, reading_from_data
from domain.intake.names import why_doubtful_name
from domain.intake.numbers import amount_from_digits, amount_from_words, words_to_number
from domain.intake.page import Line, Page, Word, page_from_text
from domain.words import number_in_words

RU = """Алмалинский районный суд г. Алматы
ИСПОЛНИТЕЛЬНЫЙ ЛИСТ
Дело № 2-4821/2026
Дата вынесения судебного акта: 14.04.2026
Дата вступления в законную силу: 20.05.2026
Дата выдачи: 25.05.2026
Должник: Иванов Сергей Александрович
ИИН: 850312300121
Дата рождения: 12.03.1985
Адрес: г. Алматы, ул. Абая, д. 10,
кв. 5
Взыскатель: АО «Sandyq Bank»
БИН: 940240003859
Адрес: г. Алматы, ул. Абая, д. 52
Резолютивная часть: Взыскать с должника в пользу взыскателя задолженность по займу, обеспеченному
залогом, с обращением взыскания на заложенное имущество.
Сумма взыскания: 1 234 567,89 тенге
Сумма прописью: один миллион двести тридцать четыре тысячи пятьсот шестьдесят семь тенге 89 тиын
Периодичность платежей: единовременно
Судья ____________ Ахметов Н.
М.П."""

KK = """Тараз қалалық соты
АЛИМЕНТ ӨНДІРІП АЛУ ТУРАЛЫ СОТ
БҰЙРЫҒЫ
Іс № 2п-1180/2026
Сот актісі шығарылған күн: 02.02.2026
Заңды күшіне енген күні: 16.02.2026
Берілген күні: 20.02.2026
Борышкер: Нұрланов Асқар Серікұлы
ЖСН: 900715350120
Туған күні: 15.07.1990
Мекенжайы: Жамбыл обл., Тараз қ., Абай көшесі, 126-үй, 7-пәтер
Өндіріп алушы: Нұрланова Айгүл Болатқызы
ЖСН: 920101450122
Мекенжайы: Жамбыл обл., Тараз қ., Абай көшесі, 126-үй, 7-пәтер
Қарар бөлігі: Борышкерден өндіріп алушының пайдасына кәмелетке толмаған баланы асырауға алимент
ай сайын өндіріп алынсын.
Алимент мөлшері: 1/4 барлық табыс түрлерінің бөлігі
Төлем мерзімділігі: ай сайын
Судья ____________ Оспанов Е.
М.О."""

RU_TRUTH = {
    "court": "Алмалинский районный суд г. Алматы",
    "case_number": "2-4821/2026",
    "decision_date": "14.04.2026",
    "issue_date": "25.05.2026",
    "in_force_date": "20.05.2026",
    "debtor_name": "Иванов Сергей Александрович",
    "debtor_iin": "850312300121",
    "debtor_birth_date": "12.03.1985",
    "debtor_address": "г. Алматы, ул. Абая, д. 10, кв. 5",
    "creditor_name": "АО «Sandyq Bank»",
    "creditor_id": "940240003859",
    "amount": "1234567.89",
    "amount_words": "один миллион двести тридцать четыре тысячи пятьсот шестьдесят семь тенге 89 тиын",
    "currency": "KZT",
    "alimony_share": "",
    "periodic": "no",
    "category": "pledge",
}
KK_TRUTH = {
    "court": "Тараз қалалық соты",
    "case_number": "2п-1180/2026",
    "decision_date": "02.02.2026",
    "issue_date": "20.02.2026",
    "in_force_date": "16.02.2026",
    "debtor_name": "Нұрланов Асқар Серікұлы",
    "debtor_iin": "900715350120",
    "debtor_birth_date": "15.07.1990",
    "debtor_address": "Жамбыл обл., Тараз қ., Абай көшесі, 126-үй, 7-пәтер",
    "creditor_name": "Нұрланова Айгүл Болатқызы",
    "creditor_id": "920101450122",
    "amount": "",
    "amount_words": "",
    "currency": "",
    "alimony_share": "1/4",
    "periodic": "yes",
    "category": "alimony",
}


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("ноль", 0),
        ("один", 1),
        ("одна тысяча", 1000),
        ("двадцать одна тысяча сто", 21100),
        ("сто двадцать три тысячи четыреста пятьдесят шесть", 123456),
        ("два миллиона пять", 2000005),
        ("нөл", 0),
        ("бір жүз", 100),
        ("жүз", 100),
        ("бір мың", 1000),
        ("тоғыз жүз алпыс алты мың екі жүз тоқсан жеті", 966297),
        ("он сегіз миллион жетпіс сегіз мың сегіз жүз он екі", 18078812),
    ],
)
def test_number_words_read_back(text: str, number: int) -> None:
    assert words_to_number(text) == number


@pytest.mark.parametrize("number", [1, 19, 20, 99, 100, 101, 999, 1000, 1001, 21000, 999999, 10**9 + 7, 10**15 - 1])
@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_words_to_number_reverses_number_in_words(number: int, lang: str) -> None:
    assert words_to_number(number_in_words(number, lang)) == number  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("сто тенге 05 тиын", Decimal("100.05")),
        ("жиырма бір мың алты жүз жиырма бес теңге 00 тиын", Decimal("21625.00")),
        ("семь тысяч пятьсот двадцать восемь долларов США 96 центов", Decimal("7528.96")),
        ("сто тенге", None),  # no minor units: not a sum as documents write it
        ("сто рублей 00 копеек", None),
        ("стоп тенге 00 тиын", None),
    ],
)
def test_amount_from_words(text: str, amount: Decimal | None) -> None:
    assert amount_from_words(text) == amount


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("Сумма взыскания: 1 234 567,89 тенге", Decimal("1234567.89")),
        ("Өндірілетін сома: 21 625,00 теңге", Decimal("21625.00")),
        ("966297.30", Decimal("966297.30")),
        ("Сумма: 1 234 тенге", None),
    ],
)
def test_amount_from_digits(text: str, amount: Decimal | None) -> None:
    assert amount_from_digits(text) == amount


@pytest.mark.parametrize(
    ("text", "kind", "language", "truth"),
    [(RU, "writ", "ru", RU_TRUTH), (KK, "alimony_order", "kk", KK_TRUTH)],
)
def test_a_text_layer_reads_every_field(text: str, kind: str, language: str, truth: dict[str, str]) -> None:
    reading = read_fields(page_from_text(text))
    assert (reading.kind, reading.language) == (kind, language)
    assert {name: reading.value(name) for name in FIELDS} == truth
    decision = decide(reading)
    assert (decision.outcome, decision.reasons) == (ACCEPT, ())


@pytest.mark.parametrize(
    ("replace", "by", "field", "value"),
    [
        ("Дело № 2-4821/2026", "Дело No 2-4821/2026", "case_number", "2-4821/2026"),  # № read as No
        ("Дата выдачи: 25.05.2026", "Дата выдачн: 25.05.2026", "issue_date", "25.05.2026"),
        ("ИИН: 850312300121", "ИИН: 850312300121;", "debtor_iin", "850312300121"),  # a stray mark after it
        ("ИИН: 850312300121", "ИИН: 85О312300121", "debtor_iin", "850312300121"),  # О read for 0
        ("ИИН: 850312300121", "ИИН: 8503 1230 0121", "debtor_iin", "850312300121"),
        ("кв. 5", "KB. 5", "debtor_address", "г. Алматы, ул. Абая, д. 10, кв. 5"),  # Latin look-alikes
        ("12.03.1985", "12 .03. 1985", "debtor_birth_date", "12.03.1985"),
        ("единовременно", "единовременно.", "periodic", "no"),
        ("Алмалинский районный суд", "Алмалинскнй районный суд", "court", "Алмалинский районный суд г. Алматы"),
    ],
)
def test_small_misreadings_are_put_right(replace: str, by: str, field: str, value: str) -> None:
    assert replace in RU
    assert read_fields(page_from_text(RU.replace(replace, by))).value(field) == value


@pytest.mark.parametrize(
    ("replace", "by", "field", "value"),
    [
        ("7-пәтер", "7-пэтер", "debtor_address", KK_TRUTH["debtor_address"]),  # ә read as э
        ("Іс №", "1с №", "case_number", "2п-1180/2026"),
        ("Туған күні", "Туған кун", "debtor_birth_date", "15.07.1990"),
    ],
)
def test_small_misreadings_are_put_right_in_kazakh(replace: str, by: str, field: str, value: str) -> None:
    assert replace in KK
    assert read_fields(page_from_text(KK.replace(replace, by))).value(field) == value


def test_a_kazakh_sum_in_words_gets_its_own_currency_word_back() -> None:
    words = "Сома жазбаша: жиырма бір мың алты жүз жиырма бес тенге 00 тиын"
    text = KK.replace(
        "Алимент мөлшері: 1/4 барлық табыс түрлерінің бөлігі", f"Өндірілетін сома: 21 625,00 теңге\n{words}"
    )
    reading = read_fields(page_from_text(text))
    assert reading.value("amount_words") == "жиырма бір мың алты жүз жиырма бес теңге 00 тиын"
    assert (reading.value("amount"), reading.value("currency")) == ("21625.00", "KZT")


@pytest.mark.parametrize(
    ("replace", "by", "outcome", "reason"),
    [
        ("ИИН: 850312300121", "ИИН: 850312300128", REVIEW, "iin_check_digit"),
        ("Дата рождения: 12.03.1985", "Дата рождения: 13.03.1985", REVIEW, "birth_date_mismatch"),
        ("пятьсот шестьдесят семь тенге", "пятьсот шестьдесят восемь тенге", REVIEW, "amount_words_mismatch"),
        ("Сумма прописью: один", "Сумма прописью: адин", REVIEW, "amount_words_unreadable"),
        ("Алмалинский районный суд г. Алматы", "Павлодарский городской суд", REVIEW, "unknown_court"),
        ("БИН: 940240003859", "БИН: 940240003852", REVIEW, "creditor_id_invalid"),
        ("Дата выдачи: 25.05.2026", "Дата выдачи: 35.05.2026", REVIEW, "unreadable:issue_date"),
        ("Дело № 2-4821/2026\n", "", RETURN, "missing_required_detail:case_number"),
        ("ИИН: 850312300121\n", "", RETURN, "missing_required_detail:debtor_iin"),
        ("Дата вступления в законную силу: 20.05.2026\n", "", RETURN, "missing_required_detail:in_force_date"),
        ("Адрес: г. Алматы, ул. Абая, д. 10,\nкв. 5\n", "", RETURN, "missing_required_detail:debtor_address"),
    ],
)
def test_checks_send_a_doubtful_document_to_a_person_and_return_an_incomplete_one(
    replace: str, by: str, outcome: str, reason: str
) -> None:
    assert replace in RU
    decision = decide(read_fields(page_from_text(RU.replace(replace, by))))
    assert decision.outcome == outcome
    assert reason in decision.reasons
    assert decision.article == ("Law 261-IV art. 38 p.1 sub.4" if outcome == RETURN else None)


def test_agreeing_details_raise_confidence_and_disagreeing_ones_lower_it() -> None:
    shaky = page_from_text(RU, confidence=0.8)
    assert decide(read_fields(shaky)).outcome == REVIEW  # names and dates at 0.8 are below the threshold
    checked = decide(read_fields(shaky)).fields
    assert checked["debtor_iin"].confidence > 0.8 and checked["amount"].confidence > 0.8
    wrong = decide(read_fields(page_from_text(RU.replace("ИИН: 850312300121", "ИИН: 850312300128"), confidence=0.99)))
    assert wrong.fields["debtor_iin"].confidence <= 0.3


def test_one_doubtful_word_makes_its_field_doubtful() -> None:
    lines = list(page_from_text(RU).lines)
    at = next(k for k, line in enumerate(lines) if line.text.startswith("ИИН"))
    lines[at] = Line((Word("ИИН:", 0.97), Word("850312300121", 0.0)))  # the number read differently twice
    decision = decide(read_fields(Page(tuple(lines), ocr=True)))
    assert decision.outcome == REVIEW
    assert decision.fields["debtor_iin"].confidence < 0.85


def test_a_scan_read_with_doubt_goes_to_a_person_rather_than_back_to_the_court() -> None:
    page = page_from_text(RU.replace("Дело № 2-4821/2026\n", ""), confidence=0.6, ocr=True)
    decision = decide(read_fields(page))
    assert decision.outcome == REVIEW
    assert "missing_required_detail:case_number" in decision.reasons


def test_a_page_without_a_known_title_is_for_a_person() -> None:
    decision = decide(read_fields(page_from_text(RU.replace("ИСПОЛНИТЕЛЬНЫЙ ЛИСТ", "СПРАВКА"))))
    assert decision.outcome in (REVIEW, RETURN)
    assert decision.kind is None
    assert "unknown_kind" in [finding.code for finding in decision.findings]


def test_structured_data_is_checked_like_a_reading() -> None:
    assert decide(reading_from_data(RU_TRUTH, "writ", "ru")).outcome == ACCEPT
    flawed = {**RU_TRUTH, "debtor_iin": "850312300128"}
    assert decide(reading_from_data(flawed, "writ", "ru")).reasons == ("iin_check_digit",)
    missing = {**KK_TRUTH, "in_force_date": ""}
    decision = decide(reading_from_data(missing, "alimony_order", "kk"))
    assert (decision.outcome, decision.reasons) == (RETURN, ("missing_required_detail:in_force_date",))
    notary = {**RU_TRUTH, "court": "Нотариус г. Алматы Сейтова Айгуль Болатовна", "in_force_date": ""}
    assert decide(reading_from_data(notary, "notary_inscription", "ru")).outcome == ACCEPT


@pytest.mark.parametrize(
    ("name", "person", "doubtful"),
    [
        ("Төлеуова Іңкәр Мұратқызы", True, False),
        ("Смирнов Алексей Александрович", True, False),
        ("Телеуова [нкэр Мұратқызы", True, True),  # a bracket for a letter OCR could not read
        ("Төлеуова Іңкәр Мураткызы", True, True),  # the patronymic lost its Kazakh letters
        ("Иванов Сeргей Александрович", True, True),  # a Latin e inside a Cyrillic word
        ("ивaнов", True, True),
        ("«Sandyq Bank» АҚ", False, False),
        ("АО «Страховая компания «Сарыарқа»", False, False),
        ("АО «бапдуа Bank»", False, True),  # a Latin name half read as Cyrillic
        ("«Оа?упа Bank» АҚ", False, True),
    ],
)
def test_names_that_ocr_garbled_are_doubtful(name: str, person: bool, doubtful: bool) -> None:
    assert (why_doubtful_name(name, person=person) is not None) == doubtful


def test_a_garbled_creditor_name_is_put_right_from_the_register_by_its_bin() -> None:
    decision = decide(read_fields(page_from_text(RU.replace("АО «Sandyq Bank»", "АО «бапдуа Bank»"))))
    assert (decision.outcome, decision.values()["creditor_name"]) == (ACCEPT, "АО «Sandyq Bank»")


@pytest.mark.parametrize(
    ("name", "bin_", "reason"),
    [
        ("АО «бапдуа Bank»", "050340012302", "name_doubtful"),  # a BIN the register does not know
        ("ТОО «Нұр Құрылыс»", "940240003859", "creditor_name_mismatch"),  # the BIN is another organisation's
    ],
)
def test_a_creditor_name_the_register_cannot_vouch_for_is_for_a_person(name: str, bin_: str, reason: str) -> None:
    text = RU.replace("АО «Sandyq Bank»", name).replace("БИН: 940240003859", f"БИН: {bin_}")
    decision = decide(read_fields(page_from_text(text)))
    assert (decision.outcome, decision.reasons) == (REVIEW, (reason,))

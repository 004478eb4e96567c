"""Every field of each act in Kazakh and Russian, as worked examples: amounts in digits and words, deadlines by the
law's terms (counted per CC arts. 173–175 on Kazakhstan's calendar), the people and property named."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from domain.checks.assets import DebtorFile
from domain.documents import DocumentDataError, Draft, Fields, default_office, document_fields, long_date
from domain.records import Party, Words
from tests.documents.examples import BANK, FILER, IIN, ON, case, debtor, every_kind

EXAMPLES = {(d.kind.name, d.purpose, d.finding.code if d.finding else ""): (d, of) for d, of in every_kind()}


def fields(kind: str, lang: str, purpose: str = "", code: str = "", **changes: object) -> Fields:
    key = next(k for k in EXAMPLES if k[0] == kind and k[1] == purpose and (not code or k[2] == code))
    draft, of = EXAMPLES[key]
    if changes:
        of = replace(of, **changes)  # type: ignore[arg-type]
    number = f"ORY-2026-000042-{lang.upper()}"
    out = document_fields(
        draft,
        of,
        lang,
        number=number,
        act="ORY-2026-000042",
        on=ON,  # type: ignore[arg-type]
        office=default_office(),
        bailiff=FILER,
    )
    return {k: v.replace("\u00a0", " ") if isinstance(v, str) else v for k, v in out.items()}


RU_DEBT = "один миллион двести тридцать четыре тысячи пятьсот шестьдесят семь тенге 89 тиын"
KK_DEBT = "бір миллион екі жүз отыз төрт мың бес жүз алпыс жеті теңге 89 тиын"


@pytest.mark.parametrize(
    ("kind", "purpose", "lang", "expected"),
    [
        pytest.param(
            "opening",
            "",
            "ru",
            {"amount": "1 234 567,89 ₸", "amount_words": RU_DEBT, "exec_kind_of": "исполнительного листа"},
            id="art_37_opening_sum_of_the_writ",
        ),
        pytest.param(
            "opening",
            "",
            "kk",
            {"amount": "1 234 567,89 ₸", "amount_words": KK_DEBT, "exec_kind": "атқару парағы"},
            id="art_37_opening_kk",
        ),
        pytest.param(
            "notice",
            "voluntary",
            "ru",
            {
                "deadline": "30.11.2026",
                "fee": "185 185,18 ₸",
                "fee_words": "сто восемьдесят пять тысяч сто восемьдесят пять тенге 18 тиын",
                "voluntary": True,
                "exit_warning": False,
            },
            id="art_37_p4_five_calendar_days_and_the_art_118_fee",
        ),
        pytest.param(
            "notice",
            "exit_ban_warning",
            "kk",
            {
                "deadline": "02.12.2026",
                "earliest": "03.12.2026",
                "threshold": "173 000,00 ₸",
                "threshold_words": "бір жүз жетпіс үш мың теңге 00 тиын",
                "amount_words": KK_DEBT,
                "exit_warning": True,
            },
            id="art_33_five_working_days_then_restriction_over_40_mci",
        ),
        pytest.param(
            "account_arrest",
            "",
            "ru",
            {
                "account": "KZ12345678901234567",
                "currency": "KZT",
                "balance": "45 000,50 ₸",
                "balance_words": "сорок пять тысяч тенге 50 тиын",
                "bank": "АО «Sandyq Bank»",
                "amount": "1 234 567,89 ₸",
                "arrest": "45 000,50 ₸",  # the whole balance: less than owed + fee
                "arrest_words": "сорок пять тысяч тенге 50 тиын",
                "limit": "1 419 753,07 ₸",  # 1 234 567,89 owed + 185 185,18 fee (art. 55 p.5)
                "arrest_fee": "185 185,18 ₸",
                "arrest_costs": "0,00 ₸",
            },
            id="art_32_55_account_arrested_within_its_balance",
        ),
        pytest.param(
            "wage_levy",
            "",
            "kk",
            {
                "employer": "«Жұмыс» ЖШС",  # ENPF's ТОО «Жұмыс» with the Kazakh legal form
                "employer_bin": "940140000385",
                "percent": "50",
                "monthly": "250 000,00 ₸",
                "monthly_words": "екі жүз елу мың теңге 00 тиын",
            },
            id="art_95_half_of_an_income_of_500000",
        ),
        pytest.param(
            "exit_ban",
            "",
            "ru",
            {
                "warning_act": "ORY-2026-000900",
                "warning_date": "16.11.2026",
                "court_sanction": True,
                "threshold": "173 000,00 ₸",
            },
            id="art_33_after_the_warning_sanctioned_by_court",
        ),
        pytest.param(
            "exit_ban_lift",
            "",
            "kk",
            {
                "amount": "1 234 567,89 ₸",
                "lift_deadline": "26.11.2026",
                "restriction": "Қазақстан Республикасынан шығуға уақытша шектеу",
            },
            id="art_47_lift_paid_in_full",
        ),
        pytest.param(
            "arrest_lift",
            "",
            "ru",
            {
                "amount": "1 234 567,89 ₸",
                "lift_deadline": "26.11.2026",
                "restriction": "арест банковских счетов, арест транспортного средства",
                "addressees": "в банки, в которых открыты счета должника, "
                "в органы, регистрирующие транспортные средства",
            },
            id="art_47_arrests_lifted_sent_to_the_banks_and_the_vehicle_registry",
        ),
        pytest.param(
            "registry_request",
            "",
            "ru",
            {
                "answer_deadline": "30.11.2026",
                "addressee": "НАО «Государственная корпорация «Правительство для граждан» (регистр недвижимости)",
            },
            id="art_126_three_days_saturday_moves_to_monday",
        ),
    ],
)
def test_worked_examples(kind: str, purpose: str, lang: str, expected: Fields) -> None:
    got = fields(kind, lang, purpose)
    assert {k: got[k] for k in expected} == expected


@pytest.mark.parametrize(
    ("code", "lang", "asset", "kind"),
    [
        pytest.param(
            "realty_not_arrested",
            "ru",
            "квартира, кадастровый номер 20-311-004-123, адрес: г. Алматы, пр. Абая, "
            "д. 10, кв. 5, площадь 54,2 м², доля 1/1",
            "недвижимое имущество",
            id="art_32_realty_ru",
        ),
        pytest.param(
            "realty_not_arrested",
            "kk",
            "пәтер, кадастрлық нөмірі 20-311-004-123, мекенжайы: Алматы қ., Абай даңғылы, "
            "10-үй, 5-пәтер, ауданы 54,2 м², үлесі 1/1",
            "жылжымайтын мүлік",
            id="art_32_realty_kk_address_in_kazakh",
        ),
        pytest.param(
            "vehicle_not_arrested",
            "kk",
            "Toyota Camry, 2018 жылы шығарылған, мемлекеттік нөмірі 123ABC02, VIN JTNB11HK103456789",
            "көлік құралы",
            id="art_32_vehicle_kk",
        ),
    ],
)
def test_the_property_is_named_in_the_documents_language(code: str, lang: str, asset: str, kind: str) -> None:
    got = fields("property_arrest", lang, code=code)
    assert (got["asset"], got["asset_kind"]) == (asset, kind)


@pytest.mark.parametrize(
    ("lang", "header"),
    [
        pytest.param(
            "ru",
            {
                "date_long": "25 ноября 2026 г.",
                "place": "г. Алматы",
                "office_title": "Частный судебный исполнитель",
                "title": "Постановление о наложении ареста на имущество должника",
            },
            id="art_10_p2_header_ru",
        ),
        pytest.param(
            "kk",
            {
                "date_long": "2026 жылғы 25 қараша",
                "place": "Алматы қ.",
                "office_title": "Жеке сот орындаушысы",
                "title": "Борышкердің мүлкіне тыйым салу туралы қаулы",
            },
            id="art_10_p2_header_kk",
        ),
    ],
)
def test_header_of_a_decision(lang: str, header: Fields) -> None:
    got = fields("property_arrest", lang, code="realty_not_arrested")
    assert {k: got[k] for k in header} == header
    assert (got["number"], got["act"], got["debtor_iin"], got["proceeding"]) == (
        f"ORY-2026-000042-{lang.upper()}",
        "ORY-2026-000042",
        IIN,
        "2501-000123",
    )


@pytest.mark.parametrize(
    ("lang", "named"),
    [
        pytest.param(
            "ru",
            {
                "exec_issuer": "Алмалинский районный суд г. Алматы",
                "exec_issuer_by": "Алмалинским районным судом г. Алматы",  # «выданного …»
                "creditor": "АО «Sandyq Bank»",
                "creditor_of": "АО «Sandyq Bank»",  # a legal form before the name: not declined
                "creditor_details": "БИН 940140000385, адрес: г. Алматы, пр. Абая, д. 52",
                "debtor_of": "Әбдіғали Қуаныша Өтегенұлы",  # «с должника …»
                "debtor_to": "Әбдіғали Қуанышу Өтегенұлы",  # «должнику …»
            },
            id="ru_the_court_by_whom_the_parties_in_their_cases",
        ),
        pytest.param(
            "kk",
            {
                "exec_issuer": "Алматы қаласы Алмалы аудандық соты",
                "exec_issuer_by": "Алматы қаласы Алмалы аудандық соты",  # «… берген»
                "creditor": "«Sandyq Bank» АҚ",
                "creditor_of": "«Sandyq Bank» АҚ-ның",  # «… пайдасына»
                "creditor_details": "БСН 940140000385, мекенжайы: Алматы қ., Абай даңғылы, 52-үй",
                "debtor_from": "Әбдіғали Қуаныш Өтегенұлынан",  # «борышкер …нан өндіріп алу»
                "debtor_of": "Әбдіғали Қуаныш Өтегенұлының",
                "debtor_to": "Әбдіғали Қуаныш Өтегенұлына",
            },
            id="kk_the_court_and_the_parties_in_kazakh_cases",
        ),
    ],
)
def test_the_parties_and_the_court_in_the_documents_language(lang: str, named: Fields) -> None:
    got = fields("opening", lang)
    assert {k: got[k] for k in named} == named


def test_every_date_in_words() -> None:
    assert [long_date(dt.date(2026, m, 1), "kk").split()[-1] for m in (1, 5, 9, 12)] == [
        "қаңтар",
        "мамыр",
        "қыркүйек",
        "желтоқсан",
    ]
    assert long_date(dt.date(2027, 3, 8), "ru") == "8 марта 2027 г."


@pytest.mark.parametrize(
    ("kind", "changes", "field"),
    [
        pytest.param("opening", {"iin": "90010130081"}, "debtor.iin", id="iin_of_eleven_digits"),
        pytest.param("wage_levy", {"contributions": ()}, "debtor.contributions", id="wage_levy_without_employer"),
    ],
)
def test_bad_input_names_the_field(kind: str, changes: dict[str, object], field: str) -> None:
    with pytest.raises(DocumentDataError, match=field.replace(".", r"\.")):
        fields(kind, "ru", **changes)


@pytest.mark.parametrize(
    ("case_changes", "name", "field"),
    [
        pytest.param({"creditor": Party(name=Words(kk="", ru=""))}, None, r"case\.creditor", id="no_creditor"),
        pytest.param({"creditor": BANK.model_copy(update={"id": ""})}, None, r"case\.creditor\.id", id="no_bin"),
        pytest.param({"debtor_name": " "}, "", r"debtor\.name", id="no_debtor_name_anywhere"),
    ],
)
def test_a_case_missing_a_detail_names_the_field(case_changes: dict[str, object], name: str | None, field: str) -> None:
    draft, of = next(v for k, v in EXAMPLES.items() if k[0] == "opening")
    bad = draft.case.model_copy(update=case_changes)
    with pytest.raises(DocumentDataError, match=field):
        document_fields(
            Draft(draft.kind, draft.fact, bad),
            of if name is None else replace(of, name=name),
            "ru",
            number="N",
            act="A",
            on=ON,
            office=default_office(),
            bailiff=FILER,
        )


def test_only_kazakh_and_russian() -> None:
    draft, of = next(iter(EXAMPLES.values()))
    with pytest.raises(DocumentDataError, match="kk or ru"):
        document_fields(draft, of, "en", number="N", act="A", on=ON, office=default_office(), bailiff=FILER)  # type: ignore[arg-type]


def test_amounts_stay_on_one_line() -> None:
    draft, of = next(v for k, v in EXAMPLES.items() if k[0] == "opening")
    raw = document_fields(draft, of, "kk", number="N", act="A", on=ON, office=default_office(), bailiff=FILER)
    assert raw["amount"] == "1\u00a0234\u00a0567,89\u00a0₸"


def test_a_debtor_file_without_a_name_takes_the_cases() -> None:
    of: DebtorFile = debtor(case())
    assert fields("registry_request", "kk", name="")["debtor_name"] == of.cases[0].debtor_name


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_act_names_its_filer_not_the_bailiff_the_card_shows(lang: str) -> None:
    got = fields("opening", lang)
    assert got["bailiff"] == FILER
    assert "Ким" not in " ".join(str(v) for v in got.values())  # the card's bailiff_name is nowhere in the act


def test_an_act_without_its_filer_is_not_drafted() -> None:
    draft, of = next(v for k, v in EXAMPLES.items() if k[0] == "opening")
    with pytest.raises(DocumentDataError, match="bailiff is empty"):
        document_fields(draft, of, "ru", number="N", act="A", on=ON, office=default_office(), bailiff=" ")

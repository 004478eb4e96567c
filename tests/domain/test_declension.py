"""Names in the cases acts put them in: Russian (pymorphy3, and rules for the names it does not know) and Kazakh
(a table of endings), for men and women, and the names of courts and bodies."""

from __future__ import annotations

import pytest

from domain.declension import Case, DeclensionError, body_ru, person_ru, phrase_kk
from domain.parties import is_female, legal_name, party_details, party_name
from domain.records import Party, Words

RU_PEOPLE = [
    # (name, female, genitive «с должника …», dative «должнику …», instrumental, accusative)
    (
        "Иванов Сергей Александрович",
        False,
        "Иванова Сергея Александровича",
        "Иванову Сергею Александровичу",
        "Ивановым Сергеем Александровичем",
        "Иванова Сергея Александровича",
    ),
    (
        "Иванова Елена Викторовна",
        True,
        "Ивановой Елены Викторовны",
        "Ивановой Елене Викторовне",
        "Ивановой Еленой Викторовной",
        "Иванову Елену Викторовну",
    ),
    ("Ким Игорь Сергеевич", False, "Кима Игоря Сергеевича", "Киму Игорю Сергеевичу", "Кимом Игорем Сергеевичем", None),
    (
        "Ким Наталья Николаевна",
        True,
        "Ким Натальи Николаевны",
        "Ким Наталье Николаевне",
        None,
        "Ким Наталью Николаевну",
    ),
    # Kazakh names in a Russian act: the patronymic in -ұлы/-қызы is not declined
    (
        "Әбенов Нұрлан Серікұлы",
        False,
        "Әбенова Нұрлана Серікұлы",
        "Әбенову Нұрлану Серікұлы",
        "Әбеновым Нұрланом Серікұлы",
        None,
    ),
    (
        "Сәрсенбаева Айгүл Болатқызы",
        True,
        "Сәрсенбаевой Айгүл Болатқызы",
        "Сәрсенбаевой Айгүл Болатқызы",
        None,
        "Сәрсенбаеву Айгүл Болатқызы",
    ),
    (
        "Мұқанова Динара Ғаниқызы",
        True,
        "Мұқановой Динары Ғаниқызы",
        "Мұқановой Динаре Ғаниқызы",
        "Мұқановой Динарой Ғаниқызы",
        "Мұқанову Динару Ғаниқызы",
    ),
    (
        "Ғабдуллин Әділ Тәлғатұлы",
        False,
        "Ғабдуллина Әділа Тәлғатұлы",
        "Ғабдуллину Әділу Тәлғатұлы",
        "Ғабдуллиным Әділом Тәлғатұлы",
        None,
    ),
    ("Оспанов Е.", False, "Оспанова Е.", "Оспанову Е.", "Оспановым Е.", None),  # a bailiff's initial stays
]


@pytest.mark.parametrize(("name", "female", "gen", "dat", "ins", "acc"), RU_PEOPLE, ids=[p[0] for p in RU_PEOPLE])
def test_russian_names_by_case_and_sex(
    name: str, female: bool, gen: str, dat: str, ins: str | None, acc: str | None
) -> None:
    cases: list[tuple[Case, str | None]] = [("nom", name), ("gen", gen), ("dat", dat), ("ins", ins), ("acc", acc)]
    for case, want in cases:
        if want is not None:
            assert person_ru(name, case, female=female) == want, case


KK_PEOPLE = [
    # (name, genitive «…ның пайдасына», dative «борышкерге», ablative «борышкерден өндіріп алу», accusative)
    (
        "Әбенов Нұрлан Серікұлы",
        "Әбенов Нұрлан Серікұлының",
        "Әбенов Нұрлан Серікұлына",
        "Әбенов Нұрлан Серікұлынан",
        "Әбенов Нұрлан Серікұлын",
    ),
    (
        "Сәрсенбаева Айгүл Болатқызы",
        "Сәрсенбаева Айгүл Болатқызының",
        "Сәрсенбаева Айгүл Болатқызына",
        "Сәрсенбаева Айгүл Болатқызынан",
        "Сәрсенбаева Айгүл Болатқызын",
    ),
    (
        "Иванов Сергей Александрович",
        "Иванов Сергей Александровичтің",
        "Иванов Сергей Александровичке",
        "Иванов Сергей Александровичтен",
        "Иванов Сергей Александровичті",
    ),
    (
        "Ким Наталья Николаевна",
        "Ким Наталья Николаевнаның",
        "Ким Наталья Николаевнаға",
        "Ким Наталья Николаевнадан",
        "Ким Наталья Николаевнаны",
    ),
    ("Нұрлан", "Нұрланның", "Нұрланға", "Нұрланнан", "Нұрланды"),  # after м н ң
    ("Серік", "Серіктің", "Серікке", "Серіктен", "Серікті"),  # after a voiceless consonant, front vowels
    ("Мұрат", "Мұраттың", "Мұратқа", "Мұраттан", "Мұратты"),  # the same, back vowels
    ("Асқар", "Асқардың", "Асқарға", "Асқардан", "Асқарды"),  # after л р у й ж з
    ("Игорь", "Игорьдің", "Игорьге", "Игорьден", "Игорьді"),  # a soft sign makes the ending front
]


@pytest.mark.parametrize(("name", "gen", "dat", "abl", "acc"), KK_PEOPLE, ids=[p[0] for p in KK_PEOPLE])
def test_kazakh_endings(name: str, gen: str, dat: str, abl: str, acc: str) -> None:
    cases: list[tuple[Case, str]] = [("nom", name), ("gen", gen), ("dat", dat), ("abl", abl), ("acc", acc)]
    assert [phrase_kk(name, case) for case, _ in cases] == [want for _, want in cases]


@pytest.mark.parametrize(
    ("name", "instrumental", "genitive"),
    [
        (
            "Алмалинский районный суд г. Алматы",
            "Алмалинским районным судом г. Алматы",
            "Алмалинского районного суда г. Алматы",
        ),
        (
            "Районный суд №2 Казыбекбийского района г. Караганды",
            "Районным судом №2 Казыбекбийского района г. Караганды",
            None,
        ),
        ("Таразский городской суд", "Таразским городским судом", "Таразского городского суда"),
        (
            "Специализированный межрайонный экономический суд г. Шымкента",
            "Специализированным межрайонным экономическим судом г. Шымкента",
            None,
        ),
        (
            "Управление государственных доходов по городу Таразу Департамента государственных доходов",
            None,
            "Управления государственных доходов по городу Таразу Департамента государственных доходов",
        ),
        ("АО «Sandyq Bank»", "АО «Sandyq Bank»", "АО «Sandyq Bank»"),  # a legal form before the name: not declined
    ],
)
def test_russian_names_of_courts_and_bodies(name: str, instrumental: str | None, genitive: str | None) -> None:
    if instrumental:
        assert body_ru(name, "ins") == instrumental
    if genitive:
        assert body_ru(name, "gen") == genitive


@pytest.mark.parametrize(
    ("name", "possessive", "genitive", "dative"),
    [
        ("Тараз қалалық соты", True, "Тараз қалалық сотының", "Тараз қалалық сотына"),
        ("«Sandyq Bank» АҚ", None, "«Sandyq Bank» АҚ-ның", "«Sandyq Bank» АҚ-ға"),  # as «Қазпошта» АҚ-ның
        ("«Тұран Коммунал» ЖШС", None, "«Тұран Коммунал» ЖШС-нің", "«Тұран Коммунал» ЖШС-не"),
        (
            "Алмалы ауданы бойынша Мемлекеттік кірістер басқармасы",
            True,
            "Алмалы ауданы бойынша Мемлекеттік кірістер басқармасының",
            None,
        ),
    ],
)
def test_kazakh_names_of_courts_and_organisations(
    name: str, possessive: bool | None, genitive: str, dative: str | None
) -> None:
    assert phrase_kk(name, "gen", possessive=possessive) == genitive
    if dative:
        assert phrase_kk(name, "dat", possessive=possessive) == dative


def test_a_case_the_language_has_not_is_refused() -> None:
    with pytest.raises(DeclensionError):
        phrase_kk("Серік", "ins")
    with pytest.raises(DeclensionError):
        person_ru("Иванов Сергей", "abl", female=False)


@pytest.mark.parametrize(
    ("name", "kk", "ru"),
    [
        ("ТОО «Алтын Сервис»", "«Алтын Сервис» ЖШС", "ТОО «Алтын Сервис»"),
        ("«Алтын Сервис» ЖШС", "«Алтын Сервис» ЖШС", "ТОО «Алтын Сервис»"),
        ("АО «Qazyna Bank»", "«Qazyna Bank» АҚ", "АО «Qazyna Bank»"),
        ("НАО «Правительство для граждан»", "«Правительство для граждан» КЕАҚ", "НАО «Правительство для граждан»"),
        ("ИП Петров", "ИП Петров", "ИП Петров"),  # a form not in the table: as given
    ],
)
def test_legal_forms_in_the_acts_language(name: str, kk: str, ru: str) -> None:
    assert (legal_name(name, "kk"), legal_name(name, "ru")) == (kk, ru)


ALIMONY = Party(
    name=Words(kk="Сәрсенбаева Айгүл Болатқызы", ru="Сәрсенбаева Айгүл Болатқызы"),
    id="850101400100",
    address=Words(kk="Алматы қ., Абай көшесі, 10-үй, 5-пәтер", ru="г. Алматы, ул. Абая, д. 10, кв. 5"),
)


def test_a_person_creditor_is_named_by_sex_from_the_iin() -> None:
    assert is_female(ALIMONY.id) and not is_female("850101300104") and ALIMONY.is_person
    assert party_name(ALIMONY, "ru", "gen") == "Сәрсенбаевой Айгүл Болатқызы"
    assert party_name(ALIMONY, "kk", "gen") == "Сәрсенбаева Айгүл Болатқызының"
    assert party_details(ALIMONY, "ru") == "ИИН 850101400100, адрес: г. Алматы, ул. Абая, д. 10, кв. 5"
    assert party_details(ALIMONY, "kk") == "ЖСН 850101400100, мекенжайы: Алматы қ., Абай көшесі, 10-үй, 5-пәтер"


def test_an_organisation_is_named_with_its_bin() -> None:
    bank = Party(name=Words(kk="«Qazyna Bank» АҚ", ru="АО «Qazyna Bank»"), id="990140004654")
    assert not bank.is_person
    assert (party_name(bank, "ru", "gen"), party_name(bank, "kk", "gen")) == (
        "АО «Qazyna Bank»",
        "«Qazyna Bank» АҚ-ның",
    )
    assert (party_details(bank, "ru"), party_details(bank, "kk")) == ("БИН 990140004654", "БСН 990140004654")

"""The world's creditors and addresses, in Kazakh and Russian as the state's registries keep them.

Creditors look like real ones: the other parent for alimony (a person with an IIN and an address), a bank or a
microfinance organisation for loans, a state revenue office of the bailiff's region for taxes and fines, an
organisation for other claims — each organisation with a valid BIN. Names are invented; the sandbox banks are the
world's own banks (sandbox.world_assets.BANKS).
"""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass

from domain.iin import check_digit
from sandbox import names

# (code of the cadastral number, Kazakh, Russian): the cities of real estate and of the parties' addresses
CITIES = (
    ("20", "Алматы қ.", "г. Алматы"),
    ("21", "Астана қ.", "г. Астана"),
    ("22", "Шымкент қ.", "г. Шымкент"),
    ("09", "Қарағанды обл., Қарағанды қ.", "Карагандинская обл., г. Караганда"),
    ("06", "Жамбыл обл., Тараз қ.", "Жамбылская обл., г. Тараз"),
    ("02", "Ақтөбе обл., Ақтөбе қ.", "Актюбинская обл., г. Актобе"),
)
STREETS = (
    ("Абай көшесі", "ул. Абая"),
    ("Назарбаев даңғылы", "пр. Назарбаева"),
    ("Төле би көшесі", "ул. Толе би"),
    ("Самал-2 шағынауданы", "мкр. Самал-2"),
    ("Кенесары көшесі", "ул. Кенесары"),
    ("Республика даңғылы", "пр. Республики"),
    ("Сәтбаев көшесі", "ул. Сатпаева"),
)
PREMISES = {"flat": ("пәтер", "кв."), "non_residential": ("үй-жай", "пом.")}


@dataclass(frozen=True)
class Words:
    """A name or an address in Kazakh and in Russian."""

    kk: str
    ru: str


Address = Words


def address(city: int, street: int, house: int, premise: tuple[str, int] | None = None) -> Address:
    """«Алматы қ., Абай көшесі, 10-үй, 5-пәтер» / «г. Алматы, ул. Абая, д. 10, кв. 5»."""
    _, city_kk, city_ru = CITIES[city]
    street_kk, street_ru = STREETS[street]
    kk, ru = f"{city_kk}, {street_kk}, {house}-үй", f"{city_ru}, {street_ru}, д. {house}"
    if premise is not None:
        kind, number = premise
        kk, ru = f"{kk}, {number}-{PREMISES[kind][0]}", f"{ru}, {PREMISES[kind][1]} {number}"
    return Address(kk, ru)


@dataclass(frozen=True)
class Party:
    """A creditor as AIS EP keeps it: the name in both languages, the IIN or BIN, the address."""

    name_kk: str
    name_ru: str
    id: str
    address: Address

    @property
    def is_person(self) -> bool:
        return self.id[4] in "0123"

    @property
    def iban(self) -> str:
        """Where the creditor is paid: a KZ IBAN drawn from its IIN or BIN, so every creditor has one and the
        world's random streams stay as they were."""
        return creditor_iban(self.id)


IBAN_BANKS = ("998", "997", "601", "722", "914")  # the sandbox's bank codes inside an IBAN: Sandyq, Qazyna, others


def creditor_iban(party_id: str) -> str:
    """KZ + ISO 13616 check digits + a 16-character BBAN (3-digit bank code, 13 digits): 20 characters."""
    digest = int(hashlib.sha256(f"creditor-iban:{party_id}".encode()).hexdigest(), 16)
    bban = IBAN_BANKS[digest % len(IBAN_BANKS)] + f"{digest // 7 % 10**13:013d}"
    digits = "".join(str(int(c, 36)) for c in bban + "KZ00")
    return f"KZ{98 - int(digits) % 97:02d}{bban}"


def _bin(registered: str, serial: int) -> str:
    """A valid BIN: YYMM of registration, 4 (resident legal entity), 0 (head unit), serial, check digit."""
    while True:
        first11 = f"{registered}40{serial:05d}"
        control = check_digit(first11)
        if control is not None:
            return first11 + str(control)
        serial += 1


def _organisation(kk: str, ru: str, registered: str, serial: int, city: int, street: int, house: int) -> Party:
    return Party(kk, ru, _bin(registered, serial), address(city, street, house))


BANKS = {  # the sandbox's two banks, as loan creditors
    "sandyq": _organisation("«Sandyq Bank» АҚ", "АО «Sandyq Bank»", "9402", 385, 0, 0, 52),
    "qazyna": _organisation("«Qazyna Bank» АҚ", "АО «Qazyna Bank»", "9901", 4654, 1, 5, 18),
}
LENDERS = (
    _organisation(
        "«Жылдам Несие» микроқаржы ұйымы» ЖШС",
        "ТОО «Микрофинансовая организация «Жылдам Несие»",
        "1503",
        1207,
        0,
        2,
        140,
    ),
    _organisation("«Береке Кредит» микроқаржы ұйымы» ЖШС", "ТОО «МФО «Береке Кредит»", "1709", 3315, 2, 4, 7),
)
OTHERS = (
    _organisation("«Алатау Жылу Сервис» АҚ", "АО «Алатау Жылу Сервис»", "0404", 2210, 0, 6, 31),
    _organisation("«Тұран Коммунал» ЖШС", "ТОО «Тұран Коммунал»", "1102", 5561, 1, 1, 64),
    _organisation("«Сарыарқа Сақтандыру» АҚ", "АО «Страховая компания «Сарыарқа»", "0607", 8132, 3, 5, 12),
    _organisation("«Нұр Құрылыс» ЖШС", "ТОО «Нұр Құрылыс»", "1810", 4470, 2, 3, 88),
)
# The state revenue office of each region of sandbox.world.REGIONS (the bailiff's region), in the same order.
REVENUE_OFFICES = tuple(
    _organisation(kk, ru, "0901", serial, city, street, house)
    for kk, ru, serial, city, street, house in (
        (
            "Алматы қаласы бойынша Мемлекеттік кірістер департаментінің Алмалы ауданы бойынша Мемлекеттік кірістер "
            "басқармасы",
            "Управление государственных доходов по Алмалинскому району Департамента государственных доходов по "
            "городу Алматы",
            11020,
            0,
            0,
            91,
        ),
        (
            "Астана қаласы бойынша Мемлекеттік кірістер департаментінің Есіл ауданы бойынша Мемлекеттік кірістер "
            "басқармасы",
            "Управление государственных доходов по району Есиль Департамента государственных доходов по городу Астане",
            11510,
            1,
            5,
            33,
        ),
        (
            "Шымкент қаласы бойынша Мемлекеттік кірістер департаментінің Әл-Фараби ауданы бойынша Мемлекеттік "
            "кірістер басқармасы",
            "Управление государственных доходов по району Аль-Фараби Департамента государственных доходов по "
            "городу Шымкенту",
            12030,
            2,
            2,
            15,
        ),
        (
            "Қарағанды облысы бойынша Мемлекеттік кірістер департаментінің Қарағанды қаласы бойынша Мемлекеттік "
            "кірістер басқармасы",
            "Управление государственных доходов по городу Караганде Департамента государственных доходов по "
            "Карагандинской области",
            13070,
            3,
            4,
            40,
        ),
        (
            "Жамбыл облысы бойынша Мемлекеттік кірістер департаментінің Тараз қаласы бойынша Мемлекеттік кірістер "
            "басқармасы",
            "Управление государственных доходов по городу Таразу Департамента государственных доходов по "
            "Жамбылской области",
            13520,
            4,
            0,
            126,
        ),
        (
            "Ақтөбе облысы бойынша Мемлекеттік кірістер департаментінің Ақтөбе қаласы бойынша Мемлекеттік кірістер "
            "басқармасы",
            "Управление государственных доходов по городу Актобе Департамента государственных доходов по "
            "Актюбинской области",
            14010,
            5,
            6,
            9,
        ),
        (
            "Павлодар облысы бойынша Мемлекеттік кірістер департаментінің Павлодар қаласы бойынша Мемлекеттік "
            "кірістер басқармасы",
            "Управление государственных доходов по городу Павлодару Департамента государственных доходов по "
            "Павлодарской области",
            14580,
            0,
            3,
            77,
        ),
    )
)


def creditor(seed: int, index: int, k: int, category: str, region: int, debtor_female: bool, bank: int) -> Party:
    """The creditor of a debtor's k-th proceeding, from its own random stream (the world's older data stays)."""
    rng = random.Random(f"{seed}:creditor:{index}:{k}")
    if category == "alimony":
        return _parent(rng, female=not debtor_female)
    if category in ("taxes", "fines"):
        return REVENUE_OFFICES[region]
    if category == "bank_loans":
        return (
            rng.choice((BANKS["sandyq"], BANKS["qazyna"], *LENDERS))
            if rng.random() < 0.3
            else list(BANKS.values())[bank]
        )
    return rng.choice(OTHERS)


def _parent(rng: random.Random, *, female: bool) -> Party:
    """The parent who brings up the child: a person with a valid IIN and a home address."""
    from sandbox.world import make_iin  # the world builds its people with the same IINs

    kazakh = rng.random() < 0.7
    surname, _ = rng.choice(names.KAZAKH_SURNAMES if kazakh else names.RUSSIAN_SURNAMES)
    pool = (
        (names.KAZAKH_FEMALE if female else names.KAZAKH_MALE)
        if kazakh
        else (names.RUSSIAN_FEMALE if female else names.RUSSIAN_MALE)
    )
    first, _ = rng.choice(pool)
    roots = names.KAZAKH_PATRONYMIC_ROOTS if kazakh else names.RUSSIAN_PATRONYMIC_ROOTS
    if female:
        surname = names.feminine_surname(surname)
    full = f"{surname} {first} {names.patronymic(rng.choice(roots), female, kazakh)}"
    home = address(
        rng.randrange(len(CITIES)), rng.randrange(len(STREETS)), rng.randrange(1, 200), ("flat", rng.randrange(1, 300))
    )
    return Party(full, full, make_iin(rng, female=female), home)

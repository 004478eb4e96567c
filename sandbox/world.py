"""One seeded synthetic world: debtors and their enforcement proceedings, the same for the same seed.

Every entity draws from its own random stream (seed, kind, index), so adding a new kind of data later never
changes the data that existed before it.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache

from domain.iin import check_digit
from sandbox import names
from sandbox.parties import Party, creditor

CATEGORIES = ("alimony", "fines", "taxes", "bank_loans", "other")
CATEGORY_WEIGHTS = (20, 25, 15, 30, 10)
AMOUNT_RANGES = {  # tenge: (low, high)
    "alimony": (120_000, 2_400_000),
    "fines": (3_450, 350_000),
    "taxes": (15_000, 1_800_000),
    "bank_loans": (150_000, 14_000_000),
    "other": (20_000, 3_000_000),
}
REGIONS = [
    ("Алматы қ.", "г. Алматы"),
    ("Астана қ.", "г. Астана"),
    ("Шымкент қ.", "г. Шымкент"),
    ("Қарағанды облысы", "Карагандинская область"),
    ("Жамбыл облысы", "Жамбылская область"),
    ("Ақтөбе облысы", "Актюбинская область"),
    ("Павлодар облысы", "Павлодарская область"),
]
EXIT_BAN_THRESHOLD = Decimal("173000")  # 40 MCI of 2026 (Law 261-IV art. 33); the sandbox's own copy


@dataclass(frozen=True)
class Bailiff:
    name: str
    region_kk: str
    region_ru: str
    phone: str


@dataclass(frozen=True)
class Proceeding:
    number: str
    opened: dt.date
    bailiff: Bailiff
    category: str
    amount: Decimal
    exit_ban: bool
    creditor: Party


@dataclass(frozen=True)
class Person:
    index: int
    iin: str
    surname: str
    first_name: str
    patronymic: str
    latin_surname: str | None
    latin_first_name: str | None
    female: bool
    birth: dt.date

    @property
    def full_name(self) -> str:
        return f"{self.surname} {self.first_name} {self.patronymic}"

    @property
    def latin_name(self) -> str | None:
        return f"{self.latin_surname} {self.latin_first_name}" if self.latin_surname else None


@dataclass(frozen=True)
class Debtor:
    person: Person
    proceedings: tuple[Proceeding, ...]

    @property
    def total(self) -> Decimal:
        return sum((p.amount for p in self.proceedings), Decimal("0"))

    @property
    def exit_ban(self) -> bool:
        return any(p.exit_ban for p in self.proceedings)


@dataclass
class World:
    seed: int
    debtors: list[Debtor]
    by_iin: dict[str, Debtor] = field(init=False)
    bailiffs: list[Bailiff] = field(init=False)

    def __post_init__(self) -> None:
        self.by_iin = {d.person.iin: d for d in self.debtors}
        self.bailiffs = _bailiffs(self.seed)

    def search(self, surname: str, first_name: str = "") -> list[Debtor]:
        """Case-insensitive match on surname (and first name), in Cyrillic or Latin script."""
        s, f = surname.strip().casefold(), first_name.strip().casefold()
        return [d for d in self.debtors if _matches(d.person, s, f)]

    def unused_iin(self, n: int) -> list[str]:
        """Valid IINs that belong to nobody in this world: for 'not found' cases."""
        rng, out = random.Random(f"{self.seed}:unused"), []
        while len(out) < n:
            iin = make_iin(rng)
            if iin not in self.by_iin and iin not in out:
                out.append(iin)
        return out


def _matches(p: Person, surname: str, first: str) -> bool:
    cyr = p.surname.casefold() == surname and (not first or p.first_name.casefold() == first)
    lat = (
        bool(p.latin_surname)
        and (p.latin_surname or "").casefold() == surname
        and (not first or (p.latin_first_name or "").casefold() == first)
    )
    return cyr or lat


@lru_cache(maxsize=8)
def build_world(seed: int = 42, debtors: int = 1000) -> World:
    """The same seed and size always give the same world."""
    used: set[str] = set()
    return World(seed, [_debtor(seed, i, used) for i in range(debtors)])


def make_iin(rng: random.Random, birth: dt.date | None = None, female: bool | None = None) -> str:
    """A valid IIN: YYMMDD, century/sex digit, 4-digit serial, check digit (Law 223; decree 565)."""
    birth = birth or dt.date(1950, 1, 1) + dt.timedelta(days=rng.randrange(0, 20_000))
    female = rng.random() < 0.5 if female is None else female
    code = (3 if birth.year < 2000 else 5) + (1 if female else 0)
    while True:
        first11 = f"{birth:%y%m%d}{code}{rng.randrange(0, 10_000):04d}"
        control = check_digit(first11)
        if control is not None:
            return first11 + str(control)


def _person(seed: int, index: int, used: set[str]) -> Person:
    rng = random.Random(f"{seed}:person:{index}")
    kazakh = rng.random() < 0.7
    female = rng.random() < 0.45
    surname, latin_surname = rng.choice(names.KAZAKH_SURNAMES if kazakh else names.RUSSIAN_SURNAMES)
    firsts = (
        (names.KAZAKH_FEMALE if female else names.KAZAKH_MALE)
        if kazakh
        else (names.RUSSIAN_FEMALE if female else names.RUSSIAN_MALE)
    )
    first, latin_first = rng.choice(firsts)
    roots = names.KAZAKH_PATRONYMIC_ROOTS if kazakh else names.RUSSIAN_PATRONYMIC_ROOTS
    birth = dt.date(1955, 1, 1) + dt.timedelta(days=rng.randrange(0, 18_000))
    iin = make_iin(rng, birth, female)
    while iin in used:
        iin = make_iin(rng, birth, female)
    used.add(iin)
    has_latin = rng.random() < 0.25
    if female:
        surname, latin_surname = names.feminine_surname(surname), names.feminine_surname(latin_surname)
    return Person(
        index,
        iin,
        surname,
        first,
        names.patronymic(rng.choice(roots), female, kazakh),
        latin_surname if has_latin else None,
        latin_first if has_latin else None,
        female,
        birth,
    )


def _debtor(seed: int, index: int, used: set[str]) -> Debtor:
    person = _person(seed, index, used)
    rng = random.Random(f"{seed}:proceedings:{index}")
    bailiffs = _bailiffs(seed)
    count = rng.choices((1, 2, 3, 4), weights=(55, 25, 13, 7))[0]
    return Debtor(person, tuple(_proceeding(seed, rng, person, k, bailiffs) for k in range(count)))


def _proceeding(seed: int, rng: random.Random, person: Person, k: int, bailiffs: list[Bailiff]) -> Proceeding:
    index = person.index
    category = rng.choices(CATEGORIES, weights=CATEGORY_WEIGHTS)[0]
    low, high = AMOUNT_RANGES[category]
    amount = Decimal(rng.randrange(low * 100, high * 100)) / 100
    if rng.random() < 0.5:
        amount = amount.quantize(Decimal("1"))  # many debts are whole tenge
    opened = dt.date(2021, 1, 11) + dt.timedelta(days=rng.randrange(0, 1_780))
    exit_ban = (category == "alimony" or amount > EXIT_BAN_THRESHOLD) and rng.random() < 0.6
    bank = rng.randrange(2)  # drawn here since the first world, so the numbers and bailiffs after it stay
    number = f"{opened:%y}{rng.randrange(1, 20):02d}-{index:05d}{k}-{rng.randrange(100, 999)}"
    bailiff = rng.choice(bailiffs)
    region = [ru for _, ru in REGIONS].index(bailiff.region_ru)
    party = creditor(seed, index, k, category, region, person.female, bank)
    return Proceeding(number, opened, bailiff, category, amount, exit_ban, party)


@lru_cache(maxsize=8)
def _bailiffs(seed: int) -> list[Bailiff]:
    rng = random.Random(f"{seed}:bailiffs")
    out = []
    for i in range(24):
        surname, _ = rng.choice(names.KAZAKH_SURNAMES)
        first, _ = rng.choice(names.KAZAKH_MALE)
        region_kk, region_ru = REGIONS[i % len(REGIONS)]
        out.append(
            Bailiff(
                f"{surname} {first[0]}.",
                region_kk,
                region_ru,
                f"+7 7{rng.randrange(0, 99):02d} "
                f"{rng.randrange(100, 999)} {rng.randrange(10, 99)} {rng.randrange(10, 99)}",
            )
        )
    return out

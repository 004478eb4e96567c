"""What every debtor of the world owns and earns: real estate, vehicles, pension contributions (ENPF), the tax
cabinet (E-Salyq) and accounts in the two sandbox banks.

Deterministic: debtor i draws each kind from its own stream `Random(f"{seed}:assets:{i}:<kind>")` and the employer
pool from `Random(f"{seed}:employers")`, so the world's older data never changes. `assets_of(world, iin)` and
`build_assets(world)` are cached per (seed, number of debtors).

Contributions cover the 12 months up to 2026-10: 10 % of income, base capped at 50 minimum wages (50 × 85 000;
Law on pensions art. 25 [S, see the domain note §9]); some debtors have none (unemployed), some change employer
mid-year, some months are missing.

Deliberate inconsistencies, for the 'data disagree' finding (listed in `Assets.inconsistencies`):
- "employer_name": debtor index % 11 == 3 with contributions — the tax cabinet names the employer of the latest
  contribution by its former name (`Employer.former_name`) under the same BIN, while ENPF shows the current name.
- "realty_owner": debtor index % 13 == 4 with real estate — the first object is listed under the debtor's IIN, but
  its `owner_iin` (the share holder the register prints) is another person's valid IIN.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from decimal import Decimal

from domain.iin import check_digit
from sandbox.parties import CITIES, STREETS, Address, address
from sandbox.world import Debtor, World, make_iin

MINIMUM_WAGE = Decimal("85000")  # МЗП 2025–2026 [S]; the sandbox's own copy
CONTRIBUTION_RATE = Decimal("0.10")
CENT = Decimal("0.01")
CONTRIBUTION_CAP = 50 * MINIMUM_WAGE
LAST_MONTH = dt.date(2026, 10, 1)
BANKS = {"sandyq": "998", "qazyna": "997"}  # bank -> sandbox bank code inside the IBAN
REALTY_KINDS = ("flat", "house", "land", "non_residential")
TAX_KINDS = (
    ("104302", "Жеке тұлғалардың мүлкіне салынатын салық", "Налог на имущество физических лиц"),
    ("104402", "Көлік құралдарына салынатын салық", "Налог на транспортные средства"),
    ("104309", "Жер салығы", "Земельный налог"),
)  # budget codes [M]
CARS = (
    ("Toyota", "Camry"),
    ("Lada", "Granta"),
    ("Hyundai", "Accent"),
    ("Kia", "Rio"),
    ("Chevrolet", "Cobalt"),
    ("Volkswagen", "Polo"),
    ("Toyota", "Land Cruiser Prado"),
    ("Lexus", "RX 350"),
    ("Nissan", "Qashqai"),
)
_NAME_WORDS = (
    ("Алтын", "Көк", "Ақ", "Жаңа", "Сарыарқа", "Нұр", "Береке", "Алатау", "Каспий", "Тұран"),
    ("Құрылыс", "Сервис", "Логистик", "Агро", "Трейд", "Энерго", "Медиа", "Тех", "Строй", "Фарм"),
)


@dataclass(frozen=True)
class RealEstate:
    cadastral: str
    kind: str  # one of REALTY_KINDS
    address: Address  # the register prints it in Kazakh and in Russian
    area: Decimal  # m²
    share: str  # "1/1", "1/2", "1/3"
    owner_iin: str
    encumbrances: tuple[str, ...]  # codes: "mortgage", "lease"
    arrested: bool
    registered: dt.date


@dataclass(frozen=True)
class Vehicle:
    make: str
    model: str
    year: int
    plate: str
    vin: str
    arrested: bool
    registered: dt.date


@dataclass(frozen=True)
class Employer:
    bin: str
    name: str
    former_name: str


@dataclass(frozen=True)
class Contribution:
    month: dt.date  # first day of the month the income is for
    employer_bin: str
    employer_name: str
    income: Decimal
    amount: Decimal
    paid_on: dt.date


@dataclass(frozen=True)
class TaxLine:
    code: str
    name_kk: str
    name_ru: str
    debt: Decimal
    overpayment: Decimal


@dataclass(frozen=True)
class Tax:
    lines: tuple[TaxLine, ...]
    employer_bin: str | None  # the tax agent the cabinet knows, None when unemployed
    employer_name: str | None

    @property
    def debt(self) -> Decimal:
        return sum((line.debt for line in self.lines), Decimal("0.00"))

    @property
    def overpayment(self) -> Decimal:
        return sum((line.overpayment for line in self.lines), Decimal("0.00"))


@dataclass(frozen=True)
class BankAccount:
    bank: str  # key of BANKS
    iban: str
    currency: str
    balance: Decimal
    arrested: bool
    opened: dt.date


@dataclass(frozen=True)
class Assets:
    iin: str
    realty: tuple[RealEstate, ...]
    vehicles: tuple[Vehicle, ...]
    contributions: tuple[Contribution, ...]  # oldest first
    tax: Tax
    accounts: tuple[BankAccount, ...]
    inconsistencies: frozenset[str]

    def accounts_in(self, bank: str) -> tuple[BankAccount, ...]:
        return tuple(a for a in self.accounts if a.bank == bank)

    @property
    def latest_employer(self) -> tuple[str, str] | None:
        """(BIN, name) of the employer of the latest contribution, as ENPF names it; None when unemployed."""
        if not self.contributions:
            return None
        return self.contributions[-1].employer_bin, self.contributions[-1].employer_name


_CACHE: dict[tuple[int, int], dict[str, Assets]] = {}


def build_assets(world: World) -> dict[str, Assets]:
    """Assets of every debtor, by IIN; the same seed and size always give the same assets."""
    key = (world.seed, len(world.debtors))
    if key not in _CACHE:
        _CACHE[key] = {d.person.iin: _assets(world, d) for d in world.debtors}
    return _CACHE[key]


def assets_of(world: World, debtor: Debtor | str) -> Assets | None:
    """Assets of a debtor (or of an IIN); None for an IIN nobody in the world holds."""
    iin = debtor if isinstance(debtor, str) else debtor.person.iin
    return build_assets(world).get(iin)


def employers(seed: int) -> tuple[Employer, ...]:
    """The pool of 30 employers, each with a valid BIN (YYMM, type 4, attribute 0, serial, check digit)."""
    rng, out, names = random.Random(f"{seed}:employers"), [], set()
    while len(out) < 30:
        first11 = f"{rng.randrange(95, 124) % 100:02d}{rng.randrange(1, 13):02d}40{rng.randrange(0, 100_000):05d}"
        control = check_digit(first11)
        name = f"{rng.choice(('ТОО', 'АО'))} «{rng.choice(_NAME_WORDS[0])} {rng.choice(_NAME_WORDS[1])}»"
        if control is None or name in names:
            continue
        names.add(name)
        former = f"ТОО «{rng.choice(_NAME_WORDS[0])} {rng.choice(_NAME_WORDS[1])}-{rng.randrange(1, 99)}»"
        out.append(Employer(first11 + str(control), name, former))
    return tuple(out)


def _assets(world: World, debtor: Debtor) -> Assets:
    index, iin = debtor.person.index, debtor.person.iin

    def stream(kind: str) -> random.Random:
        return random.Random(f"{world.seed}:assets:{index}:{kind}")

    realty = [
        _realty(stream(f"realty:{k}"), iin) for k in range(stream("realty-count").choices((0, 1, 2), (45, 40, 15))[0])
    ]
    vehicles = tuple(
        _vehicle(stream(f"vehicle:{k}")) for k in range(stream("vehicle-count").choices((0, 1, 2), (50, 40, 10))[0])
    )
    contributions = _contributions(stream("pension"), employers(world.seed))
    tax_employer = (contributions[-1].employer_bin, contributions[-1].employer_name) if contributions else (None, None)
    odd: set[str] = set()
    if contributions and index % 11 == 3:
        tax_employer = (tax_employer[0], _former_name(world.seed, tax_employer[0]))
        odd.add("employer_name")
    if realty and index % 13 == 4:
        realty[0] = _with_owner(realty[0], _stranger_iin(stream("co-owner"), world))
        odd.add("realty_owner")
    accounts = tuple(a for bank in BANKS for a in _accounts(stream(f"bank:{bank}"), bank))
    return Assets(
        iin,
        tuple(realty),
        vehicles,
        contributions,
        Tax(_tax_lines(stream("tax")), *tax_employer),
        accounts,
        frozenset(odd),
    )


def _realty(rng: random.Random, owner_iin: str) -> RealEstate:
    kind = rng.choices(REALTY_KINDS, (50, 20, 20, 10))[0]
    city = rng.randrange(len(CITIES))  # the draws of the first, Russian-only addresses: the world stays the same
    cadastral = f"{CITIES[city][0]}-{rng.randrange(100, 999)}-{rng.randrange(1, 99):03d}-{rng.randrange(1, 999):03d}"
    street, house = rng.randrange(len(STREETS)), rng.randrange(1, 200)
    premise = (kind, rng.randrange(1, 300)) if kind in ("flat", "non_residential") else None
    where = address(city, street, house, premise)
    low, high = {"flat": (28, 140), "house": (80, 400), "land": (300, 2000), "non_residential": (20, 600)}[kind]
    area = (Decimal(rng.randrange(low * 10, high * 10)) / 10).quantize(Decimal("0.1"))
    share = rng.choices(("1/1", "1/2", "1/3"), (70, 25, 5))[0]
    encumbrances = tuple(c for c, p in (("mortgage", 0.2), ("lease", 0.05)) if rng.random() < p)
    registered = dt.date(2005, 1, 1) + dt.timedelta(days=rng.randrange(0, 7_600))
    return RealEstate(cadastral, kind, where, area, share, owner_iin, encumbrances, rng.random() < 0.2, registered)


def _with_owner(item: RealEstate, owner_iin: str) -> RealEstate:
    return RealEstate(
        item.cadastral,
        item.kind,
        item.address,
        item.area,
        item.share,
        owner_iin,
        item.encumbrances,
        item.arrested,
        item.registered,
    )


def _stranger_iin(rng: random.Random, world: World) -> str:
    while (iin := make_iin(rng)) in world.by_iin:
        pass
    return iin


def _vehicle(rng: random.Random) -> Vehicle:
    make, model = rng.choice(CARS)
    letters = "ABCDEFHKMOPTXYZ"
    plate = f"{rng.randrange(1, 999):03d}{''.join(rng.choice(letters) for _ in range(3))}{rng.choice(CITIES)[0]}"
    vin = "".join(rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ0123456789") for _ in range(17))
    year = rng.randrange(2000, 2026)
    registered = dt.date(max(year, 2010), 1, 1) + dt.timedelta(days=rng.randrange(0, 360))
    return Vehicle(make, model, year, plate, vin, rng.random() < 0.2, registered)


def _contributions(rng: random.Random, pool: tuple[Employer, ...]) -> tuple[Contribution, ...]:
    if rng.random() < 0.22:
        return ()  # unemployed
    months = [_month_back(LAST_MONTH, back) for back in range(11, -1, -1)]
    first, second = rng.sample(pool, 2)
    switch = rng.randrange(3, 10) if rng.random() < 0.25 else 12
    incomes = (_income(rng), _income(rng))
    missing = set(rng.sample(range(12), rng.randrange(1, 4))) if rng.random() < 0.25 else set()
    out = []
    for k, month in enumerate(months):
        if k in missing:
            continue
        employer, income = (first, incomes[0]) if k < switch else (second, incomes[1])
        amount = (min(income, CONTRIBUTION_CAP) * CONTRIBUTION_RATE).quantize(CENT)
        paid_on = _month_back(month, -1) + dt.timedelta(days=rng.randrange(5, 25))
        out.append(Contribution(month, employer.bin, employer.name, income, amount, paid_on))
    return tuple(out)


def _income(rng: random.Random) -> Decimal:
    low, high = rng.choices(((85, 600), (600, 2_000), (4_300, 7_000)), (85, 10, 5))[0]
    return Decimal(rng.randrange(low, high) * 1000)


def _month_back(month: dt.date, back: int) -> dt.date:
    total = month.year * 12 + month.month - 1 - back
    return dt.date(total // 12, total % 12 + 1, 1)


def _former_name(seed: int, bin_: str) -> str:
    return next(e.former_name for e in employers(seed) if e.bin == bin_)


def _tax_lines(rng: random.Random) -> tuple[TaxLine, ...]:
    """Most taxpayers owe nothing and overpaid nothing; about 25 % have debts, about 10 % overpayments."""
    roll = rng.random()
    if roll >= 0.35:
        return ()
    kinds = rng.sample(TAX_KINDS, rng.randrange(1, 3))
    lines = []
    for code, kk, ru in kinds:
        amount = (Decimal(rng.randrange(100_000, 25_000_000)) / 100).quantize(CENT)
        debt, over = (amount, Decimal("0.00")) if roll < 0.25 else (Decimal("0.00"), amount / 10)
        lines.append(TaxLine(code, kk, ru, debt, over.quantize(CENT)))
    return tuple(sorted(lines, key=lambda line: line.code))


def _accounts(rng: random.Random, bank: str) -> tuple[BankAccount, ...]:
    out = []
    for _ in range(rng.choices((0, 1, 2, 3), (35, 35, 20, 10))[0]):
        iban = _iban(BANKS[bank] + "".join(rng.choice("0123456789") for _ in range(13)))
        balance = rng.choices(
            (
                Decimal("0"),
                Decimal(rng.randrange(0, 5_000_000)) / 100,
                Decimal(rng.randrange(5_000_000, 900_000_000)) / 100,
            ),
            (25, 50, 25),
        )[0]
        opened = dt.date(2012, 1, 1) + dt.timedelta(days=rng.randrange(0, 5_000))
        out.append(BankAccount(bank, iban, "KZT", balance.quantize(CENT), rng.random() < 0.25, opened))
    return tuple(out)


def _iban(bban: str) -> str:
    """KZ + ISO 13616 check digits + 16-character BBAN: 20 characters."""
    digits = "".join(str(int(c, 36)) for c in bban + "KZ00")
    return f"KZ{98 - int(digits) % 97:02d}{bban}"

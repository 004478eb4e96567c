"""The bailiff's deposit (current) account at Sandyq Bank: the incoming payments of a statement, seeded from the world.

Debtors pay their bailiff's open proceedings (AIS EP's active cases with something left to pay) and write the
payment's purpose as people do, in Kazakh or Russian free text. Of the payments, about:
- 60 % name the proceeding's number (kind "number"), paid by the debtor;
- 10 % name it mistyped, one digit off or two neighbours swapped, paid by the debtor ("mistyped");
- 20 % name no number, paid by the debtor under the debtor's IIN ("iin");
- 5 % are paid by a relative, another person with another IIN, who names the debtor in the purpose ("relative");
- 5 % are a stranger's, belonging to no proceeding ("stranger").
About a quarter pay the whole remaining debt and its fee (of the proceeding named, or of all the debtor's open
ones), the others a part, in tenge with tiyn. Two debtors of the bailiff who share one full name are always among
the payers: one pays under the IIN without a number, the other names the number.

The truth (which proceedings each payment belongs to; none for a stranger's) is what the sandbox serves on its
private `_deposit/truth` route for tests and benchmarks. Deterministic: the same world, bailiff, count and last day
give the same statement; the payments draw from `Random(f"{seed}:deposit:{holder}")`.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from domain.payments.statement import fee_on_remaining
from sandbox import names
from sandbox.parties import creditor_iban
from sandbox.sites.aisep.cases import Case, build_cases
from sandbox.world import World, make_iin

DEFAULT_PAYMENTS = 40
DAYS = 14  # the statement's payments fall in the 14 days up to its last day
CENT = Decimal("0.01")
KINDS = ("number", "mistyped", "iin", "relative", "stranger")
KIND_WEIGHTS = (60, 10, 20, 5, 5)
FULL_SHARE = 0.25

WITH_NUMBER = (
    "Оплата задолженности по ИП № {number}",
    "Погашение долга по исполнительному производству {number}",
    "Алименты, исп. производство {number}",
    "{number} атқарушылық іс жүргізу бойынша қарызды өтеу",
    "АІЖ № {number} бойынша төлем",
    "Іс жүргізу {number}, борышты төлеу",
)
WITHOUT_NUMBER = (
    "Погашение задолженности",
    "Оплата долга по решению суда",
    "Оплата по исполнительному листу",
    "Қарызды өтеу",
    "Сот шешімі бойынша төлем",
    "Борышты төлеу",
)
FOR_DEBTOR = (
    "За {name} оплата долга",
    "Оплата задолженности за {name}",
    "{name} үшін қарызды өтеу",
    "{name} атынан борышты төлеу",
)
STRANGER = ("Перевод", "Возврат займа", "Оплата по счёту 17/11", "Аударым", "Қарыз қайтару")


@dataclass(frozen=True)
class Payment:
    """A credit on the account as the statement shows it."""

    reference: str
    received: dt.date
    amount: Decimal
    payer_name: str
    payer_id: str
    payer_iban: str  # the account it came from: where a remainder goes back
    purpose: str


@dataclass(frozen=True)
class Truth:
    """What a payment is: its kind, the proceedings it pays (empty for a stranger's) and whether it pays them off."""

    reference: str
    kind: str
    debtor_iin: str
    proceedings: tuple[str, ...]
    full: bool


@dataclass(frozen=True)
class Statement:
    payments: tuple[Payment, ...]  # by date received, then reference
    truth: dict[str, Truth]
    namesakes: tuple[str, ...]  # the IINs of the two debtors who share one full name

    def since(self, day: dt.date) -> list[Payment]:
        return [p for p in self.payments if p.received >= day]


def default_last_day() -> dt.date:
    """Today on Almaty's clock: the statement's newest payments are today's."""
    return dt.datetime.now(dt.timezone(dt.timedelta(hours=5))).date()


_CACHE: dict[tuple[int, int, str, int, dt.date], Statement] = {}


def build_statement(
    world: World, holder: str, count: int = DEFAULT_PAYMENTS, last_day: dt.date | None = None
) -> Statement:
    """The statement of `holder`'s deposit account: `count` payments over the DAYS up to `last_day` (cached)."""
    last_day = last_day or default_last_day()
    key = (world.seed, len(world.debtors), holder, count, last_day)
    if key not in _CACHE:
        _CACHE[key] = _statement(world, holder, count, last_day)
    return _CACHE[key]


def _statement(world: World, holder: str, count: int, last_day: dt.date) -> Statement:
    rng = random.Random(f"{world.seed}:deposit:{holder}")
    cases = build_cases(world)
    open_cases = sorted(
        (c for c in cases.values() if c.holder == holder and c.status == "active" and c.remaining > 0),
        key=lambda c: c.number,
    )
    if not open_cases:
        return Statement((), {}, ())
    by_debtor: dict[str, list[Case]] = defaultdict(list)
    for case in open_cases:
        by_debtor[case.debtor_iin].append(case)
    pair = _namesakes(open_cases)
    first = [by_debtor[iin][0] for iin in pair][:count]
    pool = [c for c in open_cases if c not in first]
    rest = count - len(first)
    targets = first + (rng.sample(pool, rest) if rest <= len(pool) else rng.choices(pool, k=rest))
    plan = list(zip(targets, _kinds(rng, count, fixed=("iin", "number")[: len(first)]), strict=True))
    drafts = [_payment(world, rng, case, kind, by_debtor[case.debtor_iin], cases) for case, kind in plan]
    days = [last_day - dt.timedelta(days=rng.randrange(DAYS)) for _ in drafts]
    order = sorted(range(len(drafts)), key=lambda i: (days[i], i))
    payments, truth = [], {}
    for n, i in enumerate(order, start=1):
        reference = f"SQ{days[i]:%y%m%d}{n:06d}"
        amount, payer_name, payer_id, purpose, found = drafts[i]
        iban = creditor_iban(payer_id or payer_name)  # drawn from the payer, so the random streams stay as they were
        payments.append(Payment(reference, days[i], amount.quantize(CENT), payer_name, payer_id, iban, purpose))
        truth[reference] = Truth(reference, found.kind, found.debtor_iin, found.proceedings, found.full)
    return Statement(tuple(payments), truth, pair)


def _kinds(rng: random.Random, count: int, fixed: tuple[str, ...]) -> list[str]:
    """The payments' kinds in the shares of KIND_WEIGHTS exactly (largest remainders), the fixed ones first."""
    total = sum(KIND_WEIGHTS)
    exact = [count * w / total for w in KIND_WEIGHTS]
    quota = [int(x) for x in exact]
    for i in sorted(range(len(KINDS)), key=lambda i: exact[i] - quota[i], reverse=True)[: count - sum(quota)]:
        quota[i] += 1
    for kind in fixed:
        quota[KINDS.index(kind)] -= 1
    rest = [kind for kind, n in zip(KINDS, quota, strict=True) for _ in range(max(0, n))]
    rng.shuffle(rest)
    return [*fixed, *rest][:count]


def _namesakes(open_cases: list[Case]) -> tuple[str, ...]:
    """Two debtors with open cases who share one full name (the world has such pairs: its name pools are small)."""
    seen: dict[str, str] = {}
    for case in open_cases:
        other = seen.setdefault(case.debtor_name, case.debtor_iin)
        if other != case.debtor_iin:
            return (other, case.debtor_iin)
    return ()


def _payment(
    world: World, rng: random.Random, case: Case, kind: str, debtor_cases: list[Case], cases: dict[str, Case]
) -> tuple[Decimal, str, str, str, Truth]:
    debtor = world.by_iin[case.debtor_iin].person
    own_name = _as_written(rng, debtor.full_name, debtor.latin_name)
    if kind == "stranger":
        name, iin = _stranger(world, rng)
        amount = Decimal(rng.randrange(500_000, 20_000_000)) / 100
        return amount, name, iin, rng.choice(STRANGER), Truth("", kind, "", (), False)
    if kind in ("number", "mistyped"):
        number = case.number if kind == "number" else _mistyped(rng, case.number, cases)
        purpose = rng.choice(WITH_NUMBER).format(number=number)
        owed, paid = _owed(case), (case.number,)
        payer_id = "" if kind == "number" and rng.random() < 0.1 else debtor.iin
        payer_name = own_name
    else:
        owed = sum((_owed(c) for c in debtor_cases), Decimal("0"))
        paid = tuple(c.number for c in debtor_cases)
        if kind == "iin":
            purpose, payer_name, payer_id = rng.choice(WITHOUT_NUMBER), own_name, debtor.iin
        else:
            purpose = rng.choice(FOR_DEBTOR).format(name=debtor.full_name)
            payer_name, payer_id = _stranger(world, rng)
    full = rng.random() < FULL_SHARE
    amount = owed if full else _part(rng, owed)
    return amount, payer_name, payer_id, purpose, Truth("", kind, debtor.iin, paid, full)


def _owed(case: Case) -> Decimal:
    """What pays a proceeding off: its remaining debt and the fee due on it (art. 118), as the bailiff tells it."""
    return case.remaining + fee_on_remaining(case.amount, case.opened, case.remaining)


def _part(rng: random.Random, owed: Decimal) -> Decimal:
    """A part of what is owed, at least one tenge and less than all of it, with tiyn or in whole tenge."""
    cents = int(owed * 100)
    if cents <= 100:
        return owed
    part = Decimal(rng.randrange(max(100, cents // 20), max(101, cents * 9 // 10))) / 100
    return part.quantize(Decimal("1")) if rng.random() < 0.4 else part


def _mistyped(rng: random.Random, number: str, cases: dict[str, Case]) -> str:
    """The number with one digit off or two neighbouring digits swapped, and no other proceeding's number."""
    digits = [i for i, c in enumerate(number) if c.isdigit()]
    while True:
        chars = list(number)
        if rng.random() < 0.5:
            i = rng.choice(digits)
            chars[i] = rng.choice([d for d in "0123456789" if d != chars[i]])
        else:
            pairs = [i for i in digits if i + 1 in digits and chars[i] != chars[i + 1]]
            if not pairs:
                continue
            i = rng.choice(pairs)
            chars[i], chars[i + 1] = chars[i + 1], chars[i]
        typed = "".join(chars)
        if typed != number and typed not in cases:
            return typed


def _as_written(rng: random.Random, full_name: str, latin_name: str | None) -> str:
    """The payer's name as the paying bank wrote it: as registered, in capitals, or in Latin letters."""
    roll = rng.random()
    if latin_name and roll < 0.15:
        return latin_name.upper()
    return full_name.upper() if roll < 0.5 else full_name


def _stranger(world: World, rng: random.Random) -> tuple[str, str]:
    """Someone who is not a debtor of the world: a name and a valid IIN of nobody there."""
    kazakh = rng.random() < 0.7
    female = rng.random() < 0.5
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
    iin = make_iin(rng, female=female)
    while iin in world.by_iin:
        iin = make_iin(rng, female=female)
    return f"{surname} {first} {names.patronymic(rng.choice(roots), female, kazakh)}", iin

"""The AIS EP view of the world's proceedings: which of the three test bailiffs holds each one, its executive
document, what has been collected, the restrictions in force and the actions log so far.

Every proceeding of the world (world.debtors[*].proceedings, all open) is a case here under the same number.
Holder: login "bailiff{n}" with n = (index of the proceeding's register bailiff in world.bailiffs) % 3 + 1, so the
register's bailiff name and phone stay what the Unified Register shows. Each case draws from its own stream
Random(f"{seed}:aisep:{debtor index}:{k}").

Restrictions in force: "exit_ban" exactly when the world's proceeding has exit_ban; the debtor's first case (k = 0)
also carries "account_arrest" / "vehicle_arrest" / "realty_arrest" when any of the debtor's bank accounts, vehicles
or real estate is arrested in sandbox.world_assets, so the banks and eGov agree with AIS EP.
Collected: 0 for about 40 %, the full amount for about 15 % (status stays open), a part otherwise.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from decimal import Decimal

from sandbox.parties import Party, Words
from sandbox.world import Debtor, Proceeding, World
from sandbox.world_assets import assets_of

USERS = ("bailiff1", "bailiff2", "bailiff3")
STATUSES = ("active", "suspended", "search")
ACTION_KINDS = ("request_sent", "arrest_imposed", "wage_levy_sent", "restriction_lifted", "document_filed")
LOG_ONLY_KINDS = ("initiated", "exit_ban_imposed", "payment_recorded")
LOG_END = dt.date(2026, 11, 20)
COURTS = (  # the courts that issue writs and court orders, as AIS EP names them in Kazakh and Russian
    Words("Алматы қаласы Алмалы аудандық соты", "Алмалинский районный суд г. Алматы"),
    Words(
        "Астана қаласының азаматтық істер жөніндегі мамандандырылған ауданаралық соты",
        "Специализированный межрайонный суд по гражданским делам г. Астаны",
    ),
    Words(
        "Қарағанды қаласы Қазыбек би ауданының №2 аудандық соты", "Районный суд №2 Казыбекбийского района г. Караганды"
    ),
    Words("Тараз қалалық соты", "Таразский городской суд"),
    Words(
        "Шымкент қаласының мамандандырылған ауданаралық экономикалық соты",
        "Специализированный межрайонный экономический суд г. Шымкента",
    ),
)
POLICE = Words(
    "Алматы қаласы Полиция департаментінің Әкімшілік полиция басқармасы",
    "Управление административной полиции Департамента полиции г. Алматы",
)


@dataclass(frozen=True)
class ExecutiveDocument:
    kind: str  # "writ" (исполнительный лист), "court_order" (судебный приказ), "admin_decision"
    issuer: Words
    number: str
    issued: dt.date


@dataclass(frozen=True)
class Action:
    on: dt.date
    kind: str
    comment: str
    author: str


@dataclass(frozen=True)
class Case:
    number: str
    holder: str  # AIS EP login
    debtor_iin: str
    debtor_name: str
    creditor: Party
    category: str
    opened: dt.date
    status: str
    document: ExecutiveDocument
    amount: Decimal
    collected: Decimal
    restrictions: tuple[str, ...]
    actions: tuple[Action, ...]
    bailiff_name: str
    bailiff_phone: str
    costs: Decimal = Decimal("0.00")  # enforcement costs incurred so far (art. 113), recovered from the debtor

    @property
    def remaining(self) -> Decimal:
        return self.amount - self.collected


_CACHE: dict[tuple[int, int], dict[str, Case]] = {}


def build_cases(world: World) -> dict[str, Case]:
    """Every case by proceeding number; the same seed and size always give the same cases."""
    key = (world.seed, len(world.debtors))
    if key not in _CACHE:
        _CACHE[key] = {c.number: c for d in world.debtors for c in _cases(world, d)}
    return _CACHE[key]


def holder_of(world: World, proceeding: Proceeding) -> str:
    return USERS[world.bailiffs.index(proceeding.bailiff) % len(USERS)]


def _cases(world: World, debtor: Debtor) -> list[Case]:
    out = []
    for k, p in enumerate(debtor.proceedings):
        rng = random.Random(f"{world.seed}:aisep:{debtor.person.index}:{k}")
        holder = holder_of(world, p)
        restrictions = (("exit_ban",) if p.exit_ban else ()) + (_arrests(world, debtor) if k == 0 else ())
        out.append(
            Case(
                p.number,
                holder,
                debtor.person.iin,
                debtor.person.full_name,
                p.creditor,
                p.category,
                p.opened,
                rng.choices(STATUSES, (80, 12, 8))[0],
                _document(rng, p),
                p.amount,
                _collected(rng, p.amount),
                restrictions,
                _log(rng, p, holder),
                p.bailiff.name,
                p.bailiff.phone,
                _costs(random.Random(f"{world.seed}:aisep-costs:{debtor.person.index}:{k}")),
            )
        )
    return out


def _arrests(world: World, debtor: Debtor) -> tuple[str, ...]:
    assets = assets_of(world, debtor)
    if assets is None:
        return ()
    found = (("account_arrest", assets.accounts), ("vehicle_arrest", assets.vehicles), ("realty_arrest", assets.realty))
    return tuple(code for code, items in found if any(item.arrested for item in items))


def _document(rng: random.Random, p: Proceeding) -> ExecutiveDocument:
    issued = p.opened - dt.timedelta(days=rng.randrange(3, 60))
    if p.category == "fines":
        return ExecutiveDocument("admin_decision", POLICE, f"АП-{rng.randrange(100000, 999999)}", issued)
    kind = rng.choice(("writ", "court_order"))
    return ExecutiveDocument(kind, rng.choice(COURTS), f"2-{rng.randrange(1000, 9999)}/{issued:%Y}", issued)


def _collected(rng: random.Random, amount: Decimal) -> Decimal:
    roll = rng.random()
    if roll < 0.40:
        return Decimal("0.00")
    if roll < 0.55:
        return amount
    return (amount * Decimal(rng.randrange(1, 100)) / 100).quantize(Decimal("0.01"))


COSTS = (Decimal("1250.00"), Decimal("3690.00"), Decimal("15000.00"), Decimal("24300.50"))  # post, travel, valuation


def _costs(rng: random.Random) -> Decimal:
    """Costs a proceeding has incurred: none for half, else a notice's postage, travel or a valuation."""
    return Decimal("0.00") if rng.random() < 0.5 else rng.choice(COSTS)


def _log(rng: random.Random, p: Proceeding, holder: str) -> tuple[Action, ...]:
    log = [Action(p.opened, "initiated", "Возбуждено исполнительное производство", holder)]
    day = p.opened
    for _ in range(rng.randrange(0, 4)):
        day = min(day + dt.timedelta(days=rng.randrange(1, 90)), LOG_END)
        kind = rng.choice(("request_sent", "request_sent", "arrest_imposed", "wage_levy_sent", "document_filed"))
        log.append(Action(day, kind, f"Запрос/мера №{rng.randrange(1000, 9999)}", holder))
    if p.exit_ban:
        log.append(
            Action(
                min(day + dt.timedelta(days=5), LOG_END), "exit_ban_imposed", "Временное ограничение на выезд", holder
            )
        )
    return tuple(log)

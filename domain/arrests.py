"""Arrests of one debtor's holdings sized together, so that what is arrested never exceeds what the law allows.

Law 261-IV art. 55 p.5 (2010 text read, C-old): property is arrested in the size needed to execute the executive
document with the enforcement costs and the private bailiff's fee, no more. The order is the law's: money first
(art. 55 p.2), tenge accounts before foreign-currency ones (art. 58 p.3), other property only when the money is not
enough (art. 55 p.4). The articles and the order are data: domain/data/arrests.yaml.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from domain.data import table
from domain.errors import InvalidAmount
from domain.money import ZERO, tenge


class Holding(StrEnum):
    """What kind of holding an arrest falls on, as domain/data/arrests.yaml orders them."""

    ACCOUNT_KZT = "account_kzt"
    ACCOUNT_FOREIGN = "account_foreign"
    VEHICLE = "vehicle"
    REALTY = "realty"


@dataclass(frozen=True)
class Asset:
    """One holding of the debtor: `value` in tenge when known (a tenge account's balance), else None."""

    holding: Holding
    id: str
    value: Decimal | None = None
    arrested: bool = False  # already under arrest: its value counts as secured


@dataclass(frozen=True)
class Arrest:
    """An arrest to impose: on `asset`, within `amount` tenge, under `article`."""

    asset: Asset
    amount: Decimal
    article: str


@dataclass(frozen=True)
class Sizing:
    """What may be arrested in all (`limit` = owed + fee + costs), what earlier arrests secure, and the arrests."""

    owed: Decimal
    fee: Decimal
    costs: Decimal
    limit: Decimal
    secured_before: Decimal
    arrests: tuple[Arrest, ...]
    held: tuple[Asset, ...]  # not arrested: the limit is secured by the arrests before them
    article: str

    def amount_for(self, holding: Holding, id: str) -> Decimal | None:
        """The amount the arrest of one holding secures; None when it is not to be arrested."""
        return next((a.amount for a in self.arrests if a.asset.holding is holding and a.asset.id == id), None)

    @property
    def secured(self) -> Decimal:
        return self.secured_before + sum((a.amount for a in self.arrests), ZERO)


def size_arrests(owed: Decimal, fee: Decimal, costs: Decimal, assets: Iterable[Asset]) -> Sizing:
    """Arrests in the law's order, each within what is still unsecured; holdings after the limit is reached are held.

    An already arrested holding of known value secures its value first. A holding of unknown value (property, a
    foreign-currency account) secures all that is left (art. 55 p.5), and the holdings after it are held; so are
    those of the rank of an earlier arrest of unknown value and after, until it is valued."""
    owed, fee, costs = tenge(owed), tenge(fee), tenge(costs)
    if min(owed, fee, costs) < 0:
        raise InvalidAmount(f"owed ({owed}), fee ({fee}) and costs ({costs}) must not be negative")
    data = table("arrests")
    limit = owed + fee + costs
    items = list(assets)
    for asset in items:
        if asset.value is not None and asset.value < 0:
            raise InvalidAmount(f"asset {asset.id} has a negative value {asset.value}")
    secured_before = min(limit, sum((tenge(a.value) for a in items if a.arrested and a.value is not None), ZERO))
    left = limit - secured_before
    # an earlier arrest of unknown value secures the rest for the holdings of its rank and after: they wait for
    # its valuation; money, which the law takes first, is still arrested
    waiting = min((_place(a)[0] for a in items if a.arrested and a.value is None), default=None)
    arrests: list[Arrest] = []
    held: list[Asset] = []
    for asset in sorted((a for a in items if not a.arrested), key=_place):
        if left <= 0 or asset.value == 0 or (waiting is not None and _place(asset)[0] >= waiting):
            held.append(asset)
            continue
        amount = left if asset.value is None else min(tenge(asset.value), left)
        arrests.append(Arrest(asset, amount, _article(asset.holding)))
        left -= amount
    return Sizing(owed, fee, costs, limit, secured_before, tuple(arrests), tuple(held), str(data["limit"]["article"]))


def _place(asset: Asset) -> tuple[int, int, Decimal, int, str]:
    """Rank first, then known values largest first, then the table's order, then the id (a stable order)."""
    rows = list(table("arrests")["order"])
    index = next(i for i, r in enumerate(rows) if r["holding"] == asset.holding.value)
    known = 0 if asset.value is not None else 1
    return int(rows[index]["rank"]), known, -(asset.value or ZERO), index, asset.id


def _article(holding: Holding) -> str:
    row = next(r for r in table("arrests")["order"] if r["holding"] == holding.value)
    return f"{table('arrests')['limit']['article']}; {row['article']}"

"""Distribution of money collected from one debtor among several proceedings, Law 261-IV arts. 108–112.

Order (art. 108): fines imposed during enforcement; then the bailiff's fee and enforcement costs; then creditors by
queue 1–5 (arts. 111–112), a queue only after the previous one is paid in full, pro rata inside a queue (art. 110);
the remainder goes back to the debtor. Pro-rata shares are rounded to the tiyn by largest remainder (ties: earlier
claim first) so the statement sums exactly to what was collected — the law does not regulate rounding [?].
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from domain.data import table
from domain.errors import InvalidAmount, UnknownRule
from domain.money import ZERO, split_pro_rata, tenge

LineKind = Literal["fine", "fee", "costs", "creditor", "debtor"]
QUEUES = (1, 2, 3, 4, 5)


@dataclass(frozen=True)
class Claim:
    """What one creditor is owed on one proceeding, and its queue (arts. 111–112)."""

    creditor: str
    queue: int
    owed: Decimal


@dataclass(frozen=True)
class Line:
    kind: LineKind
    payee: str
    queue: int | None
    owed: Decimal
    paid: Decimal
    article: str


@dataclass(frozen=True)
class Distribution:
    """A statement whose lines sum exactly to `collected`."""

    collected: Decimal
    lines: tuple[Line, ...]

    @property
    def to_debtor(self) -> Decimal:
        return sum((line.paid for line in self.lines if line.kind == "debtor"), ZERO)


def queue_of(category: str) -> int:
    """The queue of a claim category (arts. 111–112), from domain/data/queues.yaml."""
    for row in table("queues")["categories"]:
        if row["category"] == category:
            return int(row["queue"])
    known = ", ".join(row["category"] for row in table("queues")["categories"])
    raise UnknownRule(f"unknown claim category {category!r}; known: {known}")


def distribute(
    collected: Decimal, claims: Sequence[Claim], *, fines: Decimal = ZERO, fee: Decimal = ZERO, costs: Decimal = ZERO
) -> Distribution:
    """Fines, then fee and costs, then queues 1–5 pro rata, remainder to the debtor (arts. 108–112)."""
    available = tenge(collected)
    _check(available, claims)
    lines: list[Line] = []
    available = _pay(lines, available, [Line("fine", "fines", None, tenge(fines), ZERO, "art. 108 p.1")])
    available = _pay(
        lines,
        available,
        [
            Line("fee", "bailiff's fee", None, tenge(fee), ZERO, "art. 108 p.1"),
            Line("costs", "enforcement costs", None, tenge(costs), ZERO, "art. 108 p.1"),
        ],
    )
    for queue in QUEUES:
        in_queue = [
            Line("creditor", c.creditor, queue, tenge(c.owed), ZERO, _article(queue))
            for c in claims
            if c.queue == queue
        ]
        available = _pay(lines, available, in_queue)
    lines.append(Line("debtor", "debtor", None, ZERO, available, "art. 108 p.1"))
    return Distribution(tenge(collected), tuple(lines))


def _pay(lines: list[Line], available: Decimal, step: list[Line]) -> Decimal:
    """Pay one step in full if money suffices, else pro rata to what each is owed (art. 110)."""
    owed = [line.owed for line in step]
    shares = owed if sum(owed, ZERO) <= available else split_pro_rata(available, owed)
    lines.extend(
        Line(ln.kind, ln.payee, ln.queue, ln.owed, paid, ln.article)
        for ln, paid in zip(step, shares)
        if ln.owed or ln.kind == "creditor"
    )
    return available - sum(shares, ZERO)


def _article(queue: int) -> str:
    return str(next(row["article"] for row in table("queues")["categories"] if row["queue"] == queue))


def _check(collected: Decimal, claims: Sequence[Claim]) -> None:
    if collected < 0:
        raise InvalidAmount(f"collected must be non-negative, got {collected}")
    for claim in claims:
        if claim.queue not in QUEUES or tenge(claim.owed) < 0:
            raise InvalidAmount(f"claim of {claim.creditor!r}: queue must be 1–5 and owed non-negative")

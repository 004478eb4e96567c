"""One payment distributed among its debtor's open proceedings (Law 261-IV arts. 108–112), and what is paid out.

The order is art. 108's: fines imposed during enforcement (none recorded here), then the enforcement costs still
outstanding (art. 113), then the creditors by queue (arts. 111–112), pro rata inside a queue (art. 110); what is
left goes back to the payer. The private bailiff's fee is a percent of what is actually collected (art. 118 p.2), so
each proceeding's claim is its remaining debt grossed up by its fee, and what the proceeding receives is split
between its creditor and the fee in that proportion: a full payment pays the remaining debt and its fee exactly,
a partial one collects for the creditor and the fee in step, and no later payment pays a fee twice.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from domain.data import table
from domain.distribution import Claim, distribute, queue_of
from domain.errors import DomainError
from domain.fees import private_bailiff_fee
from domain.money import ZERO, split_pro_rata, tenge
from domain.records import Case


@dataclass(frozen=True)
class Share:
    """What one proceeding receives from the payment: to its creditor, and the fee on that."""

    proceeding: str
    queue: int
    remaining: Decimal  # before the payment
    fee_due: Decimal  # the fee on the remaining debt (art. 118)
    to_creditor: Decimal
    fee: Decimal

    @property
    def paid_in_full(self) -> bool:
        return self.to_creditor >= self.remaining


@dataclass(frozen=True)
class Statement:
    """A payment's distribution: its lines sum exactly to `received` (art. 108)."""

    reference: str
    received: Decimal
    costs: Decimal  # the enforcement costs recovered
    shares: tuple[Share, ...]
    returned: Decimal  # back to the payer

    @property
    def to_creditors(self) -> Decimal:
        return sum((s.to_creditor for s in self.shares), ZERO)

    @property
    def fees(self) -> Decimal:
        return sum((s.fee for s in self.shares), ZERO)

    @property
    def distributed(self) -> Decimal:
        """What stays in enforcement: creditors, fee and costs (the rest goes back)."""
        return self.to_creditors + self.fees + self.costs


def queue_of_case(case: Case) -> int:
    """The queue of a proceeding's claim: its register category in the law's queues (domain/data/queues.yaml)."""
    return queue_of(str(table("queues")["register_categories"][case.category.value]))


def fee_due(case: Case) -> Decimal:
    """The fee on a proceeding's remaining debt; none where no fee schedule covers its date of initiation."""
    return fee_on_remaining(case.amount, case.opened, case.remaining)


def fee_on_remaining(amount: Decimal, opened: dt.date, remaining: Decimal) -> Decimal:
    """The fee (art. 118) still due on `remaining` of a claim of `amount` opened on `opened`; 0 when none is."""
    if remaining <= 0:
        return ZERO
    try:
        return private_bailiff_fee(amount, opened, collected=min(remaining, amount)).fee
    except DomainError:
        return ZERO


def distribute_payment(
    reference: str, received: Decimal, cases: Sequence[Case], *, costs_outstanding: Decimal = ZERO
) -> Statement:
    """The payment over the debtor's open proceedings: costs, then queues pro rata (each grossed up by its fee)."""
    received = tenge(received)
    open_cases = [c for c in cases if c.remaining > 0]
    claims = [Claim(c.number, queue_of_case(c), c.remaining + fee_due(c)) for c in open_cases]
    plan = distribute(received, claims, costs=costs_outstanding)
    paid = {line.payee: line.paid for line in plan.lines if line.kind == "creditor"}
    shares = tuple(_share(c, paid[c.number]) for c in open_cases)
    costs = sum((line.paid for line in plan.lines if line.kind == "costs"), ZERO)
    return Statement(reference, received, costs, shares, plan.to_debtor)


def _share(case: Case, paid: Decimal) -> Share:
    fee = fee_due(case)
    gross = case.remaining + fee
    if paid >= gross:
        to_creditor, to_fee = tenge(case.remaining), fee
    else:
        to_creditor, to_fee = split_pro_rata(paid, [case.remaining, fee])
    return Share(case.number, queue_of_case(case), case.remaining, fee, to_creditor, to_fee)


@dataclass(frozen=True)
class Reconciliation:
    """The day's money: received = distributed + returned + held for a person, to the tiyn."""

    received: Decimal
    distributed: Decimal
    returned: Decimal
    held: Decimal

    @property
    def difference(self) -> Decimal:
        """What is received and not accounted for (negative: accounted for and not received)."""
        return self.received - (self.distributed + self.returned + self.held)

    @property
    def balanced(self) -> bool:
        return self.difference == 0


def reconcile(statements: Sequence[Statement], held: Sequence[Decimal]) -> Reconciliation:
    """Totals over the day's statements and the payments waiting for a person."""
    held_total = sum((tenge(h) for h in held), ZERO)
    return Reconciliation(
        received=sum((s.received for s in statements), ZERO) + held_total,
        distributed=sum((s.distributed for s in statements), ZERO),
        returned=sum((s.returned for s in statements), ZERO),
        held=held_total,
    )

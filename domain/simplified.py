"""The simplified procedure of the "robot bailiff" (research note §8.5; its rules in domain/data/simplified.yaml):
which proceedings it takes, and what it does next for one of them.

A state claim under the threshold in MCI is notified by SMS and push; when the term to pay has run out unpaid,
ONE tenge account of the debtor is arrested within the debt (the one whose balance covers most of it); with no
account holding money the proceeding goes to a bailiff. A payment at any point ends it (the payments flow lifts
every measure)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from domain.checks.assets import account_finding
from domain.data import decimal, table
from domain.findings import Finding, Severity
from domain.mci import mci_amount
from domain.money import ZERO
from domain.records import BankAccount, Case, CaseSummary

NOTICE_ACTION = "document_filed"  # AIS EP lets a bailiff log no kind of its own for a notice sent by SMS


class Step(StrEnum):
    NOTIFY = "notify"
    WAIT = "wait"  # the term to pay runs
    ARREST = "arrest"  # one account, within the debt
    HAND_OVER = "hand_over"  # no money found: a bailiff takes the proceeding
    DONE = "done"  # paid


@dataclass(frozen=True)
class Eligibility:
    eligible: bool
    threshold: Decimal  # in tenge, on the day
    why: str


@dataclass(frozen=True)
class Decision:
    step: Step
    term_ends: dt.date | None = None
    account: BankAccount | None = None
    amount: Decimal = ZERO  # what the arrest secures: at most the debt, no fee


def eligibility(case: Case | CaseSummary, on: dt.date) -> Eligibility:
    """A claim in favour of the state, still owed, under the threshold (20 MCI of the day, for payments); the list's
    row tells as much as the card."""
    rules = table("simplified")
    threshold = mci_amount(decimal(rules["threshold_mci"]["value"]), on)
    if case.category.value not in rules["categories"]["value"]:
        return Eligibility(False, threshold, f"category {case.category.value}: not a claim in favour of the state")
    if case.remaining <= 0:
        return Eligibility(False, threshold, "nothing is owed")
    if case.remaining >= threshold:
        return Eligibility(False, threshold, f"{case.remaining} is not under {threshold} (20 MCI)")
    return Eligibility(True, threshold, f"a state claim of {case.remaining}, under {threshold} (20 MCI)")


def term_ends(notified_on: dt.date) -> dt.date:
    """The last day to pay: the notice's day plus the term in calendar days."""
    term = table("simplified")["term"]
    assert term["unit"] == "calendar_days", "only a term in calendar days is modelled"
    return notified_on + dt.timedelta(days=int(term["count"]))


def next_step(case: Case, notified_on: dt.date | None, accounts: Sequence[BankAccount], on: dt.date) -> Decision:
    """What the robot does today for one proceeding of the simplified procedure."""
    if case.remaining <= 0:
        return Decision(Step.DONE)
    if notified_on is None:
        return Decision(Step.NOTIFY)
    due = term_ends(notified_on)
    if on <= due:
        return Decision(Step.WAIT, term_ends=due)
    if "account_arrest" in case.restrictions:
        return Decision(Step.HAND_OVER, term_ends=due)  # arrested before and still unpaid: a bailiff goes on
    money = [a for a in accounts if a.currency == "KZT" and a.balance > 0 and not a.arrested]
    if not money:
        return Decision(Step.HAND_OVER, term_ends=due)
    best = max(money, key=lambda a: (min(a.balance, case.remaining), a.iban))
    return Decision(Step.ARREST, term_ends=due, account=best, amount=min(best.balance, case.remaining))


def notice_tag(number: str) -> str:
    """What marks the robot's notice in a proceeding's actions log, whatever the comment's wording around it."""
    return f"[simplified-notice:{number}]"


def notified_on(case: Case) -> dt.date | None:
    """The day the robot's notice was recorded on the card (its actions log), the first if it shows twice."""
    tag = notice_tag(case.number)
    days = [dt.date.fromisoformat(a.date[:10]) for a in case.actions if a.kind == NOTICE_ACTION and tag in a.comment]
    return min(days, default=None)


def arrest_finding(decision: Decision, *, uncertain: bool = False) -> Finding:
    """The finding the arrest of the decided account rests on; `uncertain` (a bank gave no answer, so the choice
    rests on part of the facts) makes it one a person decides on, whatever the office's act policy says."""
    if decision.step is not Step.ARREST or decision.account is None:
        raise ValueError(f"no account to arrest at step {decision.step}")
    finding = account_finding(decision.account)
    return finding.model_copy(update={"severity": Severity.REVIEW}) if uncertain else finding

"""The robot bailiff's simplified procedure (research note §8.5): which proceedings it takes (state claims under
20 MCI) and its next step — notify, wait out the 5 calendar days, arrest one account within the debt, or hand over."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from domain.mci import mci_amount
from domain.records import BankAccount, CreditorCategory
from domain.simplified import Step, eligibility, next_step, term_ends
from tests.documents.examples import case

ON = dt.date(2026, 12, 1)
LIMIT = mci_amount(20, ON)  # 20 MCI of 2026


def fine(remaining: str, restrictions: tuple[str, ...] = ()) -> object:
    c = case(remaining, restrictions=restrictions)
    return c.model_copy(update={"category": CreditorCategory.FINES})


def account(iban: str, balance: str, currency: str = "KZT", arrested: bool = False) -> BankAccount:
    return BankAccount(bank="bank_sandyq", iban=iban, currency=currency, balance=Decimal(balance), arrested=arrested)


@pytest.mark.parametrize(
    ("category", "remaining", "eligible"),
    [
        (CreditorCategory.FINES, "30000", True),
        (CreditorCategory.TAXES, "30000", True),
        (CreditorCategory.BANK_LOANS, "30000", False),  # not the state's claim
        (CreditorCategory.FINES, str(LIMIT - Decimal("0.01")), True),  # the last tiyn under 20 MCI
        (CreditorCategory.FINES, str(LIMIT), False),  # 20 MCI is not under 20 MCI
        (CreditorCategory.FINES, "0", False),
    ],
)
def test_the_simplified_procedure_takes_state_claims_under_20_mci(
    category: CreditorCategory, remaining: str, eligible: bool
) -> None:
    c = case(remaining).model_copy(update={"category": category})
    assert eligibility(c, ON).eligible is eligible


def test_the_term_is_5_calendar_days_from_the_notice() -> None:
    assert term_ends(dt.date(2026, 12, 14)) == dt.date(2026, 12, 19)  # a Saturday: calendar days


@pytest.mark.parametrize(
    ("notified", "accounts", "restrictions", "step", "iban", "amount"),
    [
        pytest.param(None, [], (), Step.NOTIFY, None, "0", id="first_notify"),
        pytest.param(dt.date(2026, 11, 26), [], (), Step.WAIT, None, "0", id="last_day_of_the_term"),
        pytest.param(
            dt.date(2026, 11, 25), [account("A", "5000"), account("B", "50000")], (), Step.ARREST, "B", "30000",
            id="one_account_within_the_debt",
        ),
        pytest.param(
            dt.date(2026, 11, 25), [account("A", "5000"), account("U", "90000", "USD")], (), Step.ARREST, "A", "5000",
            id="a_tenge_account_only",
        ),
        pytest.param(dt.date(2026, 11, 25), [account("A", "0")], (), Step.HAND_OVER, None, "0", id="no_money"),
        pytest.param(
            dt.date(2026, 11, 25), [account("B", "50000")], ("account_arrest",), Step.HAND_OVER, None, "0",
            id="arrested_and_still_unpaid",
        ),
    ],
)  # fmt: skip
def test_next_step(
    notified: dt.date | None,
    accounts: list[BankAccount],
    restrictions: tuple[str, ...],
    step: Step,
    iban: str | None,
    amount: str,
) -> None:
    decision = next_step(fine("30000", restrictions), notified, accounts, ON)  # type: ignore[arg-type]
    assert decision.step is step
    assert (decision.account.iban if decision.account else None, decision.amount) == (iban, Decimal(amount))


def test_paid_is_done() -> None:
    assert next_step(fine("0"), dt.date(2026, 11, 1), [], ON).step is Step.DONE  # type: ignore[arg-type]

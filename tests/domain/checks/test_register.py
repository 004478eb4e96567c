import datetime as dt
from decimal import Decimal

import pytest

from domain.checks.register import Expected, check_register
from domain.findings import Severity
from domain.records import Bailiff, CreditorCategory, RegisterDebtor, RegisterProceeding

IIN = "900101300811"
BAILIFF = Bailiff(name="Оспанов Е.", region="Алматы қ.", phone="+7 701 000 00 00")


def proceeding(number: str, amount: str, exit_ban: bool = False) -> RegisterProceeding:
    return RegisterProceeding(
        number=number,
        opened=dt.date(2025, 3, 1),
        bailiff=BAILIFF,
        category=CreditorCategory.BANK_LOANS,
        amount=Decimal(amount),
        exit_ban=exit_ban,
    )


DEBTOR = RegisterDebtor(
    iin=IIN,
    name="Иванов Андрей",
    proceedings=(proceeding("A-1", "100000.50"), proceeding("A-2", "73000", exit_ban=True)),
)
NO_BAN = RegisterDebtor(iin=IIN, name="Иванов Андрей", proceedings=(proceeding("A-1", "100000.50"),))


@pytest.mark.parametrize(
    ("expected", "found", "codes", "amount"),
    [
        pytest.param(
            Expected(IIN, Decimal("173000.50")),
            DEBTOR,
            ["amount_matches", "exit_ban_in_force"],
            Decimal("173000.50"),
            id="art_36_total_matches_to_the_tiyn",
        ),
        pytest.param(
            Expected(IIN, Decimal("173000.49")),
            DEBTOR,
            ["amount_mismatch", "exit_ban_in_force"],
            Decimal("0.01"),
            id="art_36_total_one_tiyn_short_is_a_mismatch",
        ),
        pytest.param(
            Expected(IIN, Decimal("73000"), "A-2"),
            DEBTOR,
            ["amount_matches", "exit_ban_in_force"],
            Decimal("73000"),
            id="art_36_one_proceeding_matches",
        ),
        pytest.param(
            Expected(IIN, Decimal("74000.00"), "A-2"),
            DEBTOR,
            ["amount_mismatch", "exit_ban_in_force"],
            Decimal("-1000.00"),
            id="art_36_register_lower_gives_negative_difference",
        ),
        pytest.param(
            Expected(IIN, Decimal("1"), "A-9"),
            DEBTOR,
            ["proceeding_not_found", "exit_ban_in_force"],
            None,
            id="art_36_unknown_proceeding",
        ),
        pytest.param(
            Expected(IIN, None),
            NO_BAN,
            ["amount_read", "no_exit_ban"],
            Decimal("100000.50"),
            id="art_33_no_restriction_and_no_expected_amount",
        ),
        pytest.param(Expected(IIN, Decimal("5")), None, ["debtor_not_found"], None, id="art_36_not_in_register"),
    ],
)
def test_check_register(
    expected: Expected, found: RegisterDebtor | None, codes: list[str], amount: Decimal | None
) -> None:
    findings = check_register(expected, found)
    assert [f.code for f in findings] == codes
    assert findings[0].amount == amount
    assert all(f.legal_basis.startswith("Law 261-IV art.") for f in findings)


def test_blocking_findings_are_exceptions() -> None:
    findings = check_register(Expected(IIN, Decimal("1")), DEBTOR)
    assert findings[0].blocking and findings[0].severity is Severity.EXCEPTION
    assert not findings[1].blocking

"""Arrests sized together (Law 261-IV art. 55 p.5, 2010 text): never more than owed + fee + costs, in order."""

from decimal import Decimal

import pytest

from domain.arrests import Asset, Holding, size_arrests
from domain.errors import InvalidAmount

D = Decimal
KZT, FX, CAR, FLAT = Holding.ACCOUNT_KZT, Holding.ACCOUNT_FOREIGN, Holding.VEHICLE, Holding.REALTY

CASES = [
    # id, owed, fee, costs, assets, expected arrests (id, amount) in order, expected held ids
    (
        "art55p5-three-accounts-largest-first-third-held",
        "150000",
        "30000",
        "0",
        [Asset(KZT, "A", D("100000")), Asset(KZT, "B", D("50000")), Asset(KZT, "C", D("120000"))],
        [("C", "120000.00"), ("A", "60000.00")],
        ["B"],
    ),
    (
        "art55p5-three-accounts-all-needed",
        "300000",
        "15000",
        "5000",
        [Asset(KZT, "A", D("100000")), Asset(KZT, "B", D("50000")), Asset(KZT, "C", D("120000"))],
        [("C", "120000.00"), ("A", "100000.00"), ("B", "50000.00")],
        [],
    ),
    (
        "art55p5-one-account-covers-limit",
        "10000.50",
        "2500.10",
        "0",
        [Asset(KZT, "A", D("999999"))],
        [("A", "12500.60")],
        [],
    ),
    (
        "art58p3-foreign-currency-after-tenge",
        "100000",
        "0",
        "0",
        [Asset(FX, "USD", None), Asset(KZT, "A", D("40000"))],
        [("A", "40000.00"), ("USD", "60000.00")],
        [],
    ),
    (
        "art58p3-foreign-currency-held-when-tenge-covers",
        "100000",
        "0",
        "0",
        [Asset(FX, "USD", None), Asset(KZT, "A", D("400000"))],
        [("A", "100000.00")],
        ["USD"],
    ),
    (
        "art55p4-property-only-when-money-short",
        "500000",
        "50000",
        "0",
        [Asset(FLAT, "cad-1", None), Asset(CAR, "VIN1", None), Asset(KZT, "A", D("50000"))],
        [("A", "50000.00"), ("VIN1", "500000.00")],
        ["cad-1"],
    ),
    (
        "art55p4-no-property-when-money-covers",
        "50000",
        "10000",
        "0",
        [Asset(FLAT, "cad-1", None), Asset(KZT, "A", D("60000"))],
        [("A", "60000.00")],
        ["cad-1"],
    ),
    (
        "art55p5-earlier-arrest-counts",
        "100000",
        "0",
        "0",
        [Asset(KZT, "old", D("70000"), arrested=True), Asset(KZT, "B", D("50000"))],
        [("B", "30000.00")],
        [],
    ),
    (
        "art55p2-earlier-property-arrest-keeps-money-first-other-property-waits",
        "100000",
        "0",
        "0",
        [Asset(FLAT, "cad-1", None, arrested=True), Asset(CAR, "VIN1", None), Asset(KZT, "B", D("50000"))],
        [("B", "50000.00")],
        ["VIN1"],
    ),
    (
        "empty-account-is-not-arrested",
        "100000",
        "0",
        "0",
        [Asset(KZT, "zero", D("0")), Asset(KZT, "B", D("5000"))],
        [("B", "5000.00")],
        ["zero"],
    ),
]


@pytest.mark.parametrize(
    ("owed", "fee", "costs", "assets", "arrests", "held"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_sizing(
    owed: str, fee: str, costs: str, assets: list[Asset], arrests: list[tuple[str, str]], held: list[str]
) -> None:
    sizing = size_arrests(D(owed), D(fee), D(costs), assets)
    assert [(a.asset.id, str(a.amount)) for a in sizing.arrests] == arrests
    assert [a.id for a in sizing.held] == held
    assert sizing.limit == D(owed) + D(fee) + D(costs)
    assert sizing.secured <= sizing.limit  # never an over-arrest


def test_three_accounts_together_never_exceed_owed_plus_fee() -> None:
    sizing = size_arrests(D("150000"), D("30000"), D("0"), [Asset(KZT, n, D("100000")) for n in "ABC"])
    assert sum(a.amount for a in sizing.arrests) == D("180000.00")
    assert [a.amount for a in sizing.arrests] == [D("100000.00"), D("80000.00")]
    assert sizing.amount_for(KZT, "C") is None
    assert "art. 55 p.5" in sizing.article and "art. 55 p.2" in sizing.arrests[0].article


def test_negative_amounts_are_refused() -> None:
    with pytest.raises(InvalidAmount):
        size_arrests(D("-1"), D("0"), D("0"), [])
    with pytest.raises(InvalidAmount):
        size_arrests(D("1"), D("0"), D("0"), [Asset(KZT, "A", D("-5"))])

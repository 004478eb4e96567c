"""Private bailiff's fee (art. 118; MoJ orders 415/416 of 27.06.2023) and the state sanction (art. 124)."""

import datetime as dt
import re
from decimal import Decimal

import pytest

from domain.errors import InvalidAmount, OutsideData, UnknownRule
from domain.fees import enforcement_sanction, fee_percent, flat_fee, periodic_fee, private_bailiff_fee

ON = dt.date(2025, 3, 1)  # MCI 3 932
BRACKETS = [
    (60, "25", "20"),
    (300, "20", "15"),
    (1000, "15", "10"),
    (5000, "10", "8"),
    (10000, "8", "5"),
    (20000, "5", "3"),
]
TIYN = Decimal("0.01")


def _threshold_rows() -> list:  # type: ignore[type-arg]
    rows = []
    for upper, rate, above in BRACKETS:
        at = Decimal(upper) * 3932
        rows += [
            pytest.param(at - TIYN, rate, id=f"art_118_{upper}_mci_just_below"),
            pytest.param(at, rate, id=f"art_118_{upper}_mci_at_bound_inclusive"),
            pytest.param(at + TIYN, above, id=f"art_118_{upper}_mci_just_above"),
        ]
    return rows


@pytest.mark.parametrize(("claim", "percent"), _threshold_rows())
def test_fee_bracket_at_every_threshold(claim: Decimal, percent: str) -> None:
    assert fee_percent(claim, ON) == Decimal(percent)


@pytest.mark.parametrize(
    ("claim", "collected", "voluntary", "fee"),
    [
        pytest.param("100000", None, False, "25000.00", id="art_118_p1_small_claim_25_percent"),
        pytest.param("235920", None, False, "58980.00", id="art_118_p1_exactly_60_mci_stays_25_percent"),
        pytest.param("235920.01", None, False, "47184.00", id="art_118_p1_flat_rate_on_whole_amount_not_marginal"),
        pytest.param("1000000", "400000", False, "80000.00", id="art_118_p2_partial_collection_proportional"),
        pytest.param("1000000", None, True, "60000.00", id="art_118_p3_voluntary_30_percent_2010_text"),
        pytest.param("100000000", None, False, "3000000.00", id="art_118_p1_over_20000_mci_3_percent"),
        pytest.param("123.45", None, False, "30.86", id="art_118_fee_rounded_half_up"),
    ],
)
def test_private_bailiff_fee(claim: str, collected: str | None, voluntary: bool, fee: str) -> None:
    result = private_bailiff_fee(Decimal(claim), ON, None if collected is None else Decimal(collected), voluntary)
    assert result.fee == Decimal(fee)
    assert result.mci == Decimal("3932")


def test_bracket_uses_the_mci_of_the_initiation_date() -> None:
    claim = Decimal(60 * 4325)  # 60 MCI of 2026 is above 60 MCI of 2025
    assert private_bailiff_fee(claim, dt.date(2026, 1, 5)).percent == Decimal("25")
    assert private_bailiff_fee(claim, dt.date(2025, 12, 31)).percent == Decimal("20")


@pytest.mark.parametrize(
    ("claim", "collected"),
    [pytest.param("100", "101", id="collected_above_claim"), pytest.param("100", "-1", id="negative_collected")],
)
def test_fee_refuses_impossible_amounts(claim: str, collected: str) -> None:
    with pytest.raises(InvalidAmount):
        private_bailiff_fee(Decimal(claim), ON, Decimal(collected))


def test_fee_before_the_2023_schedule_is_outside_the_data() -> None:
    with pytest.raises(OutsideData, match=r"no value before 01\.07\.2023 in domain/data/fees\.yaml"):
        private_bailiff_fee(Decimal(1000), dt.date(2023, 6, 30))


@pytest.mark.parametrize(
    ("claim", "fee", "capped"),
    [
        pytest.param("1310666666.00", "39319999.98", False, id="art_118_p1_just_below_cap_10000_mci"),
        pytest.param("1310666667.00", "39320000.00", True, id="art_118_p1_just_above_cap_is_capped"),
        pytest.param("2000000000", "39320000.00", True, id="art_118_p1_cap_10000_mci_binds"),
    ],
)
def test_fee_never_exceeds_the_cap_of_10000_mci(claim: str, fee: str, capped: bool) -> None:
    result = private_bailiff_fee(Decimal(claim), ON)
    assert (result.fee, result.capped, result.cap) == (Decimal(fee), capped, Decimal("39320000.00"))


def test_the_fee_says_which_mci_it_used_and_why() -> None:
    basis = private_bailiff_fee(Decimal(100000), ON).mci_basis
    assert (basis.value, basis.purpose) == (Decimal("3932"), "payments")
    assert "not a benefit" in basis.why


@pytest.mark.parametrize(
    ("kind", "legal_entity", "months", "amount"),
    [
        pytest.param("eviction_or_action", False, 1, "196600.00", id="orders_415_416_eviction_individual_50_mci"),
        pytest.param("eviction_or_action", True, 1, "393200.00", id="orders_415_416_eviction_legal_entity_100_mci"),
        pytest.param("securing_or_release", False, 1, "39320.00", id="orders_415_416_securing_individual_10_mci"),
        pytest.param("securing_or_release", True, 1, "78640.00", id="orders_415_416_securing_legal_entity_20_mci"),
        pytest.param(
            "child_communication", False, 3, "235920.00", id="orders_415_416_child_communication_20_mci_month"
        ),
    ],
)
def test_flat_fee_for_non_money_documents(kind: str, legal_entity: bool, months: int, amount: str) -> None:
    assert flat_fee(kind, ON, legal_entity, months) == Decimal(amount)  # type: ignore[arg-type]


def test_flat_fee_without_a_rule_is_unknown() -> None:
    with pytest.raises(UnknownRule):
        flat_fee("child_communication", ON, legal_entity=True)


@pytest.mark.parametrize(
    ("on", "fee"),
    [
        pytest.param(dt.date(2018, 1, 1), "36075.00", id="decree_1053_15_mci_first_day_2018"),  # 15 × 2 405
        pytest.param(dt.date(2023, 6, 30), "51750.00", id="decree_1053_15_mci_last_day_before_order_416"),  # 15 × 3 450
    ],
)
def test_periodic_fee_under_decree_1053(on: dt.date, fee: str) -> None:
    assert periodic_fee(on) == Decimal(fee)


@pytest.mark.parametrize(
    ("on", "reason"),
    [
        pytest.param(dt.date(2016, 1, 1), "before the amendment of 21.10.2017 was not read", id="first_wording_unread"),
        pytest.param(dt.date(2017, 12, 31), "before the amendment of 21.10.2017", id="day_before_15_mci_applied"),
        pytest.param(dt.date(2023, 7, 1), "its part on periodic payments was not read", id="order_416_first_day"),
        pytest.param(dt.date(2023, 7, 13), "decree 560 of 13.07.2023", id="day_of_repeal_decree_560"),
        pytest.param(dt.date(2026, 3, 1), "the order itself is not among the stored", id="today_still_unread"),
    ],
)
def test_periodic_fee_refused_where_the_text_was_not_read(on: dt.date, reason: str) -> None:
    with pytest.raises(UnknownRule, match=re.escape(reason)):
        periodic_fee(on)


@pytest.mark.parametrize(
    ("collected", "kwargs", "sanction"),
    [
        pytest.param("100000", {}, "10000.00", id="art_124_ten_percent"),
        pytest.param("39320", {}, "3932.00", id="art_124_at_one_mci_charged"),
        pytest.param("39319.94", {}, "0.00", id="art_124_below_one_mci_not_charged"),
        pytest.param("100000", {"voluntary_on_time": True}, "0.00", id="art_124_voluntary_on_time_not_charged"),
        pytest.param("100000", {"debtor_is_state": True}, "0.00", id="art_124_state_debtor_not_charged"),
        pytest.param("0", {"non_property": True}, "39320.00", id="art_124_non_property_individual_10_mci"),
        pytest.param(
            "0", {"non_property": True, "legal_entity": True}, "78640.00", id="art_124_non_property_legal_20_mci"
        ),
    ],
)
def test_enforcement_sanction(collected: str, kwargs: dict, sanction: str) -> None:  # type: ignore[type-arg]
    assert enforcement_sanction(Decimal(collected), ON, **kwargs) == Decimal(sanction)

"""Which acts a debtor's night calls for, and the fact each rests on (same fact, same document)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from domain.checks.assets import DebtorFile
from domain.documents import Sent, exit_warning_fact, lead_case, plan
from domain.findings import AssetKind, AssetRef, Finding, Severity
from tests.documents.examples import ACCOUNT, FLAT, IIN, ON, RICH, case, debtor, findings

WARNING = exit_warning_fact(IIN)


def kinds_of(of: DebtorFile, on: dt.date = ON, sent: dict[str, Sent] | None = None) -> list[str]:
    return sorted(
        d.kind.name + (f":{d.purpose}" if d.purpose else "") for d in plan(of, findings(of, on), on, sent or {})
    )


@pytest.mark.parametrize(
    ("of", "expected"),
    [
        pytest.param(
            RICH,
            ["account_arrest", "notice:exit_ban_warning", "property_arrest", "wage_levy"],
            id="art_32_33_93_one_act_per_finding_the_flat_waits_for_the_cars_valuation_art_55_p5",
        ),
        pytest.param(
            debtor(case(initiated=False)),
            ["notice:exit_ban_warning", "notice:voluntary", "opening"],
            id="art_37_no_initiation_in_the_log_opens_with_a_notice",
        ),
        pytest.param(
            debtor(case(collected="1234567.89", restrictions=("exit_ban",))),
            ["exit_ban_lift"],
            id="art_47_paid_with_exit_ban_lifts_it",
        ),
        pytest.param(
            debtor(case(collected="1234567.89", restrictions=("account_arrest",))),
            ["arrest_lift"],
            id="art_47_paid_with_an_account_arrest_lifts_the_arrest_not_an_exit_ban",
        ),
        pytest.param(
            debtor(case(collected="1234567.89", restrictions=("exit_ban", "account_arrest", "vehicle_arrest"))),
            ["arrest_lift", "exit_ban_lift"],
            id="art_47_paid_with_every_measure_one_act_for_the_exit_ban_one_for_the_arrests",
        ),
        pytest.param(debtor(case("100000")), ["registry_request"], id="art_126_nothing_found_asks_a_registry"),
        pytest.param(
            debtor(case("100000"), properties=(FLAT.model_copy(update={"owner_iin": "061211600012"}),)),
            ["registry_request"],
            id="art_126_disagreement_asks_the_registry",
        ),
        pytest.param(
            debtor(case(restrictions=("exit_ban",)), accounts=(ACCOUNT,)),
            ["account_arrest"],
            id="art_33_exit_ban_in_force_no_warning",
        ),
    ],
)
def test_acts_called_for(of: DebtorFile, expected: list[str]) -> None:
    assert kinds_of(of) == expected


@pytest.mark.parametrize(
    ("sent_on", "on", "restricts"),
    [
        pytest.param(dt.date(2026, 11, 25), dt.date(2026, 12, 2), False, id="art_33_fifth_working_day_still_warning"),
        pytest.param(dt.date(2026, 11, 25), dt.date(2026, 12, 3), True, id="art_33_sixth_working_day_restricts"),
        pytest.param(dt.date(2026, 12, 11), dt.date(2026, 12, 21), False, id="art_33_16_dec_holiday_not_counted"),
        pytest.param(dt.date(2026, 12, 11), dt.date(2026, 12, 22), True, id="art_33_after_the_holiday"),
    ],
)
def test_exit_restriction_only_after_the_warning(sent_on: dt.date, on: dt.date, restricts: bool) -> None:
    of = debtor(case())
    drafts = plan(of, findings(of, on), on, {WARNING: Sent("ORY-2026-000001", sent_on)})
    assert ("exit_ban" in [d.kind.name for d in drafts]) is restricts
    assert [d.fact for d in drafts if d.kind.name == "notice"] == [WARNING]  # the warning stays one act
    assert all(d.warning == Sent("ORY-2026-000001", sent_on) for d in drafts if d.kind.name == "exit_ban")


def test_no_warning_sent_no_restriction() -> None:
    of = debtor(case())
    assert "exit_ban" not in kinds_of(of, dt.date(2026, 12, 28))


def test_the_fact_ignores_amounts_and_dates() -> None:
    """A debt that changes, a balance that changes, a later night: still the same acts."""
    before = {d.fact for d in plan(RICH, findings(RICH), ON, {})}
    richer = debtor(
        case("2000000"),
        properties=RICH.properties,
        vehicles=RICH.vehicles,
        accounts=(ACCOUNT.model_copy(update={"balance": Decimal("99.99")}),),
        contributions=RICH.contributions,
    )
    later = ON + dt.timedelta(days=30)
    assert {d.fact for d in plan(richer, findings(richer, later), later, {})} == before


def test_facts_differ_per_asset_and_carry_the_debtor() -> None:
    facts = [d.fact for d in plan(RICH, findings(RICH), ON, {})]
    assert len(facts) == len(set(facts)) == 4  # the flat waits: the account and the car secure the limit
    assert all(f"debtor:{IIN}" in fact for fact in facts)


def test_a_long_asset_is_kept_as_a_digest() -> None:
    long = Finding(
        code="realty_not_arrested",
        message="m",
        legal_basis="art. 32",
        severity=Severity.ACTION,
        registries=("egov_realty",),
        asset=AssetRef(kind=AssetKind.REALTY, id="1", label="flat " + "ул. Абая, " * 40),
    )
    [draft] = plan(RICH, [long], ON, {})
    assert len(draft.fact) < 220 and "sha256:" in draft.fact


def test_a_fact_met_twice_is_one_act() -> None:
    twice = findings(RICH) + findings(RICH)
    assert [d.fact for d in plan(RICH, twice, ON, {})] == [d.fact for d in plan(RICH, findings(RICH), ON, {})]


def test_findings_that_block_the_item_call_for_nothing() -> None:
    blocking = Finding(
        code="realty_not_arrested",
        message="m",
        legal_basis="x",
        severity=Severity.EXCEPTION,
        asset=AssetRef(kind=AssetKind.REALTY, id="1", label="flat 1"),
    )
    assert plan(RICH, [blocking], ON, {}) == []


def test_acts_of_a_debtor_go_to_the_earliest_proceeding() -> None:
    first, second = case(number="2401-000001", opened=dt.date(2024, 3, 1)), case(number="2501-000002")
    of = debtor(second, first, accounts=(ACCOUNT,))
    assert lead_case(of) == first
    assert {d.case.number for d in plan(of, findings(of), ON, {})} == {"2401-000001"}


def test_no_proceeding_no_act() -> None:
    assert plan(DebtorFile(IIN, "И", ()), findings(RICH), ON, {}) == []


def _accounts(*balances: str) -> tuple[object, ...]:
    return tuple(
        ACCOUNT.model_copy(update={"iban": f"KZ0000000000000000{n}", "balance": Decimal(b)})
        for n, b in enumerate(balances)
    )


@pytest.mark.parametrize(
    ("amount", "balances", "arrests", "costs"),
    [
        # owed 150 000 opened 20.01.2025: 38 MCI of 3 932, the 25 % bracket, fee 37 500: at most 187 500 is arrested
        pytest.param(
            "150000",
            ("100000", "50000", "120000"),
            {"2": "120000.00", "0": "67500.00"},
            "0",
            id="art_55_p5_three_accounts",
        ),
        pytest.param("1000", ("100000", "50000", "120000"), {"2": "1250.00"}, "0", id="art_55_p5_one_account_covers"),
        # the same debt with 15 000 of valuation and postage costs (art. 113): the limit is 202 500, the second
        # account is reached for the 82 500 the first leaves, the third still not
        pytest.param(
            "150000",
            ("100000", "50000", "120000"),
            {"2": "120000.00", "0": "82500.00"},
            "15000",
            id="art_55_p5_113_costs_within_the_limit",
        ),
    ],
)
def test_arrests_of_several_accounts_are_sized_together(
    amount: str, balances: tuple[str, ...], arrests: dict[str, str], costs: str
) -> None:
    of = debtor(case(amount, costs=costs), accounts=_accounts(*balances), properties=(FLAT,))
    drafts = [d for d in plan(of, findings(of), ON, {}) if d.kind.name in ("account_arrest", "property_arrest")]
    got = {d.finding.asset.id[-1]: str(d.arrest) for d in drafts if d.finding and d.finding.asset}
    assert got == arrests  # the flat is not arrested: the money covers the limit (art. 55 p.4)
    sizing = drafts[0].sizing
    assert sizing is not None and sum(Decimal(v) for v in arrests.values()) <= sizing.limit
    assert sizing.costs == Decimal(costs) and sizing.limit == Decimal(amount) + sizing.fee + sizing.costs

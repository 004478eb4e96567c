"""sandbox.world_assets: deterministic, well-formed assets, and exactly the documented inconsistencies."""

from __future__ import annotations

import re
from decimal import Decimal

from domain.iin import is_valid_bin, is_valid_iin
from sandbox import world_assets
from sandbox.world import World, build_world
from sandbox.world_assets import CONTRIBUTION_CAP, Assets, build_assets, employers

MONTHS = {f"{y}-{m:02d}" for y, m in [(2025, 11), (2025, 12)] + [(2026, m) for m in range(1, 11)]}


def test_the_same_seed_gives_the_same_assets(world: World, assets: dict[str, Assets]) -> None:
    world_assets._CACHE.clear()
    assert build_assets(world) == assets
    other = build_world(8, 50)
    assert [a.accounts for a in build_assets(other).values()] != [a.accounts for a in assets.values()]


def test_a_larger_world_keeps_the_smaller_worlds_assets(assets: dict[str, Assets]) -> None:
    larger = build_assets(build_world(7, 60))
    assert all(larger[iin] == item for iin, item in assets.items())


def test_every_employer_bin_is_valid_and_names_are_unique() -> None:
    pool = employers(7)
    assert all(is_valid_bin(e.bin) for e in pool)
    assert len({e.name for e in pool}) == len(pool) == len({e.bin for e in pool})


def test_contributions_are_ten_percent_capped_within_the_twelve_months(assets: dict[str, Assets]) -> None:
    for item in assets.values():
        months = [f"{c.month:%Y-%m}" for c in item.contributions]
        assert set(months) <= MONTHS and months == sorted(months)
        for c in item.contributions:
            assert c.amount == (min(c.income, CONTRIBUTION_CAP) * Decimal("0.10")).quantize(Decimal("0.01"))
            assert c.paid_on > c.month


def test_the_world_has_unemployed_job_changers_gaps_and_capped_earners() -> None:
    many = build_assets(build_world(7, 300)).values()
    assert any(not a.contributions for a in many)
    assert any(len({c.employer_bin for c in a.contributions}) == 2 for a in many)
    assert any(0 < len(a.contributions) < 12 for a in many)
    assert any(c.income > CONTRIBUTION_CAP for a in many for c in a.contributions)


def test_realty_vehicles_and_accounts_are_well_formed(assets: dict[str, Assets]) -> None:
    for item in assets.values():
        assert len(item.realty) <= 2 and len(item.vehicles) <= 2
        assert all(
            re.fullmatch(r"\d\d-\d{3}-\d{3}-\d{3}", r.cadastral) and r.share in ("1/1", "1/2", "1/3")
            for r in item.realty
        )
        assert all(re.fullmatch(r"\d{3}[A-Z]{3}\d\d", v.plate) and len(v.vin) == 17 for v in item.vehicles)
        for bank in world_assets.BANKS:
            assert len(item.accounts_in(bank)) <= 3
        assert all(_iban_ok(a.iban) and a.currency == "KZT" for a in item.accounts)


def test_inconsistencies_are_exactly_the_documented_ones(world: World, assets: dict[str, Assets]) -> None:
    for debtor in world.debtors:
        item, index = assets[debtor.person.iin], debtor.person.index
        employer_odd = bool(item.contributions) and index % 11 == 3
        owner_odd = bool(item.realty) and index % 13 == 4
        assert item.inconsistencies == {
            n for n, on in (("employer_name", employer_odd), ("realty_owner", owner_odd)) if on
        }
        if item.latest_employer:
            bin_, name = item.latest_employer
            assert item.tax.employer_bin == bin_ and (item.tax.employer_name != name) == employer_odd
        owners = [r.owner_iin for r in item.realty]
        assert all(is_valid_iin(o) for o in owners)
        assert (owners[:1] != [debtor.person.iin]) == owner_odd if owners else not owner_odd
    found = set().union(*(a.inconsistencies for a in assets.values()))
    assert found == {"employer_name", "realty_owner"}


def _iban_ok(iban: str) -> bool:
    rearranged = iban[4:] + iban[:4]
    return len(iban) == 20 and int("".join(str(int(c, 36)) for c in rearranged)) % 97 == 1

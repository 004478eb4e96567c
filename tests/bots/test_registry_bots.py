"""The six registry bots in real Chromium against the sandbox: typed records equal to what the world holds."""

from __future__ import annotations

from decimal import Decimal

import pytest

from bots.bank import BankBot, QazynaBankBot, SandyqBankBot
from bots.egov import EgovRealtyBot, EgovVehiclesBot
from bots.enpf import EnpfBot
from bots.esalyq import EsalyqBot
from orynda.config import Settings
from orynda.errors import ConfigError, InvalidInput, SiteUnavailable
from sandbox.server import Sandbox
from sandbox.world import build_world
from sandbox.world_assets import Assets, build_assets
from tests.bots.drive import with_bot
from tests.conftest import DEBTORS, SEED
from tests.world_records import words

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def assets() -> list[Assets]:
    found = build_assets(build_world(SEED, DEBTORS))
    return [found[iin] for iin in sorted(found)]


def richest(assets: list[Assets], measure: object) -> Assets:
    return max(assets, key=measure)  # type: ignore[arg-type]


def test_realty_bot_reads_every_property_with_shares_encumbrances_and_arrests(
    settings: Settings, assets: list[Assets]
) -> None:
    owner = richest(assets, lambda a: (len(a.realty), any(r.encumbrances for r in a.realty)))
    assert len(owner.realty) >= 2 and any(r.encumbrances for r in owner.realty)
    found = with_bot(settings, EgovRealtyBot, lambda bot: bot.list_properties(owner.iin))
    assert [
        (p.cadastral, p.kind, p.address, p.area, p.share, p.owner_iin, p.encumbrances, p.arrested) for p in found
    ] == [
        (r.cadastral, r.kind, words(r.address), r.area, r.share, r.owner_iin, ", ".join(r.encumbrances), r.arrested)
        for r in owner.realty
    ]


def test_vehicles_bot_reads_every_vehicle(settings: Settings, assets: list[Assets]) -> None:
    owner = richest(assets, lambda a: len(a.vehicles))
    assert len(owner.vehicles) >= 2
    found = with_bot(settings, EgovVehiclesBot, lambda bot: bot.list_vehicles(owner.iin))
    assert [(v.make, v.model, v.year, v.plate, v.vin, v.arrested) for v in found] == [
        (v.make, v.model, v.year, v.plate, v.vin, v.arrested) for v in owner.vehicles
    ]


def test_unknown_person_has_nothing_in_a_register_and_that_is_not_an_error(settings: Settings) -> None:
    unknown = build_world(SEED, DEBTORS).unused_iin(1)[0]
    assert with_bot(settings, EgovVehiclesBot, lambda bot: bot.list_vehicles(unknown)) == []


def test_a_malformed_iin_is_a_business_exception(settings: Settings) -> None:
    with pytest.raises(InvalidInput, match="rejects IIN"):
        with_bot(settings, EgovRealtyBot, lambda bot: bot.list_properties("123"))


def test_tax_bot_reads_debt_overpayment_employer_and_downloads_the_certificate(
    settings: Settings, assets: list[Assets]
) -> None:
    payer = richest(assets, lambda a: (a.tax.employer_bin is not None, a.tax.overpayment > 0, a.tax.debt > 0))
    status = with_bot(settings, EsalyqBot, lambda bot: bot.tax_status(payer.iin))
    assert status is not None and status.iin == payer.iin
    assert (status.debt, status.overpayment) == (payer.tax.debt, payer.tax.overpayment) and status.overpayment > 0
    assert (status.employer_bin, status.employer_name) == (payer.tax.employer_bin, payer.tax.employer_name)
    assert status.certificate is not None and status.certificate.content.startswith(b"%PDF")
    assert payer.iin[-4:] in status.certificate.name


def test_pension_bot_follows_the_statement_to_its_last_page(settings: Settings, assets: list[Assets]) -> None:
    earner = richest(assets, lambda a: len(a.contributions))
    assert len(earner.contributions) > 6  # the statement shows six a page
    found = with_bot(settings, EnpfBot, lambda bot: bot.contributions(earner.iin))
    assert sorted((c.month, c.employer_bin, c.employer_name, c.amount) for c in found) == sorted(
        (c.month, c.employer_bin, c.employer_name, c.amount) for c in earner.contributions
    )
    assert all(isinstance(c.amount, Decimal) for c in found)


@pytest.mark.parametrize("bot_class", [SandyqBankBot, QazynaBankBot])
def test_one_bank_bot_reads_two_bank_layouts(
    settings: Settings, assets: list[Assets], bot_class: type[BankBot]
) -> None:
    bank = bot_class.site.removeprefix("bank_")
    client = richest(assets, lambda a: (len(a.accounts_in(bank)), any(x.arrested for x in a.accounts_in(bank))))
    assert len(client.accounts_in(bank)) >= 2
    found = with_bot(settings, bot_class, lambda bot: bot.accounts(client.iin))
    assert [(a.bank, a.iban, a.currency, a.balance, a.arrested) for a in found] == [
        (bot_class.site, a.iban, a.currency, a.balance, a.arrested) for a in client.accounts_in(bank)
    ]


def test_a_wrong_password_is_a_configuration_error_not_a_retry(
    settings: Settings, assets: list[Assets], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ORYNDA_ENPF_PASSWORD", "not-the-password")
    with pytest.raises(ConfigError, match="enpf refused the sign-in"):
        with_bot(settings, EnpfBot, lambda bot: bot.contributions(assets[0].iin))


def test_a_registry_answering_503_is_a_system_fault(
    settings: Settings, clean_sandbox: Sandbox, assets: list[Assets]
) -> None:
    clean_sandbox.faults("/bank_qazyna", down=True)
    with pytest.raises(SiteUnavailable):
        with_bot(settings, QazynaBankBot, lambda bot: bot.accounts(assets[0].iin))


def test_an_answer_lost_once_is_asked_again_with_the_site_s_retry_button(
    settings: Settings, clean_sandbox: Sandbox, assets: list[Assets]
) -> None:
    """Every second answer of the bank's API is a 503: the second lookup's answer fails, its error banner's retry
    button asks again within the lookup, and both lookups read the accounts."""
    client = richest(assets, lambda a: len(a.accounts_in("sandyq")))
    clean_sandbox.faults("/bank_sandyq/api", error_every=2)

    async def twice(bot: SandyqBankBot) -> list[list[str]]:
        return [[a.iban for a in await bot.accounts(client.iin)] for _ in range(2)]

    assert with_bot(settings, SandyqBankBot, twice) == [[a.iban for a in client.accounts_in("sandyq")]] * 2

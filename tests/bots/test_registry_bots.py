"""The six registry bots in real Chromium against the sandbox: typed records equal to what the world holds."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from decimal import Decimal
from pathlib import Path

import pytest

from bots.bank import BankBot, QazynaBankBot, SandyqBankBot
from bots.egov import EgovRealtyBot, EgovVehiclesBot
from bots.enpf import EnpfBot
from bots.esalyq import EsalyqBot
from orynda import clock, evidence
from orynda.config import Settings
from orynda.errors import ConfigError, InvalidInput, SiteUnavailable
from orynda.evidence import Shot
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


def test_the_evidence_shows_the_newest_contribution_stamped_and_hashed(
    settings: Settings, assets: list[Assets], tmp_path: Path
) -> None:
    """The employer a finding cites is the newest contribution's, on the statement's first page: the bot leaves that
    page and row on screen, and the screenshot kept carries the address and time, its SHA-256 in the manifest."""
    earner = richest(assets, lambda a: len(a.contributions))
    newest = max(earner.contributions, key=lambda c: c.month)

    async def read_then_shoot(bot: EnpfBot) -> tuple[list[str], str, str, Shot]:
        await bot.contributions(earner.iin)
        marked = await bot.page.locator("tr[style*='outline']").all_inner_texts()
        stamp_before = await bot.page.locator("#orynda-evidence-stamp").count()
        page_shown = (await bot.el("search", "page_number").inner_text()).strip()
        shot = await evidence.stamped_screenshot(bot.page, tmp_path / "enpf.png")
        assert stamp_before == 0 and await bot.page.locator("#orynda-evidence-stamp").count() == 0  # taken off
        return marked, page_shown, bot.page.url, shot

    marked, page_shown, address, shot = with_bot(settings, EnpfBot, read_then_shoot)
    assert page_shown == "1" and len(marked) == 1
    assert f"{newest.month:%m.%Y}" in marked[0] and newest.employer_bin in marked[0]
    manifest = json.loads((tmp_path / evidence.MANIFEST).read_text(encoding="utf-8"))
    assert manifest["enpf.png"]["sha256"] == shot.sha256 == hashlib.sha256(shot.path.read_bytes()).hexdigest()
    assert manifest["enpf.png"]["address"] == address and address.startswith(settings.site("enpf").base_url)
    assert dt.datetime.fromisoformat(manifest["enpf.png"]["taken"]).utcoffset() == clock.now().utcoffset()  # Almaty


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

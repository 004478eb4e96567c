"""The register bot in real Chromium against the sandbox: typed records equal to the world's data."""

from __future__ import annotations

import shutil
from collections.abc import Awaitable, Callable
from decimal import Decimal
from pathlib import Path
from typing import TypeVar

import pytest

from bots.debtor_register import DebtorRegisterBot
from orynda.config import Settings, SiteSettings
from orynda.errors import SiteUnavailable
from orynda.site.locators import SELECTORS_DIR, load_locators
from sandbox.probes import probe_iin
from sandbox.server import Sandbox
from sandbox.world import build_world
from tests.bots import drive
from tests.conftest import DEBTORS, SEED

pytestmark = pytest.mark.e2e
T = TypeVar("T")


def with_bot(settings: Settings, use: Callable[[DebtorRegisterBot], Awaitable[T]], **kw: object) -> T:
    return drive.with_bot(settings, DebtorRegisterBot, use, **kw)


def test_find_debtor_reads_every_proceeding(settings: Settings) -> None:
    debtor = max(build_world(SEED, DEBTORS).debtors[:50], key=lambda d: len(d.proceedings))
    found = with_bot(settings, lambda bot: bot.find_debtor(debtor.person.iin))
    assert found is not None and found.name == debtor.person.full_name
    assert [
        (p.number, p.opened, p.category.value, p.amount, p.exit_ban, p.bailiff.phone) for p in found.proceedings
    ] == [(p.number, p.opened, p.category, p.amount, p.exit_ban, p.bailiff.phone) for p in debtor.proceedings]
    assert found.total == debtor.total and isinstance(found.total, Decimal)


def test_unknown_iin_is_not_found_not_an_error(settings: Settings) -> None:
    unknown = build_world(SEED, DEBTORS).unused_iin(1)[0]
    assert with_bot(settings, lambda bot: bot.find_debtor(unknown)) is None


def test_search_by_name_follows_every_page(settings: Settings) -> None:
    world = build_world(SEED, DEBTORS)
    surname = max({d.person.surname for d in world.debtors}, key=lambda s: len(world.search(s)))
    expected = world.search(surname)
    assert len(expected) > 20  # more than one page
    found = with_bot(settings, lambda bot: bot.search_by_name(surname))
    assert [d.iin for d in found] == [d.person.iin for d in expected]
    assert [d.total for d in found] == [d.total for d in expected]


def test_latin_script_name_finds_the_same_people(settings: Settings) -> None:
    world = build_world(SEED, DEBTORS)
    person = next(d.person for d in world.debtors if d.person.latin_surname)
    found = with_bot(
        settings, lambda bot: bot.search_by_name(person.latin_surname or "", person.latin_first_name or "")
    )
    assert person.iin in {d.iin for d in found}


def test_site_down_is_a_system_fault(settings: Settings, clean_sandbox: Sandbox) -> None:
    clean_sandbox.faults("/debtor_register", down=True)
    with pytest.raises(SiteUnavailable, match="HTTP 503"):
        with_bot(settings, lambda bot: bot.find_debtor("900101300811"))


def test_preflight_check_confirms_selectors_and_catches_a_broken_one(settings: Settings, tmp_path: Path) -> None:
    probed = settings.model_copy(
        update={"sites": {"debtor_register": SiteSettings(probe=probe_iin(build_world(SEED, DEBTORS)))}}
    )
    clean = with_bot(probed, lambda bot: bot.check())
    assert clean.problem is None and clean.count("found") == len(clean.elements)  # the probe's card reached too
    unprobed = with_bot(settings, lambda bot: bot.check())  # no probe IIN: the form checked, the rest unseen
    status = {(e.page, e.element): e.status for e in unprobed.elements}
    assert not unprobed.missing and status[("search", "iin_input")] == "found"
    assert status[("search", "result_row")] == status[("card", "proceeding_row")] == "not_reached"
    broken = tmp_path / "debtor_register.yaml"
    shutil.copy(SELECTORS_DIR / "debtor_register.yaml", broken)
    broken.write_text(broken.read_text().replace("['#iin', 'input[name=\"iin\"]']", "['#iin-renamed']"))
    result = with_bot(probed, lambda bot: bot.check(), locators=load_locators("debtor_register", tmp_path))
    status = {(e.page, e.element): e.status for e in result.elements}
    assert status[("search", "iin_input")] == "missing" and status[("search", "submit")] == "found"

"""A changed page is named, not waited on: a selector that matches nothing on a loaded page is ElementMissing (site,
page, element, candidates) after the configured timeout; a slow site stays a timeout. Real Chromium, sandbox."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

from bots.debtor_register import DebtorRegisterBot
from orynda.config import Settings, SiteSettings
from orynda.errors import ElementMissing, SiteTimeout, SiteUnavailable
from orynda.site.locators import SELECTORS_DIR, load_locators
from sandbox.server import Sandbox
from sandbox.world import build_world
from tests.bots import drive
from tests.conftest import DEBTORS, SEED

pytestmark = pytest.mark.e2e
TIMEOUT_MS = 1_500
IIN = build_world(SEED, DEBTORS).debtors[0].person.iin  # one the register knows


def _quick(settings: Settings) -> Settings:
    site = settings.sites.get("debtor_register", SiteSettings()).model_copy(update={"timeout_ms": TIMEOUT_MS})
    return settings.model_copy(update={"sites": {**settings.sites, "debtor_register": site}})


def _selectors(tmp_path: Path, old: str, new: str) -> Path:
    changed = tmp_path / "debtor_register.yaml"
    shutil.copy(SELECTORS_DIR / "debtor_register.yaml", changed)
    text = changed.read_text(encoding="utf-8")
    assert old in text, f"the selector file no longer has {old!r}"
    changed.write_text(text.replace(old, new), encoding="utf-8")
    load_locators.cache_clear()
    return tmp_path


@pytest.mark.parametrize(
    ("old", "new", "page", "element"),
    [
        ("['#iin', 'input[name=\"iin\"]']", "['#iin-renamed']", "search", "iin_input"),  # the first thing typed into
        (
            "results: ['#results-table tbody tr', '#results']",
            "results: ['#results-renamed']",
            "search",
            "results",
        ),  # the table that answers
    ],
)
def test_a_missing_element_is_named_after_the_configured_timeout(
    settings: Settings, tmp_path: Path, old: str, new: str, page: str, element: str
) -> None:
    locators = load_locators("debtor_register", _selectors(tmp_path, old, new))
    started = time.monotonic()
    with pytest.raises(ElementMissing) as raised:
        drive.with_bot(_quick(settings), DebtorRegisterBot, lambda bot: bot.find_debtor(IIN), locators=locators)
    waited = time.monotonic() - started
    fault = raised.value
    assert (fault.site, fault.page, fault.element) == ("debtor_register", page, element)
    assert new.split("'")[1] in str(fault) and element in str(fault)
    assert waited < 20, f"waited {waited:.1f} s: Playwright's 30 s default instead of the site's timeout"


def test_a_slow_site_is_a_timeout_not_a_missing_element(settings: Settings, clean_sandbox: Sandbox) -> None:
    clean_sandbox.faults("/debtor_register", latency_ms=TIMEOUT_MS * 3)
    with pytest.raises(SiteTimeout):
        drive.with_bot(_quick(settings), DebtorRegisterBot, lambda bot: bot.find_debtor(IIN))


def test_a_server_error_page_after_a_click_is_the_site_failing_not_a_changed_layout(
    settings: Settings, clean_sandbox: Sandbox
) -> None:
    clean_sandbox.faults("/debtor_register/debtor", down=True)  # the card a result's link opens answers 503
    with pytest.raises(SiteUnavailable, match="HTTP 503"):
        drive.with_bot(_quick(settings), DebtorRegisterBot, lambda bot: bot.find_debtor(IIN))

"""The pre-flight end to end (`runner.py check`, and `run` refusing to start): real Chromium over every sandbox site
with the sandbox's probe IINs; the `layout: changed` variant of the Unified Register of Debtors and Sandyq Bank
(ids, classes and field names renamed, elements moved) named element by element, with the right new selector
proposed first, accepted into an office's copy of the selector file, after which the check passes again."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from app.cli import app
from orynda.config import Settings
from orynda.i18n import texts
from orynda.runstore import RunStore
from orynda.site.fingerprints import fingerprint_path, load_fingerprints
from orynda.site.locators import SELECTORS_DIR, load_locators
from sandbox.probes import probes
from sandbox.samples import sample_rows, write_xlsx
from sandbox.server import Sandbox
from sandbox.world import build_world
from tests.conftest import DEBTORS, ROOT, SEED

pytestmark = pytest.mark.e2e
T = texts("kk")
CHANGED = ("debtor_register", "bank_sandyq")  # the sites with a `layout: changed` variant
TEMPLATES = ROOT / "sandbox" / "sites"

# What the changed layout renames (sandbox/sites/<site>/templates/changed/), as the selector that now finds each
# element of the selector file: the first proposal a person should be shown.
RENAMED = {
    ("debtor_register", "search", "iin_input"): "#q-iin",
    ("debtor_register", "search", "surname_input"): "#q-surname",
    ("debtor_register", "search", "first_name_input"): "#q-first",
    ("debtor_register", "search", "submit"): "#lookup-go",
    ("debtor_register", "search", "results"): "#hits-table tbody tr.hit",  # its first candidate: the table's rows
    ("debtor_register", "search", "not_found"): "#nothing",
    ("debtor_register", "search", "error"): "#fault",
    ("debtor_register", "search", "result_row"): "#hits-table tbody tr.hit",
    ("debtor_register", "search", "row_iin"): "td.h-iin",
    ("debtor_register", "search", "row_name"): "td.h-name a",
    ("debtor_register", "search", "row_count"): "td.h-count",
    ("debtor_register", "search", "row_total"): "td.h-sum",
    ("debtor_register", "search", "row_exit_ban"): "td.h-ban",
    ("debtor_register", "search", "row_link"): "td.h-name a",
    ("debtor_register", "search", "next_page"): "#pager-next",
    ("debtor_register", "search", "page_info"): "#pager-info",
    ("debtor_register", "card", "proceeding_row"): "#cases tbody tr.case",
    ("debtor_register", "card", "debtor_name"): "#person-name",
    ("debtor_register", "card", "debtor_iin"): "#person-iin",
    ("debtor_register", "card", "error"): "#fault",
    ("debtor_register", "card", "number"): "td.c-no",
    ("debtor_register", "card", "date"): "td.c-opened",
    ("debtor_register", "card", "bailiff"): "td.c-officer",
    ("debtor_register", "card", "region"): "td.c-area",
    ("debtor_register", "card", "phone"): "td.c-tel",
    ("debtor_register", "card", "category"): "td.c-kind",
    ("debtor_register", "card", "amount"): "td.c-sum",
    ("debtor_register", "card", "exit_ban"): "td.c-ban",
    ("bank_sandyq", "search", "iin_input"): "#sq-iin-field",
    ("bank_sandyq", "search", "submit"): "#sq-go",
    ("bank_sandyq", "search", "results"): "#sq-found",
    ("bank_sandyq", "search", "not_found"): "#sq-none",
    ("bank_sandyq", "search", "invalid_iin"): "#sq-bad-iin",
    ("bank_sandyq", "search", "error"): "#sq-fault",
    ("bank_sandyq", "search", "retry"): "#sq-retry",
    ("bank_sandyq", "search", "row"): "#sq-account-list tbody tr.sq-acc",
    ("bank_sandyq", "search", "iban"): "td.sq-acc-iban",
    ("bank_sandyq", "search", "currency"): "td.sq-acc-ccy",
    ("bank_sandyq", "search", "balance"): "td.sq-acc-sum",
    ("bank_sandyq", "search", "arrest"): "td.sq-acc-blocked",
}
TEMPLATE = {("debtor_register", "search"): "search.html", ("debtor_register", "card"): "card.html",
            ("bank_sandyq", "search"): "accounts.html"}  # fmt: skip


def env_for(settings: Settings, **sites: dict[str, str]) -> dict[str, str]:
    """The sandbox's probe IINs for every site, plus per-site settings, as the environment gives them."""
    values = {f"ORYNDA_SITES__{site.upper()}__PROBE": iin for site, iin in probes(build_world(SEED, DEBTORS)).items()}
    for site, options in sites.items():
        values |= {f"ORYNDA_SITES__{site.upper()}__{key.upper()}": value for key, value in options.items()}
    return {**values, "ORYNDA_SECRETS_FILE": os.environ["ORYNDA_SECRETS_FILE"], "COLUMNS": "200"}


def check(settings: Settings, env: dict[str, str], *args: str) -> tuple[int, str]:
    """`runner.py check …` as typed, in this process."""
    flags = ["--home", str(settings.home), "--sandbox-url", settings.sandbox_url]
    result = CliRunner().invoke(app, ["check", *args, *flags], env=env)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.stdout


def test_with_probe_iins_every_element_of_every_site_is_found(settings: Settings) -> None:
    code, out = check(settings, env_for(settings), "--json")
    elements = json.loads(out)
    assert code == 0 and {e["problem"] for e in elements} == {None}
    assert {e["site"] for e in elements} == {p.stem for p in SELECTORS_DIR.glob("*.yaml")}
    assert [(e["site"], e["page"], e["element"]) for e in elements if e["status"] == "missing"] == []
    # the gateway's probe is a sent message's number, which a fresh sandbox has none of: its list goes unseen
    unseen = [
        (e["site"], e["page"], e["element"])
        for e in elements
        if e["status"] != "found" and not e["state"] and e["site"] != "notify_gateway"
    ]
    assert unseen == []  # results, cards and documents' tables included: only states not shown go unseen
    assert sum(e["status"] == "found" for e in elements) > 190


def test_a_changed_layout_is_named_and_the_accepted_proposals_pass(settings: Settings, clean_sandbox: Sandbox) -> None:
    office = settings.home.parent / "selectors"  # an office's own copy: the shipped files stay as they are
    office.mkdir()
    shipped = {site: (SELECTORS_DIR / f"{site}.yaml").read_text(encoding="utf-8") for site in CHANGED}
    for site in CHANGED:
        shutil.copy(SELECTORS_DIR / f"{site}.yaml", office)
    own = {site: {"selectors": str(office / f"{site}.yaml"), "timeout_ms": "3000"} for site in CHANGED}
    env = env_for(settings, **own)

    code, out = check(settings, env, "--record", *CHANGED)
    assert code == 0, out
    for site in CHANGED:
        prints = load_fingerprints(office / f"{site}.yaml")
        assert prints is not None and fingerprint_path(office / f"{site}.yaml").parent == office / "fingerprints"
        recorded = {(site, page, element) for page, found in prints.pages.items() for element in found}
        assert {k for k in RENAMED if k[0] == site} <= recorded
        assert set(prints.pages["search"]["iin_input"].words) == {"kk", "ru"}  # its label in both languages

    for site in CHANGED:
        clean_sandbox.faults(f"/{site}", layout="changed")
    code, out = check(settings, env, "--json", *CHANGED)
    elements = json.loads(out)
    missing = {(e["site"], e["page"], e["element"]): e["proposals"] for e in elements if e["status"] == "missing"}
    assert code == 1 and set(missing) == set(RENAMED)
    assert {k: p[0]["selector"] if p else None for k, p in missing.items()} == RENAMED

    for site, page, element in RENAMED:
        code, out = check(settings, env, "--accept", site, page, element, "1")
        assert code == 0, out
    for (site, page, element), selector in RENAMED.items():
        assert load_locators(site, office).candidates(page, element)[0] == selector
    code, out = check(settings, env, *CHANGED)
    assert code == 0, out
    assert {site: (SELECTORS_DIR / f"{site}.yaml").read_text(encoding="utf-8") for site in CHANGED} == shipped


@pytest.mark.parametrize(("site", "page"), list(TEMPLATE))
def test_the_expected_selectors_are_what_the_changed_layout_renamed(site: str, page: str) -> None:
    """RENAMED is read off the sandbox's changed templates: each id and class it names is new there."""
    folder = TEMPLATES / site / "templates"
    changed, before = ((folder / d / TEMPLATE[site, page]).read_text(encoding="utf-8") for d in ("changed", "."))
    for (s, p, element), selector in RENAMED.items():
        if (s, p) == (site, page):
            names = re.findall(r"[#.]([\w-]+)", selector)
            assert names and all(re.search(rf"\b{n}\b", changed) for n in names), (element, selector)
            assert not all(re.search(rf"[\"' ]{n}[\"' ]", before) for n in names), (element, selector)


def runner(settings: Settings, sandbox: Sandbox, *args: str) -> subprocess.CompletedProcess[str]:
    """`runner.py run register_check …` in a process of its own, with the settings an office would have."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("ORYNDA_")}
    env |= {"ORYNDA_SITES__DEBTOR_REGISTER__TIMEOUT_MS": "2000", "COLUMNS": "200"}
    command = [sys.executable, str(ROOT / "runner.py"), "run", "register_check", *args,
               "--home", str(settings.home), "--sandbox-url", sandbox.url, "--no-progress"]  # fmt: skip
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)


def test_a_run_on_a_changed_layout_stops_before_any_item_unless_told_to_skip_the_check(
    settings: Settings, clean_sandbox: Sandbox, tmp_path: Path
) -> None:
    clean_sandbox.faults("/debtor_register", layout="changed")
    rows = write_xlsx(sample_rows(build_world(SEED, DEBTORS), 2), tmp_path / "debtors.xlsx")

    refused = runner(settings, clean_sandbox, "--input", str(rows))
    said = " ".join((refused.stdout + refused.stderr).split())
    assert refused.returncode == 6, said[-2000:]  # README, Exit codes
    element = T("cli.preflight.element", site=T.site("debtor_register"), page="search", element="iin_input")
    assert element in said and T("cli.preflight.refused", flow="register_check") in said
    store = RunStore(settings.db_url)
    assert store.list_runs(10) == []  # no run, so no item was read or worked

    skipped = runner(settings, clean_sandbox, "--input", str(rows), "--skip-check")
    assert skipped.returncode == 3, skipped.stderr[-2000:]  # it ran: each item failed on the missing element
    [run] = store.list_runs(10)
    items = store.items(run.id)
    assert len(items) == 2 and {i.error_code for i in items} == {"ElementMissing"}
    assert all("iin_input" in (i.error_message or "") for i in items)

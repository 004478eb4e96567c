"""The peer of bench/nightly_check.py: the script a typical RPA developer writes for the same night.

One browser page, the registries in turn, no concurrency, no retries: sign in to each registry once, take the
bailiff's active proceedings from the AIS EP list page by page until it has N debtors, then for each debtor read
its proceedings' cards and look it up in real estate, vehicles, the tax cabinet, ENPF (every statement page) and
both banks. Selectors are the first candidate of each element in selectors/<site>.yaml, typed in as such a script
would have them. Logins come from the same secrets file the runner reads (ORYNDA_SECRETS_FILE).

    python bench/peers/sequential_playwright.py --url http://127.0.0.1:8765 --debtors 60
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path
from typing import Any

import yaml
from playwright.sync_api import Page, sync_playwright

from orynda.config import BrowserSettings

SELECTORS = Path(__file__).resolve().parents[2] / "selectors"
SEARCHED = ("egov_realty", "egov_vehicles", "esalyq", "enpf", "bank_sandyq", "bank_qazyna")
KEY_SIGN_IN = ("egov_realty", "egov_vehicles", "esalyq")
PAGES_AT_MOST = 50  # of one statement


def first_candidates(site: str) -> dict[str, dict[str, Any]]:
    data = yaml.safe_load((SELECTORS / f"{site}.yaml").read_text(encoding="utf-8"))
    return {
        name: {"path": page["path"], **{k: v[0] for k, v in page["elements"].items()}}
        for name, page in data["pages"].items()
    }


def secrets() -> dict[str, str]:
    path = Path(os.environ["ORYNDA_SECRETS_FILE"])
    lines = path.read_text(encoding="utf-8").splitlines()
    return dict(line.split("=", 1) for line in lines if "=" in line and not line.startswith("#"))


def sign_in(page: Page, url: str, site: str, sel: dict[str, dict[str, Any]], login: dict[str, str]) -> None:
    form = sel["login"]
    page.goto(f"{url}/{site}{form['path']}")
    if site in KEY_SIGN_IN:
        page.set_input_files(form["key_file"], login["ORYNDA_EGOV_KEY_FILE"])
        page.fill(form["key_password"], login["ORYNDA_EGOV_KEY_PASSWORD"])
    else:
        prefix = f"ORYNDA_{site.upper()}"
        page.fill(form["username"], login[f"{prefix}_USER"])
        page.fill(form["password"], login[f"{prefix}_PASSWORD"])
    page.click(form["submit"])
    page.wait_for_selector(form["signed_in"], state="attached")


def active_debtors(page: Page, url: str, sel: dict[str, dict[str, Any]], wanted: int) -> dict[str, list[str]]:
    """IIN -> proceeding numbers of the first `wanted` debtors of the active list."""
    lst = sel["list"]
    page.goto(f"{url}/aisep{lst['path']}")
    page.select_option(lst["status_filter"], "active")
    page.click(lst["apply"])
    page.wait_for_selector(lst["row"])
    debtors: dict[str, list[str]] = {}
    while True:
        for row in page.query_selector_all(lst["row"]):
            iin = row.query_selector(lst["debtor_iin"]).inner_text().strip()  # type: ignore[union-attr]
            number = row.query_selector(lst["number"]).inner_text().strip()  # type: ignore[union-attr]
            if iin in debtors or len(debtors) < wanted:
                debtors.setdefault(iin, []).append(number)
        following = page.query_selector(lst["next_page"])
        if len(debtors) >= wanted or following is None or following.is_disabled():
            return debtors
        following.click()
        page.wait_for_load_state("domcontentloaded")


def read_card(page: Page, url: str, sel: dict[str, dict[str, Any]], number: str) -> dict[str, str]:
    card = sel["card"]
    page.goto(f"{url}/aisep{card['path']}/{number}")
    page.wait_for_selector(card["card"])
    fields = ("number", "debtor_iin", "creditor_kk", "amount", "collected", "remaining", "status")
    return {f: page.inner_text(card[f]) for f in fields}


def look_up(page: Page, url: str, site: str, sel: dict[str, dict[str, Any]], iin: str) -> list[str]:
    """The rows (or the record) a registry shows for this IIN; [] when it knows none."""
    search = sel["search"]
    page.goto(f"{url}/{site}{search['path']}")
    page.fill(search["iin_input"], iin)
    page.click(search["submit"])
    page.wait_for_selector(f"{search['results']}:visible, {search['not_found']}:visible")
    if page.is_visible(search["not_found"]):
        return []
    if "row" not in search:
        return [page.inner_text(search["results"])]
    rows = [r.inner_text() for r in page.query_selector_all(search["row"])]
    for _ in range(PAGES_AT_MOST):
        following = page.query_selector(search["next_page"]) if "next_page" in search else None
        if following is None or not following.is_enabled():
            break
        following.click()
        page.wait_for_load_state("domcontentloaded")
        rows += [r.inner_text() for r in page.query_selector_all(search["row"])]
    return rows


def night(url: str, wanted: int) -> tuple[int, float]:
    """Debtors worked and seconds taken, from the first sign-in to the last lookup."""
    login = secrets()
    sites = {site: first_candidates(site) for site in ("aisep", *SEARCHED)}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(headless=True, executable_path=BrowserSettings().resolved_executable())
        page = browser.new_page()
        started = time.perf_counter()
        for site, sel in sites.items():
            sign_in(page, url, site, sel, login)
        debtors = active_debtors(page, url, sites["aisep"], wanted)
        for iin, numbers in debtors.items():
            for number in numbers:
                read_card(page, url, sites["aisep"], number)
            for site in SEARCHED:
                look_up(page, url, site, sites[site], iin)
        elapsed = time.perf_counter() - started
        browser.close()
    return len(debtors), elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", required=True)
    parser.add_argument("--debtors", type=int, default=60)
    args = parser.parse_args()
    done, elapsed = night(args.url.rstrip("/"), args.debtors)
    print(f"  {done} debtors in {elapsed:.0f} s, {done / (elapsed / 60):.1f} items/min")


if __name__ == "__main__":
    main()

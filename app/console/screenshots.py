"""Pictures of each console page for docs/ (`docs/console-<page>.png`, 1280×800), taken in real Chromium.

    python -m app.console.screenshots --url http://127.0.0.1:8780 --login dana --out docs
    (the password from $ORYNDA_CONSOLE_PASSWORD)

The end-to-end tests take the same pictures of their own console when $CONSOLE_SCREENSHOTS names a folder.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Mapping
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

from orynda.browser import LAUNCH_ARGS
from orynda.config import BrowserSettings

VIEWPORT = {"width": 1280, "height": 800}
PAGES: Mapping[str, str] = {
    "today": "/",
    "runs": "/runs",
    "review": "/review",
    "flows": "/flows",
    "schedules": "/schedules",
    "verify": "/verify",
}


def log_in(page: Page, base: str, login: str, password: str) -> None:
    page.goto(f"{base}/login")
    page.fill("input[name=login]", login)
    page.fill("input[name=password]", password)
    page.click("form[action='/login'] button[type=submit]")
    page.wait_for_url(f"{base}/")


def shoot(page: Page, base: str, out: Path, pages: Mapping[str, str] = PAGES) -> list[Path]:
    """One picture per page (the visible part: the first 1280×800)."""
    out.mkdir(parents=True, exist_ok=True)
    taken = []
    for name, path in pages.items():
        page.goto(base + path)
        target = out / f"console-{name}.png"
        page.screenshot(path=str(target))
        taken.append(target)
    return taken


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--url", default="http://127.0.0.1:8780")
    parser.add_argument("--login", required=True)
    parser.add_argument("--out", type=Path, default=Path("docs"))
    args = parser.parse_args()
    password = os.environ.get("ORYNDA_CONSOLE_PASSWORD", "")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=BrowserSettings().resolved_executable(), args=LAUNCH_ARGS)
        page = browser.new_page(viewport=VIEWPORT)  # type: ignore[arg-type]
        log_in(page, args.url.rstrip("/"), args.login, password)
        for path in shoot(page, args.url.rstrip("/"), args.out):
            print(path)
        browser.close()


if __name__ == "__main__":
    main()

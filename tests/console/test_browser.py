"""The console in real Chromium: what only a browser proves — logging in and deciding through the forms, refusals
a person sees, and that no English label is on any page in either language."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from playwright.sync_api import Browser, Page, sync_playwright

from app.console.app import create_app
from app.console.screenshots import PAGES, VIEWPORT, log_in, shoot
from orynda.browser import LAUNCH_ARGS
from orynda.config import BrowserSettings
from orynda.i18n import catalogue
from orynda.review import ReviewQueue
from orynda.runstore import RunStore
from sandbox.server import free_port
from tests.console.conftest import PASSWORD, StubStart, World

pytestmark = pytest.mark.e2e

# Every visible text of a page: text nodes (outside scripts and styles), trimmed, non-empty.
TEXTS_JS = """() => {
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode, parent = node.parentElement;
    if (!parent || ["SCRIPT", "STYLE"].includes(parent.tagName)) continue;
    const text = node.textContent.trim();
    if (text) out.push(text);
  }
  const labelled = "input[type=submit], input[placeholder], [title], [aria-label], img[alt]";
  for (const el of document.querySelectorAll(labelled))
    for (const a of ["value", "title", "aria-label", "alt"])
      if (el.getAttribute(a)) out.push(el.getAttribute(a).trim());
  return out;
}"""


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=BrowserSettings().resolved_executable(), args=LAUNCH_ARGS)
        yield launched
        launched.close()


def _serve(world: World, stub: StubStart) -> Iterator[str]:
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(world.settings, start_flow=stub), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline, "the console did not start"
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)


@pytest.fixture
def console(world: World, stub: StubStart) -> Iterator[str]:
    yield from _serve(world, stub)


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport=VIEWPORT)  # type: ignore[arg-type]
    yield context.new_page()
    context.close()


def test_approve_and_reject_through_the_forms_change_state_and_trail(page: Page, console: str, world: World) -> None:
    log_in(page, console, "aliya", PASSWORD)
    page.goto(f"{console}/review/{world.aliya_item}")
    assert page.text_content("#state") == "шешім күтеді"
    page.click("#approve button")
    page.wait_for_selector("tr[data-action=approved]")
    assert page.text_content("#state") == "мақұлданды"
    assert page.locator("table.trail tbody tr").count() == 2
    page.goto(f"{console}/review/{world.more_items[0]}")
    page.fill("#reject input[name=reason]", "шот басқа адамдікі")
    page.click("#reject button")
    page.wait_for_selector("tr[data-action=rejected]")
    assert page.text_content("#state") == "қабылданбады"
    assert "шот басқа адамдікі" in (page.text_content("table.trail") or "")
    queue = ReviewQueue(RunStore(world.settings.db_url).engine)
    assert [queue.get(world.aliya_item).state, queue.get(world.more_items[0]).state] == ["approved", "rejected"]  # type: ignore[union-attr]


def test_another_bailiffs_item_and_a_post_without_token_are_refused(page: Page, console: str, world: World) -> None:
    log_in(page, console, "aliya", PASSWORD)
    response = page.goto(f"{console}/review/{world.bolat_item}")
    assert response is not None and response.status == 403
    assert page.text_content("h1") == "Рұқсат жоқ"
    forged = page.request.post(f"{console}/review/{world.aliya_item}/approve", form={"note": "no token"})
    assert forged.status == 403
    queue = ReviewQueue(RunStore(world.settings.db_url).engine)
    assert queue.get(world.aliya_item).state == "proposed"  # type: ignore[union-attr]


def test_no_english_label_in_either_language_and_a_running_flow_is_refused(
    page: Page, world: World, stub: StubStart
) -> None:
    english = {e["en"] for e in catalogue().values() if e["en"] not in (e["kk"], e["ru"])}
    paths = [
        "/",
        "/runs",
        f"/runs/{world.run_id}",
        f"/runs/{world.run_id}/items/1",
        f"/runs/{world.run_id}/items/3",
        "/review",
        f"/review/{world.aliya_item}",
        "/flows",
        "/schedules",
        "/verify",
        "/policy",
    ]
    stub.busy = "night-host:4242"
    for base in _serve(world, stub):
        log_in(page, base, "dana", PASSWORD)
        for lang in ("kk", "ru"):
            page.click(f"button[data-lang={lang}]")
            page.wait_for_selector(f"html[lang={lang}]")
            for path in paths:
                page.goto(base + path)
                shown = set(page.evaluate(TEXTS_JS))
                assert len(shown) > 10, (lang, path)
                found = sorted(shown & english)
                assert found == [], (lang, path, found)
        page.goto(f"{base}/flows")
        page.click("form[data-flow=nightly_check] button[type=submit]")
        page.wait_for_selector(".note.error")
        assert "night-host:4242" in (page.text_content(".note.error") or "")
        assert "уже выполняется" in (page.text_content(".note.error") or "")
        if os.environ.get("CONSOLE_SCREENSHOTS"):
            page.click("button[data-lang=kk]")
            more = {
                "run": f"/runs/{world.run_id}",
                "item": f"/runs/{world.run_id}/items/1",
                "review-item": f"/review/{world.aliya_item}",
                "policy": "/policy",
            }
            shoot(page, base, Path(os.environ["CONSOLE_SCREENSHOTS"]), {**PAGES, **more})

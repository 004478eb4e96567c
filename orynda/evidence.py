"""Evidence of a failed attempt: screenshot, HTML and Playwright trace, kept under the run's folder by item."""

from __future__ import annotations

from pathlib import Path

from loguru import logger
from playwright.async_api import BrowserContext, Page

from orynda.browser import is_traced, restart_trace, trace_lock


def folder_for(run_folder: Path, seq: int, attempt: int) -> Path:
    return run_folder / "evidence" / f"item-{seq:05d}" / f"attempt-{attempt}"


async def capture(page: Page | None, context: BrowserContext | None, target: Path, tracing: bool) -> Path:
    """Saves what can still be saved; a dead page yields what it can, never a second error."""
    target.mkdir(parents=True, exist_ok=True)
    if page is not None and not page.is_closed():
        await _try(page.screenshot(path=str(target / "screenshot.png"), full_page=True, timeout=5000), "screenshot")
        try:
            (target / "page.html").write_text(await page.content(), encoding="utf-8")
        except Exception as exc:
            logger.debug("no HTML evidence: {}", exc)
    if context is not None and tracing and is_traced(context):
        async with trace_lock(context):
            await _try(restart_trace(context, target / "trace.zip"), "trace")
    return target


async def _try(awaitable: object, what: str) -> None:
    try:
        await awaitable  # type: ignore[misc]
    except Exception as exc:
        logger.debug("no {} evidence: {}", what, exc)

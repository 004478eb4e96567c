"""Evidence of a failed attempt: screenshot, HTML and Playwright trace, kept under the run's folder by item.

Evidence holds the item's own data and no secret. The trace is the attempt's own (orynda.browser starts it anew per
attempt, and sign-ins run on a context that is never traced); before anything is kept, the HTML and the trace are
checked for the run's secrets and for IINs other than the item's, and what was found is masked and said in
`redacted.json` beside them.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Collection
from pathlib import Path

from loguru import logger
from playwright.async_api import BrowserContext, Page

from orynda.browser import is_traced, restart_trace, trace_lock
from orynda.redaction import Redacted, redact_file, redact_zip, secret_patterns
from orynda.secrets import secret_values

REPORT = "redacted.json"


def folder_for(run_folder: Path, seq: int, attempt: int) -> Path:
    return run_folder / "evidence" / f"item-{seq:05d}" / f"attempt-{attempt}"


async def capture(
    page: Page | None,
    context: BrowserContext | None,
    target: Path,
    tracing: bool,
    own_iins: Collection[str] = (),
) -> Path:
    """Saves what can still be saved; a dead page yields what it can, never a second error. `own_iins`: the
    item's own IINs, the only ones the evidence may show."""
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
    await asyncio.to_thread(redact, target, own_iins)
    return target


def redact(target: Path, own_iins: Collection[str]) -> dict[str, Redacted]:
    """Masks the run's secrets and other people's IINs in the folder's HTML and trace; writes what it masked."""
    patterns = secret_patterns(secret_values())
    found: dict[str, Redacted] = {}
    for name, scrub in (("page.html", redact_file), ("trace.zip", redact_zip)):
        path = target / name
        if not path.exists():
            continue
        try:
            result = scrub(path, patterns, own_iins)
        except Exception as exc:  # evidence that cannot be checked is not kept
            logger.warning("evidence {} dropped, it could not be checked: {}", path, exc)
            path.unlink(missing_ok=True)
            continue
        if result:
            found[name] = result
    if found:
        (target / REPORT).write_text(
            json.dumps({name: r.as_dict() for name, r in found.items()}, indent=2) + "\n", encoding="utf-8"
        )
        if any(r.secrets for r in found.values()):
            logger.warning("evidence {}: a secret reached the evidence and was masked", target)
    return found


async def _try(awaitable: object, what: str) -> None:
    try:
        await awaitable  # type: ignore[misc]
    except Exception as exc:
        logger.debug("no {} evidence: {}", what, exc)

"""Evidence of a failed attempt: screenshot, HTML and Playwright trace, kept under the run's folder by item.

Evidence holds the item's own data and no secret. The trace is the attempt's own (orynda.browser starts it anew per
attempt, and sign-ins run on a context that is never traced); before anything is kept, the HTML and the trace are
checked for the run's secrets and for IINs other than the item's, and what was found is masked and said in
`redacted.json` beside them.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

from loguru import logger
from playwright.async_api import BrowserContext, Page

from orynda import clock
from orynda.browser import is_traced, restart_trace, trace_lock
from orynda.redaction import Redacted, redact_file, redact_zip, secret_patterns
from orynda.secrets import secret_values

REPORT = "redacted.json"
MANIFEST = "evidence.json"  # beside the files: each one's SHA-256, the address it shows and when it was taken
# The stamp drawn over the top of a screenshot while it is taken: the page's address and the time on Almaty's clock.
_STAMP = """([text]) => {
  const stamp = document.createElement("div");
  stamp.id = "orynda-evidence-stamp";
  stamp.textContent = text;
  stamp.style.cssText = "position:absolute;top:0;left:0;right:0;z-index:2147483647;padding:4px 8px;" +
    "background:#fffde7;color:#000;border-bottom:2px solid #c62828;font:12px monospace;white-space:pre-wrap";
  document.body.prepend(stamp);
}"""
_UNSTAMP = "() => document.getElementById('orynda-evidence-stamp')?.remove()"


@dataclass(frozen=True)
class Shot:
    """A screenshot kept as evidence: where, its SHA-256, the address it shows and when (Asia/Almaty)."""

    path: Path
    sha256: str
    address: str
    taken: str


async def stamped_screenshot(page: Page, path: Path) -> Shot:
    """The whole page as it is, with its address and the capture time stamped over its top, recorded in the
    folder's manifest with its SHA-256, so the report and the audit trail can show it was not changed."""
    taken = clock.now().isoformat(timespec="seconds")
    address = page.url
    path.parent.mkdir(parents=True, exist_ok=True)
    await page.evaluate(_STAMP, [f"{address}\n{taken} (Asia/Almaty)"])
    try:
        await page.screenshot(path=str(path), full_page=True)
    finally:
        await _try(page.evaluate(_UNSTAMP), "stamp removal")
    digest = file_sha256(path)
    record(path, digest, address=address, taken=taken)
    return Shot(path, digest, address, taken)


def file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def record(path: Path, digest: str, **about: str) -> None:
    """Adds one file's SHA-256 (and what else is known of it) to the manifest of its folder."""
    manifest = path.parent / MANIFEST
    known = json.loads(manifest.read_text(encoding="utf-8")) if manifest.exists() else {}
    known[path.name] = {"sha256": digest, **about}
    manifest.write_text(json.dumps(known, indent=2, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")


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
        try:
            await asyncio.wait_for(stamped_screenshot(page, target / "screenshot.png"), 10)
        except Exception as exc:  # a page that takes no stamp still gets its picture taken
            logger.debug("no stamped screenshot: {}", exc)
            await _try(page.screenshot(path=str(target / "screenshot.png"), full_page=True, timeout=5000), "screenshot")
        try:
            (target / "page.html").write_text(await page.content(), encoding="utf-8")
        except Exception as exc:
            logger.debug("no HTML evidence: {}", exc)
    if context is not None and tracing and is_traced(context):
        async with trace_lock(context):
            await _try(restart_trace(context, target / "trace.zip"), "trace")
    await asyncio.to_thread(redact, target, own_iins)
    taken = clock.now().isoformat(timespec="seconds")
    for kept in ("page.html", "trace.zip"):  # as kept: after masking (the screenshot is recorded as it is taken)
        if (target / kept).exists():
            record(target / kept, file_sha256(target / kept), taken=taken)
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

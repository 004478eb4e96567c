"""One browser per run; each worker gets a context that serves several items and is then recycled."""

from __future__ import annotations

import asyncio
import weakref
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from playwright.async_api import Browser, BrowserContext, Page, Playwright, async_playwright

from orynda.config import BrowserSettings

# Chromium as root in a closed network: no sandbox, and no background calls that would be refused.
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    "--disable-dev-shm-usage",
]


_TRACED: weakref.WeakSet[BrowserContext] = weakref.WeakSet()


_TRACE_LOCKS: weakref.WeakKeyDictionary[BrowserContext, asyncio.Lock] = weakref.WeakKeyDictionary()


def is_traced(context: BrowserContext) -> bool:
    """Whether this context records a Playwright trace (Playwright itself cannot say)."""
    return context in _TRACED


def trace_lock(context: BrowserContext) -> asyncio.Lock:
    """Held by whoever stops and restarts the context's trace (a new attempt, evidence saved), so that with several
    pages at work one never restarts the trace under another."""
    return _TRACE_LOCKS.setdefault(context, asyncio.Lock())


# Every context of a run is made alike, the untraced sign-in contexts included.
CONTEXT_OPTIONS: dict[str, Any] = {
    "locale": "kk-KZ",
    "timezone_id": "Asia/Almaty",
    "viewport": {"width": 1280, "height": 900},
}


async def start_trace(context: BrowserContext) -> None:
    """A new trace from nothing: tracing.start() begins an empty network log, where start_chunk() keeps the one
    recorded so far (and with it every earlier page's requests)."""
    await context.tracing.start(snapshots=True, screenshots=False)


async def restart_trace(context: BrowserContext, path: Path | None = None) -> None:
    """Ends the context's trace (saved to `path`, else dropped) and starts a new one; the caller holds trace_lock."""
    try:
        await context.tracing.stop(path=path)
    finally:
        await start_trace(context)


_SIGNING: weakref.WeakKeyDictionary[Browser, dict[str, tuple[asyncio.Lock, list[Page]]]] = weakref.WeakKeyDictionary()


@asynccontextmanager
async def signing_page(like: BrowserContext, site: str) -> AsyncIterator[Page]:
    """The page where a site's sign-in is done: in a context of the same browser that is never traced and serves
    only that site's sign-ins, one at a time, its cookies cleared before each. Kept between sign-ins, as a new
    context and page for each would start a renderer each time."""
    browser = like.browser
    assert browser is not None, "a context of a launched browser"
    lock, kept = _SIGNING.setdefault(browser, {}).setdefault(site, (asyncio.Lock(), []))
    async with lock:
        if not kept or kept[0].is_closed():
            context = await browser.new_context(**CONTEXT_OPTIONS)
            kept[:] = [await context.new_page()]
        page = kept[0]
        await page.context.clear_cookies()
        yield page


class SessionCache:
    """Logins shared by the run's contexts (Playwright storage state): a recycled context starts signed in."""

    def __init__(self) -> None:
        self.state: dict[str, Any] | None = None

    async def save(self, context: BrowserContext) -> None:
        fresh = await context.storage_state()
        if self.state is None:
            self.state = dict(fresh)
            return
        cookies = {(c["name"], c["domain"], c["path"]): c for c in self.state.get("cookies", [])}
        cookies.update({(c["name"], c["domain"], c["path"]): c for c in fresh.get("cookies", [])})
        self.state = {"cookies": list(cookies.values()), "origins": fresh.get("origins", [])}


class BrowserPool:
    """Owns the run's browser; relaunches it if it crashed, so one crash costs an attempt, not the run."""

    def __init__(self, playwright: Playwright, settings: BrowserSettings) -> None:
        self._playwright, self.settings = playwright, settings
        self._browser: Browser | None = None
        self._lock = asyncio.Lock()
        self.launches = 0
        self.sessions = SessionCache()

    async def browser(self) -> Browser:
        async with self._lock:
            if self._browser is None or not self._browser.is_connected():
                self._browser = await self._playwright.chromium.launch(
                    executable_path=self.settings.resolved_executable(),
                    headless=self.settings.headless,
                    args=LAUNCH_ARGS,
                )
                self.launches += 1
            return self._browser

    async def close(self) -> None:
        if self._browser is not None and self._browser.is_connected():
            await self._browser.close()


class WorkerSlot:
    """A worker's context with a page of its own for each site, so one item's lookups in different registries
    can run side by side and each site's page stays where that site's work left it. `items_left` counts down
    to the next recycle."""

    def __init__(self, pool: BrowserPool) -> None:
        self.pool = pool
        self.context: BrowserContext | None = None
        self.page: Page | None = None
        self.site_pages: dict[str, Page] = {}
        self.last_used: Page | None = None
        self.items_left = 0

    async def ready(self, sites: tuple[str, ...] = ()) -> Page:
        """The worker's first page, recycling the context when due; opens a page for each site not open yet."""
        if self.page is None or self.page.is_closed() or self.items_left <= 0:
            await self.recycle()
        assert self.context is not None and self.page is not None
        for site in sites:
            if site not in self.site_pages or self.site_pages[site].is_closed():
                self.site_pages[site] = self.page if not self.site_pages else await self.context.new_page()
        self.items_left -= 1
        self.last_used = self.page
        return self.page

    def page_for(self, site: str) -> Page:
        """The site's own page (the first page when the site has none); remembered as the evidence to keep."""
        page = self.site_pages.get(site) or self.page
        assert page is not None, "ready() first"
        self.last_used = page
        return page

    async def fresh_trace(self) -> None:
        """Starts an attempt with nothing of the ones before it: every page is emptied (a site's page kept from
        the last item still shows that debtor, hidden answers included) and the trace starts anew, network log
        included, so a failure's evidence shows only its own attempt and its own debtor."""
        if self.context is None:
            return
        async with trace_lock(self.context):
            if is_traced(self.context):
                await self.context.tracing.stop()
            try:
                await asyncio.gather(*(self._empty(page) for page in self._pages()))
            finally:
                if is_traced(self.context):
                    await start_trace(self.context)

    def _pages(self) -> list[Page]:
        pages = {id(p): p for p in [self.page, *self.site_pages.values()] if p is not None}
        return [page for page in pages.values() if not page.is_closed()]

    @staticmethod
    async def _empty(page: Page) -> None:
        """about:blank, or closed if it will not go there: a page never carries a debtor into the next item."""
        if page.url == "about:blank":
            return
        try:
            await page.goto("about:blank")
        except Exception:
            await page.close()

    async def recycle(self) -> None:
        await self.close()
        browser = await self.pool.browser()
        self.context = await browser.new_context(
            **CONTEXT_OPTIONS,
            storage_state=self.pool.sessions.state,  # type: ignore[arg-type]
        )
        if self.pool.settings.trace:
            await start_trace(self.context)
            _TRACED.add(self.context)
        self.page = await self.context.new_page()
        self.items_left = self.pool.settings.items_per_context

    async def close(self) -> None:
        context, self.context, self.page, self.last_used = self.context, None, None, None
        self.site_pages = {}
        if context is not None:
            try:
                await context.close()
            except Exception:
                pass


@asynccontextmanager
async def browser_pool(settings: BrowserSettings) -> AsyncIterator[BrowserPool]:
    manager = async_playwright()
    playwright = await _start_in_own_session(manager)
    pool = BrowserPool(playwright, settings)
    try:
        yield pool
    finally:
        try:
            await pool.close()
        finally:
            await manager.__aexit__(None, None, None)


async def _start_in_own_session(manager: Any) -> Playwright:
    """Starts Playwright's driver (and so the browser) outside the terminal's process group: Ctrl-C then reaches
    only the runner, which finishes the items in flight, instead of killing the browser under them."""
    original = asyncio.create_subprocess_exec

    async def own_session(*args: Any, **kwargs: Any) -> asyncio.subprocess.Process:
        kwargs.setdefault("start_new_session", True)
        return await original(*args, **kwargs)

    asyncio.create_subprocess_exec = own_session
    try:
        playwright: Playwright = await manager.__aenter__()
        return playwright
    finally:
        asyncio.create_subprocess_exec = original

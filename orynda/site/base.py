"""What every bot shares: addresses and locators from its selector file, politeness, timing, and the mapping of
browser errors to Orynda's system faults. A bot subclass only writes verbs on its site."""

from __future__ import annotations

import functools
import re
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Any, ClassVar, ParamSpec, Protocol, TypeVar
from urllib.parse import urlencode

from playwright.async_api import Error as PlaywrightError
from playwright.async_api import Locator, Page, expect
from playwright.async_api import TimeoutError as PlaywrightTimeout

from orynda.browser import SessionCache, is_traced, signing_page
from orynda.config import SiteSettings
from orynda.errors import (
    BrowserCrashed,
    BusinessException,
    ElementMissing,
    OryndaError,
    SiteTimeout,
    SiteUnavailable,
    SystemException,
)
from orynda.politeness import SiteLimiter
from orynda.site.coverage import Coverage, SiteCheck, with_proposals
from orynda.site.drift import Asked, error_status, missing_element, watch
from orynda.site.fingerprints import FingerprintFile
from orynda.site.locators import Locators, locators_for

P = ParamSpec("P")
R = TypeVar("R")
CallListener = Callable[[str, str, str, int], None]  # site, action, outcome, milliseconds


REWALKS = 3  # walks again with look-alikes, at most, when a missing element stopped the probe


class Look(Protocol):
    """The pre-flight's look at the page the browser shows now, as the named page of the selector file."""

    async def __call__(self, page: str, only: list[str] | None = None) -> None: ...


_CRASH = re.compile(r"Target (page, context or browser )?(has been )?closed|Browser has been closed|crash", re.I)

_READ_ROWS = """(rows, cells) => rows.map(row => Object.fromEntries(Object.entries(cells).map(([name, selectors]) => {
  for (const s of selectors) { const el = row.querySelector(s); if (el) return [name, el.innerText.trim()]; }
  return [name, null];
})))"""


_READ_FIELDS = """(fields) => Object.fromEntries(Object.entries(fields).map(([name, selectors]) => {
  for (const s of selectors) { const el = document.querySelector(s); if (el) return [name, el.textContent.trim()]; }
  return [name, null];
}))"""


class SiteBot:
    site: ClassVar[str]

    def __init__(
        self,
        page: Page,
        settings: SiteSettings,
        *,
        locators: Locators | None = None,
        limiter: SiteLimiter | None = None,
        on_call: CallListener | None = None,
        sessions: SessionCache | None = None,
    ) -> None:
        self.sessions = sessions
        self.settings = settings
        self.locators = locators or locators_for(self.site, settings.selectors)
        self.limiter = limiter or SiteLimiter(settings.concurrency, settings.rate_per_second)
        self.on_call = on_call
        self.timeout = settings.timeout_ms
        self.asked = Asked()
        self._depth = 0  # actions in progress: an action calling another shares its asked elements
        self.page = self._adopt(page)

    def _adopt(self, page: Page) -> Page:
        """Every action on the page waits at most the configured timeout (not Playwright's 30 s), and the page's
        requests in flight are counted to tell a slow site from a missing element."""
        page.set_default_timeout(self.timeout)
        page.set_default_navigation_timeout(self.timeout)
        watch(page)
        return page

    # --- addresses and elements --------------------------------------------------------------------------
    def url(self, page: str, **query: str) -> str:
        base = (self.settings.base_url or "").rstrip("/")
        return base + self.locators.path(page) + (("?" + urlencode(query)) if query else "")

    def el(self, page: str, element: str) -> Locator:
        """The element by its candidates, the first that appears; web-first, so callers just act on it."""
        return self.all(page, element).first

    def all(self, page: str, element: str) -> Locator:
        candidates = self.locators.candidates(page, element)
        self.asked.note(page, element, candidates)
        locator = self.page.locator(candidates[0])
        for selector in candidates[1:]:
            locator = locator.or_(self.page.locator(selector))
        return locator

    async def open(self, page: str, **query: str) -> None:
        """Navigates to a page; a 5xx answer is a system fault."""
        response = await self.page.goto(self.url(page, **query), wait_until="domcontentloaded", timeout=self.timeout)
        if response is not None and response.status >= 500:
            raise SiteUnavailable(f"{self.site} answered HTTP {response.status} on {page}", site=self.site, page=page)

    async def press(self, page: str, element: str) -> None:
        """Clicks a button that never moves without Playwright's wait for it to hold still over two animation
        frames: with a page per site, a page in the background gets its frames seconds apart under load."""
        button = self.el(page, element)
        await expect(button).to_be_visible(timeout=self.timeout)
        await expect(button).to_be_enabled(timeout=self.timeout)
        await button.dispatch_event("click")

    async def first_visible(self, page: str, elements: list[str]) -> str:
        """Waits until one of the elements shows and says which: results, 'not found' or an error banner."""
        anyone = self.all(page, elements[0])
        for name in elements[1:]:
            anyone = anyone.or_(self.all(page, name))
        await anyone.filter(visible=True).first.wait_for(state="visible", timeout=self.timeout)
        for name in elements:
            if await self.el(page, name).is_visible():
                return name
        return elements[-1]

    async def read_rows(self, page: str, row: str, cells: list[str]) -> list[dict[str, str | None]]:
        """Every row's cell texts in one round trip; cells are CSS candidates under the row."""
        selectors = {name: self.locators.candidates(page, name) for name in cells}
        rows: list[dict[str, str | None]] = await self.all(page, row).evaluate_all(_READ_ROWS, selectors)
        return rows

    async def read_fields(self, page: str, fields: list[str]) -> dict[str, str | None]:
        """Named single elements of a page (a card's fields) in one round trip; None for one not on the page."""
        selectors = {name: self.locators.candidates(page, name) for name in fields}
        values: dict[str, str | None] = await self.page.evaluate(_READ_FIELDS, selectors)
        return values

    def word(self, text: str | None) -> str | None:
        return self.locators.word(text or "")

    # --- sessions and secrets -----------------------------------------------------------------------------
    async def remember_session(self) -> None:
        """Shares this login with the run's other contexts (storage state), so they need not sign in again."""
        if self.sessions is not None:
            await self.sessions.save(self.page.context)

    @asynccontextmanager
    async def private(self) -> AsyncIterator[None]:
        """Steps that handle a secret (a sign-in, from opening the login page to the page after it): the bot works
        on the site's sign-in page, in a context that is never traced (orynda.browser.signing_page), so no trace
        (evidence) records the typed value, the login request or the login form. The session cookies it ends with
        are given to the bot's own context; a step that fails leaves the own context as it was. Nested, or on a
        context not traced, it changes nothing.

        Stopping the trace around the typing is not enough: the trace's network log and its DOM snapshots of the
        form still hold the password."""
        own = self.page
        if not is_traced(own.context):
            yield
            return
        async with signing_page(own.context, self.site) as page:
            self.page = self._adopt(page)
            try:
                yield
                await own.context.add_cookies(await page.context.cookies())  # type: ignore[arg-type]
            except (PlaywrightTimeout, AssertionError) as exc:
                if isinstance(exc, AssertionError) and not _is_expect_timeout(exc):
                    raise
                raise await timed_out(self, page, "sign-in", exc) from exc  # on the sign-in page, not our own
            finally:
                self.page = own

    # --- preflight ---------------------------------------------------------------------------------------
    async def probe(self, look: Look) -> None:
        """A read-only walk over the site's pages that calls `look(page)` wherever the browser shows one, so the
        pre-flight checks every element there; it writes nothing. By default each page with `check` elements, on
        load; a bot overrides it to reach its results and cards (a search for the site's probe IIN)."""
        for page in self.locators.pages():
            if self.locators.checked_elements(page):
                await self.open(page)
                await self.page.wait_for_load_state("load", timeout=self.timeout)
                await look(page, self.locators.checked_elements(page))

    async def check(self, known: FingerprintFile | None = None, language: str | None = None) -> SiteCheck:
        """The pre-flight of this site (scrapy check, over every selector): the probe walk, each page looked at
        where it shows. A walk stopped by a missing element still reports every element of the pages it saw; a site
        that cannot be reached is the check's problem, its unseen pages not reached.

        A walk stopped by an element whose fingerprint names a strong look-alike is walked again, read-only, with
        the look-alikes tried first, so the pages behind it (results, cards) are reported and proposed for too.
        Whatever is found that way is still missing: only a person's `--accept` puts a proposal in the file."""
        original, best = self.locators, None
        try:
            for _ in range(REWALKS + 1):
                coverage = Coverage(self.site, self.locators, known, original=original)
                stopped, problem = await self._walk(coverage, language)
                result = coverage.result(problem)
                if best is None or result.count("not_reached") <= best.count("not_reached"):
                    best = result
                trial = with_proposals(self.locators, result)
                if stopped is None or trial is None or not _proposed_for(result, stopped):
                    break
                self.locators = trial
                await self.page.context.clear_cookies()
            assert best is not None
            return best
        finally:
            self.locators = original

    async def _walk(self, coverage: Coverage, language: str | None) -> tuple[ElementMissing | None, str | None]:
        """One probe walk; the element it stopped at (if one was missing) and what stopped it."""

        async def look(page: str, only: list[str] | None = None) -> None:
            await coverage.look(self.page, page, only)
            self.asked = Asked()  # a missing element is named among those asked since the last look

        self.asked = Asked()
        try:
            if language:
                await self.show_language(language)
            await self.probe(look)
        except ElementMissing as exc:
            return exc, await self._looked_at_missing(exc, look)
        except (PlaywrightTimeout, AssertionError) as exc:
            missing = await missing_element(self.page, self.site, self.asked, latest=True)
            if missing is None:
                return None, f"timed out: {_first_line(exc)}"
            return missing, await self._looked_at_missing(missing, look)
        except (OryndaError, PlaywrightError) as exc:
            return None, _first_line(exc)
        return None, None

    async def show_language(self, language: str) -> None:
        """Switches the site to a language by its own link (the selector file's `languages`), as a person would."""
        link = self.locators.data.languages.get(language)
        if link is None:
            return
        await self.open(self.locators.pages()[0])
        async with self.page.expect_navigation(wait_until="load", timeout=self.timeout):
            await self.page.locator(link).first.dispatch_event("click")

    async def _looked_at_missing(self, missing: ElementMissing, look: Look) -> str:
        """The page the walk stopped on, looked at as it is, so its other elements are reported too."""
        try:
            await look(missing.page or "")
        except (KeyError, PlaywrightError):
            pass
        return str(missing)


def _proposed_for(result: SiteCheck, stopped: ElementMissing) -> bool:
    return any(e.page == stopped.page and e.element == stopped.element and e.proposals for e in result.missing)


def action(fn: Callable[P, Awaitable[R]]) -> Callable[P, Awaitable[R]]:
    """Wraps a bot verb: politeness, timing for the report, and browser errors as system faults."""

    @functools.wraps(fn)
    async def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        bot: SiteBot = args[0]  # type: ignore[assignment]
        async with bot.limiter:
            started, outcome = time.perf_counter(), "ok"
            if bot._depth == 0:
                bot.asked = Asked()
            bot._depth += 1
            try:
                return await fn(*args, **kwargs)
            except BusinessException:
                outcome = "business"
                raise
            except OryndaError:
                outcome = "system"
                raise
            except (PlaywrightTimeout, AssertionError) as exc:
                if isinstance(exc, AssertionError) and not _is_expect_timeout(exc):
                    raise
                outcome = "system"
                raise await timed_out(bot, bot.page, fn.__name__, exc) from exc
            except PlaywrightError as exc:
                outcome = "system"
                raise as_system_fault(exc, bot.site, fn.__name__) from exc
            finally:
                bot._depth -= 1
                if bot.on_call:
                    bot.on_call(bot.site, fn.__name__, outcome, int((time.perf_counter() - started) * 1000))

    return wrapper


async def timed_out(bot: SiteBot, page: Page, what: str, exc: BaseException) -> SystemException:
    """What a timeout on `page` was: the server's error page (a 503 after a click or a redirect), a loaded page
    without an element asked for (the layout changed), or else the site being slow."""
    status = error_status(page)
    if status is not None:
        return SiteUnavailable(f"{bot.site}.{what}: the page shows HTTP {status}", site=bot.site)
    missing = await missing_element(page, bot.site, bot.asked)
    if missing is not None:
        return missing
    return SiteTimeout(f"{bot.site}.{what}: timed out: {_first_line(exc)}", site=bot.site)


def as_system_fault(exc: BaseException, site: str, what: str) -> SystemException:
    text = _first_line(exc)
    if _CRASH.search(text):
        return BrowserCrashed(f"{site}.{what}: browser closed: {text}", site=site)
    return SiteUnavailable(f"{site}.{what}: {text}", site=site)


def _is_expect_timeout(exc: AssertionError) -> bool:
    """Playwright's `expect` gives up with an AssertionError naming the locator; any other one is a bug."""
    return str(exc).lstrip().startswith(("Locator expected", "Page expected"))


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0][:300]


def text_or_empty(value: Any) -> str:
    return "" if value is None else str(value)

"""Telling a changed page from a slow one: a selector that matches nothing on a page that has finished loading is a
missing element (the site's layout drifted), named by site, page, element and the candidates tried; a timeout while
the page still waits for the server is the site being slow.

Playwright reports both as the same timeout, so the bot notes which elements it asked for and each page counts its
requests in flight; the action wrapper asks `missing_element` when a timeout comes. A page whose own document came
back as a server error (a 503 after a click or a redirect, not only after `goto`) is the site failing, not drift:
`error_status` says so, and no element is named missing on it.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass, field

from playwright.async_api import Error as PlaywrightError
from playwright.async_api import Page, Request, Response

from orynda.errors import ElementMissing

_WAITED_TYPES = {"document", "fetch", "xhr"}  # what a page waits on before its elements can show


@dataclass
class InFlight:
    """Requests a page has sent and not yet seen answered (documents and data, not images or fonts)."""

    open: set[int] = field(default_factory=set)
    document_status: int = 0  # HTTP status of the page's last document (0 before any)

    def sent(self, request: Request) -> None:
        if request.resource_type in _WAITED_TYPES:
            self.open.add(id(request))
        if _is_document(request):
            self.document_status = 0  # a new document is on its way

    def ended(self, request: Request) -> None:
        self.open.discard(id(request))

    def answered(self, response: Response) -> None:
        """The main frame's documents, redirects included: the last one is what the page shows."""
        if _is_document(response.request):
            self.document_status = response.status


def _is_document(request: Request) -> bool:
    """A document of the page's main frame (not an iframe's, not a fetch)."""
    if request.resource_type != "document":
        return False
    try:
        return request.frame.parent_frame is None
    except PlaywrightError:  # a navigation without its frame yet (a popup's)
        return False


_PAGES: weakref.WeakKeyDictionary[Page, InFlight] = weakref.WeakKeyDictionary()


def watch(page: Page) -> InFlight:
    """The page's requests in flight, counted from the first bot that works on it."""
    tracker = _PAGES.get(page)
    if tracker is None:
        tracker = _PAGES[page] = InFlight()
        page.on("request", tracker.sent)
        page.on("requestfinished", tracker.ended)
        page.on("requestfailed", tracker.ended)
        page.on("response", tracker.answered)
    return tracker


def error_status(page: Page) -> int | None:
    """The HTTP status of the page's document when the server answered it with an error (5xx), else None."""
    status = _PAGES.get(page, InFlight()).document_status
    return status if status >= 500 else None


@dataclass
class Asked:
    """The elements a bot asked for in the current action, latest last."""

    elements: list[tuple[str, str, tuple[str, ...]]] = field(default_factory=list)

    def note(self, page: str, element: str, candidates: list[str]) -> None:
        entry = (page, element, tuple(candidates))
        if entry in self.elements:
            self.elements.remove(entry)
        self.elements.append(entry)


async def missing_element(page: Page, site: str, asked: Asked, *, latest: bool = False) -> ElementMissing | None:
    """The element asked for that the loaded page does not have (the earliest asked of those, or the latest: the
    pre-flight's walk moves on from page to page), or None when the page is still loading or every asked element is
    there (then the timeout is the site's slowness)."""
    if page.is_closed() or _PAGES.get(page, InFlight()).open or error_status(page) is not None:
        return None
    try:
        if await page.evaluate("document.readyState") != "complete":
            return None
        for name, element, candidates in reversed(asked.elements) if latest else asked.elements:
            if not any([await page.locator(c).count() for c in candidates]):
                return ElementMissing(site, name, element, candidates)
    except PlaywrightError:
        return None  # the page went away while we looked: not a drift we can name
    return None

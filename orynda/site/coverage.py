"""The pre-flight's account of one site: every element of every page of its selector file, found, missing or not
reached, gathered over the looks a bot's read-only probe walk takes (a page on load, after a search, a card).

An element counts as found when any look at its page found it. One never found is missing when a look asked for it
(a page on load is asked only for its `check` elements: the rest show after a search), unless the selector file
declares it a state (shown only for no match, an error or a dialog): then, like the elements no look asked for, it
is not reached — unless its fingerprint finds a strong look-alike on the page (renamed, not absent): then it is
missing too. A missing element with a fingerprint gets ranked proposals from the last look at its page.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from playwright.async_api import Page

from orynda.site.fingerprint import Features, Fingerprint, Proposal, rank
from orynda.site.fingerprints import FingerprintFile
from orynda.site.locators import Locators

Status = Literal["found", "missing", "not_reached"]
SURVEY = (Path(__file__).with_name("survey.js")).read_text(encoding="utf-8")
POOL_LIMIT = 3000  # elements of one page scored for proposals
RENAMED = 0.8  # a state element's look-alike this close is the element renamed, not a state not shown
TRIED = 0.6  # a look-alike this close is tried by the pre-flight's own walk again, to reach the pages behind it


@dataclass(frozen=True)
class ElementCheck:
    site: str
    page: str
    element: str
    status: Status
    selector: str | None = None  # the candidate that found it
    proposals: tuple[Proposal, ...] = ()
    state: bool = False  # declared as shown only in some states


@dataclass
class SiteCheck:
    """One site's pre-flight: its elements in file order, what stopped its walk (if anything) and the fingerprints
    of what it found, for `--record`."""

    site: str
    elements: list[ElementCheck]
    problem: str | None = None
    fingerprints: dict[str, dict[str, Fingerprint]] = field(default_factory=dict)

    @property
    def missing(self) -> list[ElementCheck]:
        return [e for e in self.elements if e.status == "missing"]

    def count(self, status: Status) -> int:
        return sum(e.status == status for e in self.elements)


@dataclass
class _Seen:
    selector: str
    count: int
    features: Features


class Coverage:
    """The looks of one walk, added up."""

    def __init__(
        self, site: str, locators: Locators, known: FingerprintFile | None = None, original: Locators | None = None
    ) -> None:
        """`locators` are the ones the walk uses; `original` the selector file's, when the walk tries look-alikes:
        an element found only by a look-alike is still missing."""
        self.site, self.locators, self.known = site, locators, known
        self.original = original or locators
        self.seen: dict[tuple[str, str], _Seen] = {}
        self.looked: set[str] = set()  # pages looked at
        self.asked: set[tuple[str, str]] = set()  # elements looked for: only these can be missing
        self.pools: dict[str, list[Features]] = {}

    async def look(self, page: Page, name: str, only: list[str] | None = None) -> None:
        """Checks the page's elements (or only some) on what the browser shows now."""
        elements = self.locators.elements(name)
        wanted = {k: v for k, v in elements.items() if only is None or k in only}
        answer: dict[str, Any] = await page.evaluate(SURVEY, {"elements": wanted, "pool": True, "limit": POOL_LIMIT})
        self.looked.add(name)
        self.asked |= {(name, element) for element in wanted}
        for element, hit in answer["found"].items():
            if hit and (name, element) not in self.seen:
                self.seen[name, element] = _Seen(hit["selector"], hit["count"], Features(**hit["features"]))
        if only is None or name not in self.pools:
            self.pools[name] = [Features(**f) for f in answer["pool"]]

    def result(self, problem: str | None = None) -> SiteCheck:
        checks: list[ElementCheck] = []
        prints: dict[str, dict[str, Fingerprint]] = {}
        for page in self.locators.pages():
            states = set(self.locators.states(page))
            for element in self.locators.elements(page):
                seen = self.seen.get((page, element))
                if seen is not None and seen.selector not in self.original.candidates(page, element):
                    seen = None
                if seen is not None:
                    checks.append(
                        ElementCheck(self.site, page, element, "found", seen.selector, state=element in states)
                    )
                    before = self.known.get(page, element) if self.known else None
                    prints.setdefault(page, {})[element] = Fingerprint.of(
                        seen.features, seen.selector, seen.count, before
                    )
                    continue
                proposals = self._proposals(page, element) if page in self.looked else ()
                state = element in states
                asked = (page, element) in self.asked
                if asked and (not state or (proposals and proposals[0].score >= RENAMED)):
                    checks.append(ElementCheck(self.site, page, element, "missing", proposals=proposals, state=state))
                else:
                    checks.append(ElementCheck(self.site, page, element, "not_reached", state=state))
        return SiteCheck(self.site, checks, problem, prints)

    def _proposals(self, page: str, element: str) -> tuple[Proposal, ...]:
        fingerprint = self.known.get(page, element) if self.known else None
        if fingerprint is None:
            return ()
        return tuple(rank(fingerprint, self.pools.get(page, []), element))


def with_proposals(locators: Locators, result: SiteCheck) -> Locators | None:
    """The locators with each missing element's strong look-alike tried first, for a read-only walk of the pre-flight
    alone; None when there is none to try."""
    strong = {
        (e.page, e.element): e.proposals[0].selector
        for e in result.missing
        if e.proposals and e.proposals[0].score >= TRIED
    }
    if not strong:
        return None
    data = locators.data.model_copy(deep=True)
    for (page, element), selector in strong.items():
        elements = data.pages[page].elements
        elements[element] = [selector, *[c for c in elements[element] if c != selector]]
    return Locators(locators.source, data)

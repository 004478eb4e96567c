"""The pre-flight's rules for one site (orynda.site.coverage), on a page stand-in that answers the survey the way
survey.js does: an element is found when a look found it, missing only when a look asked for it (a page on load is
asked for its `check` elements alone), else not reached; a state element not shown is not reached unless a strong
look-alike says it was renamed."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest

from orynda.site.coverage import Coverage, Status
from orynda.site.fingerprint import Fingerprint, Words
from orynda.site.fingerprints import FingerprintFile
from orynda.site.locators import Locators, SelectorFile

SEARCH = {
    "path": "/",
    "check": ["iin_input", "not_found"],
    "states": ["not_found", "error"],
    "elements": {
        "iin_input": ["#iin"],
        "submit": ["#go"],
        "results": ["#results"],
        "not_found": ["#nf"],
        "error": ["#err", "div.error"],
    },
}
CARD = {"path": "/card", "elements": {"name": ["#name"]}}
ON_LOAD = ["iin_input", "not_found"]  # the search page's check elements
ERROR_BANNER = {"tag": "div", "role": "alert", "hidden": True, "words": {"text": "Сервис қолжетімсіз"}}


def locators(**changed: list[str]) -> Locators:
    search = {**SEARCH, "elements": {**SEARCH["elements"], **changed}}  # type: ignore[dict-item]
    return Locators(
        Path("site.yaml"), SelectorFile.model_validate({"site": "site", "pages": {"search": search, "card": CARD}})
    )


class Shown:
    """What the browser shows: the selectors that match something, and the page's other elements (the pool)."""

    def __init__(self, selectors: set[str], pool: list[dict[str, Any]] | None = None) -> None:
        self.selectors, self.pool = selectors, pool or []

    async def evaluate(self, script: str, arg: dict[str, Any]) -> dict[str, Any]:
        found = {}
        for element, candidates in arg["elements"].items():
            hit = next((c for c in candidates if c in self.selectors), None)
            found[element] = {"selector": hit, "count": 1, "features": {"tag": "input"}} if hit else None
        return {"found": found, "pool": self.pool}


def statuses(looks: list[tuple[str, Shown, list[str] | None]], **kw: Any) -> dict[str, Status]:
    coverage = Coverage("site", kw.pop("used", None) or locators(), **kw)

    async def walk() -> None:
        for page, shown, only in looks:
            await coverage.look(shown, page, only)  # type: ignore[arg-type]

    asyncio.run(walk())
    return {f"{e.page}.{e.element}": e.status for e in coverage.result().elements}


LOADED = ("search", Shown({"#iin", "#nf"}), ON_LOAD)
SEARCHED = ("search", Shown({"#iin", "#go", "#results"}), None)


@pytest.mark.parametrize(
    ("looks", "expected"),
    [
        pytest.param(
            [LOADED],
            {
                "search.iin_input": "found",
                "search.not_found": "found",
                "search.submit": "not_reached",
                "search.results": "not_reached",
                "search.error": "not_reached",
                "card.name": "not_reached",
            },
            id="on load only the check elements are asked; the rest show after a search",
        ),
        pytest.param(
            [("search", Shown({"#nf"}), ON_LOAD)],
            {"search.iin_input": "missing", "search.submit": "not_reached"},
            id="a check element gone on load is missing",
        ),
        pytest.param(
            [LOADED, SEARCHED],
            {
                "search.iin_input": "found",
                "search.submit": "found",
                "search.results": "found",
                "search.not_found": "found",
                "search.error": "not_reached",
                "card.name": "not_reached",
            },
            id="after a search every element is asked; found in any look counts; a state not shown is not reached",
        ),
        pytest.param(
            [LOADED, ("search", Shown({"#iin", "#results"}), None)],
            {"search.submit": "missing", "search.results": "found"},
            id="a non-state element asked for and not there is missing",
        ),
        pytest.param(
            [LOADED, SEARCHED, ("card", Shown(set()), None)],
            {"card.name": "missing"},
            id="a card looked at without its field",
        ),
        pytest.param(
            [LOADED, SEARCHED, ("search", Shown({"div.error"}), ["error"])],
            {"search.error": "found"},
            id="any candidate finds it",
        ),
    ],
)
def test_found_missing_or_not_reached(
    looks: list[tuple[str, Shown, list[str] | None]], expected: dict[str, Status]
) -> None:
    got = statuses(looks)
    assert {k: got[k] for k in expected} == expected


def banner(id_: str) -> dict[str, Any]:
    words = Words(**ERROR_BANNER["words"])  # type: ignore[arg-type]
    return {**ERROR_BANNER, "id": id_, "words": words.model_dump(), "lang": "kk", "selectors": {"unique": f"#{id_}"}}


KNOWN = FingerprintFile(
    site="site",
    pages={
        "search": {
            "error": Fingerprint(
                selector="#err", tag="div", role="alert", id="err", hidden=True,
                words={"kk": Words(text="Сервис қолжетімсіз")},
            )
        }
    },
)  # fmt: skip


@pytest.mark.parametrize(
    ("pool", "status"),
    [
        ([banner("fault")], "missing"),  # the banner is on the page under another id: renamed, not a state unseen
        ([{"tag": "p", "words": {"text": "a 9"}, "selectors": {"unique": "#total"}}], "not_reached"),  # nothing alike
    ],
)
def test_a_state_element_with_a_strong_look_alike_is_renamed(pool: list[dict[str, Any]], status: Status) -> None:
    coverage = Coverage("site", locators(), KNOWN)
    asyncio.run(coverage.look(Shown({"#iin", "#go", "#results"}, pool), "search"))  # type: ignore[arg-type]
    [error] = [e for e in coverage.result().elements if e.element == "error"]
    assert error.status == status
    if status == "missing":
        assert error.proposals[0].selector == "#fault" and error.proposals[0].score >= 0.8


def test_found_only_by_a_tried_look_alike_is_still_missing() -> None:
    """The pre-flight's second walk tries a proposal first; what it finds that way is not in the file, so missing."""
    tried = locators(submit=["#search-go", "#go"])
    got = statuses(
        [("search", Shown({"#iin", "#search-go"}), ["iin_input", "submit"])], used=tried, original=locators()
    )
    assert (got["search.iin_input"], got["search.submit"]) == ("found", "missing")

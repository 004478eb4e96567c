"""Pre-flight: every element of every page a flow's sites use, checked by each bot's read-only probe walk, before a
night (or an on-demand run) relies on them. A missing element stops the run before any item and is named; the
elements' fingerprints propose ranked replacements that a person accepts into the selector file
(orynda.site.accept).

The last check's proposals are kept in the home folder (preflight/proposals.json), so `check --accept` takes the
one a person read, not one a later page might give.
"""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

from loguru import logger

from app.catalog import BOTS
from orynda import clock
from orynda.browser import CONTEXT_OPTIONS, browser_pool
from orynda.config import Settings
from orynda.errors import PreflightFailed
from orynda.site.base import SiteBot
from orynda.site.coverage import SiteCheck
from orynda.site.fingerprint import Proposal
from orynda.site.fingerprints import load_fingerprints, save_fingerprints
from orynda.site.locators import locators_for, selector_file


def check_sites(sites: list[str], settings: Settings, *, record: bool = False) -> list[SiteCheck]:
    """Each site's check, in the order asked (default: every bot); with `record`, a site whose check found every
    element it reached gets its fingerprints written (in each language its selector file can switch to)."""
    results = asyncio.run(_check(sites or sorted(BOTS), BOTS, settings, record))
    save_proposals(settings, results)
    return results


def require_sites(sites: tuple[str, ...], settings: Settings) -> None:
    """Before a run: PreflightFailed naming every missing element of the flow's sites; a site that cannot be
    reached now is left to the run's own retries (the run reports it like any night)."""
    known = [site for site in sites if site in BOTS]
    if not known:
        return
    results = check_sites(known, settings)
    for result in results:
        if result.problem and not result.missing:
            logger.warning("pre-flight of {}: {}", result.site, result.problem)
    missing = [(e.site, e.page, e.element) for r in results for e in r.missing]
    if missing:
        raise PreflightFailed(missing)
    logger.info("pre-flight of {}: every element reached is there", ", ".join(sites))


async def _check(
    sites: list[str], classes: dict[str, type[SiteBot]], settings: Settings, record: bool
) -> list[SiteCheck]:
    """One browser, one untraced context (a check keeps no evidence), the sites in turn."""
    results = []
    async with browser_pool(settings.browser) as pool:
        browser = await pool.browser()
        for site in sites:
            context = await browser.new_context(**CONTEXT_OPTIONS)
            try:
                results.append(await _check_site(classes[site], site, settings, await context.new_page(), record))
            finally:
                await context.close()
    return results


async def _check_site(cls: type[SiteBot], site: str, settings: Settings, page: object, record: bool) -> SiteCheck:
    own = settings.site(site)
    path = selector_file(site, own.selectors)
    known = load_fingerprints(path)
    bot = cls(page, own, locators=locators_for(site, own.selectors))  # type: ignore[arg-type]
    result = await bot.check(known)
    if not record or result.missing:
        return result
    languages = list(bot.locators.data.languages)
    found = result.fingerprints
    for language in languages:  # each language's words, from a walk in it
        other = await bot.check(known, language=language)
        for name, elements in other.fingerprints.items():
            for element, fingerprint in elements.items():
                if name in found and element in found[name]:
                    found[name][element].words.update(fingerprint.words)
    if languages:
        await bot.show_language(settings.language)
    save_fingerprints(path, site, found, clock.now())
    return result


def proposals_path(settings: Settings) -> Path:
    return settings.home / "preflight" / "proposals.json"


def save_proposals(settings: Settings, results: list[SiteCheck]) -> None:
    """The proposals of this check, by site, page and element (a site not checked now keeps its last ones)."""
    path = proposals_path(settings)
    kept = _read(path)
    for result in results:
        kept[result.site] = {
            f"{e.page}.{e.element}": [p.model_dump() for p in e.proposals] for e in result.missing if e.proposals
        }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(kept, ensure_ascii=False, indent=1), encoding="utf-8")


def load_proposals(settings: Settings, site: str, page: str, element: str) -> list[Proposal]:
    found = _read(proposals_path(settings)).get(site, {}).get(f"{page}.{element}", [])
    return [Proposal.model_validate(p) for p in found]


def _read(path: Path) -> dict[str, dict[str, list[dict[str, object]]]]:
    if not path.is_file():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    return data if isinstance(data, dict) else {}

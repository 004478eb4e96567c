"""Pre-flight: every site's pages visited and every listed selector confirmed, before a night relies on them."""

from __future__ import annotations

import asyncio

from app.catalog import BOTS
from orynda.browser import WorkerSlot, browser_pool
from orynda.config import Settings
from orynda.site.base import SiteBot


def check_sites(sites: list[str], settings: Settings) -> dict[str, dict[str, dict[str, bool]]]:
    """site -> page -> element -> resolved; a site that cannot be reached raises its system fault."""
    return asyncio.run(_check(sites or sorted(BOTS), BOTS, settings))


async def _check(
    sites: list[str], classes: dict[str, type[SiteBot]], settings: Settings
) -> dict[str, dict[str, dict[str, bool]]]:
    results = {}
    async with browser_pool(settings.browser) as pool:
        slot = WorkerSlot(pool)
        page = await slot.ready()
        try:
            for site in sites:
                results[site] = await classes[site](page, settings.site(site), sessions=pool.sessions).check()
        finally:
            await slot.close()
    return results

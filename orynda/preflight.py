"""Pre-flight: every site's pages visited and every listed selector confirmed, before a night relies on them."""

from __future__ import annotations

import asyncio
import importlib
import inspect

from bots.base import SiteBot
from orynda.browser import WorkerSlot, browser_pool
from orynda.config import Settings

BOT_MODULES = ("bots.debtor_register", "bots.aisep", "bots.egov", "bots.esalyq", "bots.enpf", "bots.bank")


def bot_classes() -> dict[str, type[SiteBot]]:
    """Every bot by the site it works, found in the bot modules that exist."""
    found: dict[str, type[SiteBot]] = {}
    for name in BOT_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError:
            continue
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, SiteBot) and getattr(cls, "site", None) and cls.__module__ == name:
                found[cls.site] = cls
    return found


def check_sites(sites: list[str], settings: Settings) -> dict[str, dict[str, dict[str, bool]]]:
    """site -> page -> element -> resolved; a site that cannot be reached raises its system fault."""
    classes = bot_classes()
    return asyncio.run(_check(sites or sorted(classes), classes, settings))


async def _check(sites: list[str], classes: dict[str, type[SiteBot]], settings: Settings) -> dict[str, dict[str, dict[str, bool]]]:
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

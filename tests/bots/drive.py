"""Runs one bot in a real Chromium page for a test, the way the engine gives it one."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import TypeVar

from orynda.browser import WorkerSlot, browser_pool
from orynda.config import Settings
from orynda.site.base import SiteBot

B = TypeVar("B", bound=SiteBot)
T = TypeVar("T")


def with_bot(settings: Settings, bot_class: type[B], use: Callable[[B], Awaitable[T]], **kw: object) -> T:
    async def main() -> T:
        async with browser_pool(settings.browser) as pool:
            slot = WorkerSlot(pool)
            page = await slot.ready()
            try:
                return await use(bot_class(page, settings.site(bot_class.site), **kw))  # type: ignore[arg-type]
            finally:
                await slot.close()

    return asyncio.run(main())

"""Per-site politeness: at most N actions at once and at most R started per second (Scrapy's per-domain limits)."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from types import TracebackType


class SiteLimiter:
    def __init__(
        self,
        concurrency: int,
        rate_per_second: float,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._slots = asyncio.Semaphore(concurrency)
        self._interval = 1.0 / rate_per_second
        self._next_start = 0.0
        self._lock = asyncio.Lock()
        self._sleep, self._clock = sleep, clock

    async def __aenter__(self) -> None:
        await self._slots.acquire()
        try:
            async with self._lock:
                wait = self._next_start - self._clock()
                if wait > 0:
                    await self._sleep(wait)
                self._next_start = max(self._clock(), self._next_start) + self._interval
        except BaseException:
            self._slots.release()
            raise

    async def __aexit__(self, *exc: type[BaseException] | BaseException | TracebackType | None) -> None:
        self._slots.release()

"""Racing callers for the store's tests: threads released together, so their writes really collide."""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

T = TypeVar("T")


def all_at_once(n: int, call: Callable[[int], T]) -> list[T]:
    """call(0) … call(n-1) on n threads that start at one barrier; their results in order, a failure re-raised."""
    start = threading.Barrier(n)

    def released(i: int) -> T:
        start.wait()
        return call(i)

    with ThreadPoolExecutor(n) as pool:
        return list(pool.map(released, range(n)))

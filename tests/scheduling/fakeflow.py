"""A test-only flow that needs no registry: each item waits a little and echoes its number."""

from __future__ import annotations

import asyncio
from typing import Any

from pydantic import BaseModel

from orynda.config import Settings
from orynda.errors import SiteUnavailable
from orynda.flow import Flow, ItemContext, ItemResult, ItemSpec, ReportColumn


class Count(BaseModel):
    n: int
    delay: float


def load_items(params: dict[str, Any], settings: Settings) -> list[ItemSpec[Count]]:
    delay = float(params.get("delay", 0.05))
    return [
        ItemSpec(seq=n, key=f"item {n}", payload=Count(n=n, delay=delay))
        for n in range(1, int(params.get("items", 6)) + 1)
    ]


async def process(payload: Count, context: ItemContext) -> ItemResult:
    await asyncio.sleep(payload.delay)
    return ItemResult(fields={"n": payload.n})


FLOW = Flow(
    name="fake_count",
    title="Counts items (tests only)",
    load_items=load_items,
    process=process,
    payload_model=Count,
    columns=(ReportColumn("n", "n", "int"),),
)


def no_items(params: dict[str, Any], settings: Settings) -> list[ItemSpec[Count]]:
    raise RuntimeError("the list of the night is gone")


BROKEN = Flow(
    name="broken_count",
    title="Cannot read its items (tests only)",
    load_items=no_items,
    process=process,
    payload_model=Count,
)


async def fail_every_third(payload: Count, context: ItemContext) -> ItemResult:
    """Items 3, 6, … fail on a system fault every attempt (a registry that stays down for them)."""
    if payload.n % 3 == 0:
        raise SiteUnavailable("the registry answered HTTP 503", site="fake")
    return await process(payload, context)


FLAKY = Flow(
    name="flaky_count",
    title="Every third item fails (tests only)",
    load_items=load_items,
    process=fail_every_third,
    payload_model=Count,
)

"""Per-registry figures of a run: lookups, failures, retries, latency. Aggregated here so reports only lay out."""

from __future__ import annotations

import statistics
from collections import defaultdict
from dataclasses import dataclass

from orynda.flow import ItemResult
from orynda.schema import Item, SiteCall


@dataclass(frozen=True)
class SiteStats:
    site: str
    lookups: int
    answered: int
    failures: int
    retries: int
    items_without: int
    median_ms: int | None
    p95_ms: int | None


def site_stats(calls: list[SiteCall], items: list[Item]) -> list[SiteStats]:
    """One row per site; a failure followed by another try of the same item counts as a retry."""
    by_site: dict[str, list[SiteCall]] = defaultdict(list)
    for call in calls:
        by_site[call.site].append(call)
    lacking = _items_lacking(items)
    return [_stats(site, by_site[site], lacking.get(site, 0)) for site in sorted(by_site)]


def _stats(site: str, calls: list[SiteCall], items_without: int) -> SiteStats:
    ok = sorted(c.ms for c in calls if c.outcome != "system")
    failures = sum(1 for c in calls if c.outcome == "system")
    return SiteStats(
        site,
        len(calls),
        len(ok),
        failures,
        max(0, failures - items_without),
        items_without,
        int(statistics.median(ok)) if ok else None,
        _percentile(ok, 95),
    )


def _percentile(values: list[int], pct: int) -> int | None:
    if not values:
        return None
    if len(values) == 1:
        return values[0]
    return int(statistics.quantiles(values, n=100, method="inclusive")[pct - 1])


def _items_lacking(items: list[Item]) -> dict[str, int]:
    counts: dict[str, int] = defaultdict(int)
    for item in items:
        for site in ItemResult.from_json(item.result).missing:
            counts[site] += 1
    return counts

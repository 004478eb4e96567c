"""Per-registry figures of a run: lookups, failures, retries, latency. Aggregated here so reports only lay out."""

from __future__ import annotations

import statistics
from dataclasses import dataclass


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


def stats_of(site: str, lookups: int, failures: int, answered_ms: list[int], items_without: int) -> SiteStats:
    """A site's figures from its calls as counted (by the store for a large run): `answered_ms` sorted."""
    ok = answered_ms
    return SiteStats(
        site,
        lookups,
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

"""Faults a test or a demo can turn on per site: latency, 5xx, slow responses, dropped connections, a site down,
and a changed layout (`layout: changed`: the site's templates/changed/ pages, renamed ids and classes, moved
elements — the drift the pre-flight is there to name).

An ASGI middleware; settings live in app state and change at run time through /_sandbox/faults.
"""

from __future__ import annotations

import asyncio
import random
from dataclasses import asdict, dataclass, field
from typing import Any

from starlette.types import ASGIApp, Receive, Scope, Send

LAYOUT = "sandbox.layout"  # the request scope's key for the layout a page is served in


@dataclass
class FaultSettings:
    latency_ms: int = 0  # added to every request
    error_rate: float = 0.0  # share of requests answered 503
    slow_rate: float = 0.0  # share delayed by slow_ms (beyond a bot's timeout)
    slow_ms: int = 20_000
    drop_rate: float = 0.0  # share of API requests cut off mid-response
    down: bool = False  # every request answered 503
    error_every: int = 0  # every n-th request answered 503 (deterministic, for tests of per-page retries)
    layout: str = ""  # "changed": pages from the site's templates/changed/ where it has them (sandbox.pages)

    def update(self, values: dict[str, Any]) -> None:
        for key, value in values.items():
            if not hasattr(self, key):
                raise ValueError(f"unknown fault setting {key!r}")
            setattr(self, key, type(getattr(self, key))(value))


@dataclass
class FaultBoard:
    """Faults for the whole sandbox ('*') and per site prefix ('/debtor_register')."""

    seed: int = 0
    sites: dict[str, FaultSettings] = field(default_factory=lambda: {"*": FaultSettings()})
    requests: dict[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.rng = random.Random(f"faults:{self.seed}")

    def for_path(self, path: str) -> tuple[str, FaultSettings]:
        for prefix, settings in sorted(self.sites.items(), key=lambda kv: -len(kv[0])):
            if prefix != "*" and (path == prefix or path.startswith(prefix + "/")):
                return prefix, settings
        return "*", self.sites["*"]

    def set(self, prefix: str, values: dict[str, Any]) -> None:
        self.sites.setdefault(prefix, FaultSettings()).update(values)

    def reset(self) -> None:
        self.sites = {"*": FaultSettings()}

    def describe(self) -> dict[str, Any]:
        return {"sites": {k: asdict(v) for k, v in self.sites.items()}, "requests": dict(self.requests)}


class FaultMiddleware:
    def __init__(self, app: ASGIApp, board: FaultBoard) -> None:
        self.app, self.board = app, board

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "")
        if scope["type"] != "http" or path.startswith(("/_sandbox", "/static")):
            return await self.app(scope, receive, send)
        prefix, faults = self.board.for_path(path)
        scope[LAYOUT] = faults.layout
        self.board.requests[prefix] = self.board.requests.get(prefix, 0) + 1
        rng = self.board.rng
        delay = faults.latency_ms + (faults.slow_ms if rng.random() < faults.slow_rate else 0)
        if delay:
            await asyncio.sleep(delay / 1000)
        nth = self.board.requests[prefix]
        if faults.down or rng.random() < faults.error_rate or (faults.error_every and nth % faults.error_every == 0):
            return await _unavailable(send)
        if "/api/" in path and rng.random() < faults.drop_rate:
            return await _cut_off(send)
        await self.app(scope, receive, send)


async def _unavailable(send: Send) -> None:
    body = "<h1>503 Service Temporarily Unavailable</h1><p>Сервис уақытша қолжетімсіз / Сервис временно недоступен</p>"
    await send(
        {
            "type": "http.response.start",
            "status": 503,
            "headers": [(b"content-type", b"text/html; charset=utf-8"), (b"retry-after", b"1")],
        }
    )
    await send({"type": "http.response.body", "body": body.encode()})


async def _cut_off(send: Send) -> None:
    """Headers promise a body that never fully arrives: the connection drops mid-response."""
    await send(
        {
            "type": "http.response.start",
            "status": 200,
            "headers": [(b"content-type", b"application/json"), (b"content-length", b"4096")],
        }
    )
    await send({"type": "http.response.body", "body": b'{"items": [', "more_body": True})
    raise ConnectionAbortedError("sandbox: connection dropped on purpose")

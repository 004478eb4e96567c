"""The sandbox as one ASGI app: every registry under its own path, faults in front, a control API beside."""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from sandbox.faults import FaultBoard, FaultMiddleware
from sandbox.world import World, build_world

# path prefix -> site package under sandbox.sites; a site whose package is missing is simply not served
SITES = {
    "/register": "debtor_register",
    "/aisep": "aisep",
    "/egov/realty": "egov_realty",
    "/egov/vehicles": "egov_vehicles",
    "/salyk": "esalyq",
    "/enpf": "enpf",
    "/bank/sandyq": "bank_sandyq",
    "/bank/qazyna": "bank_qazyna",
}


def create_app(seed: int = 42, debtors: int = 1000, options: dict[str, Any] | None = None) -> Starlette:
    world = build_world(seed, debtors)
    board = FaultBoard(seed=seed)
    routes: list[Any] = [
        Route("/_sandbox/health", _health(world)),
        Route("/_sandbox/faults", _faults(board), methods=["GET", "POST"]),
        Route("/_sandbox/stats", _stats),
        Mount("/static", app=StaticFiles(directory=Path(__file__).parent / "static"), name="static"),
    ]
    for prefix, package in SITES.items():
        site = _load_site(package)
        if site is not None:
            routes.append(Mount(prefix, app=site.make_app(world, **_site_options(site, options or {}))))
    routes.append(Route("/", _index))
    app = Starlette(routes=routes)
    app.state.world, app.state.faults = world, board
    app.add_middleware(FaultMiddleware, board=board)
    return app


def _load_site(package: str) -> Any:
    try:
        return importlib.import_module(f"sandbox.sites.{package}")
    except ModuleNotFoundError as exc:
        if exc.name == f"sandbox.sites.{package}":
            return None
        raise


def _site_options(site: Any, options: dict[str, Any]) -> dict[str, Any]:
    accepted = getattr(site, "OPTIONS", ())
    return {k: v for k, v in options.items() if k in accepted}


def _health(world: World) -> Any:
    async def health(_: Request) -> Response:
        return JSONResponse({"ok": True, "seed": world.seed, "debtors": len(world.debtors)})

    return health


def _faults(board: FaultBoard) -> Any:
    async def faults(request: Request) -> Response:
        """POST {"site": "/register", "latency_ms": 100, ...} or {"reset": true}."""
        if request.method == "POST":
            body = await request.json()
            if body.pop("reset", False):
                board.reset()
            site = body.pop("site", "*")
            try:
                board.set(site, body)
            except (ValueError, TypeError) as exc:
                return JSONResponse({"error": str(exc)}, status_code=400)
        return JSONResponse(board.describe())

    return faults


async def _stats(_: Request) -> Response:
    """Sign-ins and expired sessions seen per site cookie, so a test can tell a session was really renewed."""
    from sandbox.sites.shared.sessions import STATS

    return JSONResponse(dict(STATS))


async def _index(_: Request) -> Response:
    links = "".join(f'<li><a href="{p}/">{p}</a></li>' for p in SITES)
    return Response(f"<h1>Orynda sandbox</h1><ul>{links}</ul>", media_type="text/html")

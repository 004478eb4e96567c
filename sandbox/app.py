"""The sandbox as one ASGI app: every registry under its own name (/debtor_register/, /aisep/, …), so a site's
sandbox address is the sandbox URL and the site's name (orynda.config), faults in front, a control API beside."""

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

# site names, each a package under sandbox.sites served at /<name>; a site whose package is missing is not served
SITES = (
    "debtor_register",
    "aisep",
    "egov_realty",
    "egov_vehicles",
    "esalyq",
    "enpf",
    "bank_sandyq",
    "bank_qazyna",
    "notify_gateway",
    "court_cabinet",
)


def create_app(seed: int = 42, debtors: int = 1000, options: dict[str, Any] | None = None) -> Starlette:
    world = build_world(seed, debtors)
    board = FaultBoard(seed=seed)
    routes: list[Any] = [
        Route("/_sandbox/health", _health(world)),
        Route("/_sandbox/faults", _faults(board), methods=["GET", "POST"]),
        Route("/_sandbox/stats", _stats),
        Mount("/static", app=StaticFiles(directory=Path(__file__).parent / "static"), name="static"),
    ]
    for name in SITES:
        site = _load_site(name)
        if site is not None:
            routes.append(Mount(f"/{name}", app=site.make_app(world, **_site_options(site, options or {}))))
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
        """POST {"site": "/debtor_register", "latency_ms": 100, ...} or {"reset": true}."""
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
    links = "".join(f'<li><a href="/{name}/">/{name}/</a></li>' for name in SITES)
    return Response(f"<h1>Orynda sandbox</h1><ul>{links}</ul>", media_type="text/html")

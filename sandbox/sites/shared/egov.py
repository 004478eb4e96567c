"""An eGov register seen by a bailiff: key-file sign-in, then one table of a person's records found by IIN.

The real-estate and vehicle registers differ only in their labels, look, API name and the records they list.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from sandbox.sites.shared.keylogin import key_login_routes
from sandbox.sites.shared.portal import invalid_iin, site_pages
from sandbox.sites.shared.sessions import Clock, SessionStore
from sandbox.world import World
from sandbox.world_assets import Assets, assets_of

Items = Callable[[Assets], list[dict[str, Any]]]


def egov_register_app(
    world: World,
    site_dir: Path,
    labels: dict[str, Any],
    *,
    cookie: str,
    accent: str,
    api: str,
    items: Items,
    session_idle_s: float | None,
    clock: Clock | None,
) -> Starlette:
    pages = site_pages(site_dir)
    store = SessionStore(cookie, session_idle_s, clock)

    async def search_page(request: Request) -> Response:
        user, redirect = store.page_user(request)
        return redirect or pages.render(
            request, "search.html", labels, session_expired=user is None, signed_in=user is not None, egov_accent=accent
        )

    async def api_items(request: Request) -> Response:
        user = store.api_user(request)
        if isinstance(user, Response):
            return user
        iin = request.query_params.get("iin", "").strip()
        if bad := invalid_iin(iin):
            return bad
        assets = assets_of(world, iin)
        return JSONResponse({"iin": iin, "items": items(assets) if assets else []})

    routes = key_login_routes(pages, labels, store, landing="/", egov_accent=accent)
    return Starlette(routes=[*routes, Route("/", search_page), Route(f"/api/{api}", api_items)])

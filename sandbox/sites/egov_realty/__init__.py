"""eGov real estate (ГБД «Регистр недвижимости»): key-file sign-in, then properties by IIN.

Pages: /login (key file + password), / (search by IIN). API: /api/realty?iin=…; sign-in API in shared.keylogin.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from sandbox.sites.egov_realty.labels import LABELS
from sandbox.sites.shared.keylogin import key_login_routes
from sandbox.sites.shared.portal import invalid_iin, site_pages
from sandbox.sites.shared.sessions import Clock, SessionStore
from sandbox.world import World
from sandbox.world_assets import RealEstate, assets_of

OPTIONS = ("session_idle_s", "clock")
ACCENT = "#00897b"


def make_app(world: World, session_idle_s: float | None = None, clock: Clock | None = None) -> Starlette:
    pages = site_pages(Path(__file__).parent)
    store = SessionStore("egov_realty_sid", session_idle_s, clock)

    async def search_page(request: Request) -> Response:
        user, redirect = store.page_user(request)
        return redirect or pages.render(request, "search.html", LABELS, session_expired=user is None,
                                        signed_in=user is not None, egov_accent=ACCENT)

    async def api_realty(request: Request) -> Response:
        user = store.api_user(request)
        if isinstance(user, Response):
            return user
        iin = request.query_params.get("iin", "").strip()
        if bad := invalid_iin(iin):
            return bad
        assets = assets_of(world, iin)
        return JSONResponse({"iin": iin, "items": [_item(r) for r in (assets.realty if assets else ())]})

    routes = key_login_routes(pages, LABELS, store, landing="/", egov_accent=ACCENT)
    return Starlette(routes=[*routes, Route("/", search_page), Route("/api/realty", api_realty)])


def _item(r: RealEstate) -> dict[str, Any]:
    return {"cadastral": r.cadastral, "kind": r.kind, "address": r.address, "area": str(r.area), "share": r.share,
            "owner_iin": r.owner_iin, "encumbrances": list(r.encumbrances), "arrested": r.arrested,
            "registered": r.registered.isoformat()}

"""ENPF service portal for bailiffs: a service account signs in, then a contribution statement by IIN.

Pages: /login (user + password form), / (statement by IIN, 6 rows a page). API: /api/contributions?iin=…&page=….
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from sandbox.sites.enpf.labels import LABELS
from sandbox.sites.shared.accounts import ENPF
from sandbox.sites.shared.passlogin import password_login_routes
from sandbox.sites.shared.portal import invalid_iin, page_number, paged, site_pages
from sandbox.sites.shared.sessions import Clock, SessionStore
from sandbox.world import World
from sandbox.world_assets import Contribution, assets_of

OPTIONS = ("session_idle_s", "clock")
PAGE_SIZE = 6


def make_app(world: World, session_idle_s: float | None = None, clock: Clock | None = None) -> Starlette:
    pages = site_pages(Path(__file__).parent)
    store = SessionStore("enpf_sid", session_idle_s, clock)

    async def statement_page(request: Request) -> Response:
        user, redirect = store.page_user(request)
        return redirect or pages.render(request, "statement.html", LABELS, session_expired=user is None, user=user)

    async def api_contributions(request: Request) -> Response:
        user = store.api_user(request)
        if isinstance(user, Response):
            return user
        iin = request.query_params.get("iin", "").strip()
        if bad := invalid_iin(iin):
            return bad
        assets = assets_of(world, iin)
        newest_first = list(reversed(assets.contributions)) if assets else []
        chunk, paging = paged(newest_first, page_number(request), PAGE_SIZE)
        return JSONResponse({"iin": iin, **paging, "items": [_item(c) for c in chunk]})

    routes = password_login_routes(pages, LABELS, store, ENPF, landing="/")
    return Starlette(routes=[*routes, Route("/", statement_page), Route("/api/contributions", api_contributions)])


def _item(c: Contribution) -> dict[str, Any]:
    return {
        "month": f"{c.month:%Y-%m}",
        "employer_bin": c.employer_bin,
        "employer_name": c.employer_name,
        "amount": str(c.amount),
        "paid_on": c.paid_on.isoformat(),
    }

"""Qazyna Bank's enforcement desk: e-mail + access code sign-in, then the debtor's accounts as a list of cards.

Pages: /login, /desk (accounts by IIN). API: /api/v2/clients/{iin}/accounts (camelCase JSON; 404 when the IIN is
not the bank's client). Its pages, ids, labels and JSON differ from bank_sandyq on purpose.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from sandbox.sites.bank_qazyna.labels import LABELS
from sandbox.sites.shared.accounts import BANK_QAZYNA
from sandbox.sites.shared.passlogin import password_login_routes
from sandbox.sites.shared.portal import invalid_iin, site_pages
from sandbox.sites.shared.sessions import Clock, SessionStore
from sandbox.world import World
from sandbox.world_assets import BankAccount, assets_of

OPTIONS = ("session_idle_s", "clock")
BANK = "qazyna"


def make_app(world: World, session_idle_s: float | None = None, clock: Clock | None = None) -> Starlette:
    pages = site_pages(Path(__file__).parent)
    store = SessionStore("qazyna_session", session_idle_s, clock)

    async def home(request: Request) -> Response:
        return RedirectResponse(f"{request.scope.get('root_path', '')}/desk", status_code=303)

    async def desk_page(request: Request) -> Response:
        user, redirect = store.page_user(request)
        return redirect or pages.render(request, "desk.html", LABELS, session_expired=user is None, user=user)

    async def api_accounts(request: Request) -> Response:
        user = store.api_user(request)
        if isinstance(user, Response):
            return user
        iin = request.path_params["iin"]
        if bad := invalid_iin(iin):
            return bad
        assets, debtor = assets_of(world, iin), world.by_iin.get(iin)
        accounts = assets.accounts_in(BANK) if assets else ()
        if debtor is None or not accounts:
            return JSONResponse({"error": "client_not_found"}, status_code=404)
        return JSONResponse(
            {
                "client": {"iin": iin, "fullName": debtor.person.full_name},
                "accountList": [_account(a) for a in accounts],
            }
        )

    routes = password_login_routes(pages, LABELS, store, BANK_QAZYNA, landing="/desk", fields=("email", "access_code"))
    return Starlette(
        routes=[
            *routes,
            Route("/", home),
            Route("/desk", desk_page),
            Route("/api/v2/clients/{iin}/accounts", api_accounts),
        ]
    )


def _account(a: BankAccount) -> dict[str, Any]:
    return {
        "accountNumber": a.iban,
        "currencyCode": a.currency,
        "availableBalance": str(a.balance),
        "hasEncumbrance": a.arrested,
        "openDate": a.opened.isoformat(),
    }

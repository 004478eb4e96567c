"""Sandyq Bank's portal for bailiffs: login form, then the client's accounts by IIN as a table, and the bailiff's own
deposit account (its statement and payment orders: sandbox.sites.bank_sandyq.deposit).

Pages: /login, / (accounts by IIN), /deposit, /deposit/orders. API: /api/accounts?iin=…  (layout and ids differ on
purpose from bank_qazyna).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from sandbox.deposit import DEFAULT_PAYMENTS
from sandbox.sites.bank_sandyq.deposit import deposit_routes
from sandbox.sites.bank_sandyq.labels import LABELS
from sandbox.sites.shared.accounts import BANK_SANDYQ
from sandbox.sites.shared.passlogin import password_login_routes
from sandbox.sites.shared.portal import invalid_iin, site_pages
from sandbox.sites.shared.sessions import Clock, SessionStore
from sandbox.world import World
from sandbox.world_assets import BankAccount, assets_of

OPTIONS = ("session_idle_s", "clock", "deposit_payments", "deposit_last_day", "order_after_s")
BANK = "sandyq"


def make_app(
    world: World,
    session_idle_s: float | None = None,
    clock: Clock | None = None,
    deposit_payments: int = DEFAULT_PAYMENTS,
    deposit_last_day: str | None = None,
    order_after_s: float = 2.0,
) -> Starlette:
    pages = site_pages(Path(__file__).parent)
    store = SessionStore("sandyq_sid", session_idle_s, clock)

    async def accounts_page(request: Request) -> Response:
        user, redirect = store.page_user(request)
        return redirect or pages.render(request, "accounts.html", LABELS, session_expired=user is None, user=user)

    async def api_accounts(request: Request) -> Response:
        user = store.api_user(request)
        if isinstance(user, Response):
            return user
        iin = request.query_params.get("iin", "").strip()
        if bad := invalid_iin(iin):
            return bad
        assets, debtor = assets_of(world, iin), world.by_iin.get(iin)
        accounts = assets.accounts_in(BANK) if assets else ()
        client = debtor.person.full_name if debtor and accounts else None
        return JSONResponse({"iin": iin, "client": client, "accounts": [_account(a) for a in accounts]})

    routes = password_login_routes(pages, LABELS, store, BANK_SANDYQ, landing="/")
    deposit = deposit_routes(
        world,
        pages,
        store,
        payments=deposit_payments,
        last_day=dt.date.fromisoformat(deposit_last_day) if deposit_last_day else None,
        order_after_s=order_after_s,
        clock=clock,
    )
    return Starlette(routes=[*routes, *deposit, Route("/", accounts_page), Route("/api/accounts", api_accounts)])


def _account(a: BankAccount) -> dict[str, Any]:
    return {
        "iban": a.iban,
        "currency": a.currency,
        "balance": str(a.balance),
        "arrested": a.arrested,
        "opened": a.opened.isoformat(),
    }

"""E-Salyq taxpayer cabinet: key-file sign-in, then tax debts and overpayments by IIN and a PDF certificate.

Pages: /login (key file + password), / (check by IIN). API: /api/taxpayer?iin=…; /certificate.pdf?iin=… (PDF).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from sandbox.sites.esalyq.labels import LABELS
from sandbox.sites.esalyq.pdf import text_pdf
from sandbox.sites.shared.keylogin import key_login_routes
from sandbox.sites.shared.portal import invalid_iin, site_pages
from sandbox.sites.shared.sessions import Clock, SessionStore
from sandbox.world import World
from sandbox.world_assets import Tax, assets_of

OPTIONS = ("session_idle_s", "clock")
ISSUED_ON = dt.date(2026, 11, 25)  # the sandbox's 'today' on certificates, so they are the same on every run


def make_app(world: World, session_idle_s: float | None = None, clock: Clock | None = None) -> Starlette:
    pages = site_pages(Path(__file__).parent)
    store = SessionStore("esalyq_sid", session_idle_s, clock)

    async def check_page(request: Request) -> Response:
        user, redirect = store.page_user(request)
        return redirect or pages.render(request, "check.html", LABELS, session_expired=user is None)

    def taxpayer(request: Request) -> tuple[Any, Response | None]:
        user = store.api_user(request)
        if isinstance(user, Response):
            return None, user
        iin = request.query_params.get("iin", "").strip()
        if bad := invalid_iin(iin):
            return None, bad
        debtor, assets = world.by_iin.get(iin), assets_of(world, iin)
        if debtor is None or assets is None:
            return None, JSONResponse({"error": "not_found"}, status_code=404)
        return (debtor.person, assets.tax), None

    async def api_taxpayer(request: Request) -> Response:
        found, answer = taxpayer(request)
        return answer or JSONResponse({"iin": found[0].iin, "name": found[0].full_name, **_tax(found[1])})

    async def certificate(request: Request) -> Response:
        found, answer = taxpayer(request)
        if answer:
            return answer
        person, tax = found
        return Response(
            text_pdf(_certificate_lines(person.iin, person.full_name, tax), "Tax certificate"),
            media_type="application/pdf",
            headers={"Content-Disposition": f'attachment; filename="tax-certificate-{person.iin}.pdf"'},
        )

    routes = key_login_routes(pages, LABELS, store, landing="/")
    return Starlette(
        routes=[
            *routes,
            Route("/", check_page),
            Route("/api/taxpayer", api_taxpayer),
            Route("/certificate.pdf", certificate),
        ]
    )


def _tax(tax: Tax) -> dict[str, Any]:
    employer = {"bin": tax.employer_bin, "name": tax.employer_name} if tax.employer_bin else None
    return {
        "debt": str(tax.debt),
        "overpayment": str(tax.overpayment),
        "employer": employer,
        "lines": [
            {
                "code": x.code,
                "name_kk": x.name_kk,
                "name_ru": x.name_ru,
                "debt": str(x.debt),
                "overpayment": str(x.overpayment),
            }
            for x in tax.lines
        ],
    }


def _certificate_lines(iin: str, name: str, tax: Tax) -> list[str]:
    lines = [
        "Komitet gosudarstvennykh dokhodov MF RK (sandbox)",
        "SPRAVKA o nalichii zadolzhennosti i pereplat",
        f"Data: {ISSUED_ON:%d.%m.%Y}",
        f"IIN: {iin}",
        f"Nalogoplatelshchik: {name}",
        "",
    ]
    lines += [f"KBK {x.code}: debt {x.debt:.2f} KZT, overpayment {x.overpayment:.2f} KZT" for x in tax.lines]
    return lines + ["", f"Total debt: {tax.debt:.2f} KZT", f"Total overpayment: {tax.overpayment:.2f} KZT"]

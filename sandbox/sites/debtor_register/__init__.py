"""The Unified Register of Debtors (Law 261-IV art. 36): public search by IIN/BIN or by name, debtor card."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from sandbox.pages import Pages
from sandbox.sites.debtor_register.labels import LABELS
from sandbox.world import Debtor, World

PAGE_SIZE = 20


def make_app(world: World) -> Starlette:
    pages = Pages(Path(__file__).parent)

    async def search_page(request: Request) -> Response:
        return pages.render(request, "search.html", LABELS)

    async def card_page(request: Request) -> Response:
        return pages.render(request, "card.html", LABELS, iin=request.query_params.get("iin", ""))

    async def api_search(request: Request) -> Response:
        q = request.query_params
        page = max(1, int(q.get("page") or 1))
        if q.get("iin"):
            found = [world.by_iin[q["iin"]]] if q["iin"] in world.by_iin else []
        elif q.get("surname"):
            found = world.search(q["surname"], q.get("first_name", ""))
        else:
            return JSONResponse({"error": "iin or surname required"}, status_code=400)
        chunk = found[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]
        return JSONResponse(
            {
                "total": len(found),
                "page": page,
                "pages": max(1, -(-len(found) // PAGE_SIZE)),
                "items": [_summary(d) for d in chunk],
            }
        )

    async def api_debtor(request: Request) -> Response:
        debtor = world.by_iin.get(request.query_params.get("iin", ""))
        if debtor is None:
            return JSONResponse({"error": "not found"}, status_code=404)
        return JSONResponse({**_summary(debtor), "proceedings": [_proceeding(p) for p in debtor.proceedings]})

    return Starlette(
        routes=[
            Route("/", search_page),
            Route("/debtor", card_page),
            Route("/api/search", api_search),
            Route("/api/debtor", api_debtor),
        ]
    )


def _summary(d: Debtor) -> dict[str, Any]:
    p = d.person
    return {
        "iin": p.iin,
        "name": p.full_name,
        "latin_name": p.latin_name,
        "proceedings": len(d.proceedings),
        "total": str(d.total),
        "exit_ban": d.exit_ban,
    }


def _proceeding(p: Any) -> dict[str, Any]:
    return {
        "number": p.number,
        "date": p.opened.isoformat(),
        "bailiff": p.bailiff.name,
        "region_kk": p.bailiff.region_kk,
        "region_ru": p.bailiff.region_ru,
        "phone": p.bailiff.phone,
        "category": p.category,
        "creditor": {"kk": p.creditor.name_kk, "ru": p.creditor.name_ru},
        "amount": str(p.amount),
        "exit_ban": p.exit_ban,
    }

"""AIS EP (АИС ЕП), the bailiffs' own system: password login with idle sessions, the bailiff's open proceedings
with filters and paging, a proceeding card, document upload and action registration.

Pages: /login, /proceedings, /proceedings/{number}. API under /api (see routes below); 401 JSON when the
session is missing or expired, 404 for a proceeding of another bailiff. Payments from the deposit account are
recorded on the card (POST …/payments), each reference once per proceeding, and lower what remains. An upload may
carry the file's ЭЦП (a detached CMS, `signature`): it must verify and be the signed-in bailiff's, and the card shows
who signed.
A proceeding is opened from an accepted executive document (/proceedings/open, POST /api/proceedings/open;
sandbox.sites.aisep.opening), once per court, case number and debtor IIN; GET /_opened lists those opened so far.
Test signing keys: GET /_keys/<login> (passwords in sandbox.nca.SIGNING_PASSWORDS).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from sandbox import nca
from sandbox.sites.aisep import desk as view
from sandbox.sites.aisep.cases import ACTION_KINDS, USERS, Case, build_cases
from sandbox.sites.aisep.labels import LABELS
from sandbox.sites.aisep.opening import OpenRefused, existing, new_case
from sandbox.sites.shared.accounts import AISEP
from sandbox.sites.shared.passlogin import password_login_routes
from sandbox.sites.shared.portal import page_number, paged, site_pages
from sandbox.sites.shared.sessions import Clock, SessionStore
from sandbox.world import CATEGORIES, World

OPTIONS = ("session_idle_s", "clock")
PAGE_SIZE = 20


def make_app(world: World, session_idle_s: float | None = None, clock: Clock | None = None) -> Starlette:
    pages = site_pages(Path(__file__).parent)
    store = SessionStore("aisep_sid", session_idle_s, clock)
    cases, desk = dict(build_cases(world)), view.Desk()  # a copy: proceedings opened here stay in this app
    names = {user: world.bailiffs[i].name for i, user in enumerate(USERS)}
    phones = {user: world.bailiffs[i].phone for i, user in enumerate(USERS)}
    opened: list[str] = []  # proceedings opened while the sandbox runs, in order

    def open_proceeding(form: dict[str, str], user: str) -> tuple[Case, bool]:
        """(the case, True) when opened now; (the one opened before on the same document, False)."""
        found = existing(cases, form.get("court", ""), form.get("case_number", ""), form.get("debtor_iin", ""))
        if found is not None:
            return found, False
        today = dt.date.today()
        case = new_case(form, f"{today:%y}77-{len(opened) + 1:06d}", user, (names[user], phones[user]), today)
        cases[case.number] = case
        opened.append(case.number)
        return case, True

    def page(name: str) -> Any:
        async def handler(request: Request) -> Response:
            user, redirect = store.page_user(request)
            return redirect or pages.render(
                request,
                name,
                LABELS,
                session_expired=user is None,
                user=user,
                user_name=names.get(user or "", ""),
                **request.path_params,
            )

        return handler

    async def home(request: Request) -> Response:
        return RedirectResponse(f"{request.scope.get('root_path', '')}/proceedings", status_code=303)

    def own_case(request: Request) -> tuple[str, Case] | Response:
        user = store.api_user(request)
        if isinstance(user, Response):
            return user
        case = cases.get(request.path_params["number"])
        if case is None or case.holder != user:
            return JSONResponse({"error": "not_found"}, status_code=404)
        return user, case

    async def api_me(request: Request) -> Response:
        user = store.api_user(request)
        return user if isinstance(user, Response) else JSONResponse({"user": user, "name": names[user]})

    async def api_list(request: Request) -> Response:
        user = store.api_user(request)
        if isinstance(user, Response):
            return user
        try:
            found = _filtered([c for c in cases.values() if c.holder == user], request.query_params)
        except ValueError:
            return JSONResponse({"error": "bad_filter"}, status_code=400)
        chunk, paging = paged(found, page_number(request), PAGE_SIZE)
        return JSONResponse({**paging, "items": [view.summary(c, desk) for c in chunk]})

    async def api_card(request: Request) -> Response:
        found = own_case(request)
        return found if isinstance(found, Response) else JSONResponse(view.card(found[1], desk))

    async def api_actions(request: Request) -> Response:
        found = own_case(request)
        if isinstance(found, Response):
            return found
        user, case = found
        if request.method == "GET":
            return JSONResponse({"items": [view.action(a) for a in desk.log_of(case)]})
        body = await _body(request)
        kind, comment = str(body.get("kind", "")), str(body.get("comment", "")).strip()[:500]
        if kind not in ACTION_KINDS:
            return JSONResponse({"error": "unknown_action_kind"}, status_code=400)
        return _once(desk, request, case, lambda: view.action(desk.act(case.number, kind, comment, user)))

    async def api_documents(request: Request) -> Response:
        found = own_case(request)
        if isinstance(found, Response):
            return found
        user, case = found
        if request.method == "GET":
            return JSONResponse({"items": [view.upload(u) for u in desk.uploads.get(case.number, [])]})
        async with request.form() as form:
            file, kind, signature = form.get("file"), str(form.get("kind", "")), form.get("signature")
            if not isinstance(file, UploadFile) or kind not in view.DOCUMENT_KINDS:
                return JSONResponse({"error": "file_and_kind_required"}, status_code=400)
            data, name = await file.read(), file.filename or "document"
            cms = await signature.read() if isinstance(signature, UploadFile) else b""
        if error := view.why_unacceptable(name, data):
            return JSONResponse({"error": error}, status_code=400)
        signer = ""
        if cms:
            try:
                signer = nca.check(data, cms)
            except nca.BadSignature:
                return JSONResponse({"error": "signature_invalid"}, status_code=400)
            if signer != names[user]:
                return JSONResponse({"error": "signature_not_of_filer"}, status_code=400)
        return _once(desk, request, case, lambda: view.upload(desk.upload(case.number, name, kind, data, user, signer)))

    async def api_payments(request: Request) -> Response:
        """GET the payments recorded on the case; POST {reference, date, amount} records one: 201, or 400 naming why
        (a reference recorded already, a bad date or amount, more than is left)."""
        found = own_case(request)
        if isinstance(found, Response):
            return found
        user, case = found
        if request.method == "GET":
            return JSONResponse({"items": [view.payment(p) for p in desk.payments.get(case.number, [])]})
        body = await _body(request)
        reference = str(body.get("reference", "")).strip()[:40]
        try:
            on = dt.date.fromisoformat(str(body.get("date", "")).strip())
            amount = Decimal(str(body.get("amount", "")).replace(" ", "").replace(",", "."))
        except (ValueError, InvalidOperation):
            return JSONResponse({"error": "invalid_payment"}, status_code=400)
        if not reference or not amount.is_finite():
            return JSONResponse({"error": "invalid_payment"}, status_code=400)
        try:
            return JSONResponse(view.payment(desk.record_payment(case, reference, on, amount, user)), status_code=201)
        except view.PaymentRefused as refused:
            return JSONResponse({"error": str(refused)}, status_code=400)

    async def open_page(request: Request) -> Response:
        """GET the form; POST opens the proceeding and shows its number (the existing one's, for a document
        opened before)."""
        user, redirect = store.page_user(request)
        if redirect:
            return redirect
        context: dict[str, Any] = {
            "session_expired": user is None,
            "user": user,
            "user_name": names.get(user or "", ""),
        }
        if request.method == "POST" and user is not None:
            form = await _body(request)
            try:
                case, new = open_proceeding(form, user)
            except OpenRefused as refused:
                return pages.render(request, "open.html", LABELS, status=400, failed=str(refused), **context)
            context |= {"opened": case.number, "existing": not new}
        return pages.render(request, "open.html", LABELS, **context)

    async def api_open(request: Request) -> Response:
        """POST the document's details: 201 with the new proceeding's number, 200 with the existing one's."""
        user = store.api_user(request)
        if isinstance(user, Response):
            return user
        try:
            case, new = open_proceeding(await _body(request), user)
        except OpenRefused as refused:
            return JSONResponse({"error": str(refused)}, status_code=400)
        return JSONResponse({"number": case.number, "existing": not new}, status_code=201 if new else 200)

    async def opened_truth(_: Request) -> Response:
        """For tests: every proceeding opened while the sandbox runs, with the document it was opened on."""
        return JSONResponse(
            {"opened": [{**view.card(cases[n], desk), "court": cases[n].document.issuer.ru} for n in opened]}
        )

    async def signing_key(request: Request) -> Response:
        """The test signing key (.p12) of a login's bailiff, as the certification centre would issue it."""
        login = request.path_params["login"]
        if login not in names:
            return JSONResponse({"error": "not_found"}, status_code=404)
        return Response(nca.signing_key(login, names[login]), media_type="application/x-pkcs12")

    api = [
        Route("/api/me", api_me),
        Route("/api/proceedings/open", api_open, methods=["POST"]),
        Route("/_opened", opened_truth),
        Route("/api/proceedings", api_list),
        Route("/api/proceedings/{number}", api_card),
        Route("/api/proceedings/{number}/actions", api_actions, methods=["GET", "POST"]),
        Route("/api/proceedings/{number}/documents", api_documents, methods=["GET", "POST"]),
        Route("/api/proceedings/{number}/payments", api_payments, methods=["GET", "POST"]),
        Route("/_keys/{login}", signing_key),
    ]
    login = password_login_routes(pages, LABELS, store, AISEP, landing="/proceedings")
    return Starlette(
        routes=[
            *login,
            *api,
            Route("/", home),
            Route("/proceedings", page("list.html")),
            Route("/proceedings/open", open_page, methods=["GET", "POST"]),
            Route("/proceedings/{number}", page("card.html")),
        ]
    )


def _filtered(items: list[Case], q: Any) -> list[Case]:
    """Cases matching status, category, opened date from/to (yyyy-mm-dd) and debtor IIN; newest first."""
    date_from = dt.date.fromisoformat(q["date_from"]) if q.get("date_from") else dt.date.min
    date_to = dt.date.fromisoformat(q["date_to"]) if q.get("date_to") else dt.date.max
    if q.get("category") and q["category"] not in CATEGORIES:
        raise ValueError("unknown category")
    keep = [
        c
        for c in items
        if (not q.get("status") or c.status == q["status"])
        and (not q.get("category") or c.category == q["category"])
        and date_from <= c.opened <= date_to
        and (not q.get("iin") or c.debtor_iin == q["iin"].strip())
    ]
    return sorted(keep, key=lambda c: (c.opened, c.number), reverse=True)


async def _body(request: Request) -> dict[str, Any]:
    if request.headers.get("content-type", "").startswith("application/json"):
        try:
            return dict(await request.json())
        except ValueError:
            return {}
    async with request.form() as form:
        return {key: value for key, value in form.items() if isinstance(value, str)}


def _once(desk: view.Desk, request: Request, case: Case, make: Any) -> Response:
    """201 with the new record; with a repeated Idempotency-Key, 200 with the record made the first time."""
    key = request.headers.get("idempotency-key")
    if key and (case.number, key) in desk.replies:
        return JSONResponse(desk.replies[(case.number, key)], status_code=200)
    record = make()
    if key:
        desk.replies[(case.number, key)] = record
    return JSONResponse(record, status_code=201)

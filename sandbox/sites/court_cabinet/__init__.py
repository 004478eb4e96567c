"""The court cabinet: where a bailiff receives executive documents from the courts, the administrative bodies and
the notaries (sandbox.court_documents: every kind, in Kazakh or Russian, structured, text-layer PDF or scan).

Pages: /login, /documents (the list, filtered by status new / accepted / returned, 20 a page), /documents/{number}
(the card: a structured document's details as the cabinet shows them, for a text or scanned one only its file),
/documents/{number}/file (the PDF), POST /documents/{number}/accept and /documents/{number}/return (with a reason,
and the bailiff's act of return attached as PDFs: the field `act`, one file or several; anything not a PDF is refused).
State is in memory: accepting an accepted document again is harmless, a returned document cannot be accepted nor an
accepted one returned. The documents are made from the world's seed when first asked for; `court_documents` (an
option, 60 by default) says how many.

For tests: GET /_truth (every document's kind, language, form, truth, flaws and state) and POST /_reset
{"indices": [...]} (the cabinet holds those documents of the seed's stream, all new) or {"count": N}.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from sandbox.court_documents import FIELDS, CourtDocument, court_documents
from sandbox.sites.court_cabinet.labels import LABELS
from sandbox.sites.shared.accounts import COURT_CABINET
from sandbox.sites.shared.passlogin import password_login_routes
from sandbox.sites.shared.portal import page_number, paged, site_pages
from sandbox.sites.shared.sessions import Clock, SessionStore
from sandbox.world import World

OPTIONS = ("court_documents", "session_idle_s", "clock")
DEFAULT_COUNT = 60
PAGE_SIZE = 20
STATUSES = ("new", "accepted", "returned")


@dataclass
class Entry:
    index: int
    document: CourtDocument
    received: dt.date
    status: str = "new"
    reason: str = ""
    decided_at: str = ""
    decided_by: str = ""
    acts: list[dict[str, Any]] = field(default_factory=list)  # the return's attached PDFs: name, size, sha256


@dataclass
class Cabinet:
    """The documents the cabinet holds, made once when first asked for."""

    seed: int
    indices: list[int]
    entries: dict[str, Entry] = field(default_factory=dict)

    def all(self) -> dict[str, Entry]:
        if not self.entries and self.indices:
            for index in self.indices:
                document = court_documents(self.seed, 1, start=index)[0]
                self.entries[document.number] = Entry(index, document, _received(document))
        return self.entries

    def reset(self, indices: list[int]) -> None:
        self.indices, self.entries = indices, {}


def _received(document: CourtDocument) -> dt.date:
    issued = dt.datetime.strptime(document.truth["issue_date"], "%d.%m.%Y").date()
    return issued + dt.timedelta(days=int(document.number[-2:]) % 4 + 1)


def make_app(
    world: World, court_documents: int | None = None, session_idle_s: float | None = None, clock: Clock | None = None
) -> Starlette:
    pages = site_pages(Path(__file__).parent)
    store = SessionStore("court_cabinet_sid", session_idle_s, clock)
    cabinet = Cabinet(world.seed, list(range(court_documents or DEFAULT_COUNT)))

    def render(request: Request, name: str, user: str | None, status: int = 200, **context: Any) -> Response:
        return pages.render(request, name, LABELS, status=status, session_expired=user is None, user=user, **context)

    async def home(request: Request) -> Response:
        return RedirectResponse(f"{request.scope.get('root_path', '')}/documents", status_code=303)

    async def list_page(request: Request) -> Response:
        user, redirect = store.page_user(request)
        if redirect:
            return redirect
        status = request.query_params.get("status", "")
        if status and status not in STATUSES:
            status = ""
        if user is None:
            return render(request, "list.html", user, items=[], paging=None, chosen=status)
        found = [e for e in cabinet.all().values() if not status or e.status == status]
        found.sort(key=lambda e: (e.received, e.document.number))
        chunk, paging = paged(found, page_number(request), PAGE_SIZE)
        return render(request, "list.html", user, items=chunk, paging=paging, chosen=status)

    async def card_page(request: Request) -> Response:
        user, redirect = store.page_user(request)
        if redirect:
            return redirect
        entry = cabinet.all().get(request.path_params["number"]) if user else None
        shown = 404 if user and entry is None else 200
        return render(
            request,
            "card.html",
            user,
            status=shown,
            entry=entry,
            fields=FIELDS,
            done=request.query_params.get("done", ""),
            refused=request.query_params.get("refused", ""),
        )

    async def file(request: Request) -> Response:
        user = store.api_user(request)
        if isinstance(user, Response):
            return user
        entry = cabinet.all().get(request.path_params["number"])
        if entry is None:
            return JSONResponse({"error": "not_found"}, status_code=404)
        name = entry.document.number.replace("ИД", "ID") + ".pdf"
        return Response(
            entry.document.pdf,
            media_type="application/pdf",
            headers={"Content-Disposition": f'attachment; filename="{name}"'},
        )

    def decide(outcome: str) -> Any:
        async def handler(request: Request) -> Response:
            user, redirect = store.page_user(request)
            if redirect:
                return redirect
            entry = cabinet.all().get(request.path_params["number"]) if user else None
            if user is None or entry is None:
                return await card_page(request)
            async with request.form() as form:
                reason = str(form.get("reason", "")).strip()[:1000]
                acts = [
                    (str(upload.filename or ""), await upload.read())
                    for upload in form.getlist("act")
                    if isinstance(upload, UploadFile) and upload.filename
                ]
            base = f"{request.scope.get('root_path', '')}/documents/{entry.document.number}"
            if error := _decide(entry, outcome, reason, user, acts):
                return RedirectResponse(f"{base}?refused={error}", status_code=303)
            return RedirectResponse(f"{base}?done={outcome}", status_code=303)

        return handler

    async def truth(_: Request) -> Response:
        return JSONResponse({"documents": [_truth(e) for e in cabinet.all().values()]})

    async def reset(request: Request) -> Response:
        body = await request.json()
        indices = [int(i) for i in body["indices"]] if "indices" in body else list(range(int(body.get("count", 0))))
        cabinet.reset(indices)
        return JSONResponse({"documents": len(cabinet.all())})

    login = password_login_routes(pages, LABELS, store, COURT_CABINET, landing="/documents")
    return Starlette(
        routes=[
            *login,
            Route("/", home),
            Route("/documents", list_page),
            Route("/documents/{number}", card_page),
            Route("/documents/{number}/file", file),
            Route("/documents/{number}/accept", decide("accepted"), methods=["POST"]),
            Route("/documents/{number}/return", decide("returned"), methods=["POST"]),
            Route("/_truth", truth),
            Route("/_reset", reset, methods=["POST"]),
        ]
    )


def _decide(entry: Entry, outcome: str, reason: str, user: str, acts: list[tuple[str, bytes]]) -> str | None:
    """None when done (or done already: accepting twice is harmless), else why it is refused."""
    if entry.status == outcome and outcome == "accepted":
        return None
    if entry.status != "new":
        return "state"
    if outcome == "returned" and not reason:
        return "reason"
    if any(not data.startswith(b"%PDF-") for _, data in acts):
        return "act_file"
    entry.status, entry.reason, entry.decided_by = outcome, reason if outcome == "returned" else "", user
    if outcome == "returned":
        entry.acts = [
            {"name": Path(name).name, "size": len(data), "sha256": hashlib.sha256(data).hexdigest()}
            for name, data in acts
        ]
    entry.decided_at = dt.datetime.now().isoformat(timespec="seconds")
    return None


def _truth(entry: Entry) -> dict[str, Any]:
    d = entry.document
    return {
        "index": entry.index,
        "number": d.number,
        "kind": d.kind,
        "language": d.language,
        "form": d.form,
        "truth": d.truth,
        "flaws": list(d.flaws),
        "status": entry.status,
        "reason": entry.reason,
        "acts": list(entry.acts),
    }

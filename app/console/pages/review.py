"""The review queue: drafted acts waiting for a person, filtered by bailiff, kind and age; approve (one or several),
reject with a reason; each item's dossier and audit trail."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from app.console import csrf
from app.console.desk import FILE_APPROVED
from app.console.pages import intake
from app.console.pages.common import INTAKE_DOCUMENT, PAYMENT_MATCH, is_image, kind_title, serve
from app.console.web import back, desk_of, flash, forbid, lang_of, not_found, redirect, render, t_of, user_of
from orynda import clock
from orynda.review import IllegalTransition, NotAllowed, ReviewError, ReviewItem, ReviewState, UnknownItem
from orynda.users import Role, User

DOCUMENT_FILES = ("pdf", "docx", "pdf_path", "docx_path")


def visible(user: User, items: list[ReviewItem]) -> list[ReviewItem]:
    return [i for i in items if user.may_see(i.bailiff)]


async def queue_page(request: Request) -> Response:
    user = user_of(request)
    desk = desk_of(request)
    q = request.query_params
    state = q.get("state", ReviewState.PROPOSED)
    state = state if state in {s.value for s in ReviewState} or state == "all" else ReviewState.PROPOSED
    age = q.get("age", "")
    older = dt.timedelta(days=int(age)) if age.isdigit() else None
    everything = visible(user, desk.queue.items(state=None if state == "all" else state))
    items = [
        i
        for i in everything
        if (not q.get("bailiff") or i.bailiff == q.get("bailiff"))
        and (not q.get("kind") or i.kind == q.get("kind"))
        and (older is None or i.proposed_at < clock.now() - older)
    ]
    lang = lang_of(request)
    return render(
        request,
        "review.html",
        items=items,
        state=state,
        states=[s.value for s in ReviewState],
        bailiffs=sorted({i.bailiff for i in everything}),
        kinds=sorted({i.kind for i in everything}),
        chosen={"bailiff": q.get("bailiff", ""), "kind": q.get("kind", ""), "age": age},
        kind_title=lambda k: kind_title(k, lang),
        age_days=lambda i: (clock.now() - i.proposed_at).days,
        may_decide=user.role is not Role.ADMIN,
        may_file=desk.can_file_approved and user.role is Role.SUPERVISOR,
        file_flow=FILE_APPROVED,
    )


def _item(request: Request, user: User) -> ReviewItem:
    item = desk_of(request).queue.get(int(request.path_params["id"]))
    if item is None:
        not_found()
    if not user.may_see(item.bailiff):
        forbid()
    return item


def _files(item: ReviewItem) -> list[str]:
    paths = list(item.evidence)
    for doc in item.documents:
        paths += [str(doc[k]) for k in DOCUMENT_FILES if doc.get(k)]
    return paths


def _folders(request: Request, item: ReviewItem) -> list[Path]:
    run = desk_of(request).store.get_run(item.run_id)
    return [Path(run.folder)] if run else []


async def item_page(request: Request) -> Response:
    user = user_of(request)
    return _item_response(request, user, _item(request, user))


def _item_response(
    request: Request,
    user: User,
    item: ReviewItem,
    typed: dict[str, str] | None = None,
    refused: dict[str, str] | None = None,
    status: int = 200,
) -> Response:
    """The item's page; a held document's form shows the values as the person typed them when some were refused."""
    dossier = desk_of(request).queue.dossier(item.id)
    lang = lang_of(request)
    documents: list[dict[str, Any]] = []
    for doc in item.documents:
        files = {k.removesuffix("_path"): str(doc[k]) for k in DOCUMENT_FILES if doc.get(k)}
        documents.append({**doc, "files": files})
    return render(
        request,
        "review_item.html",
        item=item,
        dossier=dossier,
        documents=documents,
        kind_title=kind_title(item.kind, lang),
        images=[p for p, exists in dossier.evidence if exists and is_image(p)],
        others=[p for p, exists in dossier.evidence if exists and not is_image(p)],
        may_decide=user.refusal(item.bailiff) is None and item.review_state is ReviewState.PROPOSED,
        intake=intake.rows(t_of(request), item, typed, refused or {}, desk_of(request).queue.engine)
        if item.kind == INTAKE_DOCUMENT
        else [],
        status=status,
    )


async def item_file(request: Request) -> Response:
    user = user_of(request)
    item = _item(request, user)
    path = request.query_params.get("path", "")
    return serve(path, _files(item), _folders(request, item), download=request.query_params.get("download") == "1")


def _refused(request: Request, id: int, exc: ReviewError) -> None:
    if isinstance(exc, IllegalTransition):
        state = f"console.review.state.{exc.current}"
        flash(request, "console.review.error.decided", "error", id=id, state={"key": state})
    elif isinstance(exc, NotAllowed):
        flash(request, "console.review.error.not_allowed", "error", id=id)
    elif isinstance(exc, UnknownItem):
        flash(request, "console.review.error.unknown", "error", id=id)
    else:
        flash(request, "console.review.error.reason", "error", id=id)


async def approve(request: Request) -> Response:
    user = user_of(request)
    item = _item(request, user)
    form = await request.form()
    note = str(form.get("note") or "").strip()
    if item.kind == PAYMENT_MATCH:  # the person's choice is the proceeding the payment goes to
        chosen = str(form.get("proceeding") or form.get("other") or "").strip()
        if not chosen:
            flash(request, "console.review.payment.need_proceeding", "error", id=item.id)
            return redirect(f"/review/{item.id}")
        note = f"{chosen} {note}".strip()
    if item.kind == INTAKE_DOCUMENT:  # the person's values, checked, open the proceeding
        return _approve_intake(request, user, item, note, form)
    try:
        desk_of(request).queue.approve(item.id, user.login, note or None)
        flash(request, "console.review.approved", id=item.id)
    except ReviewError as exc:
        _refused(request, item.id, exc)
    return redirect(f"/review/{item.id}")


def _approve_intake(request: Request, user: User, item: ReviewItem, note: str, form: FormData) -> Response:
    t = t_of(request)
    try:
        done = intake.approve(desk_of(request).queue, t, item, user.login, note, form)
    except ReviewError as exc:
        _refused(request, item.id, exc)
        return redirect(f"/review/{item.id}")
    if done.item is None:
        for name, code in done.refused.items():
            flash(request, f"console.review.intake.refused.{code}", "error", field={"key": f"console.field.{name}"})
        return _item_response(request, user, item, done.typed, done.refused, status=400)
    flash(request, "console.review.approved", id=item.id)
    return redirect(f"/review/{item.id}")


async def reject(request: Request) -> Response:
    user = user_of(request)
    item = _item(request, user)
    form = await request.form()
    reason = str(form.get("reason") or "").strip()
    if not reason:
        flash(request, "console.review.error.reason", "error", id=item.id)
        return redirect(f"/review/{item.id}")
    try:
        desk_of(request).queue.reject(item.id, user.login, reason, not_a_finding=form.get("not_a_finding") == "1")
        flash(request, "console.review.rejected", id=item.id)
    except ReviewError as exc:
        _refused(request, item.id, exc)
    return redirect(f"/review/{item.id}")


async def approve_many(request: Request) -> Response:
    user = user_of(request)
    desk = desk_of(request)
    ids = [int(v) for v in (await request.form()).getlist("ids") if isinstance(v, str) and v.isdigit()]
    allowed = []
    for id in ids:
        item = desk.queue.get(id)
        if item is None or not user.may_see(item.bailiff):
            forbid()
        if item.kind == PAYMENT_MATCH:
            flash(request, "console.review.payment.not_in_bulk", "error")
            continue
        if item.kind == INTAKE_DOCUMENT:  # its values are checked on its own page
            flash(request, "console.review.intake.not_in_bulk", "error")
            continue
        allowed.append(id)
    if not allowed:
        flash(request, "console.review.none_chosen", "error")
        return redirect(back(request, "/review"))
    batch = desk.queue.approve_many(allowed, user.login)
    if batch.done:
        flash(request, "console.review.approved_many", count=len(batch.done))
    for id in batch.refused:
        flash(request, "console.review.error.not_approved", "error", id=id)
    return redirect(back(request, "/review"))


def routes() -> list[BaseRoute]:
    return [
        Route("/review", queue_page),
        csrf.post("/review/approve", approve_many),
        Route("/review/{id:int}", item_page),
        Route("/review/{id:int}/file", item_file),
        csrf.post("/review/{id:int}/approve", approve),
        csrf.post("/review/{id:int}/reject", reject),
    ]

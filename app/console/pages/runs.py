"""Runs: the list, a run's items (filterable by state), an item with its findings, evidence, documents, attempts and
errors; the run's Excel report; a failed item retried."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from starlette.requests import Request
from starlette.responses import FileResponse, Response
from starlette.routing import BaseRoute, Route

from app.console import csrf
from app.console.pages.common import (
    documents_of,
    fields_of,
    findings_of,
    is_image,
    kind_title,
    money,
    serve,
    shown_findings,
    within,
)
from app.console.starting import RetryOf
from app.console.web import desk_of, flash, forbid, lang_of, not_found, redirect, render, t_of, user_of
from orynda.schema import Item, ItemState, Run
from orynda.users import Role, User

FIELDS = (
    "name",
    "proceedings",
    "remaining",
    "realty",
    "vehicles",
    "balances",
    "employer",
    "overpayment",
    "expected",
    "register_amount",
    "difference",
    "exit_ban",
    "documents_filed",
)
MONEY_FIELDS = frozenset({"remaining", "balances", "overpayment", "expected", "register_amount", "difference"})


def run_row(request: Request, run: Run) -> dict[str, Any]:
    desk = desk_of(request)
    counts = desk.store.counts(run.id)
    items = desk.store.items(run.id)
    return {
        "run": run,
        "counts": counts,
        "findings": sum(len(findings_of(i)) for i in items),
        "documents": len(desk.register.documents(run_id=run.id)),
    }


async def runs_list(request: Request) -> Response:
    user_of(request)
    rows = [run_row(request, r) for r in desk_of(request).store.list_runs(50)]
    return render(request, "runs.html", rows=rows)


def _run(request: Request) -> Run:
    run = desk_of(request).store.get_run(request.path_params["run_id"])
    if run is None:
        not_found()
    return run


def visible_items(request: Request, user: User, run: Run) -> list[Item]:
    desk = desk_of(request)
    items = desk.store.items(run.id)
    if user.role is not Role.BAILIFF:
        return items
    bailiffs = desk.item_bailiffs(run.id)
    return [i for i in items if desk.may_see_item(user, bailiffs.get(i.seq, set()))]


async def run_page(request: Request) -> Response:
    user = user_of(request)
    run = _run(request)
    state = request.query_params.get("state") or ""
    items = visible_items(request, user, run)
    shown = [i for i in items if not state or i.state == state]
    return render(
        request,
        "run.html",
        run=run,
        row=run_row(request, run),
        items=shown,
        state=state,
        states=[s.value for s in ItemState],
        findings={i.id: len(findings_of(i)) for i in shown},
    )


def _item(request: Request, user: User, run: Run) -> Item:
    desk = desk_of(request)
    seq = int(request.path_params["seq"])
    item = next((i for i in desk.store.items(run.id) if i.seq == seq), None)
    if item is None:
        not_found()
    if not desk.may_see_item(user, desk.item_bailiffs(run.id).get(seq, set())):
        forbid()
    return item


def item_files(request: Request, run: Run, item: Item) -> list[str]:
    """Every file the item's page links: evidence of the item, its attempts and findings, its documents."""
    paths = [item.evidence] if item.evidence else []
    paths += [a.evidence for a in desk_of(request).store.attempts(run.id) if a.item_id == item.id and a.evidence]
    paths += [str(f["evidence"]) for f in findings_of(item) if f.get("evidence")]
    for doc in documents_of(item):
        paths += [str(doc[k]) for k in ("pdf", "docx") if doc.get(k)]
    named = dict.fromkeys(p for path in paths for p in str(path).split(";") if p)
    return [p for p in named if within(p, Path(run.folder)) is not None]  # a file of the run, still there


async def item_page(request: Request) -> Response:
    user = user_of(request)
    run = _run(request)
    item = _item(request, user, run)
    t, lang = t_of(request), lang_of(request)
    fields = fields_of(item)
    shown_fields = [
        (t(f"console.field.{k}"), _field(fields[k], k, request)) for k in FIELDS if fields.get(k) not in (None, "")
    ]
    documents = [
        {**d, "kind_title": kind_title(str(d.get("kind") or ""), lang), "language_name": _language(d, request)}
        for d in documents_of(item)
    ]
    attempts = [a for a in desk_of(request).store.attempts(run.id) if a.item_id == item.id]
    evidence = [p for p in item_files(request, run, item) if is_image(p)]
    others = [p for p in item_files(request, run, item) if not is_image(p) and not _is_document(p, documents)]
    return render(
        request,
        "item.html",
        run=run,
        item=item,
        fields=shown_fields,
        findings=shown_findings(item, t),
        documents=documents,
        attempts=attempts,
        evidence=evidence,
        others=others,
        may_retry=user.role is Role.SUPERVISOR and item.state == ItemState.SYSTEM,
    )


def _is_document(path: str, documents: list[dict[str, Any]]) -> bool:
    return any(path in (d.get("pdf"), d.get("docx")) for d in documents)


def _language(doc: dict[str, Any], request: Request) -> str:
    t = t_of(request)
    lang = str(doc.get("language") or "")
    return t(f"language.{lang}") if t.has(f"language.{lang}") else lang


def _field(value: Any, key: str, request: Request) -> str:
    t = t_of(request)
    if key in MONEY_FIELDS:
        return money(value, t)
    if key == "missing":
        return ", ".join(t.site(s.strip()) for s in str(value).split(","))
    return t.value(value)


async def item_file(request: Request) -> Response:
    user = user_of(request)
    run = _run(request)
    item = _item(request, user, run)
    path = request.query_params.get("path", "")
    return serve(
        path, item_files(request, run, item), [Path(run.folder)], download=request.query_params.get("download") == "1"
    )


async def report(request: Request) -> Response:
    user_of(request, Role.SUPERVISOR, Role.ADMIN)
    run = _run(request)
    if not run.report_path or not Path(run.report_path).is_file():
        not_found()
    return FileResponse(run.report_path, filename=Path(run.report_path).name)


async def retry(request: Request) -> Response:
    user = user_of(request, Role.SUPERVISOR)
    run = _run(request)
    item = _item(request, user, run)
    url = f"/runs/{run.id}/items/{item.seq}"
    if item.state != ItemState.SYSTEM:
        flash(request, "console.retry.not_failed", "error")
        return redirect(url)
    started = desk_of(request).start_flow(run.flow, dict(run.params), by=user.login, retry=RetryOf(run.id, item.seq))
    if started.ok:
        flash(request, "console.retry.started")
    elif started.holder:
        flash(request, "console.start.busy", "error", flow=run.flow, holder=started.holder, since=started.since or "")
    else:
        flash(request, "console.start.failed", "error", error=started.error or "")
    return redirect(url)


def routes() -> list[BaseRoute]:
    return [
        Route("/runs", runs_list),
        Route("/runs/{run_id}", run_page),
        Route("/runs/{run_id}/report", report),
        Route("/runs/{run_id}/items/{seq:int}", item_page),
        Route("/runs/{run_id}/items/{seq:int}/file", item_file),
        csrf.post("/runs/{run_id}/items/{seq:int}/retry", retry),
    ]

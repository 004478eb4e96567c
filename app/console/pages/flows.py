"""Starting a flow on demand: its known parameters validated (an unknown or mistyped one is refused), refused with
the holder's name while the same flow runs."""

from __future__ import annotations

import re
import secrets
from pathlib import Path

from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from app.console import csrf
from app.console.starting import running_holder
from app.console.web import back, desk_of, flash, not_found, redirect, render, user_of
from app.flow_params import Problem, params_of, parse_extra, validate
from orynda import clock
from orynda.users import Role

FORM_FIELDS = frozenset({csrf.FIELD, "extra"})
UPLOADS = "uploads"


async def flows_page(request: Request) -> Response:
    user_of(request, Role.SUPERVISOR)
    desk = desk_of(request)
    flows = [
        {
            "name": name,
            "params": params_of(name),
            "running": running_holder(desk.settings, name),
            "refused": desk.start_flow.refusal(name),
        }
        for name in desk.flows
    ]
    return render(request, "flows.html", flows=flows)


async def start(request: Request) -> Response:
    user = user_of(request, Role.SUPERVISOR)
    desk = desk_of(request)
    name = request.path_params["name"]
    if name not in desk.flows:
        not_found()
    form = await request.form()
    given = {k: str(v) for k, v in form.multi_items() if k not in FORM_FIELDS and not isinstance(v, UploadFile)}
    extra, problems = parse_extra(str(form.get("extra") or ""))
    for key in extra:
        if key in given and given[key].strip():
            problems.append(Problem("console.start.error.twice", {"name": key}))
    given.update({k: v for k, v in extra.items() if not given.get(k, "").strip()})
    uploads = {k: v for k, v in form.multi_items() if isinstance(v, UploadFile) and v.filename}
    params: dict[str, object] = {}
    if not problems:
        files = {k: await _keep(desk.settings.home, v) for k, v in uploads.items()}
        params, more = validate(name, given, files)
        problems += more
    if problems:
        for problem in problems:
            flash(request, problem.key, "error", **problem.values)
        return redirect(back(request, "/flows"))
    started = desk.start_flow(name, params, by=user.login)
    if started.ok:
        flash(request, "console.start.started", flow=name)
        return redirect("/runs")
    if started.holder:
        flash(request, "console.start.busy", "error", flow=name, holder=started.holder, since=started.since or "")
    else:
        flash(request, "console.start.failed", "error", error=started.error or "")
    return redirect(back(request, "/flows"))


async def _keep(home: Path, upload: UploadFile) -> str:
    """An uploaded input list, kept in the home under a name of its own."""
    folder = home / UPLOADS
    folder.mkdir(parents=True, exist_ok=True)
    safe = re.sub(r"[^\w.-]+", "_", Path(upload.filename or "list").name)[-80:]
    path = folder / f"{clock.now():%Y%m%d-%H%M%S}-{secrets.token_hex(2)}-{safe}"
    path.write_bytes(await upload.read())
    return str(path)


def routes() -> list[BaseRoute]:
    return [Route("/flows", flows_page), csrf.post("/flows/{name}/start", start)]

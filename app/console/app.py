"""The console's Starlette application: `create_app(settings)` wires the pages, the session and the error pages.

app = create_app(settings)                         # starts flows in background threads
app = create_app(settings, start_flow=stub)        # tests: what a start would do
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import quote

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.sessions import SessionMiddleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Mount
from starlette.staticfiles import StaticFiles

from app.console import auth
from app.console.desk import Desk
from app.console.pages import admin, flows, review, runs, schedules, today, verify
from app.console.starting import FlowStarter, StartFlow
from app.console.web import LoginRequired, redirect, render
from orynda.config import Settings

LANGUAGE_ENV = "ORYNDA_CONSOLE_LANGUAGE"
COOKIE = "orynda_console"
STATIC = Path(__file__).with_name("static")


def create_app(
    settings: Settings,
    *,
    start_flow: StartFlow | None = None,
    language: str | None = None,
    schedules_file: Path | None = None,
    secret_key: str | None = None,
    https_only: bool = False,
) -> Starlette:
    """The console over these settings' store. `language`: the default for a new session (else
    $ORYNDA_CONSOLE_LANGUAGE, else the office's `language` setting); `https_only`: the cookie travels only over
    HTTPS (behind a TLS proxy)."""
    desk = Desk(
        settings=settings,
        start_flow=start_flow or FlowStarter(settings),
        language=language or os.environ.get(LANGUAGE_ENV) or settings.language,
        schedules_file=schedules_file,
    )
    key = secret_key or auth.session_key(settings.home)
    app = Starlette(
        routes=[
            *auth.routes(),
            *today.routes(),
            *runs.routes(),
            *review.routes(),
            *flows.routes(),
            *schedules.routes(),
            *verify.routes(),
            *admin.routes(),
            Mount("/static", StaticFiles(directory=STATIC), name="static"),
        ],
        middleware=[
            Middleware(
                SessionMiddleware,
                secret_key=key,
                session_cookie=COOKIE,
                max_age=auth.IDLE_S,
                same_site="strict",
                https_only=https_only,
            )
        ],
        exception_handlers={LoginRequired: _to_login, HTTPException: _error_page},
    )
    app.state.desk = desk
    return app


async def _to_login(request: Request, exc: Exception) -> Response:
    if request.method != "GET":
        return render(request, "error.html", 403, code=403)
    target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    return redirect(f"/login?next={quote(target)}" if target != "/" else "/login")


async def _error_page(request: Request, exc: Exception) -> Response:
    code = exc.status_code if isinstance(exc, HTTPException) else 500
    return render(request, "error.html", code, code=code if code in (403, 404, 405) else 400)

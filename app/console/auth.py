"""Logging in and out; the key that signs the session cookie.

The session is a cookie signed with a key from $ORYNDA_CONSOLE_SECRET (or the secrets file, see orynda.secrets), else
generated once into `<home>/console.key` (mode 0600; the home is never in the repository). A session ends after
`web.SESSION_HOURS` from its login, or after `IDLE_S` without a request. Repeated wrong passwords lock the account
for a while (orynda.users does it); the form says so without telling whether the login exists.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from app.console import csrf
from app.console.web import SESSION_LANG, SESSION_SINCE, SESSION_USER, desk_of, redirect, render
from orynda import clock
from orynda.i18n import USER_LANGUAGES
from orynda.secrets import secret

SECRET_ENV = "ORYNDA_CONSOLE_SECRET"
KEY_FILE = "console.key"
IDLE_S = 2 * 3600


def session_key(home: Path) -> str:
    """The signing key: from the environment or secrets file, else the one kept in the home (made on first start)."""
    given = secret(SECRET_ENV)
    if given:
        return given
    path = home / KEY_FILE
    if path.is_file():
        return path.read_text(encoding="utf-8").strip()
    home.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(secrets.token_urlsafe(48))
    return path.read_text(encoding="utf-8").strip()


async def login_form(request: Request) -> Response:
    return render(request, "login.html", next=_next(request.query_params.get("next")))


async def login(request: Request) -> Response:
    form = await request.form()
    login_name, password = str(form.get("login") or "").strip().lower(), str(form.get("password") or "")
    target = _next(str(form.get("next") or ""))
    user = desk_of(request).users.authenticate(login_name, password) if login_name and password else None
    if user is None:
        return render(request, "login.html", 401, failed=True, login=login_name, next=target)
    lang = request.session.get(SESSION_LANG)
    request.session.clear()  # nothing of the anonymous session survives the login but its language
    if lang in USER_LANGUAGES:
        request.session[SESSION_LANG] = lang
    request.session[SESSION_USER] = user.login
    request.session[SESSION_SINCE] = clock.now().timestamp()
    csrf.rotate(request)
    return redirect(target)


async def logout(request: Request) -> Response:
    lang = request.session.get(SESSION_LANG)
    request.session.clear()
    if lang in USER_LANGUAGES:
        request.session[SESSION_LANG] = lang
    return redirect("/login")


async def language(request: Request) -> Response:
    form = await request.form()
    lang = str(form.get("lang") or "")
    if lang in USER_LANGUAGES:
        request.session[SESSION_LANG] = lang
    return redirect(_next(str(form.get("next") or "/")))


def _next(target: str | None) -> str:
    """Only a path of this console (no other site, no scheme)."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    return target


def routes() -> list[BaseRoute]:
    return [
        Route("/login", login_form, methods=["GET"]),
        csrf.post("/login", login),
        csrf.post("/logout", logout),
        csrf.post("/language", language),
    ]

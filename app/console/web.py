"""What the pages share: the desk, the user, the language, rendering a template, refusing in the user's language."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, NoReturn
from urllib.parse import urlsplit

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.templating import Jinja2Templates

from app.console import csrf
from app.console.desk import Desk
from orynda import clock
from orynda.i18n import USER_LANGUAGES, Texts, texts
from orynda.users import Role, User

TEMPLATES = Jinja2Templates(directory=str(Path(__file__).with_name("templates")))
SESSION_USER = "user"
SESSION_SINCE = "since"
SESSION_LANG = "lang"
SESSION_FLASH = "flash"
SESSION_HOURS = 12  # a session ends this long after its login, however busy it was


class LoginRequired(Exception):
    """No live session: a page sends the browser to the login form."""


def desk_of(request: Request) -> Desk:
    desk: Desk = request.app.state.desk
    return desk


def lang_of(request: Request) -> str:
    lang = request.session.get(SESSION_LANG)
    return lang if lang in USER_LANGUAGES else desk_of(request).language


def t_of(request: Request) -> Texts:
    return texts(lang_of(request))


def session_user(request: Request) -> User | None:
    """The logged-in user, when the session is live and the user still active."""
    login, since = request.session.get(SESSION_USER), request.session.get(SESSION_SINCE)
    if not isinstance(login, str) or not isinstance(since, (int, float)):
        return None
    if clock.now().timestamp() - since > SESSION_HOURS * 3600:
        request.session.pop(SESSION_USER, None)
        return None
    user = desk_of(request).users.get(login)
    return user if user is not None and user.active else None


def user_of(request: Request, *roles: Role) -> User:
    """The logged-in user (else the login form), who must have one of `roles` when given (else 403)."""
    user = session_user(request)
    if user is None:
        raise LoginRequired()
    if roles and user.role not in roles:
        forbid()
    return user


def forbid() -> NoReturn:
    raise HTTPException(403, "forbidden")


def not_found() -> NoReturn:
    raise HTTPException(404, "not found")


def flash(request: Request, key: str, kind: str = "ok", **values: Any) -> None:
    """A message for the next page, kept as a catalogue key and its values (shown in the reader's language)."""
    notes = list(request.session.get(SESSION_FLASH) or [])
    notes.append({"key": key, "kind": kind, "values": {k: _plain(v) for k, v in values.items()}})
    request.session[SESSION_FLASH] = notes


def _plain(value: Any) -> Any:
    return value.strftime("%d.%m.%Y %H:%M") if isinstance(value, dt.datetime) else value


def say(t: Texts, note: dict[str, Any]) -> str:
    """A flashed note in the reader's language; a value given as {"key": ...} is itself a text of the catalogue."""
    values = {
        k: t(v["key"]) if isinstance(v, dict) and t.has(str(v.get("key"))) else v
        for k, v in dict(note.get("values") or {}).items()
    }
    key = str(note.get("key"))
    return t(key, **values) if t.has(key) else key


def redirect(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


def back(request: Request, fallback: str = "/") -> str:
    """Where the browser came from, when it is a page of this console; else the fallback."""
    referer = request.headers.get("referer", "")
    parts = urlsplit(referer)
    if parts.netloc and parts.netloc != request.url.netloc:
        return fallback
    path = parts.path or fallback
    return path + (f"?{parts.query}" if parts.query else "") if path.startswith("/") else fallback


def render(request: Request, template: str, status: int = 200, **context: Any) -> Response:
    t = t_of(request)
    user = session_user(request)
    notes = request.session.pop(SESSION_FLASH, None) or []
    return TEMPLATES.TemplateResponse(
        request,
        template,
        {
            "t": t,
            "v": t.value,
            "lang": t.lang,
            "languages": USER_LANGUAGES,
            "me": user,
            "csrf": csrf.token(request),
            "notes": [(n.get("kind", "ok"), say(t, n)) for n in notes if isinstance(n, dict)],
            "path": request.url.path,
            "desk": desk_of(request),
            **context,
        },
        status_code=status,
    )

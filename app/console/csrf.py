"""CSRF tokens: one per session, in every form, checked on every POST (403 otherwise).

Every POST route of the console is made with `post()`, which checks the token before the page sees the request,
so no form can forget it.
"""

from __future__ import annotations

import hmac
import secrets
from collections.abc import Awaitable, Callable
from typing import Any

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

FIELD = "csrf"
Endpoint = Callable[[Request], Awaitable[Response]]


def token(request: Request) -> str:
    """This session's token, made on first use."""
    session: dict[str, Any] = request.session
    value = session.get(FIELD)
    if not isinstance(value, str) or not value:
        value = secrets.token_urlsafe(32)
        session[FIELD] = value
    return value


def rotate(request: Request) -> str:
    """A new token (after logging in: a token seen before the login is worth nothing after it)."""
    request.session[FIELD] = secrets.token_urlsafe(32)
    return str(request.session[FIELD])


async def check(request: Request) -> None:
    expected = request.session.get(FIELD)
    form = await request.form()
    given = form.get(FIELD)
    if not isinstance(expected, str) or not isinstance(given, str) or not hmac.compare_digest(expected, given):
        raise HTTPException(403, "csrf")


def post(path: str, endpoint: Endpoint, *, name: str | None = None) -> Route:
    """A POST route whose endpoint runs only with the session's CSRF token in the form."""

    async def checked(request: Request) -> Response:
        try:
            await check(request)
            return await endpoint(request)
        finally:
            await (await request.form()).close()  # uploaded files' temporary copies go at once

    return Route(path, checked, methods=["POST"], name=name or endpoint.__name__)

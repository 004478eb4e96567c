"""Server-side sessions that end after a stretch of idleness, with an injectable clock.

A request's session is one of three states: "ok" (and touched), "none" (no cookie: never signed in) or "expired"
(a cookie whose session ran idle or is unknown). Pages show the session-expired dialog, APIs answer 401 JSON.
"""

from __future__ import annotations

import secrets
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response

Clock = Callable[[], float]
DEFAULT_IDLE_S = 900
STATS: Counter[str] = Counter()  # sign-ins and expiries seen, per session cookie: /_sandbox/stats shows them


@dataclass
class Session:
    user: str
    last_seen: float


class SessionStore:
    def __init__(self, cookie: str, idle_s: float | None = None, clock: Clock | None = None) -> None:
        self.cookie, self.idle_s = cookie, float(idle_s or DEFAULT_IDLE_S)
        self.clock = clock or time.monotonic
        self.sessions: dict[str, Session] = {}

    def start(self, response: Response, request: Request, user: str) -> Response:
        sid = secrets.token_urlsafe(24)
        self.sessions[sid] = Session(user, self.clock())
        STATS[f"{self.cookie}:sign_ins"] += 1
        response.set_cookie(self.cookie, sid, path=_root(request) or "/", httponly=True, samesite="lax")
        return response

    def end(self, response: Response, request: Request) -> Response:
        self.sessions.pop(request.cookies.get(self.cookie, ""), None)
        response.delete_cookie(self.cookie, path=_root(request) or "/")
        return response

    def lookup(self, request: Request) -> tuple[str, str | None]:
        """(state, user): state is "ok", "none" or "expired"; an ok session is touched."""
        sid = request.cookies.get(self.cookie)
        if not sid:
            return "none", None
        session = self.sessions.get(sid)
        now = self.clock()
        if session is None or now - session.last_seen > self.idle_s:
            self.sessions.pop(sid, None)
            STATS[f"{self.cookie}:expired"] += 1
            return "expired", None
        session.last_seen = now
        return "ok", session.user

    def api_user(self, request: Request) -> str | JSONResponse:
        """The signed-in user, or the 401 answer an API gives without a live session."""
        state, user = self.lookup(request)
        if user is None:
            error = "session_expired" if state == "expired" else "not_signed_in"
            return JSONResponse({"error": error}, status_code=401)
        return user

    def page_user(self, request: Request) -> tuple[str | None, Response | None]:
        """(user, None) when signed in; (None, redirect to login) when never signed in; (None, None) when expired."""
        state, user = self.lookup(request)
        if state == "none":
            return None, RedirectResponse(f"{_root(request)}/login", status_code=303)
        return user, None


def _root(request: Request) -> str:
    return str(request.scope.get("root_path", ""))

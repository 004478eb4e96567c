"""For administrators: the users of the desk and the act policy in force (both changed with `runner.py users` and
orynda.yaml; shown here read-only)."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from app.console.pages.common import kind_title
from app.console.web import desk_of, lang_of, render, user_of
from orynda import clock
from orynda.errors import ConfigError
from orynda.policy import policy_for
from orynda.users import Role


async def users_page(request: Request) -> Response:
    user_of(request, Role.ADMIN)
    now = clock.now()
    users = desk_of(request).users.all()
    locked = {u.login for u in users if u.locked_until is not None and u.locked_until > now}
    return render(request, "users.html", users=users, locked=locked)


async def policy_page(request: Request) -> Response:
    user_of(request, Role.ADMIN, Role.SUPERVISOR)
    lang = lang_of(request)
    try:
        modes = policy_for(desk_of(request).settings).modes
    except ConfigError as exc:
        return render(request, "policy.html", modes=[], error=str(exc))
    return render(request, "policy.html", modes=[(kind_title(k, lang), m) for k, m in modes.items()], error=None)


def routes() -> list[BaseRoute]:
    return [Route("/users", users_page), Route("/policy", policy_page)]

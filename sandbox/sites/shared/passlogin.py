"""Sign-in with a user name and a password through a classic HTML form (POST <prefix>/login)."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from sandbox.pages import Pages
from sandbox.sites.shared.sessions import SessionStore


def password_login_routes(
    pages: Pages,
    labels: dict[str, Any],
    store: SessionStore,
    accounts: dict[str, str],
    landing: str,
    fields: tuple[str, str] = ("username", "password"),
) -> list[Route]:
    """GET/POST /login and /logout; a wrong user or password re-renders the form with status 401.

    fields: the form's names of the user and password inputs."""

    async def login(request: Request) -> Response:
        if request.method == "GET":
            return pages.render(request, "login.html", labels, failed=False)
        async with request.form() as form:
            user, password = str(form.get(fields[0], "")).strip(), str(form.get(fields[1], ""))
        if accounts.get(user) != password or not password:
            return pages.render(request, "login.html", labels, status=401, failed=True, username=user)
        root = request.scope.get("root_path", "")
        return store.start(RedirectResponse(f"{root}{landing}", status_code=303), request, user)

    async def logout(request: Request) -> Response:
        root = request.scope.get("root_path", "")
        return store.end(RedirectResponse(f"{root}/login", status_code=303), request)

    return [Route("/login", login, methods=["GET", "POST"]), Route("/logout", logout, methods=["GET", "POST"])]

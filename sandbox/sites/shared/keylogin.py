"""Sign-in with a key file (ЭЦП stand-in, see sandbox.keys) in three requests, each one clear step:

1. POST <prefix>/api/challenge                      -> {"challenge": "...", "expires_in": 300}
2. POST <prefix>/api/signer  (multipart: key_file, password, challenge)
                                                    -> {"key_id": "...", "signature": "<hex HMAC-SHA256>"}
   the sandbox's stand-in for NCALayer: a bot may skip it and sign with sandbox.keys.open_key + sign itself.
3. POST <prefix>/api/sign-check  (JSON: challenge, key_id, signature)
                                                    -> {"ok": true, "subject": "...", "next": "<landing URL>"}
   and the session cookie; 403 {"error": "bad_signature" | "unknown_challenge" | "revoked"} otherwise.

Test key files: GET <prefix>/_keys/<name> (names and passwords in sandbox.keys.TEST_KEYS).
"""

from __future__ import annotations

import secrets
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from sandbox import keys
from sandbox.pages import Pages
from sandbox.sites.shared.sessions import SessionStore

CHALLENGE_TTL_S = 300


def key_login_routes(
    pages: Pages, labels: dict[str, Any], store: SessionStore, landing: str, **context: Any
) -> list[Route]:
    """The sign-in page, the test key files, the three sign-in steps and /logout; context goes to the page."""
    challenges: dict[str, float] = {}

    async def login(request: Request) -> Response:
        return pages.render(request, "login.html", labels, **context)

    async def key_file(request: Request) -> Response:
        name = request.path_params["name"]
        if name not in keys.TEST_KEYS:
            return JSONResponse({"error": "no such test key"}, status_code=404)
        return Response(
            keys.issue_key(name),
            media_type="application/json",
            headers={"Content-Disposition": f'attachment; filename="{name}.key"'},
        )

    async def challenge(request: Request) -> Response:
        value = f"orynda-{secrets.token_hex(16)}"
        challenges[value] = store.clock()
        return JSONResponse({"challenge": value, "expires_in": CHALLENGE_TTL_S})

    async def signer(request: Request) -> Response:
        async with request.form() as form:
            upload, password, value = form.get("key_file"), str(form.get("password", "")), form.get("challenge", "")
            if upload is None or isinstance(upload, str):
                return JSONResponse({"error": "bad_key_file"}, status_code=400)
            blob = await upload.read()
        try:
            key = keys.open_key(blob, password)
        except keys.WrongPassword:
            return JSONResponse({"error": "wrong_password"}, status_code=403)
        except keys.BadKeyFile:
            return JSONResponse({"error": "bad_key_file"}, status_code=400)
        return JSONResponse({"key_id": key.key_id, "signature": keys.sign(key.secret, str(value))})

    async def sign_check(request: Request) -> Response:
        try:
            body = dict(await request.json())
        except ValueError:
            return JSONResponse({"error": "bad_request"}, status_code=400)
        value, key_id = str(body.get("challenge", "")), str(body.get("key_id", ""))
        issued = challenges.pop(value, None)
        if issued is None or store.clock() - issued > CHALLENGE_TTL_S:
            return JSONResponse({"error": "unknown_challenge"}, status_code=403)
        if not keys.verify(key_id, value, str(body.get("signature", ""))):
            return JSONResponse({"error": "bad_signature"}, status_code=403)
        if key_id in keys.REVOKED:
            return JSONResponse({"error": "revoked"}, status_code=403)
        root = request.scope.get("root_path", "")
        answer = JSONResponse({"ok": True, "subject": keys.SUBJECTS[key_id], "next": f"{root}{landing}"})
        return store.start(answer, request, key_id)

    async def logout(request: Request) -> Response:
        root = request.scope.get("root_path", "")
        return store.end(RedirectResponse(f"{root}/login", status_code=303), request)

    return [
        Route("/login", login),
        Route("/_keys/{name}", key_file),
        Route("/api/challenge", challenge, methods=["POST"]),
        Route("/api/signer", signer, methods=["POST"]),
        Route("/api/sign-check", sign_check, methods=["POST"]),
        Route("/logout", logout, methods=["GET", "POST"]),
    ]

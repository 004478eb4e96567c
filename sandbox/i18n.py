"""Language choice shared by every sandbox site: ?lang=kk|ru, remembered in a cookie; Kazakh by default."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response

LANGS = ("kk", "ru")


def lang_of(request: Request) -> str:
    asked = request.query_params.get("lang") or request.cookies.get("lang") or "kk"
    return asked if asked in LANGS else "kk"


def remember(response: Response, lang: str) -> Response:
    response.set_cookie("lang", lang, samesite="lax")
    return response


def pick(labels: dict[str, dict[str, str]], lang: str) -> dict[str, str]:
    """The label set of one language from {key: {kk: …, ru: …}}."""
    return {key: texts[lang] for key, texts in labels.items()}

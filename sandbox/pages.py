"""Rendering helpers the sandbox sites share: Jinja templates from each site's folder plus the common ones; with the
`changed` layout fault on, a site's templates/changed/<page> stands in for <page> where the site has one."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, TemplateNotFound, select_autoescape
from starlette.requests import Request
from starlette.responses import HTMLResponse

from sandbox.faults import LAYOUT
from sandbox.i18n import lang_of, remember

COMMON = Path(__file__).parent / "templates"


class Pages:
    def __init__(self, site_dir: Path) -> None:
        self.env = Environment(
            loader=FileSystemLoader([site_dir / "templates", COMMON]), autoescape=select_autoescape(["html"])
        )

    def render(
        self, request: Request, name: str, labels: dict[str, dict[str, str]], status: int = 200, **context: Any
    ) -> HTMLResponse:
        lang = lang_of(request)
        if request.scope.get(LAYOUT) == "changed" and _has(self.env, f"changed/{name}"):
            name = f"changed/{name}"
        text = {key: texts[lang] for key, texts in labels.items()}
        body = self.env.get_template(name).render(
            t=text, lang=lang, request=request, root=request.scope.get("root_path", ""), **context
        )
        return remember(HTMLResponse(body, status_code=status), lang)


def _has(env: Environment, name: str) -> bool:
    try:
        env.get_template(name)
    except TemplateNotFound:
        return False
    return True

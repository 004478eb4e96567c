"""Schedules: each entry of schedules.yaml with its next fire times (Asia/Almaty, holidays skipped), as
`runner.py schedules` shows them."""

from __future__ import annotations

import itertools
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from app.console.web import desk_of, render, user_of
from app.scheduling.fires import recent_fires
from app.scheduling.model import load_schedules, schedules_path
from orynda import clock
from orynda.errors import ConfigError

FIRES = 3


async def schedules_page(request: Request) -> Response:
    user_of(request)
    desk = desk_of(request)
    path = schedules_path(desk.schedules_file)
    try:
        config = load_schedules(path)
    except ConfigError as exc:
        return render(request, "schedules.html", entries=[], error=str(exc), file=str(path))
    moment = clock.now()
    entries: list[dict[str, Any]] = []
    for name, entry in config.schedules.items():
        fires = list(itertools.islice(entry.trigger().fire_times(moment), FIRES)) if entry.enabled else []
        last = recent_fires(desk.store.engine, name, limit=1)
        entries.append({"name": name, "entry": entry, "fires": fires, "last": last[0] if last else None})
    return render(request, "schedules.html", entries=entries, error=None, file=str(path))


def routes() -> list[BaseRoute]:
    return [Route("/schedules", schedules_page)]

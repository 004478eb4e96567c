"""`runner.py console`: the bailiff's desk in a browser, served by uvicorn on this machine (127.0.0.1 by default)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.text import Text

from app.cli_options import FALLBACK_LANGUAGE, Home, fail, words
from orynda.config import load_settings
from orynda.errors import ConfigError
from orynda.i18n import texts

console = Console(highlight=False)


def register(app: typer.Typer) -> None:
    """Adds `console` to runner.py."""
    app.command("console")(serve)


def serve(
    host: Annotated[str, typer.Option("--host", help="Address to listen on; keep 127.0.0.1 behind a proxy")] = (
        "127.0.0.1"
    ),
    port: Annotated[int, typer.Option("--port", help="Port to listen on")] = 8780,
    home: Home = None,
    language: Annotated[
        str | None,
        typer.Option(
            "--language", help="Default language: kk or ru (else $ORYNDA_CONSOLE_LANGUAGE, else the setting `language`)"
        ),
    ] = None,
    schedules: Annotated[
        Path | None, typer.Option("--schedules", help="Schedules file (default: $ORYNDA_SCHEDULES or schedules.yaml)")
    ] = None,
    https_only: Annotated[
        bool, typer.Option("--https-only", help="Send the session cookie only over HTTPS (behind a TLS proxy)")
    ] = False,
) -> None:
    """Serve the console: today, runs, the review queue, starting flows, schedules, verifying documents."""
    import uvicorn

    from app.console.app import create_app

    try:
        settings = load_settings(home=home)
        app = create_app(settings, language=language, schedules_file=schedules, https_only=https_only)
    except (ConfigError, ValueError) as exc:
        fail(console, texts(FALLBACK_LANGUAGE), str(exc))
        raise
    console.print(Text(words(settings)("cli.console.serving", host=host, port=port, home=str(settings.home))))
    uvicorn.run(app, host=host, port=port, log_level="warning", proxy_headers=True, forwarded_allow_ips="127.0.0.1")

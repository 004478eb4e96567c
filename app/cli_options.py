"""What the command-line modules share: the common options and the database of a home folder."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from sqlalchemy.engine import Engine

from orynda.config import load_settings
from orynda.database import make_engine
from orynda.errors import ConfigError

Home = Annotated[Path | None, typer.Option("--home", help="Folder of runs, reports and the SQLite database")]
SandboxUrl = Annotated[str | None, typer.Option("--sandbox-url", help="Root URL of the sandbox registries")]


def engine_at(home: Path | None, console: Console) -> Engine:
    """The store's database for these settings; a configuration error ends the command with exit code 2."""
    try:
        settings = load_settings(home=home)
    except ConfigError as exc:
        console.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from None
    return make_engine(settings.db_url)

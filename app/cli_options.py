"""What the command-line modules share: the common options, the settings (a bad settings file ends the command
with exit code 2 and its message) and the database of a home folder."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.text import Text
from sqlalchemy.engine import Engine

from orynda.clock import ALMATY
from orynda.config import Settings, load_settings
from orynda.database import make_engine
from orynda.errors import ConfigError
from orynda.i18n import Texts, texts

Home = Annotated[
    Path | None,
    typer.Option("--home", help="Folder of runs, reports and the SQLite database (default: $ORYNDA_HOME, else the "
                 "user's data folder, e.g. ~/.local/share/orynda)"),
]  # fmt: skip
SandboxUrl = Annotated[str | None, typer.Option("--sandbox-url", help="Root URL of the sandbox registries")]
SkipCheck = Annotated[
    bool, typer.Option("--skip-check", help="Start without the pre-flight of the flow's sites (every selector checked)")
]
Json = Annotated[bool, typer.Option("--json", help="Print the rows as JSON for scripts (ISO dates) instead of a table")]

FALLBACK_LANGUAGE = "kk"  # when the settings themselves cannot be read, the office's default


def settings_or_exit(console: Console, **overrides: Any) -> Settings:
    """The settings with these flags; a bad settings file or variable ends the command with exit code 2."""
    try:
        return load_settings(**overrides)
    except ConfigError as exc:
        fail(console, texts(FALLBACK_LANGUAGE), str(exc))
        raise


def fail(console: Console, t: Texts, message: str, code: int = 2) -> None:
    """One line in red on the console, in the office's language, and the command's exit code."""
    console.print(Text(t("cli.error", message=message), style="red"))
    raise typer.Exit(code)


def words(settings: Settings) -> Texts:
    return texts(settings.language)


def day_and_time(moment: dt.datetime | None) -> str:
    """A moment as the command line shows it: dd.mm.yyyy HH:MM on Almaty's clock."""
    return f"{moment.astimezone(ALMATY):%d.%m.%Y %H:%M}" if moment else ""


def engine_at(home: Path | None, console: Console) -> Engine:
    """The store's database for these settings; a configuration error ends the command with exit code 2."""
    return make_engine(settings_or_exit(console, home=home).db_url)

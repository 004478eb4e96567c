"""`runner.py schedule` (the service) and `runner.py schedules` (what fires next, what fired last)."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from app.cli_options import Home, SandboxUrl
from app.scheduling.fires import recent_fires
from app.scheduling.model import SchedulesFile, load_schedules, schedules_path
from orynda.clock import ALMATY, now
from orynda.config import Settings, load_settings
from orynda.database import make_engine
from orynda.errors import ConfigError

console = Console()

File = Annotated[
    Path | None, typer.Option("--file", "-f", help="Schedules file (default: $ORYNDA_SCHEDULES or schedules.yaml)")
]


def register(app: typer.Typer) -> None:
    """Adds the two top-level commands to runner.py."""
    app.command("schedule")(schedule)
    app.command("schedules")(schedules)


def schedule(
    file: File = None,
    home: Home = None,
    sandbox_url: SandboxUrl = None,
    run_now: Annotated[
        list[str] | None,
        typer.Option("--run-now", help="Also fire this entry once at start, as its cron would (window and e-mail too)"),
    ] = None,
) -> None:
    """Run the scheduler service until SIGTERM or Ctrl-C (see docs/scheduler.md)."""
    from app.scheduling.service import serve  # APScheduler loads only for the service

    config, settings = _load(file), _settings(home, sandbox_url)
    unknown = [name for name in run_now or [] if name not in config.schedules]
    if unknown:
        _fail(f"--run-now {', '.join(unknown)}: no such entry in {schedules_path(file)}")
    raise typer.Exit(serve(config, settings, run_now=run_now))


def schedules(
    file: File = None,
    home: Home = None,
    count: Annotated[int, typer.Option("--count", "-n", help="Fire times to show per entry")] = 3,
) -> None:
    """Every entry with its next fire times (Asia/Almaty, holidays skipped) and its last fire's outcome."""
    config, settings = _load(file), _settings(home)
    table = Table("entry", "flow", "cron (calendar)", "window", "next fires", "last fire")
    moment = now()
    for name, entry in config.schedules.items():
        fires = [f"{f:%a %Y-%m-%d %H:%M}" for f in itertools.islice(entry.trigger().fire_times(moment), count)]
        table.add_row(
            name,
            entry.flow,
            str(entry.trigger()),
            str(entry.window or "any time"),
            "\n".join(fires) if entry.enabled else "(disabled)",
            _last_fire(settings, name),
        )
    console.print(table)
    console.print(f"times in {ALMATY.key}; e-mail to: {', '.join(config.notify.supervisors) or 'nobody'}")


def _last_fire(settings: Settings, name: str) -> str:
    if settings.database_url is None and not (settings.home / "orynda.db").exists():
        return "never"
    fires = recent_fires(make_engine(settings.db_url), name, limit=1)
    return f"{fires[0].fire_time:%Y-%m-%d %H:%M}: {fires[0].outcome or 'running'}" if fires else "never"


def _load(file: Path | None) -> SchedulesFile:
    try:
        return load_schedules(file)
    except ConfigError as exc:
        _fail(str(exc))
        raise


def _settings(home: Path | None, sandbox_url: str | None = None) -> Settings:
    try:
        return load_settings(home=home, sandbox_url=sandbox_url)
    except ConfigError as exc:
        _fail(str(exc))
        raise


def _fail(message: str) -> None:
    console.print(f"[red]error:[/red] {message}", markup=True, highlight=False)
    raise typer.Exit(2)

"""`runner.py schedule` (the service) and `runner.py schedules` (what fires next, what fired last)."""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.text import Text

from app.cli_options import FALLBACK_LANGUAGE, Home, Json, SandboxUrl, day_and_time, fail, settings_or_exit, words
from app.cli_tables import Column, print_json, print_table
from app.scheduling.fires import FireRow, recent_fires
from app.scheduling.model import SchedulesFile, load_schedules, schedules_path
from orynda.clock import ALMATY, now
from orynda.config import Settings
from orynda.database import make_engine
from orynda.errors import ConfigError
from orynda.i18n import Texts, texts

console = Console(highlight=False)

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
        t = words(settings)
        fail(console, t, t("cli.schedules.no_entry", names=", ".join(unknown), file=str(schedules_path(file))))
    raise typer.Exit(serve(config, settings, run_now=run_now))


def schedules(
    file: File = None,
    home: Home = None,
    count: Annotated[int, typer.Option("--count", "-n", help="Fire times to show per entry")] = 3,
    json: Json = False,
) -> None:
    """Every entry with its next fire times (Asia/Almaty, holidays skipped) and its last fire's outcome."""
    config, settings = _load(file), _settings(home)
    t, moment = words(settings), now()
    entries = [
        (
            name,
            entry,
            list(itertools.islice(entry.trigger().fire_times(moment), count)) if entry.enabled else [],
            _last_fire(settings, name),
        )
        for name, entry in config.schedules.items()
    ]
    if json:
        print_json(
            [
                {"entry": name, "flow": entry.flow, "cron": entry.cron, "calendar": entry.calendar,
                 "window": str(entry.window) if entry.window else None, "enabled": entry.enabled,
                 "next": [f.isoformat() for f in fires],
                 "last": {"fire_time": last.fire_time.isoformat(), "outcome": last.outcome} if last else None}
                for name, entry, fires, last in entries
            ]
        )  # fmt: skip
        return
    columns = [
        Column("entry", t("cli.schedules.entry"), wrap=False),
        Column("flow", t("cli.schedules.flow"), wrap=False, priority=4),  # most entries are named after their flow
        Column("cron", t("cli.schedules.cron"), wrap=False, priority=3),
        Column("window", t("cli.schedules.window"), priority=2),
        Column("next", t("cli.schedules.next"), wrap=False, priority=1),
        Column("last", t("cli.schedules.last"), priority=1),
    ]
    rows = [
        {
            "entry": name,
            "flow": entry.flow,
            "cron": f"{entry.cron}\n({_calendar(t, entry.calendar)})",
            "window": str(entry.window) if entry.window else t("cli.schedules.any_time"),
            "next": "\n".join(_fire(t, f) for f in fires) if entry.enabled else t("cli.schedules.disabled"),
            "last": _last_text(t, last),
        }
        for name, entry, fires, last in entries
    ]
    print_table(console, t, columns, rows)
    recipients = ", ".join(config.notify.supervisors) or t("cli.schedules.nobody")
    console.print(Text(t("cli.schedules.zone", recipients=recipients)))


def _fire(t: Texts, moment: dt.datetime) -> str:
    """A fire time with its weekday in the office's language (the console's short names), dd.mm.yyyy HH:MM."""
    key = f"console.weekday.{moment.astimezone(ALMATY).weekday()}"
    weekday = t(key) if t.has(key) else f"{moment.astimezone(ALMATY):%a}"
    return f"{weekday} {day_and_time(moment)}"


def _calendar(t: Texts, calendar: str) -> str:
    key = f"console.calendar.{calendar}"
    return t(key) if t.has(key) else calendar


def _last_text(t: Texts, fire: FireRow | None) -> str:
    if fire is None:
        return t("cli.schedules.never")
    return f"{day_and_time(fire.fire_time)}: {fire.outcome or t('cli.schedules.running')}"


def _last_fire(settings: Settings, name: str) -> FireRow | None:
    if settings.database_url is None and not (settings.home / "orynda.db").exists():
        return None
    fires = recent_fires(make_engine(settings.db_url), name, limit=1)
    return fires[0] if fires else None


def _load(file: Path | None) -> SchedulesFile:
    try:
        return load_schedules(file)
    except ConfigError as exc:
        _fail(str(exc))
        raise


def _settings(home: Path | None, sandbox_url: str | None = None) -> Settings:
    return settings_or_exit(console, home=home, sandbox_url=sandbox_url)


def _fail(message: str) -> None:
    fail(console, texts(FALLBACK_LANGUAGE), message)

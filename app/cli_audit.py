"""`runner.py audit verify|trail`: the hash-chained audit log of the desk. `verify` exits 0 when every entry is intact,
1 naming the first altered or missing one, 2 when the store cannot be read."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.text import Text

from app.cli_options import Home, Json, day_and_time, settings_or_exit, words
from app.cli_tables import Column, print_json, print_table
from orynda.audit import AuditLog
from orynda.database import make_engine
from orynda.i18n import Texts

console = Console(highlight=False)
app = typer.Typer(help="The audit log: logins, decisions, filings, policy changes.", no_args_is_help=True)


def register(parent: typer.Typer) -> None:
    """Adds `audit …` to runner.py."""
    parent.add_typer(app, name="audit", help="The audit log: verify the chain, show a subject's trail.")


def log_at(home: Path | None) -> tuple[AuditLog, Texts]:
    settings = settings_or_exit(console, home=home)
    return AuditLog(make_engine(settings.db_url)), words(settings)


@app.command("verify")
def verify(home: Home = None) -> None:
    """Check every entry against its hash and the one before it; name the first altered or missing entry."""
    log, t = log_at(home)
    check = log.verify()
    if not check.ok:
        console.print(Text(t("cli.audit.broken", entry=check.bad_id, reason=check.reason), style="red"))
        raise typer.Exit(1)
    console.print(Text(t("cli.audit.intact", entries=check.entries, head=check.head or "-"), style="green"))


@app.command("trail")
def trail(
    subject: Annotated[str, typer.Argument(help="review:<id>, user:<login> or policy")],
    home: Home = None,
    json: Json = False,
) -> None:
    """Every entry about one subject, oldest first."""
    log, t = log_at(home)
    entries = log.trail(subject)
    if json:
        print_json(
            [{"id": e.id, "at": e.at.isoformat(), "actor": e.actor, "action": e.action, "detail": e.detail}
             for e in entries]
        )  # fmt: skip
        return
    columns = [
        Column("number", t("cli.audit.number"), numeric=True),
        Column("at", t("cli.audit.at")),
        Column("actor", t("cli.audit.actor"), wrap=False, priority=1),
        Column("action", t("cli.audit.action"), wrap=False),
        Column("detail", t("cli.audit.detail"), priority=2),
    ]
    rows = [
        {
            "number": str(e.id),
            "at": day_and_time(e.at) + f":{e.at:%S}",
            "actor": e.actor,
            "action": e.action,
            "detail": ", ".join(f"{k}={v}" for k, v in e.detail.items()),
        }
        for e in entries
    ]
    print_table(console, t, columns, rows)

"""`runner.py audit verify|trail`: the hash-chained audit log of the desk. `verify` exits 0 when every entry is intact,
1 naming the first altered or missing one, 2 when the store cannot be read."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from app.cli_options import Home, engine_at
from orynda.audit import AuditLog

console = Console(highlight=False, soft_wrap=True)
app = typer.Typer(help="The audit log: logins, decisions, filings, policy changes.", no_args_is_help=True)


def register(parent: typer.Typer) -> None:
    """Adds `audit …` to runner.py."""
    parent.add_typer(app, name="audit", help="The audit log: verify the chain, show a subject's trail.")


def log_at(home: Path | None) -> AuditLog:
    return AuditLog(engine_at(home, console))


@app.command("verify")
def verify(home: Home = None) -> None:
    """Check every entry against its hash and the one before it; name the first altered or missing entry."""
    check = log_at(home).verify()
    if not check.ok:
        console.print(f"[red]{check}[/red]")
        raise typer.Exit(1)
    console.print(f"[green]{check}[/green]")


@app.command("trail")
def trail(
    subject: Annotated[str, typer.Argument(help="review:<id>, user:<login> or policy")], home: Home = None
) -> None:
    """Every entry about one subject, oldest first."""
    table = Table("#", "at", "actor", "action", "detail")
    for e in log_at(home).trail(subject):
        detail = ", ".join(f"{k}={v}" for k, v in e.detail.items())
        table.add_row(str(e.id), f"{e.at:%Y-%m-%d %H:%M:%S}", e.actor, e.action, detail)
    console.print(table)

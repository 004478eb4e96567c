"""`runner.py verify FILE`: is a PDF or DOCX a document Orynda issued, unchanged? Exit 0 if so, 1 if not, 2 when
the file or the register cannot be read. The check is against the register in the run store's database."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from app.cli_options import Home
from orynda.config import load_settings
from orynda.errors import ConfigError

console = Console(highlight=False, soft_wrap=True)


def register(app: typer.Typer) -> None:
    """Adds `verify` to runner.py."""
    app.command("verify")(verify)


def verify(
    file: Annotated[Path, typer.Argument(help="The document: a .pdf or .docx Orynda issued")], home: Home = None
) -> None:
    """Say whether a document is authentic (numbered in the register) and unchanged (its bytes' SHA-256 matches)."""
    from orynda.documents.numbering import register_for  # the register loads only for this command
    from orynda.documents.verify import verify as check

    if not file.is_file():
        console.print(f"[red]{file}: no such file[/red]")
        raise typer.Exit(2)
    try:
        settings = load_settings(home=home)
    except ConfigError as exc:
        console.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from None
    if settings.database_url is None and not (settings.home / "orynda.db").exists():
        console.print(f"[red]{file}: NOT VERIFIED — no register of documents at {settings.home / 'orynda.db'}[/red]")
        raise typer.Exit(2)
    verdict = check(file, register_for(settings.db_url, settings.retry_database))
    if not verdict.ok:
        console.print(f"[red]{file}: NOT AUTHENTIC — {verdict.reason}[/red]")
        raise typer.Exit(1)
    record = verdict.record
    assert record is not None
    console.print(f"[green]{file}: {verdict.reason}[/green]")
    console.print(
        f"  {record.kind}, {record.language}, issued {record.issued_on:%d.%m.%Y}, proceeding {record.proceeding}"
    )

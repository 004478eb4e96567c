"""`runner.py intake-examples --out FILE.jsonl`: the labelled examples of intake (each document a person decided in
the review queue: its text, the values read, the values the person confirmed) as JSON lines, to measure the reader
against after a change (`bench/intake.py --examples FILE.jsonl`)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.text import Text

from app.cli_options import Home, fail, settings_or_exit, words
from orynda.database import make_engine
from orynda.intake_examples import IntakeExamples

console = Console(highlight=False, soft_wrap=True)


def register(app: typer.Typer) -> None:
    """Adds `intake-examples` to runner.py."""
    app.command("intake-examples")(intake_examples)


def intake_examples(
    out: Annotated[
        Path, typer.Option("--out", "-o", help="The JSON lines file to write (personal data: keep it in the office)")
    ],
    home: Home = None,
) -> None:
    """Export the documents people checked in the review queue (text, values read, values confirmed) as JSON lines."""
    settings = settings_or_exit(console, home=home)
    t = words(settings)
    try:
        count = IntakeExamples(make_engine(settings.db_url)).export(out)
    except OSError as exc:
        fail(console, t, t("cli.intake_examples.cannot_write", path=str(out), error=exc.strerror or str(exc)))
        return
    console.print(Text(t("cli.intake_examples.written", count=count, path=str(out))))

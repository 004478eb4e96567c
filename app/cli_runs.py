"""`runner.py runs`: the past runs, newest first, with what each amounted to (orynda.history), as a table fitted to
the screen or as JSON."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from decimal import Decimal
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.text import Text

from app.cli_options import Home, Json, day_and_time, settings_or_exit, words
from app.cli_tables import Column, print_json, print_table
from orynda.history import RunFigures, run_figures
from orynda.i18n import Texts
from orynda.runs import open_store
from orynda.runstore import RunStore
from orynda.schema import ItemState
from orynda.wording import status_name

console = Console(highlight=False)


def register(app: typer.Typer) -> None:
    """Adds `runs` to runner.py."""
    app.command("runs")(runs)


@dataclass(frozen=True)
class RunLine:
    """One run as the listing shows it: its figures, its item counts and where its report is."""

    figures: RunFigures
    ended: str | None
    done: int
    business: int
    system: int
    left: int
    retries: int
    report: str | None


def run_lines(store: RunStore, limit: int) -> list[RunLine]:
    lines = []
    for run in store.list_runs(limit):
        counts = store.counts(run.id)
        lines.append(
            RunLine(
                run_figures(store, run),
                run.ended_at.isoformat() if run.ended_at else None,
                counts.by_state[ItemState.DONE],
                counts.by_state[ItemState.BUSINESS],
                counts.by_state[ItemState.SYSTEM],
                counts.left,
                counts.retries,
                run.report_path,
            )
        )
    return lines


def columns(t: Texts) -> list[Column]:
    """Most needed first: which run, when, what and how it ended, then what it found and drafted."""

    def h(key: str) -> str:
        return t(f"cli.runs.{key}")

    return [
        Column("run_id", h("run_id"), wrap=False),
        Column("started", h("started"), priority=1),
        Column("flow_status", h("flow_status"), priority=1),
        Column("findings", h("findings"), priority=2, numeric=True),
        Column("documents", h("documents"), priority=3, numeric=True),
        Column("system", h("system"), priority=4, numeric=True),
        Column("items", h("items"), priority=5, numeric=True),
        Column("business", h("business"), priority=6, numeric=True),
        Column("done", h("done"), priority=7, numeric=True),
        Column("left", h("left"), priority=8, numeric=True),
        Column("retries", h("retries"), priority=9, numeric=True),
        Column("report", h("report"), priority=10, wrap=False),
    ]


def cells(t: Texts, line: RunLine, runs_dir: Path) -> dict[str, str]:
    f = line.figures
    return {
        "run_id": f.run_id,
        "started": day_and_time(f.started),
        "flow_status": f"{f.flow}\n{status_name(t, f.status)}",
        "findings": str(f.findings),
        "documents": str(f.documents),
        "system": str(line.system),
        "items": str(f.items),
        "business": str(line.business),
        "done": str(line.done),
        "left": str(line.left),
        "retries": str(line.retries),
        "report": _under(Path(line.report), runs_dir) if line.report else "",
    }


def _under(path: Path, folder: Path) -> str:
    """A report's path from the runs folder (the line under the table names it), else in full."""
    try:
        return str(path.relative_to(folder))
    except ValueError:
        return str(path)


def record(line: RunLine) -> dict[str, Any]:
    """A run for a script: the same figures, dates in ISO 8601, money as a decimal string."""
    figures = {k: str(v) if isinstance(v, Decimal) else v for k, v in asdict(line.figures).items()}
    figures["started"] = line.figures.started.isoformat()
    return {**figures, **{k: v for k, v in asdict(line).items() if k != "figures"}}


def runs(
    limit: Annotated[int, typer.Option(help="How many, newest first")] = 20, home: Home = None, json: Json = False
) -> None:
    """Past runs: date, flow, status, findings, documents, counts and report paths."""
    settings = settings_or_exit(console, home=home)
    t = words(settings)
    lines = run_lines(open_store(settings), limit)
    if json:
        print_json([record(line) for line in lines])
        return
    if not lines:
        console.print(Text(t("cli.runs.none", home=str(settings.home))))
        return
    print_table(console, t, columns(t), [cells(t, line, settings.runs_dir) for line in lines])
    console.print(Text(t("cli.runs.folder", folder=str(settings.runs_dir))))

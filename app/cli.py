"""runner.py: the command line of Orynda. Every command has --help."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from app import cli_audit, cli_calc, cli_console, cli_documents, cli_schedule, cli_users
from app.catalog import FLOWS
from app.cli_options import Home, SandboxUrl
from app.flow_params import params_of, parse_extra, validate
from app.runs import resume_run, start_run
from orynda import logs
from orynda.config import Settings, load_settings
from orynda.errors import ConfigError
from orynda.i18n import texts
from orynda.runs import RunOutcome, open_store
from orynda.schema import RunStatus

app = typer.Typer(
    help="Orynda: bots for enforcement proceedings. Flows, runs, calculations.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
console = Console()


def _settings(home: Path | None = None, sandbox_url: str | None = None, workers: int | None = None) -> Settings:
    return load_settings(home=home, sandbox_url=sandbox_url, workers=workers)


@app.callback()
def _main(verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Debug logging")] = False) -> None:
    logs.configure("DEBUG" if verbose else "INFO")


@app.command("list")
def list_flows() -> None:
    """The flows this installation can run."""
    table = Table("flow", "what it does", "input", "registries")
    for flow in FLOWS.values():
        table.add_row(flow.name, flow.title, "file (--input)" if flow.needs_input else "none", ", ".join(flow.sites))
    console.print(table)


@app.command()
def run(
    flow: Annotated[str, typer.Argument(help="Flow name (see `runner.py list`)")],
    input: Annotated[Path | None, typer.Option("--input", "-i", help="Input list (.xlsx or .csv)")] = None,
    resume: Annotated[str | None, typer.Option("--resume", help="Go on with this run id instead")] = None,
    param: Annotated[list[str] | None, typer.Option("--param", "-p", help="Flow parameter key=value")] = None,
    workers: Annotated[int | None, typer.Option("--workers", "-w", help="Items processed at once")] = None,
    progress: Annotated[bool, typer.Option("--progress/--no-progress", help="Show a progress bar")] = True,
    home: Home = None,
    sandbox_url: SandboxUrl = None,
) -> None:
    """Run a flow now (or resume one with --resume RUN_ID)."""
    settings = _settings(home, sandbox_url, workers)
    params = {} if resume else _checked_params(flow, param or [], input, settings)
    with _errors():
        outcome = (
            resume_run(resume, settings, progress=progress)
            if resume
            else start_run(flow, params, settings, progress=progress)
        )
    _print_outcome(outcome)
    raise typer.Exit(exit_code(outcome.status))


@app.command()
def resume(
    run_id: Annotated[str | None, typer.Argument(help="Run id; default: the latest unfinished run")] = None,
    progress: Annotated[bool, typer.Option("--progress/--no-progress")] = True,
    home: Home = None,
    sandbox_url: SandboxUrl = None,
) -> None:
    """Resume an interrupted run without redoing its finished items."""
    with _errors():
        outcome = resume_run(run_id, _settings(home, sandbox_url), progress=progress)
    _print_outcome(outcome)
    raise typer.Exit(exit_code(outcome.status))


@app.command()
def runs(limit: Annotated[int, typer.Option(help="How many, newest first")] = 20, home: Home = None) -> None:
    """Past runs with their counts and report paths."""
    store = open_store(_settings(home))
    table = Table("run id", "flow", "status", "items", "done", "business", "system", "left", "retries", "report")
    for r in store.list_runs(limit):
        c = store.counts(r.id)
        by = c.by_state
        table.add_row(
            r.id,
            r.flow,
            r.status,
            str(c.total),
            str(by["done"]),
            str(by["business_exception"]),
            str(by["system_exception"]),
            str(c.left),
            str(c.retries),
            r.report_path or "",
        )
    console.print(table)


@app.command()
def check(
    sites: Annotated[list[str] | None, typer.Argument(help="Sites to check; default: all")] = None,
    home: Home = None,
    sandbox_url: SandboxUrl = None,
) -> None:
    """Pre-flight: visit each site's pages and confirm every listed selector resolves; writes nothing."""
    from app.preflight import check_sites

    results = check_sites(list(sites or []), _settings(home, sandbox_url))
    table = Table("site", "page", "element", "resolves")
    missing = 0
    for site, pages in results.items():
        for page, elements in pages.items():
            for element, ok in elements.items():
                missing += not ok
                table.add_row(site, page, element, "yes" if ok else "[red]NO[/red]")
    console.print(table)
    if missing:
        console.print(f"[red]{missing} selector(s) do not resolve[/red]")
        raise typer.Exit(1)


# What `run` and `resume` exit with, for the scheduler's wrapper and any script (README, "Exit codes");
# 1 is a crash and 2 a configuration or input error, before any item ran.
EXIT_CODES = {RunStatus.DONE: 0, RunStatus.DONE_WITH_FAILURES: 3, RunStatus.INTERRUPTED: 4, RunStatus.PAUSED: 4}


def exit_code(status: RunStatus) -> int:
    return EXIT_CODES.get(status, 1)


def _checked_params(flow: str, pairs: list[str], input: Path | None, settings: Settings) -> dict[str, Any]:
    """The flow's parameters as given, once each is known and well-typed; else every problem and exit code 2."""
    given, problems = parse_extra("\n".join(pairs))
    files = {"input": str(input)} if input else {}
    if flow in FLOWS:
        problems += validate(flow, given, files)[1]
    if problems:
        say = texts(settings.language)
        for problem in problems:
            console.print(f"[red]{say(problem.key, **problem.values)}[/red]", highlight=False)
        known = ", ".join(p.name for p in params_of(flow)) or "—"
        console.print(f"{flow}: --param {known}", highlight=False)
        raise typer.Exit(2)
    return {**given, **files}


def _print_outcome(outcome: RunOutcome) -> None:
    s = outcome.summary
    console.print(
        f"[bold]run {outcome.run_id}[/bold] {outcome.status}: {s.total} items — done {s.done}, "
        f"business exceptions {s.business}, system exceptions {s.system}, left {s.left}, retries {s.retries}"
        + (f", {s.items_per_minute} items/min" if s.items_per_minute else "")
    )
    console.print(f"report:   {outcome.report}")
    console.print(f"logs:     {outcome.folder / 'log.jsonl'}")
    console.print(f"evidence: {outcome.folder / 'evidence'}")


class _errors:
    """Configuration and input errors end the command with their message and exit code 2, no traceback."""

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: Any, exc: BaseException | None, tb: Any) -> None:
        if isinstance(exc, ConfigError):
            console.print(f"[red]error:[/red] {exc}", markup=True, highlight=False)
            raise typer.Exit(2)


app.add_typer(cli_calc.app, name="calc", help="Enforcement calculations: fee, interest, alimony, distribution…")
cli_schedule.register(app)
cli_documents.register(app)
cli_users.register(app)
cli_audit.register(app)
cli_console.register(app)

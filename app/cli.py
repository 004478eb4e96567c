"""runner.py: the command line of Orynda. Every command has --help."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.text import Text

from app import (
    cli_audit,
    cli_calc,
    cli_check,
    cli_console,
    cli_documents,
    cli_help,
    cli_intake,
    cli_runs,
    cli_schedule,
    cli_users,
)
from app.catalog import FLOWS
from app.cli_check import preflight_lines
from app.cli_options import FALLBACK_LANGUAGE, Home, Json, SandboxUrl, SkipCheck, fail, settings_or_exit, words
from app.cli_tables import Column, print_json, print_table
from app.flow_params import params_of, parse_extra, validate
from app.runs import resume_run, start_run
from orynda import logs
from orynda.config import Settings, load_settings
from orynda.errors import ConfigError, PreflightFailed
from orynda.i18n import Texts, texts
from orynda.leases import FlowBusy, holder_of
from orynda.runs import RunOutcome, open_store
from orynda.schema import RunStatus
from orynda.wording import status_name

app = typer.Typer(
    help="Orynda: bots for enforcement proceedings. Flows, runs, calculations.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
console = Console(highlight=False)


@app.callback()
def _main(verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Debug logging")] = False) -> None:
    logs.configure("DEBUG" if verbose else "INFO")


def flow_title(t: Texts, name: str) -> str:
    """A flow's title in the office's language (the console's words for it), else its developer's title."""
    key = f"console.flow.{name}"
    return t(key) if t.has(key) else FLOWS[name].title if name in FLOWS else name


@app.command("list")
def list_flows(json: Json = False) -> None:
    """The flows this installation can run."""
    t = words(settings_or_exit(console))
    if json:
        print_json(
            [
                {"flow": f.name, "title": flow_title(t, f.name), "input": f.needs_input, "sites": list(f.sites),
                 "params": [p.name for p in params_of(f.name)]}
                for f in FLOWS.values()
            ]
        )  # fmt: skip
        return
    columns = [
        Column("flow", t("cli.flows.flow"), wrap=False),
        Column("title", t("cli.flows.title")),
        Column("params", t("cli.flows.params"), priority=1),
        Column("input", t("cli.flows.input"), priority=2),
        Column("sites", t("cli.flows.sites"), priority=3),
    ]
    rows = [
        {
            "flow": f.name,
            "title": flow_title(t, f.name),
            "params": ", ".join(p.name for p in params_of(f.name)) or "—",
            "input": t("cli.flows.input_file") if f.needs_input else t("cli.flows.input_none"),
            "sites": "\n".join(t.site(site) for site in f.sites),
        }
        for f in FLOWS.values()
    ]
    print_table(console, t, columns, rows)


@app.command()
def run(
    flow: Annotated[str, typer.Argument(help="Flow name (see `runner.py list`)")],
    input: Annotated[Path | None, typer.Option("--input", "-i", help="Input list (.xlsx or .csv)")] = None,
    resume: Annotated[str | None, typer.Option("--resume", help="Go on with this run id instead")] = None,
    param: Annotated[list[str] | None, typer.Option("--param", "-p", help="Flow parameter key=value")] = None,
    workers: Annotated[int | None, typer.Option("--workers", "-w", help="Items processed at once")] = None,
    progress: Annotated[bool, typer.Option("--progress/--no-progress", help="Show a progress bar")] = True,
    skip_check: SkipCheck = False,
    home: Home = None,
    sandbox_url: SandboxUrl = None,
) -> None:
    """Run a flow now (or resume one with --resume RUN_ID), after the pre-flight of its sites."""
    settings = settings_or_exit(console, home=home, sandbox_url=sandbox_url, workers=workers)
    if resume:
        _resume(resume, settings, progress, skip_check)
    params = _checked_params(flow, param or [], input, settings)
    with _errors(settings, flow):
        outcome = start_run(flow, params, settings, progress=progress, preflight=not skip_check)
    _print_outcome(outcome, words(settings))
    raise typer.Exit(exit_code(outcome.status))


@app.command()
def resume(
    run_id: Annotated[str | None, typer.Argument(help="Run id; default: the latest unfinished run")] = None,
    progress: Annotated[bool, typer.Option("--progress/--no-progress")] = True,
    skip_check: SkipCheck = False,
    home: Home = None,
    sandbox_url: SandboxUrl = None,
) -> None:
    """Resume an interrupted run without redoing its finished items, after the pre-flight of its sites."""
    _resume(run_id, settings_or_exit(console, home=home, sandbox_url=sandbox_url), progress, skip_check)


def _resume(run_id: str | None, settings: Settings, progress: bool, skip_check: bool = False) -> None:
    """Refuses in the office's language what cannot be resumed, then goes on with the run and exits by its end."""
    t, store = words(settings), open_store(settings)
    found = store.get_run(run_id) if run_id else store.latest_unfinished()
    if found is None:
        fail(console, t, t("cli.resume.no_run", run_id=run_id) if run_id else t("cli.resume.nothing"))
        return
    if RunStatus(found.status).finished:
        status, report = status_name(t, found.status), found.report_path or "—"
        fail(console, t, t("cli.resume.finished", run_id=found.id, status=status, report=report))
    with _errors(settings, found.flow):
        outcome = resume_run(found.id, settings, progress=progress, preflight=not skip_check)
    _print_outcome(outcome, t)
    raise typer.Exit(exit_code(outcome.status))


# What `run` and `resume` exit with, for the scheduler's wrapper and any script (README, "Exit codes");
# 1 is a crash and 2 a configuration or input error, before any item ran.
PREFLIGHT_EXIT = 6  # the pre-flight found elements missing: no run was started
EXIT_CODES = {
    RunStatus.DONE: 0,
    RunStatus.DONE_WITH_FAILURES: 3,
    RunStatus.INTERRUPTED: 4,
    RunStatus.PAUSED: 4,
    RunStatus.FAILED: 5,
}


def exit_code(status: RunStatus) -> int:
    return EXIT_CODES.get(status, 1)


def _checked_params(flow: str, pairs: list[str], input: Path | None, settings: Settings) -> dict[str, Any]:
    """The flow's parameters as given, once each is known and well-typed; else every problem and exit code 2."""
    t = words(settings)
    if flow not in FLOWS:
        fail(console, t, t("cli.params.no_flow", flow=flow, names=", ".join(FLOWS)))
    given, problems = parse_extra("\n".join(pairs))
    files = {"input": str(input)} if input else {}
    problems += validate(flow, given, files)[1]
    if problems:
        for problem in problems:
            console.print(Text(t(problem.key, **problem.values), style="red"))
        known = ", ".join(p.name for p in params_of(flow)) or "—"
        console.print(Text(t("cli.params.known", flow=flow, names=known)))
        raise typer.Exit(2)
    return {**given, **files}


def _print_outcome(outcome: RunOutcome, t: Texts) -> None:
    s = outcome.summary
    status = status_name(t, outcome.status)
    counts = {"total": s.total, "done": s.done, "business": s.business, "system": s.system, "left": s.left}
    line = t("cli.outcome.summary", run_id=outcome.run_id, flow=s.flow, status=status, retries=s.retries, **counts)
    console.print(Text(line, style="bold red" if outcome.status is RunStatus.FAILED else "bold"))
    if outcome.status is RunStatus.FAILED:
        site = t.site(outcome.failed_site) if outcome.failed_site else None
        why = (
            t("cli.outcome.site_down", site=site, run_id=outcome.run_id)
            if site
            else t("cli.outcome.start_failed", problem=outcome.failure or "—")
        )
        console.print(Text(why, style="red"))
    if s.items_per_minute:
        console.print(Text(t("cli.outcome.pace", pace=f"{s.items_per_minute:.1f}".replace(".", ","))))
    console.print(Text(t("cli.outcome.report", path=str(outcome.report))))
    console.print(Text(t("cli.outcome.log", path=str(outcome.folder / "log.jsonl"))))
    console.print(Text(t("cli.outcome.evidence", path=str(outcome.folder / "evidence"))))


class _errors:
    """Configuration and input errors end the command with their message and exit code 2, no traceback; a flow
    running elsewhere is refused naming who runs it."""

    def __init__(self, settings: Settings, flow: str) -> None:
        self.settings, self.flow = settings, flow

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: Any, exc: BaseException | None, tb: Any) -> None:
        t = words(self.settings)
        if isinstance(exc, FlowBusy):
            holder = holder_of(open_store(self.settings).engine, self.flow)
            if holder is not None:
                since = t.value(holder.acquired_at)
                fail(console, t, t("cli.busy", flow=self.flow, holder=holder.holder, since=since))
        if isinstance(exc, ConfigError):
            fail(console, t, str(exc))
        if isinstance(exc, PreflightFailed):
            for line in preflight_lines(t, exc):
                console.print(Text(line, style="red"))
            fail(console, t, t("cli.preflight.refused", flow=self.flow), code=PREFLIGHT_EXIT)


app.add_typer(cli_calc.app, name="calc", help="Enforcement calculations: fee, interest, alimony, distribution…")
cli_schedule.register(app)
cli_documents.register(app)
cli_users.register(app)
cli_audit.register(app)
cli_console.register(app)
cli_runs.register(app)
cli_check.register(app)
cli_intake.register(app)


def main() -> None:
    """runner.py: the command line in the office's language (its settings'; Kazakh when they cannot be read)."""
    try:
        words_of_office = texts(load_settings().language)
    except ConfigError:
        words_of_office = texts(FALLBACK_LANGUAGE)
    cli_help.main(app, words_of_office)

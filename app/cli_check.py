"""`runner.py check`: the pre-flight over every selector of every site (app.preflight), in the office's language:
each site's coverage, the elements missing or not reached, and for a missing one its ranked proposals; `--record`
keeps the fingerprints of a good check, `--accept SITE PAGE ELEMENT N` writes proposal N into the selector file."""

from __future__ import annotations

from typing import Annotated, Any

import typer
from rich.console import Console
from rich.text import Text

from app.cli_options import Home, Json, SandboxUrl, fail, settings_or_exit, words
from app.cli_tables import Column, print_json, print_table
from orynda.config import Settings
from orynda.errors import PreflightFailed
from orynda.i18n import Texts
from orynda.site.accept import accept
from orynda.site.coverage import SiteCheck
from orynda.site.locators import selector_file

console = Console(highlight=False)
errors = Console(highlight=False, stderr=True)  # with --json, stdout holds the JSON alone


def register(app: typer.Typer) -> None:
    """Adds `check` to runner.py."""
    app.command("check")(check)


def check(
    sites: Annotated[list[str] | None, typer.Argument(help="Sites to check; default: all")] = None,
    record: Annotated[
        bool, typer.Option("--record", help="After a good check, keep each element's fingerprint beside its selectors")
    ] = False,
    accept_: Annotated[
        tuple[str, str, str, int] | None,
        typer.Option("--accept", help="SITE PAGE ELEMENT N: write proposal N of the last check into the selector file"),
    ] = None,
    home: Home = None,
    sandbox_url: SandboxUrl = None,
    json: Json = False,
) -> None:
    """Pre-flight: every page of every site walked read-only (a probe search, its results and card), every selector
    checked; a missing one named with ranked replacements. Changes no registry."""
    settings = settings_or_exit(console, home=home, sandbox_url=sandbox_url)
    t = words(settings)
    if accept_ is not None:
        _accept(settings, t, *accept_)
        return
    from app.preflight import check_sites

    results = check_sites(list(sites or []), settings, record=record)
    if json:
        print_json([_record(e, r) for r in results for e in r.elements])
    else:
        _print(t, results, record)
    missing = sum(len(r.missing) for r in results)
    if missing:
        fail(errors if json else console, t, t("cli.check.missing", count=missing), code=1)


def preflight_lines(t: Texts, failed: PreflightFailed) -> list[str]:
    """One line per missing element, naming the registry, the page and the element, and what to do."""
    lines = [
        t("cli.preflight.element", site=t.site(site), page=page, element=element)
        for site, page, element in failed.missing
    ]
    return [*lines, t("cli.preflight.hint")]


def _print(t: Texts, results: list[SiteCheck], record: bool) -> None:
    for result in results:
        total = len(result.elements)
        line = t(
            "cli.check.summary",
            site=t.site(result.site),
            found=result.count("found"),
            total=total,
            missing=result.count("missing"),
            not_reached=result.count("not_reached"),
        )
        console.print(Text(line, style="bold red" if result.missing else "bold"))
        if result.problem:
            console.print(Text(t("cli.check.problem", problem=result.problem), style="yellow"))
        if record:
            saved = t("cli.check.recorded") if not result.missing else t("cli.check.not_recorded")
            console.print(Text(saved))
    rows = [
        {
            "site": r.site,
            "page": e.page,
            "element": e.element,
            "status": t("cli.check.missing_status" if e.status == "missing" else f"cli.check.{e.status}")
            + (f"\n{t('cli.check.state')}" if e.state else ""),
        }
        for r in results
        for e in r.elements
        if e.status != "found"
    ]
    if rows:
        columns = [
            Column(key, t(f"cli.check.{key}"), wrap=key == "status") for key in ("site", "page", "element", "status")
        ]
        print_table(console, t, columns, rows)
    for result in results:
        for e in result.missing:
            if not e.proposals:
                console.print(Text(t("cli.check.no_proposals", site=e.site, page=e.page, element=e.element)))
                continue
            console.print(Text(t("cli.check.proposals", site=e.site, page=e.page, element=e.element), style="bold"))
            for n, p in enumerate(e.proposals, start=1):
                score = f"{p.score:.2f}".replace(".", ",")
                console.print(Text(f"  {n}. {p.selector}  ({score}; <{p.tag}> {p.label})".rstrip()))
            console.print(Text(t("cli.check.accept_hint", site=e.site, page=e.page, element=e.element)))


def _record(e: Any, r: SiteCheck) -> dict[str, Any]:
    return {
        "site": e.site,
        "page": e.page,
        "element": e.element,
        "status": e.status,
        "state": e.state,
        "selector": e.selector,
        "proposals": [p.model_dump() for p in e.proposals],
        "problem": r.problem,
    }


def _accept(settings: Settings, t: Texts, site: str, page: str, element: str, n: int) -> None:
    from app.preflight import load_proposals

    proposals = load_proposals(settings, site, page, element)
    if not 1 <= n <= len(proposals):
        fail(
            console,
            t,
            t("cli.check.no_such_proposal", n=n, site=site, page=page, element=element, count=len(proposals)),
        )
    path = selector_file(site, settings.site(site).selectors)
    candidates = accept(path, page, element, proposals[n - 1].selector)
    console.print(
        Text(t("cli.check.accepted", selector=candidates[0], site=site, page=page, element=element, file=str(path)))
    )

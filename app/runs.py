"""Runs by flow name, as a person or a schedule asks for them: the catalogue finds the flow, the framework runs it."""

from __future__ import annotations

from typing import Any

from app.catalog import FLOWS, get_flow
from app.preflight import require_sites
from orynda import runs
from orynda.config import Settings
from orynda.errors import ConfigError
from orynda.runs import RunOutcome, open_store


def start_run(
    flow_name: str, params: dict[str, Any], settings: Settings, *, preflight: bool = True, **options: Any
) -> RunOutcome:
    """A new run of the named flow (options as orynda.runs.start_run takes them), after the pre-flight of its sites
    unless `preflight` or the settings say not to: PreflightFailed then, before any run is recorded."""
    flow = get_flow(flow_name)
    if preflight and settings.preflight:
        require_sites(flow.sites, settings)
    return runs.start_run(flow, params, settings, **options)


def resume_run(run_id: str | None, settings: Settings, *, preflight: bool = True, **options: Any) -> RunOutcome:
    """Goes on with a run (the latest unfinished one when no id is given), whichever flow it belongs to, after the
    pre-flight of that flow's sites (as start_run)."""
    if preflight and settings.preflight:
        store = options.get("store") or open_store(settings)
        run = store.get_run(run_id) if run_id else store.latest_unfinished()
        if run is None:
            raise ConfigError(f"no run {run_id!r} to resume" if run_id else "no unfinished run to resume")
        if run.flow in FLOWS:
            require_sites(FLOWS[run.flow].sites, settings)
    return runs.resume_run(run_id, settings, flows=FLOWS, **options)

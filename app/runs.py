"""Runs by flow name, as a person or a schedule asks for them: the catalogue finds the flow, the framework runs it."""

from __future__ import annotations

from typing import Any

from app.catalog import FLOWS, get_flow
from orynda import runs
from orynda.config import Settings
from orynda.runs import RunOutcome


def start_run(flow_name: str, params: dict[str, Any], settings: Settings, **options: Any) -> RunOutcome:
    """A new run of the named flow (options as orynda.runs.start_run takes them)."""
    return runs.start_run(get_flow(flow_name), params, settings, **options)


def resume_run(run_id: str | None, settings: Settings, **options: Any) -> RunOutcome:
    """Goes on with a run (the latest unfinished one when no id is given), whichever flow it belongs to."""
    return runs.resume_run(run_id, settings, flows=FLOWS, **options)

"""Flows: plain modules that compose bots, checks, documents and reports. Each exposes FLOW."""

from __future__ import annotations

import importlib

from orynda.errors import ConfigError
from orynda.flow import Flow

# name -> module; one line per flow
FLOW_MODULES = {
    "register_check": "flows.register_check",
    "nightly_check": "flows.nightly_check",
}


def get_flow(name: str) -> Flow:
    if name not in FLOW_MODULES:
        raise ConfigError(f"no flow {name!r}; known flows: {', '.join(sorted(FLOW_MODULES))}")
    flow: Flow = importlib.import_module(FLOW_MODULES[name]).FLOW
    return flow


def all_flows() -> list[Flow]:
    flows = []
    for name in FLOW_MODULES:
        try:
            flows.append(get_flow(name))
        except ModuleNotFoundError:
            continue  # listed but not built yet
    return flows

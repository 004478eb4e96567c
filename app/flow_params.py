"""The parameters each flow takes, with their types: the console's start form and `runner.py run --param` refuse an
unknown or mistyped one before any browser starts.

A flow's `load_items` reads its parameters from a plain dict, so what it accepts is declared here, for both doors.
A flow of the catalogue missing from this table takes no parameters.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

ParamType = Literal["int", "choice", "file", "text"]


@dataclass(frozen=True)
class Param:
    name: str
    type: ParamType
    required: bool = False
    choices: tuple[str, ...] = ()
    minimum: int | None = None


FLOW_PARAMS: Mapping[str, tuple[Param, ...]] = {
    "register_check": (Param("input", "file", required=True),),
    "nightly_check": (
        Param("limit", "int", minimum=1),
        Param("documents", "choice", choices=("file", "draft", "off")),
    ),
    "file_approved": (),
    "notices": (
        Param("limit", "int", minimum=1),
        Param("channel", "choice", choices=("sms", "push")),
        Param("wait_hours", "int", minimum=0),
    ),
    "payments": (Param("days", "int", minimum=0), Param("since", "text")),
    "robot_bailiff": (Param("limit", "int", minimum=1),),
}
INPUT_SUFFIXES = (".xlsx", ".csv")


@dataclass(frozen=True)
class Problem:
    """Why a parameter was refused: a catalogue key (console.start.error.*) and its values."""

    key: str
    values: Mapping[str, Any]


def params_of(flow: str) -> tuple[Param, ...]:
    return FLOW_PARAMS.get(flow, ())


def parse_extra(text: str) -> tuple[dict[str, str], list[Problem]]:
    """`key=value` lines, as `runner.py run --param` takes them."""
    pairs: dict[str, str] = {}
    problems: list[Problem] = []
    for line in text.splitlines():
        if not line.strip():
            continue
        key, sep, value = line.partition("=")
        if not sep or not key.strip():
            problems.append(Problem("console.start.error.not_a_pair", {"line": line.strip()}))
            continue
        pairs[key.strip()] = value.strip()
    return pairs, problems


def validate(flow: str, given: Mapping[str, str], files: Mapping[str, str]) -> tuple[dict[str, Any], list[Problem]]:
    """The parameters as the flow takes them, or every problem with them. `files`: name → uploaded file path."""
    known = {p.name: p for p in params_of(flow)}
    problems = [Problem("console.start.error.unknown", {"name": name}) for name in given if name not in known]
    problems += [Problem("console.start.error.unknown", {"name": name}) for name in files if name not in known]
    problems += [
        Problem("console.start.error.twice", {"name": name}) for name in files if name in given and given[name].strip()
    ]
    out: dict[str, Any] = {}
    for param in known.values():
        raw = (files.get(param.name) if param.type == "file" else None) or given.get(param.name, "").strip()
        if not raw:
            if param.required:
                problems.append(Problem("console.start.error.required", {"name": param.name}))
            continue
        value, problem = _typed(param, raw)
        if problem:
            problems.append(problem)
        else:
            out[param.name] = value
    return out, problems


def _typed(param: Param, raw: str) -> tuple[Any, Problem | None]:
    if param.type == "int":
        if not raw.isdigit():
            return None, Problem("console.start.error.not_int", {"name": param.name, "value": raw})
        if param.minimum is not None and int(raw) < param.minimum:
            return None, Problem("console.start.error.too_small", {"name": param.name, "minimum": param.minimum})
        return int(raw), None
    if param.type == "choice" and raw not in param.choices:
        return None, Problem(
            "console.start.error.not_a_choice", {"name": param.name, "value": raw, "choices": ", ".join(param.choices)}
        )
    if param.type == "file" and not raw.lower().endswith(INPUT_SUFFIXES):
        return None, Problem("console.start.error.not_a_list", {"name": param.name})
    return raw, None

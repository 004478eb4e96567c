"""YAML files read into typed models, with errors that name the file, the key and the line."""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from orynda.errors import ConfigError

M = TypeVar("M", bound=BaseModel)


def read_yaml(path: Path) -> tuple[Any, dict[tuple[str, ...], int]]:
    """The YAML's data and, for every key path, the line it stands on (1-based)."""
    try:
        text = path.read_text(encoding="utf-8")
        node = yaml.compose(text)
        data = yaml.safe_load(text)
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror}") from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}" if mark else ""
        raise ConfigError(f"{path}{where}: not valid YAML: {getattr(exc, 'problem', exc)}") from exc
    lines: dict[tuple[str, ...], int] = {}
    _collect_lines(node, (), lines)
    return data if data is not None else {}, lines


def load_model(path: Path, model: type[M], data: Any = None) -> M:
    """Validates the file against the model; the first error names file:line and the key path."""
    raw, lines = read_yaml(path)
    try:
        return model.model_validate(raw if data is None else data)
    except ValidationError as exc:
        raise ConfigError(describe(exc, path, lines)) from exc


def describe(exc: ValidationError, path: Path, lines: dict[tuple[str, ...], int]) -> str:
    """Every error as 'file:line: key.path: message'."""
    out = []
    for err in exc.errors():
        loc = tuple(str(p) for p in err["loc"])
        line = _nearest_line(loc, lines)
        out.append(f"{path}:{line}: {'.'.join(loc) or '(top)'}: {err['msg']}")
    return "\n".join(out)


def _nearest_line(loc: tuple[str, ...], lines: dict[tuple[str, ...], int]) -> int:
    while loc and loc not in lines:
        loc = loc[:-1]
    return lines.get(loc, 1)


def _collect_lines(node: Any, prefix: tuple[str, ...], out: dict[tuple[str, ...], int]) -> None:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            path = prefix + (str(key.value),)
            out[path] = key.start_mark.line + 1
            _collect_lines(value, path, out)
    elif isinstance(node, yaml.SequenceNode):
        for i, value in enumerate(node.value):
            out[prefix + (str(i),)] = value.start_mark.line + 1
            _collect_lines(value, prefix + (str(i),), out)

"""A person's choice among the pre-flight's proposals, written into the selector file as the element's first
candidate; the old candidates stay after it, and the file's comments and layout stay as they were (the one line of
the element is rewritten, nothing else)."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from orynda.errors import ConfigError
from orynda.site.locators import load_locators


def accept(path: Path, page: str, element: str, selector: str) -> list[str]:
    """Puts `selector` first among the element's candidates in the file; returns the new candidates."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    index = _element_line(lines, page, element, path)
    indent, value, comment = _split(lines[index])
    old = yaml.safe_load(value)
    old = [old] if isinstance(old, str) else list(old or [])
    new = [selector, *[c for c in old if c != selector]]
    ending = "\n" if lines[index].endswith("\n") else ""
    lines[index] = f"{indent}{element}: [{', '.join(_quoted(c) for c in new)}]{comment}{ending}"
    path.write_text("".join(lines), encoding="utf-8")
    load_locators.cache_clear()
    if load_locators(path.stem, path.parent).candidates(page, element) != new:  # read back: the file says so now
        raise ConfigError(f"{path}: {page}.{element} could not be rewritten")
    return new


def _element_line(lines: list[str], page: str, element: str, path: Path) -> int:
    """The line of `pages: → <page>: → elements: → <element>:`, found by indentation."""
    stack: list[tuple[int, str]] = []
    for n, line in enumerate(lines):
        match = re.match(r"^(\s*)([A-Za-z0-9_\"']+):", line)
        if not match or line.lstrip().startswith("#"):
            continue
        depth, key = len(match.group(1)), match.group(2).strip("\"'")
        while stack and stack[-1][0] >= depth:
            stack.pop()
        stack.append((depth, key))
        if [k for _, k in stack] == ["pages", page, "elements", element]:
            return n
    raise ConfigError(f"{path}: no element {element!r} on page {page!r}")


def _split(line: str) -> tuple[str, str, str]:
    """Indent, the YAML value after `name:`, and a trailing comment (kept)."""
    indent = line[: len(line) - len(line.lstrip())]
    value = line.split(":", 1)[1].rstrip("\n")
    comment = ""
    closing = value.rfind("]")
    if "#" in value[closing + 1 :]:
        at = value.index("#", closing + 1)
        value, comment = value[:at], "  " + value[at:].strip()
    return indent, value.strip(), comment


def _quoted(selector: str) -> str:
    return "'" + selector.replace("'", "''") + "'"

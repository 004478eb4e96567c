"""Every text a user reads, in Kazakh and Russian (English for developers), from YAML catalogues loaded once.

A catalogue (`orynda/texts/<area>.yaml`) maps dotted keys to `{kk, ru, en}`; `texts("kk")("status.done")` is
"Аяқталды". Values given to a text are formatted as the cells show them: money `1 234,50 ₸`, dates `dd.mm.yyyy`.

A placeholder may name how its value reads, because stored values come back from JSON as plain strings:
`{amount:money}` `19 207 002,35 ₸`, `{area:number}` `54,2`, `{day:date}` `08.03.2026`, `{month:month}` `03.2026`,
`{kind:text:realty_kind}` one identifier read as the text `realty_kind.<kind>`, `{measures:list:measure}` (or
`{measures:measures}`, `{sites:sites}`) each element of a list read that way, joined with commas, `{numbers:list}` a
list joined as it is. An identifier the catalogue lacks is shown as it is rather than failing a report.
"""

from __future__ import annotations

import datetime as dt
import string
from collections.abc import Iterator, Mapping
from decimal import Decimal, InvalidOperation
from functools import cache
from pathlib import Path
from typing import Any, Literal, cast, get_args

import yaml

from domain.money import format_tenge
from orynda.errors import ConfigError

Lang = Literal["kk", "ru", "en"]
LANGUAGES: tuple[Lang, ...] = get_args(Lang)
USER_LANGUAGES: tuple[Lang, ...] = ("kk", "ru")  # what an office may choose; English is for developers
CATALOGUES = Path(__file__).with_name("texts")


@cache
def catalogue() -> Mapping[str, Mapping[str, str]]:
    """Every key of every catalogue file, flattened: 'report.sheet.summary' -> {kk, ru, en}."""
    entries: dict[str, Mapping[str, str]] = {}
    for path in sorted(CATALOGUES.glob("*.yaml")):
        with open(path, encoding="utf-8") as handle:
            for key, entry in _flatten(yaml.safe_load(handle) or {}, ()):
                if key in entries:
                    raise ConfigError(f"{path}: text {key!r} is defined twice")
                entries[key] = entry
    return entries


def _flatten(node: Mapping[str, Any], prefix: tuple[str, ...]) -> Iterator[tuple[str, Mapping[str, str]]]:
    for name, value in node.items():
        key = (*prefix, str(name))
        if (
            isinstance(value, Mapping)
            and set(value) & set(LANGUAGES)
            and not any(isinstance(v, Mapping) for v in value.values())
        ):
            yield ".".join(key), {lang: str(text) for lang, text in value.items()}
        elif isinstance(value, Mapping):
            yield from _flatten(value, key)


def missing_translations() -> list[str]:
    """Keys lacking a text in one of the languages, as 'key: kk' (a test keeps this empty)."""
    return [f"{key}: {lang}" for key, entry in catalogue().items() for lang in LANGUAGES if not entry.get(lang)]


class Texts:
    """The catalogue in one language: call it with a key (and values for its placeholders)."""

    def __init__(self, lang: Lang) -> None:
        if lang not in LANGUAGES:
            raise ConfigError(f"language must be one of {', '.join(USER_LANGUAGES)}, got {lang!r}")
        self.lang = lang

    def __call__(self, key: str, **values: Any) -> str:
        entry = catalogue().get(key)
        if entry is None:
            raise KeyError(f"no text {key!r} in {CATALOGUES}")
        text = entry[self.lang]
        return _Formatter(self).vformat(text, (), values) if values else text

    def filled(self, key: str, values: Mapping[str, Any]) -> str:
        """The text with its placeholders filled, even from no values: a placeholder left without one raises."""
        return _Formatter(self).vformat(self(key), (), values)

    def has(self, key: str) -> bool:
        return key in catalogue()

    def value(self, value: Any) -> str:
        """A value as the cells show it: money with tiyn and the tenge sign, dates day first, yes/no in words."""
        if isinstance(value, bool):
            return self("word.yes" if value else "word.no")
        if isinstance(value, Decimal):
            return format_tenge(value)
        if isinstance(value, dt.datetime):
            return value.strftime("%d.%m.%Y %H:%M")
        if isinstance(value, dt.date):
            return value.strftime("%d.%m.%Y")
        return str(value)

    def site(self, name: str) -> str:
        """A registry's name; an unknown site keeps its identifier rather than failing a report."""
        return self(f"site.{name}") if self.has(f"site.{name}") else name


_LIST_ALIASES = {"measures": "list:measure", "sites": "list:site"}


class _Formatter(string.Formatter):
    """Fills a text's placeholders the way the cells show values, per the placeholder's spec (see the module)."""

    def __init__(self, t: Texts) -> None:
        super().__init__()
        self.t = t

    def format_field(self, value: Any, format_spec: str) -> str:
        spec = _LIST_ALIASES.get(format_spec, format_spec)
        kind, _, prefix = spec.partition(":")
        if kind == "money":
            return format_tenge(_decimal(value))
        if kind == "number":
            return _number(_decimal(value))
        if kind == "date":
            return _day(value).strftime("%d.%m.%Y")
        if kind == "month":
            return _day(value).strftime("%m.%Y")
        if kind == "text":
            return self._identifier(prefix, value)
        if kind == "list":
            elements = [e.strip() for e in value.split(",")] if isinstance(value, str) else list(value)
            return ", ".join(self._identifier(prefix, e) if prefix else self.t.value(e) for e in elements if e != "")
        if spec:
            return str(super().format_field(value, spec))
        return self.t.value(value)

    def _identifier(self, prefix: str, value: Any) -> str:
        key = f"{prefix}.{value}"
        return self.t(key) if self.t.has(key) else str(value)


def _decimal(value: Any) -> Decimal:
    try:
        return value if isinstance(value, Decimal) else Decimal(str(value))
    except InvalidOperation:
        raise ValueError(f"{value!r} is not an amount") from None


def _number(value: Decimal) -> str:
    """54,2 and 1 234,5: spaces between thousands, a decimal comma, the digits the value has."""
    whole, _, fraction = f"{abs(value):f}".partition(".")
    grouped = f"{int(whole):,}".replace(",", " ")
    return f"{'-' if value < 0 else ''}{grouped}{',' + fraction if fraction else ''}"


def _day(value: Any) -> dt.date:
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


@cache
def texts(lang: str) -> Texts:
    return Texts(cast(Lang, lang))


def parse_day(text: str) -> dt.date:
    """A date as people type it (dd.mm.yyyy) or as ISO (yyyy-mm-dd)."""
    for pattern in ("%d.%m.%Y", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(text.strip(), pattern).date()
        except ValueError:
            continue
    raise ValueError(f"{text!r} is not a date: write dd.mm.yyyy (or yyyy-mm-dd)")

"""The catalogue of documents as data (catalogue.yaml): each kind's titles, AIS EP upload and action kinds, the
findings that call for it and the articles it rests on — kept as data so a lawyer's correction is not a code change."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

import yaml

from domain.words import Lang

LANGUAGES: tuple[Lang, ...] = ("kk", "ru")
UPLOAD_KINDS = ("decision", "request", "notice", "other")
Scope = Literal["case", "debtor"]


class UnknownKind(ValueError):
    """A document kind that is not in the catalogue."""


@dataclass(frozen=True)
class Kind:
    """One kind of document: its name, titles, where it goes in AIS EP and what calls for it."""

    name: str
    en: str
    title: Mapping[str, str]
    scope: Scope
    upload: str
    action: str
    findings: tuple[str, ...]
    articles: tuple[str, ...]
    lifts: tuple[str, ...] = ()  # a lifting act: the measures it lifts; drafted only when one of them is in force

    def lifts_any(self, measures: Iterable[str]) -> bool:
        """Whether this act is called for by the measures in force: always, unless it lifts others only."""
        return not self.lifts or bool(set(self.lifts) & set(measures))


@dataclass(frozen=True)
class Office:
    """Who issues the documents (art. 10 p.2 subs. 1, 3): the bailiff's office, its address, where to pay."""

    title: Mapping[str, str]
    territory: Mapping[str, str]
    address: Mapping[str, str]
    place: Mapping[str, str]
    bank: Mapping[str, str]
    iban: str
    bic: str
    verify_url: str  # the public page where a citizen or a bank checks an act by its number


@lru_cache(maxsize=1)
def data() -> Mapping[str, Any]:
    """catalogue.yaml, read once."""
    with open(Path(__file__).with_name("catalogue.yaml"), encoding="utf-8") as handle:
        loaded: Mapping[str, Any] = yaml.safe_load(handle)
    return loaded


@lru_cache(maxsize=1)
def kinds() -> Mapping[str, Kind]:
    """Every kind by name, in catalogue order."""
    return {name: _kind(name, spec) for name, spec in data()["kinds"].items()}


def kind(name: str) -> Kind:
    try:
        return kinds()[name]
    except KeyError:
        raise UnknownKind(f"document kind {name!r} is not in the catalogue; known: {', '.join(kinds())}") from None


def kinds_for(code: str) -> tuple[Kind, ...]:
    """The kinds a finding code calls for (none for a finding no document rests on)."""
    return tuple(k for k in kinds().values() if code in k.findings)


def default_office() -> Office:
    spec = data()["office"]
    return Office(
        title=spec["title"],
        territory=spec["territory"],
        address=spec["address"],
        place=spec["place"],
        bank=spec["bank"],
        iban=spec["iban"],
        bic=spec["bic"],
        verify_url=spec["verify_url"],
    )


def label(table: str, code: str, lang: Lang) -> str:
    """A code's words in a language from one of the catalogue's tables; an unknown code is shown as given."""
    entry = data()[table].get(code)
    return str(entry[lang]) if entry else code


def _kind(name: str, spec: Mapping[str, Any]) -> Kind:
    if spec["upload"] not in UPLOAD_KINDS:
        raise ValueError(f"catalogue.yaml: kinds.{name}.upload {spec['upload']!r} is not one of {UPLOAD_KINDS}")
    if spec["scope"] not in ("case", "debtor"):
        raise ValueError(f"catalogue.yaml: kinds.{name}.scope must be case or debtor")
    return Kind(
        name=name,
        en=spec["en"],
        title={lang: spec[lang] for lang in LANGUAGES},
        scope=spec["scope"],
        upload=spec["upload"],
        action=spec["action"],
        findings=tuple(spec["findings"]),
        articles=tuple(spec["articles"]),
        lifts=tuple(spec.get("lifts", ())),
    )

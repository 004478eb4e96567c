"""Russian words in a text that should be Kazakh, found reliably.

Kazakh Cyrillic has every letter Russian has, so letters cannot tell; words can. The vocabulary is every Russian
word the world and the documents can produce — the Russian wording of every template, the catalogue's Russian
labels, the Russian names of the world's courts, bodies, creditors, cities and streets — less every word their
Kazakh counterparts also use (Республикасы, Sandyq …) and the people's names, which an act in either language
gives as the person's documents spell them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from docx import Document

from domain.documents.catalogue import data
from sandbox import names, parties
from sandbox.sites.aisep.cases import COURTS, POLICE
from sandbox.world import REGIONS
from sandbox.world_assets import TAX_KINDS

WORD = re.compile(r"[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]+")
WORDING = Path(__file__).resolve().parents[2] / "templates" / "wording.yaml"


def words(text: str) -> set[str]:
    return {w.lower() for w in WORD.findall(text)}


def russian_words(text: str, people: Iterable[str] = ()) -> set[str]:
    """The words of `text` that are Russian and not Kazakh; the names of `people` (a bailiff's «Оспанов Д.")
    taken out first, since a single letter of an initial cannot be told from Russian «д.» (дом)."""
    text = re.sub(r"\s+", " ", text)  # justified lines of a PDF space words out
    for name in people:
        text = re.sub(re.escape(name) + r"\w*", " ", text)  # with the case ending Kazakh puts on it
    return words(text) & russian_vocabulary()


@cache
def russian_vocabulary() -> frozenset[str]:
    ru, kk = _sources()
    people = words(" ".join(_people()))
    return frozenset(words(" ".join(ru)) - words(" ".join(kk)) - people)


def docx_text(data: bytes | Path) -> str:
    """Every paragraph, table cell and footer line of a DOCX."""
    doc = Document(str(data)) if isinstance(data, Path) else Document(__import__("io").BytesIO(data))
    parts = [p.text for p in doc.paragraphs]
    parts += [cell.text for table in doc.tables for row in table.rows for cell in row.cells]
    parts += [p.text for section in doc.sections for p in section.footer.paragraphs]
    return "\n".join(parts)


def _sources() -> tuple[list[str], list[str]]:
    """The Russian texts and their Kazakh counterparts."""
    ru: list[str] = []
    kk: list[str] = []
    wording = yaml.safe_load(WORDING.read_text(encoding="utf-8"))
    ru += list(_strings(wording["common"]["ru"])) + list(_strings([v["ru"] for v in wording["kinds"].values()]))
    kk += list(_strings(wording["common"]["kk"])) + list(_strings([v["kk"] for v in wording["kinds"].values()]))
    for table in data().values():
        if isinstance(table, dict) and {"ru", "kk"} <= set(table):  # the months
            ru += list(_strings(table["ru"]))
            kk += list(_strings(table["kk"]))
        elif isinstance(table, dict):
            for entry in table.values():
                if isinstance(entry, dict):
                    ru += list(_strings(entry.get("ru", "")))
                    kk += list(_strings(entry.get("kk", "")))
    world_names = [*COURTS, POLICE, *(parties.Words(kk, ru) for _, kk, ru in parties.CITIES)]
    world_names += [parties.Words(kk, ru) for kk, ru in parties.STREETS]
    world_names += [parties.Words(kk, ru) for kk, ru in REGIONS]
    world_names += [parties.Words(kk, ru) for _, kk, ru in TAX_KINDS]
    for party in (*parties.BANKS.values(), *parties.LENDERS, *parties.OTHERS, *parties.REVENUE_OFFICES):
        world_names += [parties.Words(party.name_kk, party.name_ru), party.address]
    ru += [w.ru for w in world_names] + [ru_unit for _, ru_unit in parties.PREMISES.values()]
    kk += [w.kk for w in world_names] + [kk_unit for kk_unit, _ in parties.PREMISES.values()]
    return ru, kk


def _people() -> Iterator[str]:
    for table in (names.KAZAKH_SURNAMES, names.RUSSIAN_SURNAMES, names.KAZAKH_MALE, names.KAZAKH_FEMALE):
        yield from (cyrillic for cyrillic, _ in table)
    for table in (names.RUSSIAN_MALE, names.RUSSIAN_FEMALE):
        yield from (cyrillic for cyrillic, _ in table)
    for root in (*names.KAZAKH_PATRONYMIC_ROOTS, *names.RUSSIAN_PATRONYMIC_ROOTS):
        for female in (False, True):
            yield names.patronymic(root, female, kazakh=root in names.KAZAKH_PATRONYMIC_ROOTS)
    for surname, _ in (*names.KAZAKH_SURNAMES, *names.RUSSIAN_SURNAMES):
        yield names.feminine_surname(surname)


def _strings(value: Any) -> Iterable[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)

"""What an element looked like at the last good pre-flight, and how much an element of today's page looks like it.

A fingerprint keeps what survives a redesign better than an id: the tag and role, the words a person reads next to
it (its label, its column's header, the heading above it, its neighbours), in Kazakh and Russian as the site showed
them. A person's data never goes in: shown text is kept only as its shape (`Аа 9999`), and only the words the site
prints for everyone (labels, headings, hidden notices) are kept as they are.

When a selector breaks, `rank` scores every element of the current page against the fingerprint and proposes the
best as selectors; a person accepts one into the selector file (`runner.py check --accept`). Nothing here is ever
used by a bot on its own.
"""

from __future__ import annotations

from difflib import SequenceMatcher
from typing import Literal

from pydantic import BaseModel, Field

Form = Literal["unique", "local", "group"]  # one element; a cell found inside each row; every row of a list


class Words(BaseModel):
    """The words around an element in one language."""

    label: str = ""
    text: str = ""
    heading: str = ""
    before: str = ""
    after: str = ""


class Features(BaseModel):
    """An element as the page shows it; `selectors` are the ways to select it (unique, local, group)."""

    tag: str
    role: str = ""
    id: str = ""
    classes: list[str] = Field(default_factory=list)
    name: str = ""
    type: str = ""
    hidden: bool = False
    lang: str = ""
    words: Words = Words()
    selectors: dict[str, str] = Field(default_factory=dict)
    claimed_by: list[str] = Field(default_factory=list)  # elements of the same page already found here


class Fingerprint(BaseModel):
    """An element at the last good check: its features, the selector that found it and how many it matched."""

    selector: str
    count: int = 1
    tag: str
    role: str = ""
    id: str = ""
    classes: list[str] = Field(default_factory=list)
    name: str = ""
    type: str = ""
    hidden: bool = False
    words: dict[str, Words] = Field(default_factory=dict)  # by language: kk, ru

    @classmethod
    def of(cls, features: Features, selector: str, count: int, before: Fingerprint | None = None) -> Fingerprint:
        """The fingerprint of an element found by `selector`, keeping the other language's words of the last one."""
        words = dict(before.words) if before else {}
        words[features.lang or "kk"] = features.words
        return cls(
            selector=selector,
            count=count,
            **features.model_dump(include={"tag", "role", "id", "classes", "name", "type", "hidden"}),
            words=words,
        )


class Proposal(BaseModel):
    """A selector that may replace a broken one, with its score (0–1) and what it points at."""

    selector: str
    score: float
    tag: str
    label: str = ""


def form_of(selector: str, tag: str) -> Form:
    """How a selector file selects the element: rows as a group, the cells read inside each row by their own class
    (a selector not anchored at an id), the rest by id."""
    if tag in ("tr", "li"):
        return "group"
    if not selector.startswith("#"):
        return "local"
    return "unique"


# What counts how much: the words a person reads weigh most, ids least (they are what a redesign renames).
WEIGHTS = {
    "tag": 3.0,
    "role": 1.0,
    "type": 1.0,
    "name": 1.5,
    "id": 1.0,
    "classes": 1.0,
    "hidden": 0.5,
    "label": 4.0,
    "text": 2.0,
    "heading": 1.0,
    "before": 1.0,
    "after": 1.0,
}


def similarity(fingerprint: Fingerprint, element: Features) -> float:
    """0 (nothing alike) to 1 (alike in everything the fingerprint knows); fields the fingerprint lacks don't count."""
    parts: list[tuple[str, float]] = [("tag", float(fingerprint.tag == element.tag))]
    parts.append(("hidden", float(fingerprint.hidden == element.hidden)))
    for key in ("role", "type"):
        ours = getattr(fingerprint, key)
        if ours:
            parts.append((key, float(ours == getattr(element, key))))
    for key in ("name", "id"):
        ours = getattr(fingerprint, key)
        if ours:
            parts.append((key, text_alike(ours, getattr(element, key))))
    if fingerprint.classes:
        parts.append(("classes", _classes_alike(fingerprint.classes, element.classes)))
    words = _words_for(fingerprint, element)
    for key in ("label", "text", "heading", "before", "after"):
        ours = getattr(words, key)
        if ours:
            parts.append((key, text_alike(ours, getattr(element.words, key))))
    total = sum(WEIGHTS[key] for key, _ in parts)
    return sum(WEIGHTS[key] * score for key, score in parts) / total


def rank(fingerprint: Fingerprint, page: list[Features], element: str = "", top: int = 3) -> list[Proposal]:
    """The page's elements most like the fingerprint, best first, as selectors of the fingerprint's form; elements
    another element of the page already claims are left out, and one selector is proposed once."""
    scored = sorted(
        ((similarity(fingerprint, f), i, f) for i, f in enumerate(page) if not f.claimed_by or element in f.claimed_by),
        key=lambda t: (-t[0], t[1]),
    )
    out: list[Proposal] = []
    form = form_of(fingerprint.selector, fingerprint.tag)
    for score, _, features in scored:
        selector = _selector(features, form)
        if selector and selector not in {p.selector for p in out}:
            out.append(Proposal(selector=selector, score=round(score, 3), tag=features.tag, label=features.words.label))
        if len(out) == top:
            break
    return out


def text_alike(a: str, b: str) -> float:
    a, b = " ".join(a.casefold().split()), " ".join(b.casefold().split())
    if not a or not b:
        return float(a == b)
    return SequenceMatcher(None, a, b).ratio()


def _classes_alike(ours: list[str], theirs: list[str]) -> float:
    if not theirs:
        return 0.0
    return sum(max(text_alike(c, t) for t in theirs) for c in ours) / len(ours)


def _words_for(fingerprint: Fingerprint, element: Features) -> Words:
    """The fingerprint's words in the page's language, else in the language closest to what the page says."""
    if element.lang in fingerprint.words:
        return fingerprint.words[element.lang]
    if not fingerprint.words:
        return Words()
    return max(fingerprint.words.values(), key=lambda w: text_alike(w.label, element.words.label))


def _selector(features: Features, form: Form) -> str:
    order: list[str] = [form, "unique", "local", "group"]
    return next((features.selectors[f] for f in order if features.selectors.get(f)), "")

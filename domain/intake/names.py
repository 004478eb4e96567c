"""Whether a read name looks like a name: what OCR makes of a letter it cannot read (a bracket, a question mark,
a Latin letter inside a Cyrillic word, a Kazakh patronymic without its Kazakh letters) is caught here, so a
misread name goes to a person instead of into a proceeding."""

from __future__ import annotations

import re

_ALLOWED = re.compile(r"^[\w\s\-«»\"'.,()№]+$")
_QUOTED = re.compile(r"«([^«»]*)»")
_PATRONYMIC_SUFFIXES = ("ұлы", "қызы", "ович", "евич", "ич", "овна", "евна", "ична", "инична")
_FLATTENED_SUFFIXES = ("улы", "кызы")  # «Мұратқызы» read as «Мураткызы»: its Kazakh letters lost


def _script(word: str) -> str:
    letters = [ch for ch in word if ch.isalpha()]
    latin = sum(ch.isascii() for ch in letters)
    if not letters:
        return "none"
    return "latin" if latin == len(letters) else "cyrillic" if latin == 0 else "mixed"


def why_doubtful_name(name: str, *, person: bool) -> str | None:
    """None for a name that looks right, else why not (in English, for the log; no personal data)."""
    if not _ALLOWED.match(name) or any(ch.isdigit() or ch == "_" for ch in name if person):
        return "a character no name has"
    words = name.split()
    if any(_script(word) == "mixed" for word in words):
        return "Latin and Cyrillic letters in one word"
    for quoted in _QUOTED.findall(name):
        scripts = {_script(word) for word in quoted.split()} - {"none"}
        if len(scripts) > 1:
            return "Latin and Cyrillic words in one quoted name"
    if person:
        if not 2 <= len(words) <= 4 or any(not word[:1].isupper() for word in words):
            return "not a surname, name and patronymic"
        last = words[-1].lower()
        if last.endswith(_FLATTENED_SUFFIXES) and not last.endswith(_PATRONYMIC_SUFFIXES):
            return "a Kazakh patronymic without its Kazakh letters"
    return None

"""Evidence fit to keep: a saved trace, page or file with every known secret and every other person's IIN masked.

The browser side keeps secrets and other items out of the evidence in the first place (sign-in on a context that
is never traced, a fresh trace per attempt, pages emptied between items); this is the check behind it. A secret is
looked for as typed and in the forms a browser or a trace writes it in: URL-encoded (a form body), JSON-escaped (a
trace event, a JSON body), HTML-escaped (a snapshot). An IIN is a 12-digit run with a valid date and check digit;
the item's own IINs stay, any other is masked as 9001******23. Binary entries (images) cannot be masked in place
and are dropped when they hold a secret or another IIN.
"""

from __future__ import annotations

import html
import json
import os
import re
import tempfile
import zipfile
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote, quote_plus

from domain.iin import is_valid_iin
from orynda.masking import mask_iin

SECRET_MASK = b"*****"
_TWELVE_DIGITS = re.compile(rb"(?<!\d)\d{12}(?!\d)")
_HEX = frozenset(b"0123456789abcdefABCDEF")
_HASH_LENGTH = 32  # a digit run inside a hex token this long is part of a hash (a trace's resource names), no IIN


@dataclass
class Redacted:
    """What was masked in one piece of evidence, for the evidence itself to say."""

    secrets: int = 0
    iins: int = 0
    entries: list[str] = field(default_factory=list)  # zip entries changed
    dropped: list[str] = field(default_factory=list)  # binary zip entries left out

    def __bool__(self) -> bool:
        return bool(self.secrets or self.iins or self.dropped)

    def add(self, other: Redacted) -> None:
        self.secrets += other.secrets
        self.iins += other.iins
        self.entries += other.entries
        self.dropped += other.dropped

    def as_dict(self) -> dict[str, Any]:
        return {"secrets": self.secrets, "other_iins": self.iins, "entries": self.entries, "dropped": self.dropped}


def encodings(secret: str) -> list[bytes]:
    """The forms a secret takes in a request body, a trace event or a page snapshot, longest first."""
    forms: set[str] = {secret, quote(secret, safe=""), quote_plus(secret), html.escape(secret, quote=True)}
    for text in list(forms):
        once = json.dumps(text)[1:-1]
        forms |= {once, json.dumps(text, ensure_ascii=False)[1:-1], json.dumps(once)[1:-1]}
    return sorted({f.encode("utf-8") for f in forms if f}, key=lambda b: (-len(b), b))


def secret_patterns(secrets: Iterable[str]) -> list[bytes]:
    """Every encoding of every secret, longest first, so a longer form is masked before a shorter one inside it."""
    return sorted({form for s in secrets if s for form in encodings(s)}, key=lambda b: (-len(b), b))


def redact_bytes(data: bytes, patterns: Sequence[bytes], own_iins: Collection[str]) -> tuple[bytes, Redacted]:
    """The data with every secret form masked and every valid IIN not in own_iins masked; counts what was."""
    found = Redacted()
    for pattern in patterns:
        if pattern in data:
            found.secrets += data.count(pattern)
            data = data.replace(pattern, SECRET_MASK)
    own = {iin.encode() for iin in own_iins}

    def mask(match: re.Match[bytes]) -> bytes:
        digits = match.group()
        if digits in own or _inside_hash(data, match.start(), match.end()) or not is_valid_iin(digits.decode()):
            return digits
        found.iins += 1
        return mask_iin(digits.decode()).encode()

    return _TWELVE_DIGITS.sub(mask, data), found


def redact_file(path: Path, patterns: Sequence[bytes], own_iins: Collection[str]) -> Redacted:
    """Masks a text file (page.html) in place."""
    data = path.read_bytes()
    clean, found = redact_bytes(data, patterns, own_iins)
    if found:
        _replace(path, clean)
    return found


def redact_zip(path: Path, patterns: Sequence[bytes], own_iins: Collection[str]) -> Redacted:
    """Masks every entry of a zip (a Playwright trace) and rewrites it when anything was masked."""
    found = Redacted()
    kept: list[tuple[zipfile.ZipInfo, bytes]] = []
    with zipfile.ZipFile(path) as archive:
        for info in archive.infolist():
            data = archive.read(info)
            clean, hits = redact_bytes(data, patterns, own_iins)
            if hits and _binary(data):
                found.dropped.append(info.filename)
                continue
            if hits:
                found.add(hits)
                found.entries.append(info.filename)
            kept.append((info, clean))
    if found:
        fd, name = tempfile.mkstemp(dir=path.parent, suffix=".zip")
        os.close(fd)
        with zipfile.ZipFile(name, "w", zipfile.ZIP_DEFLATED) as archive:
            for info, data in kept:
                archive.writestr(info.filename, data)
        os.replace(name, path)
    return found


def _inside_hash(data: bytes, start: int, end: int) -> bool:
    while start > 0 and data[start - 1] in _HEX:
        start -= 1
    while end < len(data) and data[end] in _HEX:
        end += 1
    return end - start >= _HASH_LENGTH


def _binary(data: bytes) -> bool:
    return b"\x00" in data[:8192]


def _replace(path: Path, data: bytes) -> None:
    fd, name = tempfile.mkstemp(dir=path.parent)
    with os.fdopen(fd, "wb") as out:
        out.write(data)
    os.replace(name, path)

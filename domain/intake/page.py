"""A document's text as the parser sees it: lines of words, each word with the reader's confidence 0..1.

A text layer gives every word confidence 1; OCR gives each word Tesseract's own. Fields take their confidence
from the words they are read from, so a doubtful word makes a doubtful field.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Word:
    text: str
    confidence: float


@dataclass(frozen=True)
class Line:
    words: tuple[Word, ...]

    @property
    def text(self) -> str:
        return " ".join(word.text for word in self.words)


@dataclass(frozen=True)
class Page:
    """The text of a document; `ocr` says it was read from an image (so a missing label may be a misreading)."""

    lines: tuple[Line, ...]
    ocr: bool = False

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)

    @property
    def mean_confidence(self) -> float:
        words = [word.confidence for line in self.lines for word in line.words]
        return sum(words) / len(words) if words else 0.0


def page_from_text(text: str, *, confidence: float = 1.0, ocr: bool = False) -> Page:
    """A page from plain text (a text layer): every word with the same confidence; blank lines are kept empty."""
    return Page(
        tuple(Line(tuple(Word(part, confidence) for part in raw.split())) for raw in text.splitlines()),
        ocr,
    )

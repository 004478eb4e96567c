"""The text of an executive document's PDF, for domain.intake to read its details from.

A PDF with a text layer (what the court cabinet sends) is read with pypdf: every word certain. A scan has no
text: its page is rendered (pypdfium2), straightened (the skew that makes the rows of text sharpest, found on a
small copy) and read by Tesseract with its Kazakh and Russian models, and the English one for the Latin names
of banks and companies («Sandyq Bank»: without it they come out as Cyrillic nonsense), each word with
Tesseract's confidence. Every word of six or more digits and no letter (IINs, BINs, sums, dates) is read
a second time, cut out and digits only; when the two readings differ the word's confidence is zero, so a
doubtful number never passes for a sure one.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from typing import Any

import numpy as np
import pypdfium2
import pytesseract
from PIL import Image
from pypdf import PdfReader

from domain.intake.decision import Decision, decide
from domain.intake.fields import read_fields
from domain.intake.page import Line, Page, Word, page_from_text

OCR_LANGUAGES = "kaz+rus+eng"  # kaz first: its alphabet holds the Russian one too
OCR_DPI = 200  # the scans are 200 dpi; more is slower and reads no better
MIN_TEXT_LETTERS = 40  # fewer letters in the text layer than this: the PDF is a scan (perhaps with a stray mark)
SKEW_LIMIT = 5.0  # degrees either way a scanner turns a page


@dataclass(frozen=True)
class ReadPage:
    """A document's text with how it was got: `source` "text_layer" or "ocr", the skew corrected (degrees),
    the words' mean confidence and how many fell below 0.8, and the page image (PNG) for a person to compare."""

    page: Page
    source: str
    skew_degrees: float
    mean_confidence: float
    doubtful_words: int
    image_png: bytes | None


def read_pdf(pdf: bytes) -> ReadPage:
    """The text of every page: the text layer when there is one, else OCR of the straightened pages."""
    text = "\n".join((page.extract_text() or "") for page in PdfReader(io.BytesIO(pdf)).pages)
    if sum(ch.isalpha() for ch in text) >= MIN_TEXT_LETTERS:
        page = page_from_text(text)
        return ReadPage(page, "text_layer", 0.0, 1.0, 0, None)
    return _ocr(pdf)


def read_document(pdf: bytes) -> tuple[ReadPage, Decision]:
    """Read a PDF and decide on it: the text as read and the domain's decision with every field."""
    read = read_pdf(pdf)
    return read, decide(read_fields(read.page))


def _ocr(pdf: bytes) -> ReadPage:
    lines: list[Line] = []
    skews, first_png = [], None
    for image in _pages(pdf):
        skew = estimate_skew(image)
        straight = image.rotate(-skew, resample=Image.Resampling.BICUBIC, fillcolor=255) if abs(skew) > 0.05 else image
        skews.append(skew)
        lines += _ocr_lines(straight)
        if first_png is None:
            out = io.BytesIO()
            straight.save(out, "PNG", optimize=False)
            first_png = out.getvalue()
    page = Page(tuple(lines), ocr=True)
    words = [word.confidence for line in lines for word in line.words]
    mean = sum(words) / len(words) if words else 0.0
    skew = max(skews, key=abs) if skews else 0.0
    return ReadPage(page, "ocr", round(skew, 2), round(mean, 4), sum(c < 0.8 for c in words), first_png)


def _pages(pdf: bytes) -> list[Image.Image]:
    document = pypdfium2.PdfDocument(pdf)
    try:
        return [page.render(scale=OCR_DPI / 72, grayscale=True).to_pil().convert("L") for page in document]
    finally:
        document.close()


def estimate_skew(image: Image.Image) -> float:
    """The angle (degrees, counter-clockwise positive as PIL turns) the page was turned by: the rotation back
    that makes the rows of ink sharpest (the largest variance of the row sums), on a copy 600 pixels wide."""
    small = image.convert("L")
    small = small.resize((600, max(1, round(600 * small.height / small.width))), Image.Resampling.BILINEAR)
    ink = Image.fromarray((np.asarray(small) < 160).astype(np.uint8) * 255)

    def sharpness(angle: float) -> float:
        turned = np.asarray(ink.rotate(-angle, resample=Image.Resampling.NEAREST, fillcolor=0), dtype=np.float32)
        return float(np.var(turned.sum(axis=1)))

    coarse = max(np.arange(-SKEW_LIMIT, SKEW_LIMIT + 0.01, 0.5), key=sharpness)
    fine = max(np.arange(coarse - 0.5, coarse + 0.51, 0.05), key=sharpness)
    return float(round(fine, 2))


def _ocr_lines(image: Image.Image) -> list[Line]:
    data: dict[str, list[Any]] = pytesseract.image_to_data(
        image, lang=OCR_LANGUAGES, config="--oem 1 --psm 4", output_type=pytesseract.Output.DICT
    )
    rows: list[list[tuple[str, float, tuple[int, int, int, int]]]] = []
    key: tuple[int, int, int] | None = None
    for i, text in enumerate(data["text"]):
        text = text.strip()
        if not text or float(data["conf"][i]) < 0:
            continue
        here = (data["block_num"][i], data["par_num"][i], data["line_num"][i])
        if key is not None and here != key and here[:2] != key[:2]:
            rows.append([])  # a new paragraph: a blank line, as in a text layer
        if here != key:
            rows.append([])
        key = here
        box = (data["left"][i], data["top"][i], data["width"][i], data["height"][i])
        rows[-1].append((text, float(data["conf"][i]) / 100, box))
    numbers = [(r, w) for r, row in enumerate(rows) for w, (text, _, _) in enumerate(row) if _is_number(text)]
    agreed = _second_reading(image, [rows[r][w] for r, w in numbers])
    sure = dict(zip(numbers, agreed))
    return [
        Line(tuple(Word(text, conf if sure.get((r, w), True) else 0.0) for w, (text, conf, _) in enumerate(row)))
        for r, row in enumerate(rows)
    ]


def _is_number(text: str) -> bool:
    """An IIN, a BIN, a date, a sum's part or a case number of digits: six digits or more and no letter."""
    return sum(ch.isdigit() for ch in text) >= 6 and not any(ch.isalpha() for ch in text)


def _second_reading(image: Image.Image, words: list[tuple[str, float, tuple[int, int, int, int]]]) -> list[bool]:
    """Whether each number word reads the same a second time: the words cut out, stacked one under another
    and read in one go with digits only (one Tesseract call a page, not one a word)."""
    if not words:
        return []
    crops = []
    for _, _, (left, top, width, height) in words:
        pad = max(6, height // 3)
        crops.append(image.crop((max(0, left - pad), max(0, top - pad), left + width + pad, top + height + pad)))
    gap = 30
    sheet = Image.new("L", (max(c.width for c in crops) + 2 * gap, sum(c.height + gap for c in crops) + gap), 255)
    y = gap
    for crop in crops:
        sheet.paste(crop, (gap, y))
        y += crop.height + gap
    again = pytesseract.image_to_string(
        sheet, lang="eng", config="--oem 1 --psm 6 -c tessedit_char_whitelist=0123456789.,/-"
    )
    read = [line for line in again.splitlines() if line.strip()]
    if len(read) != len(words):
        return [False] * len(words)  # the sheet did not read line for line: no number is taken as sure
    return [re.sub(r"\D", "", first) == re.sub(r"\D", "", second) for (first, _, _), second in zip(words, read)]

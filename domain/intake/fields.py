"""The details of an executive document read from its text, each with a confidence 0..1.

The page is read top down as courts lay out a writ: the issuer above the title, the title (which says the kind
and the language), then labelled details («ЖСН: …», «Сумма взыскания: …»). A label opens a field; lines without
a label continue the field before them where a value may run on (names, addresses, the operative part, the sum in
words). Section labels (debtor, creditor) say whose IIN and address follow. Labels are data (intake.yaml) and are
matched loosely, so OCR's small slips in a label do not lose its value.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from difflib import SequenceMatcher, get_close_matches
from functools import cache
from typing import Any

from domain.data import table
from domain.iin import normal_iin
from domain.intake.issuers import match_issuer
from domain.intake.numbers import amount_from_digits, number_words
from domain.intake.page import Line, Page, Word

FIELDS = (
    "court",
    "case_number",
    "decision_date",
    "issue_date",
    "in_force_date",
    "debtor_name",
    "debtor_iin",
    "debtor_birth_date",
    "debtor_address",
    "creditor_name",
    "creditor_id",
    "amount",
    "amount_words",
    "currency",
    "alimony_share",
    "periodic",
    "category",
)
KINDS = ("writ", "court_order", "alimony_order", "admin_fine", "notary_inscription")
LABEL_MATCH = 0.84  # how alike a line's head and a label must be (difflib ratio) to count as that label
TITLE_MATCH = 0.85
# fields whose value may run on to the next lines (a long name, an address, the operative part, the sum in words)
_RUNS_ON = frozenset(
    {"debtor_name", "creditor_name", "debtor_address", "creditor_address", "operative", "amount_words", "alimony_share"}
)
# Latin letters and digits OCR puts for Cyrillic letters; labels have no digits, so «1с №» is «іс №»
_LOOKALIKES = str.maketrans("aceopxykmthbi1", "асеорхукмтнвіі")


@dataclass(frozen=True)
class Field:
    """A detail as read: its value (empty when not found), how sure the reading is, and whether it was seen."""

    value: str
    confidence: float
    found: bool


@dataclass(frozen=True)
class Reading:
    """What a document says: its kind and language (None when the title could not be read) and every field."""

    kind: str | None
    language: str | None
    fields: Mapping[str, Field]
    ocr: bool = False
    page_confidence: float = 1.0

    def value(self, name: str) -> str:
        return self.fields[name].value

    def with_field(self, name: str, field: Field) -> Reading:
        return replace(self, fields={**self.fields, name: field})


def reading_from_data(data: Mapping[str, str], kind: str, language: str) -> Reading:
    """A structured document's fields as the court cabinet sends them: read with certainty, checked all the same."""
    fields = {name: Field(str(data.get(name, "") or ""), 1.0, bool(data.get(name))) for name in FIELDS}
    return Reading(kind, language, fields)


def read_fields(page: Page) -> Reading:
    """Every field of FIELDS from a page's text; a field not found is empty, with the page's confidence that it
    is really absent (certain on a text layer, as sure as the OCR was on a scan)."""
    lines = list(page.lines)
    title = _find_title(lines)
    raw: dict[str, tuple[str, float]] = {}
    kind, language, body_from = None, None, 0
    if title is not None:
        at, span, kind, language, title_confidence = title
        court_lines = [line for line in lines[:at] if line.text.strip()]
        if court_lines:
            raw["court"] = (" ".join(line.text.strip() for line in court_lines), _confidence(_words(court_lines)))
        body_from = at + span
        raw["kind"] = (kind, title_confidence)
    raw.update(_labelled(lines[body_from:]))
    language = language or _language(page.text)
    absent = 1.0 if not page.ocr else page.mean_confidence
    fields = {name: Field("", absent, False) for name in FIELDS}
    for name, field in _normalised(raw, kind, language).items():
        fields[name] = field
    return Reading(kind, language, fields, page.ocr, page.mean_confidence)


def normal_label(text: str) -> str:
    """Lower case, Latin look-alikes as Cyrillic, one space: the form labels are compared in."""
    text = text.lower().replace("ё", "е").translate(_LOOKALIKES)
    return " ".join(text.replace(":", " ").split()).strip(" .,;")


@cache
def _labels() -> tuple[tuple[str, str], ...]:
    """(normal label, field), longest first so «сумма прописью» wins over «сумма»."""
    pairs = [(normal_label(alias), name) for name, aliases in table("intake")["labels"].items() for alias in aliases]
    return tuple(sorted(pairs, key=lambda pair: -len(pair[0])))


def _label_of(head: str) -> str | None:
    head = normal_label(head)
    if not head:
        return None
    best, best_ratio = None, LABEL_MATCH
    for label, name in _labels():
        if head == label:
            return name
        ratio = SequenceMatcher(None, head, label).ratio()
        if ratio > best_ratio:
            best, best_ratio = name, ratio
    return best


def _find_title(lines: Sequence[Line]) -> tuple[int, int, str, str, float] | None:
    """(line index, lines spanned, kind, language, confidence) of the title among the first lines."""
    titles = [
        (normal_label(text), kind, ("kk", "ru")[k])
        for kind, texts in table("intake")["titles"].items()
        for k, text in enumerate(texts)
    ]
    best: tuple[float, int, int, str, str] | None = None
    for at in range(min(len(lines), 12)):
        for span in (1, 2, 3):
            chunk = list(lines[at : at + span])
            if not chunk[0].text.strip() or not chunk[-1].text.strip():
                continue
            text = normal_label(" ".join(line.text for line in chunk))
            for title, kind, language in titles:
                ratio = SequenceMatcher(None, text, title).ratio()
                if ratio >= TITLE_MATCH and (best is None or ratio > best[0]):
                    best = (ratio, at, span, kind, language)
    if best is None:
        return None
    ratio, at, span, kind, language = best
    return at, span, kind, language, ratio * _confidence(_words(lines[at : at + span]))


def _labelled(lines: Sequence[Line]) -> dict[str, tuple[str, float]]:
    """Raw values by field from the labelled lines after the title."""
    raw: dict[str, tuple[str, float]] = {}
    section, current = "", ""
    parts: list[str] = []
    confidences: list[float] = []

    def close() -> None:
        if current and current not in raw:
            raw[current] = (" ".join(parts).strip(), _confidence(confidences))

    for line in lines:
        text = line.text.strip()
        if not text:
            close()
            current = ""
            continue
        opened = _open(line)
        if opened is None:
            if current in _RUNS_ON:
                parts.append(text)
                confidences += [w.confidence for w in line.words]
            else:
                close()
                current = ""
            continue
        close()
        label, value, words = opened
        if label in ("debtor", "creditor"):
            section = label
        current = _field_name(label, section)
        parts, confidences = [value], [w.confidence for w in words]
    close()
    return raw


def _field_name(label: str, section: str) -> str:
    if label == "debtor":
        return "debtor_name"
    if label == "creditor":
        return "creditor_name"
    if label == "id":
        return "creditor_id" if section == "creditor" else "debtor_iin"
    if label == "birth_date":
        return "debtor_birth_date" if section != "creditor" else "creditor_birth_date"
    if label == "address":
        return "creditor_address" if section == "creditor" else "debtor_address"
    return label


def _open(line: Line) -> tuple[str, str, list[Word]] | None:
    """(label, value, the value's words) when the line starts with a label, else None."""
    text = line.text
    number = _case_number(line)
    if number is not None:
        return number
    head, colon, _ = text.partition(":")
    if not colon:
        return None
    label = _label_of(head)
    if label is None:
        return None
    words, start = [], 0
    for word in line.words:  # the words after the colon, and a word the colon is inside of («ЖСН:7708…»)
        end = start + len(word.text)
        if start > len(head) or (start <= len(head) < end - 1):
            words.append(word)
        start = end + 1
    return label, text[len(head) + 1 :].strip(), words


_NUMBER_SIGN = re.compile(r"^(.*?)\s*(?:№|N[o°e9]|Н[оe]|Ne)\s*[:.]?\s*(\S.*)$")


def _case_number(line: Line) -> tuple[str, str, list[Word]] | None:
    match = _NUMBER_SIGN.match(line.text.strip())
    if not match:
        return None
    head = normal_label(match.group(1) + " №")
    if not any(_alike(head, normal_label(alias)) for alias in table("intake")["case_number"]):
        return None
    value = match.group(2).strip()
    return "case_number", value, [word for word in line.words if word.text in value.split()] or list(line.words)


def _alike(a: str, b: str) -> bool:
    return a == b or SequenceMatcher(None, a, b).ratio() >= LABEL_MATCH


def _words(lines: Sequence[Line]) -> list[float]:
    return [word.confidence for line in lines for word in line.words]


def _confidence(values: Sequence[float]) -> float:
    """A value is as sure as its words: half their mean, half the least sure of them (one bad digit matters)."""
    if not values:
        return 0.0
    return round((sum(values) / len(values) + min(values)) / 2, 4)


def _normalised(raw: Mapping[str, tuple[str, float]], kind: str | None, language: str | None) -> dict[str, Field]:
    """Raw texts into the FIELDS formats; a value that does not fit its format keeps little confidence."""
    out: dict[str, Field] = {}
    for name, (text, confidence) in raw.items():
        if name in ("decision_date", "issue_date", "in_force_date", "debtor_birth_date"):
            out[name] = _date(text, confidence)
        elif name in ("debtor_iin", "creditor_id"):
            out[name] = _identifier(text, confidence)
        elif name == "amount":
            out.update(_amount(text, confidence))
        elif name == "amount_words":
            out[name] = _amount_words(text, confidence, language)
        elif name == "alimony_share":
            share = re.search(r"(\d)\s*/\s*(\d)", text)
            out[name] = Field(f"{share.group(1)}/{share.group(2)}", confidence, True) if share else Field("", 0.0, True)
        elif name == "periodic":
            out[name] = _periodic(text, confidence)
        elif name == "court":
            out[name] = _court(text, confidence)
        elif name == "debtor_address":
            out[name] = _snapped(text.strip(" ,;"), confidence, "address_words", language)
        elif name in ("case_number", "debtor_name", "creditor_name"):
            out[name] = Field(" ".join(text.split()).strip(" ,;"), confidence if text else 0.0, True)
    out["category"] = _category(kind, raw)
    return out


def _date(text: str, confidence: float) -> Field:
    match = re.search(r"(\d{2})\s*[.,]\s*(\d{2})\s*[.,]\s*(\d{4})", text)
    if not match:
        return Field("", 0.0, True)
    day, month, year = (int(group) for group in match.groups())
    try:
        dt.date(year, month, day)
    except ValueError:
        return Field("", 0.0, True)
    return Field(f"{day:02d}.{month:02d}.{year}", confidence, True)


_DIGIT_LOOKALIKES = str.maketrans({"О": "0", "о": "0", "O": "0", "o": "0", "З": "3", "б": "6", "l": "1", "I": "1"})


def _identifier(text: str, confidence: float) -> Field:
    """An IIN or BIN: twelve digits; letters OCR reads for digits are put back at a cost to the confidence."""
    text = re.sub(r"^\W+|\W+$", "", text)
    digits = normal_iin(text)
    if not digits.isdigit():
        fixed = normal_iin(text.translate(_DIGIT_LOOKALIKES))
        if fixed.isdigit() and len(fixed) == 12:
            return Field(fixed, confidence * 0.5, True)
        return Field(digits, 0.0, True)
    return Field(digits, confidence if len(digits) == 12 else 0.0, True)


def _amount(text: str, confidence: float) -> dict[str, Field]:
    amount = amount_from_digits(text)
    currency = _currency(text)
    return {
        "amount": Field(f"{amount:.2f}", confidence, True) if amount is not None else Field("", 0.0, True),
        "currency": Field(currency, confidence if currency else 0.0, True),
    }


def _amount_words(text: str, confidence: float, language: str | None) -> Field:
    """The sum in words, each word put right when OCR slipped a letter of a number or currency word."""
    return _snapped(text.replace(",", " ").strip(" .;:"), confidence, "amount_words", language)  # no comma in words


@cache
def _vocabulary(name: str, language: str) -> frozenset[str]:
    known = frozenset(str(word) for word in table("intake")["known_words"][name][language])
    return known | number_words(language) if name == "amount_words" else known


def _snapped(text: str, confidence: float, vocabulary: str, language: str | None) -> Field:
    """Words one letter off a known word (intake.yaml `known_words`), or written in Latin look-alikes of one, are
    that word: «пэтер» is «пәтер», «KB.» is «кв.», «тенге» in a Kazakh sum «теңге». Each word put right costs a
    little confidence."""
    if language is None:
        return Field(" ".join(text.split()), confidence, True)
    known = _vocabulary(vocabulary, language)
    out, changed = [], 0
    for token in text.split():
        core = token.rstrip(",;:")
        stem, dash, tail = core.partition("-")  # «54-пэтер»: the number stays, the word is compared
        word = tail if dash and stem.isdigit() else core
        if word and word.lower() not in known and not word.isdigit() and not _proper_noun(word):
            candidate = word.lower().translate(_LOOKALIKES)
            near = [candidate] if candidate in known else get_close_matches(candidate, known, n=1, cutoff=0.8)
            if near and len(near[0]) == len(word):
                token = token.replace(word, near[0])
                changed += 1
        out.append(token)
    return Field(" ".join(out), confidence * (0.97**changed), True)


def _proper_noun(word: str) -> bool:
    """«Абай», «Самал-2»: a Cyrillic capital then small letters is a name, never put right to a common word."""
    return word[:1].isupper() and not word[:1].isascii() and word[1:] == word[1:].lower()


def _currency(text: str) -> str:
    lowered = normal_label(text)
    for code, words in table("intake")["currency"].items():
        if any(normal_label(word) in lowered for word in words):
            return str(code)
    return ""


def _periodic(text: str, confidence: float) -> Field:
    lowered = normal_label(text)
    for answer, words in table("intake")["periodic"].items():
        if any(_alike(lowered, normal_label(word)) or normal_label(word) in lowered for word in words):
            return Field(str(answer), confidence, True)
    return Field("", 0.0, True)


def _court(text: str, confidence: float) -> Field:
    """The issuer as the reference list names it when the text is that name, nearly letter for letter."""
    name, ratio = match_issuer(text)
    if name is not None:
        return Field(name, confidence * ratio, True)
    return Field(" ".join(text.split()), confidence, True)


def _category(kind: str | None, raw: Mapping[str, tuple[str, float]]) -> Field:
    data: Mapping[str, Any] = table("intake")
    if kind in data["category_by_kind"]:
        return Field(str(data["category_by_kind"][kind]), raw.get("kind", ("", 1.0))[1], True)
    operative, confidence = raw.get("operative", ("", 0.0))
    lowered = operative.lower()
    for row in data["categories"]:
        if any(word in lowered for word in row["words"]):
            return Field(str(row["category"]), confidence, True)
    return Field("other", confidence, bool(operative))


def _language(text: str) -> str:
    """Kazakh when the text has the letters only Kazakh has."""
    kazakh = sum(text.count(letter) for letter in "әғқңөұүһіӘҒҚҢӨҰҮҺІ")
    return "kk" if kazakh > 5 else "ru"

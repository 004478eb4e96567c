"""Writes templates/documents/<kind>.<lang>.docx from templates/wording.yaml with python-docx.

The .docx files are the templates a lawyer edits in Word (docxtpl: Jinja fields such as {{ amount_words }} and
paragraph conditions {%p if fee %}); this script made their first versions and can make them again:

    python templates/build_templates.py            # every kind and language (overwrites edits made in Word)
    python templates/build_templates.py notice     # one kind

Layout: A4, DejaVu Serif (it has ә ғ қ ң ө ұ ү һ і and ships with fonts-dejavu-core), the issuing office on top,
the title and number, date and place, the reasoning and the operative part, the signature and the QR seal.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import yaml
from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt
from docx.table import Table
from docx.text.paragraph import Paragraph

HERE = Path(__file__).resolve().parent
OUT = HERE / "documents"
FONT = "DejaVu Serif"
LANG_TAGS = {"kk": "kk-KZ", "ru": "ru-RU"}
JUSTIFY, CENTER, RIGHT = WD_ALIGN_PARAGRAPH.JUSTIFY, WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.RIGHT


def build(kind: str, lang: str, wording: dict[str, Any]) -> Path:
    common = wording["common"][lang]
    footer = (wording.get("footers") or {}).get(kind, {}).get(lang, common["footer"])
    doc = _new_document(lang, footer)
    _office(doc, lang)
    for style, text in wording["kinds"][kind][lang]:
        _line(doc, style, _expand(text, common))
    _signature(doc, common["signature"])
    _seal(doc, common["qr"])
    doc.core_properties.author = "Orynda"
    doc.core_properties.title = kind
    doc.core_properties.language = LANG_TAGS[lang]
    OUT.mkdir(exist_ok=True)
    path = OUT / f"{kind}.{lang}.docx"
    doc.save(str(path))
    return path


def _expand(text: str, common: dict[str, str]) -> str:
    """Shared passages ({preamble}, {law_of}, {appeal}…) put in place; Jinja's {{ … }} left alone; a number stays
    on the line of its sign (№ and a no-break space)."""
    for _ in range(2):  # a passage may name another (the preamble is followed by the law's name)
        for name, passage in common.items():
            text = text.replace("{" + name + "}", passage)
    return text.replace("№ ", "№\u00a0")


def _new_document(lang: str, footer: str) -> DocumentObject:
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Cm(1.5), Cm(1.5)
    section.footer_distance = Cm(0.8)
    section.left_margin, section.right_margin = Cm(2.5), Cm(1.5)
    normal = doc.styles["Normal"]
    normal.font.name, normal.font.size = FONT, Pt(10)
    fonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)
    lang_el = OxmlElement("w:lang")
    lang_el.set(qn("w:val"), LANG_TAGS[lang])
    normal.element.get_or_add_rPr().append(lang_el)
    normal.paragraph_format.space_after, normal.paragraph_format.line_spacing = Pt(2), 1.0
    foot = section.footer.paragraphs[0]
    foot.alignment = CENTER
    _run(foot, footer, size=7.5)
    return doc


def _office(doc: DocumentObject, lang: str) -> None:
    """Art. 10 p.2 subs. 1 and 3: who issues the act, for which territory, at which address."""
    first, second = (
        ("{{ territory }}", "{{ office_title|upper }}")
        if lang == "kk"
        else ("{{ office_title|upper }}", "{{ territory }}")
    )
    _run(_para(doc, CENTER, after=0), first, bold=lang == "ru")
    _run(_para(doc, CENTER, after=0), second, bold=lang == "kk")
    _run(_para(doc, CENTER, after=10), "{{ office_address }}", size=8.5)


def _line(doc: DocumentObject, style: str, text: str) -> None:
    if style == "title":
        _run(_para(doc, CENTER, before=6, after=0), text, bold=True, size=13)
    elif style == "subtitle":
        _run(_para(doc, CENTER, after=2), text, bold=True)
        _run(_para(doc, CENTER, after=6), "№ {{ act }}", bold=True)
        _date_and_place(doc)
    elif style == "to":
        paragraph = _para(doc, None, after=8)
        paragraph.paragraph_format.left_indent = Cm(9)
        _run(paragraph, text, italic=True)
    elif style == "head":
        _run(_para(doc, CENTER, before=4, after=4), text, bold=True)
    elif style in ("p", "n"):
        paragraph = _para(doc, JUSTIFY)
        paragraph.paragraph_format.first_line_indent = Cm(1)
        _run(paragraph, text)
    elif style == "if":
        _para(doc, None).add_run(f"{{%p if {text} %}}")
    elif style == "endif":
        _para(doc, None).add_run("{%p endif %}")
    else:
        raise ValueError(f"wording.yaml: unknown style {style!r}")


def _date_and_place(doc: DocumentObject) -> None:
    table = _borderless(doc, (8.5, 8.5))
    _run(table.cell(0, 0).paragraphs[0], "{{ date_long }}")
    right = table.cell(0, 1).paragraphs[0]
    right.alignment = RIGHT
    _run(right, "{{ place }}")
    _para(doc, None, after=2)


def _signature(doc: DocumentObject, title: str) -> None:
    _para(doc, None, after=4)
    table = _borderless(doc, (10.0, 7.0))
    _run(table.cell(0, 0).paragraphs[0], title, bold=True)
    right = table.cell(0, 1).paragraphs[0]
    right.alignment = RIGHT
    _run(right, "__________  {{ bailiff }}", bold=True)


def _seal(doc: DocumentObject, caption: str) -> None:
    """The QR code (number + SHA-256 of the content) with a line saying what it carries."""
    _para(doc, None, after=2)
    table = _borderless(doc, (2.8, 14.2))
    _run(table.cell(0, 0).paragraphs[0], "{{ qr }}")
    _run(table.cell(0, 1).paragraphs[0], caption, size=7)


def _borderless(doc: DocumentObject, widths_cm: tuple[float, float]) -> Table:
    table = doc.add_table(rows=1, cols=2)
    table.autofit = False
    for column, cell, width in zip(table.columns, table.rows[0].cells, widths_cm):
        column.width = cell.width = Cm(width)  # the grid for LibreOffice, the cell for Word
    return table


def _para(doc: DocumentObject, align: Any, *, before: float = 0, after: float = 3) -> Paragraph:
    paragraph = doc.add_paragraph()
    if align is not None:
        paragraph.alignment = align
    paragraph.paragraph_format.space_before, paragraph.paragraph_format.space_after = Pt(before), Pt(after)
    return paragraph


def _run(
    paragraph: Paragraph, text: str, *, bold: bool = False, italic: bool = False, size: float | None = None
) -> None:
    run = paragraph.add_run(text)
    run.bold, run.italic = bold or None, italic or None
    if size:
        run.font.size = Pt(size)


def main(argv: list[str]) -> None:
    wording = yaml.safe_load((HERE / "wording.yaml").read_text(encoding="utf-8"))
    for kind in argv or list(wording["kinds"]):
        for lang in ("kk", "ru"):
            print(build(kind, lang, wording))


if __name__ == "__main__":
    main(sys.argv[1:])

"""Executive documents laid out as PDF pages: a text layer as the court cabinet sends them, or a scan of the paper
original (the page as an image, slightly turned, with a stamp, a signature and the scanner's noise)."""

from __future__ import annotations

import datetime as dt
import io
import logging
import math
import random
import tempfile
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pypdfium2
from fontTools import subset
from fpdf import FPDF
from fpdf.enums import TextMode
from PIL import Image, ImageDraw, ImageFont

if TYPE_CHECKING:
    from sandbox.court_documents import Plan

FONT_DIR = "/usr/share/fonts/truetype/dejavu"
FONT = f"{FONT_DIR}/DejaVuSerif.ttf"
FONT_BOLD = f"{FONT_DIR}/DejaVuSerif-Bold.ttf"
FIXED_DATE = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)  # the same bytes for the same seed
SCAN_DPI = 200
# Latin, Latin-1, Cyrillic with the Kazakh letters, №, dashes and quotes: all a document writes
GLYPHS = (*range(0x20, 0x7F), *range(0xA0, 0x100), *range(0x400, 0x530), 0x2116, 0x2013, 0x2014, 0x201C, 0x201D)


logging.getLogger("fontTools.subset").setLevel(logging.ERROR)  # it names each table it drops


@cache
def _font() -> str:
    """DejaVu Serif cut down to the letters documents use, once per process: fpdf2 reads and embeds it in a few
    hundredths of a second instead of a tenth per document. One face only (the title is stroked for bold), since
    each embedded face costs as much again."""
    folder = Path(tempfile.mkdtemp(prefix="court-fonts-"))
    options = subset.Options()
    options.layout_features = ["kern"]
    options.hinting = False
    font = subset.load_font(FONT, options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=GLYPHS)
    subsetter.subset(font)
    target = folder / Path(FONT).name
    subset.save_font(font, str(target), options)
    font.close()
    return str(target)


def lines_of(plan: Plan, words: dict[str, Any]) -> list[tuple[str, str]]:
    """The page as (style, text) lines: style is center, title, line, gap, or sign."""
    lang, t, label = plan.language, plan.truth, words["labels"]

    def lab(key: str) -> str:
        return str(label[key][lang])

    out: list[tuple[str, str]] = [("center", t["court"]), ("gap", ""), ("title", words["titles"][plan.kind][lang])]
    if t["case_number"]:
        key = "register_number" if plan.kind == "notary_inscription" else "case_number"
        out.append(("center", f"{lab(key)} {t['case_number']}"))
    out.append(("gap", ""))
    decision_key = {"admin_fine": "decision_date_admin", "notary_inscription": "decision_date_notary"}
    if t["decision_date"]:
        out.append(("line", f"{lab(decision_key.get(plan.kind, 'decision_date'))}: {t['decision_date']}"))
    if t["in_force_date"]:
        out.append(("line", f"{lab('in_force_date')}: {t['in_force_date']}"))
    out.append(("line", f"{lab('issue_date')}: {t['issue_date']}"))
    out += [("gap", ""), ("line", f"{lab('debtor')}: {t['debtor_name']}")]
    if t["debtor_iin"]:
        out.append(("line", f"{lab('iin')}: {t['debtor_iin']}"))
    out.append(("line", f"{lab('birth_date')}: {t['debtor_birth_date']}"))
    if t["debtor_address"]:
        out.append(("line", f"{lab('address')}: {t['debtor_address']}"))
    out += [("gap", ""), ("line", f"{lab('creditor')}: {t['creditor_name']}")]
    out.append(("line", f"{lab('iin' if plan.creditor_is_person else 'bin')}: {t['creditor_id']}"))
    out += [("line", f"{lab('address')}: {plan.creditor_address}"), ("gap", "")]
    out.append(("line", f"{lab('operative')}: {words['subjects'][plan.subject][lang]}"))
    if t["amount"]:
        money = words["currency"][t["currency"]][lang]
        out.append(("line", f"{lab('amount')}: {spaced(t['amount'])} {money}"))
    if t["amount_words"]:
        out.append(("line", f"{lab('amount_words')}: {t['amount_words']}"))
    if t["alimony_share"]:
        out.append(("line", f"{lab('alimony_share')}: {t['alimony_share']} {words['share_tail'][lang]}"))
    out.append(("line", f"{lab('periodic')}: {words['periodic'][t['periodic']][lang]}"))
    out += [
        ("gap", ""),
        ("gap", ""),
        ("sign", f"{words['signers'][plan.issuer_kind][lang]}  ____________  {plan.signer}"),
    ]
    out.append(("line", lab("stamp")))
    if plan.form == "structured":
        out += [("gap", ""), ("small", f"{words['electronic'][lang]}. {plan.number}")]
    return out


def spaced(amount: str) -> str:
    """123456.78 → «123 456,78», as documents write sums."""
    whole, cents = amount.split(".")
    groups = []
    while whole:
        whole, group = whole[:-3], whole[-3:]
        groups.insert(0, group)
    return f"{' '.join(groups)},{cents}"


def render_pdf(plan: Plan, words: dict[str, Any]) -> bytes:
    """A one-page A4 PDF with a text layer (DejaVu Serif, which has every Kazakh letter)."""
    pdf = FPDF(format="A4")
    pdf.set_creation_date(FIXED_DATE)
    pdf.set_margins(22, 18, 18)
    pdf.set_auto_page_break(True, 15)
    pdf.add_font("Serif", "", _font())
    pdf.add_page()
    for style, text in lines_of(plan, words):
        if style == "gap":
            pdf.ln(4)
        elif style == "title":
            pdf.set_font("Serif", "", 14)
            pdf.text_mode = TextMode.FILL_STROKE
            pdf.set_line_width(0.35)
            pdf.multi_cell(0, 8, text, align="C", new_x="LMARGIN", new_y="NEXT")
            pdf.text_mode = TextMode.FILL
        elif style == "center":
            pdf.set_font("Serif", "", 11)
            pdf.multi_cell(0, 6, text, align="C", new_x="LMARGIN", new_y="NEXT")
        elif style == "small":
            pdf.set_font("Serif", "", 8)
            pdf.multi_cell(0, 5, text, new_x="LMARGIN", new_y="NEXT")
        else:
            pdf.set_font("Serif", "", 11)
            pdf.multi_cell(0, 6.5, text, align="L", new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def render_scan(pdf: bytes, rng: random.Random, plan: Plan) -> bytes:
    """The page printed, signed, stamped and scanned: an image-only PDF."""
    document = pypdfium2.PdfDocument(pdf)
    try:
        page = document[0].render(scale=SCAN_DPI / 72, grayscale=True).to_pil().convert("L")
    finally:
        document.close()
    _signature(page, rng)
    _stamp(page, rng, plan)
    page = page.rotate(rng.uniform(-2.0, 2.0), resample=Image.Resampling.BILINEAR, fillcolor=255)
    page = _noise(page, rng)
    out = io.BytesIO()
    page.save(
        out, "PDF", resolution=SCAN_DPI, quality=70, creationDate=FIXED_DATE.timetuple(), modDate=FIXED_DATE.timetuple()
    )
    return out.getvalue()


def _sign_row(page: Image.Image) -> int:
    """The pixel row of the signer's line: the last dark row band above the stamp mark, found on the page."""
    gray = np.asarray(page.convert("L"))
    rows = np.nonzero((gray < 128).sum(axis=1) > 0)[0]
    return int(rows.max()) if rows.size else page.height // 2


def _signature(page: Image.Image, rng: random.Random) -> None:
    """A scribble over the signer's line, within its height: a signature crosses the name, not the lines above."""
    draw = ImageDraw.Draw(page)
    line = _sign_row(page) - int(SCAN_DPI * 0.3)  # the signer's line, above the stamp mark (М.П.)
    x = int(page.width * rng.uniform(0.30, 0.40))
    points = []
    for step in range(40):
        x += rng.randrange(4, 12)
        points.append((x, line + int(16 * math.sin(step * rng.uniform(0.6, 1.2))) + rng.randrange(-5, 6)))
    draw.line(points, fill=60, width=3, joint="curve")


def _stamp(page: Image.Image, rng: random.Random, plan: Plan) -> None:
    radius = int(SCAN_DPI * 0.6)
    size = radius * 2 + 8
    stamp = Image.new("LA", (size, size), (0, 0))
    draw = ImageDraw.Draw(stamp)
    ink = (90, 150)
    c = size // 2
    draw.ellipse((4, 4, size - 4, size - 4), outline=ink, width=4)
    draw.ellipse((c - radius + 28, c - radius + 28, c + radius - 28, c + radius - 28), outline=ink, width=2)
    font = ImageFont.truetype(FONT_BOLD, 18)
    words = "ҚАЗАҚСТАН РЕСПУБЛИКАСЫ" if plan.language == "kk" else "РЕСПУБЛИКА КАЗАХСТАН"
    for k, letter in enumerate(words):
        angle = math.pi * (1.05 + 0.9 * k / max(1, len(words) - 1))
        draw.text((c + (radius - 16) * math.cos(angle), c + (radius - 16) * math.sin(angle)), letter, ink, font, "mm")
    draw.text((c, c), "М.П." if plan.language == "ru" else "М.О.", ink, font, "mm")
    stamp = stamp.rotate(rng.uniform(-30, 30), resample=Image.Resampling.BILINEAR)
    bottom = _sign_row(page)
    x = int(page.width * rng.uniform(0.08, 0.2))
    # over the stamp mark (М.П.) and the signer's line, as a seal is pressed
    page.paste(stamp.getchannel("L"), (x, bottom - size // 2 - int(SCAN_DPI * 0.1)), stamp.getchannel("A"))


def _noise(page: Image.Image, rng: random.Random) -> Image.Image:
    """Scanner grain and a few specks, a seeded grain field shifted by the document's own stream (JPEG adds its
    own blur); one field per process keeps a scan at a few milliseconds."""
    pixels = np.asarray(page, dtype=np.int16)
    field = _grain(pixels.shape)
    shift = (rng.randrange(pixels.shape[0]), rng.randrange(pixels.shape[1]))
    pixels = pixels + np.roll(field, shift, axis=(0, 1))
    return Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))


@cache
def _grain(shape: tuple[int, ...]) -> Any:
    noise = np.random.default_rng(7)
    field = (noise.standard_normal(shape, dtype=np.float32) * 9).astype(np.int16)
    field[noise.random(shape, dtype=np.float32) < 0.0008] = -200  # dark specks
    return field

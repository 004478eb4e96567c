"""Reading generated executive documents back: text layers exact in every field, scans by OCR exact in the IIN and
the sum or sent to a person, the skew of a turned page found."""

from __future__ import annotations

import io

import pypdfium2
import pytest
from PIL import Image

from domain.intake.decision import ACCEPT, REVIEW, decide
from domain.intake.fields import FIELDS, reading_from_data
from orynda.intake_reading import estimate_skew, read_document, read_pdf
from sandbox.court_documents import CourtDocument, court_documents


@pytest.fixture(scope="module")
def documents() -> list[CourtDocument]:
    return court_documents(42, 90)


def _sample(documents: list[CourtDocument], form: str) -> list[CourtDocument]:
    """One unflawed document of each kind and language that the form has among the ninety."""
    seen, out = set(), []
    for document in documents:
        key = (document.kind, document.language)
        if document.form == form and not document.flaws and key not in seen:
            seen.add(key)
            out.append(document)
    return out


@pytest.mark.parametrize("form", ["structured", "text"])
def test_text_layers_read_every_field_exactly(documents: list[CourtDocument], form: str) -> None:
    sample = _sample(documents, form)
    assert len({d.kind for d in sample}) >= 4 and {d.language for d in sample} == {"kk", "ru"}
    for document in sample:
        read, decision = read_document(document.pdf)
        assert read.source == "text_layer"
        assert decision.values() == document.truth, document.number
        assert (decision.outcome, decision.kind, decision.language) == (ACCEPT, document.kind, document.language)


def test_structured_data_decides_like_its_pdf(documents: list[CourtDocument]) -> None:
    for document in [d for d in documents if d.form == "structured"]:
        assert document.data is not None
        from_data = decide(reading_from_data(document.data, document.kind, document.language))
        assert from_data.outcome == read_document(document.pdf)[1].outcome, document.number


def test_flawed_text_documents_are_never_accepted(documents: list[CourtDocument]) -> None:
    for document in [d for d in documents if d.form != "scan" and d.flaws]:
        decision = read_document(document.pdf)[1]
        assert decision.outcome != ACCEPT, (document.number, document.flaws)
        assert decision.values() == document.truth  # read as printed, flaw and all


def test_scans_are_read_by_ocr_and_never_accepted_with_a_wrong_iin_or_sum(documents: list[CourtDocument]) -> None:
    scans = [d for d in documents if d.form == "scan" and not d.flaws][:2]
    for document in scans:
        read, decision = read_document(document.pdf)
        assert read.source == "ocr" and read.image_png is not None
        values = decision.values()
        if decision.outcome == ACCEPT:
            assert (values["debtor_iin"], values["amount"]) == (document.truth["debtor_iin"], document.truth["amount"])
        exact = sum(values[name] == document.truth[name] for name in FIELDS)
        assert exact >= len(FIELDS) - 3, (document.number, decision.reasons)


def test_a_scan_with_a_wrong_check_digit_goes_to_a_person(documents: list[CourtDocument]) -> None:
    scan = next(d for d in documents if d.form == "scan" and d.flaws == ("iin_check_digit",))
    decision = read_document(scan.pdf)[1]
    assert decision.outcome == REVIEW
    assert any(reason.startswith(("iin_check_digit", "low_confidence:debtor_iin")) for reason in decision.reasons)


@pytest.mark.parametrize("angle", [-1.8, -0.7, 0.0, 1.2])
def test_the_skew_of_a_turned_page_is_found(documents: list[CourtDocument], angle: float) -> None:
    text = next(d for d in documents if d.form == "text")
    document = pypdfium2.PdfDocument(text.pdf)
    page = document[0].render(scale=150 / 72, grayscale=True).to_pil().convert("L")
    document.close()
    turned = page.rotate(angle, resample=Image.Resampling.BILINEAR, fillcolor=255)
    assert estimate_skew(turned) == pytest.approx(angle, abs=0.15)


def test_a_pdf_without_text_is_read_as_a_scan() -> None:
    image = Image.new("L", (800, 1100), 255)
    out = io.BytesIO()
    image.save(out, "PDF", resolution=100)
    read = read_pdf(out.getvalue())
    assert read.source == "ocr"
    assert read.page.text.strip() == ""

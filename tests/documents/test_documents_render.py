"""Documents as files, read back: the DOCX by python-docx, the PDF (rendered by LibreOffice) by pypdf and PyMuPDF.
The Kazakh letters must be drawn from a font that has them, not merely present in the text layer."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pymupdf
import pytest
from docx import Document
from pypdf import PdfReader

from domain.documents import LANGUAGES, default_office, document_fields
from orynda.schema import DocumentRecord
from tests.documents.conftest import Issued
from tests.documents.examples import FILER, NAME

KAZAKH = "әғқңөұүһі"
KINDS = [
    "opening",
    "property_arrest",
    "wage_levy",
    "account_arrest",
    "exit_ban",
    "exit_ban_lift",
    "arrest_lift",
    "notice",
    "registry_request",
]


def plain(text: str) -> str:
    """Whitespace as one space (no-break spaces and line ends included), so wrapped phrases compare."""
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


def docx_text(path: str | None) -> str:
    assert path is not None
    doc = Document(path)
    parts = [p.text for p in doc.paragraphs]
    parts += [cell.text for table in doc.tables for row in table.rows for cell in row.cells]
    parts += [p.text for section in doc.sections for p in section.footer.paragraphs]
    return plain("\n".join(parts))


def pdf_text(path: str | None) -> str:
    assert path is not None
    return plain("\n".join(page.extract_text() or "" for page in PdfReader(path).pages))


def documents(issued: Issued) -> list[tuple[str, DocumentRecord, dict[str, object]]]:
    out = []
    for act in issued.acts:
        for record in act.documents:
            fields = document_fields(
                act.draft,
                issued.debtor_of(act),
                record.language,  # type: ignore[arg-type]
                number=record.number,
                act=record.act,
                on=record.issued_on,
                office=default_office(),
                bailiff=FILER,
            )
            out.append((act.draft.kind.name, record, fields))
    return out


def test_one_act_of_every_kind_in_both_languages(issued: Issued) -> None:
    assert sorted({a.draft.kind.name for a in issued.acts}) == sorted(KINDS)
    for act in issued.acts:
        assert [r.language for r in act.documents] == list(LANGUAGES)
        assert len({r.act for r in act.documents}) == 1 and all(r.sealed_at for r in act.documents)


def test_arrests_read_back_their_sized_amounts_in_docx_and_pdf(issued: Issued) -> None:
    """Art. 55 p.5: every arrest act prints what it secures and the limit all arrests keep within, in both files."""
    checked = 0
    for kind, record, fields in documents(issued):
        if kind not in ("account_arrest", "property_arrest"):
            continue
        for text in (docx_text(record.docx_path), pdf_text(record.pdf_path)):
            for key in ("arrest", "arrest_words", "limit", "limit_words", "arrest_fee", "arrest_costs"):
                assert plain(str(fields[key])) in text, (record.number, key)
        checked += 1
    assert checked == 2 * 3  # the account, the car and the flat, each in Kazakh and Russian


def test_docx_reads_back_its_fields(issued: Issued) -> None:
    checked = 0
    for _kind, record, fields in documents(issued):
        text = docx_text(record.docx_path)
        for key in (
            "act",
            "amount",
            "amount_words",
            "debtor_iin",
            "proceeding",
            "bailiff",
            "date_long",
            "office_address",
        ):
            assert plain(str(fields[key])) in text, (record.number, key)
        assert any(plain(str(fields[key])) in text for key in ("debtor_name", "debtor_of", "debtor_to", "debtor_from"))
        assert "{{" not in text and "{%" not in text, record.number
        doc = Document(str(record.docx_path))
        assert (doc.core_properties.subject, doc.core_properties.keywords) == (record.act, record.content_sha256)
        assert len(doc.inline_shapes) == 1, "the QR code"
        checked += 1
    assert checked == 2 * len(issued.acts) >= 16


@pytest.mark.parametrize(
    ("kind", "purpose", "phrases"),
    [
        pytest.param(
            "opening",
            "",
            {
                "ru": ["ПОСТАНОВЛЕНИЕ", "о возбуждении исполнительного производства", "статьями 10 и 37 Закона"],
                "kk": ["ҚАУЛЫ", "атқарушылық іс жүргізуді қозғау туралы", "10 және 37-баптарын"],
            },
            id="art_37_opening",
        ),
        pytest.param(
            "property_arrest",
            "",
            {
                "ru": [
                    "пункту 2 статьи 32 Закона",
                    "VIN JTNB11HK103456789",
                    "в пределах суммы 1 374 752,57 ₸",
                    "не превышают 1 419 753,07 ₸",
                    "частного судебного исполнителя 185 185,18 ₸",
                ],
                "kk": [
                    "32-бабының 2-тармағына",
                    "VIN JTNB11HK103456789",
                    "1 374 752,57 ₸ (бір миллион үш жүз жетпіс төрт мың жеті жүз елу екі теңге 57 тиын) сомасы шегінде",
                    "жиынтығында 1 419 753,07 ₸",
                ],
            },
            id="art_32_55_property_within_what_the_money_leaves",
        ),
        pytest.param(
            "wage_levy",
            "",
            {
                "ru": [
                    "Работодателю: ТОО «Жұмыс», БИН 940140000385",
                    "не более 50 %",
                    "250 000,00 ₸ (двести пятьдесят тысяч тенге 00 тиын)",
                ],
                "kk": ["Жұмыс берушіге: «Жұмыс» ЖШС", "95-бабының 1-тармағына"],
            },
            id="art_93_95_wages",
        ),
        pytest.param(
            "account_arrest",
            "",
            {
                "ru": ["№ KZ12345678901234567", "статьёй 98 Закона", "в пределах суммы 45 000,50 ₸"],
                "kk": ["№ KZ12345678901234567 банктік шотындағы ақшаға 45 000,50 ₸", "жиынтығында 1 419 753,07 ₸"],
            },
            id="art_32_55_accounts_within_the_balance",
        ),
        pytest.param(
            "exit_ban",
            "",
            {
                "ru": ["извещением № ORY-2026-000900, направленным 16.11.2026", "подлежит санкционированию судом"],
                "kk": ["№ ORY-2026-000900 хабарламамен", "сотпен санкцияланады"],
            },
            id="art_33_restriction_after_warning",
        ),
        pytest.param(
            "exit_ban_lift",
            "",
            {"ru": ["Снять временное ограничение на выезд из Республики Казахстан"], "kk": ["шектеу алынып тасталсын"]},
            id="art_47_lift",
        ),
        pytest.param(
            "arrest_lift",
            "",
            {
                "ru": ["Снять аресты, наложенные в отношении должника", "арест банковских счетов", "в банки"],
                "kk": ["салынған тыйым алынып тасталсын", "банк шоттарына тыйым", "банктерге"],
            },
            id="art_47_arrests_lifted",
        ),
        pytest.param(
            "notice",
            "voluntary",
            {
                "ru": [
                    "в течение пяти календарных дней",
                    "до 30.11.2026 включительно",
                    "KZ86125KZT5004100100",
                    "185 185,18 ₸",
                ],
                "kk": ["бес күнтізбелік күн ішінде", "30.11.2026 қоса алғанда"],
            },
            id="art_37_p4_notice_what_to_whom_by_when_how",
        ),
        pytest.param(
            "notice",
            "exit_ban_warning",
            {
                "ru": ["до 02.12.2026 включительно, с 03.12.2026"],
                "kk": ["02.12.2026 қоса алғанда", "03.12.2026 бастап"],
            },
            id="art_33_warning_notice",
        ),
        pytest.param(
            "registry_request",
            "",
            {
                "ru": ["подпункта 3) пункта 1 статьи 126", "не позднее 30.11.2026"],
                "kk": ["126-бабы 1-тармағының 3) тармақшасы", "30.11.2026 кешіктірмей"],
            },
            id="art_126_request",
        ),
    ],
)
def test_pdf_text_says_what_the_law_asks(
    issued: Issued, kind: str, purpose: str, phrases: dict[str, list[str]]
) -> None:
    act = issued.act(kind, purpose)
    for record in act.documents:
        text = pdf_text(record.pdf_path)
        assert record.act in text and record.number not in text  # both versions carry the act's one number
        for phrase in phrases[record.language]:
            assert plain(phrase) in text, (record.number, phrase)


def test_pdf_has_the_amount_in_digits_and_words_in_both_languages(issued: Issued) -> None:
    for _kind, record, fields in documents(issued):
        text = pdf_text(record.pdf_path)
        assert plain(f"{fields['amount']} ({fields['amount_words']})") in text, record.number
        names = (str(fields[key]) for key in ("debtor_name", "debtor_of", "debtor_to", "debtor_from"))
        assert NAME.split()[0] in text and any(plain(name) in text for name in names), record.number


def test_kazakh_letters_are_drawn_from_a_font_that_has_them(issued: Issued) -> None:
    font_file = subprocess.run(
        ["fc-match", "-f", "%{file}", "DejaVu Serif"], capture_output=True, text=True, check=True
    ).stdout
    installed = pymupdf.Font(fontfile=font_file)
    assert all(installed.has_glyph(ord(letter)) for letter in KAZAKH), font_file
    for act in issued.acts:
        kk = act.documents[0]
        assert kk.language == "kk" and kk.pdf_path
        drawn: dict[str, set[str]] = {}
        with pymupdf.open(kk.pdf_path) as pdf:
            for page in pdf:
                for span in page.get_texttrace():
                    for char in span["chars"]:
                        letter = chr(char[0])
                        if letter in KAZAKH:
                            assert char[1] > 0, f"{kk.number}: {letter} drawn as .notdef in {span['font']}"
                            drawn.setdefault(letter, set()).add(span["font"])
        assert set(drawn) == set(KAZAKH), f"{kk.number} lacks {set(KAZAKH) - set(drawn)}"
        assert all(font.startswith("DejaVuSerif") for fonts in drawn.values() for font in fonts), drawn
        assert set(KAZAKH) <= set(pdf_text(kk.pdf_path))


def test_each_document_is_one_page(issued: Issued) -> None:
    for act in issued.acts:
        for record in act.documents:
            assert len(PdfReader(str(record.pdf_path)).pages) == 1, record.number


def test_files_are_named_by_number_in_the_run_folder(issued: Issued) -> None:
    names = sorted(p.name for p in issued.folder.iterdir())
    numbers = sorted(r.number for a in issued.acts for r in a.documents)
    assert names == sorted([f"{n}.docx" for n in numbers] + [f"{n}.pdf" for n in numbers])
    assert all(Path(str(r.pdf_path)).parent == issued.folder.resolve() for a in issued.acts for r in a.documents)

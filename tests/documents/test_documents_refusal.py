"""The decision refusing to open proceedings (art. 38) on a returned executive document: its fields in Kazakh and
Russian (every one a template names, a detail the document lacks said to be not stated), its files read back, and
its number given once by the register however often the document is returned."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from docxtpl import DocxTemplate

from domain.documents import LANGUAGES, DocumentDataError, Refusal, default_office, refusal_fields
from orynda.database import make_engine
from orynda.documents import DocumentRegister, issue_refusal
from orynda.documents.render import TEMPLATES
from tests.documents.examples import FILER, ON
from tests.documents.test_documents_render import docx_text, pdf_text

VALUES = {
    "court": "Алматы қаласы Алмалы аудандық соты",
    "case_number": "",  # the detail it lacks
    "decision_date": "05.10.2026",
    "debtor_name": "Сейтов Арман Болатұлы",
    "debtor_iin": "621106360329",
    "creditor_name": "«Тұран Коммунал» ЖШС",
    "amount": "125400.50",
}
REFUSAL = Refusal(
    incoming="ИД-2026-000078",
    received=dt.date(2026, 11, 23),
    kind="writ",
    values=VALUES,
    reason={"kk": "міндетті деректеме жоқ: Іс нөмірі", "ru": "отсутствует обязательный реквизит: Номер дела"},
    ground="missing_details",
)


def _fields(lang: str, refusal: Refusal = REFUSAL) -> dict[str, str | bool]:
    return refusal_fields(
        refusal,
        lang,  # type: ignore[arg-type]
        number=f"ORY-2026-000001-{lang.upper()}",
        act="ORY-2026-000001",
        on=ON,
        office=default_office(),
        bailiff=FILER,
    )


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_field_the_refusal_template_names_is_computed(lang: str) -> None:
    wanted = DocxTemplate(str(TEMPLATES / f"opening_refusal.{lang}.docx")).get_undeclared_template_variables()
    wanted -= {"qr"}
    assert {"act", "incoming", "exec_number", "reason", "ground", "bailiff", "date_long", "amount"} <= wanted
    assert wanted <= set(_fields(lang)), sorted(wanted - set(_fields(lang)))


def test_the_refusal_names_the_document_its_reason_and_the_ground_in_both_languages() -> None:
    ru, kk = _fields("ru"), _fields("kk")
    assert ru["exec_kind"] == "исполнительный лист" and ru["exec_kind_of"] == "исполнительного листа"
    assert kk["exec_kind"] == "атқару парағы"
    assert ru["exec_number"] == "не указано" and kk["exec_number"] == "көрсетілмеген"  # what the document lacks
    assert ru["incoming"] == "ИД-2026-000078" and ru["received"] == "23.11.2026"
    assert ru["reason"] == "Отсутствует обязательный реквизит: Номер дела" and "38" in str(ru["ground"])
    assert "38-бабы" in str(kk["ground"]) and kk["reason"] == "Міндетті деректеме жоқ: Іс нөмірі"
    assert ru["amount"] == "125\u00a0400,50\u00a0₸" and "сто двадцать пять тысяч" in str(ru["amount_words"])
    share = Refusal(**{**REFUSAL.__dict__, "values": {**VALUES, "amount": ""}})
    assert _fields("ru", share)["amount"] == ""  # an alimony share states no sum: the paragraph is left out


def test_a_refusal_without_its_reason_or_on_an_unknown_ground_is_not_drafted() -> None:
    with pytest.raises(DocumentDataError, match="reason.ru"):
        _fields("ru", Refusal(**{**REFUSAL.__dict__, "reason": {"kk": "x"}}))
    with pytest.raises(DocumentDataError, match="ground"):
        _fields("kk", Refusal(**{**REFUSAL.__dict__, "ground": "whim"}))


def test_the_refusal_is_issued_once_in_both_languages_and_reads_back(tmp_path: Path) -> None:
    register = DocumentRegister(make_engine(f"sqlite:///{tmp_path / 'orynda.db'}"))
    folder = tmp_path / "run" / "documents"

    def issue_it() -> tuple[object, ...]:
        return issue_refusal(
            register, REFUSAL, on=ON, office=default_office(), bailiff=FILER, folder=folder, run_id="run-1", seq=3
        )

    kk, ru = issue_it()
    assert (kk.language, ru.language) == ("kk", "ru") and kk.act == ru.act  # type: ignore[attr-defined]
    assert kk.kind == "opening_refusal" and kk.proceeding == "ИД-2026-000078"  # type: ignore[attr-defined]
    assert all(r.sealed_at and r.pdf_path for r in (kk, ru))  # type: ignore[attr-defined]
    made = sorted(p.name for p in folder.iterdir())
    again = issue_it()  # a rerun, or the same document returned again: the same act, no new file
    assert [r.number for r in again] == [kk.number, ru.number]  # type: ignore[attr-defined]
    assert sorted(p.name for p in folder.iterdir()) == made
    ru_pdf = pdf_text(ru.pdf_path)  # type: ignore[attr-defined]
    assert "ОБ ОТКАЗЕ В ВОЗБУЖДЕНИИ ИСПОЛНИТЕЛЬНОГО ПРОИЗВОДСТВА" in ru_pdf.upper()
    assert "ИД-2026-000078" in ru_pdf and "Номер дела" in ru_pdf and "статьи 38 Закона" in ru_pdf
    assert kk.act in ru_pdf  # type: ignore[attr-defined]
    kk_docx = docx_text(kk.docx_path)  # type: ignore[attr-defined]
    assert "қозғаудан бас тарту" in kk_docx and "Іс нөмірі" in kk_docx and "көрсетілмеген" in kk_docx
    register.engine.dispose()

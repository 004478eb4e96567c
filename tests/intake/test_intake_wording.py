"""What the intake flow writes for people: a return's ground with the details missing, and a held document's
reasons, in Kazakh and in Russian."""

from __future__ import annotations

import pytest

from domain.intake.decision import RETURN, REVIEW, decide
from domain.intake.fields import reading_from_data
from flows.intake import _reasons, _return_reason
from orynda.i18n import texts
from sandbox.court_documents import court_documents


@pytest.mark.parametrize(
    ("lang", "ground", "detail"),
    [("kk", "38-бабы", "Іс нөмірі"), ("ru", "ст. 38", "Номер дела")],
)
def test_a_return_cites_the_law_and_names_the_missing_detail(lang: str, ground: str, detail: str) -> None:
    document = court_documents(42, 1, start=77)[0]  # structured, without its case number
    assert document.flaws == ("missing_required_detail:case_number",) and document.data is not None
    decision = decide(reading_from_data(document.data, document.kind, document.language))
    assert decision.outcome == RETURN
    reason = _return_reason(texts(lang), decision)
    assert ground in reason and reason.endswith(detail)


@pytest.mark.parametrize(("lang", "words"), [("kk", "бақылау цифры"), ("ru", "контрольная цифра")])
def test_a_held_documents_reasons_read_in_the_offices_language(lang: str, words: str) -> None:
    document = court_documents(42, 1, start=67)[0]  # structured, a wrong IIN check digit
    assert document.flaws == ("iin_check_digit",) and document.data is not None
    decision = decide(reading_from_data(document.data, document.kind, document.language))
    assert decision.outcome == REVIEW and "iin_check_digit" in decision.reasons
    assert words in _reasons(texts(lang), decision)

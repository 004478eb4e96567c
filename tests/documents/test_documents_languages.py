"""A Kazakh act contains no Russian: every act of a demo night of the seeded world, rendered in Kazakh, is checked
for the Russian words the world and the templates can produce; its Russian version, for the same check's sake,
must be full of them. Both versions of an act carry the act's one number."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

from domain.checks.assets import DebtorFile, assess
from domain.documents import Draft, Sent, default_office, document_fields, exit_warning_fact, plan
from orynda.documents.render import render_docx, template_path
from orynda.documents.seal import Seal, content_sha256, qr_png
from sandbox.world import build_world
from tests.conftest import SEED
from tests.documents.russian import docx_text, russian_vocabulary, russian_words, words
from tests.world_records import debtor_files

ON = dt.date(2026, 11, 25)
DEMO_DEBTORS, DEMO_LIMIT = 1000, 40  # make demo: seed 42, 1,000 debtors, a night over 40 of bailiff1's
KINDS = {"opening", "property_arrest", "wage_levy", "account_arrest", "exit_ban", "exit_ban_lift", "arrest_lift"}
KINDS |= {"notice"}
KINDS |= {"registry_request"}


def demo_night() -> Iterator[tuple[Draft, DebtorFile]]:
    """The acts a demo night drafts, and the next night's exit restrictions after the warnings it sent; the first
    debtor's first proceeding also as AIS EP shows a proceeding no one opened yet (the opening decision)."""
    files = list(debtor_files(build_world(SEED, DEMO_DEBTORS)).values())[:DEMO_LIMIT]
    first = files[0]
    unopened = first.cases[0].model_copy(update={"actions": ()})
    files[0] = DebtorFile(first.iin, first.name, (unopened, *first.cases[1:]), *_assets(first))
    for debtor in files:
        warned = {exit_warning_fact(debtor.iin): Sent("ORY-2026-000001", ON - dt.timedelta(days=10))}
        for draft in plan(debtor, assess(debtor, ON), ON, warned):
            yield draft, debtor


def _assets(of: DebtorFile) -> tuple[object, ...]:
    return (of.properties, of.vehicles, of.tax, of.contributions, of.accounts)


def rendered(draft: Draft, debtor: DebtorFile, lang: str, serial: int) -> str:
    act = f"ORY-2026-{serial:06d}"
    fields = document_fields(
        draft,
        debtor,
        lang,
        number=f"{act}-{lang.upper()}",
        act=act,
        on=ON,
        office=default_office(),
        bailiff=draft.case.bailiff_name,  # type: ignore[arg-type]
    )
    seal = Seal(act, content_sha256(draft.kind.name, lang, fields), lang)
    data = render_docx(template_path(draft.kind.name, lang), fields, seal, qr_png(seal), title="", author="")
    return docx_text(data)


@pytest.fixture(scope="module")
def night() -> list[tuple[Draft, DebtorFile]]:
    return list(demo_night())


def test_the_demo_night_drafts_every_kind(night: list[tuple[Draft, DebtorFile]]) -> None:
    assert {d.kind.name for d, _ in night} == KINDS
    assert len(night) >= 60


def test_no_kazakh_act_of_the_night_has_a_russian_word(night: list[tuple[Draft, DebtorFile]]) -> None:
    found = {}
    for serial, (draft, debtor) in enumerate(night, start=1):
        kk, ru = rendered(draft, debtor, "kk", serial), rendered(draft, debtor, "ru", serial)
        people = (draft.case.bailiff_name, draft.case.debtor_name)
        if russian := russian_words(kk, people):
            found[f"{draft.kind.name} {draft.fact}"] = sorted(russian)
        assert len(russian_words(ru)) >= 15, (draft.kind.name, sorted(russian_words(ru)))  # the check can see
        number = f"ORY-2026-{serial:06d}"
        assert number in kk and number in ru and f"{number}-" not in kk + ru  # one number, both versions
    assert found == {}


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Специализированный межрайонный экономический суд г. Шымкента", id="a_court"),
        pytest.param("взыскатель (алименты)", id="a_creditor_label"),
        pytest.param("ДГД (налоги)", id="a_tax_office_label"),
        pytest.param("Карагандинская обл., г. Караганда, ул. Абая, д. 10, кв. 5", id="an_address"),
        pytest.param("ТОО «Тұран Коммунал»", id="a_russian_legal_form"),
    ],
)
def test_the_check_sees_russian_names(text: str) -> None:
    assert russian_words(text), text


@pytest.mark.parametrize(
    "text",
    [
        "Қарағанды обл., Қарағанды қ., Абай көшесі, 10-үй, 5-пәтер",
        "«Тұран Коммунал» ЖШС",
        "Иванов Сергей Александрович",  # a person's name is spelled as the person's documents spell it
        "Алматы қаласы Алмалы аудандық соты",
    ],
)
def test_kazakh_names_pass(text: str) -> None:
    assert russian_words(text) == set(), sorted(russian_words(text))


def test_the_vocabulary_knows_the_russian_wording() -> None:
    vocabulary = russian_vocabulary()
    assert {"постановление", "взыскателя", "должника", "суд", "тоо"} <= vocabulary
    assert not vocabulary & words("Республикасы қаулы борышкер Sandyq")

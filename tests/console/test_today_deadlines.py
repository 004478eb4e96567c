"""The Today page when a term runs into a year without a calendar in domain/data: from about 26.12.2026 a notice's
voluntary term ends in 2027, whose calendar is not there yet. The page still renders, the deadline is unknown and
listed first, a note names the year and the table, in Kazakh and in Russian."""

from __future__ import annotations

import datetime as dt

import pytest
from starlette.testclient import TestClient

from domain.deadlines import voluntary_execution_deadline
from orynda import clock
from orynda.documents.numbering import DocumentRegister, Subject
from orynda.runstore import RunStore
from tests.console.conftest import World, log_in

FROZEN = dt.datetime(2026, 12, 28, 10, 0, tzinfo=clock.ALMATY)


def notice(world: World, name: str, proceeding: str, issued: dt.date) -> None:
    """A voluntary-execution notice in the register, issued on `issued`, for the world's first item."""
    store = RunStore(world.settings.db_url)
    subject = Subject("notice", "900101100001", name, proceeding, world.run_id, 1)
    DocumentRegister(store.engine).allocate(f"{proceeding}|voluntary", subject, issued)
    store.engine.dispose()


@pytest.fixture
def late_december(world: World, monkeypatch: pytest.MonkeyPatch) -> dt.date:
    monkeypatch.setattr(clock, "now", lambda: FROZEN)
    known_start = dt.date(2026, 12, 22)
    notice(world, "Иванов И.", "2026-12-0001", dt.date(2026, 12, 28))  # 5 days: into 2027
    notice(world, "Иванов И.", "2026-12-0002", known_start)
    return voluntary_execution_deadline(known_start).due


@pytest.mark.parametrize(
    ("lang", "unknown", "note"),
    [
        ("kk", "мерзімі белгісіз", "2027 жылдың күнтізбесі (демалыс күндерін ауыстыру, Құрбан айт) әлі деректерде жоқ"),
        ("ru", "срок неизвестен", "Календаря на 2027 год (переносы выходных дней, Курбан айт) в данных ещё нет"),
    ],
)
def test_a_term_into_a_year_without_calendar_is_unknown_not_a_failure(
    client: TestClient, world: World, late_december: dt.date, lang: str, unknown: str, note: str
) -> None:
    csrf = log_in(client, "dana")
    if lang == "ru":
        client.post("/language", data={"lang": "ru", "next": "/", "csrf": csrf})
    response = client.get("/")
    assert response.status_code == 200, response.text[:500]
    page = response.text
    assert unknown in page and note in page and "domain/data/holidays.yaml" in page
    assert f"<td>{late_december:%d.%m.%Y}</td>" in page  # the term that can be counted still shows its day
    rows = page[page.index('id="deadlines"') :]
    assert rows.index(unknown) < rows.index(f"{late_december:%d.%m.%Y}")  # the unknown one first
    assert rows.count(f"<td>{unknown}</td>") == 1  # one notice lacks its calendar; the note names it once

"""The register's numbers: a fact gets its number once, the two languages share the act, serials count per year,
and writers racing on one database never share a number nor give a fact two."""

from __future__ import annotations

import datetime as dt

from orynda.database import make_engine
from orynda.documents import DocumentRegister, Subject
from tests.threads import all_at_once

SUBJECT = Subject(
    kind="notice", debtor_iin="900101300811", debtor_name="Иванов", proceeding="2501-1", run_id="r1", item_seq=1
)
ON = dt.date(2026, 11, 25)


def register(database_url: str) -> DocumentRegister:
    return DocumentRegister(make_engine(database_url))


def test_same_fact_same_numbers(database_url: str) -> None:
    reg = register(database_url)
    first = [r.number for r in reg.allocate("fact-a", SUBJECT, ON)]
    again = [r.number for r in reg.allocate("fact-a", SUBJECT, ON + dt.timedelta(days=3))]
    assert first == again == ["ORY-2026-000001-KK", "ORY-2026-000001-RU"]


def test_a_new_fact_takes_the_next_serial(database_url: str) -> None:
    reg = register(database_url)
    reg.allocate("fact-a", SUBJECT, ON)
    assert [r.number for r in reg.allocate("fact-b", SUBJECT, ON)] == ["ORY-2026-000002-KK", "ORY-2026-000002-RU"]


def test_serials_count_per_year(database_url: str) -> None:
    reg = register(database_url)
    reg.allocate("fact-a", SUBJECT, ON)
    assert reg.allocate("fact-b", SUBJECT, dt.date(2027, 1, 4))[0].number == "ORY-2027-000001-KK"
    assert reg.allocate("fact-c", SUBJECT, ON)[0].number == "ORY-2026-000002-KK"


def test_a_second_process_sees_the_same_numbers(database_url: str) -> None:
    register(database_url).allocate("fact-a", SUBJECT, ON)
    other = register(database_url)  # another engine on the same database, as after a restart
    assert other.allocate("fact-a", SUBJECT, ON)[0].number == "ORY-2026-000001-KK"
    assert other.get("ORY-2026-000001-RU") is not None


def test_racing_writers_never_share_a_number(database_url: str) -> None:
    engines = [register(database_url) for _ in range(4)]

    def work(worker: int) -> list[tuple[str, str]]:
        facts = [f"fact-{n % 6}" if worker % 2 else f"fact-{worker}-{n}" for n in range(10)]  # shared and own facts
        return [(fact, row.number) for fact in facts for row in engines[worker].allocate(fact, SUBJECT, ON)]

    results = [pair for worker in all_at_once(len(engines), work) for pair in worker]
    rows = engines[0].documents()
    assert len({r.number for r in rows}) == len(rows)
    by_fact: dict[str, set[str]] = {}
    for fact, number in results:
        by_fact.setdefault(fact, set()).add(number)
    assert all(len(numbers) == 2 for numbers in by_fact.values())  # kk and ru, whoever asked
    serials = sorted({r.serial for r in rows})
    assert serials == list(range(1, len(serials) + 1)) and len(serials) == len(by_fact) == 6 + 2 * 10


def test_sent_is_the_first_filing_day(database_url: str) -> None:
    reg = register(database_url)
    kk, ru = reg.allocate("notice|debtor:900101300811|exit_ban_possible", SUBJECT, ON)
    assert reg.sent("900101300811") == {}
    reg.mark_filed(kk.number, "sha-kk")
    reg.mark_filed(kk.number, "sha-again")  # a second mark keeps the first filing
    sent = reg.sent("900101300811")
    assert list(sent) == ["notice|debtor:900101300811|exit_ban_possible"]
    assert sent["notice|debtor:900101300811|exit_ban_possible"].act == "ORY-2026-000001"
    assert reg.get(kk.number).filed_ref == "sha-kk"  # type: ignore[union-attr]
    assert reg.sent("061211600012") == {}

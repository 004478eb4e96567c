"""The audit chain: it verifies, and one changed byte, one deleted row or a swapped order is caught and named."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import delete, select, update
from sqlalchemy.engine import Engine

from orynda.audit import GENESIS, TABLE, AuditEntry, AuditLog, entry_hash
from orynda.database import transaction
from tests.threads import all_at_once


def _filled(engine: Engine, n: int = 5) -> AuditLog:
    log = AuditLog(engine)
    for i in range(1, n + 1):
        log.append("aliya", "approved", f"review:{i}", {"act": f"ORY-2026-00000{i}", "reason": "ок, верно"})
    return log


def _set(engine: Engine, row: int, **values: Any) -> None:
    with transaction(engine) as s:
        s.execute(update(TABLE).where(TABLE.c.id == row).values(**values))


def test_an_untouched_chain_verifies_and_each_entry_carries_the_hash_of_the_one_before(db: Engine) -> None:
    log = _filled(db)
    entries = log.entries()
    assert [e.id for e in entries] == [1, 2, 3, 4, 5]
    assert entries[0].prev_hash == GENESIS
    assert all(b.prev_hash == a.hash for a, b in zip(entries, entries[1:]))
    assert all(entry_hash(e) == e.hash for e in entries)
    check = log.verify()
    assert check.ok and check.entries == 5 and check.head == entries[-1].hash
    assert str(check).startswith("audit log intact: 5 entries")


def test_an_empty_log_verifies(lite: Engine) -> None:
    check = AuditLog(lite).verify()
    assert check.ok and check.entries == 0 and check.head is None


def test_one_changed_byte_in_a_detail_is_caught_and_named(db: Engine) -> None:
    log = _filled(db)
    _set(db, 3, detail={"act": "ORY-2026-000003", "reason": "ок, верна"})  # one letter of one row
    check = log.verify()
    assert not check.ok and check.bad_id == 3 and "altered" in check.reason
    assert str(check).startswith("audit log broken at entry 3: altered")


@pytest.mark.parametrize(
    "change",
    [{"actor": "bolat"}, {"action": "rejected"}, {"subject": "review:9"}],
)
def test_a_changed_column_is_caught(lite: Engine, change: dict[str, Any]) -> None:
    log = _filled(lite)
    _set(lite, 2, **change)
    assert (log.verify().ok, log.verify().bad_id) == (False, 2)


def test_a_changed_time_is_caught(lite: Engine) -> None:
    import datetime as dt

    log = _filled(lite)
    moment = log.entries()[1].at
    _set(lite, 2, at=moment + dt.timedelta(microseconds=1))
    assert log.verify().bad_id == 2


def test_a_deleted_middle_row_is_caught_and_named(db: Engine) -> None:
    log = _filled(db)
    with transaction(db) as s:
        s.execute(delete(TABLE).where(TABLE.c.id == 3))
    check = log.verify()
    assert not check.ok and check.bad_id == 3 and check.reason == "entry 3 is missing (the next present is 4)"


def test_deleted_rows_at_the_start_are_caught(lite: Engine) -> None:
    log = _filled(lite)
    with transaction(lite) as s:
        s.execute(delete(TABLE).where(TABLE.c.id <= 2))
    check = log.verify()
    assert check.bad_id == 1 and "entries 1…2 are missing" in check.reason


def test_a_swapped_order_is_caught_and_named(db: Engine) -> None:
    log = _filled(db)
    _set(db, 2, id=1000)
    _set(db, 3, id=2)
    _set(db, 1000, id=3)
    check = log.verify()
    assert not check.ok and check.bad_id == 2


def test_an_altered_entry_given_a_fresh_hash_is_caught_at_the_next_link(lite: Engine) -> None:
    log = _filled(lite)
    with transaction(lite) as s:
        entry = s.get_one(AuditEntry, 3)
        entry.detail = {"act": "ORY-2026-000003", "reason": "forged"}
        entry.hash = entry_hash(entry)
    check = log.verify()
    assert check.bad_id == 4 and "does not follow entry 3" in check.reason


def test_a_cut_tail_leaves_a_shorter_valid_chain_whose_head_differs(lite: Engine) -> None:
    log = _filled(lite)
    before = log.verify()
    with transaction(lite) as s:
        s.execute(delete(TABLE).where(TABLE.c.id == 5))
    after = log.verify()
    assert after.ok and (after.entries, after.head) != (before.entries, before.head)  # what a kept copy catches


def test_racing_writers_make_one_chain_without_gaps(db: Engine) -> None:
    log = AuditLog(db)

    def write(n: int) -> list[int]:
        return [log.append(f"user{n}", "login", f"user:user{n}").id for _ in range(5)]

    ids = sorted(i for batch in all_at_once(6, write) for i in batch)
    assert ids == list(range(1, 31))
    assert log.verify().ok


def test_the_trail_of_a_subject_is_its_entries_in_order(lite: Engine) -> None:
    log = AuditLog(lite)
    log.append("robot:r1", "proposed", "review:1")
    log.append("robot:r1", "proposed", "review:2")
    log.append("aliya", "approved", "review:1", {"reason": None})
    assert [(e.actor, e.action) for e in log.trail("review:1")] == [("robot:r1", "proposed"), ("aliya", "approved")]


def test_a_detail_never_holds_a_full_iin_or_a_password(lite: Engine) -> None:
    log = AuditLog(lite)
    entry = log.append("aliya", "note", "review:1", {"debtor": "900101300123", "words": ["ИИН 900101300123"]})
    assert entry.detail == {"debtor": "9001******23", "words": ["ИИН 9001******23"]}
    with transaction(lite) as s:
        stored = s.scalars(select(AuditEntry.detail)).one()
    assert "900101300123" not in str(stored)
    for key in ("password", "Password_Hash", "secret"):
        with pytest.raises(ValueError, match="never stores"):
            log.append("aliya", "user_added", "user:bolat", {key: "x"})
    with pytest.raises(ValueError):
        log.append("aliya", "user_added", "user:bolat", {"nested": {"password": "x"}})
    assert log.verify().ok and log.verify().entries == 1


def test_verify_reads_a_long_log_in_batches(lite: Engine) -> None:
    log = _filled(lite, 7)
    assert [e.id for e in log._all(batch=3)] == [1, 2, 3, 4, 5, 6, 7]

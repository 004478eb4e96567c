"""The review queue: the decision state machine, not-a-finding suppression, idempotent proposals and racing deciders
(on SQLite and PostgreSQL)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.engine import Engine

from orynda.review import (
    TRANSITIONS,
    IllegalTransition,
    ReviewError,
    ReviewItem,
    ReviewQueue,
    ReviewState,
    UnknownItem,
    facts_digest,
)
from tests.threads import all_at_once

S = ReviewState
IIN = "900101300123"


def _propose(queue: ReviewQueue, **changes: Any) -> ReviewItem | None:
    values: dict[str, Any] = {
        "act": "ORY-2026-000101",
        "fact": "property_arrest:900101300123:vehicle_not_arrested:KZ123ABC02",
        "kind": "property_arrest",
        "proceeding": "2026-02-000123",
        "debtor_iin": IIN,
        "debtor_name": "Ахметов Ерлан",
        "bailiff": "aisep.aliya",
        "run_id": "20260310-220000-ab12",
        "item_seq": 7,
        "mode": "review",
        "facts_digest": facts_digest({"plate": "KZ123ABC02", "owner": IIN}),
        "documents": [
            {"language": "kk", "number": "ORY-2026-000101-KK", "pdf": "kk.pdf"},
            {"language": "ru", "number": "ORY-2026-000101-RU", "pdf": "ru.pdf"},
        ],
        "evidence": ["evidence/vehicles.png"],
        "conflicts": {},
    }
    return queue.propose(**{**values, **changes})


def _item(queue: ReviewQueue, **changes: Any) -> ReviewItem:
    item = _propose(queue, **changes)
    assert item is not None
    return item


# How to bring an item into each state, and the operation that moves it to each target.
REACH: dict[ReviewState, list[Callable[[ReviewQueue, int], Any]]] = {
    S.PROPOSED: [],
    S.APPROVED: [lambda q, i: q.approve(i, "aliya")],
    S.CHANGED_APPROVED: [lambda q, i: q.change_and_approve(i, "aliya", "the plate was misread")],
    S.REJECTED: [lambda q, i: q.reject(i, "aliya", "sold before the writ")],
    S.FILED: [lambda q, i: q.approve(i, "aliya"), lambda q, i: q.mark_filed(i, "AISEP-DOC-1")],
}
MOVE: dict[ReviewState, Callable[[ReviewQueue, int], ReviewItem]] = {
    S.APPROVED: lambda q, i: q.approve(i, "bolat", "ok"),
    S.CHANGED_APPROVED: lambda q, i: q.change_and_approve(i, "bolat", "the share is 30 %"),
    S.REJECTED: lambda q, i: q.reject(i, "bolat", "not the debtor's car", not_a_finding=True),
    S.FILED: lambda q, i: q.mark_filed(i, "AISEP-DOC-2"),
}
PAIRS = [(a, b) for a in ReviewState for b in MOVE]


@pytest.mark.parametrize(("start", "target"), PAIRS, ids=[f"{a}->{b}" for a, b in PAIRS])
def test_every_transition_is_legal_or_refused_naming_the_item_and_both_states(
    lite: Engine, start: ReviewState, target: ReviewState
) -> None:
    queue = ReviewQueue(lite)
    item = _item(queue)
    for step in REACH[start]:
        step(queue, item.id)
    assert queue.get(item.id).state == start  # type: ignore[union-attr]
    if target in TRANSITIONS[start]:
        moved = MOVE[target](queue, item.id)
        assert moved.state == target and moved.version == len(REACH[start]) + 2
        assert queue.trail(item.id)[-1].action == target
    else:
        with pytest.raises(IllegalTransition, match=f"review item {item.id} is {start}: it cannot become {target}"):
            MOVE[target](queue, item.id)
        assert queue.get(item.id).state == start  # type: ignore[union-attr]


def test_the_machine_has_no_path_from_rejected_to_filed_nor_out_of_filed() -> None:
    def reachable(start: ReviewState) -> set[ReviewState]:
        seen: set[ReviewState] = set()
        todo = [start]
        while todo:
            for nxt in TRANSITIONS[todo.pop()]:
                if nxt not in seen:
                    seen.add(nxt)
                    todo.append(nxt)
        return seen

    assert reachable(S.REJECTED) == set() and reachable(S.FILED) == set()
    assert reachable(S.PROPOSED) == {S.APPROVED, S.CHANGED_APPROVED, S.REJECTED, S.FILED}
    assert set(TRANSITIONS) == set(ReviewState)


def test_a_rejected_item_is_never_listed_to_file_nor_filed(lite: Engine) -> None:
    queue = ReviewQueue(lite)
    item = _item(queue)
    queue.reject(item.id, "aliya", "wrong asset")
    assert queue.to_file() == []
    with pytest.raises(IllegalTransition):
        queue.mark_filed(item.id, "X")
    with pytest.raises(IllegalTransition):
        queue.approve(item.id, "aliya")


@pytest.mark.parametrize("reason", ["", "   ", "\n"])
def test_a_reason_is_required_to_reject_or_to_change(lite: Engine, reason: str) -> None:
    queue = ReviewQueue(lite)
    item = _item(queue)
    with pytest.raises(ReviewError, match=f"review item {item.id}: a reason is required to reject it"):
        queue.reject(item.id, "aliya", reason)
    with pytest.raises(ReviewError, match="a reason is required to change it"):
        queue.change_and_approve(item.id, "aliya", reason)
    with pytest.raises(ReviewError, match="needs the login"):
        queue.approve(item.id, " ")
    assert queue.get(item.id).state == S.PROPOSED  # type: ignore[union-attr]


def test_a_decision_records_who_when_and_why_and_writes_its_audit_entry(lite: Engine) -> None:
    queue = ReviewQueue(lite)
    item = _item(queue)
    rejected = queue.reject(item.id, "aliya", "  the car was sold in 2025  ")
    assert (rejected.decided_by, rejected.reason, rejected.not_a_finding) == (
        "aliya",
        "the car was sold in 2025",
        False,
    )
    assert rejected.decided_at is not None and str(rejected.decided_at.tzinfo) == "Asia/Almaty"
    trail = queue.trail(item.id)
    assert [(e.actor, e.action) for e in trail] == [("robot:20260310-220000-ab12", "proposed"), ("aliya", "rejected")]
    assert trail[1].detail == {"act": "ORY-2026-000101", "from": "proposed", "reason": "the car was sold in 2025"}
    assert IIN not in str([e.detail for e in trail]) and trail[0].detail["debtor"] == "9001******23"
    assert queue.audit.verify().ok


def test_filing_records_the_reference_once(lite: Engine) -> None:
    queue = ReviewQueue(lite)
    item = _item(queue)
    queue.approve(item.id, "aliya", "checked the certificate")
    assert [i.id for i in queue.to_file()] == [item.id] == [i.id for i in queue.to_file(debtor_iin=IIN)]
    assert queue.to_file(debtor_iin="880202400456") == []
    filed = queue.mark_filed(item.id, "AISEP-DOC-9")
    assert (filed.state, filed.filed_ref, filed.reason) == (S.FILED, "AISEP-DOC-9", "checked the certificate")
    assert filed.filed_at is not None and queue.to_file() == []
    with pytest.raises(IllegalTransition, match="is filed: it cannot become filed"):
        queue.mark_filed(item.id, "AISEP-DOC-10")
    assert [e.action for e in queue.trail(item.id)] == ["proposed", "approved", "filed"]


def test_a_manual_act_waits_for_a_person_and_is_not_listed_for_the_robot_to_file(lite: Engine) -> None:
    queue = ReviewQueue(lite)
    item = _item(queue, mode="manual")
    queue.approve(item.id, "aliya")
    assert queue.to_file() == []
    assert queue.mark_filed(item.id, "filed by hand", by="aliya").state == S.FILED


def test_an_auto_act_is_not_queued(lite: Engine) -> None:
    with pytest.raises(ReviewError, match="does not wait for a person"):
        _propose(ReviewQueue(lite), mode="auto")


def test_an_unknown_item_is_named(lite: Engine) -> None:
    queue = ReviewQueue(lite)
    with pytest.raises(UnknownItem, match="no review item 42"):
        queue.approve(42, "aliya")
    assert queue.get(42) is None


# --- proposing again ---------------------------------------------------------------------------------------------


def test_proposing_the_same_act_again_gives_the_same_item(db: Engine) -> None:
    queue = ReviewQueue(db)
    first = _item(queue)
    again = _item(queue, run_id="20260311-220000-cd34")  # the next night, the same facts
    assert again.id == first.id and again.run_id == first.run_id
    assert len(queue.items()) == 1 and [e.action for e in queue.trail(first.id)] == ["proposed"]


def test_not_a_finding_suppresses_the_same_fact_and_digest_but_not_a_changed_digest(db: Engine) -> None:
    queue = ReviewQueue(db)
    item = _item(queue)
    queue.reject(item.id, "aliya", "the car is not the debtor's: a namesake", not_a_finding=True)
    assert queue.is_suppressed(item.fact, item.facts_digest)
    assert _propose(queue, run_id="20260311-220000-cd34") is None  # the next night: not proposed again
    changed = facts_digest({"plate": "KZ123ABC02", "owner": IIN, "registered": "2026-03-11"})
    assert not queue.is_suppressed(item.fact, changed)
    anew = _item(queue, facts_digest=changed, run_id="20260312-220000-ef56")
    assert (anew.id != item.id, anew.round, anew.state, anew.act) == (True, 2, S.PROPOSED, item.act)
    assert not queue.is_suppressed("property_arrest:other", item.facts_digest)  # another fact is another fact


def test_a_plain_rejection_stands_while_the_facts_stay_the_same(lite: Engine) -> None:
    queue = ReviewQueue(lite)
    item = _item(queue)
    queue.reject(item.id, "aliya", "arrest later, after the hearing")
    assert not queue.is_suppressed(item.fact, item.facts_digest)
    again = _item(queue)
    assert (again.id, again.state) == (item.id, S.REJECTED)  # handed back: the caller files nothing
    anew = _item(queue, facts_digest="f" * 64)
    assert anew.round == 2 and anew.state == S.PROPOSED


def test_a_waiting_item_takes_the_new_facts_and_an_approved_one_keeps_what_was_approved(lite: Engine) -> None:
    queue = ReviewQueue(lite)
    item = _item(queue)
    refreshed = _item(queue, facts_digest="a" * 64, evidence=["evidence/vehicles-2.png"])
    assert (refreshed.id, refreshed.facts_digest, refreshed.evidence) == (
        item.id,
        "a" * 64,
        ["evidence/vehicles-2.png"],
    )
    assert [e.action for e in queue.trail(item.id)] == ["proposed", "facts_changed"]
    queue.approve(item.id, "aliya")
    kept = _item(queue, facts_digest="b" * 64)
    assert (kept.id, kept.state, kept.facts_digest) == (item.id, S.APPROVED, "a" * 64)


def test_the_queue_is_listed_by_state_bailiff_kind_and_age(lite: Engine) -> None:
    queue = ReviewQueue(lite)
    a = _item(queue)
    b = _item(queue, act="ORY-2026-000102", fact="wage_levy:x", kind="wage_levy", bailiff="aisep.bolat")
    c = _item(queue, act="ORY-2026-000103", fact="exit_ban:x", kind="exit_ban")
    queue.approve(c.id, "aliya")
    assert [i.id for i in queue.items()] == [a.id, b.id, c.id]
    assert [i.id for i in queue.items(state="proposed")] == [a.id, b.id]
    assert [i.id for i in queue.items(bailiff="aisep.aliya")] == [a.id, c.id]
    assert [i.id for i in queue.items(kind="wage_levy")] == [b.id]
    assert [i.id for i in queue.items(state=S.APPROVED, bailiff="aisep.aliya")] == [c.id]
    assert queue.items(older_than=dt.timedelta(hours=1)) == []
    assert len(queue.items(older_than=dt.timedelta(0))) == 3


def test_approve_many_names_each_item_it_could_not_approve(lite: Engine) -> None:
    queue = ReviewQueue(lite)
    a, b, c = (_item(queue, act=f"ORY-2026-00011{n}", fact=f"f{n}") for n in range(3))
    queue.reject(b.id, "bolat", "duplicate")
    batch = queue.approve_many([a.id, b.id, c.id, 999], "aliya")
    assert [i.id for i in batch.done] == [a.id, c.id]
    assert batch.refused == {
        b.id: f"review item {b.id} is rejected: it cannot become approved",
        999: "no review item 999",
    }


def test_a_changed_draft_is_kept_with_its_reason(lite: Engine) -> None:
    queue = ReviewQueue(lite)
    item = _item(queue)
    edited = [{"language": "kk", "number": "ORY-2026-000101-KK", "pdf": "kk-v2.pdf"}]
    done = queue.change_and_approve(item.id, "aliya", "corrected the plate", documents=edited)
    assert (done.state, done.documents, done.reason) == (S.CHANGED_APPROVED, edited, "corrected the plate")
    assert queue.trail(item.id)[-1].detail["changed_documents"] is True


def test_the_dossier_shows_drafts_by_language_evidence_conflicts_and_trail(lite: Engine, tmp_path: Path) -> None:
    shot = tmp_path / "egov_vehicles.png"
    shot.write_bytes(b"png")
    queue = ReviewQueue(lite)
    item = _item(
        queue,
        evidence=[str(shot), str(tmp_path / "gone.pdf")],
        conflicts={"owner_name": {"egov_vehicles": "Ахметов Е.", "esalyq": "Ахмедов Е."}},
    )
    dossier = queue.dossier(item.id)
    assert set(dossier.drafts) == {"kk", "ru"} and dossier.drafts["ru"]["number"] == "ORY-2026-000101-RU"
    assert dossier.evidence == [(str(shot), True), (str(tmp_path / "gone.pdf"), False)]
    assert dossier.conflicts == [("owner_name", {"egov_vehicles": "Ахметов Е.", "esalyq": "Ахмедов Е."})]
    assert [e.action for e in dossier.trail] == ["proposed"]


# --- racing -----------------------------------------------------------------------------------------------------


def test_racing_proposers_of_one_act_make_one_item(db: Engine) -> None:
    queue = ReviewQueue(db)
    ids = all_at_once(6, lambda n: _item(queue, run_id=f"run-{n}").id)
    assert len(set(ids)) == 1 and len(queue.items()) == 1
    assert [e.action for e in queue.trail(ids[0])] == ["proposed"]
    assert queue.audit.verify().ok


def test_of_racing_approvers_exactly_one_decides(db: Engine) -> None:
    queue = ReviewQueue(db)
    item = _item(queue)

    def decide(n: int) -> str:
        try:
            if n % 2:
                queue.approve(item.id, f"user{n}")
            else:
                queue.reject(item.id, f"user{n}", "no")
            return "won"
        except IllegalTransition as exc:
            return exc.current

    outcomes = all_at_once(6, decide)
    assert outcomes.count("won") == 1
    final = queue.get(item.id)
    assert final is not None and set(outcomes) - {"won"} == {final.state}
    assert [e.action for e in queue.trail(item.id)][1:] == [final.state]
    assert queue.audit.verify().ok


def test_of_racing_filers_exactly_one_files(db: Engine) -> None:
    queue = ReviewQueue(db)
    item = _item(queue)
    queue.approve(item.id, "aliya")

    def file(n: int) -> bool:
        try:
            queue.mark_filed(item.id, f"AISEP-{n}")
            return True
        except IllegalTransition:
            return False

    assert sum(all_at_once(6, file)) == 1
    assert [e.action for e in queue.trail(item.id)] == ["proposed", "approved", "filed"]

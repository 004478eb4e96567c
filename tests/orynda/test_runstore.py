"""The work-item store on SQLite and PostgreSQL: states written once, a crash resumable, a side effect claimed once."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import BaseModel

from orynda.clock import ALMATY
from orynda.flow import ItemSpec
from orynda.runstore import RunStore
from orynda.schema import ItemState, RunStatus
from tests.threads import all_at_once


@pytest.fixture
def store(database_url: str) -> RunStore:
    return RunStore(database_url)


class Row(BaseModel):
    iin: str
    amount: str


def _specs(n: int) -> list[ItemSpec[Row]]:
    return [ItemSpec(seq=i, key=f"k{i}", payload=Row(iin=f"90010130000{i}", amount="1500.50")) for i in range(n)]


def test_an_item_goes_new_in_progress_done_and_its_final_state_is_written_once(store: RunStore, tmp_path: Path) -> None:
    run = store.create_run("register_check", {"x": 1}, _specs(3), tmp_path / "runs")
    first = store.pending(run.id)[0]
    assert store.start_attempt(first.id) == 1
    store.end_attempt(first.id, "done")
    store.finish_item(first.id, ItemState.DONE, result={"amount": "1500.50"})
    with pytest.raises(RuntimeError, match="already finished as done"):
        store.finish_item(first.id, ItemState.BUSINESS, code="not_found")

    items = store.items(run.id)
    assert [i.state for i in items] == [ItemState.DONE, ItemState.NEW, ItemState.NEW]
    assert items[0].result == {"amount": "1500.50"} and items[1].payload["amount"] == "1500.50"
    assert store.counts(run.id).left == 2


def test_a_crash_mid_item_reopens_only_what_was_in_progress(store: RunStore, tmp_path: Path) -> None:
    run = store.create_run("register_check", {}, _specs(4), tmp_path / "runs")
    done, caught, *_ = store.pending(run.id)
    store.start_attempt(done.id)
    store.finish_item(done.id, ItemState.DONE)
    store.start_attempt(caught.id)  # the process dies here

    assert store.reopen_in_flight(run.id) == 1
    assert [i.seq for i in store.pending(run.id)] == [1, 2, 3]
    assert store.start_attempt(caught.id) == 2  # the second attempt, counted as a retry
    store.finish_item(caught.id, ItemState.SYSTEM, code="timeout")
    counts = store.counts(run.id)
    assert (counts.total, counts.retries, counts.left) == (4, 1, 2)
    assert counts.by_state[ItemState.SYSTEM] == 1
    # the attempt the crash cut off is closed as such; the next one is open until the engine ends it
    assert [(a.number, a.outcome) for a in store.attempts(run.id)] == [(1, None), (1, "system"), (2, None)]


def test_runs_keep_almaty_time_and_the_latest_unfinished_is_found(store: RunStore, tmp_path: Path) -> None:
    older = store.create_run("register_check", {}, _specs(1), tmp_path / "runs")
    newer = store.create_run("register_check", {}, _specs(1), tmp_path / "runs")
    store.set_status(newer.id, RunStatus.DONE, ended=True, report=tmp_path / "r.xlsx")
    store.set_status(older.id, RunStatus.INTERRUPTED)

    again = store.get_run(newer.id)
    assert again is not None and again.ended_at is not None and again.report_path == str(tmp_path / "r.xlsx")
    assert again.started_at.tzinfo is not None and again.started_at == newer.started_at  # to the microsecond
    assert newer.id.startswith(f"{newer.started_at.astimezone(ALMATY):%Y%m%d-%H%M%S}")
    assert again.ended_at >= again.started_at
    unfinished = store.latest_unfinished("register_check")
    assert unfinished is not None and unfinished.id == older.id
    assert store.latest_unfinished("nightly_check") is None


def test_a_side_effect_is_claimed_once_even_by_racing_workers(store: RunStore, tmp_path: Path) -> None:
    run = store.create_run("nightly_check", {}, _specs(1), tmp_path / "runs")
    wins = all_at_once(6, lambda _: store.claim_side_effect("act:900101300000:arrest", "document", run.id, 0))
    assert sorted(wins) == [False] * 5 + [True]
    store.complete_side_effect("act:900101300000:arrest", "DOC-1", {"pages": 2})
    effect = store.side_effect("act:900101300000:arrest")
    assert effect is not None and (effect.ref, effect.detail) == ("DOC-1", {"pages": 2})
    assert [e.key for e in store.side_effects(run.id, kind="document")] == ["act:900101300000:arrest"]

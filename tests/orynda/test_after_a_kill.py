"""What a kill leaves behind is closed at the next start: the attempts it cut off (with their cause, for the
Exceptions sheet), the LibreOffice profile folders of the killed process, the scheduler fire it was handling."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

from pydantic import BaseModel

from app.scheduling.fires import KILLED, claim_fire, close_killed, recent_fires
from orynda.clock import ALMATY
from orynda.database import make_engine
from orynda.documents import render
from orynda.flow import ItemSpec
from orynda.runstore import CUT_OFF, RunStore
from orynda.schema import ItemState


class Row(BaseModel):
    n: int


def a_dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_attempts_cut_off_by_a_kill_are_closed_with_their_cause_on_resume(tmp_path: Path) -> None:
    store = RunStore(f"sqlite:///{tmp_path / 'o.db'}")
    run = store.create_run("register_check", {}, [ItemSpec(n, f"k{n}", Row(n=n)) for n in (1, 2)], tmp_path / "runs")
    first, second = store.pending(run.id)
    store.start_attempt(first.id)
    store.end_attempt(first.id, "done")
    store.finish_item(first.id, ItemState.DONE)
    store.start_attempt(second.id)  # … and the process is killed here
    assert store.reopen_in_flight(run.id) == 1
    attempts = {a.item_id: a for a in store.attempts(run.id)}
    assert attempts[first.id].outcome == "done" and attempts[first.id].error_code is None
    cut = attempts[second.id]
    assert (cut.outcome, cut.error_code, cut.error_message) == ("system", "CutOff", CUT_OFF)
    assert cut.ended_at is not None and cut.ended_at >= cut.started_at
    assert [i.seq for i in store.pending(run.id)] == [2]


def test_libreoffice_profiles_of_a_killed_process_are_removed_and_live_ones_kept(tmp_path: Path) -> None:
    uid = os.getuid()
    dead = tmp_path / f"orynda-soffice-{uid}-{a_dead_pid()}-0"
    live = tmp_path / f"orynda-soffice-{uid}-{os.getpid()}-0"
    other = tmp_path / "orynda-soffice-notes"
    for folder in (dead, live, other):
        (folder / "user").mkdir(parents=True)
    render._remove_orphans(tmp_path)
    assert not dead.exists() and live.exists() and other.exists()


def test_a_fire_whose_scheduler_was_killed_gets_an_outcome(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'o.db'}")
    night = dt.datetime(2026, 3, 20, 22, 0, tzinfo=ALMATY)
    hostname = os.uname().nodename
    assert claim_fire(engine, "killed", night, f"{hostname}:{a_dead_pid()}", night)
    assert claim_fire(engine, "running", night, f"{hostname}:{os.getpid()}", night)
    assert close_killed(engine) == 1
    assert recent_fires(engine, "killed")[0].outcome == KILLED
    assert recent_fires(engine, "running")[0].outcome is None

"""One run of a flow at a time: the lease is exclusive, renewed while held, and expires when its holder died."""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from orynda.database import make_engine
from orynda.leases import FlowBusy, acquire, holder_of, lease, release, renew
from tests.scheduling.conftest import FakeClock, almaty
from tests.threads import all_at_once

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def db(database_url: str) -> Engine:
    return make_engine(database_url)


def test_a_held_flow_is_refused_with_who_holds_it(db: Engine) -> None:
    with lease(db, "nightly_check", "host-a:101", heartbeat=False):
        with pytest.raises(FlowBusy, match=r"flow nightly_check is already running \(held by host-a:101 since"):
            acquire(db, "nightly_check", "host-b:202")
        acquire(db, "register_check", "host-b:202")  # another flow is free
    acquire(db, "nightly_check", "host-b:202")  # released at the end of the block


def test_flow_busy_is_a_config_error_so_the_cli_prints_it_without_traceback() -> None:
    from orynda.errors import ConfigError

    assert issubclass(FlowBusy, ConfigError)


def test_an_expired_lease_is_taken_over_and_its_old_holder_cannot_renew_it(db: Engine) -> None:
    clock = FakeClock(almaty(2026, 3, 10, 22, 0))
    old = acquire(db, "nightly_check", "host-a:101", ttl_s=60, now=clock)
    clock.moment += dt.timedelta(seconds=59)
    with pytest.raises(FlowBusy):
        acquire(db, "nightly_check", "host-b:202", ttl_s=60, now=clock)
    clock.moment += dt.timedelta(seconds=2)
    new = acquire(db, "nightly_check", "host-b:202", ttl_s=60, now=clock)
    assert not renew(db, old, now=clock)
    release(db, old)  # the old holder's release must not free the new holder's lease
    row = holder_of(db, "nightly_check")
    assert row is not None and row.holder == "host-b:202" and row.token == new.token


def test_renewal_keeps_a_long_run_s_lease(db: Engine) -> None:
    clock = FakeClock(almaty(2026, 3, 10, 22, 0))
    held = acquire(db, "nightly_check", "host-a:101", ttl_s=60, now=clock)
    for _ in range(5):
        clock.moment += dt.timedelta(seconds=40)
        assert renew(db, held, now=clock)
    with pytest.raises(FlowBusy):
        acquire(db, "nightly_check", "host-b:202", ttl_s=60, now=clock)


def test_the_heartbeat_renews_in_the_background(db: Engine) -> None:
    with lease(db, "nightly_check", "host-a:101", ttl_s=0.6) as held:
        time.sleep(1.5)  # more than two TTLs: only the heartbeat keeps it
        with pytest.raises(FlowBusy):
            acquire(db, "nightly_check", "host-b:202")
        assert not held.lost.is_set()


def test_of_many_threads_racing_for_one_flow_exactly_one_wins(db: Engine) -> None:
    def contend(n: int) -> bool:
        try:
            acquire(db, "nightly_check", f"host:{n}")
            return True
        except FlowBusy:
            return False

    assert sum(all_at_once(8, contend)) == 1


HOLDER = """
import sys, time
from orynda.leases import lease
from orynda.database import make_engine
with lease(make_engine(sys.argv[1]), "nightly_check", "doomed:1", ttl_s=1.0):
    print("held", flush=True)
    time.sleep(600)
"""


def test_a_holder_killed_with_sigkill_blocks_the_flow_only_until_its_lease_expires(
    tmp_path: Path, database_url: str, db: Engine
) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, database_url], stdout=subprocess.PIPE, env=env, cwd=tmp_path
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == b"held"
        with pytest.raises(FlowBusy, match="doomed:1"):
            acquire(db, "nightly_check", "survivor:2")
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait(timeout=10)
        if holder.stdout:
            holder.stdout.close()
    time.sleep(1.2)
    assert acquire(db, "nightly_check", "survivor:2").holder == "survivor:2"


def test_a_holder_on_this_machine_whose_process_is_gone_is_taken_over_at_once(db: Engine) -> None:
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, check=True)
    acquire(db, "nightly_check", f"{os.uname().nodename}:{int(gone.stdout)}", ttl_s=3600)
    assert acquire(db, "nightly_check", "next:1").holder == "next:1"


def test_a_holder_on_this_machine_that_is_alive_is_respected(db: Engine) -> None:
    acquire(db, "nightly_check", f"{os.uname().nodename}:{os.getpid()}", ttl_s=3600)
    with pytest.raises(FlowBusy):
        acquire(db, "nightly_check", "next:1")

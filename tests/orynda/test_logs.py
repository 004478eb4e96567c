"""Log lines carry Asia/Almaty time, whatever the machine's own zone is (the report and schedules do too)."""

from __future__ import annotations

import datetime as dt
import io
import json
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from loguru import logger

from orynda import logs
from orynda.clock import ALMATY

UTC = dt.UTC


@pytest.mark.parametrize(
    ("utc", "almaty"),
    [
        pytest.param(dt.datetime(2026, 12, 2, 17, 30, tzinfo=UTC), "2026-12-02 22:30:00+05:00", id="evening"),
        pytest.param(dt.datetime(2026, 12, 2, 20, 15, tzinfo=UTC), "2026-12-03 01:15:00+05:00", id="after-midnight"),
        pytest.param(dt.datetime(2023, 6, 1, 12, 0, tzinfo=UTC), "2023-06-01 18:00:00+06:00", id="before-2024-utc+6"),
    ],
)
def test_a_moment_reads_on_almaty_clock_with_its_offset(utc: dt.datetime, almaty: str) -> None:
    assert str(logs.in_almaty(utc)) == almaty


@pytest.fixture
def new_york() -> Iterator[None]:
    """The machine's zone far from Almaty's, so a line in machine time cannot pass for Almaty time."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("TZ", "America/New_York")
        time.tzset()
        yield
    time.tzset()


def test_console_lines_and_the_run_log_are_in_almaty_time(new_york: None, tmp_path: Path) -> None:
    console = io.StringIO()
    logs.configure("INFO", sink=console)
    sink = logs.add_run_log(tmp_path)
    before = dt.datetime.now(ALMATY).replace(microsecond=0)
    logger.info("run 20261202-223000-ab12 started")
    after = dt.datetime.now(ALMATY)
    logs.remove(sink)
    logs.configure("INFO")
    shown = dt.datetime.strptime(console.getvalue()[:8], "%H:%M:%S").time()
    assert before.time() <= shown <= after.time() or before.date() != after.date()
    [line] = (tmp_path / "log.jsonl").read_text(encoding="utf-8").splitlines()
    stamp = dt.datetime.fromisoformat(json.loads(line)["record"]["time"]["repr"])
    assert stamp.utcoffset() == dt.timedelta(hours=5) and before <= stamp <= after

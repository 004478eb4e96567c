"""APScheduler with a controllable clock: fires at its time, not on a holiday, one catch-up after a sleep, and a
fire missed while the service was down survives a restart in the persistent job store."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from apscheduler.executors.debug import DebugExecutor
from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore

from app.scheduling import service
from app.scheduling.model import SchedulesFile
from orynda.config import Settings, load_settings
from tests.scheduling.conftest import FakeClock, ManualScheduler, almaty


def _schedules(cron: str, calendar: str = "kz-working-days", grace: int = 3600) -> SchedulesFile:
    return SchedulesFile.model_validate(
        {
            "schedules": {
                "night": {"flow": "register_check", "cron": cron, "calendar": calendar, "misfire_grace_s": grace}
            }
        }
    )


@pytest.fixture
def fires(monkeypatch: pytest.MonkeyPatch, fake_clock: FakeClock) -> list[tuple[str, dt.datetime]]:
    """Records each fire the scheduler makes, with the fake time it happened at."""
    seen: list[tuple[str, dt.datetime]] = []
    monkeypatch.setattr(service, "_context", object())
    monkeypatch.setattr(service, "run_entry", lambda name, ctx, fire_time=None: seen.append((name, fake_clock())))
    return seen


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return load_settings(home=tmp_path)


def _scheduler(settings: Settings, schedules: SchedulesFile) -> ManualScheduler:
    scheduler = service.build_scheduler(settings, ManualScheduler(), executor=DebugExecutor())
    scheduler.start(paused=True)
    service.sync_jobs(scheduler, schedules)
    scheduler.resume()
    assert isinstance(scheduler, ManualScheduler)
    return scheduler


def test_fires_at_its_time_and_not_on_a_holiday(
    settings: Settings, fake_clock: FakeClock, fires: list[tuple[str, dt.datetime]]
) -> None:
    scheduler = _scheduler(settings, _schedules("0 22 * * *"))
    fake_clock.set(2026, 3, 20, 21, 59, 59)
    scheduler.tick()
    assert fires == []
    fake_clock.set(2026, 3, 20, 22, 0, 0)
    scheduler.tick()
    assert fires == [("night", almaty(2026, 3, 20, 22, 0))]
    for day in (21, 22, 23, 24, 25):  # weekend, then the Nauryz days off
        fake_clock.set(2026, 3, day, 22, 0, 30)
        scheduler.tick()
    assert len(fires) == 1
    job = scheduler.get_job(service.job_id("night"))
    assert job is not None and job.next_run_time == almaty(2026, 3, 26, 22, 0)
    scheduler.shutdown()


def test_a_machine_that_slept_through_several_fires_runs_one_catch_up(
    settings: Settings, fake_clock: FakeClock, fires: list[tuple[str, dt.datetime]]
) -> None:
    fake_clock.set(2026, 3, 20, 1, 30)
    scheduler = _scheduler(settings, _schedules("0 * * * *", "every-day", grace=6 * 3600))
    fake_clock.set(2026, 3, 20, 5, 10)  # woke up: 02:00, 03:00, 04:00 and 05:00 were missed
    scheduler.tick()
    scheduler.tick()
    assert fires == [("night", almaty(2026, 3, 20, 5, 10))]
    scheduler.shutdown()


def test_a_fire_missed_beyond_its_grace_is_not_run(
    settings: Settings, fake_clock: FakeClock, fires: list[tuple[str, dt.datetime]]
) -> None:
    scheduler = _scheduler(settings, _schedules("0 22 * * *", grace=1800))
    fake_clock.set(2026, 3, 20, 23, 0)
    scheduler.tick()
    assert fires == []
    scheduler.shutdown()


def test_a_fire_missed_while_the_service_was_down_runs_once_after_restart(
    settings: Settings, fake_clock: FakeClock, fires: list[tuple[str, dt.datetime]]
) -> None:
    schedules = _schedules("0 22 * * *")
    fake_clock.set(2026, 3, 20, 21, 0)
    _scheduler(settings, schedules).shutdown()  # the job and its next run time are in the database now
    fake_clock.set(2026, 3, 20, 22, 20)
    scheduler = _scheduler(settings, schedules)  # restarted: the stored 22:00 must not be replaced by the next one
    scheduler.tick()
    scheduler.tick()
    assert fires == [("night", almaty(2026, 3, 20, 22, 20))]
    scheduler.shutdown()


def test_jobs_have_fixed_ids_and_an_entry_removed_from_the_file_is_removed(
    settings: Settings, fake_clock: FakeClock
) -> None:
    two = SchedulesFile.model_validate(
        {
            "schedules": {
                "night": {"flow": "register_check", "cron": "0 22 * * *"},
                "morning": {"flow": "register_check", "cron": "0 7 * * *", "enabled": False},
                "late": {"flow": "nightly_check", "cron": "0 23 * * *"},
            }
        }
    )
    scheduler = _scheduler(settings, two)
    assert sorted(job.id for job in scheduler.get_jobs()) == ["schedule:late", "schedule:night"]
    service.sync_jobs(scheduler, _schedules("0 22 * * *"))
    assert [job.id for job in scheduler.get_jobs()] == ["schedule:night"]
    scheduler.shutdown()


def test_a_changed_cron_takes_effect_on_restart(settings: Settings, fake_clock: FakeClock) -> None:
    _scheduler(settings, _schedules("0 22 * * *")).shutdown()
    scheduler = _scheduler(settings, _schedules("30 23 * * *"))
    job = scheduler.get_job("schedule:night")
    assert job is not None and job.next_run_time == almaty(2026, 3, 20, 23, 30)
    store = scheduler._lookup_jobstore("default")
    assert isinstance(store, SQLAlchemyJobStore)
    scheduler.shutdown()

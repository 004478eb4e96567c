"""The scheduler service's jobs, unit by unit: an in-memory job store, a scheduler driven by hand, nothing ever runs.
Which jobs schedules.yaml asks for, their fixed ids and options, what a change to an entry does to its job."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from apscheduler.executors.debug import DebugExecutor
from apscheduler.job import Job
from apscheduler.jobstores.memory import MemoryJobStore

from app.scheduling import service
from app.scheduling.model import SchedulesFile
from orynda.config import Settings
from tests.scheduling.conftest import FakeClock, ManualScheduler, almaty


def schedules(**entries: dict[str, Any]) -> SchedulesFile:
    return SchedulesFile.model_validate({"schedules": entries})


@pytest.fixture
def scheduler(tmp_path: Path, fake_clock: FakeClock, monkeypatch: pytest.MonkeyPatch) -> Iterator[ManualScheduler]:
    """Started and paused, so no job can be due; the database is never opened."""
    monkeypatch.setattr(service, "run_entry", _never_run)
    built = service.build_scheduler(
        Settings(home=tmp_path / "nowhere"), ManualScheduler(), jobstore=MemoryJobStore(), executor=DebugExecutor()
    )
    assert isinstance(built, ManualScheduler)
    built.start(paused=True)
    yield built
    built.shutdown()
    assert not (tmp_path / "nowhere").exists()


def _never_run(*args: Any, **kwargs: Any) -> str:
    raise AssertionError("no run in these tests")


def jobs(scheduler: ManualScheduler) -> dict[str, Job]:
    return {job.id: job for job in scheduler.get_jobs(jobstore="default")}


def test_job_ids_are_the_entry_names_with_a_fixed_prefix() -> None:
    assert service.job_id("night") == "schedule:night"
    assert service.job_id("night").startswith(service.JOB_PREFIX)


def test_one_job_per_enabled_entry_with_its_trigger_and_options(scheduler: ManualScheduler) -> None:
    service.sync_jobs(
        scheduler,
        schedules(
            night={"flow": "register_check", "cron": "0 22 * * *", "misfire_grace_s": 1800},
            morning={"flow": "register_check", "cron": "0 7 * * *", "enabled": False},
            late={"flow": "nightly_check", "cron": "30 23 * * *", "calendar": "every-day"},
        ),
    )
    found = jobs(scheduler)
    assert sorted(found) == ["schedule:late", "schedule:night"]
    night, late = found["schedule:night"], found["schedule:late"]
    assert (night.func_ref, night.args, night.kwargs) == (service.FIRE_REF, ("night",), {})
    assert (night.name, late.name) == ("night (register_check)", "late (nightly_check)")
    assert (night.misfire_grace_time, late.misfire_grace_time) == (1800, 3600)
    assert (night.coalesce, night.max_instances) == (True, 1)
    assert str(night.trigger) == str(
        schedules(n={"flow": "register_check", "cron": "0 22 * * *"}).schedules["n"].trigger()
    )
    assert scheduler.get_jobs(jobstore="once") == []
    assert str(scheduler.timezone) == "Asia/Almaty"


def test_an_unchanged_entry_keeps_its_job_and_next_run_time_and_takes_new_options(
    scheduler: ManualScheduler, fake_clock: FakeClock
) -> None:
    service.sync_jobs(scheduler, schedules(night={"flow": "register_check", "cron": "0 22 * * *"}))
    scheduler.resume()
    first = jobs(scheduler)["schedule:night"].next_run_time
    assert first == almaty(2026, 3, 20, 22, 0)
    fake_clock.set(2026, 3, 20, 23, 0)  # later, the same trigger: the stored next run time (a missed fire) stays
    service.sync_jobs(
        scheduler, schedules(night={"flow": "register_check", "cron": "0 22 * * *", "misfire_grace_s": 7200})
    )
    job = jobs(scheduler)["schedule:night"]
    assert (job.next_run_time, job.misfire_grace_time) == (first, 7200)


def test_a_changed_entry_replaces_its_job(scheduler: ManualScheduler) -> None:
    service.sync_jobs(scheduler, schedules(night={"flow": "register_check", "cron": "0 22 * * *"}))
    scheduler.resume()
    service.sync_jobs(scheduler, schedules(night={"flow": "nightly_check", "cron": "30 23 * * *"}))
    found = jobs(scheduler)
    assert list(found) == ["schedule:night"]
    assert found["schedule:night"].name == "night (nightly_check)"
    assert found["schedule:night"].next_run_time == almaty(2026, 3, 20, 23, 30)


def test_an_entry_disabled_or_removed_loses_its_job_and_other_jobs_are_left_alone(
    scheduler: ManualScheduler,
) -> None:
    scheduler.add_job(service.FIRE_REF, "date", run_date=almaty(2026, 3, 21, 9, 0), args=["night"], id="by-hand")
    two = schedules(
        night={"flow": "register_check", "cron": "0 22 * * *"}, late={"flow": "nightly_check", "cron": "0 23 * * *"}
    )
    service.sync_jobs(scheduler, two)
    assert sorted(jobs(scheduler)) == ["by-hand", "schedule:late", "schedule:night"]
    service.sync_jobs(
        scheduler,
        schedules(
            night={"flow": "register_check", "cron": "0 22 * * *", "enabled": False},
            late={"flow": "nightly_check", "cron": "0 23 * * *"},
        ),
    )
    assert sorted(jobs(scheduler)) == ["by-hand", "schedule:late"]
    service.sync_jobs(scheduler, schedules())
    assert sorted(jobs(scheduler)) == ["by-hand"]

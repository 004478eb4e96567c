"""One fire of an entry, with real runs: the window's end pauses, the next window resumes with every item done once,
two schedulers on one database run the flow once, a busy flow is refused, and supervisors get the figures and the
report by e-mail in the office's language."""

from __future__ import annotations

import datetime as dt
import threading
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
from apscheduler.executors.debug import DebugExecutor
from apscheduler.jobstores.memory import MemoryJobStore

from app import catalog
from app.scheduling import service
from app.scheduling.fires import recent_fires
from app.scheduling.job import FireContext, run_entry
from app.scheduling.model import Notify, SchedulesFile
from orynda.config import Settings
from orynda.leases import acquire
from orynda.runstore import RunStore
from orynda.schema import ItemState, RunStatus
from sandbox.samples import sample_rows, write_xlsx
from sandbox.server import Sandbox
from sandbox.world import build_world
from tests.conftest import DEBTORS, SEED
from tests.scheduling import fakeflow
from tests.scheduling.conftest import FakeClock, Inbox, ManualScheduler, almaty

NIGHT = {"start": "22:00", "end": "06:30"}


def _schedules(flow: str, params: dict[str, Any], **notify: Any) -> SchedulesFile:
    return SchedulesFile.model_validate(
        {
            "schedules": {"night": {"flow": flow, "cron": "0 22 * * *", "window": NIGHT, "params": params}},
            "notify": notify,
        }
    )


class Outbox:
    def __init__(self) -> None:
        self.sent: list[EmailMessage] = []

    def __call__(self, notify: Notify, message: EmailMessage) -> bool:
        self.sent.append(message)
        return True


class NightClock:
    """22:00 of a working night until `after` items are finished; then it is 06:31, the window has closed."""

    def __init__(self, store: RunStore, night: dt.datetime, after: int) -> None:
        self.store, self.night, self.after = store, night, after

    def __call__(self) -> dt.datetime:
        finished = sum(1 for run in self.store.list_runs() for item in self.store.items(run.id) if item.attempts)
        return self.night + (dt.timedelta(hours=8, minutes=31) if finished >= self.after else dt.timedelta(seconds=5))


def test_window_end_pauses_and_the_next_window_resumes_each_item_once(
    settings: Settings, tmp_path: Path, sandbox: Sandbox
) -> None:
    rows = write_xlsx(sample_rows(build_world(SEED, DEBTORS), 24), tmp_path / "list.xlsx")
    schedules, store, outbox = _schedules("register_check", {"input": str(rows)}), RunStore(settings.db_url), Outbox()
    settings = settings.model_copy(update={"workers": 2})
    first = run_entry(
        "night", FireContext(schedules, settings, now=NightClock(store, almaty(2026, 3, 20, 22), 6), send=outbox)
    )
    [run] = store.list_runs()
    assert first == f"run {run.id} paused"
    counts = store.counts(run.id)
    assert 0 < counts.left < 24 and counts.by_state[ItemState.IN_PROGRESS] == 0  # items in flight were finished
    second = run_entry(
        "night", FireContext(schedules, settings, now=lambda: almaty(2026, 3, 26, 22, 0, 5), send=outbox)
    )
    assert second == f"run {run.id} done" and len(store.list_runs()) == 1
    items = store.items(run.id)
    assert all(ItemState(i.state).finished for i in items)
    checked = [i for i in items if i.error_code != "InvalidInput"]
    assert [i.attempts for i in checked] == [1] * len(checked)
    assert len(store.attempts(run.id)) == len(checked)
    assert [m["Subject"].split(" — ")[0] for m in outbox.sent] == [  # the office's language: Kazakh by default
        "[Orynda] Борышкерлер тізілімі бойынша тексеру: Кідіртілді",
        "[Orynda] Борышкерлер тізілімі бойынша тексеру: Аяқталды",
    ]


def test_outside_the_window_a_fire_starts_nothing(plain_settings: Settings, fake_flow: str) -> None:
    schedules = _schedules(fake_flow, {"items": 2})
    said = run_entry(
        "night",
        FireContext(schedules, plain_settings, now=lambda: almaty(2026, 3, 20, 7, 0)),
        fire_time=almaty(2026, 3, 20, 7, 0),
    )
    assert said == "skipped: 07:00 is outside the window 22:00–06:30"
    assert RunStore(plain_settings.db_url).list_runs() == []


def test_a_flow_busy_on_demand_is_not_started_and_the_supervisor_is_told(
    plain_settings: Settings, fake_flow: str
) -> None:
    store, outbox = RunStore(plain_settings.db_url), Outbox()
    acquire(store.engine, fake_flow, "desk-7:4242")  # `runner.py run fake_count` from a shell
    said = run_entry(
        "night",
        FireContext(
            _schedules(fake_flow, {"items": 2}), plain_settings, now=lambda: almaty(2026, 3, 20, 22, 0, 5), send=outbox
        ),
    )
    assert said.startswith("busy: flow fake_count is already running (held by desk-7:4242")
    assert (
        store.list_runs() == [] and outbox.sent[0]["Subject"] == "[Orynda] «night»: «fake_count» процесі іске қосылмады"
    )
    body = outbox.sent[0].get_content()
    assert "басқа жерде орындалып жатыр" in body and "desk-7:4242" in body


def test_a_fire_that_fails_is_reported_and_leaves_the_service_running(
    plain_settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(catalog.FLOWS, fakeflow.BROKEN.name, fakeflow.BROKEN)  # its items cannot be read
    outbox = Outbox()
    said = run_entry(
        "night",
        FireContext(
            _schedules("broken_count", {}), plain_settings, now=lambda: almaty(2026, 3, 20, 22, 0, 5), send=outbox
        ),
    )
    assert said == "failed: RuntimeError: the list of the night is gone"
    assert outbox.sent[0]["Subject"] == "[Orynda] «night»: «broken_count» процесі іске қосылмады"
    assert "Техникалық мәлімет: RuntimeError: the list of the night is gone" in outbox.sent[0].get_content()
    [fired] = recent_fires(RunStore(plain_settings.db_url).engine, "night")
    assert fired.outcome == said


def test_two_schedulers_on_one_database_run_the_flow_once(
    plain_settings: Settings, fake_flow: str, fake_clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    schedules, store = _schedules(fake_flow, {"items": 4, "delay": 0.2}), RunStore(plain_settings.db_url)
    said: list[str] = []  # the service's database exists before any fire, as serve() makes sure
    monkeypatch.setattr(service, "_context", FireContext(schedules, plain_settings, now=fake_clock, send=Outbox()))
    monkeypatch.setattr(service, "run_entry", lambda *args, **kw: said.append(run_entry(*args, **kw)))
    fake_clock.set(2026, 3, 20, 21, 0)
    machines = [_machine(plain_settings, schedules) for _ in range(3)]  # each with its own job store
    fake_clock.set(2026, 3, 20, 22, 0, 1)
    both = [threading.Thread(target=m.tick) for m in machines[:2]]
    for t in both:
        t.start()
    for t in both:
        t.join()
    fake_clock.set(2026, 3, 20, 22, 5)
    machines[2].tick()  # a third one, late but within the grace, after the run has finished
    [run] = store.list_runs()
    assert run.status == RunStatus.DONE and store.counts(run.id).by_state[ItemState.DONE] == 4
    refused = "fire of 2026-03-20 22:00 already handled by another scheduler"
    assert sorted(said) == [refused, refused, f"run {run.id} done"]
    [fired] = recent_fires(store.engine, "night")
    assert fired.outcome == f"run {run.id} done"


MAILED = {
    "kk": (
        "[Orynda] fake_count: Аяқталды — 3 борышкер тексерілді, 0 дерек табылды, 0 қате",
        ["Тексерілген борышкерлер: 3 (3 ішінен)", "Табылған ақша: 0,00 ₸", "Шешім күтетін актілер: 0"],
        "Есеп хатқа тіркелді: report-{run}.xlsx.",
        "Есеп хатқа тіркеу үшін тым үлкен",
    ),
    "ru": (
        "[Orynda] fake_count: Завершён — проверено должников: 3, находок: 0, ошибок: 0",
        ["Проверено должников: 3 из 3", "Найдено денег: 0,00 ₸", "Актов ждут решения: 0"],
        "Отчёт приложен к письму: report-{run}.xlsx.",
        "Отчёт слишком велик для вложения",
    ),
}


@pytest.mark.parametrize(("lang", "cap_mb"), [("kk", 10.0), ("ru", 10.0), ("kk", 0.001), ("ru", 0.001)])
def test_the_supervisors_get_the_figures_and_the_report_in_the_office_language(
    plain_settings: Settings, fake_flow: str, smtp_server: tuple[Inbox, int], lang: str, cap_mb: float
) -> None:
    inbox, port = smtp_server
    schedules = _schedules(
        fake_flow,
        {"items": 3},
        smtp_host="127.0.0.1",
        smtp_port=port,
        sender="orynda@court.kz",
        supervisors=["head@court.kz", "deputy@court.kz"],
        report_max_mb=cap_mb,
    )
    settings = plain_settings.model_copy(update={"language": lang})
    said = run_entry("night", FireContext(schedules, settings, now=lambda: almaty(2026, 3, 20, 22, 0, 5)))
    [run] = RunStore(settings.db_url).list_runs()
    assert said == f"run {run.id} done"
    [mail] = inbox.messages
    assert inbox.recipients == [["head@court.kz", "deputy@court.kz"]]
    subject, figures, attached, too_large = MAILED[lang]
    assert mail["Subject"] == subject
    body = mail.get_body(preferencelist=("plain",))
    assert body is not None
    text = body.get_content()
    assert all(f"  {line}\n" in text for line in figures), text
    report = Path(run.folder) / f"report-{run.id}.xlsx"
    files = list(mail.iter_attachments())
    if report.stat().st_size <= cap_mb * 2**20:
        assert attached.format(run=run.id) in text and too_large not in text
        [xlsx] = files
        assert xlsx.get_filename() == report.name and xlsx.get_content() == report.read_bytes()
    else:  # over the cap: no attachment, the mail says so and where the report is
        assert files == [] and too_large in text and str(report) in text


def _machine(settings: Settings, schedules: SchedulesFile) -> ManualScheduler:
    scheduler = service.build_scheduler(
        settings, ManualScheduler(), jobstore=MemoryJobStore(), executor=DebugExecutor()
    )
    scheduler.start(paused=True)
    service.sync_jobs(scheduler, schedules)
    scheduler.resume()
    assert isinstance(scheduler, ManualScheduler)
    return scheduler

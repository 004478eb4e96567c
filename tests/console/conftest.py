"""A console over a store filled through its own APIs: users of each role, a night's run, review items."""

from __future__ import annotations

import base64
import re
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from argon2 import PasswordHasher
from pydantic import BaseModel
from starlette.applications import Starlette

with warnings.catch_warnings():
    # Starlette asks for httpx2 and warns once at import when only httpx is installed; the tests work with both.
    warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient` is deprecated")
    from starlette.testclient import TestClient

from app.console.app import create_app
from app.console.starting import Refusal, RetryOf, Started
from orynda.config import Settings, load_settings
from orynda.flow import ItemSpec
from orynda.review import ReviewItem, ReviewQueue
from orynda.runstore import RunStore
from orynda.schema import ItemState, RunStatus
from orynda.users import Users

PASSWORD = "correct-horse-9"
# A 1×1 PNG: evidence shown inline.
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)


@dataclass
class StubStart:
    """What a start would do: records each call; `busy` makes it refuse as the lease would."""

    busy: str | None = None
    calls: list[tuple[str, dict[str, Any], RetryOf | None]] = field(default_factory=list)
    refused: dict[str, Refusal] = field(default_factory=dict)  # what the flows page shows as refused after a start

    def __call__(self, flow: str, params: dict[str, Any], *, by: str, retry: RetryOf | None = None) -> Started:
        if self.busy:
            return Started(False, holder=self.busy)
        self.calls.append((flow, params, retry))
        return Started(True)

    def refusal(self, flow: str) -> Refusal | None:
        return self.refused.get(flow)


@dataclass
class World:
    settings: Settings
    run_id: str
    aliya_item: int  # a review item of aliya's proceeding
    bolat_item: int  # a review item of bolat's proceeding
    more_items: list[int]


class Debtor(BaseModel):
    iin: str
    name: str
    bailiff: str


@pytest.fixture
def console_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Settings:
    for key in [k for k in __import__("os").environ if k.startswith("ORYNDA_")]:
        monkeypatch.delenv(key)
    monkeypatch.setenv("ORYNDA_SECRETS_FILE", str(tmp_path / "no-secrets.env"))
    monkeypatch.setenv("ORYNDA_SCHEDULES", str(tmp_path / "schedules.yaml"))
    (tmp_path / "schedules.yaml").write_text(
        "schedules:\n  nightly:\n    flow: nightly_check\n    cron: '0 22 * * mon-fri'\n"
        "    window: {start: '22:00', end: '06:00'}\n    params: {limit: 40}\n",
        encoding="utf-8",
    )
    return load_settings(home=tmp_path / "home")


def _propose(queue: ReviewQueue, run_id: str, seq: int, n: int, bailiff: str, kind: str, name: str) -> ReviewItem:
    item = queue.propose(
        act=f"ORY-2026-{n:06d}",
        fact=f"{kind}|{n}",
        kind=kind,
        proceeding=f"2026-01-{n:04d}",
        debtor_iin=f"9001011{n:05d}",
        debtor_name=name,
        bailiff=bailiff,
        run_id=run_id,
        item_seq=seq,
        mode="review",
        facts_digest=f"digest-{n}",
        documents=[{"language": "kk", "number": f"ORY-2026-{n:06d}-KK"}],
        evidence=[],
        conflicts={"owner": {"egov_realty": "Иванов", "esalyq": "Иваненко"}} if n == 1 else {},
    )
    assert item is not None
    return item


@pytest.fixture
def world(console_settings: Settings) -> World:
    settings = console_settings
    settings.home.mkdir(parents=True, exist_ok=True)
    store = RunStore(settings.db_url)
    users = Users(store.engine, hasher=PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))
    users.add("aliya", "Әлия Серікова", "bailiff", PASSWORD, aisep_login="aisep.aliya")
    users.add("bolat", "Болат Жұмабаев", "bailiff", PASSWORD, aisep_login="aisep.bolat")
    users.add("dana", "Дана Ахметова", "supervisor", PASSWORD)
    users.add("erlan", "Ерлан Әбілов", "admin", PASSWORD)
    specs = [
        ItemSpec(1, "900101100001", Debtor(iin="900101100001", name="Иванов И.", bailiff="aisep.aliya")),
        ItemSpec(2, "900101100002", Debtor(iin="900101100002", name="Петров П.", bailiff="aisep.bolat")),
        ItemSpec(3, "900101100003", Debtor(iin="900101100003", name="Сидоров С.", bailiff="aisep.aliya")),
    ]
    run = store.create_run("nightly_check", {"limit": 3}, specs, settings.runs_dir, trigger="schedule")
    folder = Path(run.folder)
    (folder / "evidence").mkdir()
    (folder / "evidence" / "realty.png").write_bytes(PNG)
    (folder / "documents").mkdir()
    (folder / "documents" / "act.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    items = {i.seq: i for i in store.items(run.id)}
    finding = {
        "code": "realty_not_arrested",
        "severity": "action",
        "registry": "egov_realty",
        "asset": {"kind": "realty", "id": "21:318:040:123", "label": "квартира 21:318:040:123"},
        "amount": "1234.50",
        "evidence": str(folder / "evidence" / "realty.png"),
        "message": "Real estate 21:318:040:123 is not under arrest",
        "params": {"cadastral": "21:318:040:123"},
        "action": "Arrest the real estate",
        "legal_basis": "art. 32",
    }
    lift = {
        "code": "lift_restrictions",
        "severity": "action",
        "registry": "aisep",
        "message": "Lift",
        "legal_basis": "x",
    }
    document = {
        "number": "ORY-2026-000001-KK",
        "kind": "property_arrest",
        "language": "kk",
        "filed": False,
        "pdf": str(folder / "documents" / "act.pdf"),
        "docx": None,
    }
    store.start_attempt(items[1].id)
    store.end_attempt(items[1].id, "done")
    store.finish_item(
        items[1].id,
        ItemState.DONE,
        result={
            "findings": [finding],
            "fields": {"name": "Иванов И.", "remaining": "150000.00", "documents": [document]},
        },
    )
    store.start_attempt(items[2].id)
    store.end_attempt(items[2].id, "done")
    store.finish_item(items[2].id, ItemState.DONE, result={"findings": [lift], "fields": {"name": "Петров П."}})
    store.start_attempt(items[3].id)
    store.end_attempt(items[3].id, "system", code="SiteTimeout", message="egov_realty did not answer in 15000 ms")
    store.finish_item(items[3].id, ItemState.SYSTEM, code="SiteTimeout", message="egov_realty did not answer")
    store.set_status(run.id, RunStatus.DONE_WITH_FAILURES, ended=True)
    queue = ReviewQueue(store.engine)
    a = _propose(queue, run.id, 1, 1, "aisep.aliya", "property_arrest", "Иванов И.")
    b = _propose(queue, run.id, 2, 2, "aisep.bolat", "wage_levy", "Петров П.")
    more = [_propose(queue, run.id, 1, n, "aisep.aliya", "account_arrest", "Иванов И.").id for n in (3, 4)]
    store.engine.dispose()
    return World(settings, run.id, a.id, b.id, more)


@pytest.fixture
def stub() -> StubStart:
    return StubStart()


@pytest.fixture
def app(world: World, stub: StubStart) -> Starlette:
    return create_app(world.settings, start_flow=stub, language="kk")


@pytest.fixture
def client(app: Starlette) -> Iterator[TestClient]:
    with TestClient(app, base_url="http://127.0.0.1") as c:
        yield c


def csrf_of(html: str) -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', html)
    assert found, "the page has no CSRF token"
    return found.group(1)


def log_in(client: TestClient, login: str, password: str = PASSWORD) -> str:
    """Logs in through the form; returns the session's CSRF token."""
    page = client.get("/login")
    response = client.post("/login", data={"login": login, "password": password, "csrf": csrf_of(page.text)})
    assert response.status_code == 200, response.text[:500]
    return csrf_of(response.text)

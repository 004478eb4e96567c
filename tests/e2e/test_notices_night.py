"""notices end to end in real Chromium: AIS EP's active proceedings, each notice sent through the notification
gateway once, receipts read back on later nights, the bounced ones on the second channel, the rest for a person."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from openpyxl import load_workbook

from app.runs import start_run
from domain.deadlines import voluntary_execution_deadline
from orynda import clock
from orynda.config import Settings
from orynda.i18n import texts
from orynda.runstore import RunStore
from orynda.schema import ItemState, RunStatus
from sandbox.credentials import write_secrets
from sandbox.server import Sandbox, start_subprocess
from sandbox.world import build_world
from sandbox.world_contacts import contact_of

pytestmark = pytest.mark.e2e
T = texts("kk")
SEED, DEBTORS, RECEIPT_AFTER_S = 7, 40, 2
LIMIT = "7"  # bailiff1's first proceedings: SMS delivered, failed, unknown number and without a receipt


@pytest.fixture(scope="module")
def gateway_sandbox() -> Iterator[Sandbox]:
    server = start_subprocess(seed=SEED, debtors=DEBTORS, receipt_after_s=RECEIPT_AFTER_S)
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def night(settings: Settings, gateway_sandbox: Sandbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Settings:
    gateway_sandbox.reset_faults()
    monkeypatch.setenv("ORYNDA_SECRETS_FILE", str(write_secrets(gateway_sandbox.url, tmp_path / "secrets")))
    return settings.model_copy(update={"sandbox_url": gateway_sandbox.url})


def gateway_messages(sandbox: Sandbox) -> list[dict[str, Any]]:
    """Every message the gateway holds, as its operator's list shows them."""
    with httpx.Client(base_url=sandbox.url + "/notify_gateway") as client:
        client.post("/login", data={"username": "chsi.bailiff2", "password": "notify-pass-2"})
        first = client.get("/api/messages").json()
        pages = [client.get("/api/messages", params={"page": p}).json() for p in range(2, first["pages"] + 1)]
        return [m for page in (first, *pages) for m in page["items"]]


def items_sheet(report: Path) -> dict[str, dict[str, Any]]:
    """The Items sheet's rows by proceeding, each by its column titles."""
    sheet = load_workbook(report)[T("report.sheet.items")]
    rows = list(sheet.iter_rows(values_only=True))
    return {str(row[1]): dict(zip(rows[0], row)) for row in rows[1:]}


def shown_day(cell: Any) -> dt.date:
    """A date cell as the sheet holds it: a date, or its text (ISO or dd.mm.yyyy)."""
    if isinstance(cell, dt.datetime):
        return cell.date()
    text = str(cell)
    return dt.date.fromisoformat(text) if "-" in text else dt.datetime.strptime(text, "%d.%m.%Y").date()


def refs(sandbox: Sandbox, before: int) -> list[str]:
    """The references of the messages sent since the test began, oldest first."""
    return [m["ref"] for m in reversed(gateway_messages(sandbox)[: len(gateway_messages(sandbox)) - before])]


def test_notices_go_once_and_the_bounced_ones_on_the_second_channel(night: Settings, gateway_sandbox: Sandbox) -> None:
    store = RunStore(night.db_url)
    before = len(gateway_messages(gateway_sandbox))

    first = start_run("notices", {"limit": LIMIT}, night)
    proceedings = {i.key: str(i.payload["iin"]) for i in store.items(first.run_id)}
    world = build_world(SEED, DEBTORS)
    contacts = {number: contact_of(world, iin) for number, iin in proceedings.items()}
    sms, push = {n: c.sms for n, c in contacts.items() if c}, {n: c.push for n, c in contacts.items() if c}
    assert first.status is RunStatus.DONE and len(sms) == int(LIMIT)
    assert sorted(refs(gateway_sandbox, before)) == sorted(f"notice:{n}:sms" for n in proceedings)  # one SMS each
    known_bounce = {n for n, s in sms.items() if s in ("failed", "unknown_number")}
    no_receipt = {n for n, s in sms.items() if s == "no_receipt"}
    by_push = {n for n in known_bounce | no_receipt if push[n] == "delivered"}
    for_person = (known_bounce | no_receipt) - by_push
    assert known_bounce and no_receipt and by_push and for_person, "the world gives too few outcomes to test"

    time.sleep(RECEIPT_AFTER_S + 0.5)
    start_run("notices", {"limit": LIMIT}, night)  # a rerun: no SMS again; eGov Mobile for the known bounces
    assert sorted(refs(gateway_sandbox, before)[len(proceedings) :]) == sorted(f"notice:{n}:push" for n in known_bounce)

    time.sleep(RECEIPT_AFTER_S + 0.5)
    start_run("notices", {"limit": LIMIT, "wait_hours": "0"}, night)  # no receipt is taken for a bounce now
    time.sleep(RECEIPT_AFTER_S + 0.5)
    last = start_run("notices", {"limit": LIMIT, "wait_hours": "0"}, night)

    sent = refs(gateway_sandbox, before)
    assert sorted(sent) == sorted(
        [f"notice:{n}:sms" for n in proceedings] + [f"notice:{n}:push" for n in known_bounce | no_receipt]
    )  # every notice once on each channel it needed, whatever the number of runs
    assert [c for c in store.site_calls(last.run_id) if c.action == "send"] == []
    states = {i.key: i.state for i in store.items(last.run_id)}
    assert {n for n, s in states.items() if s == ItemState.BUSINESS} == for_person
    assert {n for n, s in states.items() if s == ItemState.DONE} == set(proceedings) - for_person

    today: dt.date = clock.now().date()  # the sandbox's receipts come the day they are sent
    term, channel = T("report.column.term_ends"), T("report.column.notice_channel")
    for number, row in items_sheet(last.report).items():
        if number in for_person:
            assert row[term] is None, number
            continue
        assert shown_day(row[term]) == voluntary_execution_deadline(today).due, number
        assert row[channel] == T("notices.channel.push" if number in by_push else "notices.channel.sms"), number
    todo = load_workbook(last.report)[T("report.sheet.todo")]
    assert for_person <= {str(r[5]) for r in todo.iter_rows(min_row=2, values_only=True)}

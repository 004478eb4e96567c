"""robot_bailiff end to end in real Chromium on the shared sandbox: bailiff1's first two state claims under 20 MCI
get the notice by SMS and push once each across two runs, logged on their cards once; with the clock moved past the
term, the one whose debtor holds money has the arrest of one account drafted for a person's approval, and the one
whose debtor holds none is handed to a person."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from decimal import Decimal

import httpx
import pytest
from openpyxl import load_workbook

from app.runs import start_run
from orynda import clock
from orynda.config import Settings
from orynda.i18n import texts
from orynda.review import ReviewQueue, ReviewState
from orynda.runstore import RunStore
from orynda.schema import ItemState, RunStatus
from sandbox.server import Sandbox
from sandbox.sites.shared import accounts
from tests.e2e.test_notices_night import gateway_messages

pytestmark = pytest.mark.e2e
T = texts("kk")
PARAMS = {"limit": "2"}  # bailiff1's first two: seed 42 gives a fine whose debtor has no account, one with money
NO_MONEY, WITH_MONEY = "2101-000961-514", "2101-009543-394"


def actions(sandbox: Sandbox, number: str) -> list[dict[str, str]]:
    with httpx.Client(base_url=sandbox.url + "/aisep", timeout=30) as client:
        client.post("/login", data={"username": "bailiff1", "password": accounts.AISEP["bailiff1"]})
        return list(client.get(f"/api/proceedings/{number}/actions").json()["items"])


def test_notices_go_once_and_past_the_term_one_account_arrest_waits_for_approval(
    settings: Settings, clean_sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = RunStore(settings.db_url)
    first = start_run("robot_bailiff", PARAMS, settings)
    assert first.status is RunStatus.DONE
    assert sorted(i.key for i in store.items(first.run_id)) == [NO_MONEY, WITH_MONEY]
    second = start_run("robot_bailiff", PARAMS, settings)  # the same day again: the term runs, nothing is sent
    assert {i.state for i in store.items(second.run_id)} == {ItemState.DONE}
    assert [c for c in store.site_calls(second.run_id) if c.action == "send"] == []

    refs = Counter(m["ref"] for m in gateway_messages(clean_sandbox) if m["ref"].startswith("simplified:"))
    assert {r: n for r, n in refs.items() if r.split(":")[1] in (NO_MONEY, WITH_MONEY)} == {
        f"simplified:{n}:{c}": 1 for n in (NO_MONEY, WITH_MONEY) for c in ("sms", "push")
    }
    for number in (NO_MONEY, WITH_MONEY):
        logged = [a for a in actions(clean_sandbox, number) if f"[simplified-notice:{number}]" in a["comment"]]
        assert len(logged) == 1, number

    later = clock.now() + dt.timedelta(days=6)  # past the 5 calendar days of the term
    monkeypatch.setattr(clock, "now", lambda: later)
    third = start_run("robot_bailiff", PARAMS, settings)
    states = {i.key: i for i in store.items(third.run_id)}
    assert states[NO_MONEY].state == ItemState.BUSINESS and states[NO_MONEY].error_code == "RobotHandOver"
    assert states[WITH_MONEY].state == ItemState.DONE
    [act] = ReviewQueue(store.engine).items(kind="account_arrest")
    assert act.state == ReviewState.PROPOSED and act.proceeding == WITH_MONEY
    fields = states[WITH_MONEY].result["fields"]
    assert Decimal(fields["arrest_amount"]) == Decimal("11001.96")  # the debt, not the account's 17 787,63
    assert fields["documents_filed"] == 0
    assert not [
        a for a in actions(clean_sandbox, WITH_MONEY) if a["kind"] == "arrest_imposed" and "ORY-" in a["comment"]
    ]
    todo = load_workbook(third.report)[T("report.sheet.todo")]
    rows = {str(r[5]): str(r[1]) for r in todo.iter_rows(min_row=2, values_only=True)}
    assert T("error_code.RobotHandOver") in rows[NO_MONEY]  # the hand-over, in the office's language

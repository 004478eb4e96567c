"""payments end to end in real Chromium, on a sandbox of its own (the payments change AIS EP's cards): the deposit
account's statement of a night matched against the sandbox's truth, each matched payment's distribution recorded on
its cards and paid out by orders at the bank exactly once through a run killed half-way, its resume and a rerun; a
payment paid in full lifts its measures by acts filed once; what is not sure waits for a person, then is paid out on
the proceeding the person named."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import httpx
import pytest
from openpyxl import load_workbook

from app.runs import resume_run, start_run
from orynda.config import Settings
from orynda.i18n import texts
from orynda.review import ReviewQueue, ReviewState
from orynda.runstore import RunStore
from orynda.schema import ItemState, RunStatus
from sandbox.credentials import write_secrets
from sandbox.server import Sandbox, start_subprocess
from sandbox.sites.shared import accounts
from tests.e2e.test_register_check import wait_for_done_items

pytestmark = pytest.mark.e2e
ROOT = Path(__file__).resolve().parents[2]
T = texts("kk")
SEED, DEBTORS = 42, 1000  # the shared sandbox's world, on a server of its own
PARAMS = {"days": "14"}  # the whole seeded statement


@pytest.fixture(scope="module")
def bank_sandbox() -> Iterator[Sandbox]:
    server = start_subprocess(seed=SEED, debtors=DEBTORS)
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def day(settings: Settings, bank_sandbox: Sandbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Settings:
    secrets = write_secrets(bank_sandbox.url, tmp_path / "secrets")
    monkeypatch.setenv("ORYNDA_SECRETS_FILE", str(secrets))
    return settings.model_copy(update={"sandbox_url": bank_sandbox.url})


class Registries:
    """AIS EP and the bank as their APIs show them to bailiff1, for the assertions."""

    def __init__(self, sandbox: Sandbox) -> None:
        self.aisep = httpx.Client(base_url=sandbox.url + "/aisep", timeout=30)
        self.aisep.post("/login", data={"username": "bailiff1", "password": accounts.AISEP["bailiff1"]})
        self.bank = httpx.Client(base_url=sandbox.url + "/bank_sandyq", timeout=30)
        password = accounts.BANK_SANDYQ["chsi-bailiff1"]
        self.bank.post("/login", data={"username": "chsi-bailiff1", "password": password})
        self.truth = {p["reference"]: p for p in self.bank.get("/_deposit/truth").json()["payments"]}

    def card(self, number: str) -> dict[str, Any]:
        return dict(self.aisep.get(f"/api/proceedings/{number}").json())

    def close(self) -> None:
        self.aisep.close()
        self.bank.close()

    def orders(self) -> list[dict[str, Any]]:
        first = self.bank.get("/api/deposit/orders").json()
        pages = [self.bank.get("/api/deposit/orders", params={"page": p}).json() for p in range(2, first["pages"] + 1)]
        return [o for page in (first, *pages) for o in page["items"]]


def runner(settings: Settings, sandbox: Sandbox) -> subprocess.Popen[bytes]:
    command = [sys.executable, str(ROOT / "runner.py"), "run", "payments", "--param", "days=14",
               "--home", str(settings.home), "--sandbox-url", sandbox.url, "--no-progress"]  # fmt: skip
    env = {k: v for k, v in os.environ.items() if not k.startswith("ORYNDA_")}
    env["ORYNDA_SECRETS_FILE"] = os.environ["ORYNDA_SECRETS_FILE"]
    return subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def items_sheet(report: Path) -> dict[str, dict[str, Any]]:
    sheet = load_workbook(report)[T("report.sheet.items")]
    rows = list(sheet.iter_rows(values_only=True))
    titles = rows[0]
    reference = titles.index(T("report.column.reference"))
    return {str(row[reference]): dict(zip(titles, row, strict=False)) for row in rows[1:]}


def money(value: Any) -> Decimal:
    return Decimal(str(value or 0)).quantize(Decimal("0.01"))


@pytest.fixture
def sites(bank_sandbox: Sandbox) -> Iterator[Registries]:
    registries = Registries(bank_sandbox)
    yield registries
    registries.close()


def test_a_night_of_payments_is_matched_distributed_and_paid_out_once(
    day: Settings, bank_sandbox: Sandbox, sites: Registries
) -> None:
    store = RunStore(day.db_url)
    before = {number: sites.card(number) for number in {n for t in sites.truth.values() for n in t["proceedings"]}}

    process = runner(day, bank_sandbox)  # killed half-way, then resumed, then the same statement again
    run_id = wait_for_done_items(store, process, at_least=8)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    resumed = resume_run(run_id, day)
    assert resumed.status is RunStatus.DONE
    again = start_run("payments", PARAMS, day)
    assert again.status is RunStatus.DONE

    items = {i.key: i for i in store.items(run_id)}
    assert set(items) == set(sites.truth)  # every credit of the statement is an item
    done = {k: i for k, i in items.items() if i.state == ItemState.DONE}
    held = {k: i for k, i in items.items() if i.state != ItemState.DONE}
    sheet = items_sheet(resumed.report)

    # matched: to the truth's debtor and proceedings, never a stranger's payment, never the namesake's
    for reference, item in done.items():
        truth = sites.truth[reference]
        assert truth["kind"] != "stranger", reference
        assert set(item.result["fields"]["proceedings"].split(", ")) <= set(truth["proceedings"]), reference
    assert all(sites.truth[r]["kind"] == "stranger" for r in sites.truth if r not in done) or held
    kinds = Counter(sites.truth[r]["kind"] for r in done)
    assert kinds["number"] >= 20 and kinds["mistyped"] >= 3 and kinds["iin"] >= 6  # the mistyped ones by the IIN
    assert not any(sites.truth[r]["kind"] == "stranger" for r in done)

    # recorded on the cards once, and paid out to each creditor once, as the statement on the sheet says
    orders = sites.orders()
    assert len(orders) == len({o["doc_no"] for o in orders})  # no order twice through the kill, resume and rerun
    for reference in done:
        row = sheet[reference]
        received, to_creditors = money(row[T("report.column.amount")]), money(row[T("report.column.to_creditors")])
        fee, returned = money(row[T("report.column.fee")]), money(row[T("report.column.returned")])
        assert received == to_creditors + fee + returned, reference
        recorded = [
            money(p["amount"])
            for n in sites.truth[reference]["proceedings"]
            for p in sites.card(n)["payments"]
            if p["reference"] == reference
        ]
        assert sum(recorded, Decimal(0)) == to_creditors and len(recorded) >= (1 if to_creditors else 0)
        paid_out = [money(o["amount"]) for o in orders if reference in o["purpose"] and "return" not in o["doc_no"]]
        assert sum(paid_out, Decimal(0)) == to_creditors, reference

    # paid in full: every measure of the debtor lifted by its acts (the exit ban's, the arrests'), each filed once,
    # to the debtor's first proceeding as a debtor's acts are
    full = [r for r in done if sites.truth[r]["full"]]
    assert full
    for reference in full:
        numbers = sites.truth[reference]["proceedings"]
        cards = [sites.card(number) for number in numbers]
        assert all(money(card["remaining"]) == 0 for card in cards), reference
        measures = {m for number in numbers for m in before[number]["restrictions"]}
        lifted = [a for card in cards for a in card["actions"] if a["kind"] == "restriction_lifted"]
        acts = ("exit_ban" in measures) + any(m.endswith("_arrest") for m in measures)
        assert len(lifted) == acts, (reference, numbers, measures)
    assert sheet[full[0]][T("report.column.paid_in_full")] == T.value(True)

    # not sure: held for a person with the candidates, nothing paid out or recorded
    queue = ReviewQueue(store.engine)
    waiting = {r.act: r for r in queue.items(kind="payment_match")}
    assert {f"PAY-{r}"[:32] for r in held} == set(waiting)
    for reference in held:
        assert not any(reference in o["purpose"] for o in orders)
        assert money(sheet[reference][T("report.column.held")]) == money(sites.truth[reference]["amount"])

    # a person names the proceeding of a held payment that is not a stranger's: the next run pays it out there
    chosen = next((r for r in held if sites.truth[r]["proceedings"]), None)
    if chosen is not None:
        number = sites.truth[chosen]["proceedings"][0]
        queue.approve(waiting[f"PAY-{chosen}"[:32]].id, "bailiff1", f"төлеуші хабарласты, ІЖ {number}")
        last = start_run("payments", PARAMS, day)
        assert {i.key: i.state for i in store.items(last.run_id)}[chosen] == ItemState.DONE
        assert any(p["reference"] == chosen for p in sites.card(number)["payments"])
        assert queue.items(act=f"PAY-{chosen}"[:32])[0].state is ReviewState.APPROVED

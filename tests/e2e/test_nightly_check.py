"""nightly_check end to end: AIS EP and six registries of one seeded world, in real Chromium."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from app.runs import start_run
from domain.checks.assets import DebtorFile, assess
from domain.deadlines import voluntary_execution_deadline
from orynda import clock
from orynda.config import Settings
from orynda.documents import register_for
from orynda.flow import ItemResult
from orynda.i18n import texts
from orynda.review import ReviewQueue, ReviewState
from orynda.runstore import RunStore
from orynda.schema import ItemState, RunStatus
from sandbox import nca
from sandbox.credentials import write_secrets
from sandbox.server import Sandbox, start_subprocess
from sandbox.world import build_world
from tests.documents.russian import russian_words
from tests.world_records import debtor_files


def pdf_text(path: str | None) -> str:
    assert path is not None
    return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)


pytestmark = pytest.mark.e2e
T = texts("kk")  # the report is in the office's language, Kazakh by default
SEED, DEBTORS = 7, 40  # bailiff1 holds active proceedings of 18 debtors in this world


def _serve(**options: int) -> Iterator[Sandbox]:
    server = start_subprocess(seed=SEED, debtors=DEBTORS, **options)
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="module")
def world_sandbox() -> Iterator[Sandbox]:
    yield from _serve()


@pytest.fixture
def idle_sandbox() -> Iterator[Sandbox]:
    """The same world, with sessions that run idle after 2 s."""
    yield from _serve(session_idle_s=2)


@pytest.fixture
def night(settings: Settings, world_sandbox: Sandbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Settings:
    world_sandbox.reset_faults()
    monkeypatch.setenv("ORYNDA_SECRETS_FILE", str(write_secrets(world_sandbox.url, tmp_path / "secrets")))
    return settings.model_copy(update={"sandbox_url": world_sandbox.url})


def expected_files() -> dict[str, DebtorFile]:
    """What the registries should tell the bots, straight from the world the sandbox serves."""
    return debtor_files(build_world(SEED, DEBTORS))


def todo_rows(book: Any) -> list[dict[str, Any]]:
    """The To do sheet's rows by column: deadline, what, kind, debtor, iin, proceeding, row, link."""
    names = ("deadline", "what", "kind", "debtor", "iin", "proceeding", "row", "link")
    return [dict(zip(names, r)) for r in book[T("report.sheet.todo")].iter_rows(min_row=2, values_only=True)]


def findings_of(item_result: dict | None) -> list[tuple[str, Decimal | None]]:
    return sorted(
        (f["code"], Decimal(f["amount"]) if f.get("amount") else None) for f in (item_result or {}).get("findings", [])
    )


def test_known_debtors_give_exactly_the_expected_findings(night: Settings) -> None:
    outcome = start_run("nightly_check", {}, night)

    expected = expected_files()
    today: dt.date = clock.now().date()
    store = RunStore(night.db_url)
    items = {i.key: i for i in store.items(outcome.run_id)}
    assert outcome.status is RunStatus.DONE
    assert sorted(items) == sorted(expected)
    for iin, debtor in expected.items():
        item = items[iin]
        assert item.state == ItemState.DONE, (iin, item.error_message)
        want = sorted((f.code, f.amount) for f in assess(debtor, today))
        assert findings_of(item.result) == want, iin
    codes = {code for i in items.values() for code, _ in findings_of(i.result)}
    assert {"registries_disagree", "account_with_balance", "employer_found"} <= codes  # the world has them all
    kept = [f for i in items.values() for f in (i.result or {}).get("findings", []) if f.get("evidence")]
    assert kept and any(f["code"] == "employer_found" for f in kept)
    for f in kept:  # each screenshot's SHA-256 is recorded with its finding and in its folder's manifest
        shot = Path(f["evidence"])
        manifest = json.loads((shot.parent / "evidence.json").read_text(encoding="utf-8"))
        assert f["evidence_sha256"] == hashlib.sha256(shot.read_bytes()).hexdigest() == manifest[shot.name]["sha256"]
        assert manifest[shot.name]["address"].startswith(night.site(f["registries"][0]).base_url)

    book = load_workbook(outcome.report)
    sheet = {name: T(f"report.sheet.{name}") for name in ("summary", "todo", "items", "exceptions", "findings")}
    assert book.sheetnames[:4] == [sheet["summary"], sheet["todo"], sheet["items"], sheet["exceptions"]]
    assert {sheet["findings"], T("report.sheet.registries")} <= set(book.sheetnames)
    finding_rows = list(book[sheet["findings"]].iter_rows(min_row=2, values_only=True))
    assert len(finding_rows) == sum(len(findings_of(i.result)) for i in items.values())
    assert {row[13] for row in finding_rows if row[13]} == {f["evidence_sha256"] for f in kept}  # the sheet proves them
    registries = {row[0]: row for row in book[T("report.sheet.registries")].iter_rows(min_row=2, values_only=True)}
    assert {T.site(s) for s in ("aisep", "egov_realty", "egov_vehicles", "esalyq", "enpf", "bank_sandyq")} <= set(
        registries
    )
    assert T.site("bank_qazyna") in registries
    enpf = registries[T.site("enpf")]
    assert enpf[1] >= len(expected) and enpf[3] == 0  # lookups, no failures

    results = {key: ItemResult.from_json(i.result) for key, i in items.items()}
    documents = [d for r in results.values() for d in r.documents]
    robot_filed = [d for d in documents if d.review is None]  # the shipped policy lets the robot file these
    waiting = [d for d in documents if d.review is not None]  # arrests, levies, exit bans: a person decides
    assert all(d.filed for d in robot_filed)
    assert waiting and all(d.review == "proposed" and not d.filed for d in waiting)  # not in AIS EP after the night
    assert all(r.fields["documents_filed"] == sum(d.review is None for d in r.documents) for r in results.values())
    assert len(list(book[T("report.sheet.documents")].iter_rows(min_row=2))) == len(documents)
    uploads = [c for c in store.site_calls(outcome.run_id) if c.action == "upload_document" and c.outcome == "ok"]
    assert len(uploads) == len(robot_filed)  # each language of each act the robot may file uploaded once
    proposed = ReviewQueue(store.engine).items(state=ReviewState.PROPOSED)
    assert sorted(d.act for d in waiting) == sorted(a.act for a in proposed for _ in a.documents)
    people = [b.name for b in build_world(SEED, DEBTORS).bailiffs] + [d.debtor for d in documents]
    kazakh = [d for d in documents if d.language == "kk"]
    russian = {d.number: sorted(russian_words(pdf_text(d.pdf), people)) for d in kazakh}
    assert kazakh and {n: w for n, w in russian.items() if w} == {}  # no Russian in a Kazakh act
    for d in kazakh:  # the Russian version carries the same number
        assert d.act in pdf_text(d.pdf) and d.number not in pdf_text(d.pdf)

    todo = todo_rows(book)
    review = [r for r in todo if r["kind"] == T("report.todo.kind.review")]
    assert sorted((r["debtor"], r["proceeding"], r["what"].rsplit("№ ", 1)[1]) for r in review) == sorted(
        (a.debtor_name, a.proceeding, a.act) for a in proposed
    )  # every act waiting for a decision, once, with its debtor and proceeding
    assert all(r["link"].startswith("documents/") and r["link"].endswith(".pdf") for r in review)
    # an opening's notice gives 5 days to pay (this world's proceedings are all opened; the exit-ban warnings the
    # robot filed start no term of the debtor's)
    opened = sorted(d.proceeding for d in documents if d.kind == "opening" and d.language == "kk")
    terms = [r for r in todo if r["kind"] == T("report.todo.kind.deadline")]
    assert sorted(r["proceeding"] for r in terms) == opened
    assert all(r["deadline"].date() == voluntary_execution_deadline(today).due for r in terms)
    assert todo[: len(terms)] == terms and len(todo) == len(terms) + len(review)  # soonest first; nothing failed


def test_the_next_night_files_nothing_twice(night: Settings) -> None:
    first = start_run("nightly_check", {"limit": "3"}, night)
    again = start_run("nightly_check", {"limit": "3"}, night)

    store = RunStore(night.db_url)
    numbers = [
        sorted(d.number for i in store.items(run) for d in ItemResult.from_json(i.result).documents)
        for run in (first.run_id, again.run_id)
    ]
    assert numbers[0] and numbers[0] == numbers[1]  # the same facts give back the same documents
    filings = [c for c in store.site_calls(again.run_id) if c.action in ("upload_document", "register_action")]
    assert filings == []

    sheet = load_workbook(again.report)[T("report.sheet.trend")]
    trend = {r[0]: r[1:4] for r in sheet.iter_rows(values_only=True)}
    findings = sum(len(ItemResult.from_json(i.result).findings) for i in store.items(first.run_id))
    assert trend[T("report.trend.figure.run")] == (again.run_id, first.run_id, None)
    assert [trend[T(f"report.trend.figure.{name}")][0] for name in ("new", "resolved", "still_open")] == [
        0,
        0,
        findings,
    ]  # the same world the next night: every finding still open
    assert trend[T("report.trend.figure.acts_filed")][2] == 0  # nothing filed twice, nothing undone
    assert T("report.trend.history", count=2) in trend and len(sheet._charts) == 1  # both nights, charted


def test_one_registry_down_all_night_still_yields_the_other_findings(night: Settings, world_sandbox: Sandbox) -> None:
    world_sandbox.faults("/enpf", down=True)
    outcome = start_run("nightly_check", {"limit": "6"}, night)
    # (no documents: an act waits for the night every registry answers)
    assert outcome.status is RunStatus.DONE_WITH_FAILURES

    store = RunStore(night.db_url)
    items = store.items(outcome.run_id)
    assert len(items) == 6 and all(i.state == ItemState.SYSTEM for i in items)
    expected = expected_files()
    today = clock.now().date()
    for item in items:
        assert item.result is not None and item.result["fields"]["missing"] == "enpf"
        without_enpf = expected[item.key].__class__(
            **{**expected[item.key].__dict__, "contributions": (), "missing": ("enpf",)}
        )
        assert findings_of(item.result) == sorted((f.code, f.amount) for f in assess(without_enpf, today))
    sheet = load_workbook(outcome.report)[T("report.sheet.registries")]
    registries = {row[0]: row for row in sheet.iter_rows(min_row=2, values_only=True)}
    enpf = registries[T.site("enpf")]
    assert enpf[2] == 0 and enpf[3] > 0 and enpf[5] == 6
    assert registries[T.site("egov_realty")][3] == 0


def test_expired_sessions_are_renewed_mid_run(
    night: Settings, idle_sandbox: Sandbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Sessions idle out after 2 s in this sandbox; with 150 ms pages every site's session expires mid-run."""
    idle_sandbox.faults("*", latency_ms=150)
    monkeypatch.setenv("ORYNDA_SECRETS_FILE", str(write_secrets(idle_sandbox.url, tmp_path / "idle-secrets")))
    before = idle_sandbox.stats()
    outcome = start_run(
        "nightly_check",
        {"limit": "5", "documents": "off"},
        night.model_copy(update={"workers": 1, "sandbox_url": idle_sandbox.url}),
    )
    after = idle_sandbox.stats()
    store = RunStore(night.db_url)
    assert [i.state for i in store.items(outcome.run_id)] == [ItemState.DONE] * 5
    expired = {k: after[k] - before.get(k, 0) for k in after if k.endswith(":expired") and after[k] > before.get(k, 0)}
    assert expired, "no session expired: the test did not test renewal"
    renewed = {k.replace(":expired", ":sign_ins") for k in expired}
    assert all(after[k] - before.get(k, 0) >= 2 for k in renewed)  # signed in, expired, signed in again
    assert outcome.summary.retries == 0


def test_an_act_waiting_for_a_person_is_filed_once_when_approved_and_never_when_rejected(night: Settings) -> None:
    start_run("nightly_check", {"limit": "4"}, night)
    store = RunStore(night.db_url)
    queue = ReviewQueue(store.engine)
    waiting = queue.items(state=ReviewState.PROPOSED)
    assert len(waiting) >= 2, "the night proposed too few acts to test both decisions"

    def uploaded(run_id: str) -> set[str]:
        return {e.key.removeprefix("upload:") for e in store.side_effects(run_id=run_id, kind="document_upload")}

    approved, rejected = waiting[0], waiting[1]
    register = register_for(night.db_url)
    unsigned = [d for item in waiting for d in item.documents]
    assert all(register.signature(d["number"]) is None for d in unsigned)  # waiting for a person: not signed
    assert not any(Path(d["pdf"] + ".cms").exists() for d in unsigned)
    bailiff = build_world(SEED, DEBTORS).bailiffs[0].name  # bailiff1, the login of the secrets
    queue.approve(approved.id, "bailiff1", "checked against the card")
    queue.reject(rejected.id, "bailiff1", "the account is the employer's", not_a_finding=True)
    filing = start_run("file_approved", {}, night)
    assert filing.status is RunStatus.DONE and filing.summary.total == 1
    assert uploaded(filing.run_id) == {d["number"] for d in approved.documents}  # kk and ru, each once
    assert queue.get(approved.id).state == ReviewState.FILED  # type: ignore[union-attr]
    for document in approved.documents:  # signed by the filer when filed, after the approval
        signature = register.signature(document["number"])
        assert signature is not None and signature.signer == bailiff
        assert nca.check(Path(document["pdf"]).read_bytes(), Path(signature.path).read_bytes()) == bailiff
    assert register.signature(rejected.documents[0]["number"]) is None  # rejected: never signed

    assert start_run("file_approved", {}, night).summary.total == 0  # nothing approved is left to file
    next_night = start_run("nightly_check", {"limit": "4"}, night)
    numbers = {d["number"] for d in (*approved.documents, *rejected.documents)}
    assert not uploaded(next_night.run_id) & numbers  # the filed act not again, the rejected one never
    assert queue.get(rejected.id).state == ReviewState.REJECTED  # type: ignore[union-attr]
    assert [i.act for i in queue.items() if i.fact == rejected.fact] == [rejected.act]  # not proposed again

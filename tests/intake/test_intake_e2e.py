"""intake end to end in real Chromium, on a sandbox of its own (opening proceedings changes AIS EP's list): a night
of 50 executive documents of every form gives exactly the proceedings the sandbox's truth calls for, each with the
document's court, case number, debtor and sum; a scan with a wrong IIN check digit waits for a person; a document
missing a required detail is returned with the law's ground and the detail named; what a person approves opens on
the next run, with the values the person corrected, and what a person rejects is returned with the person's
reason; a rerun opens nothing twice, and a fresh installation given the same documents again finds their
proceedings opened before."""

from __future__ import annotations

import json
import urllib.request
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from starlette.datastructures import FormData

from app.console.pages import intake as intake_page
from app.runs import start_run
from orynda.config import Settings
from orynda.documents import register_for
from orynda.i18n import texts
from orynda.review import ReviewQueue
from orynda.runstore import RunStore
from orynda.schema import ItemState, RunStatus
from sandbox.credentials import write_secrets
from sandbox.server import Sandbox, start_subprocess

pytestmark = pytest.mark.e2e
T = texts("kk")
# 16 structured and text-layer documents (flawless and flawed), 3 scans (one with a wrong IIN check digit) and a
# structured document without its case number: the first documents of seed 42's cabinet, and its 78th; then 28
# flawless structured and text-layer documents and 2 flawless scans of the next ones: a night of 50
NIGHT = [0, 1, 2, 3, 4, 6, 7, 8, 9, 10, 11, 13, 15, 18, 19, 21, 23, 24, 31, 77]
NIGHT += [
    33,
    38,
    40,
    42,
    46,
    47,
    48,
    49,
    53,
    54,
    55,
    57,
    59,
    61,
    64,
    68,
    70,
    71,
    72,
    73,
    74,
    76,
    78,
    79,
    80,
    82,
    85,
    87,
]
NIGHT += [34, 36]
WRONG_CHECK_DIGIT_SCAN = "ИД-2026-000005"
MISSING_CASE_NUMBER = "ИД-2026-000078"
UNLISTED_COURT = "ИД-2026-000024"  # a text-layer writ of a court the reference list lacks


@pytest.fixture(scope="module")
def own_sandbox() -> Iterator[Sandbox]:
    server = start_subprocess(seed=42, debtors=200)
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def night(settings: Settings, own_sandbox: Sandbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Settings:
    secrets = write_secrets(own_sandbox.url, tmp_path / "secrets")
    monkeypatch.setenv("ORYNDA_SECRETS_FILE", str(secrets))
    control(own_sandbox, "/court_cabinet/_reset", {"indices": NIGHT})
    return settings.model_copy(update={"sandbox_url": own_sandbox.url})


def control(sandbox: Sandbox, path: str, body: dict[str, Any] | None = None) -> dict[str, Any]:
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(sandbox.url + path, data=data, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=60) as answer:
        return dict(json.load(answer))


def cabinet(sandbox: Sandbox) -> dict[str, dict[str, Any]]:
    return {d["number"]: d for d in control(sandbox, "/court_cabinet/_truth")["documents"]}


def opened(sandbox: Sandbox) -> list[dict[str, Any]]:
    return list(control(sandbox, "/aisep/_opened")["opened"])


def proceeding_of(truth: dict[str, str]) -> tuple[str, str, str, Decimal]:
    """What a document's proceeding must say: its court, case number, debtor IIN and sum (0 for a share)."""
    return truth["court"], truth["case_number"], truth["debtor_iin"], Decimal(truth["amount"] or "0.00")


def test_a_night_of_documents_gives_exactly_the_expected_proceedings_once(
    night: Settings, own_sandbox: Sandbox, tmp_path: Path
) -> None:
    outcome = start_run("intake", {}, night)
    assert outcome.status is RunStatus.DONE
    store = RunStore(night.db_url)
    items = {i.key: i for i in store.items(outcome.run_id)}
    documents = cabinet(own_sandbox)
    assert set(items) == set(documents) and len(items) == len(NIGHT) == 50

    shown = {
        (p["court"], p["document"]["number"], p["debtor_iin"], Decimal(p["amount"])): p for p in opened(own_sandbox)
    }
    accepted = {n for n, d in documents.items() if d["status"] == "accepted"}
    # exactly one proceeding per accepted document, with the document's own details; no flawed document opened
    assert len(shown) == len(accepted) == len(opened(own_sandbox))
    assert {proceeding_of(documents[n]["truth"]) for n in accepted} == set(shown)
    assert all(not documents[n]["flaws"] for n in accepted)
    for number, d in documents.items():
        if d["form"] != "scan" and not d["flaws"]:
            assert number in accepted, (number, items[number].result)  # a document read for sure is opened
        if d["flaws"] and not d["flaws"][0].startswith("missing_required_detail"):
            assert d["status"] == "new" and items[number].state == ItemState.BUSINESS, number  # held for a person
    assert accepted >= {n for n, d in documents.items() if d["form"] == "scan" and not d["flaws"]} - {
        n for n, i in items.items() if i.state == ItemState.BUSINESS
    }
    for number in accepted:
        fields = items[number].result["fields"]
        assert fields["proceeding"] in {p["number"] for p in shown.values()}
        assert fields["intake_state"] == T("intake.state.opened")
        assert fields["documents_filed"] >= 1  # the debtor's notice, filed by the documents step
    # each opening decision drafted, waiting for the bailiff as the act policy says
    openings = ReviewQueue(store.engine).items(kind="opening")
    assert sorted(o.proceeding for o in openings) == sorted(p["number"] for p in shown.values())

    # the scan whose IIN fails its check digit waits for a person, with its fields, their confidences and its page
    queue = ReviewQueue(store.engine)
    [held] = queue.items(act=f"INTAKE-{WRONG_CHECK_DIGIT_SCAN}")
    assert documents[WRONG_CHECK_DIGIT_SCAN]["form"] == "scan" and held.kind == "intake_document"
    assert T("intake.reason.iin_check_digit") in held.conflicts["intake_reasons"]
    assert documents[WRONG_CHECK_DIGIT_SCAN]["truth"]["debtor_iin"] in held.conflicts["debtor_iin"]["court_cabinet"]
    assert any(p.endswith("page.png") and Path(p).is_file() for p in held.evidence)

    # the document without its case number is returned with the law's ground, the detail named
    returned = documents[MISSING_CASE_NUMBER]
    assert returned["status"] == "returned" and items[MISSING_CASE_NUMBER].state == ItemState.DONE
    assert "38" in returned["reason"] and T("console.field.case_number") in returned["reason"]
    assert [n for n, d in documents.items() if d["status"] == "returned"] == [MISSING_CASE_NUMBER]
    # with the decision refusing to open proceedings attached, in Kazakh and Russian, numbered by the register
    register = register_for(night.db_url)
    refusals = [d for d in register.documents(run_id=outcome.run_id) if d.kind == "opening_refusal"]
    assert [(d.language, d.proceeding) for d in refusals] == [("kk", MISSING_CASE_NUMBER), ("ru", MISSING_CASE_NUMBER)]
    assert sorted(a["sha256"] for a in returned["acts"]) == sorted(str(d.pdf_sha256) for d in refusals)
    assert all(d.filed_at is not None for d in refusals)
    listed = items[MISSING_CASE_NUMBER].result["documents"]
    assert [(d["kind"], d["language"], d["filed"]) for d in listed] == [
        ("opening_refusal", "kk", True),
        ("opening_refusal", "ru", True),
    ]

    # the bailiff decides two held documents: the scan is returned with the bailiff's reason, the text whose issuer
    # is missing from the reference list is approved on the console's form, the debtor's name corrected there
    queue.reject(held.id, "bailiff1", "ЖСН қате: сотқа қайтарылсын")
    [unlisted] = queue.items(act=f"INTAKE-{UNLISTED_COURT}")
    assert documents[UNLISTED_COURT]["flaws"] == ["unknown_court"]
    corrected_name = documents[UNLISTED_COURT]["truth"]["debtor_name"].upper()
    form = FormData({"field.debtor_name": corrected_name})
    decided = intake_page.approve(queue, T, unlisted, "bailiff1", "сот дұрыс, анықтамалыққа әлі енбеген", form)
    assert decided.item is not None and decided.item.state == "changed_approved", decided.refused

    # a rerun finds only the held documents new, opens the approved one and nothing twice
    again = start_run("intake", {}, night)
    assert again.status is RunStatus.DONE
    assert {i.key for i in store.items(again.run_id)} == {n for n, d in documents.items() if d["status"] == "new"}
    now = cabinet(own_sandbox)
    assert now[WRONG_CHECK_DIGIT_SCAN]["status"] == "returned"
    assert "ЖСН қате: сотқа қайтарылсын" in now[WRONG_CHECK_DIGIT_SCAN]["reason"]
    assert len(now[WRONG_CHECK_DIGIT_SCAN]["acts"]) == 2  # its refusal, kk and ru, with the bailiff's reason
    refusals = [d for d in register.documents() if d.kind == "opening_refusal"]
    assert sorted({d.proceeding for d in refusals}) == sorted([MISSING_CASE_NUMBER, WRONG_CHECK_DIGIT_SCAN])
    assert len(refusals) == 4  # one act each, never issued again
    assert now[UNLISTED_COURT]["status"] == "accepted"
    after = [(p["court"], p["document"]["number"], p["debtor_iin"], Decimal(p["amount"])) for p in opened(own_sandbox)]
    assert len(after) == len(set(after)) == len(shown) + 1
    assert set(after) - set(shown) == {proceeding_of(documents[UNLISTED_COURT]["truth"])}
    [new_one] = [
        p for p in opened(own_sandbox) if p["document"]["number"] == documents[UNLISTED_COURT]["truth"]["case_number"]
    ]
    assert new_one["debtor_name"] == corrected_name  # opened with the person's value, not the one read

    # the same documents all new again, on an installation that never saw them: AIS EP knows them opened
    control(own_sandbox, "/court_cabinet/_reset", {"indices": NIGHT})
    elsewhere = night.model_copy(update={"home": tmp_path / "elsewhere", "database_url": None})
    third = start_run("intake", {}, elsewhere)
    assert third.status is RunStatus.DONE
    assert len(opened(own_sandbox)) == len(shown) + 1
    results = {i.key: i.result for i in RunStore(elsewhere.db_url).items(third.run_id)}
    assert {
        n for n, r in results.items() if r and r["fields"].get("intake_state") == T("intake.state.opened_before")
    } == accepted

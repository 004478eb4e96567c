"""The court cabinet site in process: sign-in, the list with its filters and paging, a card (details only for a
structured document), the file, accept (twice harmless) and return with a reason, the truth and the reset."""

from __future__ import annotations

import hashlib
from typing import Any

import pytest
from starlette.testclient import TestClient

from sandbox.app import create_app
from sandbox.sites.shared.accounts import COURT_CABINET
from tests.sandbox.fakes import DEBTORS, IDLE_S, SEED, FakeClock

USER = "chsi.bailiff1"


@pytest.fixture
def cabinet() -> Any:
    app = create_app(seed=SEED, debtors=DEBTORS, options={"clock": FakeClock(), "session_idle_s": IDLE_S})
    with TestClient(app) as client:
        client.post("/court_cabinet/_reset", json={"count": 25})
        yield client


def sign_in(client: TestClient) -> None:
    answer = client.post("/court_cabinet/login", data={"username": USER, "password": COURT_CABINET[USER]})
    assert answer.status_code == 200 and 'id="documents-table"' in answer.text


def truth(client: TestClient) -> list[dict[str, Any]]:
    return list(client.get("/court_cabinet/_truth").json()["documents"])


def test_the_list_needs_a_sign_in_and_pages_through_every_document(cabinet: TestClient) -> None:
    assert cabinet.get("/court_cabinet/documents", follow_redirects=False).status_code == 303
    wrong = cabinet.post("/court_cabinet/login", data={"username": USER, "password": "nope"})
    assert wrong.status_code == 401
    sign_in(cabinet)
    first = cabinet.get("/court_cabinet/documents?status=new")
    second = cabinet.get("/court_cabinet/documents?status=new&page=2")
    numbers = [d["number"] for d in truth(cabinet)]
    shown = [n for n in numbers if f'data-number="{n}"' in first.text + second.text]
    assert sorted(shown) == sorted(numbers) and len(numbers) == 25
    assert 'id="next-page" name="page" value="2">' in first.text
    assert 'id="next-page" name="page" value="3" disabled' in second.text


def test_a_card_shows_details_only_for_structured_documents_and_gives_the_pdf(cabinet: TestClient) -> None:
    sign_in(cabinet)
    documents = truth(cabinet)
    structured = next(d for d in documents if d["form"] == "structured")
    scan = next(d for d in documents if d["form"] == "scan")
    card = cabinet.get(f"/court_cabinet/documents/{structured['number']}").text
    assert 'id="details"' in card and structured["truth"]["debtor_iin"] in card
    card = cabinet.get(f"/court_cabinet/documents/{scan['number']}").text
    assert 'id="details"' not in card and scan["truth"]["debtor_iin"] not in card
    pdf = cabinet.get(f"/court_cabinet/documents/{scan['number']}/file")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF-")
    assert cabinet.get("/court_cabinet/documents/nope").status_code == 404


def test_accept_twice_is_harmless_and_a_return_needs_a_reason(cabinet: TestClient) -> None:
    sign_in(cabinet)
    first, second = (d["number"] for d in truth(cabinet)[:2])
    for _ in range(2):
        answer = cabinet.post(f"/court_cabinet/documents/{first}/accept")
        assert 'id="accepted-done"' in answer.text
    assert 'data-code="state"' in cabinet.post(f"/court_cabinet/documents/{first}/return", data={"reason": "x"}).text
    assert 'data-code="reason"' in cabinet.post(f"/court_cabinet/documents/{second}/return", data={"reason": " "}).text
    returned = cabinet.post(f"/court_cabinet/documents/{second}/return", data={"reason": "ст. 23: нет ИИН"})
    assert 'id="returned-done"' in returned.text and "ст. 23: нет ИИН" in returned.text
    assert 'data-code="state"' in cabinet.post(f"/court_cabinet/documents/{second}/accept").text
    states = {d["number"]: (d["status"], d["reason"]) for d in truth(cabinet)}
    assert {d["number"]: d["acts"] for d in truth(cabinet)}[second] == []  # returned with no act attached
    assert states[first] == ("accepted", "") and states[second] == ("returned", "ст. 23: нет ИИН")
    accepted = cabinet.get("/court_cabinet/documents?status=accepted").text
    assert f'data-number="{first}"' in accepted and f'data-number="{second}"' not in accepted


def test_the_file_needs_a_live_session(cabinet: TestClient) -> None:
    number = truth(cabinet)[0]["number"]
    assert cabinet.get(f"/court_cabinet/documents/{number}/file").status_code == 401


def test_a_return_keeps_the_acts_attached_and_refuses_a_file_that_is_not_a_pdf(cabinet: TestClient) -> None:
    sign_in(cabinet)
    third = truth(cabinet)[2]["number"]
    not_pdf = {"act": ("act.docx", b"PK\x03\x04", "application/octet-stream")}
    refused = cabinet.post(f"/court_cabinet/documents/{third}/return", data={"reason": "ст. 38"}, files=not_pdf)
    assert 'data-code="act_file"' in refused.text
    act = b"%PDF-1.4\n% the act of return\n%%EOF\n"
    files = [
        ("act", ("ORY-2026-000001-KK.pdf", act, "application/pdf")),
        ("act", ("RU.pdf", act + b" ", "application/pdf")),
    ]
    returned = cabinet.post(f"/court_cabinet/documents/{third}/return", data={"reason": "ст. 38"}, files=files)
    assert 'id="returned-done"' in returned.text and hashlib.sha256(act).hexdigest() in returned.text
    [shown] = [d for d in truth(cabinet) if d["number"] == third]
    assert shown["status"] == "returned"
    assert [(a["name"], a["sha256"]) for a in shown["acts"]] == [
        ("ORY-2026-000001-KK.pdf", hashlib.sha256(act).hexdigest()),
        ("RU.pdf", hashlib.sha256(act + b" ").hexdigest()),
    ]

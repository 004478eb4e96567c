"""AIS EP opens a proceeding from an accepted executive document: a new active case in the bailiff's list and card,
and the same document (court, case number, debtor IIN) opened again gives the first proceeding's number back."""

from __future__ import annotations

from typing import Any

import pytest
from starlette.testclient import TestClient

from tests.sandbox.test_aisep import Login

DOCUMENT = {
    "court": "Алмалинский районный суд г. Алматы",
    "case_number": "2-4512/2026",
    "document_kind": "writ",
    "document_date": "2026-10-05",
    "debtor_iin": "900101300811",
    "debtor_name": "Сейтов Арман Болатович",
    "creditor_name": "ТОО «Тұран Коммунал»",
    "creditor_id": "110240055614",
    "amount": "125 400,50",
    "category": "other",
}


@pytest.fixture
def bailiff1(client: TestClient, password_login: Login) -> TestClient:
    assert password_login("/aisep", "bailiff1", "sandbox-pass-1").status_code == 303
    return client


def opened(client: TestClient) -> list[dict[str, Any]]:
    return list(client.get("/aisep/_opened").json()["opened"])


def test_an_opened_proceeding_is_in_the_list_and_its_card(bailiff1: TestClient) -> None:
    answer = bailiff1.post("/aisep/api/proceedings/open", json=DOCUMENT)
    assert answer.status_code == 201 and answer.json()["existing"] is False
    number = answer.json()["number"]
    card = bailiff1.get(f"/aisep/api/proceedings/{number}").json()
    assert (card["debtor_iin"], card["amount"], card["remaining"], card["status"]) == (
        "900101300811",
        "125400.50",
        "125400.50",
        "active",
    )
    assert card["document"]["number"] == "2-4512/2026" and card["document"]["kind"] == "writ"
    assert not any(a["kind"] == "initiated" for a in card["actions"])  # the opening decision is still to be filed
    listed = bailiff1.get("/aisep/api/proceedings", params={"iin": "900101300811"}).json()["items"]
    assert [c["number"] for c in listed] == [number]
    assert [c["number"] for c in opened(bailiff1)] == [number]


def test_the_same_document_opened_twice_gives_the_existing_number(bailiff1: TestClient) -> None:
    first = bailiff1.post("/aisep/api/proceedings/open", json=DOCUMENT).json()["number"]
    spaced = {**DOCUMENT, "court": "  алмалинский районный суд  г. Алматы ", "amount": "1"}
    again = bailiff1.post("/aisep/api/proceedings/open", json=spaced)
    assert again.status_code == 200 and again.json() == {"number": first, "existing": True}
    page = bailiff1.post("/aisep/proceedings/open", data=DOCUMENT)
    assert 'id="opened-existing"' in page.text and first in page.text
    other = bailiff1.post("/aisep/proceedings/open", data={**DOCUMENT, "case_number": "2-4513/2026"})
    assert 'id="opened-new"' in other.text
    assert len(opened(bailiff1)) == 2


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"debtor_iin": "900101300812"}, "invalid_iin"),
        ({"court": ""}, "missing_court"),
        ({"category": "pledge"}, "invalid_category"),
        ({"amount": "12,345"}, "invalid_amount_or_date"),
    ],
)
def test_a_bad_document_is_refused_by_name(bailiff1: TestClient, change: dict[str, str], code: str) -> None:
    answer = bailiff1.post("/aisep/api/proceedings/open", json={**DOCUMENT, **change})
    assert answer.status_code == 400 and answer.json() == {"error": code}
    page = bailiff1.post("/aisep/proceedings/open", data={**DOCUMENT, **change})
    assert page.status_code == 400 and f'data-code="{code}"' in page.text
    assert opened(bailiff1) == []

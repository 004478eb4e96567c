"""The notification gateway: a message sent once per reference, its receipt after a while with the outcome the
seed fixed for the debtor's phone or eGov Mobile, paging, the daily quota, the operator's page in both languages."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import httpx
import pytest
from starlette.testclient import TestClient

from sandbox.app import create_app
from sandbox.world import World
from sandbox.world_contacts import contact_of
from tests.sandbox.fakes import DEBTORS, SEED, FakeClock

Login = Callable[..., httpx.Response]
API = "/notify_gateway/api/messages"
RECEIPT_AFTER_S = 30


@pytest.fixture
def gateway(clock: FakeClock, password_login: Login) -> Iterator[TestClient]:
    options = {"clock": clock, "receipt_after_s": RECEIPT_AFTER_S, "daily_quota": 12}
    with TestClient(create_app(seed=SEED, debtors=DEBTORS, options=options)) as client:
        signed = client.post(
            "/notify_gateway/login",
            data={"username": "chsi.bailiff1", "password": "notify-pass-1"},
            follow_redirects=False,
        )
        assert signed.headers["location"] == "/notify_gateway/"
        yield client


def send(client: TestClient, channel: str, recipient: str, ref: str) -> httpx.Response:
    return client.post(API, json={"channel": channel, "recipient": recipient, "text": "Хабарлама", "ref": ref})


def test_each_receipt_comes_later_with_the_outcome_the_seed_fixed(
    gateway: TestClient, clock: FakeClock, world: World
) -> None:
    sent = {}
    for n, debtor in enumerate(world.debtors[:6]):
        for channel in ("sms", "push"):
            answer = send(gateway, channel, debtor.person.iin, f"ref-{n}-{channel}")
            assert answer.status_code == 201 and answer.json()["status"] == "sent"
            sent[answer.json()["id"]] = contact_of(world, debtor.person.iin).outcome(channel)  # type: ignore[union-attr]
    clock.advance(RECEIPT_AFTER_S - 1)
    assert {m["status"] for m in gateway.get(API).json()["items"]} == {"sent"}
    clock.advance(1)
    shown = {m["id"]: m["status"] for m in gateway.get(API).json()["items"]}
    shown |= {m["id"]: m["status"] for m in gateway.get(API, params={"page": 2}).json()["items"]}
    assert shown == {k: "sent" if v == "no_receipt" else v for k, v in sent.items()}
    assert set(sent.values()) >= {"delivered", "unknown_number"}  # this world's first debtors show both


def test_the_same_reference_gives_the_first_message_back(gateway: TestClient, world: World) -> None:
    iin = world.debtors[0].person.iin
    first, again = send(gateway, "sms", iin, "notice:1"), send(gateway, "sms", iin, "notice:1")
    assert (first.status_code, again.status_code, again.json()["id"]) == (201, 200, first.json()["id"])
    assert gateway.get(API).json()["total"] == 1


@pytest.mark.parametrize(
    ("channel", "recipient", "error"),
    [
        ("push", "+7 701 234 56 78", "invalid_recipient"),
        ("sms", "12345", "invalid_recipient"),
        ("fax", "", "invalid_message"),
    ],
    ids=["push-to-a-phone", "not-a-number", "unknown-channel"],
)
def test_a_bad_message_is_refused(gateway: TestClient, channel: str, recipient: str, error: str) -> None:
    answer = send(gateway, channel, recipient, "x")
    assert (answer.status_code, answer.json()["error"]) == (400, error)


def test_the_daily_quota_stops_sending_and_the_list_pages_by_ten(gateway: TestClient, world: World) -> None:
    codes = [send(gateway, "sms", world.debtors[n].person.iin, f"q{n}").status_code for n in range(13)]
    assert codes == [201] * 12 + [429]
    first, second = gateway.get(API).json(), gateway.get(API, params={"page": 2}).json()
    assert (first["total"], first["pages"], len(first["items"]), len(second["items"])) == (12, 2, 10, 2)
    assert first["items"][0]["ref"] == "q11" and first["quota_left"] == 0


@pytest.mark.parametrize(("lang", "word"), [("kk", "Хабарлама жіберу"), ("ru", "Отправить сообщение")])
def test_the_operators_page_speaks_kazakh_and_russian(gateway: TestClient, lang: str, word: str) -> None:
    page = gateway.get("/notify_gateway/", params={"lang": lang})
    assert page.status_code == 200 and word in page.text and 'id="send-form"' in page.text


def test_the_page_and_the_api_need_a_sign_in(clock: FakeClock) -> None:
    with TestClient(create_app(seed=SEED, debtors=DEBTORS, options={"clock": clock})) as client:
        assert client.get("/notify_gateway/", follow_redirects=False).headers["location"] == "/notify_gateway/login"
        assert client.get(API).status_code == 401

"""A payment the robot could not match, in the console: the payment, why it waits and its candidates shown; approved
only with a proceeding chosen (a candidate or a number typed), never in bulk; the choice is what the next payments run
reads from the approval's note."""

from __future__ import annotations

from starlette.testclient import TestClient

from orynda.i18n import texts
from orynda.review import ReviewItem, ReviewQueue
from orynda.runstore import RunStore
from tests.console.conftest import World, log_in

T = texts("kk")


def held_payment(world: World, reference: str) -> ReviewItem:
    queue = ReviewQueue(RunStore(world.settings.db_url).engine)
    item = queue.propose(
        act=f"PAY-{reference}", fact=f"payment|{reference}", kind="payment_match", proceeding="2026-01-0007",
        debtor_iin="900101100001", debtor_name="Иванов И.", bailiff="aisep.aliya", run_id=world.run_id, item_seq=1,
        mode="review", facts_digest="d", documents=[], evidence=[],
        conflicts={
            "payment": {"reference": reference, "amount": "5000.00", "payer": "Иванова О.", "purpose": "за брата"},
            "candidates": [
                {"iin": "900101100001", "name": "Иванов И.", "proceeding": "2026-01-0007", "why": "name_of_several"},
                {"iin": "900101100009", "name": "Иванов И.", "proceeding": "2026-01-0009", "why": "name_of_several"},
            ],
            "doubt": "name_of_several",
        },
    )  # fmt: skip
    assert item is not None
    return item


def test_a_held_payment_shows_its_candidates_and_needs_a_proceeding_chosen(client: TestClient, world: World) -> None:
    item = held_payment(world, "SQ261201000001")
    csrf = log_in(client, "aliya")
    page = client.get(f"/review/{item.id}").text
    assert T("console.review.payment.kind") in page and T("payments.doubt.name_of_several") in page
    assert page.count('name="proceeding"') == 2 and "2026-01-0009" in page and "за брата" in page

    client.post(f"/review/{item.id}/approve", data={"csrf": csrf, "note": "қоңырау шалды"})
    queue = ReviewQueue(RunStore(world.settings.db_url).engine)
    assert queue.get(item.id).state == "proposed"  # type: ignore[union-attr]  # nothing chosen: refused

    client.post("/review/approve", data={"csrf": csrf, "ids": [str(item.id)]})
    assert queue.get(item.id).state == "proposed"  # type: ignore[union-attr]  # never in bulk

    client.post(f"/review/{item.id}/approve", data={"csrf": csrf, "proceeding": "2026-01-0009", "note": "расталды"})
    decided = queue.get(item.id)
    assert decided is not None and decided.state == "approved" and decided.reason == "2026-01-0009 расталды"


def test_a_payment_without_candidates_takes_a_number_typed_in(client: TestClient, world: World) -> None:
    item = held_payment(world, "SQ261201000002")
    csrf = log_in(client, "aliya")
    client.post(f"/review/{item.id}/approve", data={"csrf": csrf, "other": "2026-01-0011"})
    decided = ReviewQueue(RunStore(world.settings.db_url).engine).get(item.id)
    assert decided is not None and decided.state == "approved" and decided.reason == "2026-01-0011"

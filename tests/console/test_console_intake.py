"""A document the intake flow could not read for sure, in the console: what it is, each field's value with its
confidence, why it waits, the document's text and its page image, for a person to approve or reject."""

from __future__ import annotations

from pathlib import Path

from starlette.testclient import TestClient

from orynda.i18n import texts
from orynda.review import ReviewQueue
from orynda.runstore import RunStore
from tests.console.conftest import PNG, World, log_in

T = texts("kk")


def test_a_held_document_shows_its_fields_confidences_reasons_text_and_page(client: TestClient, world: World) -> None:
    store = RunStore(world.settings.db_url)
    folder = Path(store.get_run(world.run_id).folder)  # type: ignore[union-attr]
    page = folder / "evidence" / "item-00001" / "downloads" / "page.png"
    page.parent.mkdir(parents=True)
    page.write_bytes(PNG)
    item = ReviewQueue(store.engine).propose(
        act="INTAKE-ИД-2026-000005", fact="intake|ИД-2026-000005", kind="intake_document", proceeding="",
        debtor_iin="621106360324", debtor_name="Сейтов Арман Болатұлы", bailiff="aisep.aliya", run_id=world.run_id,
        item_seq=1, mode="review", facts_digest="d", documents=[], evidence=[str(page)],
        conflicts={
            "debtor_iin": {"court_cabinet": "621106360324 (0.30)"},
            "case_number": {"court_cabinet": "5-4821/2026 (0.97)"},
            "intake_reasons": T("intake.reason.iin_check_digit"),
            "intake_text": "ЖСН: 621106360324",
        },
    )  # fmt: skip
    assert item is not None
    log_in(client, "aliya")
    shown = client.get(f"/review/{item.id}").text
    assert T("console.review.intake.kind") in shown
    assert T("console.field.debtor_iin") in shown and "621106360324 (0.30)" in shown
    assert T("console.field.case_number") in shown and "5-4821/2026 (0.97)" in shown
    assert T("intake.reason.iin_check_digit") in shown and "ЖСН: 621106360324" in shown
    assert T("site.court_cabinet") in shown and "page.png" in shown and "<img" in shown

"""A document the intake flow could not read for sure, in the console: each field read is an input prefilled with
the value read and its confidence, with why it waits, the document's text and its page; a corrected IIN whose check
digit fails is refused naming the field, in the reader's language; approved, the person's values are kept with the
decision (the queue, the audit) and as a labelled example."""

from __future__ import annotations

import html
from pathlib import Path

from starlette.testclient import TestClient

from orynda.audit import AuditLog
from orynda.i18n import texts
from orynda.intake_examples import IntakeExamples
from orynda.review import ReviewQueue, ReviewState
from orynda.runstore import RunStore
from tests.console.conftest import PNG, World, csrf_of, log_in

T = texts("kk")
RU = texts("ru")
WRONG_IIN = "621106360324"  # its check digit is 4, it should be 9
RIGHT_IIN = "621106360329"
READ = {
    "court": ("Алматы қаласы Алмалы аудандық соты", 0.98),
    "case_number": ("5-4821/2026", 0.97),
    "decision_date": ("12.03.2026", 0.95),
    "issue_date": ("20.03.2026", 0.95),
    "in_force_date": ("27.03.2026", 0.94),
    "debtor_name": ("Сейтов Арман Болатұлы", 0.9),
    "debtor_iin": (WRONG_IIN, 0.3),
    "debtor_birth_date": ("06.11.1962", 0.93),
    "debtor_address": ("Алматы қ., Абай даңғылы, 10, 5 пәтер", 0.88),
    "creditor_name": ("«Алма Тазалық» ЖШС", 0.92),
    "creditor_id": ("060440001230", 0.95),
    "amount": ("125000.00", 0.61),
    "amount_words": ("бір жүз жиырма бес мың теңге", 0.6),
    "currency": ("KZT", 0.61),
    "alimony_share": ("", 0.9),
    "periodic": ("no", 0.9),
    "category": ("other", 0.8),
}


def _held(world: World) -> int:
    store = RunStore(world.settings.db_url)
    folder = Path(store.get_run(world.run_id).folder)  # type: ignore[union-attr]
    page = folder / "evidence" / "item-00001" / "downloads" / "page.png"
    page.parent.mkdir(parents=True)
    page.write_bytes(PNG)
    pdf = page.with_name("executive-document.pdf")
    pdf.write_bytes(b"%PDF-1.4\n%%EOF\n")
    item = ReviewQueue(store.engine).propose(
        act="INTAKE-ИД-2026-000005", fact="intake|ИД-2026-000005", kind="intake_document", proceeding="",
        debtor_iin=WRONG_IIN, debtor_name="Сейтов Арман Болатұлы", bailiff="aisep.aliya", run_id=world.run_id,
        item_seq=1, mode="review", facts_digest="d", documents=[], evidence=[str(pdf), str(page)],
        conflicts={
            **{name: {"court_cabinet": f"{value} ({c:.2f})"} for name, (value, c) in READ.items() if value},
            "intake_reasons": T("intake.reason.iin_check_digit"),
            "intake_text": f"ЖСН: {WRONG_IIN}\nСомасы: 125 000,00 теңге",
            "intake_read": {name: {"value": value, "confidence": c} for name, (value, c) in READ.items()},
            "intake_document": {
                "number": "ИД-2026-000005", "kind": "writ", "language": "kk", "form": "scan", "pdf": str(pdf),
            },
        },
    )  # fmt: skip
    assert item is not None
    store.engine.dispose()
    return item.id


def _form(shown: str, **changes: str) -> dict[str, str]:
    """What the browser sends: every field as the page prefilled it, with the person's changes."""
    values = {name: value for name, (value, _) in READ.items()}
    values.update(changes)
    return {f"field.{name}": value for name, value in values.items()} | {"csrf": csrf_of(shown)}


def test_a_held_document_shows_each_field_prefilled_with_its_confidence_reasons_text_and_page(
    client: TestClient, world: World
) -> None:
    id = _held(world)
    log_in(client, "aliya")
    shown = html.unescape(client.get(f"/review/{id}").text)
    assert T("console.review.intake.kind") in shown and T("site.court_cabinet") in shown
    assert T("console.field.debtor_iin") in shown and T("console.field.case_number") in shown
    assert f'name="field.debtor_iin" id="field-debtor_iin" form="approve" value="{WRONG_IIN}"' in shown
    assert 'name="field.case_number" id="field-case_number" form="approve" value="5-4821/2026"' in shown
    assert '<td class="confidence" id="confidence-debtor_iin">0.30</td>' in shown
    assert '<td class="confidence" id="confidence-case_number">0.97</td>' in shown
    assert '<option value="KZT" selected>KZT</option>' in shown  # a field of a list is chosen from it
    assert T("intake.reason.iin_check_digit") in shown and f"ЖСН: {WRONG_IIN}" in shown
    assert "page.png" in shown and "<img" in shown


def test_a_corrected_iin_that_fails_its_check_digit_is_refused_naming_the_field(
    client: TestClient, world: World
) -> None:
    id = _held(world)
    log_in(client, "aliya")
    page = client.get(f"/review/{id}").text
    typo = "621106360325"  # corrected, but wrongly
    refused = client.post(f"/review/{id}/approve", data=_form(page, debtor_iin=typo))
    assert refused.status_code == 400
    text = html.unescape(refused.text)
    assert T("console.review.intake.refused.iin_check_digit", field=T("console.field.debtor_iin")) in text
    assert f'value="{typo}" aria-invalid="true"' in text  # the person's value kept on the form, marked
    store = RunStore(world.settings.db_url)
    assert ReviewQueue(store.engine).get(id).state == ReviewState.PROPOSED  # type: ignore[union-attr]
    assert list(IntakeExamples(store.engine).all()) == []

    # the same in Russian for a person who reads Russian
    client.post("/language", data={"lang": "ru", "csrf": csrf_of(page)})
    ru = html.unescape(client.post(f"/review/{id}/approve", data=_form(page, debtor_iin=typo)).text)
    assert RU("console.review.intake.refused.iin_check_digit", field=RU("console.field.debtor_iin")) in ru


def test_approving_keeps_the_corrected_values_with_the_decision_and_as_a_labelled_example(
    client: TestClient, world: World
) -> None:
    id = _held(world)
    log_in(client, "aliya")
    page = client.get(f"/review/{id}").text
    done = client.post(f"/review/{id}/approve", data=_form(page, debtor_iin=RIGHT_IIN, amount="125 000,50"))
    assert done.status_code == 200, done.text[:300]
    store = RunStore(world.settings.db_url)
    item = ReviewQueue(store.engine).get(id)
    assert item is not None and item.state == ReviewState.CHANGED_APPROVED and item.decided_by == "aliya"
    assert item.reason == T(
        "console.review.intake.corrected", fields=f"{T('console.field.debtor_iin')}, {T('console.field.amount')}"
    )
    entry = AuditLog(store.engine).trail(item.subject)[-1]
    assert entry.action == "changed_approved" and entry.detail["corrected"] == ["debtor_iin", "amount"]
    assert RIGHT_IIN not in str(entry.detail)  # the audit names the fields, never the values
    examples = IntakeExamples(store.engine)
    assert examples.confirmed(id) == {name: value for name, (value, _) in READ.items()} | {
        "debtor_iin": RIGHT_IIN,
        "amount": "125000.50",
    }
    [example] = list(examples.all())
    assert example.document == "ИД-2026-000005" and example.form == "scan" and example.kind == "writ"
    assert example.read["debtor_iin"] == {"value": WRONG_IIN, "confidence": 0.3}
    assert example.corrected == ["debtor_iin", "amount"] and f"ЖСН: {WRONG_IIN}" in example.text

    # decided, the page shows the values the person confirmed, the corrected ones marked
    shown = html.unescape(client.get(f"/review/{id}").text)
    assert f'<span id="value-debtor_iin">{RIGHT_IIN}</span> <small>{T("console.review.intake.was_corrected")}' in shown
    assert '<span id="value-case_number">5-4821/2026</span></td>' in shown

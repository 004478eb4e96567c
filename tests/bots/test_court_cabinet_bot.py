"""The court cabinet's bot and AIS EP's opening of a proceeding in real Chromium against the shared sandbox: the new
documents read page by page are the cabinet's truth, a structured card gives its details and a file-only card none,
the file is the document's PDF, accepting twice is harmless, a return carries its reason; a document opened twice
in AIS EP gives one proceeding."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import urllib.request
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from bots.aisep import AisEpBot
from bots.court_cabinet import CourtCabinetBot
from domain.records import CabinetCard, CabinetDocument, CreditorCategory, OpenedProceeding, ProceedingOpening
from orynda.config import Settings
from sandbox.credentials import write_secrets
from sandbox.server import Sandbox, start_subprocess
from tests.bots.drive import with_bot

pytestmark = pytest.mark.e2e


def control(sandbox: Sandbox, path: str, body: dict[str, Any] | None = None) -> dict[str, Any]:
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(sandbox.url + path, data=data, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=60) as answer:
        return dict(json.load(answer))


@pytest.fixture
def cabinet(clean_sandbox: Sandbox) -> Iterator[list[dict[str, Any]]]:
    """The cabinet holding its first 45 documents, all new (three pages); left as it was found after."""
    control(clean_sandbox, "/court_cabinet/_reset", {"count": 45})
    yield list(control(clean_sandbox, "/court_cabinet/_truth")["documents"])
    control(clean_sandbox, "/court_cabinet/_reset", {"count": 60})


def test_new_documents_across_pages_cards_and_files_are_the_truth(
    settings: Settings, cabinet: list[dict[str, Any]], tmp_path: Path
) -> None:
    structured = next(d for d in cabinet if d["form"] == "structured")
    scan = next(d for d in cabinet if d["form"] == "scan")
    text = next(d for d in cabinet if d["form"] == "text")
    pages: list[int] = []

    async def read(bot: CourtCabinetBot) -> tuple[list[CabinetDocument], CabinetCard, CabinetCard, Path, Path]:
        listed = await bot.list_documents(on_page=lambda number, _: pages.append(number))
        return (
            listed,
            await bot.read_document(structured["number"]),
            await bot.read_document(scan["number"]),
            await bot.download_document(text["number"], tmp_path / "evidence" / "text.pdf"),
            await bot.download_document(scan["number"], tmp_path / "evidence" / "scan.pdf"),
        )

    listed, card, scan_card, text_pdf, scan_pdf = with_bot(settings, CourtCabinetBot, read)
    assert pages == [1, 2, 3]
    assert sorted(d.number for d in listed) == sorted(d["number"] for d in cabinet)
    by_number = {d["number"]: d for d in cabinet}
    assert all(
        (d.kind, d.form, d.language, d.status)
        == (by_number[d.number]["kind"], by_number[d.number]["form"], by_number[d.number]["language"], "new")
        for d in listed
    )
    assert card.details == structured["truth"] and card.kind == structured["kind"]
    assert scan_card.details is None and scan_card.form == "scan"
    layer = "".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(text_pdf.read_bytes())).pages)
    assert text["truth"]["debtor_name"] in layer
    assert scan_pdf.read_bytes().startswith(b"%PDF-")


def test_accept_twice_is_harmless_and_a_return_keeps_its_reason_and_its_act(
    settings: Settings, clean_sandbox: Sandbox, cabinet: list[dict[str, Any]], tmp_path: Path
) -> None:
    first, second = cabinet[0]["number"], cabinet[1]["number"]
    reason = "Заңның 23-бабы: борышкердің ЖСН көрсетілмеген"
    act_pdf = tmp_path / "ORY-2026-000001-KK.pdf"
    act_pdf.write_bytes(b"%PDF-1.4\n% the act of return\n%%EOF\n")

    async def act(bot: CourtCabinetBot) -> tuple[CabinetCard, CabinetCard, CabinetCard, list[CabinetDocument]]:
        once = await bot.accept(first)
        twice = await bot.accept(first)
        returned = await bot.return_document(second, reason, [act_pdf])
        return once, twice, returned, await bot.list_documents("accepted")

    once, twice, returned, accepted = with_bot(settings, CourtCabinetBot, act)
    assert once.status == twice.status == "accepted" and [d.number for d in accepted] == [first]
    assert returned.status == "returned" and returned.reason == reason
    assert returned.acts == (hashlib.sha256(act_pdf.read_bytes()).hexdigest(),)  # the act attached, as the card shows
    states = {
        d["number"]: (d["status"], d["reason"]) for d in control(clean_sandbox, "/court_cabinet/_truth")["documents"]
    }
    assert states[first] == ("accepted", "") and states[second] == ("returned", reason)


@pytest.fixture
def own_aisep(settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Settings]:
    """A sandbox of its own: a proceeding opened in the shared one would be in every later night's list."""
    server = start_subprocess(seed=42, debtors=50)
    try:
        monkeypatch.setenv("ORYNDA_SECRETS_FILE", str(write_secrets(server.url, tmp_path / "secrets")))
        yield settings.model_copy(update={"sandbox_url": server.url})
    finally:
        server.stop()


def test_a_document_opened_twice_in_aisep_is_one_proceeding(own_aisep: Settings) -> None:
    opening = ProceedingOpening(
        court="Таразский городской суд",
        case_number=f"2-{dt.datetime.now():%H%M%S%f}/2026",
        document_kind="court_order",
        document_date=dt.date(2026, 9, 14),
        debtor_iin="900101300811",
        debtor_name="Сейтов Арман Болатович",
        creditor_name="ТОО «Тұран Коммунал»",
        creditor_id="110240055614",
        amount=Decimal("98765.40"),
        category=CreditorCategory.OTHER,
    )

    async def open_twice(bot: AisEpBot) -> tuple[OpenedProceeding, OpenedProceeding, Any]:
        first = await bot.open_proceeding(opening)
        again = await bot.open_proceeding(opening)
        return first, again, await bot.read_case(first.number)

    first, again, case = with_bot(own_aisep, AisEpBot, open_twice)
    assert first.existing is False and again == OpenedProceeding(number=first.number, existing=True)
    assert (case.debtor_iin, case.amount, case.remaining, case.document.number, case.document.kind) == (
        "900101300811",
        Decimal("98765.40"),
        Decimal("98765.40"),
        opening.case_number,
        "court_order",
    )

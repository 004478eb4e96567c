"""The AIS EP bot in real Chromium against the sandbox: the bailiff's cases read, documents and actions filed."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from pydantic import SecretStr

from bots.aisep import AisEpBot
from domain.records import Case, CaseSummary
from orynda.config import Settings
from orynda.documents.signing import KeyFileActSigner, sign_file
from orynda.errors import InvalidInput, SiteUnavailable
from sandbox import nca
from sandbox.server import Sandbox
from sandbox.sites.aisep import cases as aisep_cases
from sandbox.world import build_world
from tests.bots.drive import with_bot
from tests.conftest import DEBTORS, SEED
from tests.world_records import case_record

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def mine() -> list[aisep_cases.Case]:
    """bailiff1's cases in the world the session sandbox serves; the secrets file signs in as bailiff1."""
    return sorted(
        (c for c in aisep_cases.build_cases(build_world(SEED, DEBTORS)).values() if c.holder == "bailiff1"),
        key=lambda c: c.number,
    )


def test_lists_every_active_proceeding_across_pages(settings: Settings, mine: list[aisep_cases.Case]) -> None:
    active = [c for c in mine if c.status == "active"]
    assert len(active) > 20  # more than one page of the list
    found = with_bot(settings, AisEpBot, lambda bot: bot.list_active_proceedings())
    assert sorted(
        (c.number, c.debtor_iin, c.opened, c.category.value, c.amount, c.collected, c.remaining, c.status)
        for c in found
    ) == [(c.number, c.debtor_iin, c.opened, c.category, c.amount, c.collected, c.remaining, c.status) for c in active]


def test_reads_the_signed_in_bailiff_from_the_header(settings: Settings, mine: list[aisep_cases.Case]) -> None:
    world = build_world(SEED, DEBTORS)
    filer = with_bot(settings, AisEpBot, lambda bot: bot.signed_in_bailiff())
    assert (filer.login, filer.name) == ("bailiff1", world.bailiffs[aisep_cases.USERS.index("bailiff1")].name)
    assert any(c.bailiff_name != filer.name for c in mine)  # cards may show another name: acts take the filer's


def test_reads_a_card_with_its_document_restrictions_and_log(settings: Settings, mine: list[aisep_cases.Case]) -> None:
    case = max(mine, key=lambda c: (c.costs > 0, len(c.restrictions), len(c.actions)))
    card: Case = with_bot(settings, AisEpBot, lambda bot: bot.read_case(case.number))
    assert (card.number, card.debtor_iin, card.debtor_name, card.creditor, card.category.value, card.status) == (
        case.number,
        case.debtor_iin,
        case.debtor_name,
        case_record(case).creditor,  # its names and address in both languages, its IIN or BIN
        case.category,
        case.status,
    )
    assert (card.amount, card.collected, card.remaining) == (case.amount, case.collected, case.remaining)
    assert card.costs == case.costs > 0  # enforcement costs, within an arrest's limit
    assert (card.document.kind, card.document.issuer, card.document.number, card.document.date) == (
        case.document.kind,
        case_record(case).document.issuer,
        case.document.number,
        case.document.issued,
    )
    assert card.creditor.name.kk and card.creditor.name.ru and len(card.creditor.id) == 12
    assert card.restrictions == case.restrictions and len(card.restrictions) >= 1
    assert [a.kind for a in card.actions] == [a.kind for a in case.actions]


def test_files_a_document_and_an_action_on_the_proceeding(
    settings: Settings, mine: list[aisep_cases.Case], tmp_path: Path
) -> None:
    number = mine[0].number
    pdf = tmp_path / "decision.pdf"
    pdf.write_bytes(b"%PDF-1.7\n% Orynda test decision " + number.encode() + b"\n%%EOF\n")

    async def file_it(bot: AisEpBot) -> tuple[str, Case, Case]:
        before = await bot.read_case(number)
        sha = await bot.upload_document(number, pdf, "decision")
        await bot.register_action(number, "document_filed", "decision.pdf")
        return sha, before, await bot.read_case(number)

    sha, before, after = with_bot(settings, AisEpBot, file_it)
    assert sha == hashlib.sha256(pdf.read_bytes()).hexdigest()
    assert [d.sha256 for d in after.documents] == [*(d.sha256 for d in before.documents), sha]
    assert after.documents[-1].kind == "decision" and after.documents[-1].size == pdf.stat().st_size
    assert [a.kind for a in after.actions] == [*(a.kind for a in before.actions), "document_filed"]
    assert after.actions[-1].comment == "decision.pdf"
    assert after.documents[-1].signed_by == ""  # filed without an ЭЦП: the card says it is not signed


def _signed_pdf(tmp_path: Path, key_name: str, holder: str, text: str) -> tuple[Path, Path]:
    """A PDF and its detached signature by the sandbox's test key `key_name`, issued to `holder`."""
    pdf = tmp_path / f"{key_name}.pdf"
    pdf.write_bytes(b"%PDF-1.7\n% Orynda test act " + text.encode() + b"\n%%EOF\n")
    key = tmp_path / f"{key_name}.p12"
    key.write_bytes(nca.signing_key(key_name, holder))
    signer = KeyFileActSigner(key, SecretStr(nca.SIGNING_PASSWORDS[key_name]))
    return pdf, sign_file(signer, pdf).path


def test_a_document_filed_with_its_filers_signature_shows_who_signed(
    settings: Settings, mine: list[aisep_cases.Case], tmp_path: Path
) -> None:
    name = build_world(SEED, DEBTORS).bailiffs[aisep_cases.USERS.index("bailiff1")].name
    pdf, signature = _signed_pdf(tmp_path, "bailiff1", name, mine[1].number)

    async def file_it(bot: AisEpBot) -> Case:
        await bot.upload_document(mine[1].number, pdf, "decision", signature)
        return await bot.read_case(mine[1].number)

    card = with_bot(settings, AisEpBot, file_it)
    assert (card.documents[-1].sha256, card.documents[-1].signed_by) == (
        hashlib.sha256(pdf.read_bytes()).hexdigest(),
        name,
    )


def test_a_signature_of_another_bailiff_or_of_another_file_is_refused(
    settings: Settings, mine: list[aisep_cases.Case], tmp_path: Path
) -> None:
    world = build_world(SEED, DEBTORS)
    other = world.bailiffs[aisep_cases.USERS.index("bailiff2")].name
    pdf, theirs = _signed_pdf(tmp_path, "bailiff2", other, "theirs")  # a valid key, but not the login's bailiff
    with pytest.raises(InvalidInput, match="refused the signature"):
        with_bot(settings, AisEpBot, lambda bot: bot.upload_document(mine[2].number, pdf, "decision", theirs))
    mine_pdf, my_signature = _signed_pdf(tmp_path, "bailiff1", world.bailiffs[0].name, "mine")
    with pytest.raises(InvalidInput, match="refused the signature"):  # a signature made over another file
        with_bot(settings, AisEpBot, lambda bot: bot.upload_document(mine[2].number, pdf, "decision", my_signature))
    card = with_bot(settings, AisEpBot, lambda bot: bot.read_case(mine[2].number))
    assert hashlib.sha256(pdf.read_bytes()).hexdigest() not in {d.sha256 for d in card.documents}


def test_a_file_that_is_not_pdf_or_docx_is_refused_as_bad_input(
    settings: Settings, mine: list[aisep_cases.Case], tmp_path: Path
) -> None:
    text = tmp_path / "notes.txt"
    text.write_text("not a document")
    with pytest.raises(InvalidInput, match="PDF or DOCX only"):
        with_bot(settings, AisEpBot, lambda bot: bot.upload_document(mine[0].number, text, "other"))


def test_another_bailiffs_proceeding_is_not_found(settings: Settings) -> None:
    theirs = next(c for c in aisep_cases.build_cases(build_world(SEED, DEBTORS)).values() if c.holder != "bailiff1")
    with pytest.raises(InvalidInput, match="no proceeding"):
        with_bot(settings, AisEpBot, lambda bot: bot.read_case(theirs.number))


def _fast_pages(settings: Settings) -> Settings:
    site = settings.site("aisep")
    quick = site.model_copy(update={"page_retry": site.page_retry.model_copy(update={"initial_s": 0.05})})
    return settings.model_copy(update={"sites": {**settings.sites, "aisep": quick}})


def test_a_list_page_that_fails_is_loaded_again_on_its_own(
    settings: Settings, clean_sandbox: Sandbox, mine: list[aisep_cases.Case]
) -> None:
    active = {c.number for c in mine if c.status == "active"}
    before = clean_sandbox.faults("/aisep/api/proceedings", error_every=2)["requests"].get("/aisep/api/proceedings", 0)
    found = with_bot(_fast_pages(settings), AisEpBot, lambda bot: bot.list_active_proceedings())
    assert sorted(c.number for c in found) == sorted(active)
    served = clean_sandbox.faults("/aisep/api/proceedings")["requests"]["/aisep/api/proceedings"] - before
    assert served >= 4  # at least two pages, each answered 503 once and then loaded again


def test_a_list_that_stays_down_says_which_page(settings: Settings, clean_sandbox: Sandbox) -> None:
    clean_sandbox.faults("/aisep/api/proceedings", down=True)
    with pytest.raises(SiteUnavailable, match="page 'list' shows the error banner after 4 attempt"):
        with_bot(_fast_pages(settings), AisEpBot, lambda bot: bot.list_active_proceedings())


def test_each_list_page_is_handed_out_as_it_is_read_and_a_later_walk_reads_on_after_it(
    settings: Settings, clean_sandbox: Sandbox, mine: list[aisep_cases.Case]
) -> None:
    active = sorted(c.number for c in mine if c.status == "active")
    given: dict[int, list[str]] = {}

    def take(page: int, cases: list[CaseSummary]) -> None:
        given[page] = [c.number for c in cases]
        if page == 2:  # the list goes down after its second page
            clean_sandbox.faults("/aisep/api/proceedings", down=True)

    with pytest.raises(SiteUnavailable):
        with_bot(_fast_pages(settings), AisEpBot, lambda bot: bot.list_active_proceedings(on_page=take))
    assert sorted(given) == [1, 2]  # what was read before the fault was handed out already
    clean_sandbox.reset_faults()
    rest = with_bot(settings, AisEpBot, lambda bot: bot.list_active_proceedings(after_page=2, on_page=take))
    assert sorted(c.number for c in rest) == sorted(n for page in given if page > 2 for n in given[page])
    assert sorted(n for numbers in given.values() for n in numbers) == active  # each proceeding once

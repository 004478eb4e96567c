"""flows/documents_step: each act issued once and filed once — upload and action are side effects keyed so that a
retry, a resume or a rerun skip them; an upload whose answer was lost is not repeated. AIS EP is faked here at the
bot's boundary (the real site is driven in test_documents_e2e.py); the engine's own once() is used as it is."""

from __future__ import annotations

import asyncio
import datetime as dt
import hashlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from pydantic import BaseModel

from domain.checks.assets import DebtorFile
from domain.documents.catalogue import kinds
from domain.records import Case, CaseAction, CaseDocument, Filer
from flows.documents_step import draft_and_file
from orynda import clock
from orynda.config import DocumentSettings, Settings, load_settings
from orynda.engine import ItemEngine, ItemRunContext
from orynda.errors import InvalidInput, SiteUnavailable
from orynda.flow import FiledDocument, Flow, ItemResult, ItemSpec
from orynda.i18n import texts
from orynda.report.data import load
from orynda.report.workbook import write_report
from orynda.runstore import RunStore
from orynda.schema import DocumentRecord, ItemState, Run, SideEffect
from sandbox import nca
from tests.documents.examples import ACCOUNT, FILER, IIN, ON, case, debtor, findings, give_signing_key
from tests.documents.test_documents_render import docx_text


class FakeAisEp:
    """AIS EP's card as the bot sees it: documents (with the SHA-256 the site computes) and the actions log."""

    site = "aisep"

    def __init__(self, cases: list[Case], lose_first_upload_answer: bool = False) -> None:
        self.cases = {c.number: c for c in cases}
        self.uploads: list[tuple[str, str, str]] = []
        self.actions: list[tuple[str, str, str]] = []
        self.lose_answer = lose_first_upload_answer
        self.cards_read = 0
        self.filer = Filer(login="bailiff1", name=FILER)  # the header: who is signed in

    async def signed_in_bailiff(self) -> Filer:
        return self.filer

    async def upload_document(self, number: str, path: Path, kind: str, signature: Path | None = None) -> str:
        assert signature is not None, "an act is filed signed"
        assert nca.check(path.read_bytes(), signature.read_bytes()) == self.filer.name  # as AIS EP checks it
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        self.uploads.append((number, path.name, kind))
        card = self.cases[number]
        self.cases[number] = card.model_copy(
            update={
                "documents": (
                    *card.documents,
                    CaseDocument(name=path.name, kind=kind, size=path.stat().st_size, sha256=digest),
                )
            }
        )
        if self.lose_answer:
            self.lose_answer = False
            raise SiteUnavailable("connection dropped after the upload", site="aisep")
        return digest

    async def read_case(self, number: str) -> Case:
        self.cards_read += 1
        return self.cases[number]

    async def register_action(self, number: str, kind: str, comment: str) -> None:
        self.actions.append((number, kind, comment))
        card = self.cases[number]
        self.cases[number] = card.model_copy(
            update={
                "actions": (*card.actions, CaseAction(date="2026-11-25", kind=kind, comment=comment, author="bailiff1"))
            }
        )

    def debtor(self, of: DebtorFile) -> DebtorFile:
        """The debtor as a new attempt reads it: the cards as they are now."""
        return DebtorFile(
            of.iin,
            of.name,
            tuple(self.cases[c.number] for c in of.cases),
            accounts=of.accounts,
            properties=of.properties,
            contributions=of.contributions,
        )


ALL_AUTO = dict.fromkeys(kinds(), "auto")


class Context(ItemRunContext):
    def __init__(self, engine: ItemEngine, run: Run, seq: int, site: FakeAisEp) -> None:
        item = next(i for i in engine.store.items(run.id) if i.seq == seq)
        super().__init__(engine, run, item, None)  # type: ignore[arg-type]
        self.site = site

    def bot(self, bot_class: type[Any]) -> Any:
        assert bot_class.site == "aisep"
        return self.site


class Debtor(BaseModel):
    iin: str


@pytest.fixture
def settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Settings]:
    for key in [k for k in __import__("os").environ if k.startswith("ORYNDA_")]:
        monkeypatch.delenv(key)
    # these tests are about filing each act once: the office lets the robot file every kind itself
    # (tests/documents/test_documents_review.py has the default policy, with acts waiting for a person)
    give_signing_key(monkeypatch, tmp_path / "secrets")
    yield load_settings(home=tmp_path / "home").model_copy(update={"acts": ALL_AUTO})


def new_run(settings: Settings, store: RunStore) -> Run:
    return store.create_run("documents_test", {}, [ItemSpec(1, IIN, Debtor(iin=IIN))], settings.runs_dir)


def call(
    settings: Settings, store: RunStore, run: Run, site: FakeAisEp, of: DebtorFile, on: dt.date = ON
) -> list[FiledDocument]:
    ctx = Context(ItemEngine(settings, store), run, 1, site)
    return asyncio.run(draft_and_file(ctx, site.debtor(of), findings(site.debtor(of), on), on=on))


BALANCE = debtor(case("100000"), accounts=(ACCOUNT,))  # one act: arrest of the account


def test_files_each_document_once_across_a_resume_and_a_rerun(settings: Settings) -> None:
    store, site = RunStore(settings.db_url), FakeAisEp(list(BALANCE.cases))
    run = new_run(settings, store)
    docs = call(settings, store, run, site, BALANCE)
    assert [(d.kind, d.language, d.filed) for d in docs] == [
        ("account_arrest", "kk", True),
        ("account_arrest", "ru", True),
    ]
    assert [(n, name, kind) for n, name, kind in site.uploads] == [
        ("2501-000123", "ORY-2026-000001-KK.pdf", "decision"),
        ("2501-000123", "ORY-2026-000001-RU.pdf", "decision"),
    ]
    assert [(n, kind) for n, kind, _ in site.actions] == [("2501-000123", "arrest_imposed")]
    assert "ORY-2026-000001" in site.actions[0][2]

    assert call(settings, store, run, site, BALANCE) == docs  # a resume of the same run
    rerun = new_run(settings, store)
    assert [d.number for d in call(settings, store, rerun, site, BALANCE)] == [d.number for d in docs]
    assert len(site.uploads) == 2 and len(site.actions) == 1
    assert not (Path(rerun.folder) / "documents").exists()  # the rerun made no file
    keys = sorted(e.key for e in store.side_effects())
    assert keys == ["action:ORY-2026-000001", "upload:ORY-2026-000001-KK", "upload:ORY-2026-000001-RU"]


def test_a_key_of_another_bailiff_signs_and_files_nothing(
    settings: Settings, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    give_signing_key(monkeypatch, tmp_path / "other", holder="Сапарова Алия Маратқызы")  # not the signed-in filer
    store, site = RunStore(settings.db_url), FakeAisEp(list(BALANCE.cases))
    with pytest.raises(InvalidInput, match="is not the key of the bailiff signed in to AIS EP"):
        call(settings, store, new_run(settings, store), site, BALANCE)
    assert site.uploads == [] and site.actions == []
    assert not list((Path(settings.runs_dir)).rglob("*.cms"))  # nothing signed under another name


def test_an_upload_whose_answer_was_lost_is_not_repeated(settings: Settings) -> None:
    store, site = RunStore(settings.db_url), FakeAisEp(list(BALANCE.cases), lose_first_upload_answer=True)
    run = new_run(settings, store)
    docs = call(settings, store, run, site, BALANCE)  # the upload step is tried again: it reads the card first
    assert site.cards_read == 1
    assert [n for _, n, _ in site.uploads] == ["ORY-2026-000001-KK.pdf", "ORY-2026-000001-RU.pdf"]
    assert all(d.filed for d in docs) and len(site.actions) == 1


def test_the_warning_then_the_restriction_on_a_later_night(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(clock, "now", lambda: dt.datetime(2026, 11, 25, 23, 0, tzinfo=clock.ALMATY))
    big = debtor(case())
    store, site = RunStore(settings.db_url), FakeAisEp(list(big.cases))
    first = call(settings, store, new_run(settings, store), site, big)
    assert {d.kind for d in first} == {"notice"} and all(d.filed for d in first)
    assert [kind for _, _, kind in site.uploads] == ["notice", "notice"]
    monkeypatch.setattr(clock, "now", lambda: dt.datetime(2026, 12, 3, 23, 0, tzinfo=clock.ALMATY))
    later = call(settings, store, new_run(settings, store), site, big, on=dt.date(2026, 12, 3))
    assert [d.kind for d in later] == ["exit_ban", "exit_ban", "notice", "notice"]
    assert [d.number for d in later if d.kind == "notice"] == [d.number for d in first]  # the same warning
    assert [kind for _, kind, _ in site.actions] == ["document_filed", "document_filed"]
    assert len(site.uploads) == 4


def test_nothing_called_for_nothing_filed(settings: Settings) -> None:
    store, site = RunStore(settings.db_url), FakeAisEp([case("100000", "100000")])
    paid = debtor(case("100000", "100000"))
    assert call(settings, store, new_run(settings, store), site, paid) == [] and site.uploads == []


DOCUMENTS_FLOW = Flow(
    name="documents_test",
    title="t",
    load_items=lambda p, s: [],
    process=None,  # type: ignore[arg-type]
    payload_model=Debtor,
    extra_sheets=("Documents",),
)


def documents_rows(store: RunStore, run: Run) -> list[dict[str, Any]]:
    ws = load_workbook(write_report(load(store, store.get_run(run.id) or run, DOCUMENTS_FLOW, "ru")))["Документы"]
    titles = [c.value for c in ws[1]]
    return [dict(zip(titles, r)) for r in ws.iter_rows(min_row=2, values_only=True)]


@pytest.mark.parametrize("uploads_answered", [True, False], ids=["filed", "answer lost"])
def test_documents_of_an_item_that_failed_later_are_on_the_report(settings: Settings, uploads_answered: bool) -> None:
    """The item filed its acts, then failed (a later registry, a crash): its result holds no documents, yet AIS EP
    has them; the register and the side-effect log put them on the Documents sheet."""
    store, site = RunStore(settings.db_url), FakeAisEp(list(BALANCE.cases))
    run = new_run(settings, store)
    call(settings, store, run, site, BALANCE)
    if not uploads_answered:  # the upload was started and its answer never recorded
        with store.session() as session:
            session.query(SideEffect).filter(SideEffect.key.startswith("upload:")).update({"ref": None})
            session.query(DocumentRecord).update({"filed_ref": None})
            session.commit()
    [item] = store.pending(run.id)
    store.start_attempt(item.id)
    store.finish_item(item.id, ItemState.SYSTEM, code="SiteUnavailable", message="enpf: HTTP 503", result={})
    rows = documents_rows(store, run)
    state = "подан в АИС ИП" if uploads_answered else texts("ru")("report.act_state.unconfirmed")
    assert [(r["Номер документа"], r["Подан в АИС ИП"], r["Состояние акта"], r["Строка"]) for r in rows] == [
        ("ORY-2026-000001-KK", "да" if uploads_answered else "нет", state, 1),
        ("ORY-2026-000001-RU", "да" if uploads_answered else "нет", state, 1),
    ]


def test_the_documents_sheet_lists_what_the_items_carry(settings: Settings) -> None:
    store, site = RunStore(settings.db_url), FakeAisEp(list(BALANCE.cases))
    run = new_run(settings, store)
    docs = call(settings, store, run, site, BALANCE)
    [item] = store.pending(run.id)
    store.start_attempt(item.id)
    store.finish_item(item.id, ItemState.DONE, result=ItemResult(fields={"name": "x"}, documents=docs).to_json())
    flow = Flow(
        name="documents_test",
        title="t",
        load_items=lambda p, s: [],
        process=None,  # type: ignore[arg-type]
        payload_model=Debtor,
        extra_sheets=("Documents",),
    )
    path = write_report(load(store, store.get_run(run.id) or run, flow, "ru"))
    ws = load_workbook(path)["Документы"]
    titles = [c.value for c in ws[1]]
    rows = [dict(zip(titles, r)) for r in ws.iter_rows(min_row=2, values_only=True)]
    assert [(r["Номер документа"], r["Язык"], r["Подан в АИС ИП"], r["Производство"]) for r in rows] == [
        ("ORY-2026-000001-KK", "Қазақша", "да", "2501-000123"),
        ("ORY-2026-000001-RU", "Русский", "да", "2501-000123"),
    ]
    assert (
        rows[0]["Вид акта"] == "Постановление о наложении ареста на деньги, находящиеся на банковских счетах должника"
    )
    assert rows[0]["Дата"] == dt.datetime(2026, 11, 25) and rows[0]["Файл PDF"] == "ORY-2026-000001-KK.pdf"
    assert ws["J2"].hyperlink is not None and ws["J2"].hyperlink.target.startswith("file:///")
    assert ws.freeze_panes == "A2"


def test_the_offices_code_numbers_its_acts_and_its_verify_page_is_on_them(settings: Settings) -> None:
    office = settings.model_copy(
        update={"documents": DocumentSettings(office_prefix="ALM01", verify_url="https://orynda.office.kz/verify")}
    )
    store, site = RunStore(office.db_url), FakeAisEp(list(BALANCE.cases))
    docs = call(office, store, new_run(office, store), site, BALANCE)
    assert [d.number for d in docs] == ["ORY-ALM01-2026-000001-KK", "ORY-ALM01-2026-000001-RU"]
    for doc in docs:
        text = docx_text(doc.docx)  # its body, the note beside the QR code and the footer
        assert "https://orynda.office.kz/verify" in text and "№ ORY-ALM01-2026-000001" in text
        assert FILER in text  # issued by the signed-in bailiff

"""Documents filed in real Chromium to the sandbox's AIS EP by the engine: each document uploaded once to its
proceeding with one registered action, even when the site's answer to an upload is lost and the item retried, and a
rerun of the same work uploads nothing, registers nothing and renders nothing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from pydantic import BaseModel

from bots.aisep import AisEpBot
from domain.checks.assets import DebtorFile, assess
from domain.records import Case
from flows.documents_step import documents_filed, draft_and_file
from orynda.config import Settings
from orynda.documents import register_for, verify
from orynda.errors import SiteUnavailable
from orynda.flow import Flow, ItemContext, ItemResult, ItemSpec
from orynda.i18n import texts
from orynda.runs import RunOutcome, execute
from orynda.runstore import RunStore
from orynda.schema import ItemState, RunStatus
from sandbox.sites.aisep import cases as aisep_cases
from sandbox.world import build_world
from tests.bots.drive import with_bot
from tests.conftest import DEBTORS, SEED
from tests.documents.test_documents_step import ALL_AUTO

pytestmark = pytest.mark.e2e
ON = dt.date(2026, 11, 25)
THRESHOLD = 173000  # 40 MCI of 2026: above it, and with no ban in force, an exit restriction may follow a warning


def pick() -> dict[str, aisep_cases.Case]:
    """Three debtors of bailiff1 with one active proceeding each: a warning, a lifting, a request to a registry."""
    mine = sorted(
        (
            c
            for c in aisep_cases.build_cases(build_world(SEED, DEBTORS)).values()
            if c.holder == "bailiff1" and c.status == "active"
        ),
        key=lambda c: c.number,
    )
    single = [c for c in mine[1:] if sum(o.debtor_iin == c.debtor_iin for o in mine) == 1]  # mine[0]: bot tests
    return {
        "warning": next(c for c in single if c.remaining > THRESHOLD and "exit_ban" not in c.restrictions),
        "lifting": next(c for c in single if c.remaining <= 0 and "exit_ban" in c.restrictions),
        "request": next(c for c in single if 0 < c.remaining <= THRESHOLD and "exit_ban" not in c.restrictions),
    }


class Proceeding(BaseModel):
    proceeding: str


async def process(payload: Proceeding, ctx: ItemContext) -> ItemResult:
    case = await ctx.bot(AisEpBot).read_case(payload.proceeding)
    debtor = DebtorFile(case.debtor_iin, case.debtor_name, (case,))
    findings = assess(debtor, ON)
    documents = await draft_and_file(ctx, debtor, findings, on=ON)
    return ItemResult(
        findings, {"name": case.debtor_name, "documents_filed": documents_filed(documents)}, documents=documents
    )


FLOW = Flow(
    name="documents_e2e",
    title="Documents filed to AIS EP (tests only)",
    load_items=lambda p, s: [],
    process=process,
    payload_model=Proceeding,
    sites=("aisep",),
    extra_sheets=("Documents",),
)


def run(settings: Settings, store: RunStore, chosen: dict[str, aisep_cases.Case]) -> RunOutcome:
    specs = [ItemSpec(n, c.debtor_iin, Proceeding(proceeding=c.number)) for n, c in enumerate(chosen.values(), start=1)]
    record = store.create_run(FLOW.name, {}, specs, settings.runs_dir)
    return execute(store, FLOW, record, settings, progress=False, stop_when=None, stop_status=RunStatus.INTERRUPTED)


def cards(settings: Settings, numbers: list[str]) -> dict[str, Case]:
    async def read(bot: AisEpBot) -> dict[str, Case]:
        return {n: await bot.read_case(n) for n in numbers}

    return with_bot(settings, AisEpBot, read)


def sheet(path: Path) -> list[dict[str, Any]]:
    ws = load_workbook(path)[texts("kk")("report.sheet.documents")]  # the office's language, Kazakh by default
    titles = [c.value for c in ws[1]]
    return [dict(zip(titles, row)) for row in ws.iter_rows(min_row=2, values_only=True)]


def test_filed_once_despite_a_lost_answer_and_not_again_on_a_rerun(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    chosen = pick()
    numbers = [c.number for c in chosen.values()]
    settings = settings.model_copy(update={"acts": ALL_AUTO})  # filing itself is tested here, not the policy
    before = cards(settings, numbers)
    real_upload, uploads = AisEpBot.upload_document, []

    async def lose_the_first_answer(
        self: AisEpBot, number: str, path: Path, kind: str, signature: Path | None = None
    ) -> str:
        sha = await real_upload(self, number, path, kind, signature)
        uploads.append(path.name)
        if len(uploads) == 1:
            raise SiteUnavailable("the answer to the upload was lost", site="aisep")
        return sha

    monkeypatch.setattr(AisEpBot, "upload_document", lose_the_first_answer)
    store = RunStore(settings.db_url)
    first = run(settings, store, chosen)

    items = store.items(first.run_id)
    assert first.status is RunStatus.DONE and all(i.state == ItemState.DONE for i in items), [
        (i.seq, i.error_message) for i in items
    ]
    assert sum(i.attempts for i in items) == len(items)  # the upload step was tried again, not the whole item
    assert len(uploads) == len(set(uploads)) == 6  # 3 acts × kk, ru: every upload happened once
    register = register_for(settings.db_url)
    documents = register.documents(run_id=first.run_id)
    expected = {
        "warning": ("notice", "notice", "document_filed"),
        "lifting": ("exit_ban_lift", "decision", "restriction_lifted"),
        "request": ("registry_request", "request", "request_sent"),
    }
    after = cards(settings, numbers)
    bailiff = build_world(SEED, DEBTORS).bailiffs[0].name  # bailiff1, the login of the secrets
    for role, case in chosen.items():
        kind, upload_kind, action = expected[role]
        mine = [d for d in documents if d.proceeding == case.number]
        assert [(d.kind, d.language) for d in mine] == [(kind, "kk"), (kind, "ru")], role
        new_docs = after[case.number].documents[len(before[case.number].documents) :]
        assert sorted(d.sha256 for d in new_docs) == sorted(d.pdf_sha256 for d in mine), role  # once each
        assert {d.kind for d in new_docs} == {upload_kind}
        assert {d.signed_by for d in new_docs} == {bailiff}, role  # the filer's own ЭЦП, checked by AIS EP
        assert all(register.signature(d.number).signer == bailiff for d in mine)  # type: ignore[union-attr]
        new_actions = after[case.number].actions[len(before[case.number].actions) :]
        assert [a.kind for a in new_actions] == [action] and mine[0].act in new_actions[0].comment, role
        assert all(verify(Path(str(d.pdf_path)), register).ok and d.filed_at for d in mine)
    rows = sheet(first.report)
    t = texts("kk")
    number, filed = t("report.documents.number"), t("report.documents.filed")
    assert sorted(r[number] for r in rows) == sorted(d.number for d in documents)
    assert all(r[filed] == t.value(True) for r in rows)

    again = run(settings, store, chosen)  # the same work a second time: nothing new anywhere
    assert again.status is RunStatus.DONE
    assert len(uploads) == 6
    assert {n: (len(c.documents), len(c.actions)) for n, c in cards(settings, numbers).items()} == {
        n: (len(c.documents), len(c.actions)) for n, c in after.items()
    }
    assert not (again.folder / "documents").exists()
    assert register.documents(run_id=again.run_id) == []
    assert sorted(r[number] for r in sheet(again.report)) == sorted(r[number] for r in rows)

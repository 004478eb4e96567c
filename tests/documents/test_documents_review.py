"""The documents step under the office's act policy: an arrest waits for a person and is not in AIS EP; approved,
the next run files it once; rejected, it is never filed; rejected as "not a finding", the same fact is not drafted
again until the registries' facts change. A notice (auto) is filed by the robot itself."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from docx import Document

from domain.checks.assets import DebtorFile
from domain.findings import AssetKind, AssetRef, Finding, Severity
from domain.records import Filer
from flows.documents_step import draft_and_file
from orynda import clock
from orynda.config import Settings, load_settings
from orynda.engine import ItemEngine
from orynda.errors import InvalidInput
from orynda.review import ReviewQueue, ReviewState
from orynda.runstore import RunStore
from tests.documents.examples import ACCOUNT, FILER, ON, case, debtor, findings, give_signing_key
from tests.documents.test_documents_step import ALL_AUTO, BALANCE, Context, FakeAisEp, call, new_run


@pytest.fixture
def settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Settings]:
    for key in [k for k in __import__("os").environ if k.startswith("ORYNDA_")]:
        monkeypatch.delenv(key)
    monkeypatch.setenv("ORYNDA_AISEP_USER", "bailiff1")
    give_signing_key(monkeypatch, tmp_path / "secrets")
    yield load_settings(home=tmp_path / "home")  # the shipped policy: arrests wait for a person


def night(settings: Settings, site: FakeAisEp, of: DebtorFile = BALANCE) -> list[str]:
    """One run's documents step; what it filed, as (kind, filed, review state) per document."""
    store = RunStore(settings.db_url)
    docs = call(settings, store, new_run(settings, store), site, of)
    return [f"{d.kind} {d.language} filed={d.filed} review={d.review}" for d in docs]


def queue(settings: Settings) -> ReviewQueue:
    return ReviewQueue(RunStore(settings.db_url).engine)


def test_an_arrest_waits_for_a_person_and_is_filed_once_after_approval(settings: Settings) -> None:
    site = FakeAisEp(list(BALANCE.cases))
    assert night(settings, site) == [
        "account_arrest kk filed=False review=proposed",
        "account_arrest ru filed=False review=proposed",
    ]
    assert site.uploads == [] and site.actions == []  # nothing restricts the debtor without a person
    [waiting] = queue(settings).items(state=ReviewState.PROPOSED)
    assert (waiting.kind, waiting.bailiff, waiting.mode) == ("account_arrest", "bailiff1", "review")
    assert [d["language"] for d in waiting.documents] == ["kk", "ru"] and waiting.debtor_iin == BALANCE.iin

    assert night(settings, site)[0].endswith("review=proposed") and site.uploads == []  # still waiting: no second
    queue(settings).approve(waiting.id, "bailiff1", "the account is the debtor's")
    assert night(settings, site) == [
        "account_arrest kk filed=True review=filed",
        "account_arrest ru filed=True review=filed",
    ]
    assert len(site.uploads) == 2 and len(site.actions) == 1
    night(settings, site)  # a later night: filed already, nothing again
    assert len(site.uploads) == 2 and len(site.actions) == 1
    assert [e.action for e in queue(settings).trail(waiting.id)] == ["proposed", "approved", "filed"]


def test_an_approved_act_is_filed_only_under_the_login_it_was_issued_by(settings: Settings) -> None:
    site = FakeAisEp(list(BALANCE.cases))
    night(settings, site)
    [waiting] = queue(settings).items(state=ReviewState.PROPOSED)
    queue(settings).approve(waiting.id, "supervisor", "the account is the debtor's")
    site.filer = Filer(login="bailiff2", name="Сапарова Алия Маратқызы")  # another bailiff signed in
    with pytest.raises(InvalidInput, match="issued in the name of AIS EP login bailiff1; signed in as bailiff2"):
        night(settings, site)
    assert site.uploads == [] and site.actions == []  # never filed under another bailiff's name
    assert queue(settings).get(waiting.id).state == ReviewState.APPROVED.value  # type: ignore[union-attr]
    site.filer = Filer(login="bailiff1", name=FILER)
    assert night(settings, site)[0] == "account_arrest kk filed=True review=filed"


def test_the_documents_carry_the_signed_in_bailiffs_name(settings: Settings) -> None:
    site = FakeAisEp(list(BALANCE.cases))
    night(settings, site)
    [waiting] = queue(settings).items(state=ReviewState.PROPOSED)
    for document in waiting.documents:
        text = " ".join(p.text for p in Document(document["docx"]).paragraphs)
        assert FILER in text and "Ким" not in text, document["language"]  # not the card's bailiff_name


def test_a_rejected_act_is_never_filed(settings: Settings) -> None:
    site = FakeAisEp(list(BALANCE.cases))
    night(settings, site)
    [waiting] = queue(settings).items()
    queue(settings).reject(waiting.id, "bailiff1", "the debtor paid at the counter this morning")
    for _ in range(2):
        assert all(line.endswith("review=rejected") for line in night(settings, site))
    assert site.uploads == [] and site.actions == []


def test_not_a_finding_is_not_drafted_again_until_the_registries_facts_change(settings: Settings) -> None:
    site = FakeAisEp(list(BALANCE.cases))
    night(settings, site)
    [waiting] = queue(settings).items()
    queue(settings).reject(waiting.id, "bailiff1", "the account belongs to the employer", not_a_finding=True)
    assert night(settings, site) == []  # the same fact on the same facts: no draft at all
    richer = ACCOUNT.model_copy(update={"balance": ACCOUNT.balance + 1000})
    again = night(settings, site, debtor(case("100000"), accounts=(richer,)))
    assert again and all(line.endswith("review=proposed") for line in again)  # the registries say something new
    assert site.uploads == []


def test_a_notice_is_filed_by_the_robot_itself(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(clock, "now", lambda: dt.datetime(2026, 11, 25, 23, 0, tzinfo=clock.ALMATY))
    big = debtor(case())
    site = FakeAisEp(list(big.cases))
    assert night(settings, site, big) == ["notice kk filed=True review=None", "notice ru filed=True review=None"]
    assert queue(settings).items() == []


def test_registries_that_disagree_about_the_asset_bring_a_person_in_whatever_the_policy(settings: Settings) -> None:
    site = FakeAisEp(list(BALANCE.cases))
    of = site.debtor(BALANCE)
    doubt = Finding(
        code="registries_disagree",
        legal_basis="art. 126",
        severity=Severity.REVIEW,
        registries=("bank_sandyq", "esalyq"),
        asset=AssetRef(kind=AssetKind.ACCOUNT, id=ACCOUNT.iban, label=ACCOUNT.iban),
        message="the bank and the tax office name different holders",
    )
    everything_auto = settings.model_copy(update={"acts": ALL_AUTO})
    store = RunStore(settings.db_url)
    ctx = Context(ItemEngine(everything_auto, store), new_run(settings, store), 1, site)
    docs = asyncio.run(draft_and_file(ctx, of, [*findings(of, ON), doubt], on=ON))
    assert {d.review for d in docs} == {"proposed"} and site.uploads == []
    [waiting] = queue(settings).items(kind="account_arrest")
    assert waiting.conflicts == {"bank_sandyq, esalyq": "the bank and the tax office name different holders"}

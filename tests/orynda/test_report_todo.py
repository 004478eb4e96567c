"""The To do sheet read back with openpyxl: acts waiting for a decision, manual-only acts, legal deadlines and failed
items, soonest deadline first, each with its debtor, proceeding and link, in the office's language."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from sqlalchemy import update

from domain.findings import AssetKind, AssetRef, Finding, Severity
from flows.nightly_check import FLOW, NightlyCheckItem
from orynda import clock
from orynda.config import Settings
from orynda.flow import FiledDocument, ItemResult, ItemSpec
from orynda.i18n import texts
from orynda.report.data import load
from orynda.report.workbook import write_report
from orynda.review import ReviewItem, ReviewQueue
from orynda.runstore import RunStore
from orynda.schema import DocumentRecord, ItemState, RunStatus

NIGHT = dt.datetime(2026, 11, 25, 23, 0, tzinfo=clock.ALMATY)
DAY = NIGHT.date()
CONSOLE = "https://orynda.office.local/"
ACCOUNT = AssetRef(kind=AssetKind.ACCOUNT, id="KZ11SANDYQ0001", label="KZ11SANDYQ0001 (KZT)")
VEHICLE = AssetRef(kind=AssetKind.VEHICLE, id="VIN0000000001", label="Toyota Camry VIN0000000001")
MEASURES = AssetRef(kind=AssetKind.RESTRICTIONS, id="account_arrest,exit_ban", label="account_arrest, exit_ban")


def debtor(seq: int, name: str, proceeding: str) -> ItemSpec[NightlyCheckItem]:
    iin = f"8001011{seq:05d}"
    return ItemSpec(seq, iin, NightlyCheckItem(iin=iin, name=name, proceedings=(proceeding,)))


def finding(code: str, asset: AssetRef | None, severity: Severity = Severity.ACTION) -> Finding:
    return Finding(
        code=code,
        message=f"{code} (developers' words)",
        legal_basis="Law 261-IV",
        severity=severity,
        registries=("bank_sandyq",),
        asset=asset,
        amount=Decimal("150000.00") if asset is ACCOUNT else None,
        action="act on it",
        evidence=f"/nowhere/evidence/{code}.png",
    )


def document(act: str, kind: str, lang: str, name: str, proceeding: str, **extra: Any) -> FiledDocument:
    values: dict[str, Any] = {
        "number": f"{act}-{lang.upper()}",
        "act": act,
        "kind": kind,
        "title": kind,
        "language": lang,
        "issued": DAY,
        "debtor": name,
        "proceeding": proceeding,
        "pdf": None,
        "docx": None,
        "filed": False,
        "upload_sha256": None,
        **extra,
    }
    return FiledDocument(**values)


def both(act: str, kind: str, name: str, proceeding: str, folder: Path, **extra: Any) -> list[FiledDocument]:
    return [
        document(
            act, kind, lang, name, proceeding, pdf=str(folder / "documents" / f"{act}-{lang.upper()}.pdf"), **extra
        )
        for lang in ("kk", "ru")
    ]


def night(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[RunStore, str, dict[str, int]]:
    """Five debtors: an act waiting for a decision (and one decided since), a debt paid with measures in force, a
    vehicle the policy leaves to a person, an unreadable row, a registry that stayed down."""
    monkeypatch.setattr(clock, "now", lambda: NIGHT)
    store = RunStore(f"sqlite:///{tmp_path / 'r.db'}")
    specs = [
        debtor(1, "Асқаров Бекзат", "2501-000001"),
        debtor(2, "Бекова Дана", "2501-000002"),
        debtor(3, "Ганиев Ерлан", "2501-000003"),
        ItemSpec(4, "bad", NightlyCheckItem(iin="bad", name="", proceedings=()), error="row 4: IIN 'bad'"),
        debtor(5, "Жунусов Ильяс", "2501-000005"),
    ]
    run = store.create_run("nightly_check", {}, specs, tmp_path / "runs")
    folder = Path(run.folder)
    items = {i.seq: i for i in store.pending(run.id)}
    queue = ReviewQueue(store.engine)
    ids = {}
    for act, kind, seq in (("ORY-2026-000001", "account_arrest", 1), ("ORY-2026-000002", "wage_levy", 1)):
        proposed = queue.propose(
            act=act,
            fact=f"{kind}|debtor:{items[seq].key}",
            kind=kind,
            proceeding="2501-000001",
            debtor_iin=items[seq].key,
            debtor_name="Асқаров Бекзат",
            bailiff="bailiff1",
            run_id=run.id,
            item_seq=seq,
            mode="review",
            facts_digest="d",
            documents=[],
            evidence=[],
            conflicts={},
        )
        assert proposed is not None
        ids[kind] = proposed.id
    queue.approve(ids["wage_levy"], "bailiff1")  # decided after the night drafted it: nothing left to do
    notices = both("ORY-2026-000003", "notice", "Асқаров Бекзат", "2501-000001", folder, filed=True)
    with store.session() as s:
        for doc in notices:
            s.add(_record(doc, run.id, "notice|case:2501-000001|voluntary"))
    results = {
        1: ItemResult(
            [finding("account_with_balance", ACCOUNT)],
            {"name": "Асқаров Бекзат"},
            documents=[
                *both("ORY-2026-000001", "account_arrest", "Асқаров Бекзат", "2501-000001", folder, review="proposed"),
                *both("ORY-2026-000002", "wage_levy", "Асқаров Бекзат", "2501-000001", folder, review="proposed"),
                *notices,
            ],
        ),
        2: ItemResult(
            [finding("lift_restrictions", MEASURES)],
            {"name": "Бекова Дана"},
            documents=both("ORY-2026-000004", "exit_ban_lift", "Бекова Дана", "2501-000002", folder, filed=True),
        ),
        3: ItemResult([finding("vehicle_not_arrested", VEHICLE)], {"name": "Ганиев Ерлан"}),
    }
    for seq, result in results.items():
        store.start_attempt(items[seq].id)
        store.finish_item(items[seq].id, ItemState.DONE, result=result.to_json())
    store.start_attempt(items[5].id)
    store.finish_item(
        items[5].id,
        ItemState.SYSTEM,
        result=ItemResult([], {"name": "Жунусов Ильяс"}, missing=("enpf",)).to_json(),
        code="RegistriesMissing",
        message="no answer from enpf",
        evidence=str(folder / "evidence" / "item-00005" / "attempt-4"),
    )
    store.set_status(run.id, RunStatus.DONE_WITH_FAILURES, ended=True)
    return store, run.id, ids


def _record(doc: FiledDocument, run_id: str, fact: str) -> DocumentRecord:
    year, serial = 2026, int(doc.act.rsplit("-", 1)[1])
    return DocumentRecord(
        number=doc.number,
        act=doc.act,
        year=year,
        serial=serial,
        fact=fact,
        kind=doc.kind,
        language=doc.language,
        run_id=run_id,
        item_seq=1,
        debtor_iin="800101100001",
        debtor_name=doc.debtor,
        proceeding=doc.proceeding,
        issued_on=doc.issued,
        created_at=NIGHT,
    )


def todo_rows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, console_url: str | None
) -> tuple[list[dict[str, Any]], list[Any], dict[str, int], str]:
    store, run_id, ids = night(tmp_path, monkeypatch)
    run = store.get_run(run_id)
    assert run is not None
    settings = Settings(home=tmp_path, acts={"property_arrest": "manual"}, console_url=console_url)
    book = load_workbook(write_report(load(store, run, FLOW, lang, settings)))
    t = texts(lang)
    assert book.sheetnames[:2] == [t("report.sheet.summary"), t("report.sheet.todo")]  # right after the Summary
    ws = book[t("report.sheet.todo")]
    titles = [c.value for c in ws[1]]
    assert titles == [t(f"report.todo.column.{c}") for c in ("deadline", "what", "kind", "debtor", "iin")] + [
        t(f"report.todo.column.{c}") for c in ("proceeding", "row", "link")
    ]
    rows = [dict(zip(titles, (c.value for c in row))) for row in ws.iter_rows(min_row=2)]
    return rows, list(ws.iter_rows(min_row=2)), ids, run_id


def test_the_rows_say_what_to_do_by_when_soonest_first(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rows, cells, _, _ = todo_rows(tmp_path, monkeypatch, "kk", None)
    t = texts("kk")
    kind = {k: t(f"report.todo.kind.{k}") for k in ("deadline", "review", "manual")}
    got = [(r["Мерзімі"], r["Түрі"], r["Борышкер"], r["Атқарушылық іс жүргізу"], r["Жол"]) for r in rows]
    assert got == [
        (dt.datetime(2026, 11, 26), kind["deadline"], "Бекова Дана", "2501-000002", 2),  # lift within a day
        (dt.datetime(2026, 11, 30), kind["deadline"], "Асқаров Бекзат", "2501-000001", 1),  # 5 days to pay
        (None, kind["review"], "Асқаров Бекзат", "2501-000001", 1),  # the approved wage levy is not listed
        (None, kind["manual"], "Ганиев Ерлан", "2501-000003", 3),
        (None, "Адамның шешімі керек", None, None, 4),
        (None, "Жүйелік қате", "Жунусов Ильяс", "2501-000005", 5),
    ]
    whats = [r["Не істеу керек"] for r in rows]
    arrest = t("measure.account_arrest") if t.has("measure.account_arrest") else "account_arrest"
    assert whats[0] == f"Борыш толық өтелді, шектеулерді алып тастаңыз: {arrest}"  # the robot filed the exit ban's lift
    assert whats[2] == (
        "Актінің жобасын қарап, шешім қабылдаңыз: Борышкердің банктік шоттарындағы ақшаға тыйым салу туралы қаулы"
        " № ORY-2026-000001"
    )
    assert whats[3].startswith("Актіні өзіңіз дайындап, АЖ АІЖ-ге енгізіңіз: ")
    assert whats[4] == "Жағдайды өзіңіз тексеріңіз: Тізімдегі жол дұрыс емес"
    assert whats[5] == t("report.todo.do.missing", sites="БЖЗҚ (зейнетақы қоры)")
    assert cells[0][0].number_format == "dd.mm.yyyy"
    assert rows[5]["ЖСН"] == "800101100005" and cells[5][4].data_type == "s"


def _leads(link: str | None, expected: str) -> bool:
    """A console page by its address; a file by its absolute file:/// address ending in its place in the run."""
    if expected.startswith("http"):
        return link == expected
    return link is not None and link.startswith("file:///") and link.endswith("/" + expected)


@pytest.mark.parametrize(
    ("console_url", "review_link", "failed_link", "manual_link"),
    [
        (None, "documents/ORY-2026-000001-KK.pdf", "evidence/item-00005/attempt-4", "file:///nowhere/evidence/"),
        (CONSOLE, CONSOLE + "review/{id}", CONSOLE + "runs/{run}/items/5", "file:///nowhere/evidence/"),
    ],
    ids=["no console: the PDF and the evidence", "console: its review and item pages"],
)
def test_each_row_links_the_console_or_else_the_act_or_the_evidence(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    console_url: str | None,
    review_link: str,
    failed_link: str,
    manual_link: str,
) -> None:
    rows, cells, ids, run_id = todo_rows(tmp_path, monkeypatch, "kk", console_url)
    links = [row[7].hyperlink.target if row[7].hyperlink else None for row in cells]
    assert _leads(links[2], review_link.format(id=ids["account_arrest"]))
    assert _leads(links[5], failed_link.format(run=run_id))
    assert links[3] is not None and links[3].startswith(manual_link)
    if console_url:
        assert rows[2]["Сілтеме"] == "Консольде ашу"


def test_in_russian(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rows, _, _, _ = todo_rows(tmp_path, monkeypatch, "ru", None)
    assert [r["Вид"] for r in rows[:4]] == ["Срок по закону", "Срок по закону", "Ждёт решения", "Только вручную"]
    assert rows[2]["Что сделать"] == (
        "Рассмотрите проект акта и примите решение: Постановление о наложении ареста на деньги, находящиеся на"
        " банковских счетах должника № ORY-2026-000001"
    )
    assert rows[4]["Что сделать"] == "Проверьте случай сами: Неверная строка списка"


def test_a_drafted_act_the_policy_leaves_to_a_person_is_filed_by_hand(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store, run_id, ids = night(tmp_path, monkeypatch)
    with store.session() as s:
        s.execute(update(ReviewItem).where(ReviewItem.id == ids["account_arrest"]).values(mode="manual"))
    run = store.get_run(run_id)
    assert run is not None
    book = load_workbook(write_report(load(store, run, FLOW, "ru")))
    rows = list(book["Что сделать"].iter_rows(min_row=2, values_only=True))
    assert [(r[2], r[6]) for r in rows[2:4]] == [("Только вручную", 1), ("Требует решения человека", 4)]
    assert rows[2][1] == (
        "Проверьте акт и внесите его в АИС ИП сами (проект подготовлен): Постановление о наложении ареста на деньги,"
        " находящиеся на банковских счетах должника № ORY-2026-000001"
    )

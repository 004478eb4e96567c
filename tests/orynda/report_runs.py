"""Synthetic nightly runs for the report's tests: debtors of every kind assessed by the real checks, the acts the real
plan calls for in every state an act can be in, failed attempts and a registry that stayed down — stored as the
engine stores them, with no browser."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from domain.checks.assets import DebtorFile, assess
from domain.documents.plan import plan
from domain.documents.policy import ActPolicy, mode_for
from domain.findings import Finding
from domain.records import (
    BankAccount,
    Case,
    Contribution,
    CreditorCategory,
    ExecutiveDocument,
    Property,
    TaxStatus,
    Vehicle,
)
from flows.nightly_check import NightlyCheckItem
from orynda.flow import FiledDocument, ItemResult, ItemSpec
from orynda.runstore import RunStore
from orynda.schema import ItemState, RunStatus, SiteCall

ON = dt.date(2026, 11, 25)
SITES = ("aisep", "egov_realty", "egov_vehicles", "esalyq", "enpf", "bank_sandyq", "bank_qazyna")
POLICY = ActPolicy(
    modes={
        "opening": "review",
        "property_arrest": "review",
        "wage_levy": "manual",
        "account_arrest": "review",
        "exit_ban": "review",
        "exit_ban_lift": "auto",
        "arrest_lift": "auto",
        "opening_refusal": "auto",
        "notice": "auto",
        "registry_request": "auto",
    }
)
DOC = ExecutiveDocument(kind="исполнительный лист", issuer="Суд", number="2-1", date=dt.date(2025, 1, 10))
NAMES = ("Әлиев Серік", "Иванова Анна", "Нұрланов Дәурен", "Ким Олег", "Сәрсенова Гүлнар")


def iin(n: int) -> str:
    return f"9001013{n:05d}"


def case(n: int, amount: str, collected: str = "0", restrictions: tuple[str, ...] = ()) -> Case:
    a, c = Decimal(amount), Decimal(collected)
    return Case(
        number=f"2501-{n:06d}",
        debtor_iin=iin(n),
        debtor_name=NAMES[n % len(NAMES)],
        creditor="АО «Банк»",
        category=CreditorCategory.BANK_LOANS,
        status="active",
        opened=dt.date(2025, 1, 20),
        bailiff_name="Оспанов Е.",
        amount=a,
        collected=c,
        remaining=a - c,
        document=DOC,
        restrictions=restrictions,
    )


def debtor(n: int) -> DebtorFile:
    """Debtor n: one of eight shapes, so forty debtors hold every finding the nightly check gives."""
    shape, who = n % 8, iin(n)
    small, big = (case(n, "100000"),), (case(n, "2500000.35"),)
    flat = Property(
        cadastral=f"20-311-004-{n:03d}",
        kind="flat",
        address="Алматы қ., Абай даңғылы, 10",
        area=Decimal("54.2"),
        share="1/1",
        owner_iin=who if shape != 6 else "061211600012",
        encumbrances="",
        arrested=False,
    )
    car = Vehicle(
        make="Toyota", model="Camry", year=2018, plate=f"{n:03d}ABC02", vin=f"JTNB11HK10345{n:04d}", arrested=False
    )
    account = BankAccount(
        bank="bank_sandyq",
        iban=f"KZ1234567890123{n:04d}",
        currency="KZT",
        balance=Decimal("19207002.35"),
        arrested=False,
    )
    pension = Contribution(
        month=dt.date(2026, 10, 1), employer_bin="940140000385", employer_name="ТОО «Жаңа»", amount=Decimal("50000")
    )
    tax = TaxStatus(
        iin=who,
        name=NAMES[n % len(NAMES)],
        debt=Decimal("0"),
        overpayment=Decimal("15000.50"),
        employer_bin="940140000385",
        employer_name="ТОО «Ескі»" if shape == 7 else "ТОО «Жаңа»",
    )
    shapes = {
        0: DebtorFile(who, "", small, properties=(flat,)),
        1: DebtorFile(who, "", small, vehicles=(car,), accounts=(account,)),
        2: DebtorFile(who, "", big, contributions=(pension,)),
        3: DebtorFile(who, "", small, tax=tax),
        4: DebtorFile(who, "", (case(n, "500000", "500000", ("exit_ban", "account_arrest")),)),
        5: DebtorFile(who, "", small),
        6: DebtorFile(who, "", small, properties=(flat,)),
        7: DebtorFile(who, "", big, contributions=(pension,), tax=tax),
    }
    return shapes[shape]


def documents(n: int, folder: Path, found: DebtorFile, findings: list[Finding]) -> list[FiledDocument]:
    """The acts the real plan calls for, each in kk and ru; the policy above decides whether it is filed or waits,
    and of the acts waiting for review two in three have been decided already (approved or rejected)."""
    out = []
    for k, draft in enumerate(plan(found, findings, ON, {}), start=1):
        severities = [draft.finding.severity] if draft.finding else []
        mode = mode_for(POLICY, draft.kind.name, severities)
        review = {"auto": None, "manual": "proposed"}.get(mode) or ("proposed", "approved", "rejected")[(n + k) % 3]
        act = f"ORY-2026-{n:04d}{k:02d}"
        for language in ("kk", "ru"):
            pdf = folder / "documents" / f"{act}-{language.upper()}.pdf"
            pdf.parent.mkdir(parents=True, exist_ok=True)
            pdf.write_bytes(b"%PDF-1.4\n")
            out.append(
                FiledDocument(
                    number=f"{act}-{language.upper()}",
                    act=act,
                    kind=draft.kind.name,
                    title=draft.kind.en,
                    language=language,
                    issued=ON,
                    debtor=NAMES[n % len(NAMES)],
                    proceeding=draft.case.number,
                    pdf=str(pdf),
                    docx=str(pdf.with_suffix(".docx")),
                    filed=mode == "auto",
                    upload_sha256=None,
                    review=review,
                    mode=None if mode == "auto" else mode,
                    finding=draft.finding.code if draft.finding else None,
                    asset=draft.finding.asset.id if draft.finding and draft.finding.asset else None,
                )
            )
    return out


def nightly_run(tmp_path: Path, debtors: int = 40) -> tuple[RunStore, str]:
    """`debtors` debtors; every tenth lacks Qazyna bank's answer (a system exception after two attempts), every
    seventh needed a second attempt after the page failed to load."""
    store = RunStore(f"sqlite:///{tmp_path / 'r.db'}")
    specs = [
        ItemSpec(n, iin(n), NightlyCheckItem(iin=iin(n), name=NAMES[n % len(NAMES)], proceedings=(f"2501-{n:06d}",)))
        for n in range(1, debtors + 1)
    ]
    run = store.create_run("nightly_check", {}, specs, tmp_path / "runs")
    folder = Path(run.folder)
    calls = []
    for item in store.pending(run.id):
        n = item.seq
        found = debtor(n)
        evidence = folder / "evidence" / f"item-{n:05d}"
        findings = [f.model_copy(update={"evidence": str(evidence / "page.png")}) for f in assess(found, ON)]
        fields = {"name": NAMES[n % len(NAMES)], "proceedings": 1, "remaining": found.remaining}
        calls += [SiteCall(run_id=run.id, item_seq=n, site=s, action="lookup", outcome="ok", ms=300 + n) for s in SITES]
        if n % 7 == 0:
            store.start_attempt(item.id)
            store.end_attempt(
                item.id,
                "system",
                code="SiteUnavailable",
                message="egov_realty: HTTP 503 on the search page",
                evidence=str(evidence / "attempt-1"),
            )
        if n % 10 == 0:
            for attempt in (1, 2):
                store.start_attempt(item.id)
                store.end_attempt(
                    item.id,
                    "system",
                    code="RegistriesMissing",
                    message="no answer from bank_qazyna",
                    evidence=str(evidence / f"attempt-{attempt}"),
                )
            partial = ItemResult(findings, {**fields, "missing": "bank_qazyna"}, missing=("bank_qazyna",))
            store.finish_item(
                item.id,
                ItemState.SYSTEM,
                result=partial.to_json(),
                code="RegistriesMissing",
                message="no answer from bank_qazyna",
                evidence=str(evidence / "attempt-2"),
            )
            continue
        store.start_attempt(item.id)
        store.end_attempt(item.id, "done")
        docs = documents(n, folder, found, findings)
        fields["documents_filed"] = sum(d.filed for d in docs)
        store.finish_item(item.id, ItemState.DONE, result=ItemResult(findings, fields, docs).to_json())
    store.add_site_calls(calls)
    store.set_status(run.id, RunStatus.DONE_WITH_FAILURES, ended=True)
    return store, run.id

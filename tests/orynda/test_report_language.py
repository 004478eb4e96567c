"""The run report in the office's language: every text cell of every sheet, in Kazakh and in Russian, is read back
and checked against the catalogue's English and the identifiers the code uses; every finding the checks can give
has its words; findings link the acts drafted for them."""

from __future__ import annotations

import datetime as dt
import importlib
import re
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from domain.checks.assets import DebtorFile, assess
from domain.checks.register import Expected, check_register
from domain.documents.catalogue import kinds
from domain.findings import Finding, Severity
from domain.records import Bailiff, CreditorCategory, RegisterDebtor, RegisterProceeding
from flows import file_approved, nightly_check, register_check
from orynda import errors, leases, wording
from orynda.documents import DocumentFileMissing, RenderError
from orynda.i18n import catalogue, texts
from orynda.report.data import load
from orynda.report.workbook import write_report
from orynda.runstore import RunStore
from orynda.schema import ItemState, RunStatus
from tests.orynda.report_runs import ON, case, debtor, nightly_run
from tests.orynda.test_report import make_run

TECHNICAL = {texts(lang)("report.items.technical") for lang in ("kk", "ru")}  # English there on purpose
ENGLISH_WORDS = re.compile(
    r"\b(the|is|not|of|and|in|yes|no|found|debt|account|arrest|registry|register|filed|drafted|law|art|business|"
    r"system|exception|proceedings?|employer|vehicle|property|tax|lift|review|waiting|paid|row|item)\b",
    re.IGNORECASE,
)


def identifiers() -> set[str]:
    """What the code calls things and a person must never read: sites, act kinds, states, codes, measures."""
    found = {key.split(".", 1)[1] for key in catalogue() if key.startswith(("site.", "measure.", "error_code."))}
    found |= set(kinds()) | {s.value for s in ItemState} | {s.value for s in RunStatus} | {s.value for s in Severity}
    found |= {key.split(".")[1] for key in catalogue() if key.startswith("finding.")}
    found |= {"proposed", "approved", "changed_approved", "rejected", "manual", "realty", "bank_qazyna"}
    return found


def english_texts() -> set[str]:
    return {entry["en"] for entry in catalogue().values() if entry["en"] not in (entry["kk"], entry["ru"])}


def text_cells(book: Workbook) -> Iterator[tuple[str, str, str]]:
    """(sheet, header, text) for every text cell a person reads; the technical-detail column is for developers."""
    yield from ((ws.title, "", ws.title) for ws in book.worksheets)
    for ws in book.worksheets:
        headers = [c.value for c in ws[1]]
        for row in ws.iter_rows():
            for cell in row:
                title = headers[cell.column - 1] if cell.column <= len(headers) else ""
                if isinstance(cell.value, str) and title not in TECHNICAL:
                    yield ws.title, str(title), cell.value


def english_in(text: str, names: set[str], english: set[str]) -> str | None:
    if re.fullmatch(r"[\w./:-]+", text) and "/" in text:
        return None  # a file's path in the run folder: its names are the files', not words
    if text in english:
        return "an English text of the catalogue"
    words = set(re.findall(r"[A-Za-z_]+", text))
    if named := words & names:
        return f"identifier {sorted(named)}"
    if match := ENGLISH_WORDS.search(text):
        return f"English word {match.group(0)!r}"
    return None


def reports(tmp_path: Path, lang: str) -> list[Path]:
    store, run_id = nightly_run(tmp_path / "night", debtors=16)
    night = store.get_run(run_id)
    register_store, register_id = register_run(tmp_path / "list")
    listed = register_store.get_run(register_id)
    assert night is not None and listed is not None
    return [
        write_report(load(store, night, nightly_check.FLOW, lang), tmp_path / f"night-{lang}.xlsx"),
        write_report(load(register_store, listed, register_check.FLOW, lang), tmp_path / f"list-{lang}.xlsx"),
    ]


def register_run(tmp_path: Path) -> tuple[RunStore, str]:
    """The shared register_check run, its done item carrying the real check's findings."""
    found = RegisterDebtor(iin="061211600012", name="Иванов", proceedings=(proceeding("A-1", "10", True),))
    return make_run(tmp_path, check_register(Expected("061211600012", Decimal("12.50")), found))


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_no_cell_a_person_reads_is_english_or_an_identifier(tmp_path: Path, lang: str) -> None:
    names, english = identifiers(), english_texts()
    problems = [
        f"{path.stem} / {sheet} / {header}: {text!r}: {why}"
        for path in reports(tmp_path, lang)
        for sheet, header, text in text_cells(load_workbook(path))
        if (why := english_in(text, names, english))
    ]
    assert problems == []


def test_the_detector_catches_what_the_old_report_showed() -> None:
    names, english = identifiers(), english_texts()
    for shown in ("business_exception", "Arrest the vehicle", "bank_qazyna", "Law 261-IV art. 32 p.2", "yes"):
        assert english_in(shown, names, english), shown
    assert english_in("Toyota Camry, 2018 г. в., госномер 001ABC02, VIN JTNB11HK103450001", names, english) is None


BAILIFF = Bailiff(name="Оспанов Е.", region="Алматы қ.", phone="+7 701 000 00 00")


def proceeding(number: str, amount: str, exit_ban: bool = False) -> RegisterProceeding:
    return RegisterProceeding(
        number=number,
        opened=dt.date(2025, 3, 1),
        bailiff=BAILIFF,
        category=CreditorCategory.BANK_LOANS,
        amount=Decimal(amount),
        exit_ban=exit_ban,
    )


ON_REGISTER = RegisterDebtor(iin="900101300811", name="И", proceedings=(proceeding("A-1", "100.50", True),))
FREE = RegisterDebtor(iin="900101300811", name="И", proceedings=(proceeding("A-1", "100.50"),))


def every_finding() -> list[Finding]:
    """Findings of every code and variant the checks give, from the checks themselves."""
    nightly = [f for n in range(8) for f in assess(debtor(n), ON)]
    nightly += assess(DebtorFile("900101300000", "И", (case(0, "5", "5"),)), ON)  # paid, nothing to lift
    register = [
        *check_register(Expected("900101300811"), None),
        *check_register(Expected("900101300811", proceeding="B-9"), ON_REGISTER),
        *check_register(Expected("900101300811"), ON_REGISTER),
        *check_register(Expected("900101300811", proceeding="A-1"), FREE),
        *check_register(Expected("900101300811", Decimal("100.50")), FREE),
        *check_register(Expected("900101300811", Decimal("100.50"), "A-1"), FREE),
        *check_register(Expected("900101300811", Decimal("99")), FREE),
        *check_register(Expected("900101300811", Decimal("99"), "A-1"), FREE),
    ]
    return nightly + register


# (code, text variant): every way a finding of the checks reads
CODES = [
    ("nothing_found", None),
    ("paid_in_full", None),
    ("lift_restrictions", None),
    ("realty_not_arrested", None),
    ("vehicle_not_arrested", None),
    ("account_with_balance", None),
    ("employer_found", None),
    ("tax_overpayment", None),
    ("exit_ban_possible", None),
    ("registries_disagree", "registries_disagree.employer"),
    ("registries_disagree", "registries_disagree.owner"),
    ("debtor_not_found", None),
    ("proceeding_not_found", None),
    ("amount_read", None),
    ("amount_read", "amount_read.total"),
    ("amount_mismatch", None),
    ("amount_mismatch", "amount_mismatch.total"),
    ("amount_matches", None),
    ("amount_matches", "amount_matches.total"),
    ("exit_ban_in_force", None),
    ("no_exit_ban", None),
]


def test_the_table_holds_every_code_the_checks_give() -> None:
    assert sorted({(f.code, f.text) for f in every_finding()}, key=str) == sorted(CODES, key=str)


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize(("code", "variant"), CODES, ids=[v or c for c, v in CODES])
def test_every_finding_reads_in_the_office_language(code: str, variant: str | None, lang: str) -> None:
    t = texts(lang)
    (finding, *_) = [f for f in every_finding() if (f.code, f.text) == (code, variant)]
    stored = Finding.model_validate(finding.model_dump(mode="json"))  # params come back from JSON as text
    assert wording.has_texts(t, stored)
    message = wording.finding_message(t, stored)
    assert message != finding.message and "{" not in message
    assert wording.legal_basis(t, stored) != finding.legal_basis
    if finding.action:
        assert wording.finding_action(t, stored) not in (None, finding.action)
    if finding.asset:
        assert wording.finding_asset(t, stored) != finding.asset.label


@pytest.mark.parametrize(
    ("lang", "basis"),
    [
        ("ru", "ст. 32 п. 2 Закона РК «Об исполнительном производстве и статусе судебных исполнителей»"),
        (
            "kk",
            '"Атқарушылық іс жүргізу және сот орындаушыларының мәртебесі туралы" ҚР Заңының 32-бабы 2-тармағы',
        ),
    ],
)
def test_a_legal_basis_reads_in_the_official_form(lang: str, basis: str) -> None:
    account = next(f for f in assess(debtor(1), ON) if f.code == "account_with_balance")
    assert wording.legal_basis(texts(lang), account) == basis
    assert "19 207 002,35 ₸" in wording.finding_message(texts(lang), account)


def test_every_error_code_of_the_errors_has_its_name() -> None:
    importlib.import_module("app.catalog")  # every flow and bot, with the errors they define, whatever ran before

    def subclasses(cls: type) -> Iterator[type]:
        for sub in cls.__subclasses__():
            yield sub
            yield from subclasses(sub)

    codes = {cls.__name__ for cls in subclasses(errors.OryndaError)} | {"CutOff"}
    assert {DocumentFileMissing.__name__, RenderError.__name__, leases.FlowBusy.__name__} <= codes
    assert sorted(c for c in codes if not texts("ru").has(f"error_code.{c}")) == []


def test_every_column_and_flow_has_its_title() -> None:
    for flow in (nightly_check.FLOW, register_check.FLOW, file_approved.FLOW):
        assert texts("kk").has(f"report.flow.{flow.name}")
        assert [c.key for c in flow.columns if not texts("ru").has(f"report.column.{c.key}")] == []

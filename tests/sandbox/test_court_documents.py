"""The court cabinet's generator: deterministic, every field filled as FIELDS says, flaws named and real."""

from __future__ import annotations

import datetime as dt
import io
from collections import Counter
from decimal import Decimal

import pypdf
import pytest

from domain.data import table
from domain.iin import decode_iin, is_valid_iin
from sandbox.court_documents import FIELDS, FLAWS, KINDS, CourtDocument, court_documents
from sandbox.parties import BANKS, LENDERS, OTHERS, REVENUE_OFFICES
from sandbox.sites.aisep.cases import COURTS

CATEGORIES = {row["category"] for row in table("queues")["categories"]}


@pytest.fixture(scope="module")
def documents() -> list[CourtDocument]:
    return court_documents(42, 150)


def test_the_same_seed_gives_the_same_documents_whatever_the_window() -> None:
    window = court_documents(42, 3, start=5)
    again = court_documents(42, 8)[5:]
    assert window == again
    assert court_documents(43, 3, start=5) != window


def test_numbers_are_the_cabinets_ids_in_order() -> None:
    assert [d.number for d in court_documents(42, 2, start=122)] == ["ИД-2026-000123", "ИД-2026-000124"]


def test_every_kind_language_and_form_occurs(documents: list[CourtDocument]) -> None:
    assert {d.kind for d in documents} == set(KINDS)
    assert {d.language for d in documents} == {"kk", "ru"}
    assert {d.form for d in documents} == {"structured", "text", "scan"}


def test_truth_has_every_field_in_its_format(documents: list[CourtDocument]) -> None:
    for d in documents:
        assert tuple(d.truth) == FIELDS
        for key in ("decision_date", "issue_date", "in_force_date", "debtor_birth_date"):
            if d.truth[key]:
                dt.datetime.strptime(d.truth[key], "%d.%m.%Y")
        if d.truth["amount"]:
            assert Decimal(d.truth["amount"]).as_tuple().exponent == -2
        assert d.truth["periodic"] in ("yes", "no")
        assert d.truth["category"] in CATEGORIES
        assert bool(d.truth["amount"]) != bool(d.truth["alimony_share"]) or "missing" in "".join(d.flaws)


def test_structured_documents_carry_their_data_and_others_do_not(documents: list[CourtDocument]) -> None:
    for d in documents:
        assert (d.data == d.truth) if d.form == "structured" else d.data is None


def test_text_documents_have_a_text_layer_and_scans_none(documents: list[CourtDocument]) -> None:
    by_form = {form: next(d for d in documents if d.form == form and not d.flaws) for form in ("text", "scan")}
    text = pypdf.PdfReader(io.BytesIO(by_form["text"].pdf)).pages[0].extract_text()
    assert by_form["text"].truth["debtor_iin"] in text
    assert pypdf.PdfReader(io.BytesIO(by_form["scan"].pdf)).pages[0].extract_text().strip() == ""


def test_flaws_are_about_five_percent_each_and_true(documents: list[CourtDocument]) -> None:
    counts = Counter(flaw.split(":")[0] for d in documents for flaw in d.flaws)
    assert set(counts) == set(FLAWS)
    assert all(2 <= n <= 16 for n in counts.values()), counts
    for d in documents:
        iin, flaws = d.truth["debtor_iin"], d.flaws
        if "iin_check_digit" in flaws:
            assert not is_valid_iin(iin)
        elif iin:
            born = decode_iin(iin).birth_date.strftime("%d.%m.%Y")
            assert (born != d.truth["debtor_birth_date"]) == ("birth_date_mismatch" in flaws)
        for flaw in flaws:
            if flaw.startswith("missing_required_detail:"):
                assert d.truth[flaw.split(":")[1]] == ""


def test_the_reference_list_holds_the_courts_aisep_names() -> None:
    listed = {(row["kk"], row["ru"]) for row in table("issuers")["issuers"]}
    assert {(court.kk, court.ru) for court in COURTS} <= listed


def test_the_register_of_organisations_holds_every_creditor_organisation_of_the_sandbox() -> None:
    listed = {(row["bin"], row["kk"], row["ru"]) for row in table("organisations")["organisations"]}
    parties = (*BANKS.values(), *LENDERS, *OTHERS, *REVENUE_OFFICES)
    assert {(p.id, p.name_kk, p.name_ru) for p in parties} == listed

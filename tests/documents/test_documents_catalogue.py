"""The catalogue of kinds as data, and the Word templates a lawyer edits: every field a template names exists."""

from __future__ import annotations

import pytest
from docxtpl import DocxTemplate

from domain.documents import LANGUAGES, UnknownKind, default_office, document_fields, kind, kinds, kinds_for
from orynda.documents.render import TEMPLATES
from tests.documents.examples import FILER, ON, every_kind

KINDS = [
    "opening",
    "property_arrest",
    "wage_levy",
    "account_arrest",
    "exit_ban",
    "exit_ban_lift",
    "arrest_lift",
    "notice",
    "registry_request",
    "opening_refusal",
]
DRAFTED = [k for k in KINDS if k != "opening_refusal"]  # a night's acts; the refusal is test_documents_refusal's


def test_the_catalogue_has_the_kinds_of_the_issues() -> None:
    assert list(kinds()) == KINDS


@pytest.mark.parametrize(
    ("name", "upload", "action"),
    [
        pytest.param("opening", "decision", "document_filed", id="art_37_opening_filed_as_a_decision"),
        pytest.param("property_arrest", "decision", "arrest_imposed", id="art_32_property_arrest"),
        pytest.param("wage_levy", "decision", "wage_levy_sent", id="art_93_wage_levy_sent_to_the_employer"),
        pytest.param("account_arrest", "decision", "arrest_imposed", id="art_32_account_arrest"),
        pytest.param("exit_ban", "decision", "document_filed", id="art_33_exit_ban_not_a_bailiff_action_in_aisep"),
        pytest.param("exit_ban_lift", "decision", "restriction_lifted", id="art_47_lifting"),
        pytest.param("arrest_lift", "decision", "restriction_lifted", id="art_47_lifting_arrests"),
        pytest.param("notice", "notice", "document_filed", id="art_37_art_33_notice"),
        pytest.param("registry_request", "request", "request_sent", id="art_126_request"),
        pytest.param("opening_refusal", "decision", "document_returned", id="art_38_refusal_returned_with_document"),
    ],
)
def test_each_kind_goes_to_aisep_as(name: str, upload: str, action: str) -> None:
    k = kind(name)
    assert (k.upload, k.action) == (upload, action)
    assert k.title["kk"] and k.title["ru"] and k.articles


@pytest.mark.parametrize(
    ("code", "names"),
    [
        pytest.param("realty_not_arrested", ["property_arrest"], id="art_32_realty"),
        pytest.param("vehicle_not_arrested", ["property_arrest"], id="art_32_vehicle"),
        pytest.param("account_with_balance", ["account_arrest"], id="art_32_account"),
        pytest.param("employer_found", ["wage_levy"], id="art_93_95_employer"),
        pytest.param("exit_ban_possible", ["exit_ban", "notice"], id="art_33_warning_then_restriction"),
        pytest.param("lift_restrictions", ["exit_ban_lift", "arrest_lift"], id="art_47_lift"),
        pytest.param("registries_disagree", ["registry_request"], id="art_126_disagreement"),
        pytest.param("nothing_found", ["registry_request"], id="art_126_nothing_found"),
        pytest.param("tax_overpayment", [], id="art_87_no_document_in_this_catalogue"),
        pytest.param("paid_in_full", [], id="art_47_nothing_to_lift"),
    ],
)
def test_findings_call_for(code: str, names: list[str]) -> None:
    assert [k.name for k in kinds_for(code)] == names


def test_an_unknown_kind_is_named_in_the_error() -> None:
    with pytest.raises(UnknownKind, match="'decree'.*known: opening"):
        kind("decree")


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("name", DRAFTED)
def test_every_field_a_template_names_is_computed(name: str, lang: str) -> None:
    template = DocxTemplate(str(TEMPLATES / f"{name}.{lang}.docx"))
    wanted = template.get_undeclared_template_variables() - {"qr"}
    provided: set[str] = set()
    examples = [(d, of) for d, of in every_kind() if d.kind.name == name]
    assert examples, f"no worked example of {name}"
    for draft, of in examples:
        number = "ORY-2026-000001-" + lang.upper()
        provided |= set(
            document_fields(
                draft,
                of,
                lang,
                number=number,
                act="ORY-2026-000001",  # type: ignore[arg-type]
                on=ON,
                office=default_office(),
                bailiff=FILER,
            )
        )
    assert wanted, f"{name}.{lang}.docx names no field"
    assert wanted <= provided, f"{name}.{lang}.docx names fields nobody computes: {sorted(wanted - provided)}"
    assert {"act", "amount", "amount_words", "debtor_iin", "proceeding", "bailiff", "date_long"} <= wanted

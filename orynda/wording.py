"""How a finding, an act kind, a state or an error reads to a person, in the office's language.

Checks stay pure and speak English to developers (`Finding.message`); the words a bailiff reads come from the
catalogue by the finding's code, filled with the finding's `params`. A code the catalogue lacks falls back to the
English text rather than failing a report (a test keeps every code in the catalogue).
"""

from __future__ import annotations

from domain.documents.catalogue import UnknownKind, kind
from domain.findings import Finding
from orynda.i18n import Texts


def finding_message(t: Texts, finding: Finding) -> str:
    key = f"finding.{finding.text or finding.code}.message"
    return t(key, **finding.params) if t.has(key) else finding.message


def finding_action(t: Texts, finding: Finding) -> str | None:
    if finding.action is None:
        return None
    key = f"finding.{finding.text or finding.code}.action"
    return t(key, **finding.params) if t.has(key) else finding.action


def legal_basis(t: Texts, finding: Finding) -> str:
    key = f"finding.{finding.code}.basis"
    return t(key) if t.has(key) else finding.legal_basis


def act_name(t: Texts, kind_name: str) -> str:
    """An act kind by its title in the office's language (catalogue.yaml), never its identifier."""
    try:
        found = kind(kind_name)
    except UnknownKind:
        return kind_name
    return found.title.get(t.lang, found.en)


def state_name(t: Texts, state: str) -> str:
    return t(f"state.{state}") if t.has(f"state.{state}") else state


def status_name(t: Texts, status: str) -> str:
    return t(f"status.{status}") if t.has(f"status.{status}") else status


def severity_name(t: Texts, severity: str) -> str:
    return t(f"severity.{severity}") if t.has(f"severity.{severity}") else severity

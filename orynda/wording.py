"""How a finding, an act kind, a state or an error reads to a person, in the office's language.

Checks stay pure and speak English to developers (`Finding.message`); the words a bailiff reads come from the
catalogue (orynda/texts/findings.yaml) by the finding's `text` variant, else its code, filled with the finding's
`params`. A code the catalogue lacks, or a result stored before findings had params, falls back to the English text
rather than failing a report (a test keeps every code the checks produce in the catalogue).
"""

from __future__ import annotations

from domain.documents.catalogue import UnknownKind, kind
from domain.findings import Finding
from orynda.i18n import Texts


def finding_message(t: Texts, finding: Finding) -> str:
    return _finding_text(t, finding, "message") or finding.message


def finding_action(t: Texts, finding: Finding) -> str | None:
    if finding.action is None:
        return None
    return _finding_text(t, finding, "action") or finding.action


def finding_asset(t: Texts, finding: Finding) -> str | None:
    """What the finding is about, as the report names it (the asset's label when the catalogue has no words)."""
    if finding.asset is None:
        return None
    return _finding_text(t, finding, "asset") or finding.asset.label


def legal_basis(t: Texts, finding: Finding) -> str:
    key = f"finding.{finding.code}.basis"
    return t(key) if t.has(key) else finding.legal_basis


def has_texts(t: Texts, finding: Finding) -> bool:
    """Whether the catalogue words this finding (its message, and its action if it has one) from its params."""
    return (
        _finding_text(t, finding, "message") is not None
        and (finding.action is None or _finding_text(t, finding, "action") is not None)
        and t.has(f"finding.{finding.code}.basis")
    )


def act_name(t: Texts, kind_name: str) -> str:
    """An act kind by its title in the office's language (catalogue.yaml), never its identifier."""
    try:
        found = kind(kind_name)
    except UnknownKind:
        return kind_name
    return found.title.get(t.lang, found.en)


def state_name(t: Texts, state: str) -> str:
    return _named(t, "state", state)


def status_name(t: Texts, status: str) -> str:
    return _named(t, "status", status)


def severity_name(t: Texts, severity: str) -> str:
    return _named(t, "severity", severity)


def error_name(t: Texts, code: str | None) -> str | None:
    """An error code (the exception's class name) as a person reads it; an unknown one keeps its code."""
    return _named(t, "error_code", code) if code else None


def act_state_name(t: Texts, state: str) -> str:
    """Where an act stands: filed, waiting for a decision, approved, rejected, drafted, manual only."""
    return _named(t, "report.act_state", state)


def flow_title(t: Texts, name: str, title: str) -> str:
    key = f"report.flow.{name}"
    return t(key) if t.has(key) else title


def column_title(t: Texts, key: str, title: str) -> str:
    """An Items sheet column by its field key (orynda/texts/report.yaml), the flow's English title as fallback."""
    found = f"report.column.{key}"
    return t(found) if t.has(found) else title


def sites_named(t: Texts, sites: str | tuple[str, ...] | list[str]) -> str:
    """Registries by their names, comma-separated (a stored field may hold them as 'enpf, esalyq')."""
    names = [s.strip() for s in sites.split(",")] if isinstance(sites, str) else list(sites)
    return ", ".join(t.site(name) for name in names if name)


def _finding_text(t: Texts, finding: Finding, part: str) -> str | None:
    for name in dict.fromkeys(n for n in (finding.text, finding.code) if n):
        key = f"finding.{name}.{part}"
        if t.has(key):
            try:
                return t.filled(key, finding.params)
            except (KeyError, ValueError, IndexError, TypeError):
                return None  # a result stored without the values its text needs
    return None


def _named(t: Texts, prefix: str, value: str) -> str:
    key = f"{prefix}.{value}"
    return t(key) if t.has(key) else value

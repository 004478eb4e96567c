"""The act policy: the shipped modes, review findings forcing a person, and errors naming file, key and line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pydantic import ValidationError

from domain.documents.catalogue import UnknownKind, kinds
from domain.documents.policy import POLICY_FILE, ActPolicy, Mode, mode_for
from domain.findings import Severity
from orynda.audit import AuditLog
from orynda.errors import ConfigError
from orynda.policy import load_policy, record_policy

SHIPPED: dict[str, Mode] = {
    "opening": "review",
    "property_arrest": "review",
    "wage_levy": "review",
    "account_arrest": "review",
    "exit_ban": "review",
    "exit_ban_lift": "auto",
    "arrest_lift": "auto",
    "notice": "auto",
    "registry_request": "auto",
    "opening_refusal": "auto",
}


@pytest.mark.parametrize(("kind", "mode"), SHIPPED.items())
def test_the_shipped_policy_gives_each_kind_its_mode(kind: str, mode: Mode) -> None:
    assert load_policy().modes[kind] == mode


def test_the_shipped_policy_covers_the_catalogue_and_names_a_reason_for_each_kind() -> None:
    assert set(load_policy().modes) == set(kinds()) == set(SHIPPED)
    lines = POLICY_FILE.read_text(encoding="utf-8").splitlines()
    for kind in kinds():
        (line,) = [entry for entry in lines if entry.startswith(f"  {kind}:")]
        assert re.search(r"#\s*\S.{15,}", line), f"{kind} has no reason"


MANUAL = ActPolicy(modes={**SHIPPED, "wage_levy": "manual"})


@pytest.mark.parametrize(
    ("policy", "kind", "severities", "expected"),
    [
        (None, "notice", [], "auto"),
        (None, "notice", [Severity.INFO, Severity.ACTION], "auto"),
        (None, "notice", [Severity.REVIEW], "review"),
        (None, "registry_request", [Severity.INFO, Severity.REVIEW], "review"),
        (None, "exit_ban_lift", [Severity.ACTION], "auto"),
        (None, "exit_ban_lift", [Severity.REVIEW], "review"),
        (None, "property_arrest", [], "review"),
        (None, "property_arrest", [Severity.REVIEW], "review"),
        (MANUAL, "wage_levy", [], "manual"),
        (MANUAL, "wage_levy", [Severity.REVIEW], "manual"),  # manual stays manual
        (None, "notice", ["review"], "review"),  # a severity read back as its value
    ],
)
def test_mode_for(policy: ActPolicy | None, kind: str, severities: list[Severity], expected: Mode) -> None:
    assert mode_for(policy or load_policy(), kind, severities) == expected


def test_mode_for_an_unknown_kind_names_it() -> None:
    with pytest.raises(UnknownKind, match="'seizure'"):
        mode_for(load_policy(), "seizure", [])


def test_an_act_policy_refuses_an_unknown_kind_and_a_missing_one() -> None:
    with pytest.raises(ValidationError, match=r"modes\.seizure: unknown act kind"):
        ActPolicy(modes={**SHIPPED, "seizure": "auto"})
    with pytest.raises(ValidationError, match=r"modes\.notice: missing"):
        ActPolicy(modes={k: v for k, v in SHIPPED.items() if k != "notice"})
    with pytest.raises(ValidationError):
        ActPolicy.model_validate({"modes": {**SHIPPED, "notice": "sometimes"}})


def _policy_file(tmp_path: Path, **changes: str | None) -> Path:
    modes = {**SHIPPED, **changes}
    body = "# a test policy\nmodes:\n" + "".join(f"  {k}: {v}\n" for k, v in modes.items() if v is not None)
    path = tmp_path / "policy.yaml"
    path.write_text(body, encoding="utf-8")
    return path


def _line_of(path: Path, key: str) -> int:
    return next(i for i, text in enumerate(path.read_text().splitlines(), 1) if text.strip().startswith(f"{key}:"))


@pytest.mark.parametrize(
    ("changes", "key", "message"),
    [
        ({"seizure": "review"}, "seizure", "unknown act kind; known: opening, property_arrest"),
        ({"wage_levy": "automatic"}, "wage_levy", "'automatic' is not a mode; one of auto, review, manual"),
        ({"notice": "[auto]"}, "notice", "is not a mode"),
        ({"exit_ban": None}, "modes", "modes.exit_ban: missing"),
    ],
)
def test_a_policy_file_error_names_the_file_the_key_and_the_line(
    tmp_path: Path, changes: dict[str, str | None], key: str, message: str
) -> None:
    path = _policy_file(tmp_path, **changes)
    name = key if key == "modes" else f"modes.{key}"
    with pytest.raises(ConfigError) as caught:
        load_policy(path=path)
    text = str(caught.value)
    assert f"{path}:{_line_of(path, key)}: {name if key != 'modes' else 'modes.exit_ban'}:" in text
    assert message in text


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("modes: [auto]\n", r"policy\.yaml:1: modes: a mapping of act kind to mode is required"),
        ("- auto\n", r"policy\.yaml:1: \(top\): a policy is a mapping"),
        ("modes:\n  notice: [auto\n", r"policy\.yaml:\d+: not valid YAML"),
    ],
)
def test_a_policy_file_of_the_wrong_shape_is_named(tmp_path: Path, body: str, expected: str) -> None:
    path = tmp_path / "policy.yaml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(ConfigError, match=expected):
        load_policy(path=path)


def test_an_office_overrides_single_kinds() -> None:
    policy = load_policy({"wage_levy": "auto", "notice": "manual"})
    assert policy.modes["wage_levy"] == "auto" and policy.modes["notice"] == "manual"
    assert policy.modes["exit_ban"] == "review"  # the rest as shipped
    assert mode_for(policy, "wage_levy", [Severity.REVIEW]) == "review"  # an override cannot skip a person


@pytest.mark.parametrize(
    ("override", "key", "message"),
    [
        ({"seizure": "auto"}, "seizure", "unknown act kind"),
        ({"wage_levy": "always"}, "wage_levy", "'always' is not a mode"),
    ],
)
def test_an_override_error_names_orynda_yaml_the_acts_key_and_the_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, override: dict[str, str], key: str, message: str
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("ORYNDA_CONFIG", raising=False)
    (tmp_path / "orynda.yaml").write_text(
        "home: var\nacts:\n  notice: auto\n" + "".join(f"  {k}: {v}\n" for k, v in override.items()),
        encoding="utf-8",
    )
    with pytest.raises(ConfigError) as caught:
        load_policy({"notice": "auto", **override})
    assert f"orynda.yaml:4: acts.{key}: {message}" in str(caught.value)


def test_an_override_from_elsewhere_is_still_named_by_its_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("ORYNDA_CONFIG", raising=False)
    with pytest.raises(ConfigError, match=r"^orynda\.yaml: acts\.seizure: unknown act kind"):
        load_policy({"seizure": "auto"})


def test_a_change_of_policy_is_audited_once(lite: object) -> None:
    from sqlalchemy.engine import Engine

    assert isinstance(lite, Engine)
    audit = AuditLog(lite)
    first = record_policy(audit, load_policy(), "robot:night", "shipped")
    assert first is not None and first.detail["changed"]["notice"] == [None, "auto"]
    assert record_policy(audit, load_policy(), "robot:night") is None  # the same policy: nothing new
    changed = record_policy(audit, load_policy({"wage_levy": "auto"}), "robot:night", "orynda.yaml")
    assert changed is not None and changed.detail["changed"] == {"wage_levy": ["review", "auto"]}
    assert [e.action for e in audit.trail("policy")] == ["policy_changed", "policy_changed"]
    assert audit.verify().ok

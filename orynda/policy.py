"""Loading the act policy: the shipped file (domain/documents/policy.yaml), overridden per office by `acts:` in
orynda.yaml. Every error names the file, the key and the line, and stops the run before any browser starts.

    policy = load_policy(settings.acts)            # once `acts: dict[str, str]` is a field of Settings
    mode = mode_for(policy, kind, severities)       # domain.documents.policy

`record_policy` writes a `policy_changed` entry to the audit log whenever the policy in force differs from the last
one recorded, so a change made by editing a file still leaves a trace of what changed and when.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from domain.documents.policy import POLICY_FILE, ActPolicy, override_problems, problems
from orynda.audit import AuditEntry, AuditLog
from orynda.config import config_path
from orynda.errors import ConfigError
from orynda.yamlfile import read_yaml

POLICY_SUBJECT = "policy"


def load_policy(
    override: Mapping[str, str] | None = None, path: Path = POLICY_FILE, *, override_file: Path | None = None
) -> ActPolicy:
    """The policy in `path` with the office's overrides applied.

    `override_file` is where the overrides were read from, for the error's line (default: the orynda.yaml in use);
    an override is named `acts.<kind>` in it."""
    raw, lines = read_yaml(path)
    found = problems(raw)
    if found:
        raise ConfigError("\n".join(_located(path, lines, key, message) for key, message in found))
    policy = ActPolicy.model_validate(raw)
    if not override:
        return policy
    bad = override_problems(override)
    if bad:
        source = override_file or config_path() or Path("orynda.yaml")
        source_lines = read_yaml(source)[1] if source.is_file() else {}
        raise ConfigError("\n".join(_located(source, source_lines, ("acts", *key), message) for key, message in bad))
    return policy.with_overrides(override)


def policy_for(settings: Any) -> ActPolicy:
    """The policy for these settings: their `acts` overrides when the settings have that field. Read once per
    process and set of overrides: the night asks for it for every debtor."""
    return _cached_policy(tuple(sorted((getattr(settings, "acts", None) or {}).items())))


@lru_cache(maxsize=8)
def _cached_policy(overrides: tuple[tuple[str, str], ...]) -> ActPolicy:
    return load_policy(dict(overrides) or None)


def policy_digest(policy: ActPolicy) -> str:
    return hashlib.sha256(json.dumps(policy.modes, sort_keys=True).encode()).hexdigest()


def record_policy(audit: AuditLog, policy: ActPolicy, actor: str, source: str = "") -> AuditEntry | None:
    """Appends `policy_changed` (with the modes that changed) when this policy is not the last one recorded."""
    digest = policy_digest(policy)
    last = next((e for e in reversed(audit.trail(POLICY_SUBJECT)) if e.action == "policy_changed"), None)
    before: dict[str, str] = dict(last.detail.get("modes", {})) if last else {}
    if last is not None and last.detail.get("digest") == digest:
        return None
    changed = {k: [before.get(k), v] for k, v in policy.modes.items() if before.get(k) != v}
    detail = {"digest": digest, "modes": dict(policy.modes), "changed": changed, "source": source}
    return audit.append(actor, "policy_changed", POLICY_SUBJECT, detail)


def _located(path: Path, lines: Mapping[tuple[str, ...], int], key: tuple[str, ...], message: str) -> str:
    """'file:line: key.path: message'; without the line when the file was not read (an override from elsewhere)."""
    probe = key
    while probe and probe not in lines:
        probe = probe[:-1]
    where = f"{path}:{lines.get(probe, 1)}" if lines else str(path)
    return f"{where}: {'.'.join(key) or '(top)'}: {message}"

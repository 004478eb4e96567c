"""Act policies as data: for each kind of act, whether the robot files it itself, drafts it for a person, or only
suggests it (policy.yaml). Pure: reading the file with its line numbers is orynda/policy.py's work.

    mode = mode_for(policy, draft.kind.name, [draft.finding.severity] if draft.finding else [])

An act resting on a finding of severity `review` (registries that disagree, a low-confidence match) is never filed
without a person, whatever the policy says: `auto` becomes `review`; `manual` stays `manual`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, model_validator

from domain.documents.catalogue import UnknownKind, kinds
from domain.findings import Severity

Mode = Literal["auto", "review", "manual"]
MODES: tuple[str, ...] = get_args(Mode)
POLICY_FILE = Path(__file__).with_name("policy.yaml")  # the shipped default

Problem = tuple[tuple[str, ...], str]  # (key path, message)


class ActPolicy(BaseModel):
    """A mode for every kind of the catalogue; an unknown kind or a missing one is refused."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    modes: dict[str, Mode]

    @model_validator(mode="before")
    @classmethod
    def _every_kind_known_and_present(cls, data: Any) -> Any:
        found = problems(data)
        if found:
            raise ValueError("; ".join(f"{'.'.join(key)}: {message}" for key, message in found))
        return data

    def with_overrides(self, override: Mapping[str, str]) -> ActPolicy:
        """This policy with some kinds set otherwise (an office's `acts:` in orynda.yaml)."""
        found = override_problems(override)
        if found:
            raise ValueError("; ".join(f"acts.{key[0]}: {message}" for key, message in found))
        return ActPolicy(modes={**self.modes, **override})


def problems(data: Any) -> list[Problem]:
    """What is wrong with a policy file's data, each with its key path: the same rules ActPolicy applies."""
    if not isinstance(data, Mapping):
        return [((), "a policy is a mapping with a `modes:` key")]
    modes = data.get("modes")
    if not isinstance(modes, Mapping):
        return [(("modes",), "a mapping of act kind to mode is required")]
    found: list[Problem] = [(("modes", str(k)), message) for k, message in _entry_problems(modes)]
    found += [(("modes", name), _MISSING) for name in kinds() if name not in modes]
    return found


def override_problems(override: Mapping[str, Any]) -> list[Problem]:
    """What is wrong with an office's overrides: unknown kinds and bad modes (a kind left out keeps its mode)."""
    return [((str(k),), message) for k, message in _entry_problems(override)]


def mode_for(policy: ActPolicy, kind: str, severities: Iterable[Severity]) -> Mode:
    """The mode an act is handled in: the policy's, raised to `review` when a finding it rests on needs a person."""
    try:
        mode = policy.modes[kind]
    except KeyError:
        known = ", ".join(policy.modes)
        raise UnknownKind(f"document kind {kind!r} has no mode in the act policy; known: {known}") from None
    if mode == "auto" and any(Severity(s) is Severity.REVIEW for s in severities):
        return "review"
    return mode


_MISSING = "missing: every act kind of the catalogue needs a mode (auto, review or manual)"


def _entry_problems(entries: Mapping[Any, Any]) -> list[tuple[Any, str]]:
    known = kinds()
    found: list[tuple[Any, str]] = []
    for name, mode in entries.items():
        if name not in known:
            found.append((name, f"unknown act kind; known: {', '.join(known)}"))
        elif mode not in MODES:
            found.append((name, f"{mode!r} is not a mode; one of {', '.join(MODES)}"))
    return found

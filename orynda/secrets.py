"""Credentials from the environment or a secrets file outside the repo; they print as stars.

Lookup for site `aisep`: $ORYNDA_AISEP_USER / $ORYNDA_AISEP_PASSWORD, else the same keys in
$ORYNDA_SECRETS_FILE (default ~/.config/orynda/secrets.env, KEY=VALUE lines).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from pydantic import SecretStr

from orynda.errors import ConfigError


@dataclass(frozen=True)
class Credentials:
    user: str
    password: SecretStr

    def __repr__(self) -> str:
        return f"Credentials(user={self.user!r}, password=SecretStr('**********'))"


def credentials(site: str) -> Credentials:
    """The login of a site; a missing one stops the run with the variable names to set."""
    user_key, password_key = f"ORYNDA_{site.upper()}_USER", f"ORYNDA_{site.upper()}_PASSWORD"
    user, password = secret(user_key), secret(password_key)
    if not user or not password:
        raise ConfigError(
            f"no credentials for {site}: set {user_key} and {password_key} in the environment or in {secrets_file()}"
        )
    return Credentials(user, SecretStr(password))


def secret(key: str) -> str | None:
    if key in os.environ:
        return os.environ[key]
    return _file_values().get(key)


def secrets_file() -> Path:
    return Path(os.environ.get("ORYNDA_SECRETS_FILE") or Path.home() / ".config" / "orynda" / "secrets.env")


def _file_values() -> dict[str, str]:
    path = secrets_file()
    if not path.exists():
        return {}
    pairs = (
        line.split("=", 1)
        for line in path.read_text(encoding="utf-8").splitlines()
        if "=" in line and not line.lstrip().startswith("#")
    )
    return {k.strip(): v.strip().strip('"') for k, v in pairs}


_SECRET_SUFFIXES = ("_PASSWORD", "_PASSPHRASE", "_TOKEN", "_SECRET", "_PIN")


def secret_values() -> list[str]:
    """Every secret value the run knows (passwords, key passwords, tokens, the key files' contents), from the
    environment and the secrets file, longest first: what evidence must never contain. Values shorter than four
    characters are left out, they would match anywhere."""
    keys = {**_file_values(), **{k: v for k, v in os.environ.items() if k.startswith("ORYNDA_")}}
    found = {value for key, value in keys.items() if key.upper().endswith(_SECRET_SUFFIXES)}
    for key, value in keys.items():
        if key.upper().endswith("_KEY_FILE") and (content := _small_text(Path(value))):
            found.add(content)
    return sorted((v for v in found if len(v) >= 4), key=lambda v: (-len(v), v))


def _small_text(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8").strip() if path.is_file() and path.stat().st_size < 65536 else None
    except (OSError, UnicodeDecodeError):
        return None

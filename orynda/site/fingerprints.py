"""Fingerprint files: fingerprints/<name>.yaml beside a site's selector file, written by `runner.py check --record`
after a good check and read by every check after it. Data only, like the selector files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml
from pydantic import BaseModel, Field

from orynda.site.fingerprint import Fingerprint
from orynda.yamlfile import load_model

HEADER = (
    "# Fingerprints of {site}'s elements at the last good pre-flight: what each looked like (tag, role, the words\n"
    "# around it in kk and ru), so a broken selector gets ranked replacements. Written by `runner.py check --record`;\n"
    "# data only. Shown text is kept as its shape (Аа 9999), never a person's data.\n"
)


class FingerprintFile(BaseModel):
    site: str
    recorded: str = ""
    pages: dict[str, dict[str, Fingerprint]] = Field(default_factory=dict)

    def get(self, page: str, element: str) -> Fingerprint | None:
        return self.pages.get(page, {}).get(element)


def fingerprint_path(selector_file: Path) -> Path:
    return selector_file.parent / "fingerprints" / selector_file.name


def load_fingerprints(selector_file: Path) -> FingerprintFile | None:
    """The fingerprints kept for a selector file, or None before its first recorded check."""
    path = fingerprint_path(selector_file)
    return load_model(path, FingerprintFile) if path.is_file() else None


def save_fingerprints(
    selector_file: Path, site: str, found: dict[str, dict[str, Fingerprint]], moment: dt.datetime
) -> Path:
    """Writes what a good check found over the file's last fingerprints; elements it did not reach keep theirs."""
    kept = load_fingerprints(selector_file) or FingerprintFile(site=site)
    pages = {page: dict(elements) for page, elements in kept.pages.items()}
    for page, elements in found.items():
        pages.setdefault(page, {}).update(elements)
    data = FingerprintFile(site=site, recorded=moment.isoformat(timespec="seconds"), pages=pages)
    path = fingerprint_path(selector_file)
    path.parent.mkdir(parents=True, exist_ok=True)
    body = yaml.safe_dump(data.model_dump(exclude_defaults=True), allow_unicode=True, sort_keys=False, width=120)
    path.write_text(HEADER.format(site=site) + body, encoding="utf-8")
    return path

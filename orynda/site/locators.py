"""Selector files (selectors/<site>.yaml): page → path and elements → candidate selectors, tried in order.

pages:
  search:
    path: /
    check: [iin_input]      # present as soon as the page loads
    states: [not_found]     # shown only in some states (no such debtor, an error, a dialog): absent is not drift
    elements:
      iin_input: ['#iin', 'input[name=iin]']
vocab:            # site words the bot maps to values (Иә/Да → true)
  yes: [Иә, Да]
languages:        # the links a person clicks to switch the site's language (the pre-flight records both)
  kk: 'a[data-lang="kk"]'

A site's file is selectors/<site>.yaml unless `sites.<site>.selectors` names another: a name in selectors/, or a
path to a YAML file (an office's own copy). The fingerprints of its elements live beside it, in
fingerprints/<name>.yaml (orynda.site.fingerprint).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, Field, field_validator

from orynda.yamlfile import load_model

SELECTORS_DIR = Path(__file__).resolve().parents[2] / "selectors"


class PageSelectors(BaseModel):
    path: str = "/"
    elements: dict[str, list[str]] = Field(default_factory=dict)
    check: list[str] = Field(default_factory=list, description="Elements present as soon as the page loads")
    states: list[str] = Field(
        default_factory=list, description="Elements shown only in some states (not found, an error, a dialog)"
    )

    @field_validator("elements", mode="before")
    @classmethod
    def _listify(cls, value: dict[str, str | list[str]]) -> dict[str, list[str]]:
        return {k: [v] if isinstance(v, str) else v for k, v in (value or {}).items()}


class SelectorFile(BaseModel):
    site: str
    pages: dict[str, PageSelectors]
    vocab: dict[str, list[str]] = Field(default_factory=dict)
    languages: dict[str, str] = Field(default_factory=dict, description="Language → the link that switches to it")


@dataclass(frozen=True)
class Locators:
    """A site's selectors, asked by page and element; unknown names fail loudly, naming the file."""

    source: Path
    data: SelectorFile
    _vocab_index: dict[str, str] = field(default_factory=dict, compare=False)

    def path(self, page: str) -> str:
        return self._page(page).path

    def candidates(self, page: str, element: str) -> list[str]:
        found = self._page(page).elements.get(element)
        if not found:
            raise KeyError(f"{self.source}: page {page!r} has no element {element!r}")
        return found

    def elements(self, page: str) -> dict[str, list[str]]:
        return self._page(page).elements

    def checked_elements(self, page: str) -> list[str]:
        return self._page(page).check

    def states(self, page: str) -> list[str]:
        """Elements of the page that show only in some states, so a pre-flight that never met them is not failed."""
        return self._page(page).states

    def pages(self) -> list[str]:
        return list(self.data.pages)

    def word(self, text: str) -> str | None:
        """The vocabulary key a site word stands for ('Иә' → 'yes'), or None."""
        key = text.strip().casefold()
        for name, words in self.data.vocab.items():
            if key in (w.casefold() for w in words):
                return name
        return None

    def _page(self, page: str) -> PageSelectors:
        if page not in self.data.pages:
            raise KeyError(f"{self.source}: no page {page!r}")
        return self.data.pages[page]


@lru_cache(maxsize=32)
def load_locators(name: str, directory: Path = SELECTORS_DIR) -> Locators:
    path = directory / f"{name}.yaml"
    return Locators(path, load_model(path, SelectorFile))


def selector_file(site: str, setting: str | None = None) -> Path:
    """The file a site's bot reads: `sites.<site>.selectors` as a path (it has a folder or ends in .yaml), as a
    name in selectors/, or the site's own name there."""
    if setting and ("/" in setting or setting.endswith(".yaml")):
        return Path(setting).expanduser().resolve()
    return SELECTORS_DIR / f"{setting or site}.yaml"


def locators_for(site: str, setting: str | None = None) -> Locators:
    path = selector_file(site, setting)
    return load_locators(path.stem, path.parent)

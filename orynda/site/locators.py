"""Selector files (selectors/<site>.yaml): page → path and elements → candidate selectors, tried in order.

pages:
  search:
    path: /
    elements:
      iin_input: ['#iin', 'input[name=iin]']
vocab:            # site words the bot maps to values (Иә/Да → true)
  yes: [Иә, Да]
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

    @field_validator("elements", mode="before")
    @classmethod
    def _listify(cls, value: dict[str, str | list[str]]) -> dict[str, list[str]]:
        return {k: [v] if isinstance(v, str) else v for k, v in (value or {}).items()}


class SelectorFile(BaseModel):
    site: str
    pages: dict[str, PageSelectors]
    vocab: dict[str, list[str]] = Field(default_factory=dict)


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

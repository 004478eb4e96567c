"""One register with one act of every kind, rendered by LibreOffice once per test session and shared."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from domain.checks.assets import DebtorFile
from domain.documents import default_office
from orynda.database import make_engine
from orynda.documents import Act, DocumentRegister, issue
from tests.documents.examples import FILER, ON, every_kind


@dataclass(frozen=True)
class Issued:
    register: DocumentRegister
    acts: list[Act]
    folder: Path
    debtors: dict[str, DebtorFile]  # by fact

    def debtor_of(self, act: Act) -> DebtorFile:
        return self.debtors[act.draft.fact]

    def act(self, kind: str, purpose: str = "") -> Act:
        return next(a for a in self.acts if a.draft.kind.name == kind and a.draft.purpose == purpose)


@pytest.fixture(scope="session")
def issued(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Issued]:
    home = tmp_path_factory.mktemp("register")
    register = DocumentRegister(make_engine(f"sqlite:///{home / 'orynda.db'}"))
    drafts = every_kind()
    acts = []
    for of in {id(of): of for _, of in drafts}.values():  # issue() takes one debtor's drafts at a time
        acts += issue(
            register,
            [d for d, o in drafts if o is of],
            of,
            on=ON,
            office=default_office(),
            bailiff=FILER,
            folder=home / "run" / "documents",
            run_id="run-1",
            seq=1,
        )
    yield Issued(register, acts, home / "run" / "documents", {d.fact: of for d, of in drafts})
    register.engine.dispose()

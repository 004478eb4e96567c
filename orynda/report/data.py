"""Everything a report reads about one run, from the store: the items streamed once in the order of their rows
(a run may have 100,000), the failures, registries' figures and register documents by SQL queries of their own."""

from __future__ import annotations

import heapq
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple, Protocol, cast

from sqlalchemy import case, func, or_, select

from orynda.config import Settings
from orynda.flow import Flow, ItemResult
from orynda.history import RunFigures, Tally, Trend, trend
from orynda.i18n import Texts, texts
from orynda.report.todo_facts import TodoFacts
from orynda.runstore import RunStore
from orynda.schema import Attempt, DocumentRecord, Item, ItemState, Run, SideEffect, SiteCall
from orynda.summary import RunSummary, summarize

BATCH = 1000  # items read from the store at a time


class StoredItem(Protocol):
    """An item as the report reads it: its row of the store, not an ORM object (100,000 of those take seconds)."""

    @property
    def id(self) -> int: ...
    @property
    def seq(self) -> int: ...
    @property
    def key(self) -> str: ...
    @property
    def state(self) -> str: ...
    @property
    def attempts(self) -> int: ...
    @property
    def payload(self) -> dict[str, Any]: ...
    @property
    def result(self) -> dict[str, Any] | None: ...
    @property
    def error_code(self) -> str | None: ...
    @property
    def error_message(self) -> str | None: ...
    @property
    def evidence(self) -> str | None: ...


_ITEM_COLUMNS = [  # StoredItem's, by name
    Item.id,
    Item.seq,
    Item.key,
    Item.state,
    Item.attempts,
    Item.payload,
    Item.result,
    Item.error_code,
    Item.error_message,
    Item.evidence,
]


@dataclass(frozen=True)
class ReportData:
    run: Run
    flow: Flow[Any]
    summary: RunSummary
    store: RunStore
    lang: str = "kk"  # the office's language (settings.language): every text of the report is in it
    settings: Settings | None = None  # the act policy and the console's address (the shipped policy, no console)
    todo: TodoFacts = TodoFacts()  # the review queue, notices, act policy and console address of the items at hand
    _folders: dict[str, Path] = field(default_factory=dict, compare=False, repr=False)  # resolved, by folder

    @property
    def texts(self) -> Texts:
        return texts(self.lang)

    @property
    def folder(self) -> Path:
        return Path(self.run.folder)

    def relative(self, path: str | None) -> str | None:
        """How a link is shown: the file's path inside the run folder (short, and the same wherever the folder is)."""
        if not path:
            return None
        try:
            return str(self._resolved(path).relative_to(self._resolved_folder(self.run.folder)))
        except ValueError:
            return path

    def target(self, path: str | None) -> str | None:
        """Where a link leads: the file's absolute address (file:///…), not a path relative to the workbook.

        The report is what travels: it is e-mailed to the supervisors, downloaded from the console and copied to a
        share, while the evidence and documents stay in the run folder. A relative link would break the moment the
        workbook leaves that folder; an absolute one keeps reaching the run folder (and the Summary names the folder,
        for the day the folder itself is moved)."""
        if not path:
            return None
        return self._resolved(path).as_uri()

    def _resolved(self, path: str) -> Path:
        """The file's absolute path, its folder resolved once for all the files in it (each resolution asks the
        file system for every part of the path: a minute for the links of 100,000 items)."""
        file = Path(path)
        return self._resolved_folder(str(file.parent)) / file.name

    def _resolved_folder(self, folder: str) -> Path:
        if folder not in self._folders:
            self._folders[folder] = Path(folder).resolve()
        return self._folders[folder]

    def items(self) -> Iterator[tuple[StoredItem, ItemResult]]:
        """The run's items in the order of their rows, each with its result read from its JSON, streamed from the
        store a batch at a time: the report reads them once, for all its sheets."""
        with self.store.session() as s:
            stmt = select(*_ITEM_COLUMNS).where(Item.run_id == self.run.id).order_by(Item.seq)
            for row in s.execute(stmt.execution_options(yield_per=BATCH)):
                yield cast(StoredItem, row), ItemResult.from_json(row.result)


def load(store: RunStore, run: Run, flow: Flow[Any], lang: str = "kk", settings: Settings | None = None) -> ReportData:
    """`settings` give the act policy and the console's address (the shipped policy and no console without them)."""
    return ReportData(run, flow, summarize(store, run), store, lang, settings)


@dataclass(frozen=True)
class Totals:
    """What the items amounted to, summed as they streamed past: the Summary's figures and the trend."""

    figures: RunFigures
    trend: Trend | None


def totals(data: ReportData, tally: Tally) -> Totals:
    return Totals(tally.figures(data.run), trend(data.store, data.run, tally=tally))


class Failure(NamedTuple):
    """A row of the Exceptions sheet: a failed attempt, or a row refused before any attempt (`attempt` None)."""

    seq: int
    key: str
    state: str
    attempts: int
    attempt: int | None
    outcome: str
    code: str | None
    message: str | None
    evidence: str | None


def failures(store: RunStore, run_id: str) -> Iterator[Failure]:
    """Every failed attempt, and the rows refused before any attempt (bad input), in the order of the rows."""
    with store.session() as s:
        attempts = s.execute(
            select(
                Item.seq,
                Item.key,
                Item.state,
                Item.attempts,
                Attempt.number,
                Attempt.outcome,
                Attempt.error_code,
                Attempt.error_message,
                Attempt.evidence,
            )
            .join(Item, Attempt.item_id == Item.id)
            .where(Attempt.run_id == run_id, Attempt.outcome.is_not(None), Attempt.outcome != "done")
            .order_by(Item.seq, Attempt.number)
            .execution_options(yield_per=BATCH)
        )
        refused = s.execute(
            select(Item.seq, Item.key, Item.state, Item.attempts, Item.error_code, Item.error_message)
            .where(Item.run_id == run_id, Item.attempts == 0, Item.state == ItemState.BUSINESS)
            .order_by(Item.seq)
            .execution_options(yield_per=BATCH)
        )
        failed = (Failure(*row[:5], row.outcome or "", *row[6:]) for row in attempts)
        before = (Failure(*row[:4], None, "business", row.error_code, row.error_message, None) for row in refused)
        yield from heapq.merge(failed, before, key=lambda f: (f.seq, f.attempt or 0))


class SiteFigures(NamedTuple):
    """A registry's calls in the run: how many, how many failed on a system fault, the answered ones' latencies."""

    site: str
    lookups: int
    failures: int
    answered_ms: list[int]  # sorted


def site_figures(store: RunStore, run_id: str) -> list[SiteFigures]:
    """Counted by SQL, per site (a run of 100,000 items makes a million calls); only the latencies are read."""
    with store.session() as s:
        counts = s.execute(
            select(SiteCall.site, func.count(), func.sum(case((SiteCall.outcome == "system", 1), else_=0)))
            .where(SiteCall.run_id == run_id)
            .group_by(SiteCall.site)
            .order_by(SiteCall.site)
        ).all()
        found = []
        for site, lookups, failed in counts:
            ms = s.scalars(
                select(SiteCall.ms)
                .where(SiteCall.run_id == run_id, SiteCall.site == site, SiteCall.outcome != "system")
                .order_by(SiteCall.ms)
            ).all()
            found.append(SiteFigures(site, int(lookups), int(failed or 0), list(ms)))
    return found


def uploads(store: RunStore, run_id: str) -> dict[str, str | None]:
    """The run's uploads to AIS EP by document number, with AIS EP's reference once it answered."""
    with store.session() as s:
        rows = s.execute(
            select(SideEffect.key, SideEffect.ref).where(
                SideEffect.run_id == run_id, SideEffect.key.startswith("upload:")
            )
        ).all()
    return {key.removeprefix("upload:"): ref for key, ref in rows}


def issued(store: RunStore, run: Run, uploaded: list[str]) -> Iterator[DocumentRecord]:
    """The register's documents this run issued or uploaded, whatever became of their items: a document of an
    item that failed later is on AIS EP all the same."""
    with store.session() as s:
        stmt = (
            select(DocumentRecord)
            .where(or_(DocumentRecord.run_id == run.id, DocumentRecord.number.in_(uploaded)))
            .order_by(DocumentRecord.item_seq, DocumentRecord.number)
        )
        yield from s.scalars(stmt.execution_options(yield_per=BATCH))


class Part:
    """A sheet of the report: fed each item in the order of the rows (the items are read once for all the sheets),
    then finished once they are all read, with what they amounted to."""

    def item(self, item: StoredItem, result: ItemResult) -> None:
        """Nothing by default: a sheet of figures reads only the totals."""

    def finish(self, totals: Totals) -> None:
        raise NotImplementedError

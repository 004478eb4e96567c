"""Everything a report reads about one run, loaded once from the store."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import or_, select

from orynda.config import Settings
from orynda.flow import Flow, ItemResult
from orynda.history import Trend, trend
from orynda.i18n import Texts, texts
from orynda.report.todo_facts import TodoFacts, load_todo_facts
from orynda.runstore import RunStore
from orynda.schema import Attempt, DocumentRecord, Item, Run, SideEffect, SiteCall
from orynda.summary import RunSummary, summarize


@dataclass(frozen=True)
class ReportData:
    run: Run
    flow: Flow[Any]
    summary: RunSummary
    items: list[Item]
    attempts: list[Attempt]
    site_calls: list[SiteCall]
    side_effects: list[SideEffect]
    lang: str = "kk"  # the office's language (settings.language): every text of the report is in it
    todo: TodoFacts = TodoFacts()  # the review queue, notices, act policy and console address the To do sheet reads
    trend: Trend | None = None  # this run against the previous one of its flow and the last runs
    issued: tuple[DocumentRecord, ...] = ()  # the register's documents this run issued or uploaded, whatever became
    # of their items: a document of an item that failed later is on AIS EP all the same
    _results: dict[int, ItemResult] = field(default_factory=dict, compare=False, repr=False)

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
            return str(Path(path).resolve().relative_to(self.folder.resolve()))
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
        return Path(path).resolve().as_uri()

    def result(self, item: Item) -> ItemResult:
        """The item's result, read from its JSON once for all the sheets that show it."""
        if item.id not in self._results:
            self._results[item.id] = ItemResult.from_json(item.result)
        return self._results[item.id]


def load(store: RunStore, run: Run, flow: Flow[Any], lang: str = "kk", settings: Settings | None = None) -> ReportData:
    """`settings` give the act policy and the console's address (the shipped policy and no console without them)."""
    items = store.items(run.id)
    effects = store.side_effects(run.id)
    return ReportData(
        run,
        flow,
        summarize(store, run),
        items,
        store.attempts(run.id),
        store.site_calls(run.id),
        effects,
        lang,
        load_todo_facts(store, items, settings),
        trend(store, run, items=items),
        _issued(store, run, effects),
    )


def _issued(store: RunStore, run: Run, effects: list[SideEffect]) -> tuple[DocumentRecord, ...]:
    uploaded = [e.key.removeprefix("upload:") for e in effects if e.key.startswith("upload:")]
    with store.session() as session:
        found = session.scalars(
            select(DocumentRecord)
            .where(or_(DocumentRecord.run_id == run.id, DocumentRecord.number.in_(uploaded)))
            .order_by(DocumentRecord.item_seq, DocumentRecord.number)
        ).all()
        session.expunge_all()
    return tuple(found)

"""To do: what is left for a person after the run, soonest deadline first — acts waiting for a decision in the
review queue, acts the policy leaves to a person (`manual`), legal deadlines the run started (restrictions to lift
after full payment, the voluntary-execution term of a notice sent) and the items that failed. Each row says what to
do, whom and which proceeding it concerns, by when, and links the console's page (when the console's address is
set) or else the act's PDF or the evidence. Reads the items' results and the review queue; computes only the
deadlines the law fixes from the days the results carry (domain/deadlines.py)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from urllib.parse import urlparse
from urllib.request import url2pathname

from openpyxl import Workbook

from domain.deadlines import restriction_lift_deadline, voluntary_execution_deadline
from domain.documents.catalogue import kind as act_kind
from domain.documents.catalogue import kinds, kinds_for
from domain.documents.policy import ActPolicy
from domain.findings import Finding, Severity
from orynda.flow import FiledDocument, ItemResult
from orynda.i18n import Texts
from orynda.policy import policy_for
from orynda.report.data import BATCH, Part, ReportData, StoredItem, Totals
from orynda.report.sheet import Link, Sheet
from orynda.report.todo_facts import base_facts, load_todo_facts
from orynda.review import ReviewState
from orynda.schema import ItemState
from orynda.wording import act_name, finding_message, state_name

# the order of rows sharing a deadline (rows without one come last)
KINDS = ("deadline", "review", "manual", ItemState.BUSINESS.value, ItemState.SYSTEM.value)
COLUMNS = ("deadline", "what", "kind", "debtor", "iin", "proceeding", "row", "link")


@dataclass(frozen=True)
class Todo:
    deadline: dt.date | None
    kind: str  # one of KINDS
    what: str
    debtor: str
    iin: str
    proceeding: str
    seq: int | None
    link: str | None
    console: bool = False  # the link opens the console

    def order(self) -> tuple[bool, dt.date, int, int, str]:
        return (self.deadline is None, self.deadline or dt.date.max, KINDS.index(self.kind), self.seq or 0, self.what)


class TodoSheet(Part):
    """Rows gathered as the items stream past, a batch at a time (the review queue and the notices are asked for
    each batch's acts), then written soonest deadline first."""

    def __init__(self, book: Workbook, data: ReportData) -> None:
        self.data, t = data, data.texts
        self.sheet = Sheet(book, t("report.sheet.todo"))
        self.sheet.header([t(f"report.todo.column.{c}") for c in COLUMNS])
        self.base = base_facts(data.settings)
        self.batch: list[tuple[StoredItem, ItemResult]] = []
        self.rows: list[Todo] = []

    def item(self, item: StoredItem, result: ItemResult) -> None:
        if result.documents or result.findings or item.state in (ItemState.BUSINESS, ItemState.SYSTEM):
            self.batch.append((item, result))
            if len(self.batch) >= BATCH:
                self._rows_of_batch()

    def _rows_of_batch(self) -> None:
        facts = load_todo_facts(self.data.store, [result for _, result in self.batch], self.base)
        data = replace(self.data, todo=facts)
        self.rows += [row for item, result in self.batch for row in _item_rows(data, item, result)]
        self.batch = []

    def finish(self, totals: Totals) -> None:
        self._rows_of_batch()
        data, t = self.data, self.data.texts
        for row in sorted(self.rows, key=Todo.order):
            kind = t(f"report.todo.kind.{row.kind}") if row.kind in KINDS[:3] else state_name(t, row.kind)
            shown = t("report.todo.open_in_console") if row.console else _file_label(data, row.link)
            self.sheet.add(
                [
                    (row.deadline, "date"),
                    (row.what, "text"),
                    (kind, "text"),
                    (row.debtor, "text"),
                    (row.iin, "text"),
                    (row.proceeding, "text"),
                    (row.seq, "int"),
                    Link(row.link, shown),
                ]
            )
        if not self.rows:
            self.sheet.add([None, (t("report.todo.nothing"), "text")])
        self.sheet.finish()


def _item_rows(data: ReportData, item: StoredItem, result: ItemResult) -> Iterator[Todo]:
    yield from _acts_waiting(data, item, result)
    yield from _manual_acts(data, item, result)
    yield from _lift(data, item, result)
    yield from _voluntary_terms(data, item, result)
    if item.state in (ItemState.BUSINESS, ItemState.SYSTEM):
        yield _failed(data, item, result)


def _acts_waiting(data: ReportData, item: StoredItem, result: ItemResult) -> Iterator[Todo]:
    """One row per act of this run still proposed in the review queue (its two language versions are one act)."""
    t = data.texts
    for act, doc in _acts(data, result, lambda d: d.review == ReviewState.PROPOSED).items():
        queued = data.todo.review.get(act)
        if queued is not None and queued.state != ReviewState.PROPOSED:
            continue  # decided since the run drafted it
        manual = queued is not None and queued.mode == "manual"
        what = t(
            "report.todo.do.manual_drafted" if manual else "report.todo.do.review",
            act=act_name(t, doc.kind),
            number=act,
        )
        console = data.todo.console(f"/review/{queued.id}") if queued is not None else None
        yield Todo(
            _lift_day(data) if _lifting(doc.kind) else None,
            "manual" if manual else "review",
            what,
            doc.debtor,
            _iin(item),
            doc.proceeding,
            item.seq,
            console or data.target(doc.pdf),
            console is not None,
        )


def _manual_acts(data: ReportData, item: StoredItem, result: ItemResult) -> Iterator[Todo]:
    """Acts a finding calls for that the policy leaves to a person and the run drafted none of."""
    t = data.texts
    drafted = {d.kind for d in result.documents}
    for finding, kind in _called_for(result.findings):
        if kind in drafted or _policy(data).modes.get(kind) != "manual":
            continue
        drafted.add(kind)  # one row per act, however many findings call for it
        yield _row(
            data,
            item,
            result,
            _lift_day(data) if _lifting(kind) else None,
            "manual",
            t("report.todo.do.manual", act=act_name(t, kind), finding=finding_message(t, finding)),
            data.target(finding.evidence),
        )


def _lift(data: ReportData, item: StoredItem, result: ItemResult) -> Iterator[Todo]:
    """Measures still in force after full payment, to lift by the deadline (art. 47 p.2); a measure is left out when
    an act lifting it was drafted or is left to a person as a manual act (its own row)."""
    t = data.texts
    manual = {k.name for k in kinds_for("lift_restrictions") if _policy(data).modes.get(k.name) == "manual"}
    acted = {d.kind for d in result.documents} | manual
    lifted = {m for name in acted if _lifting(name) for m in act_kind(name).lifts}
    for finding in result.findings:
        if finding.code != "lift_restrictions" or finding.asset is None:
            continue
        measures = [m for m in finding.asset.id.split(",") if m and m not in lifted]
        if measures:
            names = ", ".join(t(f"measure.{m}") if t.has(f"measure.{m}") else m for m in measures)
            yield _row(
                data,
                item,
                result,
                _lift_day(data),
                "deadline",
                t("report.todo.do.lift", measures=names),
                data.target(finding.evidence),
            )


def _voluntary_terms(data: ReportData, item: StoredItem, result: ItemResult) -> Iterator[Todo]:
    """The debtor's term for voluntary execution of each notice filed, while it runs (art. 37 p.4); counted from
    the day it was issued, as the console's Today page counts it."""
    for doc in _acts(data, result, lambda d: d.number in data.todo.voluntary and d.filed).values():
        due = voluntary_execution_deadline(doc.issued).due
        if due >= data.run.started_at.date():
            yield Todo(
                due,
                "deadline",
                data.texts("report.todo.do.voluntary"),
                doc.debtor,
                _iin(item),
                doc.proceeding,
                item.seq,
                data.target(doc.pdf),
            )


def _failed(data: ReportData, item: StoredItem, result: ItemResult) -> Todo:
    t = data.texts
    reason = _reason(t, item.error_code)
    if item.state == ItemState.BUSINESS:
        what = t("report.todo.do.business", reason=reason)
    elif result.missing:
        what = t("report.todo.do.missing", sites=", ".join(t.site(s) for s in result.missing))
    else:
        what = t("report.todo.do.system", reason=reason)
    console = data.todo.console(f"/runs/{data.run.id}/items/{item.seq}")
    return _row(data, item, result, None, item.state, what, console or data.target(item.evidence), console is not None)


def _row(
    data: ReportData,
    item: StoredItem,
    result: ItemResult,
    deadline: dt.date | None,
    kind: str,
    what: str,
    target: str | None,
    console: bool = False,
) -> Todo:
    payload = item.payload if isinstance(item.payload, dict) else {}
    proceedings = payload.get("proceedings") or [payload.get("proceeding") or result.fields.get("proceeding") or ""]
    debtor = str(result.fields.get("name") or payload.get("name") or "")
    return Todo(deadline, kind, what, debtor, _iin(item), ", ".join(map(str, proceedings)), item.seq, target, console)


def _acts(data: ReportData, result: ItemResult, keep: Callable[[FiledDocument], bool]) -> dict[str, FiledDocument]:
    """The item's documents that `keep` accepts, one per act: the version in the office's language when there is."""
    acts: dict[str, FiledDocument] = {}
    for doc in result.documents:
        if keep(doc) and (doc.act not in acts or doc.language == data.lang):
            acts[doc.act] = doc
    return acts


def _called_for(findings: list[Finding]) -> Iterator[tuple[Finding, str]]:
    """(finding, act kind) for every act the findings call for (domain/documents/plan.py's choice of kinds)."""
    for finding in findings:
        if finding.severity is Severity.EXCEPTION:
            continue
        for kind in kinds_for(finding.code):
            measures = finding.asset.id.split(",") if finding.asset else []
            if not kind.lifts_any(measures):
                continue
            yield finding, kind.name


def _lifting(kind: str) -> bool:
    """Whether an act kind lifts measures (its deadline is the lifting one)."""
    found = kinds().get(kind)
    return found is not None and bool(found.lifts)


def _lift_day(data: ReportData) -> dt.date:
    """The last day to lift measures after the payment the run saw (art. 47 p.2)."""
    return restriction_lift_deadline(data.run.started_at.date()).due


def _policy(data: ReportData) -> ActPolicy:
    return data.todo.policy or policy_for(None)


def _file_label(data: ReportData, target: str | None) -> str | None:
    """A file link shows the file's place in the run folder; it leads to its absolute address (ReportData.target)."""
    if not target:
        return None
    return data.relative(url2pathname(urlparse(target).path))


def _iin(item: StoredItem) -> str:
    payload = item.payload if isinstance(item.payload, dict) else {}
    return str(payload.get("iin") or item.key)


def _reason(t: Texts, code: str | None) -> str:
    """The error code in the office's language (a test keeps every code in the catalogue)."""
    return t(f"error_code.{code}") if code and t.has(f"error_code.{code}") else code or ""

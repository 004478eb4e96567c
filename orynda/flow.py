"""What a flow is to the runner: how it gets its work items and how it processes one (Robocorp tasks)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable, Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, Literal, Protocol, TypeVar

from pydantic import BaseModel, ConfigDict

from domain.findings import Finding
from orynda.config import Settings

if TYPE_CHECKING:  # the documents stack loads with the flows that issue documents, not with every report
    from orynda.documents.numbering import DocumentRegister
    from orynda.evidence import Shot
    from orynda.review import ReviewQueue

B = TypeVar("B")
T = TypeVar("T")
P = TypeVar("P", bound=BaseModel)


@dataclass(frozen=True)
class ItemSpec(Generic[P]):
    """One unit of work as a flow hands it in: its payload is the flow's model (stored as its JSON); `error` marks a
    row already known to be bad, and `fields` are what the Items sheet shows of it then (what the row said), as
    processing never fills them."""

    seq: int
    key: str
    payload: P
    source: str = ""
    error: str | None = None
    fields: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class ReportColumn:
    """A column of the Items sheet, read from the item's result fields. The report titles it in the office's language
    by its key (report.column.<key>); `title` is the developers' English. Kind `sites` holds registry identifiers
    ("enpf, esalyq"), `act_state` a review state: the report shows both by their names."""

    key: str
    title: str
    kind: Literal["text", "money", "int", "date", "bool", "sites", "act_state"] = "text"


class FiledDocument(BaseModel):
    """One document as the report lists it: number, kind, language, whom it concerns, its files, filed or not."""

    model_config = ConfigDict(frozen=True)

    number: str
    act: str
    kind: str
    title: str
    language: str
    issued: dt.date
    debtor: str
    proceeding: str
    pdf: str | None
    docx: str | None
    filed: bool
    upload_sha256: str | None
    review: str | None = None  # the act's state in the review queue; None when the policy lets the robot file it
    mode: str | None = None  # the queue's mode, review or manual (a person drafts and files it); None: auto
    finding: str | None = None  # the code of the finding the act rests on; None for an opening and its notice
    asset: str | None = None  # that finding's asset id, so the Findings sheet links each finding to its act


@dataclass
class ItemResult:
    """What processing an item gave: findings, the facts the Items sheet shows (by column key), the documents it
    issued, the registries that gave no answer. Stored as JSON: Decimals as exact strings, dates ISO."""

    findings: list[Finding] = field(default_factory=list)
    fields: dict[str, Any] = field(default_factory=dict)
    documents: list[FiledDocument] = field(default_factory=list)
    missing: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "findings": [f.model_dump(mode="json") for f in self.findings],
            "fields": _jsonable(self.fields),
            "documents": [d.model_dump(mode="json") for d in self.documents],
            "missing": list(self.missing),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any] | None) -> ItemResult:
        """The result as the store keeps it (fields stay as stored). Results stored before documents and missing
        registries had keys of their own (fields["documents"], fields["missing"] as "enpf, esalyq") read too."""
        if not data:  # an item not worked yet: most of a large run stopped early
            return cls()
        fields = dict(data.get("fields") or {})
        stored_documents = fields.pop("documents", None)
        documents = data["documents"] if "documents" in data else stored_documents or []
        if "missing" in data:
            missing = tuple(data["missing"] or ())
        else:
            missing = tuple(site for site in str(fields.get("missing") or "").split(", ") if site)
        return cls(
            findings=[Finding.model_validate(f) for f in data.get("findings") or []],
            fields=fields,
            documents=[FiledDocument.model_validate(d) for d in documents if isinstance(d, Mapping)],
            missing=missing,
        )


@dataclass(frozen=True)
class Lookup(Generic[T]):
    """A registry's answer, or why there is none (it stayed down after retries)."""

    site: str
    value: T | None
    error: str | None = None
    evidence: str | None = None
    shot: Shot | None = None  # the screenshot `evidence` names, with its SHA-256, address and time

    @property
    def ok(self) -> bool:
        return self.error is None


class ItemContext(Protocol):
    """What a flow may use while it processes an item: bots on this worker's page, settings, once-only effects, the
    register of documents in the run store's database."""

    run_id: str
    seq: int
    settings: Settings
    params: dict[str, Any]
    run_folder: Path  # everything the run keeps: evidence, documents, the report
    documents: DocumentRegister
    review: ReviewQueue  # acts the policy does not let the robot file itself wait here for a person

    def bot(self, bot_class: type[B]) -> B: ...

    async def lookup(self, site: str, call: Callable[[], Awaitable[T]]) -> Lookup[T]: ...

    async def step(self, site: str, name: str, call: Callable[[], Awaitable[T]]) -> T: ...

    def keep(self, name: str, content: bytes) -> Path: ...

    async def keep_page(self, site: str) -> str | None: ...

    def parties(self, ids: Iterable[str]) -> None: ...

    async def once(
        self, key: str, kind: str, effect: Callable[[], Awaitable[str]], detail: dict[str, Any] | None = None
    ) -> str | None: ...


class Discovery(Protocol):
    """Where a flow that finds its work on a site records it, page by page as it reads the site's list: each page
    is in the store before the next is asked for, so a kill during the walk loses nothing and a resume reads on from
    the page after `pages` instead of starting over."""

    pages: int  # pages of the list recorded already (by an earlier start of this run, or this walk)

    def record(self, page: int, specs: Sequence[ItemSpec[Any]]) -> None: ...


@dataclass(frozen=True)
class Listed(Generic[P]):
    """How the items a flow finds page by page join into the run's list. A key met again on a later page is the same
    item, its payloads joined by `merge` (nightly_check: one debtor's proceedings on two pages); once the last page
    is read the items are numbered in key order and `limit` (from the run's parameters) keeps the lowest keys only."""

    merge: Callable[[P, P], P]
    limit: Callable[[dict[str, Any]], int | None] = lambda params: None


@dataclass(frozen=True)
class Flow(Generic[P]):
    """A flow as the runner sees it (a Robocorp task): where its work items come from — `load_items` from the run's
    parameters, or `discover` on a site — and what `process` does with one. The items are `payload_model`s: the
    store keeps their JSON and `process` gets each back validated into the model. `sites` are the registries it
    uses (one page each per worker); `columns` and `extra_sheets` shape its report. `discover` records what it finds
    in the Discovery it is given (`listed`: how pages join; without it the specs' own numbers and keys stand)."""

    name: str
    title: str
    load_items: Callable[[dict[str, Any], Settings], Iterable[ItemSpec[P]]]
    process: Callable[[P, ItemContext], Awaitable[ItemResult]]
    payload_model: type[P]
    columns: tuple[ReportColumn, ...] = ()
    needs_input: bool = False
    sites: tuple[str, ...] = ()
    extra_sheets: tuple[str, ...] = ()
    discover: Callable[[ItemContext, Discovery], Awaitable[None]] | None = None
    listed: Listed[P] | None = None

    def payload(self, stored: Mapping[str, Any]) -> P:
        """A work item's payload as the store keeps it, read back into the flow's model."""
        return self.payload_model.model_validate(stored)


def _jsonable(fields: dict[str, Any]) -> dict[str, Any]:
    """Decimals as exact strings and dates as ISO, so JSON keeps every tiyn (inside lists and mappings too)."""
    return {k: _json_value(v) for k, v in fields.items()}


def _json_value(v: Any) -> Any:
    if isinstance(v, Decimal):
        return str(v)
    if isinstance(v, dt.date):
        return v.isoformat()
    if isinstance(v, Mapping):
        return {k: _json_value(x) for k, x in v.items()}
    if isinstance(v, list | tuple):
        return [_json_value(x) for x in v]
    return v

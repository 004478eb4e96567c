"""What the To do sheet reads besides the items: where each act stands in the review queue, which notices start a
voluntary-execution term, the act policy in force and the console's address. Loaded a batch of items at a time."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from sqlalchemy import inspect, select

from domain.documents.policy import ActPolicy
from orynda.config import Settings
from orynda.flow import ItemResult
from orynda.policy import policy_for
from orynda.review import ReviewItem
from orynda.runstore import RunStore
from orynda.schema import DocumentRecord

VOLUNTARY = "|voluntary"  # the fact of a notice that proposes voluntary execution (domain/documents/plan.py)


@dataclass(frozen=True)
class TodoFacts:
    review: Mapping[str, ReviewItem] = field(default_factory=dict)  # by act number: its latest round
    voluntary: frozenset[str] = frozenset()  # numbers of documents that propose voluntary execution
    policy: ActPolicy | None = None  # None: the shipped policy
    console_url: str | None = None

    def console(self, path: str) -> str | None:
        return f"{self.console_url.rstrip('/')}{path}" if self.console_url else None


def base_facts(settings: Settings | None) -> TodoFacts:
    """The facts of the whole run: the act policy in force and the console's address."""
    return TodoFacts(policy=policy_for(settings), console_url=settings.console_url if settings else None)


def load_todo_facts(store: RunStore, results: Sequence[ItemResult], base: TodoFacts) -> TodoFacts:
    """The review queue and the notices of these items' documents (the report asks a batch of items at a time)."""
    documents = [d for result in results for d in result.documents]
    acts = sorted({d.act for d in documents if d.review})
    numbers = sorted({d.number for d in documents if d.kind == "notice"})
    with store.session() as s:
        review: dict[str, ReviewItem] = {}
        if acts and inspect(s.connection()).has_table(ReviewItem.__tablename__):
            for found in s.scalars(select(ReviewItem).where(ReviewItem.act.in_(acts)).order_by(ReviewItem.round)):
                review[found.act] = found  # the later round wins
        voluntary = frozenset(
            s.scalars(
                select(DocumentRecord.number).where(
                    DocumentRecord.number.in_(numbers), DocumentRecord.fact.endswith(VOLUNTARY)
                )
            )
            if numbers
            else ()
        )
    return replace(base, review=review, voluntary=voluntary)

"""Today: what last night did and what waits for a person — review items, deadlines coming (voluntary terms that
end, restrictions to lift by a date), failed items — each with a link.

A term that runs into a year whose calendar is not in domain/data yet (from about 26.12 a notice's voluntary term
ends in the next year) cannot be counted: the domain refuses it, and the page shows that deadline as unknown, first,
with a note naming the year and the table, instead of failing."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from app.console.desk import Desk
from app.console.pages.common import findings_of, kind_title
from app.console.pages.runs import run_row
from app.console.web import desk_of, lang_of, render, t_of, user_of
from domain.deadlines import Deadline, restriction_lift_deadline, voluntary_execution_deadline
from domain.errors import OutsideData, UnknownRule
from orynda import clock
from orynda.i18n import Texts
from orynda.review import ReviewState
from orynda.schema import ItemState, Run
from orynda.users import User

NIGHT = dt.timedelta(hours=24)  # "last night": runs started within this before now
DEADLINE_DAYS = 30  # deadlines shown from today on, this far ahead
LIFT_LOOKBACK = dt.timedelta(days=14)  # findings to lift restrictions are looked for in runs this recent
UNKNOWN_LOOKBACK = dt.timedelta(days=14)  # a term that cannot be counted is shown while its start is this recent


@dataclass(frozen=True)
class Due:
    day: dt.date | None  # None: the term cannot be counted, its year's data missing (`missing` says which)
    what: str  # console.today.deadline.* key
    debtor: str
    proceeding: str
    link: str
    missing: Missing | None = None


@dataclass(frozen=True)
class Missing:
    """The data a deadline could not be counted without: a year's calendar, or another table's value on a day."""

    table: str
    on: dt.date
    calendar: bool


def _counted(term: Callable[[dt.date], Deadline], start: dt.date) -> dt.date | Missing:
    """The term's last day, or what the domain's data lacks to count it."""
    try:
        return term(start).due
    except (OutsideData, UnknownRule) as exc:
        on = exc.on or start
        return Missing(exc.table, on, exc.what in ("calendar", "Kurban Ait"))


def _missing_notes(t: Texts, deadlines: list[Due]) -> list[str]:
    """One note for each piece of data the unknown deadlines lack: the year's calendar, or a table's value."""
    notes = {
        t("console.today.no_calendar", year=str(m.on.year), table=m.table)
        if m.calendar
        else t("console.today.no_data", day=m.on, table=m.table)
        for m in (d.missing for d in deadlines)
        if m is not None
    }
    return sorted(notes)


@dataclass(frozen=True)
class Failed:
    run: Run
    seq: int
    key: str
    code: str


async def today_page(request: Request) -> Response:
    user = user_of(request)
    desk = desk_of(request)
    now = clock.now()
    recent = desk.store.list_runs(100)
    night = [r for r in recent if r.started_at >= now - NIGHT] or recent[:1]
    waiting = [i for i in desk.queue.items(state=ReviewState.PROPOSED) if user.may_see(i.bailiff)]
    by_kind = Counter(i.kind for i in waiting)
    lang = lang_of(request)
    failed, business = _failed(desk, user, night)
    # unknown deadlines first: a person has to count them by hand
    deadlines = sorted(
        _deadlines(desk, user, recent, now.date()), key=lambda d: (d.day is not None, d.day or now.date())
    )
    return render(
        request,
        "today.html",
        night=[run_row(request, r) for r in night],
        waiting=len(waiting),
        by_kind=[(kind, kind_title(kind, lang), n) for kind, n in by_kind.most_common()],
        oldest=waiting[0] if waiting else None,
        approved=len([i for i in desk.queue.to_file() if user.may_see(i.bailiff)]),
        deadlines=deadlines,
        missing=_missing_notes(t_of(request), deadlines),
        failed=failed,
        business=business,
        today=now.date(),
    )


def _failed(desk: Desk, user: User, runs: list[Run]) -> tuple[list[Failed], list[tuple[Run, int]]]:
    failed: list[Failed] = []
    business: list[tuple[Run, int]] = []
    for run in runs:
        bailiffs = desk.item_bailiffs(run.id)
        items = [i for i in desk.store.items(run.id) if desk.may_see_item(user, bailiffs.get(i.seq, set()))]
        failed += [Failed(run, i.seq, i.key, i.error_code or "") for i in items if i.state == ItemState.SYSTEM]
        cases = sum(1 for i in items if i.state == ItemState.BUSINESS)
        if cases:
            business.append((run, cases))
    return failed, business


def _deadlines(desk: Desk, user: User, runs: list[Run], today: dt.date) -> list[Due]:
    horizon = today + dt.timedelta(days=DEADLINE_DAYS)
    out: list[Due] = []
    seen: dict[str, set[int]] = {}

    def visible(run_id: str, seq: int | None) -> bool:
        if run_id not in seen:
            seen[run_id] = {s for s, b in desk.item_bailiffs(run_id).items() if desk.may_see_item(user, b)}
        return seq in seen[run_id] or desk.may_see_item(user, ())

    for doc in desk.register.documents():
        if doc.kind != "notice" or not doc.fact.endswith("|voluntary") or doc.language != "kk":
            continue
        due = _counted(voluntary_execution_deadline, doc.issued_on)
        if isinstance(due, Missing) and doc.issued_on < today - UNKNOWN_LOOKBACK:
            continue
        if isinstance(due, dt.date) and not today <= due <= horizon:
            continue
        if visible(doc.run_id, doc.item_seq):
            link = f"/runs/{doc.run_id}/items/{doc.item_seq}" if doc.item_seq else f"/runs/{doc.run_id}"
            out.append(_due(due, "console.today.deadline.voluntary", doc.debtor_name, doc.proceeding, link))
    lifted: set[str] = set()
    for run in runs:
        if run.started_at < clock.now() - LIFT_LOOKBACK:
            continue
        for item in desk.store.items(run.id):
            if item.key in lifted or not any(f.get("code") == "lift_restrictions" for f in findings_of(item)):
                continue
            due = _counted(restriction_lift_deadline, run.started_at.date())
            if (isinstance(due, Missing) or due >= today) and visible(run.id, item.seq):
                lifted.add(item.key)
                proceedings = item.payload.get("proceedings") or [item.payload.get("proceeding") or ""]
                name = str(item.payload.get("name") or item.key)
                link = f"/runs/{run.id}/items/{item.seq}"
                out.append(_due(due, "console.today.deadline.lift", name, ", ".join(map(str, proceedings)), link))
    return out


def _due(due: dt.date | Missing, what: str, debtor: str, proceeding: str, link: str) -> Due:
    if isinstance(due, Missing):
        return Due(None, what, debtor, proceeding, link, due)
    return Due(due, what, debtor, proceeding, link)


def routes() -> list[BaseRoute]:
    return [Route("/", today_page)]

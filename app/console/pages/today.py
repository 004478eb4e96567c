"""Today: what last night did and what waits for a person — review items, deadlines coming (voluntary terms that
end, restrictions to lift by a date), failed items — each with a link."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from app.console.desk import Desk
from app.console.pages.common import findings_of, kind_title
from app.console.pages.runs import run_row
from app.console.web import desk_of, lang_of, render, user_of
from domain.deadlines import restriction_lift_deadline, voluntary_execution_deadline
from orynda import clock
from orynda.review import ReviewState
from orynda.schema import ItemState, Run
from orynda.users import User

NIGHT = dt.timedelta(hours=24)  # "last night": runs started within this before now
DEADLINE_DAYS = 30  # deadlines shown from today on, this far ahead
LIFT_LOOKBACK = dt.timedelta(days=14)  # findings to lift restrictions are looked for in runs this recent


@dataclass(frozen=True)
class Due:
    day: dt.date
    what: str  # console.today.deadline.* key
    debtor: str
    proceeding: str
    link: str


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
    return render(
        request,
        "today.html",
        night=[run_row(request, r) for r in night],
        waiting=len(waiting),
        by_kind=[(kind, kind_title(kind, lang), n) for kind, n in by_kind.most_common()],
        oldest=waiting[0] if waiting else None,
        approved=len([i for i in desk.queue.to_file() if user.may_see(i.bailiff)]),
        deadlines=sorted(_deadlines(desk, user, recent, now.date()), key=lambda d: d.day),
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
        due = voluntary_execution_deadline(doc.issued_on).due
        if today <= due <= horizon and visible(doc.run_id, doc.item_seq):
            link = f"/runs/{doc.run_id}/items/{doc.item_seq}" if doc.item_seq else f"/runs/{doc.run_id}"
            out.append(Due(due, "console.today.deadline.voluntary", doc.debtor_name, doc.proceeding, link))
    lifted: set[str] = set()
    for run in runs:
        if run.started_at < clock.now() - LIFT_LOOKBACK:
            continue
        for item in desk.store.items(run.id):
            if item.key in lifted or not any(f.get("code") == "lift_restrictions" for f in findings_of(item)):
                continue
            due = restriction_lift_deadline(run.started_at.date()).due
            if due >= today and visible(run.id, item.seq):
                lifted.add(item.key)
                proceedings = item.payload.get("proceedings") or [item.payload.get("proceeding") or ""]
                name = str(item.payload.get("name") or item.key)
                link = f"/runs/{run.id}/items/{item.seq}"
                out.append(Due(due, "console.today.deadline.lift", name, ", ".join(map(str, proceedings)), link))
    return out


def routes() -> list[BaseRoute]:
    return [Route("/", today_page)]

"""The bailiff's deposit (current) account in Sandyq Bank's portal, behind the portal's own sign-in.

Pages: /deposit (the statement of incoming payments, from a date, 50 a page, with a CSV download of the same rows),
/deposit/orders (a payment order's form and the orders made, newest first, with their status).
API: GET /api/deposit/statement?date_from=yyyy-mm-dd&page=N; GET /deposit/statement.csv?date_from=…;
GET /api/deposit/orders?q=…&page=N; POST /api/deposit/orders {doc_no, recipient_name, recipient_id, iban, amount,
purpose}: 400 {"error": "invalid_order", "field": …} for a malformed one; the same doc_no again gives the first
order back. An order is "created", then after `order_after_s` by the site's clock "executed", or "rejected" when
its IBAN's check digits are wrong.
Private: GET /_deposit/truth?holder=bailiff1 (what each payment belongs to: sandbox.deposit), and
POST /_deposit/settings {"payments": N, "last_day": "yyyy-mm-dd"} to seed another statement (a benchmark's).

Each login has its own account: chsi-bailiff<n> is AIS EP's bailiff<n>, paid for that bailiff's proceedings.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import itertools
import re
import time
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any
from zoneinfo import ZoneInfo

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from sandbox.deposit import DEFAULT_PAYMENTS, Payment, Statement, build_statement
from sandbox.pages import Pages
from sandbox.sites.bank_sandyq.labels import LABELS
from sandbox.sites.shared.portal import page_number, paged
from sandbox.sites.shared.sessions import Clock, SessionStore
from sandbox.world import World

STATEMENT_PAGE = 50
ORDERS_PAGE = 20
ALMATY = ZoneInfo("Asia/Almaty")
IBAN = re.compile(r"^KZ\d{2}[0-9A-Z]{16}$")
PURPOSE_LIMIT = 250
CSV_HEADER = (
    "Күні / Дата",
    "Сомасы / Сумма",
    "Төлеуші / Плательщик",
    "ЖСН/БСН / ИИН/БИН",
    "Төлеушінің шоты / Счёт плательщика",
    "Төлем мақсаты / Назначение платежа",
    "Референс",
)


@dataclass
class Order:
    number: str
    doc_no: str
    created_at: float  # wall-clock seconds, for the time shown
    tick: float  # the site's clock when made: it is executed or rejected order_after_s later by that clock
    recipient_name: str
    recipient_id: str
    iban: str
    amount: Decimal
    purpose: str
    iban_valid: bool


def iban_valid(iban: str) -> bool:
    """ISO 13616: the IBAN with its first four characters moved to the end, letters as numbers, is 1 mod 97."""
    digits = "".join(str(int(c, 36)) for c in iban[4:] + iban[:4])
    return int(digits) % 97 == 1


def holder_of(login: str) -> str:
    """The AIS EP login whose proceedings the portal login's deposit account is paid for."""
    return login.removeprefix("chsi-")


def deposit_routes(
    world: World,
    pages: Pages,
    store: SessionStore,
    *,
    payments: int = DEFAULT_PAYMENTS,
    last_day: dt.date | None = None,
    order_after_s: float = 2.0,
    clock: Clock | None = None,
) -> list[Route]:
    seeding: dict[str, Any] = {"payments": payments, "last_day": last_day}
    orders: dict[str, list[Order]] = {}
    numbers = itertools.count(1)
    tick = clock or time.monotonic

    def statement(holder: str) -> Statement:
        return build_statement(world, holder, seeding["payments"], seeding["last_day"])

    def page(name: str) -> Any:
        async def handler(request: Request) -> Response:
            user, redirect = store.page_user(request)
            return redirect or pages.render(request, name, LABELS, session_expired=user is None, user=user)

        return handler

    def since(request: Request) -> dt.date:
        """The filter's first day; a malformed one raises ValueError (answered 400)."""
        text = request.query_params.get("date_from", "").strip()
        return dt.date.fromisoformat(text) if text else dt.date.min

    async def api_statement(request: Request) -> Response:
        user = store.api_user(request)
        if isinstance(user, Response):
            return user
        try:
            rows = statement(holder_of(user)).since(since(request))
        except ValueError:
            return JSONResponse({"error": "bad_date"}, status_code=400)
        chunk, paging = paged(rows, page_number(request), STATEMENT_PAGE)
        return JSONResponse({**paging, "items": [_payment(p) for p in chunk]})

    async def statement_csv(request: Request) -> Response:
        user = store.api_user(request)
        if isinstance(user, Response):
            return user
        try:
            rows = statement(holder_of(user)).since(since(request))
        except ValueError:
            return JSONResponse({"error": "bad_date"}, status_code=400)
        out = io.StringIO()
        writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
        writer.writerow(CSV_HEADER)
        for p in rows:
            writer.writerow(
                (
                    f"{p.received:%d.%m.%Y}",
                    str(p.amount),
                    p.payer_name,
                    p.payer_id,
                    p.payer_iban,
                    p.purpose,
                    p.reference,
                )
            )
        name = f"statement-{request.query_params.get('date_from') or 'all'}.csv"
        return Response(
            "\ufeff" + out.getvalue(),
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": f'attachment; filename="{name}"'},
        )

    def status(o: Order) -> dict[str, Any]:
        done = tick() - o.tick >= order_after_s
        state = ("executed" if o.iban_valid else "rejected") if done else "created"
        return {
            "number": o.number,
            "doc_no": o.doc_no,
            "created_at": dt.datetime.fromtimestamp(o.created_at, ALMATY).isoformat(timespec="seconds"),
            "recipient_name": o.recipient_name,
            "recipient_id": o.recipient_id,
            "iban": o.iban,
            "amount": str(o.amount),
            "purpose": o.purpose,
            "status": state,
            "reason": "bad_iban" if state == "rejected" else "",
        }

    async def api_orders(request: Request) -> Response:
        user = store.api_user(request)
        if isinstance(user, Response):
            return user
        mine = orders.setdefault(user, [])
        if request.method == "POST":
            return create(mine, await _body(request))
        wanted = request.query_params.get("q", "").strip().casefold()
        found = [
            o for o in reversed(mine) if not wanted or wanted in o.purpose.casefold() or wanted == o.doc_no.casefold()
        ]
        chunk, paging = paged(found, page_number(request), ORDERS_PAGE)
        return JSONResponse({**paging, "items": [status(o) for o in chunk]})

    def create(mine: list[Order], body: dict[str, Any]) -> Response:
        fields = {
            k: str(body.get(k, "")).strip()
            for k in ("doc_no", "recipient_name", "recipient_id", "iban", "amount", "purpose")
        }
        fields["iban"] = fields["iban"].replace(" ", "").upper()
        if fields["doc_no"]:
            for o in mine:
                if o.doc_no == fields["doc_no"]:
                    return JSONResponse(status(o))
        if wrong := _wrong_field(fields):
            return JSONResponse({"error": "invalid_order", "field": wrong}, status_code=400)
        order = Order(
            f"PO{next(numbers):06d}",
            fields["doc_no"][:40],
            time.time(),
            tick(),
            fields["recipient_name"],
            fields["recipient_id"],
            fields["iban"],
            Decimal(fields["amount"].replace(" ", "").replace(",", ".")).quantize(Decimal("0.01")),
            fields["purpose"],
            iban_valid(fields["iban"]),
        )
        mine.append(order)
        return JSONResponse(status(order), status_code=201)

    async def truth(request: Request) -> Response:
        s = statement(request.query_params.get("holder", "bailiff1"))
        return JSONResponse(
            {
                "namesakes": list(s.namesakes),
                "payments": [
                    {**_payment(p), **{k: v for k, v in vars(s.truth[p.reference]).items() if k != "reference"}}
                    for p in s.payments
                ],
            }
        )

    async def settings(request: Request) -> Response:
        body = dict(await request.json())
        if "payments" in body:
            seeding["payments"] = max(0, int(body["payments"]))
        if "last_day" in body:
            seeding["last_day"] = dt.date.fromisoformat(body["last_day"]) if body["last_day"] else None
        started = time.perf_counter()
        count = len(statement("bailiff1").payments)
        return JSONResponse({"payments": count, "seconds": round(time.perf_counter() - started, 3)})

    return [
        Route("/deposit", page("deposit.html")),
        Route("/deposit/orders", page("orders.html")),
        Route("/deposit/statement.csv", statement_csv),
        Route("/api/deposit/statement", api_statement),
        Route("/api/deposit/orders", api_orders, methods=["GET", "POST"]),
        Route("/_deposit/truth", truth),
        Route("/_deposit/settings", settings, methods=["POST"]),
    ]


def _payment(p: Payment) -> dict[str, Any]:
    return {
        "reference": p.reference,
        "received": p.received.isoformat(),
        "amount": str(p.amount),
        "payer_name": p.payer_name,
        "payer_id": p.payer_id,
        "payer_iban": p.payer_iban,
        "purpose": p.purpose,
    }


def _wrong_field(fields: dict[str, str]) -> str | None:
    """The first field of an order the bank does not accept, or None."""
    if not fields["recipient_name"]:
        return "recipient_name"
    if not (len(fields["recipient_id"]) == 12 and fields["recipient_id"].isdigit()):
        return "recipient_id"
    if not IBAN.match(fields["iban"]):
        return "iban"
    try:
        amount = Decimal(fields["amount"].replace(" ", "").replace(",", "."))
    except InvalidOperation:
        return "amount"
    if not amount.is_finite() or amount <= 0 or amount != amount.quantize(Decimal("0.01")):
        return "amount"
    if not fields["purpose"] or len(fields["purpose"]) > PURPOSE_LIMIT:
        return "purpose"
    return None


async def _body(request: Request) -> dict[str, Any]:
    if request.headers.get("content-type", "").startswith("application/json"):
        try:
            return dict(await request.json())
        except ValueError:
            return {}
    async with request.form() as form:
        return {key: value for key, value in form.items() if isinstance(value, str)}

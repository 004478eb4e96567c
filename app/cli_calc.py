"""`runner.py calc …`: the domain core's calculations from the command line, with an optional Excel sheet.

Every command prints its result and lines as rich tables; `--xlsx PATH` writes the same lines for a supervisor.
A bad row of an input file is reported with the file and row number; the other rows are still calculated and the
command then exits with code 1. A rule the domain cannot apply (unknown rate, date outside the tables) exits 2.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from rich.console import Console
from rich.table import Table

from domain import alimony, deadlines, distribution, fees, interest, restrictions
from domain.errors import DomainError
from domain.money import format_tenge, tenge
from orynda.inputs import Column, InputFileError, InputRow, cell_text, read_rows
from orynda.report.calc_sheet import CalcSheet, write_calc_sheet

app = typer.Typer(
    help="Enforcement calculations: fee, interest, alimony, distribution, deadlines, restrictions.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
console = Console()
T = TypeVar("T")


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date YYYY-MM-DD") from None


def _amount(value: str) -> Decimal:
    try:
        return tenge(value)
    except DomainError as exc:
        raise typer.BadParameter(str(exc)) from None


On = Annotated[dt.date, typer.Option("--on", parser=_date, help="Date of the calculation (YYYY-MM-DD)")]
Xlsx = Annotated[Path | None, typer.Option("--xlsx", help="Also write the calculation to this Excel file")]
Money = Annotated[Decimal, typer.Argument(parser=_amount, help="Amount in tenge, e.g. 123456.78")]


@app.command()
def fee(
    claim: Money,
    on: On,
    collected: Annotated[Decimal | None, typer.Option(parser=_amount, help="Amount collected so far")] = None,
    voluntary: Annotated[bool, typer.Option(help="Paid within the voluntary term (2010 art. 118 p.3)")] = False,
    xlsx: Xlsx = None,
) -> None:
    """Private bailiff's fee on a money claim (art. 118; MoJ orders 415/416); --on is the initiation date."""
    result = _domain(lambda: fees.private_bailiff_fee(claim, on, collected, voluntary))
    columns = [
        ("claim", "money"),
        ("MCI on initiation", "money"),
        ("claim in MCI", "number"),
        ("rate, %", "number"),
        ("collected", "money"),
        ("fee", "money"),
    ]
    rows = [(result.claim, result.mci, result.claim_in_mci, result.percent, result.collected, result.fee)]
    _show(
        "Private bailiff's fee",
        columns,
        rows,
        None,
        [result.article, "bracket flat on the whole amount; upper bound inclusive (domain/data/fees.yaml)"],
        xlsx,
    )


@app.command("interest")
def interest_(
    principal: Money,
    first_day: Annotated[dt.date, typer.Option("--from", parser=_date, help="First day of delay")],
    last_day: Annotated[dt.date, typer.Option("--to", parser=_date, help="Day of payment (included)")],
    mode: Annotated[str, typer.Option(help="periods | single")] = "periods",
    day_count: Annotated[str, typer.Option(help="act365 | actact")] = "act365",
    rate: Annotated[Decimal | None, typer.Option(parser=_amount, help="Contract rate, %")] = None,
    xlsx: Xlsx = None,
) -> None:
    """Interest under Civil Code art. 353 at the base rate, split where the rate changes."""
    result = _domain(
        lambda: interest.interest(
            principal,
            first_day,
            last_day,
            mode=mode,  # type: ignore[arg-type]
            day_count=day_count,  # type: ignore[arg-type]
            rate=rate,
        )
    )
    rows = [(ln.first_day, ln.last_day, ln.days, ln.percent, ln.year_days, ln.amount) for ln in result.lines]
    columns = [
        ("from", "date"),
        ("to", "date"),
        ("days", "int"),
        ("rate, %", "number"),
        ("year days", "int"),
        ("interest", "money"),
    ]
    _show(
        f"Interest on {format_tenge(result.principal)}",
        columns,
        rows,
        ("total", "", "", "", "", result.total),
        [f"CC art. 353; mode {mode}, day count {day_count}; rounded once on the total"],
        xlsx,
    )


@app.command("alimony")
def alimony_(
    incomes: Annotated[Path, typer.Option("--incomes", help="CSV/XLSX: month, income[, paid][, contribution]")],
    on: On,
    children: Annotated[int | None, typer.Option(help="Number of children (FAM art. 139)")] = None,
    fixed_mci: Annotated[Decimal | None, typer.Option(parser=_amount, help="Fixed sum in MCI")] = None,
    presented: Annotated[dt.date | None, typer.Option(parser=_date, help="Document presented on")] = None,
    searched: Annotated[bool, typer.Option(help="Debtor was searched for (FAM art. 169 p.2)")] = False,
    xlsx: Xlsx = None,
) -> None:
    """Alimony arrears month by month — the справка-расчёт (FAM arts. 139, 141, 169)."""
    seen: dict[dt.date, int] = {}
    months, bad = _rows(incomes, _ALIMONY_COLUMNS, lambda row: _income_month(row, seen))
    result = _domain(
        lambda: alimony.alimony_arrears(
            months, on, children=children, fixed_mci=fixed_mci, presented_on=presented, debtor_was_searched=searched
        )
    )
    rows = [(ln.month, ln.basis, ln.base, ln.due, ln.paid, ln.balance) for ln in result.lines]
    columns = [
        ("month", "date"),
        ("basis", "text"),
        ("base", "money"),
        ("due", "money"),
        ("paid", "money"),
        ("balance", "money"),
    ]
    total = ("total", "", "", result.total_due, result.total_paid, result.arrears)
    _show(f"Alimony arrears on {on}: {result.terms}", columns, rows, total, ["FAM arts. 139, 141, 169, 172"], xlsx)
    _exit_if(bad)


@app.command()
def distribute(
    claims: Annotated[Path, typer.Option("--claims", help="CSV/XLSX: creditor, queue or category, amount")],
    collected: Annotated[Decimal, typer.Option("--collected", parser=_amount, help="Money collected")],
    fines: Annotated[Decimal, typer.Option(parser=_amount, help="Fines during enforcement")] = Decimal(0),
    fee_: Annotated[Decimal, typer.Option("--fee", parser=_amount, help="Bailiff's fee")] = Decimal(0),
    costs: Annotated[Decimal, typer.Option(parser=_amount, help="Enforcement costs")] = Decimal(0),
    xlsx: Xlsx = None,
) -> None:
    """Distribute collected money: fines, fee and costs, queues 1–5 pro rata (arts. 108–112)."""
    parsed, bad = _rows(claims, _CLAIM_COLUMNS, _claim)
    result = _domain(lambda: distribution.distribute(collected, parsed, fines=fines, fee=fee_, costs=costs))
    rows = [(ln.payee, ln.queue or "", ln.article, ln.owed, ln.paid) for ln in result.lines]
    columns = [("payee", "text"), ("queue", "int"), ("article", "text"), ("owed", "money"), ("paid", "money")]
    total = ("total", "", "", "", sum((ln.paid for ln in result.lines), Decimal(0)))
    _show(
        f"Distribution of {format_tenge(result.collected)}",
        columns,
        rows,
        total,
        ["Law 261-IV arts. 108–112; pro rata by largest remainder to the tiyn"],
        xlsx,
    )
    _exit_if(bad)


@app.command()
def deadline(
    rule: Annotated[str, typer.Argument(help=f"One of: {', '.join(deadlines.rule_names())}")],
    start: Annotated[dt.date, typer.Argument(parser=_date, help="Day of the event (YYYY-MM-DD)")],
    redaction: Annotated[str | None, typer.Option(help="Redaction variant, e.g. current")] = None,
    xlsx: Xlsx = None,
) -> None:
    """The last day of a term of the law (arts. 33, 37–39, 47, 120), moved off non-working days (CC art. 175)."""
    result = _domain(lambda: deadlines.deadline(rule, start, redaction))
    rows = [
        ("rule", result.title),
        ("article", result.article),
        ("redaction", result.redaction),
        ("from", result.start.isoformat()),
        ("term", f"{result.count} {result.unit}"),
        ("due", result.due.isoformat()),
        ("confidence", result.confidence),
        ("calendar verified", "yes" if result.calendar_verified else "no (generated, no decree)"),
    ]
    _show("Deadline", [("item", "text"), ("value", "text")], rows, None, ["CC arts. 173–175"], xlsx)


@app.command()
def restriction(
    debt: Money,
    on: On,
    months_unpaid: Annotated[int, typer.Option(help="Months periodic payments unpaid")] = 0,
    creditor_applied: Annotated[bool, typer.Option(help="Creditor applied for it")] = False,
    warning_sent: Annotated[dt.date | None, typer.Option(parser=_date, help="Warning sent on")] = None,
    paid_on: Annotated[dt.date | None, typer.Option(parser=_date, help="Paid in full on")] = None,
    fee_left: Annotated[Decimal, typer.Option(parser=_amount, help="Fee/costs unpaid")] = Decimal(0),
    xlsx: Xlsx = None,
) -> None:
    """Whether an exit restriction may or must be imposed (art. 33), or must be lifted after payment (art. 47)."""
    result = _domain(
        lambda: restrictions.exit_restriction(
            debt, on, periodic_months_unpaid=months_unpaid, creditor_applied=creditor_applied, warning_sent=warning_sent
        )
    )
    rows: list[tuple[str, Any]] = [
        ("40 MCI threshold", format_tenge(result.threshold)),
        ("may impose", _yes(result.may_impose)),
        ("must impose", _yes(result.must_impose)),
        ("reasons", "; ".join(result.reasons) or "none"),
        ("court sanction needed", _yes(result.needs_court_sanction)),
        ("notice first", _yes(result.notice_required)),
        ("earliest", result.earliest.isoformat() if result.earliest else ""),
    ]
    if paid_on is not None:
        lift = _domain(lambda: restrictions.lifting(paid_on, debt, fee_left))
        rows += [
            ("must lift", _yes(lift.must_lift)),
            ("lifting", lift.reason),
            ("lift by", lift.deadline.due.isoformat() if lift.deadline else ""),
        ]
    _show("Exit restriction", [("item", "text"), ("value", "text")], rows, None, ["Law 261-IV arts. 33, 47"], xlsx)


_ALIMONY_COLUMNS = [
    Column("month", ("month", "месяц", "ай")),
    Column("income", ("income", "доход", "табыс")),
    Column("paid", ("paid", "оплачено", "төленді"), required=False),
    Column("contribution", ("contribution", "опв", "pension contribution"), required=False),
]
_CLAIM_COLUMNS = [
    Column("creditor", ("creditor", "взыскатель", "өндіріп алушы")),
    Column("queue", ("queue", "category", "очередь", "категория", "кезек")),
    Column("amount", ("amount", "сумма", "сома")),
]


def _income_month(row: InputRow, seen: dict[dt.date, int]) -> alimony.IncomeMonth:
    month = _month(row.values["month"])
    if month in seen:
        raise ValueError(f"month {month:%Y-%m} is already in row {seen[month]}")
    seen[month] = row.number
    income_text, contribution = cell_text(row.values["income"]), cell_text(row.values.get("contribution"))
    if income_text:
        income: Decimal | None = tenge(income_text)
    elif contribution:
        income = alimony.income_from_pension_contribution(tenge(contribution), month).income
    else:
        income = None
    return alimony.IncomeMonth(month, income, tenge(cell_text(row.values.get("paid")) or "0"))


def _claim(row: InputRow) -> distribution.Claim:
    queue = cell_text(row.values["queue"])
    number = int(queue) if queue.isdigit() else distribution.queue_of(queue)
    amount = tenge(cell_text(row.values["amount"]))
    if number not in distribution.QUEUES:
        raise ValueError(f"queue must be 1–5 or a category, got {queue!r}")
    if amount < 0:
        raise ValueError(f"amount must be non-negative, got {amount}")
    return distribution.Claim(cell_text(row.values["creditor"]), number, amount)


def _month(value: Any) -> dt.date:
    if isinstance(value, dt.date):
        return value if not isinstance(value, dt.datetime) else value.date()
    text = cell_text(value)
    if "." in text:  # 01.2025
        month, year = text.split(".")[-2:]
        return dt.date(int(year), int(month), 1)
    return dt.date.fromisoformat(text if len(text) > 7 else f"{text}-01")


def _rows(path: Path, columns: list[Column], parse: Callable[[InputRow], T]) -> tuple[list[T], int]:
    """Parse every row; a bad row is reported with the file and row number and skipped."""
    try:
        rows = read_rows(path, columns)
    except InputFileError as exc:
        console.print(f"[red]{exc}[/red]")
        raise typer.Exit(2) from None
    parsed, bad = [], 0
    for row in rows:
        try:
            parsed.append(parse(row))
        except (DomainError, ValueError) as exc:
            console.print(f"[red]{path} row {row.number}: {exc}[/red]")
            bad += 1
    return parsed, bad


def _domain(call: Callable[[], T]) -> T:
    try:
        return call()
    except DomainError as exc:
        console.print(f"[red]cannot calculate: {exc}[/red]")
        raise typer.Exit(2) from None


def _show(
    title: str,
    columns: Sequence[tuple[str, str]],
    rows: Sequence[Sequence[Any]],
    total: Sequence[Any] | None,
    notes: list[str],
    xlsx: Path | None,
) -> None:
    table = Table(*(name for name, _ in columns), title=title)
    for row in [*rows, *([total] if total else [])]:
        table.add_row(*(_cell(value, kind) for value, (_, kind) in zip(row, columns)))
    console.print(table)
    for note in notes:
        console.print(f"[dim]{note}[/dim]")
    if xlsx is not None:
        write_calc_sheet(CalcSheet(title, columns, rows, total, notes), xlsx)
        console.print(f"written {xlsx}")


def _cell(value: Any, kind: str) -> str:
    if kind == "money" and isinstance(value, Decimal):
        return format_tenge(value)
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def _yes(flag: bool) -> str:
    return "yes" if flag else "no"


def _exit_if(bad_rows: int) -> None:
    if bad_rows:
        console.print(f"[red]{bad_rows} row(s) skipped; the result above leaves them out[/red]")
        raise typer.Exit(1)

"""`runner.py calc …`: the domain core's calculations from the command line, with an optional Excel sheet.

Every command prints its result and lines as a table in the office's language (orynda/texts/calc.yaml), with the
basis of the calculation below it: the MCI used and why, the rate and the day count, the fee's cap. `--xlsx PATH`
writes the same for a supervisor. Dates are typed dd.mm.yyyy (or ISO), amounts in tenge. A bad row of an input file
is reported with the file and row number; the other rows are still calculated and the command then exits with code
1. A rule or a table the domain cannot apply (unknown rule, a date outside the tables) exits 2 with one line.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Annotated, Any, cast

import typer

from app import calc_words as words
from app.calc_output import (
    RowProblem,
    Shown,
    amount,
    calculate,
    choice,
    day,
    exit_if_skipped,
    maybe_day,
    office_words,
    quantity,
    read_input,
    show,
    stop,
)
from domain import alimony, deadlines, distribution, fees, interest, restrictions
from domain.alimony import ALIMONY_MCI
from domain.data import table
from domain.errors import DomainError
from domain.money import tenge
from orynda.i18n import Texts
from orynda.inputs import Column, InputRow, cell_text

app = typer.Typer(
    help="Enforcement calculations: fee, interest, alimony, distribution, deadlines, restrictions.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

On = Annotated[str, typer.Option("--on", help="Date of the calculation (dd.mm.yyyy or YYYY-MM-DD)")]
Xlsx = Annotated[Path | None, typer.Option("--xlsx", help="Also write the calculation to this Excel file")]
Money = Annotated[str, typer.Argument(help="Amount in tenge, e.g. 123456.78 or '123 456,78'")]
MaybeMoney = str | None
MODES = ("single", "periods")
DAY_COUNTS = ("act365", "actact")


@app.command()
def fee(
    claim: Money,
    on: On,
    collected: Annotated[MaybeMoney, typer.Option(help="Amount collected so far")] = None,
    voluntary: Annotated[bool, typer.Option(help="Paid within the voluntary term (2010 art. 118 p.3)")] = False,
    xlsx: Xlsx = None,
) -> None:
    """Private bailiff's fee on a money claim (art. 118; MoJ orders 415/416); --on is the initiation date."""
    t = office_words()
    owed, initiated = amount(t, "CLAIM", claim), day(t, "--on", on)
    got = amount(t, "--collected", collected) if collected is not None else None
    if got is not None and got > owed:
        stop(t, t("calc.fee.collected_over", collected=got, claim=owed))
    result = calculate(t, lambda: fees.private_bailiff_fee(owed, initiated, got, voluntary))
    columns = [
        (t("calc.fee.claim"), "money"),
        (t("calc.fee.mci"), "money"),
        (t("calc.fee.claim_in_mci"), "number"),
        (t("calc.fee.percent"), "number"),
        (t("calc.fee.collected"), "money"),
        (t("calc.fee.fee"), "money"),
    ]
    rows = [(result.claim, result.mci, result.claim_in_mci, result.percent, result.collected, result.fee)]
    cap_mci = f"{int(result.cap / result.mci):,}".replace(",", " ")
    cap_note = "calc.fee.cap_applied" if result.capped else "calc.fee.cap_not_reached"
    notes = [t("calc.fee.basis"), t("calc.fee.bracket"), words.mci_used(t, result.mci_basis)]
    notes.append(t(cap_note, cap_mci=cap_mci, cap=result.cap))
    if voluntary:
        notes.append(t("calc.fee.voluntary", share=str(table("fees")["voluntary_share"]["percent"])))
    show(t, Shown(t("calc.fee.title"), columns, rows, None, notes), xlsx)


@app.command("interest")
def interest_(
    principal: Money,
    first_day: Annotated[str, typer.Option("--from", help="First day of delay (dd.mm.yyyy)")],
    last_day: Annotated[str, typer.Option("--to", help="Day of payment, included (dd.mm.yyyy)")],
    mode: Annotated[str, typer.Option(help="single: the rate on one day (art. 353 p.1) | periods: split by rate")] = (
        "single"
    ),
    rate_on: Annotated[str | None, typer.Option(help="Rate on this day (claim filed, decision made)")] = None,
    day_count: Annotated[str, typer.Option(help="act365 | actact")] = "act365",
    rate: Annotated[MaybeMoney, typer.Option(help="Contract rate, %")] = None,
    xlsx: Xlsx = None,
) -> None:
    """Interest under Civil Code art. 353: the base rate on the day of payment, or split by rate periods."""
    t = office_words()
    owed = amount(t, "PRINCIPAL", principal)
    first, last = day(t, "--from", first_day), day(t, "--to", last_day)
    chosen = cast(interest.Mode, choice(t, "--mode", mode, MODES))
    counting = cast(interest.DayCount, choice(t, "--day-count", day_count, DAY_COUNTS))
    fixed, rate_day = (quantity(t, "--rate", rate) if rate is not None else None), maybe_day(t, "--rate-on", rate_on)
    if first > last:
        stop(t, t("calc.interest.backwards", first=first, last=last))
    if fixed is not None and chosen == "periods":
        stop(t, t("calc.interest.fixed_needs_single"))
    result = calculate(
        t,
        lambda: interest.interest(owed, first, last, mode=chosen, day_count=counting, rate_on=rate_day, rate=fixed),
    )
    rows = [(ln.first_day, ln.last_day, ln.days, ln.percent, ln.year_days, ln.amount) for ln in result.lines]
    columns = [
        (t("calc.interest.from"), "date"),
        (t("calc.interest.to"), "date"),
        (t("calc.interest.days"), "int"),
        (t("calc.interest.rate"), "number"),
        (t("calc.interest.year_days"), "int"),
        (t("calc.interest.amount"), "money"),
    ]
    notes = [
        _rate_basis(t, result, rate_day, fixed),
        t(f"calc.interest.{result.day_count}"),
        t("calc.interest.days_counted", first=first, last=last),
    ]
    total = (t("calc.total"), "", sum(ln.days for ln in result.lines), "", "", result.total)
    show(t, Shown(t("calc.interest.title", principal=result.principal), columns, rows, total, notes), xlsx)


def _rate_basis(t: Texts, result: interest.Interest, rate_on: dt.date | None, fixed: Decimal | None) -> str:
    """Which rate the interest ran at and why: the mode's reading of art. 353 p.1."""
    if result.mode == "periods":
        return t("calc.interest.rate_periods")
    rate = words.number(result.lines[0].percent)
    if fixed is not None:
        return t("calc.interest.rate_fixed", rate=rate)
    if rate_on is not None and rate_on != result.last_day:
        return t("calc.interest.rate_on_claim", day=rate_on, rate=rate)
    return t("calc.interest.rate_on_payment", day=result.last_day, rate=rate)


@app.command("alimony")
def alimony_(
    incomes: Annotated[Path, typer.Option("--incomes", help="CSV/XLSX: month, income[, paid][, contribution]")],
    on: On,
    children: Annotated[int | None, typer.Option(help="Number of children (FAM art. 139)")] = None,
    fixed_mci: Annotated[MaybeMoney, typer.Option(help="Fixed sum in MCI")] = None,
    presented: Annotated[str | None, typer.Option(help="Document presented on (dd.mm.yyyy)")] = None,
    searched: Annotated[bool, typer.Option(help="Debtor was searched for (FAM art. 169 p.2)")] = False,
    xlsx: Xlsx = None,
) -> None:
    """Alimony arrears month by month — the справка-расчёт (FAM arts. 139, 141, 169)."""
    t = office_words()
    calculated_on, presented_on = day(t, "--on", on), maybe_day(t, "--presented", presented)
    fixed = quantity(t, "--fixed-mci", fixed_mci) if fixed_mci is not None else None
    if (children is None) == (fixed is None):
        stop(t, t("calc.alimony.terms_needed"))
    if children is not None and children < 1:
        stop(t, t("calc.alimony.children", count=str(children)))
    seen: dict[dt.date, int] = {}
    months, bad = read_input(t, incomes, _ALIMONY_COLUMNS, lambda row: _income_month(row, seen))
    result = calculate(
        t,
        lambda: alimony.alimony_arrears(
            months,
            calculated_on,
            children=children,
            fixed_mci=fixed,
            presented_on=presented_on,
            debtor_was_searched=searched,
        ),
    )
    rows = [
        (ln.month, words.alimony_basis(t, ln.basis, fixed), ln.base, ln.due, ln.paid, ln.balance) for ln in result.lines
    ]
    columns = [
        (t("calc.alimony.month"), "month"),
        (t("calc.alimony.basis"), "text"),
        (t("calc.alimony.base"), "money"),
        (t("calc.alimony.due"), "money"),
        (t("calc.alimony.paid"), "money"),
        (t("calc.alimony.balance"), "money"),
    ]
    total = (t("calc.total"), "", "", result.total_due, result.total_paid, result.arrears)
    terms = (
        t("calc.alimony.share", share=str(alimony.alimony_share(children)))
        if children is not None
        else t("calc.alimony.fixed", mci=words.number(fixed or Decimal(0)))
    )
    notes = [t("calc.alimony.law")]
    if fixed is not None or any(ln.basis.startswith("prisoner") for ln in result.lines):
        notes.append(t("calc.alimony.mci", why=words.mci_why(t, ALIMONY_MCI)))
    title = t("calc.alimony.title", day=calculated_on, terms=terms)
    show(t, Shown(title, columns, rows, total, notes), xlsx)
    exit_if_skipped(t, bad)


@app.command()
def distribute(
    claims: Annotated[Path, typer.Option("--claims", help="CSV/XLSX: creditor, queue or category, amount")],
    collected: Annotated[str, typer.Option("--collected", help="Money collected")],
    fines: Annotated[str, typer.Option(help="Fines during enforcement")] = "0",
    fee_: Annotated[str, typer.Option("--fee", help="Bailiff's fee")] = "0",
    costs: Annotated[str, typer.Option(help="Enforcement costs")] = "0",
    xlsx: Xlsx = None,
) -> None:
    """Distribute collected money: fines, fee and costs, queues 1–5 pro rata (arts. 108–112)."""
    t = office_words()
    money = {name: amount(t, f"--{name}", value) for name, value in _amounts(collected, fines, fee_, costs).items()}
    parsed, bad = read_input(t, claims, _CLAIM_COLUMNS, _claim)
    result = calculate(
        t,
        lambda: distribution.distribute(
            money["collected"], parsed, fines=money["fines"], fee=money["fee"], costs=money["costs"]
        ),
    )
    rows = [
        (ln.payee if ln.kind == "creditor" else t(f"calc.distribute.{ln.kind}"), ln.queue or "",
         words.article(t, ln.article), ln.owed, ln.paid)
        for ln in result.lines
    ]  # fmt: skip
    columns = [
        (t("calc.distribute.payee"), "text"),
        (t("calc.distribute.queue"), "int"),
        (t("calc.distribute.article"), "text"),
        (t("calc.distribute.owed"), "money"),
        (t("calc.distribute.paid"), "money"),
    ]
    total = (t("calc.total"), "", "", "", sum((ln.paid for ln in result.lines), Decimal(0)))
    title = t("calc.distribute.title", collected=result.collected)
    show(t, Shown(title, columns, rows, total, [t("calc.distribute.law")]), xlsx)
    exit_if_skipped(t, bad)


def _amounts(collected: str, fines: str, fee: str, costs: str) -> dict[str, str]:
    return {"collected": collected, "fines": fines, "fee": fee, "costs": costs}


@app.command()
def deadline(
    rule: Annotated[str, typer.Argument(help=f"One of: {', '.join(deadlines.rule_names())}")],
    start: Annotated[str, typer.Argument(help="Day of the event (dd.mm.yyyy or YYYY-MM-DD)")],
    redaction: Annotated[str | None, typer.Option(help="Redaction variant, e.g. current")] = None,
    xlsx: Xlsx = None,
) -> None:
    """The last day of a term of the law (arts. 33, 37–39, 47, 120), moved off non-working days (CC art. 175)."""
    t = office_words()
    event = day(t, "START", start)
    _check_rule(t, rule, redaction)
    result = calculate(t, lambda: deadlines.deadline(rule, event, redaction))
    redaction_text = (
        t("calc.deadline.current")
        if result.redaction == "current"
        else t("calc.deadline.dated", day=_iso_day(result.redaction))
    )
    rows = [
        (t("calc.deadline.rule"), _rule_text(t, rule, "title", result.title)),
        (t("calc.deadline.article"), _rule_text(t, rule, "article", result.article)),
        (t("calc.deadline.redaction"), redaction_text),
        (t("calc.deadline.start"), t.value(result.start)),
        (t("calc.deadline.term"), words.counted(t, result.unit, result.count)),
        (t("calc.deadline.due"), t.value(result.due)),
        (t("calc.deadline.confidence"), words.confidence(t, result.confidence)),
        (t("calc.deadline.calendar"), t(f"calc.deadline.calendar_{'read' if result.calendar_verified else 'not'}")),
    ]  # fmt: skip
    columns = [(t("calc.column.item"), "text"), (t("calc.column.value"), "text")]
    show(t, Shown(t("calc.deadline.title"), columns, rows, None, [t("calc.deadline.law")]), xlsx)


def _check_rule(t: Texts, rule: str, redaction: str | None) -> None:
    """An unknown rule or redaction is refused in words before the domain is asked."""
    known = deadlines.rule_names()
    if rule not in known:
        stop(t, t("calc.deadline.unknown_rule", rule=rule, known=", ".join(known)))
    variants = [str(v["redaction"]) for v in table("deadlines")["rules"][rule]["variants"]]
    if redaction is not None and redaction not in variants:
        stop(t, t("calc.deadline.unknown_redaction", rule=rule, redaction=redaction, known=", ".join(variants)))


def _rule_text(t: Texts, rule: str, part: str, english: str) -> str:
    key = f"calc.rule.{rule}.{part}"
    return t(key) if t.has(key) else english


def _iso_day(text: str) -> Any:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return text


@app.command()
def restriction(
    debt: Money,
    on: On,
    months_unpaid: Annotated[int, typer.Option(help="Months periodic payments unpaid")] = 0,
    creditor_applied: Annotated[bool, typer.Option(help="Creditor applied for it")] = False,
    warning_sent: Annotated[str | None, typer.Option(help="Warning sent on (dd.mm.yyyy)")] = None,
    paid_on: Annotated[str | None, typer.Option(help="Paid in full on (dd.mm.yyyy)")] = None,
    fee_left: Annotated[str, typer.Option(help="Fee/costs unpaid")] = "0",
    xlsx: Xlsx = None,
) -> None:
    """Whether an exit restriction may or must be imposed (art. 33), or must be lifted after payment (art. 47)."""
    t = office_words()
    owed, asked = amount(t, "DEBT", debt), day(t, "--on", on)
    warned, paid = maybe_day(t, "--warning-sent", warning_sent), maybe_day(t, "--paid-on", paid_on)
    unpaid_fee = amount(t, "--fee-left", fee_left)
    result = calculate(
        t,
        lambda: restrictions.exit_restriction(
            owed, asked, periodic_months_unpaid=months_unpaid, creditor_applied=creditor_applied, warning_sent=warned
        ),
    )
    reasons = [_reason(t, reason, owed, result.threshold, months_unpaid) for reason in result.reasons]
    rows: list[tuple[str, Any]] = [
        (t("calc.restriction.threshold"), t.value(result.threshold)),
        (t("calc.restriction.may_impose"), t.value(result.may_impose)),
        (t("calc.restriction.must_impose"), t.value(result.must_impose)),
        (t("calc.restriction.reasons"), "; ".join(reasons) or t("calc.restriction.none")),
        (t("calc.restriction.court_sanction"), t.value(result.needs_court_sanction)),
        (t("calc.restriction.notice_first"), t.value(result.notice_required)),
        (t("calc.restriction.earliest"), t.value(result.earliest) if result.earliest else ""),
    ]
    if paid is not None:
        lift = calculate(t, lambda: restrictions.lifting(paid, owed, unpaid_fee))
        rows += [
            (t("calc.restriction.must_lift"), t.value(lift.must_lift)),
            (t("calc.restriction.lifting"), _lifting(t, lift.must_lift, owed, unpaid_fee)),
            (t("calc.restriction.lift_by"), t.value(lift.deadline.due) if lift.deadline else ""),
        ]
    notes = [t("calc.restriction.law")]
    if result.mci_basis is not None:
        notes.append(words.mci_used(t, result.mci_basis))
    columns = [(t("calc.column.item"), "text"), (t("calc.column.value"), "text")]
    show(t, Shown(t("calc.restriction.title"), columns, rows, None, notes), xlsx)


def _reason(t: Texts, reason: str, debt: Decimal, threshold: Decimal, months: int) -> str:
    if reason.startswith("debt"):
        return t("calc.restriction.debt_over", debt=debt, threshold=threshold)
    if reason.startswith("periodic"):
        return t("calc.restriction.periodic_unpaid", months=str(months))
    return reason


def _lifting(t: Texts, must_lift: bool, debt: Decimal, fee_left: Decimal) -> str:
    if must_lift:
        return t("calc.restriction.paid_in_full")
    if debt > 0:
        return t("calc.restriction.debt_left", amount=debt)
    return t("calc.restriction.fee_left", amount=fee_left)


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
        raise RowProblem("calc.row.month_twice", month=f"{month:%m.%Y}", row=str(seen[month]))
    seen[month] = row.number
    income_text, contribution = cell_text(row.values["income"]), cell_text(row.values.get("contribution"))
    if income_text:
        income: Decimal | None = _row_amount(income_text)
    elif contribution:  # a table the estimate needs may be missing: read_input words that data error
        income = alimony.income_from_pension_contribution(_row_amount(contribution), month).income
    else:
        income = None
    return alimony.IncomeMonth(month, income, _row_amount(cell_text(row.values.get("paid")) or "0"))


def _claim(row: InputRow) -> distribution.Claim:
    queue = cell_text(row.values["queue"])
    if queue.isdigit():
        number = int(queue)
    elif queue in _categories():
        number = distribution.queue_of(queue)
    else:
        raise RowProblem("calc.row.unknown_category", value=queue, known=", ".join(_categories()))
    if number not in distribution.QUEUES:
        raise RowProblem("calc.distribute.bad_queue", value=queue)
    return distribution.Claim(cell_text(row.values["creditor"]), number, _row_amount(cell_text(row.values["amount"])))


def _categories() -> list[str]:
    return [str(row["category"]) for row in table("queues")["categories"]]


def _row_amount(text: str) -> Decimal:
    """An amount in a row: not an amount, or negative, is the row's problem."""
    try:
        value = tenge(text)
    except DomainError:
        raise RowProblem("calc.row.not_amount", value=text) from None
    if value < 0:
        raise RowProblem("calc.row.negative", amount=value)
    return value


def _month(value: Any) -> dt.date:
    """A month as a date cell, 2025-01, 2025-01-01 or 01.2025."""
    if isinstance(value, dt.date):
        return (value if not isinstance(value, dt.datetime) else value.date()).replace(day=1)
    text = cell_text(value)
    try:
        if "." in text:  # 01.2025
            month, year = text.split(".")[-2:]
            return dt.date(int(year), int(month), 1)
        return dt.date.fromisoformat(text if len(text) > 7 else f"{text}-01").replace(day=1)
    except ValueError:
        raise RowProblem("calc.row.not_month", value=text) from None

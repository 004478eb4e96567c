"""register_check: each row of a bailiff's list checked against the Unified Register of Debtors.

Input columns (header in Kazakh, Russian or English; see README): IIN (required: the register is searched by IIN),
the debtor's name (only shown in the report when the register does not know the IIN), expected amount, proceeding
number.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from bots.debtor_register import DebtorRegisterBot
from domain.checks.register import Expected, check_register
from domain.iin import normal_iin, why_invalid_iin
from orynda.config import Settings
from orynda.errors import BusinessException, InvalidInput
from orynda.flow import Flow, ItemContext, ItemResult, ItemSpec, ReportColumn
from orynda.inputs import Column, InputFileError, InputRow, cell_text, stream_rows

COLUMNS = [
    Column("iin", ("ИИН", "ЖСН", "IIN", "ИИН/БИН", "ЖСН/БСН", "iin")),
    Column("name", ("ФИО", "Аты-жөні", "Name", "Full name", "Должник", "Борышкер"), required=False),
    Column(
        "expected_amount",
        ("Сумма", "Сомасы", "Expected amount", "Amount", "Ожидаемая сумма", "Күтілетін сома"),
        required=False,
    ),
    Column(
        "proceeding", ("Номер производства", "Іс жүргізу нөмірі", "Proceeding", "Proceeding number"), required=False
    ),
]


class RegisterCheckItem(BaseModel):
    """One row of the bailiff's list, as read (a bad row keeps what could be read; its spec says what is wrong)."""

    iin: str
    name: str = ""
    proceeding: str | None = None
    expected_amount: Decimal | None = None  # to the tiyn; stored as its exact string


def load_items(params: dict[str, Any], settings: Settings) -> Iterator[ItemSpec[RegisterCheckItem]]:
    """One item per input row, numbered as the supervisor sees the row, read as they are taken (the runner records
    them in batches); a bad row is recorded as a business exception naming the row and field, and keeps the name and
    amount it gave for the report. A file that cannot be used is refused here, before the first row."""
    if not params.get("input"):
        raise InputFileError("register_check needs --input FILE (an .xlsx or .csv list of debtors)")
    path = Path(params["input"])
    return _without_repeats(_spec(path, row) for row in stream_rows(path, COLUMNS))


def _without_repeats(specs: Iterable[ItemSpec[RegisterCheckItem]]) -> Iterator[ItemSpec[RegisterCheckItem]]:
    """A row that repeats an earlier one (same IIN and proceeding) is reported, not checked twice."""
    first: dict[tuple[str, str | None], int] = {}
    for spec in specs:
        key = (spec.payload.iin, spec.payload.proceeding)
        if spec.error is None and key in first:
            spec = replace(spec, error=f"{spec.source}: the same debtor and proceeding as row {first[key]}")
        elif spec.error is None:
            first[key] = spec.seq
        yield spec


def _spec(path: Path, row: InputRow) -> ItemSpec[RegisterCheckItem]:
    typed = cell_text(row.values.get("iin"))
    iin = normal_iin(typed)
    where = f"{path.name} row {row.number}"
    problems = [f"{field}: {reason}" for field, reason in row.problems.items()]
    if reason := why_invalid_iin(iin):
        shown = (
            repr(iin) if iin == typed or not isinstance(row.values.get("iin"), str) else f"{typed!r} (read as {iin!r})"
        )
        problems.append(f"IIN {shown}: {reason}")
    raw_amount = row.values.get("expected_amount")
    try:
        amount = _amount(raw_amount)
    except ValueError:
        amount = None
        problems.append(f"expected amount {cell_text(raw_amount)!r} is not a number")
    payload = RegisterCheckItem(
        iin=iin,
        name=cell_text(row.values.get("name")),
        proceeding=cell_text(row.values.get("proceeding")) or None,
        expected_amount=amount,
    )
    error = f"{where}: " + "; ".join(problems) if problems else None
    as_given = {
        "name": payload.name or None,
        "expected": amount if amount is not None else cell_text(raw_amount) or None,
    }
    return ItemSpec(
        seq=row.number, key=iin or f"row {row.number}", payload=payload, source=where, error=error, fields=as_given
    )


def _amount(value: Any) -> Decimal | None:
    if value is None or cell_text(value) == "":
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float, str, Decimal)):
        raise ValueError(value)
    text = cell_text(value).replace("\u00a0", "").replace(" ", "").replace(",", ".")
    try:
        amount = Decimal(text) if not isinstance(value, float) else Decimal(str(value))
    except InvalidOperation:
        raise ValueError(value) from None
    if amount < 0:
        raise ValueError(value)
    return amount.quantize(Decimal("0.01"))


async def process(payload: RegisterCheckItem, ctx: ItemContext) -> ItemResult:
    iin = payload.iin
    if reason := why_invalid_iin(iin):
        raise InvalidInput(f"IIN {iin}: {reason}")
    found = await ctx.bot(DebtorRegisterBot).find_debtor(iin)
    expected = Expected(iin, payload.expected_amount, payload.proceeding)
    findings = check_register(expected, found)
    fields = {
        "name": found.name if found else payload.name,
        "expected": expected.amount,
        "register_amount": _register_amount(expected, found),
        "proceedings": len(found.proceedings) if found else None,
        "exit_ban": found.exit_ban if found else None,
        "difference": next((f.amount for f in findings if f.code == "amount_mismatch"), None),
    }
    blocking = [f for f in findings if f.blocking]
    if blocking:  # a case for a person: what the register showed is kept for them to see
        shown = await ctx.keep_page(DebtorRegisterBot.site)
        findings = [f.model_copy(update={"evidence": shown}) for f in findings]  # each rests on that page
        raise BusinessException(
            "; ".join(f.message for f in blocking), findings=findings, fields=fields, evidence=shown
        )
    return ItemResult(findings=findings, fields=fields)


def _register_amount(expected: Expected, found: Any) -> Decimal | None:
    if found is None:
        return None
    if expected.proceeding:
        return next((p.amount for p in found.proceedings if p.number == expected.proceeding), None)
    return found.total  # type: ignore[no-any-return]


FLOW = Flow(
    name="register_check",
    title="Debtors checked against the Unified Register of Debtors",
    load_items=load_items,
    process=process,
    payload_model=RegisterCheckItem,
    needs_input=True,
    sites=("debtor_register",),
    columns=(
        ReportColumn("name", "Debtor"),
        ReportColumn("expected", "Expected, ₸", "money"),
        ReportColumn("register_amount", "Register, ₸", "money"),
        ReportColumn("difference", "Difference, ₸", "money"),
        ReportColumn("proceedings", "Proceedings", "int"),
        ReportColumn("exit_ban", "Exit ban in force", "bool"),
    ),
)

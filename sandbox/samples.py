"""Input lists drawn from the sandbox world, with the answer each row should get: for the demo and the tests.

python -m sandbox.samples samples/debtors.xlsx --rows 30
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook

from sandbox.world import World, build_world

HEADERS = ["№", "ИИН", "ФИО", "Сумма", "Номер производства"]


@dataclass(frozen=True)
class SampleRow:
    iin: str
    name: str
    amount: Decimal | None
    proceeding: str | None
    expect: str  # done | mismatch | not_found | invalid


def sample_rows(world: World, rows: int = 50, start: int = 0) -> list[SampleRow]:
    """Mostly exact rows; every 10th a mismatch (+1 000,50 ₸), every 17th unknown, every 23rd a bad IIN."""
    out: list[SampleRow] = []
    unknown = iter(world.unused_iin(rows))
    for i in range(rows):
        debtor = world.debtors[start + i]
        person = debtor.person
        by_proceeding = i % 3 == 1
        proceeding = debtor.proceedings[-1] if by_proceeding else None
        amount = proceeding.amount if proceeding else debtor.total
        if i % 23 == 22:
            out.append(
                SampleRow(
                    person.iin[:-1] + str((int(person.iin[-1]) + 1) % 10), person.full_name, amount, None, "invalid"
                )
            )
        elif i % 17 == 16:
            out.append(SampleRow(next(unknown), person.full_name, amount, None, "not_found"))
        elif i % 10 == 9:
            out.append(
                SampleRow(
                    person.iin,
                    person.full_name,
                    amount + Decimal("1000.50"),
                    proceeding.number if proceeding else None,
                    "mismatch",
                )
            )
        else:
            out.append(
                SampleRow(person.iin, person.full_name, amount, proceeding.number if proceeding else None, "done")
            )
    return out


def write_xlsx(rows: list[SampleRow], path: Path) -> Path:
    book = Workbook()
    ws = book.active
    assert ws is not None
    ws.title = "Должники"
    ws.append(HEADERS)
    for n, row in enumerate(rows, start=1):
        ws.append([n, row.iin, row.name, row.amount, row.proceeding])
        ws.cell(row=n + 1, column=2).number_format = "@"
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("path", type=Path)
    parser.add_argument("--rows", type=int, default=30)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--debtors", type=int, default=1000)
    args = parser.parse_args()
    print(write_xlsx(sample_rows(build_world(args.seed, args.debtors), args.rows), args.path))


if __name__ == "__main__":
    main()

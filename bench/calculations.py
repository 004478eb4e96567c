"""Benchmark: distributions and alimony arrears per second over synthetic cases (seeded).

    python bench/calculations.py [--cases 100000] [--seed 20260101]

A distribution case: 1–8 claims in random queues, fines/fee/costs, collected 0–150 % of the total owed.
An alimony case: 12–36 months of income (10 % of months with no documents → average wage), partial payments.
Each result is checked (sums exact, arrears consistent) so the figures are for correct work.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from domain.alimony import IncomeMonth, alimony_arrears
from domain.distribution import Claim, distribute

CALCULATED_ON = dt.date(2025, 11, 10)


def _tiyn(rng: random.Random, high: int) -> Decimal:
    return Decimal(rng.randint(0, high * 100)) / 100


def distribution_cases(rng: random.Random, count: int) -> list[tuple[Decimal, list[Claim], Decimal, Decimal]]:
    cases = []
    for _ in range(count):
        claims = [Claim(f"c{i}", rng.randint(1, 5), _tiyn(rng, 5_000_000)) for i in range(rng.randint(1, 8))]
        fee, fines = _tiyn(rng, 500_000), _tiyn(rng, 50_000)
        owed = sum((c.owed for c in claims), fee + fines)
        cases.append((owed * Decimal(rng.randint(0, 150)) / 100, claims, fee, fines))
    return cases


def alimony_cases(rng: random.Random, count: int) -> list[tuple[list[IncomeMonth], int]]:
    cases = []
    for _ in range(count):
        start = dt.date(2023, rng.randint(1, 12), 1)
        months = []
        for offset in range(rng.randint(12, 36)):
            year, month = divmod(start.month - 1 + offset, 12)
            income = None if rng.random() < 0.1 else _tiyn(rng, 1_500_000)
            months.append(IncomeMonth(dt.date(start.year + year, month + 1, 1), income, _tiyn(rng, 150_000)))
        cases.append((months, rng.randint(1, 4)))
    return cases


def run_distributions(cases: list[tuple[Decimal, list[Claim], Decimal, Decimal]]) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    for collected, claims, fee, fines in cases:
        result = distribute(collected, claims, fee=fee, fines=fines)
        assert sum(line.paid for line in result.lines) == result.collected
    return time.perf_counter() - wall, time.process_time() - cpu


def run_alimony(cases: list[tuple[list[IncomeMonth], int]]) -> tuple[float, float, int]:
    wall, cpu, lines = time.perf_counter(), time.process_time(), 0
    for months, children in cases:
        statement = alimony_arrears(months, CALCULATED_ON, children=children)
        assert statement.lines[-1].balance == statement.total_due - statement.total_paid
        lines += len(statement.lines)
    return time.perf_counter() - wall, time.process_time() - cpu, lines


def _rate(label: str, count: int, wall: float, cpu: float) -> str:
    # CPU time as well as wall time: on a shared machine the wall clock also measures the neighbours
    return f"{label}: {count} in {wall:.2f} s wall = {count / wall:,.0f}/s; {cpu:.2f} s CPU = {count / cpu:,.0f}/s"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=100_000, help="cases of each kind (default 100 000)")
    parser.add_argument("--seed", type=int, default=20260101, help="random seed for the synthetic cases")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    distributions, alimonies = distribution_cases(rng, args.cases), alimony_cases(rng, args.cases)
    print(_rate("distributions", args.cases, *run_distributions(distributions)))
    wall, cpu, lines = run_alimony(alimonies)
    print(_rate("alimony arrears", args.cases, wall, cpu) + f" ({lines} monthly lines, {lines / cpu:,.0f} lines/s CPU)")


if __name__ == "__main__":
    main()

"""Benchmark: a 10,000-payment statement of the bailiff's deposit account, read and reconciled; and the payments flow
end to end on a night's statement, in real Chromium against the sandbox.

    python bench/payments.py [--payments 10000] [--flow-payments 40] [--latency-ms 0]

Prints:
- the statement read through the bank portal's pages by the bot (payments per minute);
- the bailiff's open proceedings read from AIS EP once, then every payment matched (domain/payments/matching) and its
  distribution computed by the law's order (domain/payments/statement): payments reconciled per minute, the matches
  checked against the sandbox's truth (wrong matches must be 0), the share held for a person, and the totals
  received = distributed + returned + held, to the tiyn;
- the payments flow on a statement of --flow-payments (matching, distribution, payment orders, AIS EP records, lifting
  acts): items per minute, and what a 10,000-payment statement would take at that pace.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any, cast

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.runs import start_run
from bench._common import PeakMemory
from bots.aisep import AisEpBot
from bots.deposit import DepositAccountBot
from domain.payments.matching import CaseBook, match_payment
from domain.payments.statement import distribute_payment, reconcile
from domain.records import CaseSummary, IncomingPayment
from orynda import logs
from orynda.browser import WorkerSlot, browser_pool
from orynda.config import Settings, load_settings
from sandbox.credentials import write_secrets
from sandbox.server import Sandbox, start_subprocess


def seed_statement(sandbox: Sandbox, payments: int) -> dict[str, dict[str, Any]]:
    post = urllib.request.Request(
        f"{sandbox.url}/bank_sandyq/_deposit/settings",
        data=json.dumps({"payments": payments}).encode(),
        headers={"Content-Type": "application/json"},
    )
    urllib.request.urlopen(post, timeout=120).close()
    with urllib.request.urlopen(f"{sandbox.url}/bank_sandyq/_deposit/truth?holder=bailiff1", timeout=120) as answer:
        return {p["reference"]: p for p in json.load(answer)["payments"]}


async def read_sites(settings: Settings) -> tuple[list[IncomingPayment], float, list[CaseSummary]]:
    async with browser_pool(settings.browser) as pool:
        slot = WorkerSlot(pool)
        page = await slot.ready()
        try:
            deposit = DepositAccountBot(page, settings.site(DepositAccountBot.site))  # type: ignore[arg-type]
            started = time.perf_counter()
            payments = await deposit.statement(dt.date(2000, 1, 1))
            read_s = time.perf_counter() - started
            cases = await AisEpBot(page, settings.site(AisEpBot.site)).list_active_proceedings()  # type: ignore[arg-type]
            return payments, read_s, cases
        finally:
            await slot.close()


def reconcile_all(payments: list[IncomingPayment], cases: list[CaseSummary], truth: dict[str, dict[str, Any]]) -> None:
    started = time.perf_counter()
    book = CaseBook([c for c in cases if c.remaining > 0])
    by_number = {c.number: c for c in book.cases}
    statements, held, right, wrong = [], [], 0, 0
    for payment in payments:
        match = match_payment(payment, book)
        paid = match.paid(book)
        if not paid:
            held.append(payment.amount)
            continue
        known = truth[payment.reference]
        right, wrong = (right + 1, wrong) if set(paid) <= set(known["proceedings"]) else (right, wrong + 1)
        # the list's figures carry what the distribution reads (amount, opening day, category, remaining)
        statements.append(
            distribute_payment(payment.reference, payment.amount, cast(Any, [by_number[n] for n in paid]))
        )
    totals = reconcile(statements, held)
    spent = time.perf_counter() - started
    print(f"reconciled: {len(payments)} payments in {spent:.2f} s = {len(payments) / spent * 60:,.0f} payments/min")
    strangers = sum(t["kind"] == "stranger" for t in truth.values())
    share = len(held) / len(payments)
    print(f"  matched {right + wrong} ({right} to the truth's proceedings, {wrong} wrong); held for a person "
          f"{len(held)} ({share:.1%}; strangers' payments in the statement: {strangers})")  # fmt: skip
    print(f"  received {totals.received} = distributed {totals.distributed} + returned {totals.returned} + held "
          f"{totals.held}: {'balances to the tiyn' if totals.balanced else f'off by {totals.difference}'}")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--payments", type=int, default=10_000)
    parser.add_argument("--flow-payments", type=int, default=40)
    parser.add_argument("--latency-ms", type=int, default=0)
    parser.add_argument("--workers", type=int, default=4)
    args = parser.parse_args()
    logs.configure("WARNING")
    with tempfile.TemporaryDirectory() as tmp:
        sandbox = start_subprocess(seed=42, debtors=1000)
        try:
            if args.latency_ms:
                sandbox.faults("*", latency_ms=args.latency_ms)
            secrets = write_secrets(sandbox.url, Path(tmp) / "secrets")
            os.environ["ORYNDA_SECRETS_FILE"] = str(secrets)
            settings = load_settings(home=Path(tmp) / "home", sandbox_url=sandbox.url, workers=args.workers)
            settings = settings.model_copy(update={"preflight": False})

            truth = seed_statement(sandbox, args.payments)
            with PeakMemory() as memory:
                payments, read_s, cases = asyncio.run(read_sites(settings))
            assert [p.reference for p in payments] == list(truth), "the statement read differs from the sandbox's"
            print(f"statement: {len(payments)} payments read in {read_s:.1f} s = "
                  f"{len(payments) / read_s * 60:,.0f} payments/min (peak {memory.peak:.0f} MiB); "
                  f"{len(cases)} open proceedings in AIS EP")  # fmt: skip
            reconcile_all(payments, cases, truth)

            seed_statement(sandbox, args.flow_payments)
            started = time.perf_counter()
            with PeakMemory() as memory:
                outcome = start_run("payments", {"days": "14"}, settings, preflight=False)
            spent = time.perf_counter() - started
            s = outcome.summary
            pace = s.total / spent * 60 if spent else 0.0
            print(f"flow: {s.total} payments in {spent:.1f} s = {pace:.1f} items/min ({s.done} done, {s.business} "
                  f"held for a person, {s.system} failed); peak {memory.peak:.0f} MiB; "
                  f"a {args.payments:,}-payment statement at this pace: {args.payments / pace / 60:.1f} h")  # fmt: skip
        finally:
            sandbox.stop()


if __name__ == "__main__":
    main()

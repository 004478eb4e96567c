"""Benchmark: a chaos night — nightly_check with documents filed, at about 10 % injected faults (503s, dropped and
slow answers), sessions expiring after 20 s idle, and the runner SIGKILLed at random moments, then resumed.

    python bench/chaos.py [--debtors 40] [--faults 0.10] [--kills 3] [--workers 2] [--seed 1] [--keep HOME]

Prints how many items ended done, how many were lost (found in AIS EP but never stored), and what AIS EP shows
twice: a document (same SHA-256) or an action (same act) on one card, read back with the AIS EP bot at the end.
The target (issue "chaos night"): >= 99 % done, 0 lost, 0 twice.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bots.aisep import AisEpBot  # noqa: E402
from orynda.browser import WorkerSlot, browser_pool  # noqa: E402
from orynda.config import Settings, load_settings  # noqa: E402
from orynda.runstore import RunStore  # noqa: E402
from orynda.schema import ItemState  # noqa: E402
from sandbox.credentials import write_secrets  # noqa: E402
from sandbox.server import Sandbox, start_subprocess  # noqa: E402

WORLD = 600


def runner(home: Path, sandbox: Sandbox, *args: str) -> list[str]:
    return [sys.executable, str(ROOT / "runner.py"), *args, "--home", str(home), "--sandbox-url", sandbox.url]


def night(home: Path, sandbox: Sandbox, debtors: int, kills: int, rng: random.Random, env: dict[str, str]) -> int:
    """Starts the run, kills it `kills` times at random moments (each after 15–60 s of work), resumes it after each
    kill, and lets the last resume finish; returns the last exit code."""
    first = ["run", "nightly_check", "--param", f"limit={debtors}", "--param", "documents=file", "--no-progress"]
    command = runner(home, sandbox, *first)
    for n in range(kills + 1):
        process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if n < kills:
            wait = rng.uniform(15, 60)
            try:
                code = process.wait(timeout=wait)
                print(f"  run ended before kill {n + 1} (exit {code})")
                return code
            except subprocess.TimeoutExpired:
                process.send_signal(signal.SIGKILL)
                process.wait()
                print(f"  SIGKILL {n + 1} after {wait:.0f} s")
        else:
            return process.wait()
        command = runner(home, sandbox, "resume", "--no-progress")
    return 1


async def twice_on_cards(settings: Settings, proceedings: list[str]) -> tuple[int, int]:
    """Documents (by SHA-256) and actions (by act number in the comment) that a card shows more than once."""
    documents = actions = 0
    async with browser_pool(settings.browser) as pool:
        slot = WorkerSlot(pool)
        bot = AisEpBot(await slot.ready(), settings.site("aisep"))
        for number in proceedings:
            case = await bot.read_case(number)
            documents += sum(n - 1 for n in Counter(d.sha256 for d in case.documents).values() if n > 1)
            acts = Counter(a.comment.split(":")[0] for a in case.actions if a.comment.startswith("ORY-"))
            actions += sum(n - 1 for n in acts.values() if n > 1)
        await slot.close()
    return documents, actions


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--debtors", type=int, default=40)
    parser.add_argument("--faults", type=float, default=0.10, help="share of requests that fail, in all")
    parser.add_argument("--kills", type=int, default=3)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", type=Path, help="home folder to keep (runs, logs, evidence) for a look afterwards")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        sandbox = start_subprocess(seed=42, debtors=WORLD, session_idle_s=20)
        try:
            secrets = write_secrets(sandbox.url, Path(tmp) / "secrets")
            env = {**os.environ, "ORYNDA_SECRETS_FILE": str(secrets), "ORYNDA_WORKERS": str(args.workers)}
            os.environ["ORYNDA_SECRETS_FILE"] = str(secrets)
            share = args.faults
            sandbox.faults("*", error_rate=share * 0.6, drop_rate=share * 0.3, slow_rate=share * 0.1, slow_ms=20_000)
            home = args.keep or Path(tmp) / "home"
            print(f"nightly_check, {args.debtors} debtors, documents filed, {share:.0%} faults, {args.kills} SIGKILLs")
            started = time.perf_counter()
            code = night(home, sandbox, args.debtors, args.kills, rng, env)
            elapsed = time.perf_counter() - started
            settings = load_settings(home=home, sandbox_url=sandbox.url)
            store = RunStore(settings.db_url)
            [run] = store.list_runs(1)
            items = store.items(run.id)
            states = Counter(ItemState(i.state) for i in items)
            failed = Counter(
                f"{i.error_code}: {(i.error_message or '').splitlines()[0][:140]}"
                for i in items
                if i.state != ItemState.DONE
            )
            sandbox.reset_faults()
            proceedings = sorted({p for i in items for p in (i.payload or {}).get("proceedings", [])})
            documents, actions = asyncio.run(twice_on_cards(settings, proceedings))
        finally:
            sandbox.stop()
    done = states[ItemState.DONE]
    print(f"  exit code {code}, {elapsed:.0f} s in all, run status {run.status}")
    print(
        f"  items {len(items)}: done {done} ({done / max(len(items), 1):.1%}), "
        f"business {states[ItemState.BUSINESS]}, system {states[ItemState.SYSTEM]}, "
        f"not finished {len(items) - sum(states[s] for s in (ItemState.DONE, ItemState.BUSINESS, ItemState.SYSTEM))}"
    )
    for reason, count in failed.most_common():
        print(f"    {count} × {reason}")
    print(f"  lost: {args.debtors - len(items)} (debtors asked for, not stored)")
    print(f"  twice on AIS EP: {documents} documents, {actions} actions ({len(proceedings)} cards read back)")


if __name__ == "__main__":
    main()

"""Benchmark: nightly_check over 1,000 debtors at 100 ms page latency, then the same with concurrency 1.

    python bench/nightly_check.py [--debtors 1000] [--serial-debtors 100] [--latency-ms 100] [--workers 4]
                                  [--documents off|draft|file] [--peer-debtors 60]

Each debtor is read in AIS EP and looked up in six registries. The serial run (one worker, every site's
concurrency 1) takes as many debtors as --serial-debtors, so the ratio is of items per minute. Documents are off
by default: the figure is of the registries' work; `--documents file` adds drafting (LibreOffice renders each
act's PDFs, a few seconds of CPU per debtor) and filing to AIS EP. Last, the peer (bench/peers/
sequential_playwright.py: one page, the registries in turn) works the first --peer-debtors debtors of the same list
on the same sandbox; the ratio printed is of items per minute, the runner's workers to the peer.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.runs import start_run
from bench._common import PeakMemory
from bench.peers.sequential_playwright import night
from orynda import logs
from orynda.config import Settings, SiteSettings, load_settings
from sandbox.app import SITES
from sandbox.credentials import write_secrets
from sandbox.server import start_subprocess

WORLD = 3000  # bailiff1 holds active proceedings of 1,170 debtors in the seed-42 world of this size


def measure(settings: Settings, debtors: int, documents: str) -> tuple[float, float, int]:
    started = time.perf_counter()
    with PeakMemory() as memory:
        outcome = start_run("nightly_check", {"limit": str(debtors), "documents": documents}, settings)
    elapsed = time.perf_counter() - started
    s = outcome.summary
    print(
        f"  {s.total} debtors: done {s.done}, business {s.business}, system {s.system}, retries {s.retries}; "
        f"{elapsed:.0f} s, {s.total / (elapsed / 60):.1f} items/min, peak memory (PSS) {memory.peak:.0f} MiB"
    )
    return s.total / (elapsed / 60), memory.peak, s.total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--debtors", type=int, default=1000)
    parser.add_argument("--serial-debtors", type=int, default=100)
    parser.add_argument("--latency-ms", type=int, default=100)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--documents", choices=["off", "draft", "file"], default="off")
    parser.add_argument("--peer-debtors", type=int, default=60, help="0: no peer")
    args = parser.parse_args()
    logs.configure("WARNING")
    with tempfile.TemporaryDirectory() as tmp:
        sandbox = start_subprocess(seed=42, debtors=WORLD)
        try:
            os.environ["ORYNDA_SECRETS_FILE"] = str(write_secrets(sandbox.url, Path(tmp) / "secrets"))
            sandbox.faults("*", latency_ms=args.latency_ms)
            parallel = load_settings(home=Path(tmp) / "a", sandbox_url=sandbox.url, workers=args.workers)
            serial = load_settings(home=Path(tmp) / "b", sandbox_url=sandbox.url, workers=1).model_copy(
                update={"sites": {site: SiteSettings(concurrency=1) for site in SITES}}
            )
            print(f"nightly_check at {args.latency_ms} ms page latency, documents {args.documents}")
            print(f" {args.workers} workers:")
            fast, _, _ = measure(parallel, args.debtors, args.documents)
            print(" concurrency 1:")
            slow, _, _ = measure(serial, args.serial_debtors, args.documents)
            peer = 0.0
            if args.peer_debtors:
                print(" peer, a sequential Playwright script (documents off):")
                done, elapsed = night(sandbox.url.rstrip("/"), args.peer_debtors)
                peer = done / (elapsed / 60)
                print(f"  {done} debtors: {elapsed:.0f} s, {peer:.1f} items/min")
        finally:
            sandbox.stop()
    print(f" ratio of items per minute, {args.workers} workers to 1: {fast / slow:.2f}")
    if peer:
        print(
            f" ratio of items per minute, {args.workers} workers (documents {args.documents}) to the peer: "
            f"{fast / peer:.2f}"
        )


if __name__ == "__main__":
    main()

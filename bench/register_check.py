"""Benchmark: register_check over 500 debtors at 100 ms page latency; items per minute and peak memory.

    python bench/register_check.py [--rows 500] [--latency-ms 100] [--workers 4]

Peak memory is the largest PSS of this process, the browser and the sandbox together, sampled every 0.2 s.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.runs import start_run
from bench._common import PeakMemory
from orynda import logs
from orynda.config import load_settings
from sandbox.samples import sample_rows, write_xlsx
from sandbox.server import start_subprocess
from sandbox.world import build_world


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=500)
    parser.add_argument("--latency-ms", type=int, default=100)
    parser.add_argument("--workers", type=int, default=4)
    args = parser.parse_args()
    logs.configure("WARNING")
    debtors = max(1000, args.rows)
    with tempfile.TemporaryDirectory() as tmp:
        path = write_xlsx(sample_rows(build_world(42, debtors), args.rows), Path(tmp) / "debtors.xlsx")
        sandbox = start_subprocess(seed=42, debtors=debtors)
        sandbox.faults("*", latency_ms=args.latency_ms)
        settings = load_settings(home=Path(tmp) / "home", sandbox_url=sandbox.url, workers=args.workers)
        started = time.perf_counter()
        try:
            with PeakMemory() as memory:
                outcome = start_run("register_check", {"input": str(path)}, settings)
        finally:
            elapsed = time.perf_counter() - started
            sandbox.stop()
    s = outcome.summary
    print(f"register_check: {s.total} items at {args.latency_ms} ms latency, {args.workers} workers")
    print(f"  done {s.done}, business {s.business}, system {s.system}, retries {s.retries}")
    print(f"  wall time {elapsed:.1f} s (browser start and report included)")
    print(f"  items per minute: {s.total / (elapsed / 60):.0f}")
    print(f"  peak memory, PSS of runner + Chromium + sandbox: {memory.peak:.0f} MiB")


if __name__ == "__main__":
    main()

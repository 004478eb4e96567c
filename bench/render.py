"""Benchmark: the same acts rendered to PDF by a cold LibreOffice per act and by the process's resident one.

    python bench/render.py [--rounds 2]

The acts are the worked examples of every kind the tests check (tests/documents/examples.py), each in Kazakh and
Russian, issued into a throwaway register once per way of rendering; the DOCX filling is the same both ways, so the
difference is LibreOffice's. Prints documents, seconds per document each way, the ratio, and the resident office's
start-up (paid once per process). The seconds are wall-clock on a shared machine: the load is printed.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from domain.documents import default_office  # noqa: E402
from orynda import logs  # noqa: E402
from orynda.database import make_engine  # noqa: E402
from orynda.documents import DocumentRegister, issue  # noqa: E402
from orynda.documents.office import OFFICE  # noqa: E402
from tests.documents.examples import FILER, ON, every_kind  # noqa: E402


def issue_all(folder: Path) -> int:
    """Every example act issued (DOCX filled, PDF rendered) into a fresh register; the number of documents."""
    register = DocumentRegister(make_engine(f"sqlite:///{folder / 'orynda.db'}"))
    drafts, count = every_kind(), 0
    for of in {id(of): of for _, of in drafts}.values():
        acts = issue(
            register,
            [d for d, o in drafts if o is of],
            of,
            on=ON,
            office=default_office(),
            bailiff=FILER,
            folder=folder / "documents",
            run_id="bench",
            seq=None,
        )
        count += sum(len(act.documents) for act in acts)
    return count


def timed(folder: Path) -> tuple[int, float]:
    started = time.perf_counter()
    count = issue_all(folder)
    return count, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    logs.configure("WARNING")
    print(f"at start: load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    with tempfile.TemporaryDirectory() as tmp:
        OFFICE._unavailable = True  # cold: one soffice per issue() call, as before
        cold = [timed(Path(tmp) / f"cold{n}") for n in range(args.rounds)]
        OFFICE._unavailable = False
        started = time.perf_counter()
        ready = OFFICE._running()
        start_s = time.perf_counter() - started
        if not ready:
            sys.exit("the resident LibreOffice did not start (is python3-uno installed? scripts/install-system.sh)")
        warm = [timed(Path(tmp) / f"warm{n}") for n in range(args.rounds)]
    documents = cold[0][0]
    per_cold = sum(s for _, s in cold) / sum(n for n, _ in cold)
    per_warm = sum(s for _, s in warm) / sum(n for n, _ in warm)
    print(f"{documents} documents ({documents // 2} acts, kk + ru) a round, {args.rounds} rounds each way")
    print(f"  cold soffice per act:   {per_cold:.2f} s a document")
    print(f"  resident LibreOffice:   {per_warm:.2f} s a document (started once in {start_s:.1f} s)")
    print(f"  ratio: {per_cold / per_warm:.1f}x faster resident")
    print(f"at end: load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()

"""Intake's reading measured against the sandbox's truth: per form and per field, how often the read value is the
document's own; the share sent to a person; documents per minute; and the figures the targets are about (on scans,
the IIN and the amount exact in the documents accepted without review, and no accepted one with either wrong).

    .venv/bin/python bench/intake.py [--count 300] [--seed 42] [--workers 2]
    .venv/bin/python bench/intake.py --examples FILE.jsonl   # against what people confirmed (runner.py intake-examples)

Structured documents are read from their data (as the cabinet sends them), the others from their PDF. With
--examples the reader is measured against the labelled examples instead: each document read again (its PDF when
the file is still there, else the text kept with the example) and every field compared with the person's value.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import Counter, defaultdict
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("OMP_THREAD_LIMIT", "1")  # one thread per Tesseract; the workers share the cores

from domain.intake.decision import ACCEPT, Decision, decide
from domain.intake.fields import FIELDS, read_fields, reading_from_data
from domain.intake.page import page_from_text
from orynda import intake_reading
from orynda.intake_reading import read_document
from sandbox.court_documents import CourtDocument, court_documents


def _read(document: CourtDocument) -> tuple[Decision, float]:
    started = time.perf_counter()
    if document.data is not None:
        decision = decide(reading_from_data(document.data, document.kind, document.language))
    else:
        decision = read_document(document.pdf)[1]
    return decision, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=300)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--languages", default=intake_reading.OCR_LANGUAGES, help="Tesseract's models, e.g. kaz+rus")
    parser.add_argument(
        "--examples", type=Path, help="Labelled examples (JSON lines of runner.py intake-examples) to measure against"
    )
    args = parser.parse_args()
    intake_reading.OCR_LANGUAGES = args.languages  # the workers are forked with it
    if args.examples is not None:
        examples(args.examples, args.workers)
        return

    started = time.perf_counter()
    documents = court_documents(args.seed, args.count)
    generated = time.perf_counter() - started
    started = time.perf_counter()
    with ProcessPoolExecutor(args.workers) as pool:
        results = list(pool.map(_read, documents, chunksize=2))
    elapsed = time.perf_counter() - started

    right: dict[str, Counter[str]] = defaultdict(Counter)
    total: Counter[str] = Counter()
    outcomes: dict[str, Counter[str]] = defaultdict(Counter)
    seconds: Counter[str] = Counter()
    reasons: dict[str, Counter[str]] = defaultdict(Counter)
    accepted_scans, accepted_scans_exact, accepted_wrong = 0, 0, []
    accepted_any_wrong: Counter[str] = Counter()
    flawed_accepted = []
    for document, (decision, spent) in zip(documents, results):
        form = document.form
        total[form] += 1
        seconds[form] += spent
        outcomes[form][decision.outcome] += 1
        if not document.flaws:
            reasons[form].update(decision.reasons)
        values = decision.values()
        for name in FIELDS:
            right[form][name] += values[name] == document.truth[name]
        exact = all(values[name] == document.truth[name] for name in ("debtor_iin", "amount"))
        if decision.outcome == ACCEPT:
            if document.flaws:
                flawed_accepted.append((document.number, document.flaws))
            if not exact:
                accepted_wrong.append((document.number, form))
            accepted_any_wrong[form] += any(values[name] != document.truth[name] for name in FIELDS)
            if form == "scan":
                accepted_scans += 1
                accepted_scans_exact += exact

    forms = ("structured", "text", "scan")
    print(f"intake bench: {args.count} documents, seed {args.seed}, {args.workers} workers, OCR {args.languages}")
    print(f"generated in {generated:.1f} s; read in {elapsed:.1f} s = {args.count / elapsed * 60:.1f} documents/min")
    print()
    print(f"{'field':<18}" + "".join(f"{form:>12}" for form in forms))
    for name in FIELDS:
        cells = "".join(
            f"{right[form][name] / total[form] * 100:>11.1f}%" if total[form] else f"{'-':>12}" for form in forms
        )
        print(f"{name:<18}{cells}")
    print(f"{'all fields exact':<18}" + "".join(f"{_all_exact(documents, results, form):>11.1f}%" for form in forms))
    print()
    print(f"{'':<18}" + "".join(f"{form:>12}" for form in forms))
    print(f"{'documents':<18}" + "".join(f"{total[form]:>12}" for form in forms))
    for outcome in ("accept", "review", "return"):
        print(f"{outcome:<18}" + "".join(f"{_share(outcomes[form][outcome], total[form]):>12}" for form in forms))
    print(f"{'accepted, a field wrong':<18}" + "".join(f"{accepted_any_wrong[form]:>12}" for form in forms))
    print(f"{'s per document':<18}" + "".join(f"{seconds[form] / max(1, total[form]):>12.2f}" for form in forms))
    for form in forms:
        common = ", ".join(f"{reason} {n}" for reason, n in reasons[form].most_common(8))
        print(f"why unflawed {form} documents went to a person: {common or 'none did'}")
    print()
    share = accepted_scans_exact / accepted_scans * 100 if accepted_scans else 0.0
    print(
        f"scans accepted without review: {accepted_scans}; IIN and amount exact in {share:.1f} % of them",
        "(target ≥ 95 %)",
    )
    print(f"accepted documents with a wrong IIN or amount: {len(accepted_wrong)} (target 0) {accepted_wrong or ''}")
    print(f"flawed documents accepted: {len(flawed_accepted)} {flawed_accepted or ''}")


def _read_example(example: dict[str, object]) -> tuple[Decision, str]:
    """An example's document read again: its PDF when still there, else its text; structured ones from their data."""
    form, text = str(example.get("form", "")), str(example.get("text", ""))
    if form == "structured":
        data = dict(line.split(": ", 1) for line in text.splitlines() if ": " in line)
        kind, language = str(example.get("kind") or "writ"), str(example.get("language") or "ru")
        return decide(reading_from_data(data, kind, language)), "data"
    pdf = Path(str(example.get("pdf") or ""))
    if pdf.is_file():
        return read_document(pdf.read_bytes())[1], "pdf"
    return decide(read_fields(page_from_text(text, ocr=form == "scan"))), "text"


def examples(path: Path, workers: int) -> None:
    """Per form and per field, how often the reader's value is the one a person confirmed; how many it would
    accept now, and of those how many with an IIN or amount other than the person's."""
    rows: list[dict[str, object]] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            print(f"{path}: line {number}: not JSON ({exc.msg}); left out")
            continue
        if not isinstance(row, dict) or not isinstance(row.get("confirmed"), dict):
            print(f"{path}: line {number}: no confirmed values; left out")
            continue
        rows.append(row)
    started = time.perf_counter()
    with ProcessPoolExecutor(max(1, workers)) as pool:
        results = list(pool.map(_read_example, rows))
    elapsed = time.perf_counter() - started
    forms = ("structured", "text", "scan")
    right: dict[str, Counter[str]] = defaultdict(Counter)
    was_right: dict[str, Counter[str]] = defaultdict(Counter)
    total: Counter[str] = Counter()
    accepted, accepted_wrong, sources = Counter[str](), Counter[str](), Counter[str]()
    for row, (decision, source) in zip(rows, results):
        form = str(row.get("form", ""))
        form = form if form in forms else "text"
        given = row["confirmed"]
        confirmed = {str(k): str(v) for k, v in given.items()} if isinstance(given, dict) else {}
        read = row.get("read") if isinstance(row.get("read"), dict) else {}
        values = decision.values()
        total[form] += 1
        sources[source] += 1
        for name in FIELDS:
            right[form][name] += values[name] == confirmed.get(name, "")
            then = read.get(name, {}) if isinstance(read, dict) else {}
            was_right[form][name] += isinstance(then, dict) and then.get("value", "") == confirmed.get(name, "")
        if decision.outcome == ACCEPT:
            accepted[form] += 1
            accepted_wrong[form] += any(values[n] != confirmed.get(n, "") for n in ("debtor_iin", "amount"))
    print(f"intake bench against {sum(total.values())} labelled examples of {path}")
    print(f"read again in {elapsed:.1f} s; from: " + ", ".join(f"{k} {n}" for k, n in sorted(sources.items())))
    print()
    print(f"{'field (now / when held)':<24}" + "".join(f"{form:>16}" for form in forms))
    for name in FIELDS:
        cells = "".join(
            f"{right[form][name] / total[form] * 100:>7.1f}%/{was_right[form][name] / total[form] * 100:>6.1f}%"
            if total[form]
            else f"{'-':>16}"
            for form in forms
        )
        print(f"{name:<24}{cells}")
    print(f"{'examples':<24}" + "".join(f"{total[form]:>16}" for form in forms))
    print(f"{'accepted now':<24}" + "".join(f"{_share(accepted[form], total[form]):>16}" for form in forms))
    print(f"{'… IIN or amount wrong':<24}" + "".join(f"{accepted_wrong[form]:>16}" for form in forms))


def _all_exact(documents: list[CourtDocument], results: list[tuple[Decision, float]], form: str) -> float:
    pairs = [(d, r) for d, r in zip(documents, results) if d.form == form]
    exact = sum(all(r[0].values()[n] == d.truth[n] for n in FIELDS) for d, r in pairs)
    return exact / len(pairs) * 100 if pairs else 0.0


def _share(count: int, total: int) -> str:
    return f"{count} ({count / total * 100:.0f}%)" if total else "-"


if __name__ == "__main__":
    main()

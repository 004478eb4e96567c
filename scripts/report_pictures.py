"""Pictures of a run report for docs/: docs/report-<sheet>.png, the first printed page of the Summary, To do and
Findings sheets, as LibreOffice prints them (the print settings the report sets), rendered with PyMuPDF.

    .venv/bin/python scripts/report_pictures.py REPORT.xlsx    # e.g. the report `make demo` prints

Each sheet is printed on its own: the workbook is copied with only that sheet left in it.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pymupdf
from openpyxl import load_workbook

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from orynda.i18n import texts  # noqa: E402

SHEETS = {"summary": (80, 1.0), "todo": (80, 1.0), "findings": (150, 0.4)}  # dpi, share of the page shown: the
# Findings sheet prints one page wide in small type, so its picture is the top of the page, larger


def main(report: Path, lang: str = "kk", out: Path = ROOT / "docs") -> list[Path]:
    say = texts(lang)
    made = []
    with tempfile.TemporaryDirectory() as tmp:
        for key, (dpi, share) in SHEETS.items():
            book = load_workbook(report)
            keep = say(f"report.sheet.{key}")
            for sheet in [s for s in book.worksheets if s.title != keep]:
                book.remove(sheet)
            single = Path(tmp) / f"{key}.xlsx"
            book.save(single)
            pdf = _to_pdf(single, Path(tmp))
            with pymupdf.open(pdf) as document:
                picture = out / f"report-{key}.png"
                page = document[0]
                clip = pymupdf.Rect(0, 0, page.rect.width, page.rect.height * share)
                page.get_pixmap(dpi=dpi, clip=clip).save(picture)
                made.append(picture)
    return made


def _to_pdf(xlsx: Path, folder: Path) -> Path:
    profile = folder / "profile"
    soffice = shutil.which("soffice") or "soffice"
    command = [soffice, "--headless", f"-env:UserInstallation={profile.as_uri()}", "--convert-to", "pdf"]
    subprocess.run([*command, "--outdir", str(folder), str(xlsx)], check=True, capture_output=True, timeout=300)
    return folder / f"{xlsx.stem}.pdf"


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit("usage: scripts/report_pictures.py REPORT.xlsx [kk|ru]")
    for path in main(Path(sys.argv[1]), *(sys.argv[2:3] or ["kk"])):
        print(path.relative_to(ROOT))

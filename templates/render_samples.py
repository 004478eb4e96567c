"""Pictures of what the suite produces: docs/documents-<kind>.png, the first page of one act of each kind, Kazakh
on the left and Russian on the right, rendered from the PDFs LibreOffice made (PyMuPDF, 72 dpi, grey).

    python templates/render_samples.py       # from the repository root, after templates/build_templates.py

The acts are the worked examples the tests check (tests/documents/examples.py), issued into a throwaway register.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import pymupdf

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from domain.documents import default_office  # noqa: E402
from orynda.database import make_engine  # noqa: E402
from orynda.documents import DocumentRegister, issue  # noqa: E402
from tests.documents.examples import FILER, ON, every_kind  # noqa: E402

DPI = 72
SHOWN = {"notice": "voluntary"}  # of two notices, the one a debtor gets with the opening decision
SHOWN_FINDING = {"property_arrest": "realty_not_arrested"}  # of two property arrests, the real estate's


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        register = DocumentRegister(make_engine(f"sqlite:///{Path(tmp) / 'orynda.db'}"))
        drafts, shown = every_kind(), set()
        for of in {id(of): of for _, of in drafts}.values():
            acts = issue(
                register,
                [d for d, o in drafts if o is of],
                of,
                on=ON,
                office=default_office(),
                bailiff=FILER,
                folder=Path(tmp) / "documents",
                run_id="samples",
                seq=None,
            )
            for act in acts:
                name = act.draft.kind.name
                code = act.draft.finding.code if act.draft.finding else ""
                if (
                    act.draft.purpose == SHOWN.get(name, "")
                    and code == SHOWN_FINDING.get(name, code)
                    and name not in shown
                ):
                    shown.add(name)
                    kk, ru = (Path(str(r.pdf_path)) for r in act.documents)
                    print(picture(kk, ru, ROOT / "docs" / f"documents-{name}.png"))


def picture(left: Path, right: Path, out: Path) -> Path:
    """Both first pages side by side on one grey PNG."""
    with pymupdf.open(left) as kk, pymupdf.open(right) as ru, pymupdf.open() as pair:
        width, height = kk[0].rect.width, kk[0].rect.height
        page = pair.new_page(width=2 * width, height=height)
        page.show_pdf_page(pymupdf.Rect(0, 0, width, height), kk, 0)
        page.show_pdf_page(pymupdf.Rect(width, 0, 2 * width, height), ru, 0)
        page.draw_line((width, 0), (width, height), color=(0.7, 0.7, 0.7))
        page.get_pixmap(dpi=DPI, colorspace=pymupdf.csGRAY).save(str(out))
    return out


if __name__ == "__main__":
    main()

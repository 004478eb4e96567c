"""Templates to files: docxtpl fills a lawyer's Word template into a DOCX; LibreOffice headless renders the PDF.

Each soffice process gets its own user profile (-env:UserInstallation), one per slot, and at most SLOTS conversions
run at once in a process: two soffice processes on one profile collide, and each takes a core for seconds.
"""

from __future__ import annotations

import atexit
import io
import os
import queue
import shutil
import subprocess
import tempfile
import threading
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path

from docx.shared import Mm
from docxtpl import DocxTemplate, InlineImage
from jinja2 import Environment, StrictUndefined

from orynda.documents.office import OFFICE
from orynda.documents.seal import Seal
from orynda.errors import SystemException
from orynda.processes import alive

TEMPLATES = Path(__file__).resolve().parents[2] / "templates" / "documents"
SLOTS = 2
TIMEOUT_S = 180
QR_WIDTH = Mm(24)


class RenderError(SystemException):
    """A template or LibreOffice failed to produce a document (retried as a system fault)."""


def template_path(kind: str, lang: str, folder: Path = TEMPLATES) -> Path:
    path = folder / f"{kind}.{lang}.docx"
    if not path.is_file():
        raise RenderError(f"no template {path}: run templates/build_templates.py or restore it")
    return path


def render_docx(template: Path, fields: Mapping[str, object], seal: Seal, qr: bytes, title: str, author: str) -> bytes:
    """The filled DOCX: every field placed (a missing one is an error, not a blank), the QR image, the seal in the
    core properties (Subject = number, Keywords = content SHA-256) that LibreOffice carries into the PDF."""
    doc = DocxTemplate(str(template))
    context = {**fields, "qr": InlineImage(doc, io.BytesIO(qr), width=QR_WIDTH)}
    try:
        doc.render(context, jinja_env=Environment(undefined=StrictUndefined), autoescape=True)
    except Exception as exc:
        raise RenderError(f"template {template.name}: {exc}") from exc
    props = doc.docx.core_properties
    props.subject, props.keywords, props.identifier = seal.number, seal.content_sha256, seal.number
    props.title, props.author, props.category = title, author, str(fields.get("kind", ""))
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def to_pdf(docx_files: Sequence[Path], outdir: Path) -> list[Path]:
    """PDFs of the DOCX files (same stems) in `outdir`: by the process's resident LibreOffice (orynda/documents/
    office.py), else by one started for them on a profile of its own."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise RenderError("LibreOffice (soffice) is not installed: run scripts/install-system.sh")
    outdir.mkdir(parents=True, exist_ok=True)
    pdfs = [outdir / f"{path.stem}.pdf" for path in docx_files]
    for pdf in pdfs:
        pdf.unlink(missing_ok=True)
    cold = [docx for docx, pdf in zip(docx_files, pdfs) if not OFFICE.convert(docx, pdf)]
    if cold:
        _cold(soffice, cold, outdir)
    missing = [pdf.name for pdf in pdfs if not pdf.is_file() or pdf.stat().st_size == 0]
    if missing:
        raise RenderError(f"LibreOffice made no PDF for {', '.join(missing)}")
    return pdfs


def _cold(soffice: str, docx_files: Sequence[Path], outdir: Path) -> None:
    """A LibreOffice started for these files alone, on a profile no other conversion uses."""
    with _slot() as profile:
        command = [
            soffice,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--norestore",
            "--nologo",
            "--nolockcheck",
            "--convert-to",
            "pdf:writer_pdf_Export",
            "--outdir",
            str(outdir),
            *map(str, docx_files),
        ]
        _run(command)


def _run(command: list[str]) -> None:
    try:
        done = subprocess.run(
            command,
            capture_output=True,
            timeout=TIMEOUT_S,
            start_new_session=True,
            env={**os.environ, "SAL_USE_VCLPLUGIN": "svp"},
        )
    except subprocess.TimeoutExpired as exc:
        raise RenderError(f"LibreOffice did not finish in {TIMEOUT_S} s") from exc
    if done.returncode != 0:
        raise RenderError(f"LibreOffice failed ({done.returncode}): {done.stderr.decode(errors='replace')[-300:]}")


_free: queue.Queue[Path] = queue.Queue()
_made: list[Path] = []
_lock = threading.Lock()


@contextmanager
def _slot() -> Iterator[Path]:
    """A LibreOffice profile folder no other conversion is using; waits while all SLOTS are busy."""
    with _lock:
        if not _made:
            base = Path(tempfile.gettempdir())
            _remove_orphans(base)
            for n in range(SLOTS):
                profile = base / f"orynda-soffice-{os.getuid()}-{os.getpid()}-{n}"
                _made.append(profile)
                _free.put(profile)
            atexit.register(_remove_profiles)
    profile = _free.get()
    try:
        yield profile
    finally:
        _free.put(profile)


def _remove_orphans(base: Path) -> None:
    """Profiles left behind by a process of ours that was killed (atexit never ran for it)."""
    for profile in base.glob(f"orynda-soffice-{os.getuid()}-*-*"):
        pid = profile.name.split("-")[3]
        if pid.isdigit() and not alive(int(pid)):
            shutil.rmtree(profile, ignore_errors=True)


def _remove_profiles() -> None:
    for profile in _made:
        shutil.rmtree(profile, ignore_errors=True)

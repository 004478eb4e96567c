"""Verify: a document's number or its file → authentic and unchanged, or not and why; the same check as
`runner.py verify` (orynda.documents.verify), its reason told in the reader's language."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from app.console import csrf
from app.console.pages.common import kind_title
from app.console.web import desk_of, lang_of, render, session_user, user_of
from orynda.documents.numbering import DocumentRegister
from orynda.documents.verify import Verdict, verify
from orynda.schema import DocumentRecord

MAX_BYTES = 20 * 1024 * 1024

# The verdict's reason (English, for the command line) → the catalogue key that tells it to a person.
REASONS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), key)
    for pattern, key in (
        (r"^authentic and unchanged", "console.verify.reason.ok"),
        (r"^registered with this content", "console.verify.reason.seal_ok"),
        (r"^cannot read the file", "console.verify.reason.unreadable"),
        (r"^neither a PDF nor a DOCX", "console.verify.reason.not_a_document"),
        (r"^number \S+ is another office's", "console.verify.reason.other_office"),
        (r"^number \S+ is not in this register", "console.verify.reason.unknown_number"),
        (r"^no document number can be read", "console.verify.reason.no_number"),
        (r"is numbered but was never sealed", "console.verify.reason.never_sealed"),
        (r"^changed:", "console.verify.reason.changed"),
        (r"seal's content hash differs", "console.verify.reason.seal_differs"),
    )
)


def reason_key(verdict: Verdict) -> str:
    return next((key for pattern, key in REASONS if pattern.search(verdict.reason)), "console.verify.reason.other")


async def verify_page(request: Request) -> Response:
    """The form; with a QR code's number and content hash, their check, open to anyone: a citizen or a bank scans
    the code and reads whether the register issued that content under that number (the debtor is not shown)."""
    number = request.query_params.get("number", "").strip().upper()
    content = request.query_params.get("sha256", "").strip().lower()
    if number and content:
        verdict = by_seal(number, content, desk_of(request).register)
        shown = _shown([(number, verdict)], lang_of(request))
        public = session_user(request) is None
        return render(request, "verify.html", results=shown, number=number, asked=True, public=public)
    user_of(request)
    return render(request, "verify.html", results=None, number="")


def by_seal(number: str, content: str, register: DocumentRegister) -> Verdict:
    """A QR code's number and content hash against the register: issued here with exactly that content, or not."""
    if register.numbers_of_another_office(number) and register.get(number) is None:
        return Verdict(False, f"number {number} is another office's: not in this register")
    versions = register.versions(number) or [r for r in [register.get(number)] if r is not None]
    if not versions:
        return Verdict(False, f"number {number} is not in this register")
    record = next((r for r in versions if r.content_sha256 == content), None)
    if record is None:
        return Verdict(False, f"its seal's content hash differs from the register's for {number}", None)
    return Verdict(True, f"registered with this content: {record.number}", record)


async def check(request: Request) -> Response:
    user_of(request)
    desk = desk_of(request)
    form = await request.form()
    number = str(form.get("number") or "").strip().upper()
    upload = form.get("file")
    results: list[tuple[str, Verdict]] = []
    if isinstance(upload, UploadFile) and upload.filename:
        data = await upload.read(MAX_BYTES + 1)
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "document"
            path.write_bytes(data[:MAX_BYTES])
            results.append((Path(upload.filename).name, verify(path, desk.register)))
    elif number:
        results += by_number(number, desk.register)
    shown = _shown(results, lang_of(request))
    return render(request, "verify.html", results=shown, number=number, asked=bool(number or results))


def _shown(results: list[tuple[str, Verdict]], lang: str) -> list[dict[str, object]]:
    return [
        {
            "what": what,
            "ok": verdict.ok,
            "reason": reason_key(verdict),
            "record": verdict.record,
            "kind": kind_title(verdict.record.kind, lang) if verdict.record else "",
        }
        for what, verdict in results
    ]


def by_number(number: str, register: DocumentRegister) -> list[tuple[str, Verdict]]:
    """A number: its register entry, and each file the register keeps for it checked against its SHA-256."""
    if register.numbers_of_another_office(number) and register.get(number) is None:
        return [(number, Verdict(False, f"number {number} is another office's: not in this register"))]
    record = register.get(number)
    if record is None:
        return [(number, Verdict(False, f"number {number} is not in this register"))]
    files = [Path(p) for p in (record.pdf_path, record.docx_path) if p]
    if not files:
        return [(number, Verdict(False, f"{record.number} is numbered but was never sealed", record))]
    return [(f.name, verify(f, register) if f.is_file() else _missing(record)) for f in files]


def _missing(record: DocumentRecord) -> Verdict:
    return Verdict(False, "cannot read the file: it is no longer where the register keeps it", record)


def routes() -> list[BaseRoute]:
    return [Route("/verify", verify_page), csrf.post("/verify", check)]

"""`runner.py verify FILE`: is a PDF or DOCX a document Orynda issued, unchanged? Exit 0 if so, 1 if not, 2 when
the file or the register cannot be read. The check is against the register in the run store's database; the
verdict is told in the office's language (orynda/texts/calc.yaml, `verify.*`)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.text import Text

from app.cli_options import Home, settings_or_exit, words
from orynda import clock
from orynda.documents.verify import Verdict
from orynda.i18n import Texts
from orynda.wording import act_name

console = Console(highlight=False, soft_wrap=True)

# The verdict's reason (English, for developers) → its catalogue key, with the values the reason names.
REASONS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), key)
    for pattern, key in (
        (r"^cannot read the file", "verify.reason.unreadable"),
        (r"^neither a PDF nor a DOCX", "verify.reason.not_a_document"),
        (r"^number (?P<number>\S+) is another office's", "verify.reason.other_office"),
        (r"^number (?P<number>\S+) is not in this register", "verify.reason.unknown_number"),
        (r"^no document number can be read", "verify.reason.no_number"),
        (r"^(?P<number>\S+) is numbered but was never sealed", "verify.reason.never_sealed"),
        (
            r"^changed: its SHA-256 is (?P<digest>\w+), the register holds (?P<expected>\w+) "
            r"for the (?P<format>\w+) of (?P<number>\S+)$",
            "verify.reason.changed",
        ),
        (r"seal's content hash differs from the register's for (?P<number>\S+)$", "verify.reason.seal_differs"),
    )
)


def register(app: typer.Typer) -> None:
    """Adds `verify` to runner.py."""
    app.command("verify")(verify)


def verify(
    file: Annotated[Path, typer.Argument(help="The document: a .pdf or .docx Orynda issued")], home: Home = None
) -> None:
    """Say whether a document is authentic (numbered in the register) and unchanged (its bytes' SHA-256 matches)."""
    from orynda.documents.numbering import register_for  # the register loads only for this command
    from orynda.documents.verify import verify as check

    settings = settings_or_exit(console, home=home)
    t = words(settings)
    if not file.is_file():
        _say(t("verify.no_file", file=str(file)), "red", code=2)
    database = settings.home / "orynda.db"
    if settings.database_url is None and not database.exists():
        _say(t("verify.no_register", file=str(file), database=str(database)), "red", code=2)
    verdict = check(file, register_for(settings.db_url, settings.retry_database, settings.documents.office_prefix))
    if not verdict.ok:
        _say(t("verify.not_authentic", file=str(file), reason=reason(t, verdict)), "red", code=1)
    record = verdict.record
    assert record is not None
    console.print(Text(t("verify.authentic", file=str(file), number=record.number), style="green"))
    language = t(f"language.{record.language}") if t.has(f"language.{record.language}") else record.language
    line = t("verify.record", kind=act_name(t, record.kind), language=language, day=record.issued_on,
             proceeding=record.proceeding)  # fmt: skip
    console.print(Text(line))
    if record.pdf_path is not None and file.suffix.lower() == ".pdf":
        console.print(Text(signature_line(t, verdict)))


def signature_line(t: Texts, verdict: Verdict) -> str:
    """Who signed the act with their ЭЦП and when, or that it is not signed (not filed yet)."""
    signature = verdict.signature
    if signature is None:
        return t("verify.unsigned")
    if not verdict.signature_ok:
        return t("verify.signature_broken", signer=signature.signer, path=signature.path)
    return t(
        "verify.signed",
        signer=signature.signer,
        day=signature.signed_at.astimezone(clock.ALMATY).date(),
        serial=signature.serial,
        issuer=signature.issuer,
    )


def reason(t: Texts, verdict: Verdict) -> str:
    """Why a document is not verified, in words, with the number and hashes the check found."""
    for pattern, key in REASONS:
        found = pattern.search(verdict.reason)
        if found:
            values: dict[str, Any] = found.groupdict()
            if "format" in values:
                values["format"] = values["format"].upper()
            return t(key, **values)
    return t("verify.reason.other")


def _say(message: str, style: str, *, code: int) -> None:
    console.print(Text(message, style=style))
    raise typer.Exit(code)

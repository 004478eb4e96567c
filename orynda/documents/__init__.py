"""Documents as files: numbered once from the register, rendered from Word templates to DOCX and PDF (LibreOffice),
sealed with a QR code, verified against the register. The pure part (what to write) is domain.documents."""

from orynda.documents.issue import Act, DocumentFileMissing, issue, issue_refusal
from orynda.documents.numbering import DocumentRegister, Subject, register_for
from orynda.documents.render import RenderError
from orynda.documents.verify import Verdict, verify

__all__ = [
    "Act",
    "DocumentFileMissing",
    "DocumentRegister",
    "RenderError",
    "Subject",
    "Verdict",
    "issue",
    "issue_refusal",
    "register_for",
    "verify",
]

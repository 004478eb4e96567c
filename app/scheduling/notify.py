"""The e-mail to supervisors after a scheduled run, in the office's language: the run's figures and its report
attached (within a size cap); the body itself holds no personal data, only counts, sums and paths."""

from __future__ import annotations

import smtplib
from email.message import EmailMessage
from pathlib import Path

from loguru import logger

from app.scheduling.model import Notify
from orynda.clock import ALMATY
from orynda.history import RunFigures
from orynda.i18n import Texts, texts
from orynda.masking import mask_text
from orynda.wording import status_name

XLSX = ("application", "vnd.openxmlformats-officedocument.spreadsheetml.sheet")


def run_message(notify: Notify, entry: str, figures: RunFigures, report: Path, folder: Path, lang: str) -> EmailMessage:
    """Subject with the outcome at a glance; the body has every figure, and the report attached when it fits."""
    t, f = texts(lang), figures
    flow, status = flow_name(t, f.flow), status_name(t, f.status)
    message = _message(
        notify,
        t("email.run.subject", flow=flow, status=status, checked=f.checked, findings=f.findings, failures=f.system),
    )
    attach = report.is_file() and report.stat().st_size <= notify.report_max_mb * 1024 * 1024
    lines = [
        t("email.run.greeting"),
        "",
        t("email.run.intro", entry=entry, flow=flow, status=status),
        t("email.run.run", run=f.run_id),
        t("email.run.started", moment=f.started.astimezone(ALMATY)),
        t("email.run.ended", moment=f.ended.astimezone(ALMATY)) if f.ended else t("email.run.not_ended"),
        "",
        t("email.run.figures"),
        *(
            f"  {line}"
            for line in (
                t("email.run.checked", checked=f.checked, total=f.items),
                t("email.run.findings", count=f.findings),
                t("email.run.money", amount=f.money_found),
                t("email.run.acts_filed", count=f.acts_filed),
                t("email.run.acts_waiting", count=f.acts_waiting),
                t("email.run.business", count=f.business),
                t("email.run.system", count=f.system),
                t("email.run.left", count=f.left),
            )
        ),
        "",
        _report_line(t, notify, report, attach),
        t("email.run.folder", path=folder),
        "",
        t("email.run.footer"),
    ]
    message.set_content("\n".join(lines) + "\n")
    if attach:
        message.add_attachment(report.read_bytes(), maintype=XLSX[0], subtype=XLSX[1], filename=report.name)
    return message


def _report_line(t: Texts, notify: Notify, report: Path, attach: bool) -> str:
    if attach:
        return t("email.run.attached", file=report.name)
    if not report.is_file():
        return t("email.run.no_report", path=report.parent / "log.jsonl")
    return t(
        "email.run.too_large",
        size=_megabytes(report.stat().st_size),
        limit=_megabytes(notify.report_max_mb * 2**20),
        path=report,
    )


def _megabytes(size: float) -> str:
    """A size as people write it in kk and ru: one decimal, a comma."""
    return f"{size / 2**20:.1f}".replace(".", ",")


def flow_name(t: Texts, flow: str) -> str:
    """A flow by the name the console gives it; an unknown one keeps its identifier."""
    return t(f"console.flow.{flow}") if t.has(f"console.flow.{flow}") else flow


def failure_message(
    notify: Notify, entry: str, flow: str, error: str, lang: str, *, busy: bool = False
) -> EmailMessage:
    """A scheduled run that could not start (bad input, flow busy) is news for the supervisor too."""
    t = texts(lang)
    message = _message(notify, t("email.failed.subject", entry=entry, flow=flow_name(t, flow)))
    lines = [
        t("email.run.greeting"),
        "",
        t("email.failed.intro", entry=entry, flow=flow_name(t, flow)),
        t("email.failed.busy") if busy else t("email.failed.error"),
        "",
        t("email.failed.detail", detail=mask_text(error)),
        "",
        t("email.run.footer"),
    ]
    message.set_content("\n".join(lines) + "\n")
    return message


def preflight_message(
    notify: Notify, entry: str, flow: str, missing: list[tuple[str, str, str]], lang: str
) -> EmailMessage:
    """The night did not start because the pre-flight found elements missing: each named by registry, page and
    element, and what a person does next."""
    t = texts(lang)
    message = _message(notify, t("email.preflight.subject", entry=entry, flow=flow_name(t, flow), count=len(missing)))
    lines = [
        t("email.run.greeting"),
        "",
        t("email.preflight.intro", entry=entry, flow=flow_name(t, flow)),
        "",
        *(f"  {t('email.preflight.element', site=t.site(s), page=p, element=e)}" for s, p, e in missing),
        "",
        t("email.preflight.next"),
        "",
        t("email.run.footer"),
    ]
    message.set_content("\n".join(lines) + "\n")
    return message


def send(notify: Notify, message: EmailMessage) -> bool:
    """Sends over SMTP; a mail failure is logged, never allowed to fail the run or stop the scheduler."""
    if not notify.supervisors:
        return False
    try:
        with smtplib.SMTP(notify.smtp_host, notify.smtp_port, timeout=notify.timeout_s) as smtp:
            if notify.starttls:
                smtp.starttls()
            if notify.username and notify.password:
                smtp.login(notify.username, notify.password.get_secret_value())
            smtp.send_message(message)
    except (OSError, smtplib.SMTPException) as exc:
        logger.error(
            "summary e-mail to {} via {}:{} failed: {}",
            ", ".join(notify.supervisors),
            notify.smtp_host,
            notify.smtp_port,
            exc,
        )
        return False
    logger.info("summary e-mail sent to {}", ", ".join(notify.supervisors))
    return True


def _message(notify: Notify, subject: str) -> EmailMessage:
    message = EmailMessage()
    message["From"], message["To"], message["Subject"] = notify.sender, ", ".join(notify.supervisors), subject
    return message

"""The summary e-mail to supervisors after a scheduled run: counts and where the report is, never personal data."""

from __future__ import annotations

import smtplib
from email.message import EmailMessage
from pathlib import Path

from loguru import logger

from app.scheduling.model import Notify
from orynda.masking import mask_text
from orynda.summary import RunSummary


def run_message(notify: Notify, entry: str, summary: RunSummary, report: Path, folder: Path) -> EmailMessage:
    """Subject with the outcome at a glance; the body has every count and the paths to open."""
    s = summary
    message = _message(
        notify,
        f"[Orynda] {entry}: {s.flow} {s.status} — {s.done} done, {s.business + s.system} exceptions, {s.left} left",
    )
    pace = f"{s.items_per_minute} items/min" if s.items_per_minute else "—"
    message.set_content(
        "\n".join(
            [
                f"Schedule entry: {entry}",
                f"Flow:           {s.flow}",
                f"Run:            {s.run_id}",
                f"Status:         {s.status}",
                f"Started:        {s.started:%Y-%m-%d %H:%M}",
                f"Ended:          {s.ended:%Y-%m-%d %H:%M}" if s.ended else "Ended:          —",
                "",
                f"Items:               {s.total}",
                f"Done:                {s.done}",
                f"Business exceptions: {s.business}",
                f"System exceptions:   {s.system}",
                f"Left for next window: {s.left}",
                f"Retries:             {s.retries}",
                f"Pace:                {pace}",
                "",
                f"Report:   {report}",
                f"Log:      {folder / 'log.jsonl'}",
                f"Evidence: {folder / 'evidence'}",
            ]
        )
        + "\n"
    )
    return message


def failure_message(notify: Notify, entry: str, flow: str, error: str) -> EmailMessage:
    """A scheduled run that could not start (bad input, flow busy) is news for the supervisor too."""
    message = _message(notify, f"[Orynda] {entry}: {flow} did not run")
    message.set_content(f"Schedule entry {entry} (flow {flow}) did not run:\n\n{mask_text(error)}\n")
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

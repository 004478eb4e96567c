"""loguru set-up: readable lines on the console, JSON lines in the run's folder, personal data masked in both, every
time in Asia/Almaty like the report and the schedules (a server's own zone is often UTC)."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any

from loguru import logger

from orynda.clock import ALMATY
from orynda.masking import mask_text

CONSOLE_FORMAT = "<green>{time:HH:mm:ss}</green> <level>{level: <7}</level> {extra[scope]}{message}"


def in_almaty(moment: dt.datetime) -> dt.datetime:
    """The moment on Almaty's clock, with a fixed offset: loguru formats the offset, which a ZoneInfo cannot give
    without a date. The result keeps the class of the moment (loguru's own datetime formats `HH:mm:ss`)."""
    local = moment.astimezone(ALMATY)
    return local.replace(tzinfo=dt.timezone(local.utcoffset() or dt.timedelta(0)))


def _patch(record: Any) -> None:
    record["time"] = in_almaty(record["time"])
    record["message"] = mask_text(record["message"])
    record["extra"] = {k: mask_text(v) if isinstance(v, str) else v for k, v in record["extra"].items()}
    record["extra"].setdefault("scope", "")


def _install_patcher() -> None:
    logger.configure(patcher=_patch, extra={"scope": ""})


def configure(console_level: str = "INFO", sink: Any = None) -> None:
    """Console logging for a command; call once at start."""
    logger.remove()
    _install_patcher()
    logger.add(
        sink or sys.stderr,
        level=console_level,
        format=CONSOLE_FORMAT,
        colorize=sink is None,
        backtrace=False,
        diagnose=False,
    )  # diagnose would print local values (IINs) in tracebacks


def add_run_log(folder: Path) -> int:
    """JSON lines for one run, in its folder; returns the sink id to remove at the end. Masking and Almaty time
    apply here too when the caller never configured the console (a scheduler thread, a test)."""
    _install_patcher()
    return logger.add(
        folder / "log.jsonl", level="DEBUG", serialize=True, enqueue=False, backtrace=False, diagnose=False
    )


def remove(sink_id: int) -> None:
    try:
        logger.remove(sink_id)
    except ValueError:
        pass

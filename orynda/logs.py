"""loguru set-up: readable lines on the console, JSON lines in the run's folder, personal data masked in both."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from loguru import logger

from orynda.masking import mask_text

CONSOLE_FORMAT = "<green>{time:HH:mm:ss}</green> <level>{level: <7}</level> {extra[scope]}{message}"


def _mask(record: Any) -> None:
    record["message"] = mask_text(record["message"])
    record["extra"] = {k: mask_text(v) if isinstance(v, str) else v for k, v in record["extra"].items()}
    record["extra"].setdefault("scope", "")


def configure(console_level: str = "INFO", sink: Any = None) -> None:
    """Console logging for a command; call once at start."""
    logger.remove()
    logger.configure(patcher=_mask, extra={"scope": ""})
    logger.add(
        sink or sys.stderr,
        level=console_level,
        format=CONSOLE_FORMAT,
        colorize=sink is None,
        backtrace=False,
        diagnose=False,
    )  # diagnose would print local values (IINs) in tracebacks


def add_run_log(folder: Path) -> int:
    """JSON lines for one run, in its folder; returns the sink id to remove at the end."""
    return logger.add(
        folder / "log.jsonl", level="DEBUG", serialize=True, enqueue=False, backtrace=False, diagnose=False
    )


def remove(sink_id: int) -> None:
    try:
        logger.remove(sink_id)
    except ValueError:
        pass

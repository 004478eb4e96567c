"""Time in Asia/Almaty, injectable so schedule and retry tests run instantly and exactly."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

ALMATY = ZoneInfo("Asia/Almaty")


def now() -> dt.datetime:
    """The current moment, timezone-aware in Asia/Almaty."""
    return dt.datetime.now(ALMATY)


def run_id_for(moment: dt.datetime, suffix: str) -> str:
    """A sortable, readable run id: 20261125-221500-ab12."""
    return f"{moment.astimezone(ALMATY):%Y%m%d-%H%M%S}-{suffix}"

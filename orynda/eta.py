"""How long a run will take: at the pace of the flow's past runs before any item is finished, then at the pace its
first items were measured at, in the office's language (orynda/texts/cli.yaml, cli.eta)."""

from __future__ import annotations

from statistics import median

from sqlalchemy import select

from orynda.i18n import Texts
from orynda.runstore import RunStore
from orynda.schema import Run, RunStatus
from orynda.summary import summarize

PAST_RUNS = 5  # the flow's last finished runs whose pace the first estimate takes


def past_pace(store: RunStore, flow: str, runs: int = PAST_RUNS) -> float | None:
    """Items a minute the flow's last finished runs worked (the median, so one odd night does not skew it)."""
    with store.session() as s:
        finished = list(
            s.scalars(
                select(Run)
                .where(Run.flow == flow, Run.status.in_([RunStatus.DONE, RunStatus.DONE_WITH_FAILURES]))
                .where(Run.ended_at.is_not(None))
                .order_by(Run.started_at.desc())
                .limit(runs)
            )
        )
    paces = [pace for run in finished if (pace := summarize(store, run).items_per_minute)]
    return median(paces) if paces else None


def seconds_left(left: int, per_minute: float) -> float:
    return left / per_minute * 60 if per_minute > 0 else float("inf")


def duration_words(t: Texts, seconds: float) -> str:
    """'2 сағ 05 мин', '12 мин', 'бір минуттан аз': rounded up to the minute, as a person reads an estimate."""
    if seconds == float("inf"):
        return t("cli.progress.estimating")
    if seconds < 60:
        return t("cli.eta.under_a_minute")
    minutes = -(-int(seconds) // 60)
    hours, minutes = divmod(minutes, 60)
    if hours:
        return t("cli.eta.hours_minutes", hours=hours, minutes=f"{minutes:02d}")
    return t("cli.eta.minutes", minutes=minutes)


def pace_words(per_minute: float) -> str:
    """Items a minute as the office writes a number: one decimal, a decimal comma."""
    return f"{per_minute:.1f}".replace(".", ",")


def start_line(t: Texts, total: int, past: float | None) -> str:
    """What the run says before its first item: how long at the pace of its flow's past runs, when there are any."""
    if past is None:
        return t("cli.eta.start_unknown", total=total)
    return t("cli.eta.start_past", total=total, pace=pace_words(past), eta=duration_words(t, seconds_left(total, past)))


def measured_line(t: Texts, done: int, left: int, per_minute: float) -> str:
    """What the run says once its first items are measured."""
    eta = duration_words(t, seconds_left(left, per_minute))
    return t("cli.eta.measured", done=done, pace=pace_words(per_minute), eta=eta)

"""A progress bar for on-demand runs: done / not done / left, items a minute and how long the rest will take, in the
office's language. Before the first items it says how long the run will take at the pace of its flow's past runs;
once MEASURED items are finished, at the pace they were worked at."""

from __future__ import annotations

import time
from types import TracebackType

from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from rich.text import Text

from orynda import eta
from orynda.i18n import Texts, texts
from orynda.schema import ItemState

MEASURED = 10  # items finished before their pace stands for the run's


class RunProgress:
    def __init__(
        self,
        total: int,
        already_finished: int,
        console: Console | None = None,
        *,
        words: Texts | None = None,
        past_pace: float | None = None,
    ) -> None:
        self.done = self.failed = 0
        self.total, self._started = total, time.monotonic()
        self.t, self.past_pace = words or texts("kk"), past_pace
        self._said_measured = False
        self.console = console or Console(stderr=True)
        self._progress = Progress(
            TextColumn("[bold]{task.description}"),
            BarColumn(),
            TextColumn("{task.fields[counts]}"),
            TimeElapsedColumn(),
            console=self.console,
            transient=False,
        )
        self._task = self._progress.add_task(
            "", total=total, completed=already_finished, counts=self._counts(total - already_finished)
        )

    def found(self, total: int) -> None:
        """The run's list is complete once the run started, with `total` items (nightly_check: found in AIS EP; a
        resumed walk had some of them recorded already)."""
        self.total = total
        left = total - int(self._progress.tasks[0].completed)
        self._progress.update(self._task, total=total, counts=self._counts(left))
        self._say(eta.start_line(self.t, left, self.past_pace))

    def advance(self, state: ItemState) -> None:
        if state is ItemState.DONE:
            self.done += 1
        else:
            self.failed += 1
        left = int(self.total - self._progress.tasks[0].completed - 1)
        self._progress.update(self._task, advance=1, counts=self._counts(left))
        worked = self.done + self.failed
        if worked >= MEASURED and not self._said_measured:
            self._said_measured = True
            self._say(eta.measured_line(self.t, worked, left, self.pace() or 0.0))

    def pace(self) -> float | None:
        """Items a minute: as measured once MEASURED items are finished, before that the past runs' pace."""
        worked = self.done + self.failed
        if worked < MEASURED:
            return self.past_pace
        return worked / (max(time.monotonic() - self._started, 1e-6) / 60)

    def _counts(self, left: int) -> str:
        pace = self.pace()
        estimate = (
            self.t(
                "cli.progress.estimate",
                pace=eta.pace_words(pace),
                eta=eta.duration_words(self.t, eta.seconds_left(left, pace)),
            )
            if pace
            else self.t("cli.progress.estimating")
        )
        return self.t("cli.progress.counts", done=self.done, failed=self.failed, left=left, estimate=estimate)

    def _say(self, line: str) -> None:
        self._progress.console.print(Text(line))

    def __enter__(self) -> RunProgress:
        self._progress.start()
        left = self.total - int(self._progress.tasks[0].completed)
        if left > 0:
            self._say(eta.start_line(self.t, left, self.past_pace))
        return self

    def __exit__(self, *exc: type[BaseException] | BaseException | TracebackType | None) -> None:
        self._progress.stop()

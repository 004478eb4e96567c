"""A progress bar for on-demand runs, in the office's language: done, for a person, failed, left, items per minute."""

from __future__ import annotations

import time
from types import TracebackType

from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

from orynda.i18n import Texts
from orynda.schema import ItemState


class RunProgress:
    def __init__(self, total: int, already_finished: int, t: Texts, console: Console | None = None) -> None:
        self.done = self.business = self.failed = 0
        self.total, self._started, self.t = total, time.monotonic(), t
        self._progress = Progress(
            TextColumn("[bold]{task.description}"),
            BarColumn(),
            TextColumn("{task.fields[counts]}"),
            TimeElapsedColumn(),
            console=console or Console(stderr=True),
            transient=False,
        )
        self._task = self._progress.add_task(
            t("cli.progress.items"),
            total=total,
            completed=already_finished,
            counts=self._counts(total - already_finished),
        )

    def found(self, items: int) -> None:
        """Items a flow found on a site once the run started (nightly_check: in AIS EP)."""
        self.total += items
        self._progress.update(self._task, total=self.total, counts=self._counts(self.total))

    def advance(self, state: ItemState) -> None:
        if state is ItemState.DONE:
            self.done += 1
        elif state is ItemState.BUSINESS:
            self.business += 1
        else:
            self.failed += 1
        left = self.total - self._progress.tasks[0].completed - 1
        self._progress.update(self._task, advance=1, counts=self._counts(int(left)))

    def _counts(self, left: int) -> str:
        minutes = max(time.monotonic() - self._started, 1e-6) / 60
        rate = round((self.done + self.business + self.failed) / minutes)
        return self.t(
            "cli.progress.counts", done=self.done, business=self.business, failed=self.failed, left=left, rate=rate
        )

    def __enter__(self) -> RunProgress:
        self._progress.start()
        return self

    def __exit__(self, *exc: type[BaseException] | BaseException | TracebackType | None) -> None:
        self._progress.stop()

"""The progress bar of an on-demand run: done / failed / left, also when the items are found after the start."""

from __future__ import annotations

import io

from rich.console import Console

from orynda.i18n import texts
from orynda.progress import RunProgress
from orynda.schema import ItemState


def shown(bar: RunProgress) -> str:
    return str(bar._progress.tasks[0].fields["counts"])


def test_items_found_on_a_site_after_the_start_count_down_from_what_was_found() -> None:
    with RunProgress(0, 0, texts("kk"), console=Console(file=io.StringIO())) as bar:
        bar.found(3)
        assert "қалды 3" in shown(bar)
        bar.advance(ItemState.DONE)
        bar.advance(ItemState.BUSINESS)
        assert "орындалды 1 · адамның шешімі 1 · қате 0 · қалды 1" in shown(bar)


def test_a_resumed_run_counts_only_what_is_left() -> None:
    with RunProgress(5, 3, texts("ru"), console=Console(file=io.StringIO())) as bar:
        assert "осталось 2" in shown(bar)
        bar.advance(ItemState.SYSTEM)
        assert "ошибки 1 · осталось 1" in shown(bar)

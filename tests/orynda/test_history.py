"""What a run amounted to, from its stored items: how many were checked, how many are a person's case, failed on a
system fault or are left for a later window."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import BaseModel

from orynda.flow import ItemSpec
from orynda.history import run_figures
from orynda.runstore import RunStore
from orynda.schema import ItemState


class Row(BaseModel):
    n: int


@pytest.mark.parametrize(
    ("states", "checked", "business", "system", "left"),
    [
        ([ItemState.DONE, ItemState.DONE], 2, 0, 0, 0),
        (
            [ItemState.DONE, ItemState.BUSINESS, ItemState.SYSTEM, None, None],
            2,
            1,
            1,
            2,
        ),  # a system failure: not checked
        ([None, None, None], 0, 0, 0, 3),
    ],
    ids=["all-done", "mixed-and-paused", "nothing-yet"],
)
def test_the_figures_count_each_outcome(
    tmp_path: Path, states: list[ItemState | None], checked: int, business: int, system: int, left: int
) -> None:
    store = RunStore(f"sqlite:///{tmp_path / 'runs.db'}")
    specs = [ItemSpec(seq=n, key=f"k{n}", payload=Row(n=n)) for n in range(1, len(states) + 1)]
    run = store.create_run("register_check", {}, specs, tmp_path / "runs")
    for item, state in zip(store.items(run.id), states):
        if state is not None:
            store.start_attempt(item.id)
            store.finish_item(item.id, state, result={})
    figures = run_figures(store, run)
    assert (figures.items, figures.checked, figures.business, figures.system, figures.left) == (
        len(states),
        checked,
        business,
        system,
        left,
    )
    assert figures.failures == business + system

"""Retrying a failed item from the console is a real run of that one item (no stub): a new run, the item done."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from app import catalog
from app.console.starting import FlowStarter, RetryOf
from orynda.config import Settings, load_settings
from orynda.runstore import RunStore
from orynda.schema import ItemState
from tests.scheduling import fakeflow


@pytest.fixture
def plain_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Settings:
    for key in [k for k in os.environ if k.startswith("ORYNDA_")]:
        monkeypatch.delenv(key)
    return load_settings(home=tmp_path / "home", workers=1)


def test_a_failed_item_retried_runs_again_as_a_run_of_its_own(
    plain_settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(catalog.FLOWS, fakeflow.FLOW.name, fakeflow.FLOW)
    store = RunStore(plain_settings.db_url)
    first = store.create_run(
        "fake_count", {}, fakeflow.load_items({"items": 2, "delay": 0}, plain_settings), plain_settings.runs_dir
    )
    failed = store.items(first.id)[1]
    store.start_attempt(failed.id)
    store.finish_item(failed.id, ItemState.SYSTEM, code="SiteUnavailable", message="503")

    FlowStarter(plain_settings)._retry("fake_count", RetryOf(first.id, failed.seq))

    [again] = [r for r in store.list_runs() if r.id != first.id]
    [item] = store.items(again.id)
    assert (again.trigger, item.state, item.payload, item.source) == (
        "retry",
        ItemState.DONE,
        failed.payload,
        f"{first.id}#{failed.seq}",
    )

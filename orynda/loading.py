"""Recording a run's list of items as it is read: in batches, each a short transaction of its own, so the database's
write lock is held for milliseconds at a time (the lease's heartbeat and the console write in between), and a load
killed halfway goes on from its last batch when the run is resumed, every row recorded exactly once."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from orynda.flow import Flow, ItemSpec
from orynda.runstore import Payload, RunStore

BATCH = 500  # items per transaction: about 10 ms of writing on SQLite


def load_items(
    store: RunStore,
    run_id: str,
    specs: Iterable[ItemSpec[Any]],
    *,
    batch: int = BATCH,
    on_batch: Callable[[int], None] | None = None,
) -> int:
    """Records the items after those already recorded (a resumed load skips the rows before its last batch), then
    marks the list complete; returns how many items the run has. `specs` come in the order of their rows."""
    after = store.read_so_far(run_id)
    chunk: list[ItemSpec[Any]] = []
    last = after
    for spec in specs:
        if spec.seq <= after:
            continue
        if spec.seq <= last:
            raise ValueError(f"run {run_id}: item {spec.seq} read after item {last}; a list is read in its order")
        last = spec.seq
        chunk.append(spec)
        if len(chunk) >= batch:
            _record(store, run_id, chunk, on_batch)
            chunk = []
    if chunk:
        _record(store, run_id, chunk, on_batch)
    return store.finish_loading(run_id)


def _record(store: RunStore, run_id: str, chunk: list[ItemSpec[Any]], on_batch: Callable[[int], None] | None) -> None:
    store.add_items(run_id, chunk, read=chunk[-1].seq)
    if on_batch:
        on_batch(len(chunk))


class RecordedPages:
    """The Discovery a flow's walk of a site's list records into: each page in one transaction with its number, so a
    retry or a resume reads on after the last page recorded; `finish` then marks the list complete."""

    def __init__(self, store: RunStore, run_id: str, flow: Flow[Any]) -> None:
        self.store, self.run_id, self.flow = store, run_id, flow
        store.open_load(run_id)
        self.pages = store.read_so_far(run_id)

    def record(self, page: int, specs: Sequence[ItemSpec[Any]]) -> None:
        if page <= self.pages:
            return  # recorded before the retry or the kill
        if self.flow.listed is None:
            self.store.add_items(self.run_id, specs, read=page)
        else:
            self.store.record_listed(self.run_id, page, specs, self._merge)
        self.pages = page

    def finish(self, params: dict[str, Any]) -> int:
        """The list is complete: numbered in key order and cut to the flow's limit when the flow says so."""
        listed = self.flow.listed
        if listed is None:
            return self.store.finish_loading(self.run_id)
        return self.store.finish_loading(self.run_id, by_key=True, keep=listed.limit(params))

    def _merge(self, old: Payload, new: Payload) -> Payload:
        assert self.flow.listed is not None
        joined: Any = self.flow.listed.merge(self.flow.payload(old), self.flow.payload(new))
        return dict(joined.model_dump(mode="json"))

"""The engine's retry policy and its stop, without a browser: the browser pool and the worker's slot are stand-ins,
the flow is a script of outcomes, and `sleep` records each wait instead of waiting (as tenacity's own tests do)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest
from loguru import logger
from pydantic import BaseModel

from orynda import engine as engine_module
from orynda.config import RetrySettings, Settings
from orynda.engine import ItemEngine
from orynda.errors import ElementMissing, InvalidInput, RegistriesMissing, SiteTimeout, SiteUnavailable
from orynda.flow import Flow, ItemContext, ItemResult, ItemSpec
from orynda.retrying import async_retrying, retrying
from orynda.runstore import RunStore
from orynda.schema import ItemState, Run

BACKOFF = RetrySettings(attempts=4, initial_s=1, max_s=30, multiplier=2)


class Waits:
    """An injected sleep that only remembers how long it was asked to wait."""

    def __init__(self) -> None:
        self.seconds: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.seconds.append(seconds)


class FakeSlot:
    """What the engine asks of a worker's slot, with no page behind it."""

    def __init__(self, pool: object) -> None:
        self.pool = pool
        self.page: Any = None
        self.context: Any = None
        self.last_used: Any = None
        self.site_pages: dict[str, Any] = {}
        self.items_left = 0

    async def ready(self, sites: tuple[str, ...] = ()) -> None:
        self.items_left -= 1

    async def fresh_trace(self) -> None:
        pass

    async def close(self) -> None:
        pass


@asynccontextmanager
async def no_browser(_settings: object) -> AsyncIterator[object]:
    yield object()


@pytest.fixture(autouse=True)
def without_a_browser(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine_module, "browser_pool", no_browser)
    monkeypatch.setattr(engine_module, "WorkerSlot", FakeSlot)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(home=tmp_path, workers=1, retry=BACKOFF)


@pytest.fixture
def store(settings: Settings) -> RunStore:
    return RunStore(settings.db_url)


@pytest.fixture
def log() -> Iterator[list[str]]:
    lines: list[str] = []
    sink = logger.add(lambda message: lines.append(message.record["message"]), level="INFO")
    yield lines
    logger.remove(sink)


class Numbered(BaseModel):
    n: int


def scripted(outcomes: dict[int, list[BaseException | None]], tried: list[int]) -> Flow:
    """A flow whose item n meets the given outcomes in turn (an exception raised, None a success), then succeeds."""

    async def process(payload: Numbered, context: ItemContext) -> ItemResult:
        n = payload.n
        tried.append(n)
        script = outcomes.get(n, [])
        outcome = script.pop(0) if script else None
        if outcome is not None:
            raise outcome
        return ItemResult(fields={"n": n})

    return Flow(
        name="scripted",
        title="Scripted outcomes (tests only)",
        load_items=lambda p, s: [],
        process=process,
        payload_model=Numbered,
    )


def start(store: RunStore, settings: Settings, items: int) -> Run:
    specs = [ItemSpec(seq=n, key=f"item {n}", payload=Numbered(n=n)) for n in range(1, items + 1)]
    return store.create_run("scripted", {}, specs, settings.runs_dir)


def states(store: RunStore, run: Run) -> list[tuple[int, ItemState, int]]:
    return [(i.seq, ItemState(i.state), i.attempts) for i in store.items(run.id)]


def test_system_faults_are_retried_after_exponential_waits_then_the_item_is_done(
    settings: Settings, store: RunStore, log: list[str]
) -> None:
    waits, tried = Waits(), list[int]()
    faults: list[BaseException | None] = [SiteTimeout("slow"), SiteUnavailable("HTTP 502"), SiteTimeout("slow")]
    run = start(store, settings, 1)
    done = asyncio.run(ItemEngine(settings, store, sleep=waits).run(scripted({1: faults}, tried), run))
    assert done
    assert waits.seconds == [1, 2, 4]
    assert tried == [1, 1, 1, 1]
    assert states(store, run) == [(1, ItemState.DONE, 4)]
    assert [line for line in log if line.startswith("retry")] == [
        "retry 1 after 1.00 s: slow",
        "retry 2 after 2.00 s: HTTP 502",
        "retry 3 after 4.00 s: slow",
    ]


def test_the_wait_stops_growing_at_its_cap(settings: Settings, store: RunStore) -> None:
    capped = settings.model_copy(update={"retry": RetrySettings(attempts=7, initial_s=1, max_s=10, multiplier=3)})
    waits, tried = Waits(), list[int]()
    run = start(store, capped, 1)
    asyncio.run(ItemEngine(capped, store, sleep=waits).run(scripted({1: [SiteTimeout("slow")] * 6}, tried), run))
    assert waits.seconds == [1, 3, 9, 10, 10, 10]


def test_after_the_last_attempt_the_fault_is_the_items_system_outcome(settings: Settings, store: RunStore) -> None:
    waits, tried = Waits(), list[int]()
    run = start(store, settings, 1)
    flow = scripted({1: [SiteTimeout(f"slow {n}") for n in range(1, 6)]}, tried)
    assert asyncio.run(ItemEngine(settings, store, sleep=waits).run(flow, run))
    assert waits.seconds == [1, 2, 4]  # four attempts in all: three waits, none after the last
    assert tried == [1, 1, 1, 1]
    item = store.items(run.id)[0]
    assert (ItemState(item.state), item.attempts, item.error_code, item.error_message) == (
        ItemState.SYSTEM,
        4,
        "SiteTimeout",
        "slow 4",
    )


def test_business_outcomes_and_partial_results_are_never_retried(settings: Settings, store: RunStore) -> None:
    waits, tried = Waits(), list[int]()
    run = start(store, settings, 2)
    outcomes: dict[int, list[BaseException | None]] = {
        1: [InvalidInput("not an IIN")],
        2: [RegistriesMissing("eGov stayed down")],
    }
    assert asyncio.run(ItemEngine(settings, store, sleep=waits).run(scripted(outcomes, tried), run))
    assert waits.seconds == []
    assert tried == [1, 2]
    assert states(store, run) == [(1, ItemState.BUSINESS, 1), (2, ItemState.SYSTEM, 1)]


def test_an_unexpected_error_is_a_system_fault_and_retried(settings: Settings, store: RunStore) -> None:
    waits, tried = Waits(), list[int]()
    run = start(store, settings, 1)
    assert asyncio.run(ItemEngine(settings, store, sleep=waits).run(scripted({1: [KeyError("n")]}, tried), run))
    assert waits.seconds == [1]
    assert states(store, run) == [(1, ItemState.DONE, 2)]


def test_a_stop_requested_takes_no_new_item_and_lets_the_one_in_hand_finish(
    settings: Settings, store: RunStore
) -> None:
    waits, tried = Waits(), list[int]()
    run = start(store, settings, 3)
    engine = ItemEngine(settings, store, sleep=waits)
    flow = scripted({1: [SiteTimeout("slow")]}, tried)

    async def process(payload: Numbered, context: ItemContext) -> ItemResult:
        engine.request_stop()  # Ctrl-C while the first item is in hand, before its retry
        return await flow.process(payload, context)

    finished = asyncio.run(
        engine.run(
            Flow(name="scripted", title="", load_items=flow.load_items, process=process, payload_model=Numbered), run
        )
    )
    assert not finished and engine.interrupted
    assert tried == [1, 1]  # the item in hand still gets its retry
    assert states(store, run) == [(1, ItemState.DONE, 2), (2, ItemState.NEW, 0), (3, ItemState.NEW, 0)]


def test_the_flows_own_stop_takes_no_new_item_and_is_not_an_interruption(settings: Settings, store: RunStore) -> None:
    tried: list[int] = []
    run = start(store, settings, 3)
    engine = ItemEngine(settings, store, sleep=Waits(), stop_when=lambda: len(tried) >= 2)
    assert not asyncio.run(engine.run(scripted({}, tried), run))
    assert not engine.interrupted
    assert [state for _, state, _ in states(store, run)] == [ItemState.DONE, ItemState.DONE, ItemState.NEW]


def test_a_linear_policy_waits_initial_times_the_try_and_a_sync_one_uses_its_own_sleep() -> None:
    slept: list[float] = []
    policy = RetrySettings(attempts=5, initial_s=0.01, max_s=0.03, backoff="linear")
    tries = 0
    with pytest.raises(SiteTimeout):
        for attempt in retrying(policy, sleep=slept.append):
            with attempt:
                tries += 1
                raise SiteTimeout("busy")
    assert tries == 5
    assert slept == pytest.approx([0.01, 0.02, 0.03, 0.03])


def test_a_policy_retries_only_what_its_predicate_names() -> None:
    waits = Waits()

    async def attempts() -> int:
        tries = 0
        with pytest.raises(ValueError):
            async for attempt in async_retrying(BACKOFF, sleep=waits, retried=lambda e: isinstance(e, LookupError)):
                with attempt:
                    tries += 1
                    raise KeyError("x") if tries < 3 else ValueError("y")
        return tries

    assert asyncio.run(attempts()) == 3
    assert waits.seconds == [1, 2]


def _missing() -> ElementMissing:
    return ElementMissing("debtor_register", "search", "iin_input", ("#iin",))


@pytest.mark.parametrize(
    ("faults", "tries", "last"),
    [
        ([_missing] * 4, 2, ElementMissing),  # a changed page: tried again once, not four times
        ([SiteTimeout, _missing, _missing], 2, ElementMissing),  # missing on a retry: not tried again
        ([_missing, SiteTimeout, SiteTimeout, SiteTimeout], 4, SiteTimeout),  # then a slow site: the policy's cap
        ([SiteTimeout] * 4, 4, SiteTimeout),
    ],
)
def test_a_missing_element_is_retried_at_most_once(faults: list[Any], tries: int, last: type[Exception]) -> None:
    made: list[Exception] = []
    with pytest.raises(last):
        for attempt in retrying(RetrySettings(attempts=4, initial_s=0), sleep=lambda _: None):
            with attempt:
                fault = faults[len(made)]
                made.append(fault() if fault is _missing else fault("slow"))
                raise made[-1]
    assert len(made) == tries


def stepping(faults: list[BaseException], calls: list[str]) -> Flow:
    """A flow whose item reads one card through ctx.step: the card meets the faults in turn, then answers."""

    async def read_card() -> str:
        calls.append("card")
        if faults:
            raise faults.pop(0)
        return "card read"

    async def process(payload: Numbered, context: ItemContext) -> ItemResult:
        calls.append("item")
        card = await context.step("aisep", "read proceeding 0001", read_card)
        return ItemResult(fields={"card": card})

    return Flow(
        name="stepping",
        title="A step (tests only)",
        load_items=lambda p, s: [],
        process=process,
        payload_model=Numbered,
    )


def test_a_step_retries_its_own_faults_without_redoing_the_item(settings: Settings, store: RunStore) -> None:
    calls: list[str] = []
    run = start(store, settings, 1)
    flow = stepping([SiteUnavailable("HTTP 503"), SiteTimeout("slow")], calls)
    assert asyncio.run(ItemEngine(settings, store, sleep=Waits()).run(flow, run))
    assert calls == ["item", "card", "card", "card"]  # the item's other work done once
    assert states(store, run) == [(1, ItemState.DONE, 1)]


def test_a_step_that_keeps_failing_names_itself_and_is_not_retried_whole(settings: Settings, store: RunStore) -> None:
    calls: list[str] = []
    run = start(store, settings, 1)
    flow = stepping([SiteUnavailable("HTTP 503") for _ in range(10)], calls)
    asyncio.run(ItemEngine(settings, store, sleep=Waits()).run(flow, run))
    item = store.items(run.id)[0]
    assert calls == ["item"] + ["card"] * 4  # the policy's four tries of the step, one attempt of the item
    assert (ItemState(item.state), item.attempts, item.error_code) == (ItemState.SYSTEM, 1, "SiteUnavailable")
    assert item.error_message == "aisep: read proceeding 0001: HTTP 503 (after 4 attempt(s))"

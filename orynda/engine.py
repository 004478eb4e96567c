"""Processes a run's pending items: workers share one browser, system faults are retried with backoff and
leave evidence, business outcomes are final. Every state change is in the store before the next step."""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import Awaitable, Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

from loguru import logger
from playwright.async_api import Error as PlaywrightError
from tenacity import AsyncRetrying

from domain.iin import is_valid_iin
from orynda import evidence
from orynda.browser import BrowserPool, WorkerSlot, browser_pool
from orynda.config import Settings
from orynda.documents.numbering import DocumentRegister
from orynda.errors import BrowserCrashed, BusinessException, OryndaError, StepFailed, SystemException, is_retried
from orynda.flow import Flow, ItemResult, Lookup
from orynda.loading import RecordedPages
from orynda.masking import mask_text
from orynda.politeness import SiteLimiter
from orynda.retrying import async_retrying
from orynda.review import ReviewQueue
from orynda.runstore import RunStore
from orynda.schema import Item, ItemState, Run, SiteCall
from orynda.site.base import SiteBot, as_system_fault

B = TypeVar("B")
T = TypeVar("T")
Listener = Callable[[ItemState], None]


class ItemEngine:
    """Works a run's pending items: `workers` at once on one browser, each attempt recorded before it starts,
    system faults retried by the configured policy with evidence kept, business outcomes final; a stop request
    lets the items in hand finish and takes no new one."""

    def __init__(
        self,
        settings: Settings,
        store: RunStore,
        *,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        on_item: Listener | None = None,
        on_found: Callable[[int], None] | None = None,
        stop_when: Callable[[], bool] | None = None,
    ) -> None:
        self.settings, self.store, self.sleep = settings, store, sleep
        self.on_item, self.on_found = on_item, on_found
        self._stop_when = stop_when or (lambda: False)
        self._stop_requested = False
        self._limiters: dict[str, SiteLimiter] = {}
        self.review = ReviewQueue(store.engine)
        self._calls: list[SiteCall] = []

    def request_stop(self) -> None:
        """Finish the items in flight, take no new ones (Ctrl-C, SIGTERM, end of the night window)."""
        self._stop_requested = True

    @property
    def interrupted(self) -> bool:
        """Stopped by a person or a signal, not by the flow's own window."""
        return self._stop_requested

    @property
    def stopping(self) -> bool:
        return self._stop_requested or self._stop_when()

    async def run(self, flow: Flow[Any], run: Run) -> bool:
        """Works the run's pending items; True when none is left."""
        self.store.reopen_in_flight(run.id)
        async with browser_pool(self.settings.browser) as pool:
            if flow.discover is not None and not self.store.loaded(run.id):
                found = await self._discover(flow, run, pool)
                if self.on_found:
                    self.on_found(found)  # the whole list, also what an earlier start recorded
            work = PendingWork(self.store, run.id)
            if not work.next_batch():
                return True
            workers = [self._worker(flow, run, work, pool) for _ in range(min(self.settings.workers, work.queued))]
            await asyncio.gather(*workers)
        return not self.store.has_pending(run.id)

    def retrying(self) -> AsyncRetrying:
        """Backoff for system faults as configured; business outcomes and partial results are never retried."""
        return async_retrying(self.settings.retry, sleep=self.sleep)

    async def _discover(self, flow: Flow[Any], run: Run, pool: BrowserPool) -> int:
        """A flow without an input file finds its work items on a site first (nightly_check: AIS EP), each page of
        the site's list recorded as it is read; a retry (or a resume) reads on after the last page recorded."""
        assert flow.discover is not None
        slot = WorkerSlot(pool)
        found = RecordedPages(self.store, run.id, flow)
        try:
            async for attempt in self.retrying():
                with attempt:
                    await slot.ready()
                    await flow.discover(ItemRunContext(self, run, Item(seq=0, id=0), slot), found)
            total = found.finish(dict(run.params or {}))
            logger.info("run {}: {} work items found on {} list page(s)", run.id, total, found.pages)
            return total
        finally:
            self._flush_calls()
            await slot.close()

    async def _worker(self, flow: Flow[Any], run: Run, work: PendingWork, pool: BrowserPool) -> None:
        slot = WorkerSlot(pool)
        try:
            while not self.stopping and (item := work.take()) is not None:
                await self._process(flow, run, item, slot)
        finally:
            await slot.close()

    async def _process(self, flow: Flow[Any], run: Run, item: Item, slot: WorkerSlot) -> None:
        try:
            async for attempt in self.retrying():
                with attempt:
                    result = await self._attempt(flow, run, item, slot)
        except BusinessException as exc:
            answered = ItemResult(list(exc.findings), exc.fields).to_json()
            self._finish(item, ItemState.BUSINESS, answered, exc, evidence=exc.context.get("evidence"))
        except OryndaError as exc:
            partial = ItemResult(
                getattr(exc, "findings", []), getattr(exc, "fields", {}), missing=tuple(getattr(exc, "missing", ()))
            ).to_json()
            self._finish(item, ItemState.SYSTEM, partial, exc, evidence=exc.context.get("evidence"))
        else:
            self._finish(item, ItemState.DONE, result.to_json(), None)

    async def _attempt(self, flow: Flow[Any], run: Run, item: Item, slot: WorkerSlot) -> ItemResult:
        number = self.store.start_attempt(item.id)
        await slot.ready(flow.sites)
        context = ItemRunContext(self, run, item, slot)
        try:
            await slot.fresh_trace()
            result = await flow.process(flow.payload(item.payload), context)
        except BusinessException as exc:
            shown = exc.context.get("evidence")
            self.store.end_attempt(item.id, "business", code=exc.code, message=str(exc), evidence=shown)
            raise
        except (SystemException, PlaywrightError, Exception) as exc:  # anything else is an application fault
            fault = exc if isinstance(exc, OryndaError) else _as_fault(exc)
            folder = evidence.folder_for(Path(run.folder), item.seq, number)
            page = slot.last_used or slot.page
            await evidence.capture(page, slot.context, folder, self.settings.browser.trace, own_iins(item))
            fault.context["evidence"] = str(folder)
            self.store.end_attempt(item.id, "system", code=fault.code, message=str(fault), evidence=str(folder))
            logger.warning("item {} attempt {}: {}", item.seq, number, fault)
            if (
                isinstance(fault, BrowserCrashed)
                or any(p.is_closed() for p in slot.site_pages.values())
                or page is None
                or page.is_closed()
            ):
                slot.items_left = 0
            if fault is exc:
                raise
            raise fault from exc
        finally:
            self._flush_calls()
        self.store.end_attempt(item.id, "done")
        return result

    def _finish(
        self,
        item: Item,
        state: ItemState,
        result: dict[str, Any] | None,
        exc: OryndaError | None,
        evidence: str | None = None,
    ) -> None:
        self.store.finish_item(
            item.id,
            state,
            result=result,
            code=exc.code if exc else None,
            message=str(exc) if exc else None,
            evidence=evidence,
        )
        logger.info("item {} {} {}", item.seq, state.value, mask_text(str(exc)) if exc else "")
        if self.on_item:
            self.on_item(state)

    # --- what items use ----------------------------------------------------------------------------------
    def limiter(self, site: str) -> SiteLimiter:
        if site not in self._limiters:
            conf = self.settings.site(site)
            self._limiters[site] = SiteLimiter(conf.concurrency, conf.rate_per_second)
        return self._limiters[site]

    def record_call(self, run_id: str, seq: int) -> Callable[[str, str, str, int], None]:
        def record(site: str, action: str, outcome: str, ms: int) -> None:
            self._calls.append(SiteCall(run_id=run_id, item_seq=seq, site=site, action=action, outcome=outcome, ms=ms))

        return record

    def _flush_calls(self) -> None:
        calls, self._calls = self._calls, []
        self.store.add_site_calls(calls)


class ItemRunContext:
    """The ItemContext a flow sees for one attempt of one item."""

    def __init__(self, engine: ItemEngine, run: Run, item: Item, slot: WorkerSlot) -> None:
        self.engine, self.run_id, self.seq, self.slot = engine, run.id, item.seq, slot
        self.own_iins = own_iins(item)
        self.settings = engine.settings
        self.params = dict(run.params or {})
        self.run_folder = Path(run.folder)
        self.documents = DocumentRegister(
            engine.store.engine, engine.settings.retry_database, office=engine.settings.documents.office_prefix
        )
        self.review = engine.review

    def bot(self, bot_class: type[B]) -> B:
        assert issubclass(bot_class, SiteBot)
        site = bot_class.site
        return bot_class(
            self.slot.page_for(site),
            self.settings.site(site),
            limiter=self.engine.limiter(site),
            on_call=self.engine.record_call(self.run_id, self.seq),
            sessions=self.slot.pool.sessions,
        )

    async def lookup(self, site: str, call: Callable[[], Awaitable[T]]) -> Lookup[T]:
        """One registry's answer with its own retries; if it stays down, evidence is kept and the item goes on.
        A non-empty answer keeps a screenshot of the page that showed it, as the findings' evidence."""
        folder = self.run_folder / "evidence" / f"item-{self.seq:05d}"
        try:
            async for attempt in self.engine.retrying():
                with attempt:
                    value = await call()
                    shot = await self._screenshot(site, folder / f"{site}.png") if value else None
                    return Lookup(site, value, evidence=str(shot.path) if shot else None, shot=shot)
        except SystemException as exc:
            await evidence.capture(
                self.slot.page_for(site), self.slot.context, folder / site, self.settings.browser.trace, self.own_iins
            )
            logger.warning("item {}: {} unavailable after retries: {}", self.seq, site, exc)
            return Lookup(site, None, error=str(exc), evidence=str(folder / site))
        raise AssertionError("unreachable")  # pragma: no cover

    async def step(self, site: str, name: str, call: Callable[[], Awaitable[T]]) -> T:
        """One exchange with a site that the item cannot do without (read a card, upload, register an action),
        retried on its own system faults by the run's policy, so one 503 does not redo the item's other lookups.
        When it keeps failing the item fails with a message that names the step; a crashed browser is left to the
        item's retry, which gets a fresh page."""
        tries = 0
        try:
            async for attempt in async_retrying(self.settings.retry, sleep=self.engine.sleep, retried=_step_retried):
                with attempt:
                    tries += 1
                    return await call()
        except SystemException as exc:
            if isinstance(exc, BrowserCrashed | StepFailed):
                raise
            raise StepFailed(site, name, exc, tries) from exc
        raise AssertionError("unreachable")  # pragma: no cover

    async def _screenshot(self, site: str, path: Path) -> evidence.Shot | None:
        page = self.slot.page_for(site)
        if page.is_closed():
            return None
        return await evidence.stamped_screenshot(page, path)

    async def keep_page(self, site: str) -> str | None:
        """Keeps what the site's page shows now (a business exception's proof: what the register said) as this
        item's evidence: its screenshot, and its HTML checked for other debtors' IINs; returns the screenshot's path,
        None when the page is gone. The page holds only this item's work: every attempt starts on emptied pages."""
        page = self.slot.page_for(site)
        if page.is_closed():
            return None
        folder = self.run_folder / "evidence" / f"item-{self.seq:05d}" / site
        await evidence.capture(page, None, folder, False, self.own_iins)
        shot = folder / "screenshot.png"
        return str(shot) if shot.exists() else None

    def parties(self, ids: Iterable[str]) -> None:
        """The IINs of the item's own proceedings' parties (a creditor who is a person): its evidence may show them
        unmasked, as the card it read does; every other IIN in its evidence is still masked."""
        self.own_iins |= {i for i in ids if is_valid_iin(i)}

    def keep(self, name: str, content: bytes) -> Path:
        """Keeps a registry's download (a certificate) as evidence of this item."""
        folder = self.run_folder / "evidence" / f"item-{self.seq:05d}" / "downloads"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / Path(name).name
        path.write_bytes(content)
        return path

    async def once(
        self, key: str, kind: str, effect: Callable[[], Awaitable[str]], detail: dict[str, Any] | None = None
    ) -> str | None:
        """Runs a side effect at most once per key across reruns and resumes; returns its reference."""
        store = self.engine.store
        done = store.side_effect(key)
        if done is not None and done.ref is not None:
            return done.ref
        if done is None:
            store.claim_side_effect(key, kind, self.run_id, self.seq, detail)
        ref = await effect()
        store.complete_side_effect(key, ref)
        return ref


class PendingWork:
    """The run's pending items, read from the store a batch at a time as the workers take them (one event loop, so
    no lock): memory stays flat however long the list, and a stop leaves the rest unread."""

    BATCH = 200

    def __init__(self, store: RunStore, run_id: str) -> None:
        self.store, self.run_id = store, run_id
        self._batch: deque[Item] = deque()
        self._last_seq = 0

    @property
    def queued(self) -> int:
        """Items read and not yet taken (at most a batch)."""
        return len(self._batch)

    def next_batch(self) -> bool:
        if not self._batch:
            self._batch.extend(self.store.pending_after(self.run_id, self._last_seq, self.BATCH))
            if self._batch:
                self._last_seq = self._batch[-1].seq
        return bool(self._batch)

    def take(self) -> Item | None:
        return self._batch.popleft() if self.next_batch() else None


def own_iins(item: Item) -> set[str]:
    """The item's own IINs (its key and payload values that are IINs): the only ones its evidence may show."""
    values = [item.key, *(item.payload or {}).values()]
    return {v for v in values if isinstance(v, str) and is_valid_iin(v)}


def _step_retried(exc: BaseException) -> bool:
    return is_retried(exc) and not isinstance(exc, BrowserCrashed)


def _as_fault(exc: BaseException) -> SystemException:
    if isinstance(exc, PlaywrightError):
        return as_system_fault(exc, "browser", "page")
    return SystemException(f"unexpected {type(exc).__name__}: {exc}")

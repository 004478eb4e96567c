"""The progress of an on-demand run in the office's language: done / not done / left, also when the items are found
after the start, and how long the rest will take — at the pace of the flow's past runs before any item, then at the
pace its first items were measured at."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from rich.console import Console

from orynda import eta
from orynda.flow import ItemSpec
from orynda.i18n import texts
from orynda.progress import MEASURED, RunProgress
from orynda.runstore import RunStore
from orynda.schema import Item, ItemState, RunStatus
from tests.orynda.test_loading import debtor, iins


def shown(bar: RunProgress) -> str:
    return str(bar._progress.tasks[0].fields["counts"])


def quiet() -> Console:
    return Console(file=io.StringIO(), width=200)


def said(console: Console) -> str:
    out = console.file
    assert isinstance(out, io.StringIO)
    return out.getvalue()


def test_items_found_on_a_site_after_the_start_count_down_from_what_was_found() -> None:
    with RunProgress(0, 0, console=quiet(), words=texts("ru")) as bar:
        bar.found(3)
        assert "осталось 3" in shown(bar)
        bar.advance(ItemState.DONE)
        bar.advance(ItemState.BUSINESS)
        assert "выполнено 1 · не выполнено 1 · осталось 1" in shown(bar)


def test_a_walk_resumed_with_part_of_its_list_counts_the_whole_list_once() -> None:
    with RunProgress(40, 0, console=quiet(), words=texts("ru")) as bar:  # two pages recorded before the kill
        bar.found(90)
        assert "осталось 90" in shown(bar)


def test_a_resumed_run_counts_only_what_is_left() -> None:
    with RunProgress(5, 3, console=quiet(), words=texts("kk")) as bar:
        assert "қалды 2" in shown(bar)
        bar.advance(ItemState.SYSTEM)
        assert "орындалмады 1 · қалды 1" in shown(bar)


@pytest.mark.parametrize(
    ("lang", "seconds", "words"),
    [
        ("kk", 20, "бір минуттан аз"),
        ("ru", 20, "меньше минуты"),
        ("kk", 61, "2 мин"),  # an estimate is rounded up
        ("ru", 12 * 60, "12 мин"),
        ("kk", 2 * 3600 + 5 * 60, "2 сағ 05 мин"),
        ("ru", 27 * 3600, "27 ч 00 мин"),
    ],
)
def test_a_duration_reads_as_a_person_says_it(lang: str, seconds: float, words: str) -> None:
    assert eta.duration_words(texts(lang), seconds) == words


@pytest.mark.parametrize(
    ("lang", "past", "start"),
    [
        (
            "kk",
            120.0,
            "Өңделетін жазба: 100 000. Өткен іске қосулардың қарқынымен (минутына 120,0 жазба) "
            "шамамен 13 сағ 54 мин алады.",
        ),
        (
            "ru",
            120.0,
            "Записей к обработке: 100 000. При темпе прошлых запусков (120,0 записей в минуту) "
            "это займёт около 13 ч 54 мин.",
        ),
        ("kk", None, "Өңделетін жазба: 100 000. Қанша уақыт алатыны алғашқы жазбалардың қарқынымен есептеледі."),
        ("ru", None, "Записей к обработке: 100 000. Сколько это займёт, будет рассчитано по темпу первых записей."),
    ],
)
def test_a_run_says_up_front_how_long_it_will_take(lang: str, past: float | None, start: str) -> None:
    console = quiet()
    with RunProgress(100_000, 0, console=console, words=texts(lang), past_pace=past) as bar:
        if past:
            assert "13" in shown(bar) and ("сағ" in shown(bar) or "ч" in shown(bar))
        else:
            assert shown(bar).endswith(texts(lang)("cli.progress.estimating"))
    assert " ".join(said(console).split()).startswith(start)


@pytest.mark.parametrize(
    ("lang", "words"), [("kk", "Алғашқы 10 жазбаның қарқынымен"), ("ru", "По темпу первых 10 записей")]
)
def test_the_first_items_measured_give_the_estimate(lang: str, words: str, monkeypatch: pytest.MonkeyPatch) -> None:
    now = [1000.0]
    monkeypatch.setattr("orynda.progress.time.monotonic", lambda: now[0])
    console = quiet()
    with RunProgress(1_210, 0, console=console, words=texts(lang), past_pace=1.0) as bar:
        for _ in range(MEASURED):
            now[0] += 6  # ten items a minute
            bar.advance(ItemState.DONE)
        assert eta.pace_words(10.0) in shown(bar) and bar.pace() == pytest.approx(10.0)
    text = " ".join(said(console).split())
    assert words in text and "10,0" in text  # 1 200 left at 10 a minute: two hours
    assert ("2 сағ 00 мин" if lang == "kk" else "2 ч 00 мин") in text


def test_the_pace_of_past_runs_is_that_of_the_flows_finished_runs(tmp_path: Path) -> None:
    store = RunStore(f"sqlite:///{tmp_path / 'o.db'}")
    keys = iins(40)
    for minutes, status in ((2, RunStatus.DONE), (4, RunStatus.DONE_WITH_FAILURES), (1, RunStatus.INTERRUPTED)):
        rows = [ItemSpec(n, k, debtor(k).payload) for n, k in enumerate(keys[:20], start=1)]
        run = store.create_run("register_check", {}, rows, tmp_path / "runs")
        with store.session() as s:
            s.query(Item).filter(Item.run_id == run.id).update({"state": ItemState.DONE})
            stored = s.get_one(type(run), run.id)
            stored.status, stored.ended_at = status, run.started_at + dt.timedelta(minutes=minutes)
    assert eta.past_pace(store, "register_check") == pytest.approx(7.5)  # 10 and 5 a minute; the interrupted not
    assert eta.past_pace(store, "nightly_check") is None

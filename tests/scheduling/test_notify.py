"""The mail after a scheduled run read as a supervisor reads it: figures, money and dates in the office's language,
the report attached up to the cap, and said where it is when it is larger or missing."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from app.scheduling.model import Notify
from app.scheduling.notify import failure_message, run_message
from orynda.history import RunFigures

FIGURES = RunFigures(
    run_id="20260320-2200-ab12",
    flow="nightly_check",
    status="done_with_failures",
    started=dt.datetime(2026, 3, 20, 17, 0, tzinfo=dt.UTC),  # 22:00 in Almaty
    items=40,
    findings=17,
    money_found=Decimal("1234.5"),
    documents=9,
    acts_filed=5,
    acts_waiting=3,
    failures=4,
    ended=dt.datetime(2026, 3, 21, 0, 35, tzinfo=dt.UTC),
    checked=38,
    business=3,
    system=1,
    left=2,
)

KAZAKH = [
    "«night» кестесі бойынша «Түнгі тексеру (мүлік пен табыс)» процесі орындалды. Күйі: Қателермен аяқталды.",
    "Басталды: 20.03.2026 22:00",
    "Аяқталды: 21.03.2026 05:35",
    "  Тексерілген борышкерлер: 38 (40 ішінен)",
    "  Табылған деректер: 17",
    "  Табылған ақша: 1 234,50 ₸",
    "  АЖ АІЖ-ге жіберілген актілер: 5",
    "  Шешім күтетін актілер: 3",
    "  Адамның шешімі керек жағдайлар: 3",
    "  Қайталаудан кейінгі жүйелік қателер: 1",
    "  Келесі терезеге қалғандары: 2",
]
RUSSIAN = [
    "Процесс «Ночная проверка (имущество и доходы)» по расписанию «night» выполнен. Состояние: Завершён с ошибками.",
    "Начат: 20.03.2026 22:00",
    "Завершён: 21.03.2026 05:35",
    "  Проверено должников: 38 из 40",
    "  Находок: 17",
    "  Найдено денег: 1 234,50 ₸",
    "  Подано актов в АИС ИП: 5",
    "  Актов ждут решения: 3",
    "  Случаев для решения человеком: 3",
    "  Системных ошибок после повторов: 1",
    "  Осталось на следующее окно: 2",
]


def report_of(folder: Path, size: int) -> Path:
    path = folder / "report-20260320-2200-ab12.xlsx"
    path.write_bytes(b"PK" + b"\0" * (size - 2))
    return path


@pytest.mark.parametrize(
    ("lang", "subject", "lines"),
    [
        (
            "kk",
            "[Orynda] Түнгі тексеру (мүлік пен табыс): Қателермен аяқталды — 38 борышкер тексерілді, 17 дерек табылды,"
            " 1 қате",
            KAZAKH,
        ),
        (
            "ru",
            "[Orynda] Ночная проверка (имущество и доходы): Завершён с ошибками — проверено должников: 38, находок: 17,"
            " ошибок: 1",
            RUSSIAN,
        ),
    ],
)
def test_the_figures_read_in_the_office_language(tmp_path: Path, lang: str, subject: str, lines: list[str]) -> None:
    report = report_of(tmp_path, 2048)
    mail = run_message(Notify(), "night", FIGURES, report, tmp_path, lang)
    assert mail["Subject"] == subject
    body = mail.get_body(preferencelist=("plain",))
    assert body is not None
    shown = body.get_content().splitlines()
    assert [line for line in shown if line in lines] == lines
    assert not any(word in line for line in shown for word in ("Items", "Done", "exceptions", "Report"))


@pytest.mark.parametrize(
    ("size", "cap_mb", "attached", "said"),
    [
        (2048, 10.0, True, "Отчёт приложен к письму: report-20260320-2200-ab12.xlsx."),
        (2**20, 1.0, True, "Отчёт приложен к письму: report-20260320-2200-ab12.xlsx."),  # exactly the cap
        (2**20 + 1, 1.0, False, "Отчёт слишком велик для вложения (1,0 МБ при пределе 1,0 МБ). Откройте его здесь: "),
        (3 * 2**20, 0.5, False, "Отчёт слишком велик для вложения (3,0 МБ при пределе 0,5 МБ). Откройте его здесь: "),
        (0, 10.0, False, "Отчёт не записан; смотрите журнал запуска: "),
    ],
    ids=["small", "at-the-cap", "just-over", "over", "missing"],
)
def test_the_report_is_attached_up_to_the_cap_and_else_named(
    tmp_path: Path, size: int, cap_mb: float, attached: bool, said: str
) -> None:
    report = report_of(tmp_path, size) if size else tmp_path / "report-20260320-2200-ab12.xlsx"
    mail = run_message(Notify(report_max_mb=cap_mb), "night", FIGURES, report, tmp_path, "ru")
    files = list(mail.iter_attachments())
    body = mail.get_body(preferencelist=("plain",))
    assert body is not None
    [line] = [line for line in body.get_content().splitlines() if line.startswith(said)]
    if attached:
        [xlsx] = files
        assert xlsx.get_filename() == report.name and xlsx.get_content() == report.read_bytes()
        assert xlsx.get_content_type() == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    else:
        assert files == []
        assert line.endswith(str(report) if size else str(tmp_path / "log.jsonl"))


def test_the_default_cap_is_ten_megabytes() -> None:
    assert Notify().report_max_mb == 10.0


@pytest.mark.parametrize(
    ("lang", "busy", "subject", "why"),
    [
        (
            "kk",
            True,
            "[Orynda] «night»: «Түнгі тексеру (мүлік пен табыс)» процесі іске қосылмады",
            "басқа жерде орындалып жатыр",
        ),
        ("ru", True, "[Orynda] «night»: не запущен процесс «Ночная проверка (имущество и доходы)»", "уже выполняется"),
        ("ru", False, "[Orynda] «night»: не запущен процесс «Ночная проверка (имущество и доходы)»", "администратору"),
    ],
)
def test_a_run_that_did_not_start_is_said_with_its_reason(lang: str, busy: bool, subject: str, why: str) -> None:
    mail = failure_message(Notify(), "night", "nightly_check", "IIN 900101300811 unreadable", lang, busy=busy)
    assert mail["Subject"] == subject
    text = mail.get_content()
    assert why in text and "900101300811" not in text  # the technical detail is masked

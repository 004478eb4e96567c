"""The run report read back with openpyxl: sheets, cell types, formula safety (in Russian, the office's language
here; tests/orynda/test_report_language.py reads every cell in both languages)."""

from decimal import Decimal
from pathlib import Path

from openpyxl import load_workbook

from domain.findings import Finding
from flows.register_check import FLOW, RegisterCheckItem
from orynda.flow import ItemResult, ItemSpec
from orynda.i18n import texts
from orynda.report.data import load
from orynda.report.workbook import write_report
from orynda.runstore import RunStore
from orynda.schema import ItemState, RunStatus

IIN = "061211600012"


def make_run(tmp_path: Path, findings: list[Finding] | None = None) -> tuple[RunStore, str]:
    """Three rows: one done (with `findings`, else one of its own), one failed twice on a system fault, one refused."""
    store = RunStore(f"sqlite:///{tmp_path / 'r.db'}")
    specs = [
        ItemSpec(2, IIN, RegisterCheckItem(iin=IIN)),
        ItemSpec(3, '=HYPERLINK("http://x")', RegisterCheckItem(iin='=HYPERLINK("http://x")')),
        ItemSpec(4, "bad", RegisterCheckItem(iin="bad"), error="list.xlsx row 4: IIN 'bad': must have 12 digits"),
    ]
    run = store.create_run("register_check", {}, specs, tmp_path / "runs")
    first, second = store.pending(run.id)
    store.start_attempt(first.id)
    store.end_attempt(first.id, "done")
    finding = Finding(
        code="amount_matches", message="+7 matches", legal_basis="Law 261-IV art. 36", amount=Decimal("1234.56")
    )
    fields = {
        "name": "-Иванов",
        "expected": Decimal("1234.56"),
        "register_amount": Decimal("1234.56"),
        "proceedings": 2,
        "exit_ban": True,
    }
    store.finish_item(first.id, ItemState.DONE, result=ItemResult(findings or [finding], fields).to_json())
    for n in (1, 2):
        store.start_attempt(second.id)
        store.end_attempt(
            second.id,
            "system",
            code="SiteUnavailable",
            message=f"503 #{n}",
            evidence=str(Path(run.folder) / "evidence" / "item-00003" / f"attempt-{n}"),
        )
    store.finish_item(second.id, ItemState.SYSTEM, code="SiteUnavailable", message="@503")
    store.set_status(run.id, RunStatus.DONE, ended=True)
    return store, run.id


def test_report_sheets_types_and_safety(tmp_path: Path) -> None:
    store, run_id = make_run(tmp_path)
    run = store.get_run(run_id)
    assert run is not None
    path = write_report(load(store, run, FLOW, "ru"))
    book = load_workbook(path)
    todo, trend = texts("ru")("report.sheet.todo"), texts("ru")("report.sheet.trend")
    assert book.sheetnames == ["Итоги", todo, "Записи", "Ошибки и исключения", trend]

    summary = {row[0].value: row[1].value for row in book["Итоги"].iter_rows(min_row=2)}
    assert summary["Номер запуска"] == run_id
    assert (
        summary["Всего записей"],
        summary["Выполнено"],
        summary["Требуют решения человека"],
        summary["Системные ошибки"],
    ) == (3, 1, 1, 1)
    assert summary["Повторы"] == 1
    assert summary["Проверено должников"] == 1  # the refused row was never checked, the failed one not answered
    assert summary["  причина: Неверная строка списка"] == summary["  причина: Реестр недоступен"] == 1

    items = book["Записи"]
    titles = [c.value for c in items[1]]
    assert items.freeze_panes == "A2" and items.auto_filter.ref
    row = dict(zip(titles, items[2]))
    assert row["ИИН / ключ"].value == IIN and row["ИИН / ключ"].data_type == "s"  # leading zero kept, text
    assert row["Ожидаемая сумма, ₸"].value == 1234.56 and row["Ожидаемая сумма, ₸"].number_format == '#,##0.00 "₸"'
    assert row["Должник"].value == "-Иванов" and row["Должник"].data_type == "s"
    assert row["Ограничение на выезд действует"].value == "да"
    assert row["Состояние"].value == "Выполнен"
    formula_row = dict(zip(titles, items[3]))
    assert formula_row["ИИН / ключ"].value.startswith("=") and formula_row["ИИН / ключ"].data_type == "s"
    assert formula_row["Ошибка"].value == "Реестр недоступен"
    technical = formula_row["Технические подробности (для разработчиков)"]
    assert technical.value == "@503" and technical.data_type == "s"
    assert all(c.data_type != "f" for r in items.iter_rows() for c in r)
    assert items.column_dimensions["B"].width >= len(IIN)

    exceptions = list(book["Ошибки и исключения"].iter_rows(min_row=2, values_only=True))
    assert [(r[0], r[2], r[3], r[5], r[6]) for r in exceptions] == [
        (3, "системная ошибка", "Реестр недоступен", 1, "нет"),
        (3, "системная ошибка", "Реестр недоступен", 2, "да"),
        (4, "нужно решение человека", "Неверная строка списка", 0, "да"),
    ]
    assert exceptions[1][7] == "evidence/item-00003/attempt-2"  # shown inside the run folder; the link is absolute
    target = book["Ошибки и исключения"].cell(row=3, column=8).hyperlink.target
    assert target == (Path(run.folder) / "evidence" / "item-00003" / "attempt-2").resolve().as_uri()

"""The calc CLI (app/cli_calc.py) through typer's CliRunner: results and their basis in Kazakh and Russian, dates as
dd.mm.yyyy or ISO, data errors in one line with exit code 2, bad rows, and the Excel sheet."""

import re
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from typer.testing import CliRunner

from app.cli_calc import app
from domain import deadlines
from orynda.i18n import texts

RUN = CliRunner()


def _invoke(*args: str, lang: str = "ru"):  # type: ignore[no-untyped-def]
    return RUN.invoke(app, list(args), env={"COLUMNS": "200", "ORYNDA_LANGUAGE": lang})


@pytest.mark.parametrize(
    ("args", "lang", "shown"),
    [
        pytest.param(
            ["fee", "1000000", "--on", "01.05.2025"],
            "ru",
            ["200 000,00 ₸", r"254,3235", "Оплата деятельности частного судебного исполнителя",
             r"МРП: 3 932,00 ₸ на 01\.05\.2025 — МРП для штрафов, налогов и других платежей",
             r"Предельный размер \(п\. 1 ст\. 118\): 10 000 МРП = 39 320 000,00 ₸; оплата его не превышает"],
            id="art_118_fee_ru_mci_and_cap_not_reached",
        ),
        pytest.param(
            ["fee", "2000000000", "--on", "2025-05-01"],
            "kk",
            ["39 320 000,00 ₸", "Жеке сот орындаушысының қызметіне ақы", "шекті мөлшерге дейін азайтылды",
             "айыппұлдар, салықтар және басқа да төлемдер үшін АЕК"],
            id="art_118_fee_kk_capped_at_10000_mci",
        ),
        pytest.param(["fee", "235920", "--on", "2025-05-01"], "ru", ["58 980,00 ₸"], id="art_118_fee_at_60_mci"),
        pytest.param(
            ["interest", "1000000", "--from", "01.09.2023", "--to", "31.10.2023"],
            "ru",
            ["26 739,73 ₸", r"16,00", r"на день исполнения денежного обязательства, 31\.10\.2023",
             r"фактические дни / 365"],
            id="art_353_single_rate_is_the_default",
        ),
        pytest.param(
            ["interest", "1000000", "--from", "2023-09-01", "--to", "2023-10-31", "--mode", "periods"],
            "kk",
            ["27 260,27 ₸", "17 178,08 ₸", r"16,50", "әр кезеңнің базалық мөлшерлемесі", r"01\.09\.2023"],
            id="art_353_periods_is_an_option",
        ),
        pytest.param(
            ["interest", "1000000", "--from", "01.09.2023", "--to", "31.10.2023", "--rate-on", "01.09.2023",
             "--day-count", "actact"],
            "ru",
            [r"предъявления иска или вынесения решения, 01\.09\.2023, — 16,50 %", "365 или 366"],
            id="art_353_rate_on_filing_and_actact",
        ),
        pytest.param(
            ["deadline", "opening", "20.03.2026"],
            "ru",
            [r"26\.03\.2026", r"п\. 4 ст\. 37 Закона", "3 календарных дня", "редакция от 02.04.2010"],
            id="art_37_deadline_ru",
        ),
        pytest.param(
            ["deadline", "opening", "2026-03-20", "--redaction", "current"],
            "kk",
            [r"30\.03\.2026", "3 жұмыс күні", "қолданыстағы редакция", "ешбір мәтінде оқылмаған"],
            id="art_37_deadline_current_redaction_kk",
        ),
        pytest.param(
            ["restriction", "173000.01", "--on", "02.02.2026"],
            "ru",
            ["173 000,00 ₸", r"Можно установить\s+да", r"превышает 40 МРП \(173 000,00 ₸\)",
             r"МРП: 4 325,00 ₸ на 02\.02\.2026"],
            id="art_33_restriction_over_40_mci",
        ),
        pytest.param(
            ["restriction", "0", "--on", "20.03.2026", "--paid-on", "20.03.2026"],
            "kk",
            [r"Алып тастау міндетті\s+иә", r"26\.03\.2026", "толық төленді"],
            id="art_47_lifting_after_payment",
        ),
    ],
)  # fmt: skip
def test_commands_print_their_result(args: list[str], lang: str, shown: list[str]) -> None:
    result = _invoke(*args, lang=lang)
    assert result.exit_code == 0, result.output
    for pattern in shown:
        assert re.search(pattern, result.output), pattern


@pytest.mark.parametrize(
    ("args", "lang", "message"),
    [
        pytest.param(
            ["fee", "1000", "--on", "01.01.2023"],
            "ru",
            "Ошибка: в таблице domain/data/fees.yaml нет значения «шкала оплаты деятельности частного судебного "
            "исполнителя» на 01.01.2023 (значения есть с 01.07.2023); расчёт не выполнен",
            id="fee_before_the_table_ru",
        ),
        pytest.param(
            ["interest", "1", "--from", "2026-03-01", "--to", "2026-04-01"],
            "kk",
            "Қате: domain/data/base_rate.yaml кестесінде 01.04.2026 күнге «Ұлттық Банктің базалық мөлшерлемесі» "
            "мәні жоқ (09.03.2026 бастап мәндер жоқ); есептеу жүргізілмеді",
            id="interest_after_the_rate_table_kk",
        ),
        pytest.param(
            ["deadline", "opening", "30.12.2026"],
            "ru",
            "Ошибка: в таблице domain/data/holidays.yaml нет календаря на 2027 год (переносы выходных дней, "
            "Курбан айт); срок не рассчитан",
            id="term_into_a_year_without_a_calendar",
        ),
        pytest.param(
            ["interest", "100000", "--from", "01.02.2024", "--to", "01.03.2024"],
            "ru",
            "Ошибка: значение «базовая ставка Национального Банка» на 01.03.2024 в таблице "
            "domain/data/base_rate.yaml не подтверждено источником",
            id="unconfirmed_base_rate_of_2024",
        ),
        pytest.param(
            ["deadline", "no_such", "20.03.2026"], "kk", "«no_such» деген мерзім ережесі жоқ; бары: opening",
            id="unknown_rule",
        ),
        pytest.param(
            ["fee", "1000", "--on", "01.05.2025", "--collected", "2000"], "ru",
            "взысканная сумма (2 000,00 ₸) не может быть больше суммы взыскания (1 000,00 ₸)", id="collected_over",
        ),
        pytest.param(
            ["interest", "1", "--from", "01.09.2023", "--to", "31.10.2023", "--mode", "split"], "ru",
            "--mode: значение «split» не принимается; допустимы: single, periods", id="unknown_mode",
        ),
    ],
)  # fmt: skip
def test_what_cannot_be_calculated_is_one_line_and_exit_2(args: list[str], lang: str, message: str) -> None:
    result = _invoke(*args, lang=lang)
    assert result.exit_code == 2, result.output
    assert message in result.output
    assert result.output.count("\n") == 1 and "Traceback" not in result.output


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        ("kk", "--on: «2025/05/01» — күн емес; кк.аа.жжжж (немесе жжжж-аа-кк) түрінде жазыңыз"),
        ("ru", "--on: «2025/05/01» — не дата; укажите дд.мм.гггг (или гггг-мм-дд)"),
    ],
)
def test_a_bad_date_is_refused_in_words(lang: str, message: str) -> None:
    result = _invoke("fee", "1000", "--on", "2025/05/01", lang=lang)
    assert result.exit_code == 2
    assert message in result.output


def test_both_date_forms_give_the_same_result() -> None:
    typed, iso = _invoke("deadline", "opening", "20.03.2026"), _invoke("deadline", "opening", "2026-03-20")
    assert typed.exit_code == iso.exit_code == 0
    assert typed.output == iso.output


def test_every_deadline_rule_has_its_title_and_article_in_both_languages() -> None:
    for lang in ("kk", "ru"):
        for rule in deadlines.rule_names():
            for part in ("title", "article"):
                assert texts(lang).has(f"calc.rule.{rule}.{part}"), (lang, rule, part)


def test_alimony_from_csv_reports_bad_rows_and_computes_the_rest(tmp_path: Path) -> None:
    incomes = tmp_path / "incomes.csv"
    incomes.write_text(
        "month,income,paid\n2025-01,300000,50000\n2025-02,abc,0\n2025-03,,0\n2025-01,1,1\n", encoding="utf-8"
    )
    sheet = tmp_path / "alimony.xlsx"
    result = _invoke(
        "alimony", "--incomes", str(incomes), "--on", "10.11.2025", "--children", "2", "--xlsx", str(sheet)
    )
    assert result.exit_code == 1
    assert f"{incomes}, строка 3: «abc» — не сумма" in result.output
    assert f"{incomes}, строка 5: месяц 01.2025 уже указан в строке 2" in result.output
    assert "Пропущено строк: 2" in result.output
    assert "193 122,67 ₸" in result.output  # 100 000 − 50 000 + 429 368 / 3 (average wage 2025-Q3)
    assert "средняя зарплата за 3 квартал 2025 г." in result.output
    book = load_workbook(sheet)
    assert book.sheetnames == ["Расчёт", "Обоснование"]
    rows = list(book["Расчёт"].iter_rows(values_only=True))
    assert rows[0] == ("Месяц", "Основание", "База", "Начислено", "Оплачено", "Остаток")
    assert rows[-1][0] == "Итого" and Decimal(str(rows[-1][5])) == Decimal("193122.67")


def test_alimony_in_a_fixed_mci_sum_says_which_mci(tmp_path: Path) -> None:
    incomes = tmp_path / "incomes.csv"
    incomes.write_text("month,income\n2022-06,\n", encoding="utf-8")
    result = _invoke("alimony", "--incomes", str(incomes), "--on", "01.12.2022", "--fixed-mci", "2", lang="kk")
    assert result.exit_code == 0, result.output
    assert "6 126,00 ₸" in result.output  # 2 × 3 063, the MCI for payments, not the benefits MCI 3 180
    assert "тұрақты сома, 2 АЕК" in result.output and "алимент — мемлекеттік жәрдемақы емес" in result.output


def test_alimony_from_pension_contribution_column(tmp_path: Path) -> None:
    incomes = tmp_path / "incomes.csv"
    incomes.write_text("month;income;contribution\n01.2025;;30000\n", encoding="utf-8")
    result = _invoke("alimony", "--incomes", str(incomes), "--on", "2025-11-10", "--children", "1")
    assert result.exit_code == 0, result.output
    assert "75 000,00 ₸" in result.output  # 30 000 / 10 % = 300 000; a quarter


def test_distribute_from_xlsx_with_categories(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    for row in [
        ("creditor", "category", "amount"),
        ("Alice", "alimony", 300000),
        ("Bank", "pledge", 500000),
        ("Broken", "loan", 10),
        ("Other", 5, 1000000),
    ]:
        sheet.append(row)
    claims, out = tmp_path / "claims.xlsx", tmp_path / "distribution.xlsx"
    book.save(claims)
    result = _invoke(
        "distribute", "--claims", str(claims), "--collected", "900000", "--fee", "100000", "--xlsx", str(out),
        lang="kk",
    )  # fmt: skip
    assert result.exit_code == 1
    assert f"{claims}, 4-жол: «loan» деген талап санаты жоқ" in result.output
    calculation = load_workbook(out)["Есептеу"]
    assert calculation.freeze_panes == "A2"
    paid = {row[0]: row[4] for row in calculation.iter_rows(min_row=2, values_only=True)}
    assert paid == {
        "сот орындаушысының қызметіне ақы": 100000,
        "Alice": 300000,
        "Bank": 500000,
        "Other": 0,
        "борышкерге қайтарылады": 0,
        "Барлығы": 900000,
    }
    articles = [row[2] for row in calculation.iter_rows(min_row=2, values_only=True)]
    assert articles[:3] == ["108-баптың 1-тармағы", "111-бап", "112-баптың 2-тармағы"]
    assert calculation["E2"].number_format == '#,##0.00 "₸"'


def test_missing_column_stops_with_the_file_named(tmp_path: Path) -> None:
    claims = tmp_path / "claims.csv"
    claims.write_text("creditor,amount\nA,1\n", encoding="utf-8")
    result = _invoke("distribute", "--claims", str(claims), "--collected", "1")
    assert result.exit_code == 2
    assert f"{claims}: нет столбца (столбцов): queue" in result.output


def test_fee_sheet_has_numbers_not_text(tmp_path: Path) -> None:
    out = tmp_path / "fee.xlsx"
    assert _invoke("fee", "1000000", "--on", "2025-05-01", "--xlsx", str(out), lang="kk").exit_code == 0
    book = load_workbook(out)
    row = next(book["Есептеу"].iter_rows(min_row=2, values_only=True))
    assert Decimal(str(row[5])) == Decimal("200000") and Decimal(str(row[2])) == Decimal("254.3235")
    basis = [row[0] for row in book["Негіздеме"].iter_rows(values_only=True)]
    assert basis[0] == "Есептеудің негізі" and any("АЕК: 3 932,00 ₸" in str(note) for note in basis)

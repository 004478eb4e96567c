"""The calc CLI (app/cli_calc.py) through typer's CliRunner: results, bad rows, and the Excel sheet."""

import re
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from typer.testing import CliRunner

from app.cli_calc import app

RUN = CliRunner()
WIDE = {"COLUMNS": "200"}


def _invoke(*args: str):  # type: ignore[no-untyped-def]
    return RUN.invoke(app, list(args), env=WIDE)


@pytest.mark.parametrize(
    ("args", "shown"),
    [
        pytest.param(
            ["fee", "1000000", "--on", "2025-05-01"], ["200 000,00 ₸", r"254\.3235"], id="art_118_fee_command"
        ),
        pytest.param(["fee", "235920", "--on", "2025-05-01"], ["58 980,00 ₸"], id="art_118_fee_at_60_mci"),
        pytest.param(
            ["interest", "1000000", "--from", "2023-09-01", "--to", "2023-10-31"],
            ["27 260,27 ₸", "17 178,08 ₸", r"16\.50"],
            id="art_353_interest_command",
        ),
        pytest.param(
            ["interest", "1000000", "--from", "2023-09-01", "--to", "2023-10-31", "--mode", "single"],
            ["26 739,73 ₸"],
            id="art_353_interest_single_rate",
        ),
        pytest.param(
            ["deadline", "opening", "2026-03-20"], ["2026-03-26", r"art\. 37 p\.4"], id="art_37_deadline_command"
        ),
        pytest.param(
            ["deadline", "opening", "2026-03-20", "--redaction", "current"],
            ["2026-03-30"],
            id="art_37_deadline_current_redaction",
        ),
        pytest.param(
            ["restriction", "173000.01", "--on", "2026-02-02"],
            ["173 000,00 ₸", r"may impose\s+│ yes"],
            id="art_33_restriction_over_40_mci",
        ),
        pytest.param(
            ["restriction", "0", "--on", "2026-03-20", "--paid-on", "2026-03-20"],
            [r"must lift\s+│ yes", "2026-03-26"],
            id="art_47_lifting_after_payment",
        ),
    ],
)
def test_commands_print_their_result(args: list[str], shown: list[str]) -> None:
    result = _invoke(*args)
    assert result.exit_code == 0, result.output
    for pattern in shown:
        assert re.search(pattern, result.output), pattern


@pytest.mark.parametrize(
    ("args", "message"),
    [
        pytest.param(["deadline", "no_such", "2026-03-20"], "known: opening", id="unknown_rule_exit_2"),
        pytest.param(
            ["fee", "1000", "--on", "2023-01-01"],
            "no value before 01.07.2023 in domain/data/fees.yaml",
            id="fee_before_data",
        ),
        pytest.param(
            ["interest", "1", "--from", "2026-03-01", "--to", "2026-04-01"],
            "base rate: no value from 09.03.2026 in domain/data/base_rate.yaml",
            id="interest_after_rate_data",
        ),
    ],
)
def test_rules_the_domain_cannot_apply_exit_2(args: list[str], message: str) -> None:
    result = _invoke(*args)
    assert result.exit_code == 2
    assert message in result.output


def test_bad_date_is_a_usage_error() -> None:
    result = _invoke("fee", "1000", "--on", "01.05.2025")
    assert result.exit_code == 2
    assert "not a date" in result.output


def test_alimony_from_csv_reports_bad_rows_and_computes_the_rest(tmp_path: Path) -> None:
    incomes = tmp_path / "incomes.csv"
    incomes.write_text(
        "month,income,paid\n2025-01,300000,50000\n2025-02,abc,0\n2025-03,,0\n2025-01,1,1\n", encoding="utf-8"
    )
    sheet = tmp_path / "alimony.xlsx"
    result = _invoke(
        "alimony", "--incomes", str(incomes), "--on", "2025-11-10", "--children", "2", "--xlsx", str(sheet)
    )
    assert result.exit_code == 1
    assert f"{incomes} row 3: not an amount" in result.output
    assert f"{incomes} row 5: month 2025-01 is already in row 2" in result.output
    assert "193 122,67 ₸" in result.output  # 100 000 − 50 000 + 429 368 / 3 (average wage 2025-Q3)
    rows = list(load_workbook(sheet)["Calculation"].iter_rows(values_only=True))
    assert rows[0] == ("month", "basis", "base", "due", "paid", "balance")
    assert Decimal(str(rows[-1][5])) == Decimal("193122.67")


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
        "distribute", "--claims", str(claims), "--collected", "900000", "--fee", "100000", "--xlsx", str(out)
    )
    assert result.exit_code == 1
    assert f"{claims} row 4: unknown claim category 'loan'" in result.output
    calculation = load_workbook(out)["Calculation"]
    assert calculation.freeze_panes == "A2"
    paid = {row[0]: row[4] for row in calculation.iter_rows(min_row=2, values_only=True)}
    assert paid == {"bailiff's fee": 100000, "Alice": 300000, "Bank": 500000, "Other": 0, "debtor": 0, "total": 900000}
    assert calculation["E2"].number_format == '#,##0.00 "₸"'


def test_missing_column_stops_with_the_file_named(tmp_path: Path) -> None:
    claims = tmp_path / "claims.csv"
    claims.write_text("creditor,amount\nA,1\n", encoding="utf-8")
    result = _invoke("distribute", "--claims", str(claims), "--collected", "1")
    assert result.exit_code == 2
    assert "missing column" in result.output


def test_fee_sheet_has_numbers_not_text(tmp_path: Path) -> None:
    out = tmp_path / "fee.xlsx"
    assert _invoke("fee", "1000000", "--on", "2025-05-01", "--xlsx", str(out)).exit_code == 0
    row = next(load_workbook(out)["Calculation"].iter_rows(min_row=2, values_only=True))
    assert Decimal(str(row[5])) == Decimal("200000")

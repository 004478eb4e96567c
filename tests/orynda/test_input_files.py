"""Input files as offices have them: legacy code pages, one column, uncalculated formulas, files that are not what
their name says. Each is read, or named for what it is; a bad cell marks only its row."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from orynda.inputs import Column, InputFileError, read_rows

COLUMNS = [Column("iin", ("ИИН", "IIN")), Column("name", ("ФИО", "Name"), required=False)]
ROWS = [("900101300811", "Иванов Иван"), ("850512400123", "Сәрсенбаева Әйгерім")]


@pytest.mark.parametrize(
    ("encoding", "delimiter"),
    [
        ("utf-8", ";"),
        ("utf-8-sig", ","),
        ("cp1251", ";"),
        ("cp1251", "\t"),
        ("utf-16", ";"),
    ],
    ids=["utf8", "utf8-bom-comma", "cp1251-excel-russian-windows", "cp1251-tab", "utf16"],
)
def test_a_csv_in_any_office_encoding_reads_the_same(tmp_path: Path, encoding: str, delimiter: str) -> None:
    if encoding == "cp1251":  # cp1251 has no Kazakh letters: Excel writes them as '?', the IINs stay
        rows = [(iin, "Иванов Иван") for iin, _ in ROWS]
    else:
        rows = ROWS
    path = tmp_path / "list.csv"
    lines = [f"ИИН{delimiter}ФИО"] + [delimiter.join(row) for row in rows]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    got = read_rows(path, COLUMNS)
    assert [(r.values["iin"], r.values["name"]) for r in got] == rows


def test_a_one_column_csv_is_a_list_of_iins(tmp_path: Path) -> None:
    path = tmp_path / "iins.csv"
    path.write_text("ИИН\n900101300811\n850512400123\n", encoding="utf-8")
    assert [r.values["iin"] for r in read_rows(path, COLUMNS)] == ["900101300811", "850512400123"]


def test_a_formula_without_a_calculated_value_is_a_problem_of_its_row_only(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["ИИН", "ФИО"])
    sheet.append(["900101300811", "Иванов"])
    sheet.append(['=CONCATENATE("8505","12400123")', "Петров"])  # openpyxl saves no cached value
    path = tmp_path / "formula.xlsx"
    book.save(path)
    good, formula = read_rows(path, COLUMNS)
    assert good.problems == {} and good.values["iin"] == "900101300811"
    assert formula.number == 3 and formula.values["iin"] is None
    assert "formula without a calculated value" in formula.problems["iin"]


ENCRYPTED = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64 + "EncryptionInfo".encode("utf-16-le") + b"\0" * 64


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("list.xlsx", b"", "the file is empty"),
        ("list.xlsx", b"   \n", "the file is empty"),
        ("list.xlsx", "ИИН;ФИО\n900101300811;Иванов\n".encode(), "not an Excel file (it is plain text"),
        ("list.xlsx", b"<html><table><tr><td>1</td></tr></table></html>", "not an Excel file (it is a web page"),
        ("list.xlsx", b"%PDF-1.7\n", "not an Excel file (it is a PDF)"),
        ("list.xlsx", ENCRYPTED, "protected by a password"),
        ("list.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 200, "Excel 97–2003 workbook"),
        ("list.csv", "ИИН;ФИО\n".encode(), "a header row but no data rows"),
        ("list.csv", "ИИН;ФИО\n;\n\n".encode(), "a header row but no data rows"),
    ],
    ids=[
        "empty",
        "blank",
        "csv-named-xlsx",
        "html-named-xlsx",
        "pdf-named-xlsx",
        "password",
        "xls",
        "header-only",
        "header-and-blank-rows",
    ],
)
def test_a_file_that_cannot_be_used_is_named_for_what_it_is(
    tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InputFileError) as raised:
        read_rows(path, COLUMNS)
    assert message in str(raised.value) and str(path) in str(raised.value)


def sheet(path: Path, cells: dict[str, object]) -> Path:
    book = Workbook()
    ws = book.active
    assert ws is not None
    for ref, value in cells.items():
        ws[ref] = value
    book.save(path)
    return path


def lines(path: Path, text: str) -> Path:
    path.write_bytes(text.encode("utf-8"))
    return path


@pytest.mark.parametrize(
    ("make", "numbers"),
    [
        pytest.param(
            lambda p: sheet(p / "l.xlsx", {"A1": "ИИН", "A2": "900101300811", "A3": "850512400123"}), [2, 3], id="plain"
        ),
        pytest.param(
            lambda p: sheet(
                p / "l.xlsx", {"A1": "Тізім", "B3": "ИИН", "C3": "ФИО", "B4": "900101300811", "B7": "850512400123"}
            ),
            [4, 7],
            id="xlsx-title-blank-rows-and-a-gap",
        ),
        pytest.param(
            lambda p: sheet(p / "l.xlsx", {"C5": "ИИН", "C6": "900101300811", "D9": "Иванов", "C10": "850512400123"}),
            [6, 9, 10],
            id="xlsx-header-on-row-5",
        ),
        pytest.param(lambda p: lines(p / "l.csv", "ИИН;ФИО\n\n900101300811;А\n\n\n850512400123;Б\n"), [3, 6], id="csv"),
        pytest.param(
            lambda p: lines(p / "l.csv", "Список;\r\n;\r\nИИН;ФИО\r\n900101300811;А\r\n850512400123;Б\r\n"),
            [4, 5],
            id="csv-title-crlf",
        ),
        pytest.param(
            lambda p: lines(p / "l.csv", 'ИИН;ФИО\n900101300811;"Иванов\nИван"\n850512400123;Б\n'),
            [2, 4],
            id="csv-a-cell-over-two-lines",
        ),
    ],
)
def test_each_row_has_the_number_the_supervisor_sees(tmp_path: Path, make: object, numbers: list[int]) -> None:
    path = make(tmp_path)  # type: ignore[operator]
    assert [r.number for r in read_rows(path, COLUMNS)] == numbers


def test_a_header_missing_a_column_below_a_title_is_named(tmp_path: Path) -> None:
    path = sheet(tmp_path / "l.xlsx", {"A1": "Тізім 2026", "A2": "ФИО", "B2": "Сумма", "A3": "Иванов"})
    with pytest.raises(InputFileError, match=r"missing column\(s\): iin \(one of: ИИН, IIN\)\. Found: ФИО, Сумма$"):
        read_rows(path, [Column("iin", ("ИИН", "IIN")), Column("name", ("ФИО",), required=False)])

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from domain.iin import normal_iin
from flows.nightly_check import load_items as nightly_items
from flows.register_check import RegisterCheckItem, load_items
from orynda.config import load_settings
from orynda.errors import ConfigError
from orynda.flow import ItemSpec
from orynda.inputs import InputFileError
from orynda.runstore import RunStore
from orynda.schema import ItemState

GOOD = "900101300811"


def xlsx(path: Path, rows: list[list[object]]) -> Path:
    book = Workbook()
    ws = book.active
    assert ws is not None
    for row in rows:
        ws.append(row)
    book.save(path)
    return path


def items(path: Path) -> list:
    return list(load_items({"input": str(path)}, load_settings()))


def stored(spec: ItemSpec[RegisterCheckItem]) -> dict[str, object]:
    """The payload as the store keeps it."""
    return spec.payload.model_dump(mode="json")


@pytest.mark.parametrize(
    "headers",
    [
        pytest.param(["ИИН", "ФИО", "Сумма", "Номер производства"], id="russian"),
        pytest.param(["ЖСН", "Аты-жөні", "Сомасы", "Іс жүргізу нөмірі"], id="kazakh"),
        pytest.param(["IIN", "Name", "Expected amount", "Proceeding"], id="english"),
        pytest.param([" iin ", "NAME", "amount", "proceeding number"], id="case_and_spaces"),
    ],
)
def test_headers_in_three_languages(tmp_path: Path, headers: list[str]) -> None:
    specs = items(xlsx(tmp_path / "in.xlsx", [headers, [GOOD, "Иванов", 1500.5, "P-1"]]))
    assert [(s.seq, s.key, s.error) for s in specs] == [(2, GOOD, None)]
    assert stored(specs[0]) == {"iin": GOOD, "name": "Иванов", "expected_amount": "1500.50", "proceeding": "P-1"}


def test_bad_rows_name_row_and_field_and_others_go_on(tmp_path: Path) -> None:
    path = xlsx(
        tmp_path / "list.xlsx",
        [
            ["ИИН", "Сумма"],
            [GOOD, 10],
            ["90010130081", 5],
            ["900101300812", 5],
            [None, 7],
            [GOOD, "десять"],
            [None, None],
            ["061211600012", "1 000,50"],
        ],
    )
    specs = items(path)
    assert [s.seq for s in specs] == [2, 3, 4, 5, 6, 8]  # the blank row 7 is no item
    errors = {s.seq: s.error for s in specs}
    assert errors[2] is None and errors[8] is None
    # 11 digits typed as text: an IIN whose leading zero was lost, restored and then checked
    assert errors[3].startswith("list.xlsx row 3: IIN '90010130081' (read as '090010130081'): digits 1–6")
    assert errors[4] == "list.xlsx row 4: IIN '900101300812': check digit is 2, expected 1"
    assert errors[5] is not None and errors[5].startswith("list.xlsx row 5: IIN '': must have 12 digits")
    assert errors[6] == "list.xlsx row 6: expected amount 'десять' is not a number"
    assert stored(specs[-1])["expected_amount"] == "1000.50"


def test_numeric_iin_cell_gets_its_leading_zero_back(tmp_path: Path) -> None:
    specs = items(xlsx(tmp_path / "n.xlsx", [["IIN"], [61211600012]]))
    assert specs[0].key == "061211600012" and specs[0].error is None


def test_csv_with_semicolons_and_bom(tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_text("\ufeffИИН;Сумма\n061211600012;2 500,75\n", encoding="utf-8")
    specs = items(path)
    assert specs[0].key == "061211600012" and Decimal(stored(specs[0])["expected_amount"]) == Decimal("2500.75")


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        pytest.param("missing.xlsx", None, "no such file", id="no_file"),
        pytest.param("list.pdf", b"%PDF", "unsupported file type", id="wrong_type"),
        pytest.param("broken.xlsx", b"not a zip", "not an Excel file", id="unreadable"),
        pytest.param("empty.csv", b"", "no header row", id="empty"),
    ],
)
def test_unusable_file_stops_with_a_clear_message(
    tmp_path: Path, name: str, content: bytes | None, message: str
) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(InputFileError, match=message):
        items(path)


def test_missing_column_is_named(tmp_path: Path) -> None:
    with pytest.raises(InputFileError, match=r"missing column\(s\): iin \(one of: ИИН"):
        items(xlsx(tmp_path / "x.xlsx", [["ФИО", "Сумма"], ["Иванов", 5]]))


@pytest.mark.parametrize(
    ("params", "accepted"),
    [
        ({}, True),
        ({"documents": "file"}, True),
        ({"documents": "draft"}, True),
        ({"documents": "off"}, True),
        ({"documents": "maybe"}, False),
    ],
)
def test_nightly_documents_parameter_is_checked_before_the_run(params: dict[str, str], accepted: bool) -> None:
    if accepted:
        assert nightly_items(params, load_settings()) == []
    else:
        with pytest.raises(ConfigError, match="documents=maybe"):
            nightly_items(params, load_settings())


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("900101300811", GOOD),
        ("900 101 300 811", GOOD),
        ("900101-300811", GOOD),
        ("9001.0130.0811", GOOD),
        ("\u00a0900101300811 ", GOOD),
        ("61211600012", "061211600012"),
        ("ABC", "ABC"),
    ],
    ids=["plain", "spaces", "dash", "dots", "nbsp", "lost-zero", "not-digits"],
)
def test_an_iin_is_read_as_people_type_it(typed: str, read: str) -> None:
    assert normal_iin(typed) == read


def test_a_repeated_row_is_reported_not_checked_twice(tmp_path: Path) -> None:
    path = xlsx(
        tmp_path / "list.xlsx",
        [["ИИН", "Номер производства"], [GOOD, "P-1"], [GOOD, "P-2"], ["900 101 300 811", "P-1"]],
    )
    errors = {s.seq: s.error for s in items(path)}
    assert errors[2] is None and errors[3] is None  # another proceeding of the same debtor is its own row
    assert errors[4] == "list.xlsx row 4: the same debtor and proceeding as row 2"


TITLED = [
    ["Список должников на проверку"],
    [None],
    ["№", "ИИН", "ФИО", "Сумма"],
    [1, GOOD, "Иванов Иван", 1500.5],
    [None, None, None, None],
    [2, "900101300812", "Петров Пётр", "1 000,50"],
    [3, "061211600012", "Сәрсенбаева Әйгерім", "много"],
    [4, GOOD, "Иванов Иван", 99],
]
TITLED_CSV = (
    "Список должников на проверку;;;\n"
    "\n"
    "№;ИИН;ФИО;Сумма\n"
    f"1;{GOOD};Иванов Иван;1500,50\n"
    ";;;\n"
    "2;900101300812;Петров Пётр;1 000,50\n"
    '3;061211600012;"Сәрсенбаева\nӘйгерім";много\n'
    f"4;{GOOD};Иванов Иван;99\n"
)


def titled_csv(path: Path) -> Path:
    path.write_text(TITLED_CSV, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("make", "rows"),
    [
        pytest.param(
            lambda tmp: xlsx(tmp / "list.xlsx", TITLED),
            [
                (4, None, "Иванов Иван", Decimal("1500.50")),
                (6, "check digit", "Петров Пётр", Decimal("1000.50")),
                (7, "'много' is not a number", "Сәрсенбаева Әйгерім", "много"),
                (8, "the same debtor and proceeding as row 4", "Иванов Иван", Decimal("99.00")),
            ],
            id="xlsx-title-above-header",
        ),
        pytest.param(
            lambda tmp: titled_csv(tmp / "list.csv"),
            [
                (4, None, "Иванов Иван", Decimal("1500.50")),
                (6, "check digit", "Петров Пётр", Decimal("1000.50")),
                (7, "'много' is not a number", "Сәрсенбаева\nӘйгерім", "много"),  # a cell over two lines
                (9, "the same debtor and proceeding as row 4", "Иванов Иван", Decimal("99.00")),
            ],
            id="csv-title-above-header",
        ),
    ],
)
def test_rows_keep_the_number_the_supervisor_sees_and_a_bad_row_what_it_gave(
    tmp_path: Path, make: Any, rows: list[tuple[int, str | None, str, object]]
) -> None:
    path = make(tmp_path)
    specs = items(path)
    assert [s.seq for s in specs] == [number for number, *_ in rows]
    for spec, (number, problem, name, amount) in zip(specs, rows):
        assert spec.source == f"{path.name} row {number}"
        if problem is None:
            assert spec.error is None
        else:
            assert spec.error is not None and spec.error.startswith(f"{spec.source}: ") and problem in spec.error
        assert spec.fields == {"name": name, "expected": amount}


def test_a_rejected_row_is_stored_with_what_it_gave(tmp_path: Path) -> None:
    specs = items(xlsx(tmp_path / "list.xlsx", TITLED))
    store = RunStore(f"sqlite:///{tmp_path / 'runs.db'}")
    run = store.create_run("register_check", {}, specs, tmp_path / "runs")
    shown = {i.seq: (i.state, (i.result or {}).get("fields")) for i in store.items(run.id)}
    assert shown == {
        4: (ItemState.NEW, None),  # checked against the register, which fills its fields
        6: (ItemState.BUSINESS, {"name": "Петров Пётр", "expected": "1000.50"}),
        7: (ItemState.BUSINESS, {"name": "Сәрсенбаева Әйгерім", "expected": "много"}),
        8: (ItemState.BUSINESS, {"name": "Иванов Иван", "expected": "99.00"}),
    }

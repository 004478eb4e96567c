"""Reference values by date (republican budget laws; research note §11.1), mid-year changes included."""

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

import pytest

from domain.errors import OutsideData
from domain.mci import mci, mci_amount, min_wage, reference_source, subsistence_minimum


@pytest.mark.parametrize(
    ("on", "value"),
    [
        pytest.param(dt.date(2020, 3, 31), "2651", id="budget_2020_before_revision"),
        pytest.param(dt.date(2020, 4, 1), "2778", id="budget_2020_revision_from_1_april"),
        pytest.param(dt.date(2022, 3, 31), "3063", id="budget_2022_before_1_april"),
        pytest.param(dt.date(2022, 4, 1), "3180", id="budget_2022_mid_year_unverified"),
        pytest.param(dt.date(2024, 12, 31), "3692", id="budget_2024_last_day"),
        pytest.param(dt.date(2025, 1, 1), "3932", id="budget_2025_first_day"),
        pytest.param(dt.date(2026, 6, 1), "4325", id="budget_2026"),
    ],
)
def test_mci_by_date(on: dt.date, value: str) -> None:
    assert mci(on) == Decimal(value)


@pytest.mark.parametrize(
    ("getter", "on", "value"),
    [
        pytest.param(min_wage, dt.date(2023, 5, 1), "70000", id="mzp_2023"),
        pytest.param(min_wage, dt.date(2026, 1, 1), "85000", id="mzp_2026"),
        pytest.param(subsistence_minimum, dt.date(2025, 7, 1), "46228", id="art_95_pm_2025"),
        pytest.param(subsistence_minimum, dt.date(2026, 1, 1), "50851", id="art_95_pm_2026"),
    ],
)
def test_other_reference_values(getter: Callable[[dt.date], Decimal], on: dt.date, value: str) -> None:
    assert getter(on) == Decimal(value)


@pytest.mark.parametrize(
    "call",
    [
        pytest.param(lambda: mci(dt.date(2019, 12, 31)), id="mci_before_data"),
        pytest.param(lambda: mci(dt.date(2027, 1, 1)), id="mci_after_data_not_reused"),
        pytest.param(lambda: subsistence_minimum(dt.date(2021, 6, 1)), id="pm_2021_not_collected"),
    ],
)
def test_outside_the_tables_is_an_error(call: Callable[[], Decimal]) -> None:
    with pytest.raises(OutsideData):
        call()


def test_mci_amount_40_mci_2026_matches_published_threshold() -> None:
    assert mci_amount(40, dt.date(2026, 1, 1)) == Decimal("173000.00")
    assert mci_amount(40, dt.date(2025, 1, 1)) == Decimal("157280.00")


def test_reference_source_names_the_row() -> None:
    assert reference_source("mci", dt.date(2022, 5, 1))[1] == "?"
    assert reference_source("mci", dt.date(2025, 5, 1))[1] == "S"

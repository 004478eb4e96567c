"""Reference values by date (republican budget laws; domain/data/reference_values.yaml names each act and address)."""

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

import pytest

from domain.errors import OutsideData
from domain.mci import mci, mci_amount, mci_used, min_wage, reference_source, subsistence_minimum

D = dt.date


@pytest.mark.parametrize(
    ("on", "purpose", "value"),
    [
        pytest.param(D(2015, 1, 1), "payments", "1982", id="law_259_V_2015_first_day"),
        pytest.param(D(2015, 12, 31), "payments", "1982", id="law_259_V_2015_last_day"),
        pytest.param(D(2016, 1, 1), "payments", "2121", id="law_426_V_2016_first_day"),
        pytest.param(D(2016, 12, 31), "payments", "2121", id="law_426_V_2016_last_day"),
        pytest.param(D(2017, 1, 1), "payments", "2269", id="budget_2017_first_day"),
        pytest.param(D(2017, 12, 31), "benefits", "2269", id="budget_2017_last_day"),
        pytest.param(D(2018, 1, 1), "payments", "2405", id="budget_2018_first_day_tengrinews"),
        pytest.param(D(2018, 12, 31), "benefits", "2405", id="budget_2018_last_day"),
        pytest.param(D(2019, 1, 1), "payments", "2525", id="law_197_VI_2019_first_day"),
        pytest.param(D(2019, 6, 1), "payments", "2525", id="law_197_VI_2019"),
        pytest.param(D(2020, 3, 31), "payments", "2651", id="law_276_VI_2020_day_before_revision"),
        pytest.param(D(2020, 4, 1), "payments", "2778", id="decree_299_2020_revision_from_1_april"),
        pytest.param(D(2020, 4, 1), "benefits", "2778", id="decree_299_2020_same_for_benefits"),
        pytest.param(D(2021, 7, 1), "payments", "2917", id="budget_2021"),
        pytest.param(D(2022, 3, 31), "benefits", "3063", id="budget_2022_benefits_day_before_1_april"),
        pytest.param(D(2022, 4, 1), "benefits", "3180", id="egov_2022_benefits_mci_from_1_april"),
        pytest.param(D(2022, 4, 1), "payments", "3063", id="egov_2022_fines_taxes_payments_unchanged"),
        pytest.param(D(2022, 12, 31), "payments", "3063", id="egov_2022_payments_last_day"),
        pytest.param(D(2023, 1, 1), "benefits", "3450", id="egov_2023_one_mci_again"),
        pytest.param(D(2024, 12, 31), "payments", "3692", id="budget_2024_last_day"),
        pytest.param(D(2025, 1, 1), "payments", "3932", id="budget_2025_first_day"),
        pytest.param(D(2026, 6, 1), "payments", "4325", id="budget_2026"),
    ],
)
def test_mci_by_date_and_purpose(on: dt.date, purpose: str, value: str) -> None:
    assert mci(on, purpose) == Decimal(value)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("getter", "on", "value"),
    [
        pytest.param(min_wage, D(2015, 6, 1), "21364", id="mzp_2015"),
        pytest.param(min_wage, D(2017, 6, 1), "24459", id="mzp_2017"),
        pytest.param(min_wage, D(2018, 6, 1), "28284", id="mzp_2018"),
        pytest.param(min_wage, D(2021, 12, 31), "42500", id="mzp_2021_last_day"),
        pytest.param(min_wage, D(2022, 1, 1), "60000", id="mzp_2022_first_day"),
        pytest.param(min_wage, D(2023, 5, 1), "70000", id="mzp_2023"),
        pytest.param(min_wage, D(2026, 1, 1), "85000", id="mzp_2026"),
        pytest.param(subsistence_minimum, D(2016, 1, 1), "22859", id="pm_2016"),
        pytest.param(subsistence_minimum, D(2019, 1, 1), "29698", id="pm_2019"),
        pytest.param(subsistence_minimum, D(2020, 3, 31), "31183", id="pm_2020_before_revision"),
        pytest.param(subsistence_minimum, D(2020, 4, 1), "32668", id="pm_2020_from_1_april"),
        pytest.param(subsistence_minimum, D(2021, 6, 1), "34302", id="pm_2021"),
        pytest.param(subsistence_minimum, D(2022, 3, 31), "36018", id="pm_2022_before_1_april"),
        pytest.param(subsistence_minimum, D(2022, 4, 1), "37389", id="pm_2022_from_1_april"),
        pytest.param(subsistence_minimum, D(2024, 7, 1), "43407", id="pm_2024"),
        pytest.param(subsistence_minimum, D(2025, 7, 1), "46228", id="pm_2025"),
        pytest.param(subsistence_minimum, D(2026, 1, 1), "50851", id="pm_2026"),
    ],
)
def test_other_reference_values(getter: Callable[[dt.date], Decimal], on: dt.date, value: str) -> None:
    assert getter(on) == Decimal(value)


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        pytest.param(
            lambda: mci(D(2014, 12, 31)),
            OutsideData,
            "no value before 01.01.2015 in domain/data/reference_values.yaml",
            id="mci_before_data",
        ),
        pytest.param(
            lambda: mci(D(2027, 1, 1)),
            OutsideData,
            "no value from 01.01.2027 in domain/data/reference_values.yaml",
            id="mci_after_data_not_reused",
        ),
        pytest.param(
            lambda: subsistence_minimum(D(2014, 6, 1)),
            OutsideData,
            "subsistence minimum: no value before 01.01.2015",
            id="pm_before_data",
        ),
    ],
)
def test_outside_the_table_is_refused_naming_the_file_and_date(call, error: type, message: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(error, match=message.replace(".", r"\.")):
        call()


def test_mci_amount_40_mci_matches_published_thresholds() -> None:
    assert mci_amount(40, D(2026, 1, 1)) == Decimal("173000.00")  # lada.kz 19.10.2025: 2026 > 173 000
    assert mci_amount(40, D(2025, 1, 1)) == Decimal("157280.00")  # lada.kz 19.10.2025: 2025 > 157 280


def test_mci_used_says_which_mci_and_why() -> None:
    used = mci_used(D(2022, 6, 1), "payments", "a threshold, not a benefit")
    assert (used.value, used.purpose, used.why) == (Decimal("3063"), "payments", "a threshold, not a benefit")
    assert "egov.kz" in used.source


def test_reference_source_names_the_row() -> None:
    assert reference_source("mci", D(2025, 5, 1))[1] == "S"
    assert "16news.kz" in reference_source("subsistence_minimum", D(2020, 5, 1))[0]


# The act each value comes from, number and date as read (cis-legislation.com, base.spinform.ru, ealegislation.com;
# the address of each is in the row's `act`).
@pytest.mark.parametrize(
    ("on", "purpose", "act"),
    [
        pytest.param(D(2017, 6, 1), "payments", "Law 29.11.2016 No. 25-VI", id="budget_law_2017_2019"),
        pytest.param(D(2018, 6, 1), "payments", "Law 30.11.2017 No. 113-VI", id="budget_law_2018_2020"),
        pytest.param(D(2021, 6, 1), "payments", "Law 02.12.2020 No. 379-VI", id="budget_law_2021_2023"),
        pytest.param(D(2022, 4, 1), "payments", "Law 02.12.2021 No. 77-VII", id="budget_law_2022_2024_payments"),
        pytest.param(D(2022, 3, 31), "benefits", "Law 02.12.2021 No. 77-VII", id="budget_law_2022_benefits_before"),
        pytest.param(D(2022, 4, 1), "benefits", "Law 12.05.2022 No. 121-VII", id="amending_law_2022_benefits_from_1_4"),
        pytest.param(D(2023, 6, 1), "payments", "Law 01.12.2022 No. 163-VII", id="budget_law_2023_2025"),
        pytest.param(D(2024, 6, 1), "payments", "Law 05.12.2023", id="budget_law_2024_2026"),
        pytest.param(D(2025, 6, 1), "payments", "Law 04.12.2024 No. 141-VIII", id="budget_law_2025_2027"),
    ],
)
def test_each_mci_names_the_budget_law_it_comes_from(on: dt.date, purpose: str, act: str) -> None:
    assert mci_used(on, purpose, "").act.startswith(act)  # type: ignore[arg-type]

"""Deadlines of Law 261-IV (arts. 33, 37–39, 47, 120) counted by CC arts. 173–175."""

import datetime as dt
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from domain.calendar import add_months, is_working_day
from domain.deadlines import (
    Deadline,
    deadline,
    execution_deadline,
    exit_ban_earliest,
    opening_deadline,
    refusal_deadline,
    restriction_lift_deadline,
    rule_names,
    voluntary_execution_deadline,
)
from domain.errors import OutsideData, UnknownRule

D = dt.date


@pytest.mark.parametrize(
    ("call", "due", "confidence"),
    [
        pytest.param(lambda: opening_deadline(D(2026, 3, 16)), D(2026, 3, 19), "C-old", id="art_37_p4_opening_3_days"),
        pytest.param(
            lambda: opening_deadline(D(2026, 3, 20)),
            D(2026, 3, 26),
            "C-old",
            id="art_37_p4_opening_3_days_ending_in_nauryz_moves_cc_175",
        ),
        pytest.param(
            lambda: opening_deadline(D(2026, 3, 20), "current"),
            D(2026, 3, 30),
            "M",
            id="art_37_p4_opening_3_working_days_current_redaction",
        ),
        pytest.param(
            lambda: voluntary_execution_deadline(D(2026, 2, 2)),
            D(2026, 2, 9),
            "C-old",
            id="art_37_p4_voluntary_5_calendar_days_saturday_moves",
        ),
        pytest.param(
            lambda: voluntary_execution_deadline(D(2026, 2, 2), "current"),
            D(2026, 2, 9),
            "M",
            id="art_37_p4_voluntary_5_working_days_current_redaction",
        ),
        pytest.param(
            lambda: refusal_deadline(D(2026, 12, 14)),
            D(2026, 12, 17),
            "C-old",
            id="art_38_p1_refusal_3_days_over_independence_day",
        ),
        pytest.param(
            lambda: execution_deadline(D(2025, 12, 31)),
            D(2026, 3, 2),
            "S",
            id="art_39_two_months_end_of_february_cc_174_then_cc_175",
        ),
        pytest.param(
            lambda: execution_deadline(D(2026, 1, 15), complex_case=True),
            D(2026, 5, 15),
            "S",
            id="art_39_four_months_with_sale_or_search",
        ),
        pytest.param(
            lambda: deadline("fee_appeal", D(2026, 4, 24)),
            D(2026, 5, 4),
            "C-old",
            id="art_120_fee_appeal_10_days_sunday_and_1_may",
        ),
        pytest.param(
            lambda: restriction_lift_deadline(D(2026, 3, 20)),
            D(2026, 3, 26),
            "?",
            id="art_47_p2_lift_proxy_one_day_unknown_rule",
        ),
    ],
)
def test_named_deadlines(call: Callable[[], Deadline], due: dt.date, confidence: str) -> None:
    result = call()
    assert result.due == due
    assert result.confidence == confidence
    assert result.article.startswith("art.")


def test_exit_ban_waits_5_working_days_after_warning() -> None:
    assert exit_ban_earliest(D(2026, 1, 5)) == D(2026, 1, 14)  # 7 Jan is a holiday


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        pytest.param(D(2026, 1, 31), 1, D(2026, 2, 28), id="cc_174_month_without_that_date_ends_last_day"),
        pytest.param(D(2024, 1, 31), 1, D(2024, 2, 29), id="cc_174_leap_february"),
        pytest.param(D(2026, 11, 15), 2, D(2027, 1, 15), id="cc_174_across_year"),
        pytest.param(D(2026, 3, 31), -36, D(2023, 3, 31), id="cc_174_three_years_back"),
    ],
)
def test_add_months(day: dt.date, months: int, expected: dt.date) -> None:
    assert add_months(day, months) == expected


def test_a_deadline_in_a_year_without_a_calendar_is_refused_naming_the_file() -> None:
    assert opening_deadline(D(2026, 6, 1)).calendar_verified is True
    with pytest.raises(OutsideData, match=r"no government calendar for 2027 in domain/data/holidays\.yaml"):
        opening_deadline(D(2026, 12, 30))
    with pytest.raises(OutsideData, match=r"no government calendar for 2014"):
        voluntary_execution_deadline(D(2014, 3, 1))


def test_a_deadline_in_2018_follows_that_years_decree() -> None:
    """03.05.2018 + 5 days is Tue 8 May, a day off by the 2018 decree, then Victory Day: the term ends on 10 May."""
    term = voluntary_execution_deadline(D(2018, 5, 3))
    assert (term.due, term.calendar_verified) == (D(2018, 5, 10), True)


@pytest.mark.parametrize(
    ("rule", "redaction"),
    [pytest.param("no_such_rule", None, id="unknown_rule"), pytest.param("refusal", "current", id="unknown_redaction")],
)
def test_unknown_rule_or_redaction_is_an_error(rule: str, redaction: str | None) -> None:
    with pytest.raises(UnknownRule):
        deadline(rule, D(2026, 1, 5), redaction)


@settings(deadline=None)
@given(st.sampled_from(rule_names()), st.dates(D(2022, 1, 1), D(2026, 8, 31)))
def test_a_deadline_always_falls_on_a_working_day(rule: str, start: dt.date) -> None:
    result = deadline(rule, start)
    assert is_working_day(result.due)
    assert result.due > start

"""TIMEX3 values as day intervals: parsing, overlap, containment, truncation."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storyline.story import dates


@pytest.mark.parametrize(
    ("value", "start", "end", "granularity"),
    [
        ("2022-03-02", date(2022, 3, 2), date(2022, 3, 2), "day"),
        ("2022-03-02T14:30", date(2022, 3, 2), date(2022, 3, 2), "day"),
        ("2022-03", date(2022, 3, 1), date(2022, 3, 31), "month"),
        ("2024-02", date(2024, 2, 1), date(2024, 2, 29), "month"),
        ("2022-W09", date(2022, 2, 28), date(2022, 3, 6), "week"),
        ("2022-Q1", date(2022, 1, 1), date(2022, 3, 31), "quarter"),
        ("2022-WI", date(2022, 12, 1), date(2023, 2, 28), "quarter"),
        ("2022", date(2022, 1, 1), date(2022, 12, 31), "year"),
    ],
)
def test_parse_gives_interval_and_granularity(value, start, end, granularity):
    interval = dates.parse(value)
    assert interval is not None
    assert (interval.start, interval.end, interval.granularity) == (start, end, granularity)


@pytest.mark.parametrize(
    "value", ["PAST_REF", "FUTURE_REF", "P3D", "XXXX-10", "", None, "2022-02-30"]
)
def test_non_dates_parse_to_none(value):
    assert dates.parse(value) is None
    assert not dates.compatible(value, "2022")


def test_month_is_compatible_with_a_day_in_it_not_outside():
    assert dates.compatible("2022-03", "2022-03-02")
    assert dates.compatible("2022-W09", "2022-03")  # the week straddles February and March
    assert not dates.compatible("2022-03", "2022-02-24")
    assert not dates.compatible("2022-10", "2023-05")


def test_contains_is_directional():
    assert dates.contains("2022-03", "2022-03-02")
    assert not dates.contains("2022-03-02", "2022-03")
    assert not dates.contains("2022-W09", "2022-03")


def test_truncate_and_gap():
    assert dates.truncate("2022-03-02", "month") == "2022-03"
    assert dates.truncate("2022-03-02", "week") == "2022-W09"
    assert dates.truncate("2022-03", "day") == "2022-03"
    assert dates.gap_days("2022-03-02", "2022-03-05") == 3
    assert dates.gap_days("2022-03", "2022-03-05") == 0
    assert dates.day_value("2025-03-14T20:30:26Z") == "2025-03-14"


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
def test_a_day_lies_in_its_own_week_month_quarter_and_year(day):
    value = day.isoformat()
    for granularity in ("week", "month", "quarter", "year"):
        coarse = dates.truncate(value, granularity)  # type: ignore[arg-type]
        assert dates.contains(coarse, value), (coarse, value)
        assert dates.granularity(coarse) == granularity


@given(
    st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)),
    st.integers(min_value=0, max_value=400),
)
def test_compatible_is_symmetric_and_matches_gap(day, delta):
    a, b = day.isoformat(), (day + timedelta(days=delta)).isoformat()
    assert dates.compatible(a, b) == dates.compatible(b, a) == (delta == 0)
    assert dates.gap_days(a, b) == delta

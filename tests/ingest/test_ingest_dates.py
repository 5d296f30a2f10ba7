from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storyline.ingest import parse_date


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2022-10-28", "2022-10-28"),
        ("  2022-10-28 ", "2022-10-28"),
        ("2025-03-14 20:30:26Z", "2025-03-14T20:30:26Z"),  # VOA's form
        ("2025-03-14T20:30:26.123456+00:00", "2025-03-14T20:30:26Z"),
        ("2022-10-28T01:30:00+07:00", "2022-10-28T01:30:00"),  # local day kept
        ("2022-10-28T10:00:00", "2022-10-28T10:00:00"),
        ("Fri, 14 Mar 2025 20:30:26 GMT", "2025-03-14T20:30:26Z"),
        ("March 14, 2025", "2025-03-14"),
        ("14 Mar 2025", "2025-03-14"),
        ("2025/03/14", "2025-03-14"),
        (date(2022, 3, 3), "2022-03-03"),
        (datetime(2022, 3, 3, 9, 0, tzinfo=UTC), "2022-03-03T09:00:00Z"),
        (None, None),
        ("", None),
    ],
)
def test_parse_date_normalizes_to_iso(value: object, expected: str | None) -> None:
    assert parse_date(value) == expected


@pytest.mark.parametrize(
    "value",
    [
        "2023-02-30",
        "2022-13-01",
        "2022-10-28T25:00:00",
        "2023-05",
        "2023",
        "next week",
        "0999-01-01",
        12,
        3.5,
        ["2022-10-28"],
        {"date": "2022-10-28"},
    ],
)
def test_parse_date_rejects_impossible_and_non_dates(value: object) -> None:
    with pytest.raises(ValueError, match=r"\S"):
        parse_date(value)


@given(st.dates(min_value=date(1000, 1, 1)))
def test_parse_date_round_trips_iso_dates(day: date) -> None:
    assert parse_date(day.isoformat()) == day.isoformat()
    assert parse_date(parse_date(day.isoformat())) == day.isoformat()


@given(st.datetimes(min_value=datetime(1000, 1, 1)), st.integers(-12, 14))
def test_parse_date_keeps_the_local_day(moment: datetime, hours: int) -> None:
    aware = moment.replace(tzinfo=timezone(timedelta(hours=hours)))
    result = parse_date(aware.isoformat())
    assert result is not None
    assert result.startswith(moment.date().isoformat())
    assert result.endswith("Z") == (hours == 0)
    assert parse_date(result) == result

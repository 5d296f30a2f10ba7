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
        ("2022-10-28T01:30:00+07:00", "2022-10-28T01:30:00+07:00"),  # local day and offset kept
        ("2022-10-27T20:30:00-04:00", "2022-10-27T20:30:00-04:00"),
        ("Thu, 27 Oct 2022 20:30:00 -0400", "2022-10-27T20:30:00-04:00"),
        ("2022-10-28T01:30:00+05:30", "2022-10-28T01:30:00+05:30"),
        ("2999-12-31", "2999-12-31"),
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
        "9999-12-31",  # the story steps compute weeks and years around a date: not near 9999
        "3000-01-01",
        "9999-12-31T23:59:59Z",
        "Fri, 31 Dec 9999 23:59:59 GMT",
        "December 31, 9999",
        12,
        3.5,
        ["2022-10-28"],
        {"date": "2022-10-28"},
    ],
)
def test_parse_date_rejects_impossible_and_non_dates(value: object) -> None:
    with pytest.raises(ValueError, match=r"\S"):
        parse_date(value)


@given(st.dates(min_value=date(1000, 1, 1), max_value=date(2999, 12, 31)))
def test_parse_date_round_trips_iso_dates(day: date) -> None:
    assert parse_date(day.isoformat()) == day.isoformat()
    assert parse_date(parse_date(day.isoformat())) == day.isoformat()


@given(st.dates().filter(lambda d: not 1000 <= d.year <= 2999))
def test_parse_date_refuses_years_the_calendar_cannot_compute_around(day: date) -> None:
    with pytest.raises(ValueError, match="not a plausible publication date"):
        parse_date(day.isoformat())
    with pytest.raises(ValueError, match="not a plausible publication date"):
        parse_date(day)


@given(
    st.datetimes(min_value=datetime(1000, 1, 1), max_value=datetime(2999, 12, 31, 23, 59)),
    st.integers(-12 * 4, 14 * 4),
)
def test_parse_date_keeps_the_local_day_and_the_offset(moment: datetime, quarters: int) -> None:
    offset = timedelta(minutes=15 * quarters)
    aware = moment.replace(tzinfo=timezone(offset))
    result = parse_date(aware.isoformat())
    assert result is not None
    assert result.startswith(moment.date().isoformat())
    assert result.endswith("Z") == (quarters == 0)
    assert parse_date(result) == result
    # The moment itself is kept: the same instant as the input, to the second.
    back = datetime.fromisoformat(result.replace("Z", "+00:00"))
    assert back == aware.replace(microsecond=0)

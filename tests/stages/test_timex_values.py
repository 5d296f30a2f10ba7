"""Calendar arithmetic and TIMEX3 values of the timex stage: unit cases and property tests."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.stages.timex import find_timexes_in_text, normalize
from storyline.stages.timex_values import (
    add_months,
    date_of_value,
    easter,
    is_valid_value,
    parse_anchor,
    weekday_near,
    year_of_month,
)

anchors = st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2080, 12, 31))
MONTH_NAMES = [dt.date(2000, m, 1).strftime("%B") for m in range(1, 13)]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2022-03", ("month", dt.date(2022, 3, 1), dt.date(2022, 3, 31))),
        ("2022-03-02", ("day", dt.date(2022, 3, 2), dt.date(2022, 3, 2))),
        ("2022-W09", ("week", dt.date(2022, 2, 28), dt.date(2022, 3, 6))),
        ("1998-W8", ("week", dt.date(1998, 2, 16), dt.date(1998, 2, 22))),
        ("2022-Q1", ("quarter", dt.date(2022, 1, 1), dt.date(2022, 3, 31))),
        ("2022-H2", ("half", dt.date(2022, 7, 1), dt.date(2022, 12, 31))),
        ("2022-WI", ("season", dt.date(2022, 12, 1), dt.date(2023, 2, 28))),
        ("2022", ("year", dt.date(2022, 1, 1), dt.date(2022, 12, 31))),
        ("199", ("decade", dt.date(1990, 1, 1), dt.date(1999, 12, 31))),
        ("19", ("century", dt.date(1900, 1, 1), dt.date(1999, 12, 31))),
        ("2022-03-03TNI", ("day", dt.date(2022, 3, 3), dt.date(2022, 3, 3))),
        ("P3D", None),
        ("PAST_REF", None),
        ("2022-02-30", None),
    ],
)
def test_date_of_value(value: str, expected: object) -> None:
    assert date_of_value(value) == expected


def test_a_month_contains_its_days() -> None:
    month = date_of_value("2022-03")
    day = date_of_value("2022-03-02")
    assert month is not None and day is not None
    assert month[1] <= day[1] and day[2] <= month[2]


@pytest.mark.parametrize(
    "value",
    [
        "2022-10-27",
        "2023-05",
        "2022-W09",
        "2022-Q1",
        "2022-10-27T14:00",
        "P3D",
        "PT24H",
        "XXXX-XX-XX",
        "PRESENT_REF",
        "PAST_REF",
        "FUTURE_REF",
        "2022-03-03TNI",
        "PXY",
        "P1E",
        "199",
        "2022-SU",
        "XXXX-WXX-2",
    ],
)
def test_valid_values(value: str) -> None:
    assert is_valid_value(value)


@pytest.mark.parametrize("value", ["", "2022-13-01x", "P", "yesterday", "2022-W9-X", "T14:00"])
def test_invalid_values(value: str) -> None:
    assert not is_valid_value(value)


def test_parse_anchor() -> None:
    assert parse_anchor("2022-10-28") == dt.date(2022, 10, 28)
    assert parse_anchor("2022-10-28T14:05:00+07:00") == dt.date(2022, 10, 28)
    assert parse_anchor("2022-10-28T14:05:00Z") == dt.date(2022, 10, 28)
    assert parse_anchor("last week") is None
    assert parse_anchor(None) is None


def test_easter() -> None:
    assert easter(2024) == dt.date(2024, 3, 31)
    assert easter(2000) == dt.date(2000, 4, 23)


def test_add_months_clamps() -> None:
    assert add_months(dt.date(2022, 1, 31), 1) == dt.date(2022, 2, 28)
    assert add_months(dt.date(2022, 12, 15), 1) == dt.date(2023, 1, 15)
    assert add_months(dt.date(2022, 3, 15), -15) == dt.date(2020, 12, 15)


@settings(max_examples=200, deadline=None)
@given(anchor=anchors, weekday=st.integers(0, 6))
def test_weekday_near(anchor: dt.date, weekday: int) -> None:
    past = weekday_near(anchor, weekday, "past")
    future = weekday_near(anchor, weekday, "future")
    near = weekday_near(anchor, weekday, None)
    assert past.weekday() == future.weekday() == near.weekday() == weekday
    assert 0 <= (anchor - past).days < 7
    assert 0 <= (future - anchor).days < 7
    assert near in (past, future)
    # without a tense only tomorrow lies ahead: news reports the past
    assert near == (future if (future - anchor).days == 1 else past)


@settings(max_examples=200, deadline=None)
@given(anchor=anchors, month=st.integers(1, 12))
def test_month_year_follows_tense(anchor: dt.date, month: int) -> None:
    past = year_of_month(anchor, month, None, "past")
    future = year_of_month(anchor, month, None, "future")
    assert dt.date(past, month, 1) <= anchor.replace(day=1)
    assert dt.date(future, month, 1) >= anchor.replace(day=1)
    assert abs(year_of_month(anchor, month, None, None) - anchor.year) <= 1


@settings(max_examples=150, deadline=None)
@given(
    anchor=anchors,
    other=anchors,
    day=st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2099, 12, 31)),
)
def test_absolute_dates_ignore_the_anchor(anchor: dt.date, other: dt.date, day: dt.date) -> None:
    text = f"{MONTH_NAMES[day.month - 1]} {day.day}, {day.year}"
    assert normalize(text, anchor) == normalize(text, other) == ("DATE", day.isoformat(), None)


@settings(max_examples=150, deadline=None)
@given(anchor=anchors)
def test_yesterday_today_tomorrow(anchor: dt.date) -> None:
    one = dt.timedelta(days=1)
    assert normalize("yesterday", anchor) == ("DATE", (anchor - one).isoformat(), None)
    assert normalize("today", anchor) == ("DATE", anchor.isoformat(), None)
    assert normalize("tomorrow", anchor) == ("DATE", (anchor + one).isoformat(), None)


@settings(max_examples=100, deadline=None)
@given(anchor=anchors)
def test_last_and_next_week_are_iso_weeks_around_the_anchor(anchor: dt.date) -> None:
    last = normalize("last week", anchor)
    nxt = normalize("next week", anchor)
    assert last is not None and nxt is not None
    last_span = date_of_value(last[1])
    next_span = date_of_value(nxt[1])
    assert last_span is not None and next_span is not None
    assert last_span[1] <= anchor - dt.timedelta(days=7) <= last_span[2]
    assert next_span[1] <= anchor + dt.timedelta(days=7) <= next_span[2]


SAMPLE = (
    "On Thursday the minister said that last week, two days ago and on March 3 talks failed; "
    "they will resume next month, in the third quarter or in 1999, for three years, every day, "
    "at 3 p.m. Friday, late May, earlier this year, the 1990s, the past two months and now."
)


@settings(max_examples=100, deadline=None)
@given(anchor=st.one_of(st.none(), anchors))
def test_every_value_is_well_formed(anchor: dt.date | None) -> None:
    found = find_timexes_in_text(SAMPLE, anchor)
    assert len(found) >= 14
    for timex in found:
        assert is_valid_value(timex.value), timex
        assert SAMPLE[timex.start : timex.end] == timex.text
    starts = [t.start for t in found]
    assert starts == sorted(starts)
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))


@settings(max_examples=200, deadline=None)
@given(
    anchor=anchors,
    month=st.integers(1, 12),
    day=st.integers(1, 28),
    tense=st.sampled_from(["past", "future", "present", None]),
)
def test_a_day_of_the_month_follows_the_tense_within_nine_months(
    anchor: dt.date, month: int, day: int, tense: str | None
) -> None:
    date = dt.date(year_of_month(anchor, month, day, tense), month, day)  # type: ignore[arg-type]
    distance = (date - anchor).days
    if tense in ("past", "future"):
        assert abs(distance) <= 270
        past = distance <= 0 if tense == "past" else distance >= 0
        # the tense wins unless its occurrence is more than nine months away
        assert past or abs(distance) <= 184
    else:
        assert abs(distance) <= 184

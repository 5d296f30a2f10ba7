"""TIMEX3 values as day intervals: parsing, overlap, containment, truncation."""

from __future__ import annotations

import functools
from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from seed_events import seed_documents, seed_events, seed_quotes

from storyline.records import Document, Event, EventDate, Quote
from storyline.story import dates
from storyline.story.events import merge_events
from storyline.story.stories import group_stories
from storyline.story.timeline import story_timelines


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


# --- extreme dates: no value makes the date functions or the story steps raise --------------------

_GRANULARITIES = ("day", "week", "month", "quarter", "year")
_EDGE_YEARS = st.sampled_from([1, 2, 999, 1000, 2999, 9998, 9999]) | st.integers(0, 9999)


@st.composite
def timex_values(draw: st.DrawFn) -> str:
    """TIMEX3 date values of every form, years 0000 to 9999, real or not."""
    year = f"{draw(_EDGE_YEARS):04d}"
    tail = draw(
        st.sampled_from(["", "-01", "-12", "-01-01", "-12-31", "-02-29", "-Q1", "-Q4"])
        | st.sampled_from(["-H1", "-H2", "-SP", "-SU", "-FA", "-WI", "-W01", "-W52", "-W53"])
        | st.sampled_from(["-W52-WE", "-W53-WE", "-W01-WE", "-12-31T23:59", "X"])
    )
    return year[:3] + "X" if tail == "X" else year + tail


@pytest.mark.parametrize(
    ("value", "start", "end"),
    [
        ("9999-W52", date(9999, 12, 27), date.max),  # Monday to Sunday would end in year 10000
        ("9999-W52-WE", date.max, date.max),
        ("9999-WI", date(9999, 12, 1), date.max),
        ("0001-W01", date.min, date(1, 1, 7)),
    ],
)
def test_intervals_at_the_ends_of_the_calendar_stop_there(value, start, end):
    interval = dates.parse(value)
    assert interval is not None
    assert (interval.start, interval.end) == (start, end)


@given(timex_values(), timex_values())
def test_no_date_value_makes_the_date_functions_raise(a, b):
    interval = dates.parse(a)
    assert interval is None or interval.start <= interval.end
    for granularity in _GRANULARITIES:
        coarse = dates.truncate(a, granularity)  # type: ignore[arg-type]
        if interval is not None and interval.granularity == "day":
            # (a week or a winter can straddle the month or year it is truncated to)
            assert dates.contains(coarse, a), (coarse, a)
    assert dates.compatible(a, b) == dates.compatible(b, a)
    gap = dates.gap_days(a, b)
    assert gap is None or gap >= 0
    dates.sort_key(a)
    dates.granularity(a)
    assert dates.day_value(a) in (None, a[:10])


@given(st.dates(min_value=date.min, max_value=date.max))
def test_every_day_of_the_calendar_lies_in_its_week_month_quarter_and_year(day):
    value = day.isoformat()
    for granularity in ("week", "month", "quarter", "year"):
        coarse = dates.truncate(value, granularity)  # type: ignore[arg-type]
        assert dates.contains(coarse, value), (coarse, value)
        assert dates.granularity(coarse) == granularity


@functools.cache
def _seeds() -> tuple[list[Document], list[Event], list[Quote]]:
    docs = seed_documents()
    return list(docs.values()), seed_events(docs), seed_quotes(docs)


_PUBLISHED = st.none() | st.dates(min_value=date.min, max_value=date.max).map(date.isoformat)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(_PUBLISHED, min_size=3, max_size=3),
    st.lists(timex_values(), min_size=1),
    st.lists(timex_values(), min_size=1),
)
def test_the_story_steps_never_overflow_on_any_stored_date(published, event_dates, quote_dates):
    """Whatever dates a database holds (an article of 9999-12-31 stored by an older version, a
    timex at the end of the calendar), the story rebuild goes through."""
    docs, events, quotes = _seeds()
    docs = [replace(d, published=p) for d, p in zip(docs, published, strict=True)]
    events = [
        replace(
            e, date=EventDate(event_dates[i % len(event_dates)], "text" if i % 3 else "published")
        )
        for i, e in enumerate(events)
    ]
    quotes = [replace(q, date=quote_dates[i % len(quote_dates)]) for i, q in enumerate(quotes)]
    story_events = merge_events(events, docs)
    stories, story_events = group_stories(docs, events, story_events, quotes)
    timeline = story_timelines(stories, story_events, events, docs, quotes)
    assert {d for s in stories for d in s.doc_ids} == {d.id for d in docs}
    assert all(dates.parse(entry.date) is not None for entry in timeline)

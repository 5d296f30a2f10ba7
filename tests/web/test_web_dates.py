"""TIMEX3 values in words, for every kind of value the stages produce."""

from __future__ import annotations

import pytest

from storyline.web.dates import bucket, nice_date, sortable


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2022-03-03", "3 Mar 2022"),
        ("2023-05", "May 2023"),
        ("2022", "2022"),
        ("2022-W08", "week of 21 Feb 2022"),
        ("2025-W11", "week of 10 Mar 2025"),
        ("2025-W11-WE", "weekend of 15–16 Mar 2025"),
        ("2025-W22-WE", "weekend of 31 May – 1 Jun 2025"),
        ("2022-W52-WE", "weekend of 31 Dec 2022 – 1 Jan 2023"),
        ("2025-W11-3", "12 Mar 2025"),
        ("2025-03-11TEV", "evening of 11 Mar 2025"),
        ("2025-03-11TAF", "afternoon of 11 Mar 2025"),
        ("2025-03-11TMO", "morning of 11 Mar 2025"),
        ("2025-03-12TNI", "night of 12 Mar 2025"),
        ("2025-03-14T22:00", "14 Mar 2025, 22:00"),
        ("2025-03-14T22:00:15", "14 Mar 2025, 22:00"),
        ("2022-Q2", "Q2 2022"),
        ("2025-H1", "first half of 2025"),
        ("2024-FA", "autumn 2024"),
        ("2019-SU", "summer 2019"),
        ("199", "the 1990s"),
        ("19", "the 1900s"),
        ("P1Y", "1 year"),
        ("P2D", "2 days"),
        ("P100Y", "100 years"),
        ("PXY", "years"),
        ("P1E", "1 decade"),
        ("PXC", "centuries"),
        ("PT18H", "18 hours"),
        ("PT4H30M", "4 hours 30 minutes"),
        ("P1Y6M", "1 year 6 months"),
        ("PAST_REF", "in the past"),
        ("PRESENT_REF", "now"),
        ("FUTURE_REF", "in the future"),
        (None, "undated"),
        ("", "undated"),
        ("2025-02-30", "2025-02-30"),  # no such day: shown as it is
        ("2025-13", "2025-13"),
        ("2021-W53", "2021-W53"),  # 2021 has 52 ISO weeks
        ("someday", "someday"),
    ],
)
def test_nice_date(value: str | None, expected: str) -> None:
    assert nice_date(value) == expected


def test_no_raw_code_survives_for_the_values_in_the_demo() -> None:
    for value in ("2025-W11-WE", "2025-03-11TAF", "2022-W08", "2025-03-12TEV"):
        said = nice_date(value)
        assert value not in said and "W" not in said.replace("Wed", "")


def test_weekends_sort_and_group_at_their_saturday() -> None:
    assert sortable("2025-W11-WE") == "2025-03-15"
    assert sortable("2025-W11") == "2025-03-10"
    assert bucket("2025-W11-WE", "day") == ("2025-03-15", "15 Mar 2025")
    assert bucket("2025-03-11TEV", "day") == ("2025-03-11", "11 Mar 2025")
    assert sorted(["2025-03-16", "2025-W11-WE", "2025-03-14"], key=sortable) == [
        "2025-03-14",
        "2025-W11-WE",
        "2025-03-16",
    ]

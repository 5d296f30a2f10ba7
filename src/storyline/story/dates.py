"""TIMEX3 date values as intervals of days, to compare the dates of event mentions.

Reads: TIMEX3 ``value`` strings (``2022``, ``2022-03``, ``2022-03-02``, ``2022-W09``, ``2022-Q1``,
``2022-SU``, ``2022-H1``, each optionally followed by ``T...``). Writes nothing.

An interval is inclusive at both ends, in whole days. Values that name no stretch of the calendar
(``PAST_REF``, ``P3D``, ``XXXX-10``) parse to ``None``. No value makes these functions raise: an
interval that would run past the calendar's last day (``9999-W52`` ends in year 10000) stops at
9999-12-31, and one that would start before 0001-01-01 is not a date.
"""

from __future__ import annotations

import calendar
import functools
import re
from dataclasses import dataclass
from datetime import date, timedelta

from storyline.records import Granularity

_YEAR = re.compile(r"^(\d{4})$")
_DECADE = re.compile(r"^(\d{3})X?$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{1,2})(?:-WE)?$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_HALF = re.compile(r"^(\d{4})-H([12])$")
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|WI)$")
# Northern-hemisphere meteorological seasons, as (first month, last month); winter runs into the
# next year.
_SEASONS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}

#: Granularities from finest to coarsest.
GRANULARITIES: tuple[Granularity, ...] = ("day", "week", "month", "quarter", "year")


@dataclass(frozen=True, slots=True)
class DateInterval:
    """The days a TIMEX3 value covers, ``[start, end]`` inclusive, and how fine the value is."""

    start: date
    end: date
    granularity: Granularity

    @property
    def days(self) -> int:
        """How many days the interval covers."""
        return (self.end - self.start).days + 1


def _plus_days(day: date, days: int) -> date:
    """``day`` and ``days`` more, stopping at the calendar's last day (9999-12-31)."""
    if (date.max - day).days < days:
        return date.max
    return day + timedelta(days=days)


def _month_interval(year: int, first: int, last: int, granularity: Granularity) -> DateInterval:
    # ``last`` may exceed 12 for a winter running into the next year.
    end_year, end_month = year + (last - 1) // 12, (last - 1) % 12 + 1
    if end_year > date.max.year:
        return DateInterval(date(year, first, 1), date.max, granularity)
    last_day = calendar.monthrange(end_year, end_month)[1]
    return DateInterval(date(year, first, 1), date(end_year, end_month, last_day), granularity)


@functools.lru_cache(maxsize=65536)  # the same few values are compared again and again
def parse(value: str | None) -> DateInterval | None:
    """The interval a TIMEX3 date value covers, or None when it names no calendar stretch."""
    if not value:
        return None
    head = value.strip().split("T", 1)[0] if not value.startswith("T") else ""
    try:
        return _parse_head(head)
    except (ValueError, OverflowError):  # e.g. 2022-02-30 or week 60: not a real date
        return None


def _parse_head(head: str) -> DateInterval | None:
    if m := _DAY.match(head):
        day = date(int(m[1]), int(m[2]), int(m[3]))
        return DateInterval(day, day, "day")
    if m := _MONTH.match(head):
        month = int(m[2])
        return _month_interval(int(m[1]), month, month, "month")
    if m := _WEEK.match(head):
        monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
        if head.endswith("-WE"):
            return DateInterval(_plus_days(monday, 5), _plus_days(monday, 6), "week")
        return DateInterval(monday, _plus_days(monday, 6), "week")
    if m := _QUARTER.match(head):
        q = int(m[2])
        return _month_interval(int(m[1]), 3 * q - 2, 3 * q, "quarter")
    if m := _HALF.match(head):
        h = int(m[2])
        return _month_interval(int(m[1]), 6 * h - 5, 6 * h, "quarter")
    if m := _SEASON.match(head):
        first, last = _SEASONS[m[2]]
        return _month_interval(int(m[1]), first, last, "quarter")
    if m := _YEAR.match(head):
        year = int(m[1])
        return DateInterval(date(year, 1, 1), date(year, 12, 31), "year")
    if m := _DECADE.match(head):
        decade = int(m[1]) * 10
        return DateInterval(date(decade, 1, 1), date(decade + 9, 12, 31), "year")
    return None


def granularity(value: str | None) -> Granularity | None:
    """How fine a TIMEX3 value is (day, week, month, quarter, year), or None if not a date."""
    interval = parse(value)
    return interval.granularity if interval else None


def compatible(a: str | None, b: str | None) -> bool:
    """Whether two TIMEX3 values can name the same time: their intervals overlap."""
    ia, ib = parse(a), parse(b)
    if ia is None or ib is None:
        return False
    return ia.start <= ib.end and ib.start <= ia.end


def contains(outer: str | None, inner: str | None) -> bool:
    """Whether every day of ``inner`` lies within ``outer``."""
    io, ii = parse(outer), parse(inner)
    if io is None or ii is None:
        return False
    return io.start <= ii.start and ii.end <= io.end


def gap_days(a: str | None, b: str | None) -> int | None:
    """Days between two values' intervals (0 when they overlap), or None if either is no date."""
    ia, ib = parse(a), parse(b)
    if ia is None or ib is None:
        return None
    if ia.start <= ib.end and ib.start <= ia.end:
        return 0
    return (ib.start - ia.end).days if ia.end < ib.start else (ia.start - ib.end).days


def day_value(published: str | None) -> str | None:
    """The ``YYYY-MM-DD`` day of an ISO date or datetime (a document's ``published``), or None."""
    if not published:
        return None
    head = published.strip()[:10]
    return head if _DAY.match(head) and parse(head) else None


def truncate(value: str, to: Granularity) -> str:
    """A date value at a coarser granularity: ``truncate("2022-03-02", "month") == "2022-03"``.

    A value already as coarse as ``to`` (or coarser) is returned as it is.
    """
    interval = parse(value)
    if interval is None:
        return value
    if GRANULARITIES.index(interval.granularity) >= GRANULARITIES.index(to):
        return value.split("T", 1)[0]
    start = interval.start
    if to == "week":
        year, week, _ = start.isocalendar()
        return f"{year:04d}-W{week:02d}"
    if to == "month":
        return f"{start.year:04d}-{start.month:02d}"
    if to == "quarter":
        return f"{start.year:04d}-Q{(start.month - 1) // 3 + 1}"
    return f"{start.year:04d}"


def sort_key(value: str | None) -> tuple[date, int]:
    """Orders values by start day, the coarser first on a tie; non-dates last."""
    interval = parse(value)
    if interval is None:
        return (date.max, 0)
    return (interval.start, -interval.days)

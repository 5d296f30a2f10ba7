"""TIMEX3 values: calendar arithmetic on an anchor date, formatting, parsing and comparison.

Reads and writes nothing: plain functions over ``datetime.date`` and TIMEX3 value strings
(``2022-10-27``, ``2023-05``, ``2022-W09``, ``2022-Q1``, ``2022-SU``, ``199``, ``P3D``, ``PRESENT_REF``).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Literal

Unit = Literal["day", "week", "month", "quarter", "year", "decade", "century"]
Tense = Literal["past", "present", "future"]

#: A well-formed TIMEX3 value (TimeML 1.2.1), as this stage writes them.
VALUE_RE = re.compile(
    r"""^(?:
      (?:PRESENT|PAST|FUTURE)_REF
    | P(?:(?:\d+(?:\.\d+)?|X)[YMWDEC])+
    | PT(?:(?:\d+(?:\.\d+)?|X)[HMS])+
    | P(?:(?:\d+|X)[YMWD])+T(?:(?:\d+|X)[HMS])+
    | (?:BC)?(?:\d{1,4}|XXXX)
      (?:-(?:\d\d|XX)(?:-(?:\d\d|XX))?
        |-W(?:\d\d|XX)(?:-(?:\d|WE))?
        |-Q[1-4]|-H[12]|-(?:SP|SU|FA|WI))?
      (?:T(?:\d\d(?::\d\d)?|MO|AF|EV|NI|DT))?
    )$""",
    re.VERBOSE,
)

SEASONS = ("SP", "SU", "FA", "WI")


def is_valid_value(value: str) -> bool:
    """Whether ``value`` is a well-formed TIMEX3 value."""
    return VALUE_RE.match(value) is not None


def parse_anchor(published: str | None) -> dt.date | None:
    """The anchor date of a document creation time (ISO date or datetime), None if unreadable."""
    if not published:
        return None
    text = published.strip()
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        pass
    try:
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        return None


# --- formatting ------------------------------------------------------------------------------


def fmt_day(day: dt.date) -> str:
    return day.isoformat()


def fmt_month(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def fmt_week(day: dt.date) -> str:
    iso = day.isocalendar()
    return f"{iso[0]:04d}-W{iso[1]:02d}"


def fmt_quarter(day: dt.date) -> str:
    return f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}"


def fmt_unit(day: dt.date, unit: Unit) -> str:
    """``day`` written at the granularity of ``unit`` (a week as its ISO week, ...)."""
    if unit == "day":
        return fmt_day(day)
    if unit == "week":
        return fmt_week(day)
    if unit == "month":
        return fmt_month(day.year, day.month)
    if unit == "quarter":
        return fmt_quarter(day)
    if unit == "year":
        return f"{day.year:04d}"
    if unit == "decade":
        return f"{day.year // 10:03d}"
    return f"{day.year // 100:02d}"


# --- arithmetic ------------------------------------------------------------------------------


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved by whole months, clamped to the last day of the target month."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    year = min(max(year, 1), 9999)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def shift(day: dt.date, unit: Unit, n: int) -> dt.date:
    """``day`` moved by ``n`` units (negative: back in time)."""
    if unit == "day":
        return day + dt.timedelta(days=n)
    if unit == "week":
        return day + dt.timedelta(weeks=n)
    months = {"month": 1, "quarter": 3, "year": 12, "decade": 120, "century": 1200}[unit]
    return add_months(day, n * months)


def weekday_near(anchor: dt.date, weekday: int, tense: Tense | None) -> dt.date:
    """The date of ``weekday`` (0 = Monday) that a news text dated ``anchor`` most likely means.

    Past tense: the latest such day on or before the anchor; future: the first on or after it;
    otherwise the past one unless the day is tomorrow: news mostly reports the past (in the
    TempEval-3 training news, a weekday named alone lies up to six days back nine times in ten).
    """
    back = (anchor.weekday() - weekday) % 7
    ahead = (weekday - anchor.weekday()) % 7
    if tense == "past":
        return anchor - dt.timedelta(days=back)
    if tense == "future":
        return anchor + dt.timedelta(days=ahead)
    if back <= ahead or ahead > 1:
        return anchor - dt.timedelta(days=back)
    return anchor + dt.timedelta(days=ahead)


def year_of_month(anchor: dt.date, month: int, day: int | None, tense: Tense | None) -> int:
    """The year of a month (and day) named without one, from the anchor and the verb's tense.

    A day of the month ("March 12") follows the verb's tense within nine months of the anchor
    ("killed Oct. 23" in May is last October); without a tense it is the occurrence within half
    a year of the anchor: news gives the year of dates further away. A bare month ("in March") follows the tense: past is on or before the anchor's month.
    """
    if day is not None:
        options = []
        for year in (anchor.year - 1, anchor.year, anchor.year + 1):
            try:
                options.append(dt.date(year, month, day))
            except ValueError:
                continue
        if options:
            near = [d for d in options if abs((d - anchor).days) <= 183] or options
            # the tense may reach further back or ahead than half a year, not beyond nine months
            within = [d for d in options if abs((d - anchor).days) <= 270]
            if tense == "past" and any(d <= anchor for d in within):
                return max(d for d in within if d <= anchor).year
            if tense == "future" and any(d >= anchor for d in within):
                return min(d for d in within if d >= anchor).year
            return min(near, key=lambda d: abs((d - anchor).days)).year
    this = (month, day or 0)
    now = (anchor.month, anchor.day if day else 0)
    if tense == "past":
        return anchor.year if this <= now else anchor.year - 1
    if tense == "future":
        return anchor.year if this >= now else anchor.year + 1
    # no tense: the occurrence closest to the anchor, within half a year either way
    diff = (month - anchor.month) * 31 + ((day or 15) - (anchor.day if day else 15))
    if diff > 183:
        return anchor.year - 1
    if diff < -183:
        return anchor.year + 1
    return anchor.year


def last_weekday_of(year: int, month: int, weekday: int) -> dt.date:
    last = dt.date(year, month, calendar.monthrange(year, month)[1])
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7)


def nth_weekday_of(year: int, month: int, weekday: int, n: int) -> dt.date:
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


def easter(year: int) -> dt.date:
    """Western Easter Sunday (anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month, day = divmod(h + ell - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


# --- comparing values ------------------------------------------------------------------------

Granularity = Literal[
    "day", "week", "month", "quarter", "season", "half", "year", "decade", "century"
]

_DATE_VALUE = re.compile(
    r"^(\d{2,4})(?:-(\d\d)(?:-(\d\d))?|-W(\d\d?)(?:-WE)?|-Q([1-4])|-H([12])|-(SP|SU|FA|WI))?"
    r"(?:T.*)?$"
)
_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}


def date_of_value(value: str) -> tuple[Granularity, dt.date, dt.date] | None:
    """The granularity and first and last day a TIMEX3 date value covers, None if it names none.

    ``2022-03`` covers 2022-03-01..2022-03-31 and so contains ``2022-03-02``; ``2022-W09`` is
    the ISO week; ``199`` the 1990s; ``19`` the 20th century (1900-1999); a time of day
    (``2022-03-03TNI``) covers its day. Durations and ``*_REF`` values give None.
    """
    m = _DATE_VALUE.match(value)
    if m is None:
        return None
    head, month, day, week, quarter, half, season = m.groups()
    try:
        if len(head) == 2:
            y = int(head) * 100
            return "century", dt.date(max(y, 1), 1, 1), dt.date(y + 99, 12, 31)
        if len(head) == 3:
            y = int(head) * 10
            return "decade", dt.date(max(y, 1), 1, 1), dt.date(y + 9, 12, 31)
        if len(head) != 4:
            return None
        year = int(head)
        if day:
            d = dt.date(year, int(month), int(day))
            return "day", d, d
        if month:
            last = calendar.monthrange(year, int(month))[1]
            return "month", dt.date(year, int(month), 1), dt.date(year, int(month), last)
        if week:
            first = dt.date.fromisocalendar(year, int(week), 1)
            return "week", first, first + dt.timedelta(days=6)
        if quarter:
            q = int(quarter)
            start = dt.date(year, 3 * q - 2, 1)
            return "quarter", start, add_months(start, 3) - dt.timedelta(days=1)
        if half:
            start = dt.date(year, 1 if half == "1" else 7, 1)
            return "half", start, add_months(start, 6) - dt.timedelta(days=1)
        if season:
            first_month, last_month = _SEASON_MONTHS[season]
            end_year = year + 1 if season == "WI" else year
            end = dt.date(end_year, last_month, calendar.monthrange(end_year, last_month)[1])
            return "season", dt.date(year, first_month, 1), end
        return "year", dt.date(year, 1, 1), dt.date(year, 12, 31)
    except ValueError:
        return None

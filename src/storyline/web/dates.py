"""TIMEX3 values in words for people: ``2025-W11-WE`` -> ``weekend of 15–16 Mar 2025``.

Reads: a TIMEX3 value (dates, weeks, weekends, parts of day, quarters, halves, seasons, decades,
centuries, durations, ``*_REF``). Writes: text. The value itself stays in the data; these functions
only say it. Each kind of value is one row of ``_FORMS`` (a pattern and how to say it); the words for
the parts (months, parts of the day, seasons, duration units) are tables below.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Literal

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
PARTS_OF_DAY = {
    "MO": "morning",
    "MI": "midday",
    "AF": "afternoon",
    "EV": "evening",
    "NI": "night",
    "DT": "daytime",
}
SEASONS = {"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}
HALVES = {"1": "first half", "2": "second half"}
REFERENCES = {"PAST_REF": "in the past", "PRESENT_REF": "now", "FUTURE_REF": "in the future"}
DATE_UNITS = {"Y": "year", "M": "month", "W": "week", "D": "day", "E": "decade", "C": "century"}
TIME_UNITS = {"H": "hour", "M": "minute", "S": "second"}
PLURALS = {"century": "centuries"}


def _day(d: dt.date) -> str:
    return f"{d.day} {MONTHS[d.month - 1][:3]} {d.year}"


def _span(a: dt.date, b: dt.date) -> str:
    """Two days as one range: ``15–16 Mar 2025``, ``31 May – 1 Jun 2025``."""
    if (a.year, a.month) == (b.year, b.month):
        return f"{a.day}–{b.day} {MONTHS[a.month - 1][:3]} {a.year}"
    if a.year == b.year:
        return f"{a.day} {MONTHS[a.month - 1][:3]} – {_day(b)}"
    return f"{_day(a)} – {_day(b)}"


def _plural(n: str, unit: str) -> str:
    if n == "X":
        return PLURALS.get(unit, unit + "s")
    count = float(n) if "." in n else int(n)
    word = unit if count == 1 else PLURALS.get(unit, unit + "s")
    return f"{n} {word}"


def _duration(m: re.Match[str]) -> str:
    out = [_plural(n, DATE_UNITS[u]) for n, u in re.findall(r"(\d+(?:\.\d+)?|X)([YMWDEC])", m[1])]
    out += [
        _plural(n, TIME_UNITS[u]) for n, u in re.findall(r"(\d+(?:\.\d+)?|X)([HMS])", m[2] or "")
    ]
    return " ".join(out)


def _date(m: re.Match[str]) -> str:
    day = dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
    rest = m["rest"] or ""
    if rest in PARTS_OF_DAY:
        return f"{PARTS_OF_DAY[rest]} of {_day(day)}"
    clock = re.fullmatch(r"(\d\d):(\d\d)(?::\d\d(?:\.\d+)?)?", rest)
    if clock:
        return f"{_day(day)}, {clock[1]}:{clock[2]}"
    return _day(day)


def _week(m: re.Match[str]) -> str:
    year, week = int(m["y"]), int(m["w"])
    if m["wd"]:
        return _day(dt.date.fromisocalendar(year, week, int(m["wd"])))
    if m["we"]:
        saturday = dt.date.fromisocalendar(year, week, 6)
        return f"weekend of {_span(saturday, saturday + dt.timedelta(days=1))}"
    return f"week of {_day(dt.date.fromisocalendar(year, week, 1))}"


_FORMS: list[tuple[re.Pattern[str], Callable[[re.Match[str]], str]]] = [
    (
        re.compile(r"(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)(?:T(?P<rest>.+))?"),
        _date,
    ),
    (
        re.compile(r"(?P<y>\d{4})-W(?P<w>\d\d?)(?:-(?P<we>WE)|-(?P<wd>[1-7]))?"),
        _week,
    ),
    (re.compile(r"(\d{4})-(\d\d)"), lambda m: f"{MONTHS[int(m[2]) - 1]} {m[1]}"),
    (re.compile(r"(\d{4})-Q([1-4])"), lambda m: f"Q{m[2]} {m[1]}"),
    (re.compile(r"(\d{4})-H([12])"), lambda m: f"{HALVES[m[2]]} of {m[1]}"),
    (re.compile(r"(\d{4})-(SP|SU|FA|WI)"), lambda m: f"{SEASONS[m[2]]} {m[1]}"),
    (re.compile(r"(\d{4})"), lambda m: m[1]),
    (re.compile(r"(\d{3})"), lambda m: f"the {m[1]}0s"),
    (re.compile(r"(\d{2})"), lambda m: f"the {m[1]}00s"),
    (
        re.compile(r"P((?:(?:\d+(?:\.\d+)?|X)[YMWDEC])*)(?:T((?:(?:\d+(?:\.\d+)?|X)[HMS])+))?"),
        _duration,
    ),
    (re.compile(r"(PAST_REF|PRESENT_REF|FUTURE_REF)"), lambda m: REFERENCES[m[1]]),
]


def nice_date(value: str | None) -> str:
    """A TIMEX3 value in words: ``2025-03-11`` -> ``11 Mar 2025``, ``2025-W11`` -> ``week of
    10 Mar 2025``, ``2025-W11-WE`` -> ``weekend of 15–16 Mar 2025``, ``2025-03-11TEV`` ->
    ``evening of 11 Mar 2025``, ``P3D`` -> ``3 days``; ``None`` -> ``undated``. A value of no
    known form (or naming no real day) is returned as it is."""
    if not value:
        return "undated"
    for pattern, say in _FORMS:
        m = pattern.fullmatch(value)
        if m:
            try:
                return say(m) or value
            except (ValueError, IndexError, KeyError):
                return value
    return value


# --- sorting and grouping -------------------------------------------------------------------------

Zoom = Literal["day", "month", "year"]

_PREFIX = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?|-W(\d{2})(-WE)?|-Q([1-4]))?")


def _week_day(year: str, week: str, weekend: str | None) -> dt.date:
    return dt.date.fromisocalendar(int(year), int(week), 6 if weekend else 1)


def sortable(value: str | None) -> str:
    """A TIMEX3 value that sorts as a date (weeks as their Monday, weekends as their Saturday,
    quarters as their first month); undated values sort last. Mirrors
    ``store.reads.sortable_date``."""
    m = _PREFIX.match(value or "")
    if not m or value is None:
        return "~" + (value or "")
    year, _, _, week, weekend, quarter = m.groups()
    if week:
        try:
            return _week_day(year, week, weekend).isoformat() + value[m.end() :]
        except ValueError:
            return value
    if quarter:
        return f"{year}-{(int(quarter) - 1) * 3 + 1:02d}" + value[7:]
    return value


def bucket(value: str | None, zoom: Zoom) -> tuple[str, str]:
    """The (sort key, label) of the timeline group a TIMEX3 value falls in at a zoom level.

    A value coarser than the zoom (``2023-05`` at day zoom) keeps its own granularity."""
    m = _PREFIX.match(value or "")
    if not m:
        return "9999", "Undated"
    year, month, day, week, weekend, quarter = m.groups()
    if week:
        try:
            first = _week_day(year, week, weekend)
            month, day = f"{first.month:02d}", f"{first.day:02d}"
        except ValueError:
            pass
    if quarter and not month:
        month = f"{(int(quarter) - 1) * 3 + 1:02d}"
        return f"{year}-{month}", f"Q{quarter} {year}"
    if zoom == "year" or not month:
        return year, year
    if zoom == "month" or not day:
        return f"{year}-{month}", nice_date(f"{year}-{month}")
    return f"{year}-{month}-{day}", nice_date(f"{year}-{month}-{day}")

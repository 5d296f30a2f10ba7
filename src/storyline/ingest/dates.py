"""Publication dates as ISO strings: ``YYYY-MM-DD`` or ``YYYY-MM-DDTHH:MM:SS[Z|+HH:MM]``.

Reads: nothing. Writes: nothing. Pure functions over values.

A publication date must fall in the years 1000 to 2999. Outside them it is not a plausible date
for a news article, and the stages and story steps compute dates around it (the week, the
year, "next decade") that the calendar cannot hold near year 9999: such a date is refused with a
ValueError, and the readers drop it with a failure row saying why (see ``resolve_published``).
"""

from __future__ import annotations

import email.utils
import re
from datetime import date, datetime, timedelta

# Written-out dates seen in news metadata, tried after ISO 8601 and RFC 2822.
_FORMATS = (
    "%B %d, %Y",  # March 14, 2025
    "%b %d, %Y",  # Mar 14, 2025
    "%d %B %Y",  # 14 March 2025
    "%d %b %Y",  # 14 Mar 2025
    "%Y/%m/%d",
    "%Y.%m.%d",
)
_ISO_LIKE = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}")
_PARTIAL = re.compile(r"^\d{4}(-\d{1,2})?$")
_MIN_YEAR, _MAX_YEAR = 1000, 2999


def _iso(moment: datetime) -> str:
    # The local wall-clock time and its offset, as given: the first ten characters stay the local
    # calendar day, which relative dates in the article ("Thursday") resolve against (converting
    # to UTC could move it by one), and the offset keeps the moment exact. UTC is written "Z".
    moment = moment.replace(microsecond=0)
    offset = moment.utcoffset()
    if offset == timedelta(0):
        return moment.replace(tzinfo=None).isoformat() + "Z"
    return moment.isoformat()


def _check_year(value: str, year: int) -> None:
    if not _MIN_YEAR <= year <= _MAX_YEAR:
        raise ValueError(
            f"{value!r} is not a plausible publication date (year {year}; storyline reads "
            f"years {_MIN_YEAR} to {_MAX_YEAR})"
        )


def parse_date(value: object) -> str | None:
    """The ISO form of a publication date, None when there is none.

    Accepts ISO 8601 dates and datetimes (``2025-03-14 20:30:26Z`` too), RFC 2822
    (``Fri, 14 Mar 2025 20:30:26 GMT``), a few written forms (``March 14, 2025``) and
    ``date``/``datetime`` objects. UTC datetimes end in ``Z``; another offset is kept after the
    local time (``2022-10-28T01:30:00+07:00``), so the first ten characters are the local day.
    Raises ValueError for impossible dates (``2023-02-30``), partial dates (``2023-05``), years
    outside 1000-2999 and anything that is not a date.
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        _check_year(str(value), value.year)
        return _iso(value)
    if isinstance(value, date):
        _check_year(str(value), value.year)
        return value.isoformat()
    if not isinstance(value, str):
        raise ValueError(f"{value!r} is not a date (expected a string such as 2022-10-28)")
    text = value.strip()
    if not text:
        return None
    if _PARTIAL.match(text):
        raise ValueError(f"{text!r} is not a full date (expected YYYY-MM-DD)")
    if _ISO_LIKE.match(text):
        try:
            moment = datetime.fromisoformat(text)
        except ValueError as err:
            raise ValueError(f"{text!r} is not a real date: {err}") from err
        _check_year(text, moment.year)
        if len(text) <= 10:
            return moment.date().isoformat()
        return _iso(moment)
    try:
        moment = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        pass
    else:
        _check_year(text, moment.year)
        return _iso(moment)
    for pattern in _FORMATS:
        try:
            moment = datetime.strptime(text, pattern)
        except ValueError:
            continue
        _check_year(text, moment.year)
        return moment.date().isoformat()
    raise ValueError(f"{text!r} is not a date storyline can read (expected YYYY-MM-DD)")

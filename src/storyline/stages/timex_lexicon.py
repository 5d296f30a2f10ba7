"""Word lists of the timex grammar: months, weekdays, numbers, units, holidays, modifiers.

Reads and writes nothing. The tables are read-only mappings; the regex fragments built from them
are plain strings that ``timex_rules`` compiles.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

MONTHS: Final[Mapping[str, int]] = MappingProxyType(
    {
        "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
        "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
        "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11,
        "nov": 11, "december": 12, "dec": 12,
    }
)  # fmt: skip

#: Month words that are also common English words or names: they need a capital letter, and
#: alone (without a day or year) also a proper-noun tag.
AMBIGUOUS_MONTHS: Final[frozenset[str]] = frozenset({"may", "march", "mar", "jan", "dec", "jun"})

WEEKDAYS: Final[Mapping[str, int]] = MappingProxyType(
    {
        "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
        "sunday": 6, "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thurs": 3, "thur": 3, "thu": 3,
        "fri": 4, "sat": 5, "sun": 6,
    }
)  # fmt: skip

NUMBER_WORDS: Final[Mapping[str, int]] = MappingProxyType(
    {
        "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
        "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
        "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
        "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
        "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12, "couple": 2,
        "single": 1, "hundred": 100, "thousand": 1000,
    }
)  # fmt: skip

#: Quantifiers that make a vague amount ("a few days" = PXD).
VAGUE_NUMBERS: Final[frozenset[str]] = frozenset(
    {"few", "several", "some", "many", "hundreds", "thousands", "dozens", "numerous"}
)

ORDINALS: Final[Mapping[str, int]] = MappingProxyType(
    {
        "first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3,
        "4th": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
        "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
        "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
        "twenty-first": 21, "twenty first": 21,
    }
)  # fmt: skip

#: Duration units: TIMEX3 letter, whether it is a time (PT...) unit, and the calendar unit used
#: when the expression is shifted from an anchor ("two weeks ago").
UNITS: Final[Mapping[str, tuple[str, bool, str]]] = MappingProxyType(
    {
        "second": ("S", True, "day"), "minute": ("M", True, "day"), "hour": ("H", True, "day"),
        "day": ("D", False, "day"), "night": ("D", False, "day"), "week": ("W", False, "week"),
        "fortnight": ("W", False, "week"), "month": ("M", False, "month"),
        "quarter": ("Q", False, "quarter"), "year": ("Y", False, "year"),
        "decade": ("E", False, "decade"), "century": ("C", False, "century"),
        "weekend": ("WE", False, "week"),
    }
)  # fmt: skip

SEASON_CODES: Final[Mapping[str, str]] = MappingProxyType(
    {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
)
#: The month each season starts in (northern hemisphere, as TimeML news assumes).
SEASON_START: Final[Mapping[str, int]] = MappingProxyType({"SP": 3, "SU": 6, "FA": 9, "WI": 12})

PARTS_OF_DAY: Final[Mapping[str, str]] = MappingProxyType(
    {
        "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI",
        "midday": "MI", "daytime": "DT", "nite": "NI",
    }
)  # fmt: skip

#: Position modifiers before a date ("late May", "the end of 2022") and their TIMEX3 ``mod``.
POSITION_MODS: Final[Mapping[str, str]] = MappingProxyType(
    {
        "early": "START", "earlier": "START", "late": "END", "later": "END", "mid": "MID",
        "middle": "MID", "end": "END", "beginning": "START", "start": "START", "dawn": "START",
        "close": "END", "turn": "START",
    }
)  # fmt: skip

#: Quantity modifiers before a duration or a shifted date ("over a year") and their ``mod``.
AMOUNT_MODS: Final[Mapping[str, str]] = MappingProxyType(
    {
        "about": "APPROX", "around": "APPROX", "roughly": "APPROX", "approximately": "APPROX",
        "some": "APPROX", "nearly": "APPROX", "almost": "LESS_THAN", "more than": "MORE_THAN",
        "over": "MORE_THAN", "less than": "LESS_THAN", "under": "LESS_THAN",
        "at least": "EQUAL_OR_MORE", "at most": "EQUAL_OR_LESS", "up to": "EQUAL_OR_LESS",
        "no more than": "EQUAL_OR_LESS", "no less than": "EQUAL_OR_MORE",
        "fewer than": "LESS_THAN", "just over": "MORE_THAN", "just under": "LESS_THAN",
        "well over": "MORE_THAN", "close to": "APPROX", "nearly a": "APPROX",
    }
)  # fmt: skip


def alternation(words: object) -> str:
    """A regex alternation of words, longest first, spaces matching any whitespace."""
    items = sorted({str(w) for w in words}, key=len, reverse=True)  # type: ignore[attr-defined]
    return "|".join(w.replace(".", r"\.").replace(" ", r"\s+") for w in items)

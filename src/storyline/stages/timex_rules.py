"""The timex grammar: regex rules that find time expressions and normalize each match.

Reads: a text and a :class:`Context` (anchor date, the verb tense around a character range, the
part of speech of a word). Writes nothing: :func:`match_all` returns :class:`Candidate` tuples
(start, end, type, value, mod) with character offsets into the text, overlapping; the stage picks.

Extents follow TimeML: determiners and modifiers belong to the expression ("the past two months",
"late May", "over a year"), prepositions and possessive endings do not ("in March" → "March").
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

from storyline.stages import timex_values as tv
from storyline.stages.timex_lexicon import (
    AMBIGUOUS_MONTHS,
    AMOUNT_MODS,
    MONTHS,
    NUMBER_WORDS,
    ORDINALS,
    PARTS_OF_DAY,
    POSITION_MODS,
    SEASON_CODES,
    SEASON_START,
    UNITS,
    VAGUE_NUMBERS,
    WEEKDAYS,
    alternation,
)
from storyline.stages.timex_values import Tense


class Candidate(NamedTuple):
    """One normalized match of a rule: ``text[start:end]`` with its TIMEX3 type, value, mod."""

    start: int
    end: int
    type: str
    value: str
    mod: str | None
    rule: str


@dataclass(frozen=True, slots=True)
class Context:
    """What a rule may ask about the document beyond the matched characters."""

    text: str
    anchor: dt.date | None
    tense: Callable[[int, int], Tense | None]  # verb tense governing a character range
    tag: Callable[[int], str]  # fine-grained POS tag of the word starting at an offset ("" unknown)
    year_hint: Callable[[int], int | None]  # an explicit year mentioned shortly before an offset
    month_hint: Callable[[int], int | None] = lambda _offset: None  # its month, in a narrative


#: (type, value, mod), or (type, value, mod, start, end) when the extent is narrower than the match
Reading = tuple[str, str, str | None] | tuple[str, str, str | None, int, int]
Handler = Callable[[re.Match[str], Context], Reading | None]

# --- regex fragments ---------------------------------------------------------------------------

_B = r"(?<![\w$£€#@/.-])"  # start of a word that is not part of a number, id, money or handle
_E = r"(?![\w@])"
_FULL_MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_MONTH = rf"(?:{alternation(_FULL_MONTHS)}|(?:{alternation(k for k in MONTHS if k not in _FULL_MONTHS)})\.?)"
_MONTH_ABBR_DOT = _MONTH
_WEEKDAY = rf"(?:{alternation(k for k in WEEKDAYS if len(k) > 5)}|(?:tues|wed|thurs|thu|fri)\.)"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
_YEAR4 = r"(?:1[0-9]{3}|20[0-9]{2})"
_UNITS_W = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_TEENS_W = r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
#: A year said in words, as broadcast transcripts write it: "nineteen ninety-four", "two thousand".
_SPELLED_YEAR = (
    rf"(?:nineteen[\s-]+(?:hundred|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    rf"(?:[\s-]+{_UNITS_W})?|{_TEENS_W}|o[\s-]+{_UNITS_W})"
    rf"|two[\s-]+thousand(?:[\s-]+(?:and[\s-]+)?(?:{_TEENS_W}|{_UNITS_W}))?)"
)
_YEAR = rf"(?:{_YEAR4}|'\d\d|{_SPELLED_YEAR})"
_NUMW = alternation(k for k in NUMBER_WORDS if k not in {"a", "an", "couple", "dozen", "single"})
_NUM = (
    rf"(?:(?:{_NUMW})(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine|hundred|thousand))?"
    r"|\d+\s+1/2|\d+½|\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|a\s+couple\s+of|a\s+couple|couple\s+of|a\s+few|few"
    r"|several|some|many|numerous|a\s+dozen|dozens\s+of|hundreds\s+of|thousands\s+of"
    r"|a\s+half|half\s+an?|an?|a\s+single|one\s+and\s+a\s+half)"
)
_UNIT = (
    r"(?:second|minute|hour|day|week|fortnight|month|quarter|year|decade|century|centurie)s?"
    r"|(?:hrs?|mins?|secs?|yrs?|wks?)(?![\w'’])"
)
_UNIT_ABBREVIATIONS = {"hr": "hour", "min": "minute", "sec": "second", "yr": "year", "wk": "week"}
_AMOUNT_MOD = rf"(?:{alternation(AMOUNT_MODS)})"
_POS_MOD = (
    r"(?:(?:early|late|mid|middle|earlier|later)(?:\s+|-)(?:in\s+)?"
    r"|the\s+(?:end|beginning|start|middle|close|turn|dawn)\s+of\s+(?:the\s+)?)"
)
_PART = rf"(?:{alternation(p for p in PARTS_OF_DAY if p != 'midday')})"
_SEASON = rf"(?:{alternation(SEASON_CODES)})"
_REL = (
    r"(?:this\s+past|this\s+coming|this|last|next|the\s+past|the\s+last|the\s+next|the\s+coming"
    r"|the\s+previous|the\s+following|the\s+current|the\s+latest|the\s+same|the\s+recent|past"
    r"|coming|previous|current|the|that|a|its)"
)
_HOLIDAY = (
    r"(?:Christmas(?:\s+Day|\s+Eve)?|New\s+Year'?s(?:\s+Day|\s+Eve)?|Thanksgiving(?:\s+Day)?"
    r"|Easter(?:\s+Sunday|\s+Monday)?|Good\s+Friday|Halloween|Valentine'?s\s+Day"
    r"|Independence\s+Day|Labor\s+Day|Memorial\s+Day|Veterans\s+Day|Boxing\s+Day"
    r"|Mother'?s\s+Day|Father'?s\s+Day|Christmas\s+holidays?|X-?mas)"
)

# --- small parsers ------------------------------------------------------------------------------


def _words(text: str) -> str:
    return " ".join(text.lower().split())


def number_of(text: str) -> float | None:
    """The number a numeral means (``"twenty-four"`` → 24), None for a vague amount."""
    words = _words(text).replace("-", " ").replace(",", "")
    if words in {"a half", "half a", "half an"}:
        return 0.5
    if words == "one and a half":
        return 1.5
    half = re.fullmatch(r"(\d+)\s*(?:1/2|½)", words)
    if half:
        return int(half[1]) + 0.5
    parts = [w for w in words.split() if w not in {"of", "a", "an"}] or ["a"]
    if any(p in VAGUE_NUMBERS for p in parts):
        return None
    total = 0.0
    for part in parts:
        if re.fullmatch(r"\d+(?:\.\d+)?", part):
            total += float(part)
        elif part in ("hundred", "thousand", "dozen") and total:
            total *= NUMBER_WORDS[part]
        elif part in NUMBER_WORDS:
            total += NUMBER_WORDS[part]
        else:
            return None
    return total


def _num_text(n: float | None) -> str:
    if n is None:
        return "X"
    return str(int(n)) if n == int(n) else str(n)


def _unit_of(text: str) -> str:
    unit = text.strip().lower().rstrip("s")
    unit = _UNIT_ABBREVIATIONS.get(unit, unit)
    return "century" if unit == "centurie" else unit


def duration_value(n: float | None, unit: str) -> str:
    """The TIMEX3 duration of ``n`` units (None: an unknown amount, ``X``)."""
    letter, is_time, _ = UNITS[unit]
    if unit == "fortnight":
        n = None if n is None else n * 2
    if unit == "weekend":
        return "P2D" if n in (None, 1) else f"P{_num_text(None if n is None else n * 2)}D"
    if letter == "Q":
        # TimeBank writes quarters as their own unit: "the past two quarters" = P2Q
        return f"P{_num_text(None if n is None else n * 3)}M"
    if letter in ("E", "C") and n not in (None, 1):
        assert n is not None
        return f"P{_num_text(n * (10 if letter == 'E' else 100))}Y"
    if n is not None and n * 2 == int(n * 2) and n != int(n):
        # half units are written with the next smaller unit: "2 1/2 years" = P2Y6M
        whole = "" if int(n) == 0 else str(int(n))
        halves = {"Y": ("Y", "6M"), "M": ("M", "15D"), "D": ("D", "T12H"), "H": ("H", "30M"),
                  "W": ("W", "3DT12H")}  # fmt: skip
        if letter in halves and not (is_time and letter == "M"):
            big, small = halves[letter]
            head = f"{whole}{big}" if whole else ""
            if is_time:
                return f"PT{head}{small}"
            return f"P{head}{small}"
    return f"P{'T' if is_time else ''}{_num_text(n)}{letter}"


def year_of_two_digits(yy: int, anchor: dt.date | None) -> int:
    """A two-digit year ('98) as a full year: the century that puts it no more than ten years
    after the anchor's year."""
    pivot = (anchor.year if anchor else 2025) % 100 + 10
    century = (anchor.year if anchor else 2025) // 100 * 100
    return century + yy if yy <= pivot else century - 100 + yy


def _year_text(text: str, anchor: dt.date | None) -> int:
    text = text.strip()
    if text.startswith("'"):
        return year_of_two_digits(int(text[1:]), anchor)
    if text[:1].isalpha():
        return spelled_year(text)
    return int(text)


def spelled_year(text: str) -> int:
    """A year in words: "nineteen ninety-four" → 1994, "two thousand and one" → 2001."""
    words = _words(text).replace("-", " ").split()
    if words[:2] == ["two", "thousand"]:
        rest = [w for w in words[2:] if w != "and"]
        return 2000 + int(number_of(" ".join(rest)) or 0) if rest else 2000
    rest = [w for w in words[1:] if w != "o"]
    if rest == ["hundred"]:
        return 1900
    return 1900 + int(number_of(" ".join(rest)) or 0)


def _position_mod(text: str | None) -> str | None:
    if not text:
        return None
    words = re.findall(r"[a-z]+", text.lower())
    for word in words:
        if word in POSITION_MODS:
            return POSITION_MODS[word]
    return None


def _amount_mod(text: str | None) -> str | None:
    return AMOUNT_MODS.get(_words(text)) if text else None


def _capitalized(word: str) -> bool:
    return word[:1].isupper()


def weekday_index(word: str) -> int:
    """0 for Monday to 6 for Sunday, from a weekday's name, abbreviation or plural ("Tues.",
    "thurs", "Mondays")."""
    key = word.lower().rstrip(".")
    return WEEKDAYS[key] if key in WEEKDAYS else WEEKDAYS[key[:-1]]


def _month_ok(word: str, alone: bool, ctx: Context, at: int) -> bool:
    """Whether a month word really names a month (modal "may", the verb "march", "Jan" the name)."""
    key = word.lower().rstrip(".")
    if key in AMBIGUOUS_MONTHS and not _capitalized(word):
        return False
    if key not in _FULL_MONTHS and not word.endswith(".") and alone:
        return False
    if alone and key in AMBIGUOUS_MONTHS:
        tag = ctx.tag(at)
        if tag and tag not in ("NNP", "NNPS", "NN"):
            return False
        before = ctx.text[max(0, at - 10) : at].lower()
        after = ctx.text[at + len(word) : at + len(word) + 10].lower()
        if not re.search(
            r"\b(?:in|since|by|until|till|of|during|from|through|to|on)\s+$", before
        ) and (re.match(r"\s+(?:on|to|through|toward|towards|against|into|past|with|up)\b", after)):
            return False  # "March on Washington", "May to ..." read as verbs
        if re.search(r"\bthe(?:\s+[a-z]+)?\s+$", ctx.text[max(0, at - 20) : at]) and re.match(
            r"\s+(?:for\s|of\s+the\s+[A-Z])", ctx.text[at + len(word) : at + len(word) + 20]
        ):
            return False  # a march by name: "the annual March for Life", "the March of the ..."
    return True


def _year_plausible(year: int, ctx: Context) -> bool:
    if ctx.anchor is not None and year > ctx.anchor.year + 30:
        return False
    return year <= 2100


# --- resolution helpers -------------------------------------------------------------------------


def _month_year(month: int, day: int | None, start: int, end: int, ctx: Context) -> str:
    """The year of a month named without one: a nearby explicit year in a narrative, else the
    anchor and the tense; XXXX when the document has no date."""
    hint = ctx.year_hint(start)
    if ctx.anchor is None:
        return f"{hint:04d}" if hint else "XXXX"
    if hint is not None and abs(hint - ctx.anchor.year) >= 2:
        ref_month = ctx.month_hint(start)
        if ref_month is not None and month < ref_month:
            return f"{hint + 1:04d}"  # a narrative moves forward: "December 1940 ... February"
        return f"{hint:04d}"
    tense = ctx.tense(start, end)
    before = ctx.text[max(0, start - 24) : start]
    if day is not None and _ENDED.search(before):
        # "the fiscal year ended Jan. 31": a reported period, over within the past year
        return f"{ctx.anchor.year - ((month, day) > (ctx.anchor.month, ctx.anchor.day)):04d}"
    if _SINCE.search(before):
        tense = "past"  # "since Oct. 23", "since March": always behind the document's date
    elif _EFFECTIVE.search(before):
        tense = "future"  # "effective Feb. 1": a change announced ahead
    elif _BOUNDARY.search(before) and tense != "future":
        tense = None  # "extended the loans through January": a limit, not the verb's time
    return f"{tv.year_of_month(ctx.anchor, month, day, tense):04d}"


_BOUNDARY = re.compile(r"(?i)\b(?:until|till|through|thru|before|to|by)\s+(?:the\s+)?$")
_SINCE = re.compile(r"(?i)\bsince\s+(?:the\s+|early\s+|late\s+|mid-?)?$")
_EFFECTIVE = re.compile(r"(?i)\beffective\s+(?:on\s+)?$")
_ENDED = re.compile(r"(?i)\b(?:year|quarter|period|months?|weeks?)\s+ended\s+(?:on\s+)?$")


def _relative_unit(det: str, unit: str, ctx: Context, start: int, end: int) -> str | None:
    """The value of "this/last/next/the <unit>" (week, month, year, ...) from the anchor."""
    anchor = ctx.anchor
    det = _words(det)
    if unit == "weekend":
        return _weekend(det, ctx, start, end)
    calendar_unit = UNITS[unit][2]
    if anchor is None:
        return None
    step = 0
    if det in ("last", "the last", "the past", "past", "the previous", "previous", "this past"):
        step = -1
    elif det in ("next", "the next", "the coming", "coming", "the following", "this coming"):
        step = 1
    elif det in ("the latest", "the recent") or (det == "the" and unit == "quarter"):
        step = -1 if unit == "quarter" else 0
    return tv.fmt_unit(tv.shift(anchor, calendar_unit, step), calendar_unit)  # type: ignore[arg-type]


def _weekend(det: str, ctx: Context, start: int, end: int) -> str | None:
    anchor = ctx.anchor
    if anchor is None:
        return None
    if det in ("last", "the last", "the past", "past", "this past", "the previous"):
        day = anchor - dt.timedelta(days=anchor.weekday() + 1)
    elif det in ("next", "the next", "the coming", "coming", "this coming"):
        day = anchor + dt.timedelta(days=7 - anchor.weekday() + 5)
    else:
        tense = ctx.tense(start, end)
        if tense == "past" and anchor.weekday() < 5:
            day = anchor - dt.timedelta(days=anchor.weekday() + 1)
        else:
            day = anchor + dt.timedelta(days=5 - min(anchor.weekday(), 5))
    return tv.fmt_week(day) + "-WE"


def _season(det: str | None, code: str, ctx: Context, start: int, end: int) -> str:
    anchor = ctx.anchor
    if anchor is None:
        hint = ctx.year_hint(start)
        return f"{hint:04d}-{code}" if hint else f"XXXX-{code}"
    first = SEASON_START[code]
    # the season's start month counted from the anchor's year (winter starts in December)
    det = _words(det or "")
    started = (anchor.month, anchor.day) >= (first, 1) or (code == "WI" and anchor.month <= 2)
    year = anchor.year - 1 if code == "WI" and anchor.month <= 2 else anchor.year
    if det in ("last", "this past", "past", "the past", "the last"):
        year = year if started and not _season_current(anchor, code) else year - 1
    elif det in ("next", "this coming", "the coming", "coming"):
        year = year + 1 if started else year
    elif not det or det in ("the", "this"):
        tense = ctx.tense(start, end)
        if tense == "past" and not started:
            year -= 1
    return f"{year:04d}-{code}"


def _season_current(anchor: dt.date, code: str) -> bool:
    first = SEASON_START[code]
    months = {(first + i - 1) % 12 + 1 for i in range(3)}
    return anchor.month in months


# --- handlers ------------------------------------------------------------------------------------


def _h_iso(m: re.Match[str], ctx: Context) -> Reading | None:
    y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
    try:
        day = dt.date(y, mo, d)
    except ValueError:
        return None
    if m["hh"]:
        return "TIME", f"{day.isoformat()}T{m['hh']}:{m['mm']}", None
    return "DATE", day.isoformat(), None


def _h_slash(m: re.Match[str], ctx: Context) -> Reading | None:
    a, b, y = int(m["a"]), int(m["b"]), m["y"]
    year = int(y) if len(y) == 4 else year_of_two_digits(int(y), ctx.anchor)
    month, day = (a, b) if a <= 12 else (b, a)
    try:
        return "DATE", dt.date(year, month, day).isoformat(), None
    except ValueError:
        return None


def _h_dmy_abbr(m: re.Match[str], ctx: Context) -> Reading | None:
    month = MONTHS[m["mon"].lower().rstrip(".")]
    y = m["y"]
    year = int(y) if len(y) == 4 else year_of_two_digits(int(y), ctx.anchor)
    try:
        return "DATE", dt.date(year, month, int(m["d"])).isoformat(), None
    except ValueError:
        return None


def _date_reading(
    month_word: str, day_text: str, year_text: str | None, m: re.Match[str], ctx: Context
) -> Reading | None:
    if not _month_ok(month_word, False, ctx, m.start("mon")):
        return None
    month = MONTHS[month_word.lower().rstrip(".")]
    day = int(re.sub(r"\D", "", day_text))
    if year_text:
        year = f"{_year_text(year_text, ctx.anchor):04d}"
    else:
        year = _month_year(month, day, m.start(), m.end(), ctx)
    if year != "XXXX":
        try:
            dt.date(int(year), month, day)
        except ValueError:
            return None
    elif day > 31:
        return None
    mod = _position_mod(m["pmod"]) if "pmod" in m.groupdict() else None
    return "DATE", f"{year}-{month:02d}-{day:02d}", mod


def _h_mdy(m: re.Match[str], ctx: Context) -> Reading | None:
    return _date_reading(m["mon"], m["d"], m["y"], m, ctx)


def _h_dmy(m: re.Match[str], ctx: Context) -> Reading | None:
    return _date_reading(m["mon"], m["d"], m["y"], m, ctx)


def _h_month(m: re.Match[str], ctx: Context) -> Reading | None:
    word = m["mon"]
    if not m["y"] and re.match(
        r"\s+\d{1,2}(?:st|nd|rd|th)?\b(?![,.]?\d)", ctx.text[m.end() : m.end() + 8]
    ):
        return None  # "last Oct. 23": the date is "Oct. 23"
    alone = not m["y"] and not m["pmod"] and not m["det"]
    if not _month_ok(word, alone, ctx, m.start("mon")):
        return None
    month = MONTHS[word.lower().rstrip(".")]
    mod = _position_mod(m["pmod"])
    det = _words(m["det"] or "")
    if det in ("every", "each"):
        return "SET", f"XXXX-{month:02d}", None
    if m["y"]:
        y = m["y"].lower()
        if y.endswith("year"):
            if ctx.anchor is None:
                return None
            step = {"last": -1, "next": 1}.get(y.split()[0], 0)  # "of that year": see rebase
            year = f"{ctx.anchor.year + step:04d}"
        else:
            year = f"{_year_text(m['y'], ctx.anchor):04d}"
    elif det and ctx.anchor is not None:
        a = ctx.anchor
        if det in ("last", "this past"):
            year = f"{a.year if month < a.month else a.year - 1:04d}"
        elif det in ("next", "this coming"):
            year = f"{a.year if month > a.month else a.year + 1:04d}"
        else:
            year = f"{a.year:04d}"
    else:
        later = _LATER_MONTH_YEAR.match(ctx.text, m.end())
        if later is not None and MONTHS[later["mon"].lower().rstrip(".")] > month:
            year = later["y"]  # "February-March 1794", "between March and May 1999"
        else:
            year = _month_year(month, None, m.start(), m.end(), ctx)
    return "DATE", f"{year}-{month:02d}", mod


def _h_month_range_end(m: re.Match[str], ctx: Context) -> Reading | None:
    """The second month of "February-March 1794"."""
    if not re.search(rf"(?i)\b{_MONTH}[-–]$", ctx.text[max(0, m.start() - 12) : m.start()]):
        return None
    return _h_month(m, ctx)


_LATER_MONTH_YEAR = re.compile(
    rf"\s*(?:[-–]|\s(?:to|and|or|through|until)\s)\s*(?:early\s+|late\s+|mid-)?"
    rf"(?P<mon>{_MONTH}),?\s+(?P<y>{_YEAR4})(?!\d)",
    re.IGNORECASE,
)


def _h_weekday(m: re.Match[str], ctx: Context) -> Reading | None:
    word = m["wd"]
    if not _capitalized(word) and not (ctx.text[m.start("wd")].islower() and word.islower()):
        return None
    weekday = weekday_index(word)
    part = PARTS_OF_DAY.get(_words(m["part"] or ""))
    if m["plural"] or _words(m["det"] or "") in ("every", "each"):
        return "SET", f"XXXX-WXX-{weekday + 1}" + (f"T{part}" if part else ""), None
    mod = _position_mod(m["pmod"])
    det = _words(m["det"] or "")
    if ctx.anchor is None:
        value = f"XXXX-WXX-{weekday + 1}"
    else:
        a = ctx.anchor
        if det in ("last", "this past", "past"):
            day = a - dt.timedelta(days=(a.weekday() - weekday - 1) % 7 + 1)
        elif det in ("next", "this coming", "coming"):
            day = a + dt.timedelta(days=(weekday - a.weekday() - 1) % 7 + 1)
        elif det == "this":
            day = a + dt.timedelta(days=weekday - a.weekday())  # in the document's week
        else:
            day = tv.weekday_near(a, weekday, _deadline_tense(m.start(), m.end(), ctx))
        value = day.isoformat()
    if part:
        value = f"{value}T{part}"
    return ("TIME" if part else "DATE"), value, mod


def _h_day_range(m: re.Match[str], ctx: Context) -> Reading | None:
    """The other day of a span within one month: "April 6-7" and "15 to 22 February" are two
    dates each, the bare day taking the month (and year) of its neighbour."""
    groups = m.groupdict()
    first, second = (groups["d1"], m["d"]) if groups.get("d1") else (m["d"], groups["d2"])
    if int(re.sub(r"\D", "", first)) >= int(re.sub(r"\D", "", second)):
        return None  # not a span of days: "May 4 and 2 others"
    nxt = re.match(r"\s+([a-z]+)", ctx.text[m.end() : m.end() + 16])
    if nxt and (nxt[1] in _COUNT_NOUNS or nxt[1] in ("others", "other", "percent", "more", "of")):
        return None  # "Jan. 3 and 5 others"
    reading = _date_reading(m["mon"], m["d"], m["y"], m, ctx)
    if reading is None:
        return None
    return reading[0], reading[1], None, m.start("d"), m.end("d")


def _h_weekday_date(m: re.Match[str], ctx: Context) -> Reading | None:
    return _date_reading(m["mon"], m["d"], m["y"], m, ctx)


_DAY_WORDS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}
#: Informal spellings (tweets, chat) of the day words.
_DAY_SLANG = {
    "tmr": "tomorrow", "tmrw": "tomorrow", "tmw": "tomorrow", "2moro": "tomorrow",
    "2morrow": "tomorrow", "tomoro": "tomorrow", "tomorow": "tomorrow", "tdy": "today",
    "2day": "today", "tonite": "tonight", "2nite": "tonight", "2night": "tonight",
}  # fmt: skip


def _h_day_word(m: re.Match[str], ctx: Context) -> Reading | None:
    word = _words(m["w"])
    word = _DAY_SLANG.get(word, word)
    part = PARTS_OF_DAY.get(_words(m["part"] or ""))
    if word == "tonight":
        part = "NI"
    mod = _position_mod(m["pmod"])
    if ctx.anchor is None:
        return ("TIME" if part else "DATE"), "PRESENT_REF" if word == "today" else "XXXX-XX-XX", mod
    if word.startswith("the day before"):
        offset = -2
    elif word.startswith("the day after"):
        offset = 2
    else:
        offset = _DAY_WORDS[word]
    day = (ctx.anchor + dt.timedelta(days=offset)).isoformat()
    if part:
        return "TIME", f"{day}T{part}", mod
    return "DATE", day, mod


def _h_part_of_day(m: re.Match[str], ctx: Context) -> Reading | None:
    det, part = _words(m["det"]), PARTS_OF_DAY[_words(m["part"])]
    if ctx.anchor is None:
        return "TIME", f"XXXX-XX-XXT{part}", None
    offset = -1 if det == "last" else 0
    if det == "last" and part != "NI":
        return None
    day = ctx.anchor + dt.timedelta(days=offset)
    return "TIME", f"{day.isoformat()}T{part}", _position_mod(m["pmod"])


def _h_day_part(m: re.Match[str], ctx: Context) -> Reading | None:
    """ "in the morning", "at night": that part of the day the text is about (the document's day
    here; :func:`storyline.stages.timex.rebase` moves it to the last day the text named)."""
    part = PARTS_OF_DAY[_words(m["part"] or m["night"])]
    day = ctx.anchor.isoformat() if ctx.anchor else "XXXX-XX-XX"
    return "TIME", f"{day}T{part}", None


_REFS = {
    "now": "PRESENT_REF", "currently": "PRESENT_REF", "current": "PRESENT_REF",
    "right now": "PRESENT_REF", "nowadays": "PRESENT_REF", "these days": "PRESENT_REF", "the present": "PRESENT_REF",
    "at present": "PRESENT_REF", "presently": "PRESENT_REF", "recently": "PAST_REF",
    "recent": "PAST_REF", "lately": "PAST_REF", "the past": "PAST_REF",
    "the future": "FUTURE_REF", "a later date": "FUTURE_REF", "the near future": "FUTURE_REF",
    "the foreseeable future": "FUTURE_REF", "the near term": "FUTURE_REF",
    "the short term": "FUTURE_REF", "the long term": "FUTURE_REF",
}  # fmt: skip


def _h_ref(m: re.Match[str], ctx: Context) -> Reading | None:
    word = _words(m[0])
    if word == "current":
        # "current" the adjective of time, not the noun ("ocean current") or "current account"
        tag = ctx.tag(m.start())
        if tag and tag != "JJ":
            return None
    if word == "now" and ctx.text[m.end() : m.end() + 5].lower().startswith(" that"):
        return None
    return "DATE", _REFS[word], None


def _h_relative_unit(m: re.Match[str], ctx: Context) -> Reading | None:
    det = _words(m["det"])
    unit_word = _words(m["unit"])
    mod = _position_mod(m["pmod"])
    if unit_word in SEASON_CODES:
        if det == "the" and re.match(r"\s+of\b", ctx.text[m.end() :]):
            return None  # "the fall of Paris"
        return "DATE", _season(det, SEASON_CODES[unit_word], ctx, m.start(), m.end()), mod
    unit = "year" if unit_word in ("fiscal year", "year") else unit_word
    if ctx.text[m.end() : m.end() + 1] == "-":
        return None  # "the year-ago results", "the month-long strike"
    if (
        unit == "year"
        and det in ("the", "its", "a")
        and not m["pmod"]
        and re.match(r"\s+(?:that\s+)?end(?:ed|ing|s)\b", ctx.text[m.end() :])
    ):
        return "DURATION", "P1Y", None  # "net income for the year ended June 30": a span
    if det in ("a", "that", "its", "the same") and not m["pmod"]:
        return None  # "a year" is a duration; "that year" needs the narrative's reference
    if det in ("a", "that", "its", "the same"):
        det = "the"
    if unit in ("decade", "century") and det == "the" and not m["pmod"]:
        return None
    value = _relative_unit(det, unit, ctx, m.start(), m.end())
    if value is None:
        return "DATE", {"last": "PAST_REF", "next": "FUTURE_REF"}.get(det, "PRESENT_REF"), mod
    if m["pmod"] and _words(m["pmod"]).startswith(("earlier", "later")) and unit == "week":
        # "earlier this week": TimeBank tags "this week" alone (as it does "this year" in
        # "earlier this year" only with the modifier)
        return "DATE", value, None, m.start("det"), m.end()
    return "DATE", value, mod


#: Steps of the anaphoric determiners: "the next day" is one after the day the text last named.
_ANAPHOR_STEP = {"that": 0, "that same": 0, "the same": 0, "the next": 1, "the following": 1,
                 "the previous": -1, "the preceding": -1}  # fmt: skip


def _h_anaphor(m: re.Match[str], ctx: Context) -> Reading | None:
    """ "that same day", "later that year", "the following month": the value is the anchor's
    unit here; :func:`storyline.stages.timex.rebase` moves it to the last date the text named."""
    if ctx.anchor is None:
        return None
    unit = _words(m["unit"])
    part = PARTS_OF_DAY.get(unit)
    step = _ANAPHOR_STEP[_words(m["det"])]
    if unit in SEASON_CODES:
        # "the next spring", "that same summer": from the document's year here, from the last
        # year the text named in :func:`storyline.stages.timex.rebase`
        return (
            "DATE",
            f"{ctx.anchor.year + step:04d}-{SEASON_CODES[unit]}",
            _position_mod(m["pmod"]),
        )
    before = ctx.text[max(0, m.start() - 8) : m.start()].lower()
    if (
        unit == "day"
        and step == 0
        and not m["pmod"]
        and "same" not in m["det"].lower()
        and not re.search(r"\b(?:on|by|until|since|from)\s+$", before)
    ):
        return None  # a bare "that day" is tagged only when it refers back to a day ("on that day")
    calendar_unit = "day" if part else unit
    day = tv.shift(ctx.anchor, calendar_unit, step)  # type: ignore[arg-type]
    value = tv.fmt_unit(day, calendar_unit)  # type: ignore[arg-type]
    if part:
        return "TIME", f"{value}T{part}", _position_mod(m["pmod"])
    return "DATE", value, _position_mod(m["pmod"])


def _h_season(m: re.Match[str], ctx: Context) -> Reading | None:
    before = ctx.text[max(0, m.start() - 10) : m.start()].lower()
    word = _words(m["season"])
    loose = word in ("fall", "autumn") or re.search(r"\b(?:hot|a|an)\s+$", before)
    if loose and not re.search(
        r"\b(?:in|during|until|till|til|by|since|through|for|of)\s+$", before
    ):
        return None  # "prices fall", "a hot spring"
    if _capitalized(m["season"]) and (
        re.search(r"[a-z]\s+[A-Z][\w'’.-]*\s+$", ctx.text[max(0, m.start() - 30) : m.start()])
        or re.match(r"\s+of\s+[A-Z]", ctx.text[m.end() : m.end() + 6])
    ):
        return None  # a name: "the Arab Spring", "Spring of Life" demonstrations
    code = SEASON_CODES[word]
    return "DATE", _season(None, code, ctx, m.start(), m.end()), None


def _h_weekend(m: re.Match[str], ctx: Context) -> Reading | None:
    """ "a long weekend", "great weekend": the weekend the text is about (this one, or the last
    in the past tense); "a weekend of talks" is a span, left to the duration rules."""
    value = _weekend("", ctx, m.start(), m.end())
    return None if value is None else ("DATE", value, None)


def _h_season_mod(m: re.Match[str], ctx: Context) -> Reading | None:
    """ "the early summer": the season of :func:`_h_season` with its position."""
    code = SEASON_CODES[_words(m["season"])]
    return "DATE", _season(None, code, ctx, m.start(), m.end()), _position_mod(m["pmod"])


def _h_season_year(m: re.Match[str], ctx: Context) -> Reading | None:
    code = SEASON_CODES[_words(m["season"])]
    return "DATE", f"{_year_text(m['y'], ctx.anchor):04d}-{code}", _position_mod(m["pmod"])


def _h_year(m: re.Match[str], ctx: Context) -> Reading | None:
    year = _year_text(m["y"], ctx.anchor)
    if not _year_plausible(year, ctx):
        return None
    after = ctx.text[m.end() : m.end() + 12]
    ranged = _year_range(ctx.text, m.start("y"), m.end("y"), year)
    if not ranged and re.match(
        r"\s*(?:%|percent|per\s*cent|[-–]\d(?!\d{3}(?!\d))|\.\d|:\d|,\d{3})", after
    ):
        return None
    if re.match(r"['’]s\b", after) and year % 10 == 0:
        return None  # "the 1980's": a decade
    mod = _position_mod(m["pmod"])
    if not m["pmod"] and not m["fy"] and not ranged:
        # a bare number: a year only where a year can be (not "1500 troops", "No. 1990")
        before = ctx.text[max(0, m.start() - 12) : m.start()].lower()
        if re.search(r"(?:no\.|number|room|page|route|flight|#)\s*$", before):
            return None
        nxt = re.match(r"\s+([a-z]+)", after)
        if nxt and nxt[1] in _COUNT_NOUNS:
            return None
        if (
            year < 1900
            and not re.search(
                r"(?:in|since|of|by|until|from|to|year|between|and|before|after|the|as)"
                r"\s*$",
                before,
            )
            and not re.match(r"\s*(?:[,.;)]|['’]s\b|\n|$)", after)
        ):
            return None
    return "DATE", f"{year:04d}", mod


def _h_spelled_year(m: re.Match[str], ctx: Context) -> Reading | None:
    before = ctx.text[max(0, m.start() - 12) : m.start()].lower()
    if (
        not m["fy"]
        and not m["pmod"]
        and not re.search(
            r"\b(?:in|since|of|by|until|from|to|between|and|before|after|early|late)\s+$", before
        )
    ):
        return None  # "two thousand exiles": a number
    return _h_year(m, ctx)


def _year_range(text: str, start: int, end: int, year: int) -> bool:
    """Whether the year at ``[start, end)`` is one end of a span of years ("1861-1865",
    "1995-96"): the later year follows the earlier within a century."""
    after = re.match(r"[-–](\d{4}|\d\d)(?![\d\w])", text[end : end + 6])
    if after is not None:
        other = int(after[1]) if len(after[1]) == 4 else year // 100 * 100 + int(after[1])
        return year < other <= year + 100
    before = re.search(r"(?<![\d\w.,$-])(\d{4})[-–]$", text[max(0, start - 6) : start])
    return before is not None and int(before[1]) < year <= int(before[1]) + 100


def _h_year_short(m: re.Match[str], ctx: Context) -> Reading | None:
    """The two-digit end of a span of years: "1995-96" is 1995 and 1996."""
    first = int(m["first"])
    year = first // 100 * 100 + int(m["y"])
    if not first < year <= first + 10 or not _year_plausible(year, ctx):
        return None
    return "DATE", f"{year:04d}", None, m.start("y"), m.end("y")


_COUNT_NOUN_WORDS = """
    people persons troops soldiers men women children votes jobs workers members employees units
    shares cars homes houses deaths cases points feet foot meters metres miles kilometers km tons
    tonnes barrels pounds dollars euros yen yuan students years days hours minutes months weeks
    acres calories words pages copies vehicles refugees migrants seats residents rounds rockets
    missiles police officers protesters prisoners patients beds
"""
#: Nouns a bare number counts ("1500 troops"): such a number is not a year.
_COUNT_NOUNS = frozenset(_COUNT_NOUN_WORDS.split())


def _h_era(m: re.Match[str], ctx: Context) -> Reading | None:
    if not (m["era"] or m["era2"]).isupper():
        return None  # "5 ad", "10 ce": not an era
    year = int(m["y"] or m["y2"])
    if m["era2"]:
        return "DATE", f"{year:04d}", _position_mod(m["pmod"])
    if _words(m["era"]).replace(".", "").startswith("b"):
        return "DATE", f"BC{year:04d}", _position_mod(m["pmod"])
    return "DATE", f"{year:04d}", _position_mod(m["pmod"])


def _h_decade(m: re.Match[str], ctx: Context) -> Reading | None:
    if m["dec"]:
        value = m["dec"][:3]
    else:
        yy = int(m["short"])
        value = f"{year_of_two_digits(yy, ctx.anchor) // 10:03d}"
    return "DATE", value, _position_mod(m["pmod"])


def _h_century(m: re.Match[str], ctx: Context) -> Reading | None:
    word = _words(m["n"])
    n = int(re.sub(r"\D", "", word)) if word[0].isdigit() else ORDINALS.get(word)
    if not n:
        return None
    return "DATE", f"{n - 1:02d}", _position_mod(m["pmod"])


def _h_quarter(m: re.Match[str], ctx: Context) -> Reading | None:
    kind = _words(m["kind"])
    ord_word = _words(m["ord"])
    last = 4 if kind == "quarter" else 2
    n = last if ord_word in ("final", "last") else ORDINALS[ord_word]
    if (kind == "quarter" and n > 4) or (kind == "half" and n > 2):
        return None
    letter = "Q" if kind == "quarter" else "H"
    anchor = ctx.anchor
    start = m.start()
    if m["qdet"] and "-" in ctx.text[m.end("ord") : m.start("kind")]:
        start = m.start("ord")  # "the third-quarter results": the timex is "third-quarter"
    if m["y"] or m["fy"] or m["y2"]:
        year = _year_text(m["y"] or m["fy"] or m["y2"], anchor)
    elif m["ydet"]:
        if anchor is None:
            return None
        year = anchor.year + {"last": -1, "this": 0, "next": 1}[_words(m["ydet"])]
    elif anchor is None:
        hint = ctx.year_hint(m.start())
        if hint is None:
            return "DATE", f"XXXX-{letter}{n}", None
        year = hint
    else:
        current = (anchor.month - 1) // 3 + 1 if letter == "Q" else (anchor.month - 1) // 6 + 1
        # the latest such quarter: news reports on quarters that ended, or the current one
        year = anchor.year if n <= current else anchor.year - 1
    return "DATE", f"{year:04d}-{letter}{n}", None, start, m.end()


def _h_year_quarter(m: re.Match[str], ctx: Context) -> Reading | None:
    """ "the 1988 second quarter"; "the 1988 quarter", "the 1989 period" in an earnings report:
    the quarter just reported, in that year."""
    if m["ord"]:
        return "DATE", f"{m['y']}-Q{ORDINALS[_words(m['ord'])]}", None
    if ctx.anchor is None:
        return None
    return "DATE", f"{m['y']}{_last_quarter(ctx.anchor, 0)[4:]}", None


def _h_quarter_q(m: re.Match[str], ctx: Context) -> Reading | None:
    year = _year_text(m["y"], ctx.anchor) if m["y"] else None
    if year is None:
        if ctx.anchor is None:
            return None
        year = ctx.anchor.year
    return "DATE", f"{year:04d}-Q{m['n']}", None


def _h_duration(m: re.Match[str], ctx: Context) -> Reading | None:
    unit = _unit_of(m["unit"])
    n = number_of(m["num"])
    num_words = _words(m["num"])
    if re.fullmatch(r"(?:1\d|20)\d\d", num_words) and not m["unit"].lower().endswith("s"):
        return None  # "the 1988 quarter": a year, not 1988 quarters
    if num_words in ("a", "an") and "more" in ctx.text[m.end("num") : m.start("unit")].lower():
        return None  # "a more day" is not a duration; "an extra day" is
    if m["unit"].lower().rstrip("s") in _UNIT_ABBREVIATIONS and not num_words[:1].isdigit():
        return None  # "hrs", "min" only after digits: "5hrs", "9 mins"
    mod = _amount_mod(m["amod"])
    if m["orso"]:
        mod = "APPROX"
    if m["ago"]:
        return _shifted(n, unit, _words(m["ago"]), mod, ctx, m)
    if unit == "second" and num_words in ("a", "an") and ctx.tag(m.start("unit")) != "NN":
        return None  # "a second attack"
    if unit == "quarter" and ("-" in m[0] or re.match(r"\s+of\b", ctx.text[m.end() :])):
        return None  # "three-quarters of voters": a fraction
    if num_words in ("a", "an") and not m["det"] and not m["amod"] and _is_rate(m, ctx):
        return None  # "$500 million a year", "24 hours a day": a rate, not an amount of time
    if num_words in ("some", "many") and not m["rel"] and not m["amod"]:
        return None  # "some days it rains": not an amount of time
    start = m.start()
    between = ctx.text[m.end("num") : m.start("unit")]
    adjectival = "-" in between or (
        n is not None and n > 1 and not m["unit"].lower().endswith("s") and not m["ago"]
    )
    det = _words(m["det"] or "")
    if adjectival and m["det"]:
        start, mod = m.start("rel") if m["rel"] else m.start("num"), None  # "a two-year plan"
    elif det.startswith("each"):
        start = m.start("det") + len(m["det"]) - 3  # "each of the past three years": "the ..."
    elif m["amod"] and det == "the":
        start, mod = m.start("det"), None  # "over the past two years": "over" is a preposition
    return "DURATION", duration_value(n, unit), mod, start, m.end()


def _financial(ctx: Context, at: int) -> bool:
    """Whether the sentence around ``at`` compares quarterly results ("a year earlier" there is
    the same quarter a year before)."""
    left = max(ctx.text.rfind(". ", 0, at), ctx.text.rfind("\n", 0, at), 0)
    right = ctx.text.find(". ", at)
    sentence = ctx.text[left : right if right > 0 else len(ctx.text)].lower()
    if "quarter" in sentence or "period" in sentence:
        return True
    # an earnings report: "net rose to $5 million from $4 million a year earlier"
    head = ctx.text[:1500].lower()
    return bool(re.search(r"\b(?:first|second|third|fourth)[- ]quarter\b", head)) and bool(
        re.search(r"\b(?:net|profit|earnings|revenue|sales|income|loss)\b", sentence)
    )


_LONGER_PERIOD = re.compile(r"(?i)\b(?:(?:six|nine)\s+months|(?:first|second)\s+half)\b")


def _longer_period(ctx: Context, at: int) -> bool:
    """Whether the sentence, before ``at``, reports a period longer than a quarter ("For the nine
    months, net rose ... from ... a year earlier": the year before, not its quarter)."""
    left = max(ctx.text.rfind(". ", 0, at), ctx.text.rfind("\n", 0, at), 0)
    return bool(_LONGER_PERIOD.search(ctx.text, left, at))


def _last_quarter(anchor: dt.date, years_back: int) -> str:
    """The last completed quarter before ``anchor``, ``years_back`` years earlier."""
    day = tv.shift(anchor, "quarter", -1)
    return f"{day.year - years_back:04d}-Q{(day.month - 1) // 3 + 1}"


_RATE_WORDS = frozenset(
    [
        "million",
        "billion",
        "trillion",
        "thousand",
        "hundred",
        "percent",
        "cents",
        "dollars",
        "times",
        "once",
        "twice",
        "thrice",
    ]
)


def _is_rate(m: re.Match[str], ctx: Context) -> bool:
    before = re.search(r"([\w$%.,]+)\s+$", ctx.text[max(0, m.start() - 30) : m.start()])
    if before is None:
        return False
    word = before[1].lower()
    if any(c.isdigit() for c in word) or word.rstrip(".,") in _RATE_WORDS:
        return True
    return ctx.tag(m.start() - len(before[0])) in ("CD", "NNS")


def _shifted(
    n: float | None,
    unit: str,
    direction: str,
    mod: str | None,
    ctx: Context,
    m: re.Match[str],
) -> Reading:
    back = direction in ("ago", "earlier", "before", "previously", "back")
    if n is None or ctx.anchor is None or n != int(n):
        return "DATE", "PAST_REF" if back else "FUTURE_REF", mod
    if (
        unit == "year"
        and n == 1
        and back
        and _financial(ctx, m.start())
        and not _longer_period(ctx, m.start())
    ):
        return "DATE", _last_quarter(ctx.anchor, 1), mod
    calendar_unit = UNITS[unit][2]
    if unit in ("decade", "century"):
        calendar_unit, n = "year", n * (10 if unit == "decade" else 100)
    if unit in ("second", "minute", "hour"):
        calendar_unit = "day"
        n = 0 if unit != "hour" or n < 24 else n // 24
    step = int(n) * (2 if unit == "fortnight" else 1)
    day = tv.shift(ctx.anchor, calendar_unit, -step if back else step)  # type: ignore[arg-type]
    return "DATE", tv.fmt_unit(day, calendar_unit), mod  # type: ignore[arg-type]


def _h_unit_long(m: re.Match[str], ctx: Context) -> Reading | None:
    """ "a day-long meeting", "a decades-long battle": a span of one (or some) of the unit."""
    unit = _unit_of(m["unit"])
    if m["pl"]:
        return "DURATION", "PXY" if unit == "decade" else duration_value(None, unit), None
    return "DURATION", duration_value(1, unit), None


def _h_year_ago(m: re.Match[str], ctx: Context) -> Reading | None:
    if ctx.anchor is None:
        return None
    value = (
        _last_quarter(ctx.anchor, 1)
        if m["what"] or (_financial(ctx, m.start()) and not _longer_period(ctx, m.start()))
        else f"{ctx.anchor.year - 1:04d}"
    )
    words = _words(m[0])
    if (
        not m["what"]
        and words.startswith("the year")
        and re.match(r"\s+[a-z]", ctx.text[m.end() :])
    ):
        # "the year-ago results": the timex is the adjective, "year-ago"
        return "DATE", value, None, m.start() + m[0].lower().index("year"), m.end()
    return "DATE", value, None


def _h_year_end(m: re.Match[str], ctx: Context) -> Reading | None:
    """ "year-end", "by year's end": the end of the year named, else of the document's year."""
    if m["y"]:
        return "DATE", m["y"], "END"
    if ctx.anchor is None:
        return None
    return "DATE", f"{ctx.anchor.year:04d}", "END"


def _h_latest_period(m: re.Match[str], ctx: Context) -> Reading | None:
    if ctx.anchor is None:
        return None
    return "DATE", _last_quarter(ctx.anchor, 0), None


def _h_bare_units(m: re.Match[str], ctx: Context) -> Reading | None:
    unit = _unit_of(m["unit"])
    qual = _words(m["qual"] or "")
    if m["ago"]:
        return "DATE", "PAST_REF", None
    if not qual:
        before = ctx.text[max(0, m.start() - 12) : m.start()].lower()
        if not re.search(
            r"(?:\bfor|\bwithin|\bover|\bin|\btook|\btake|\btakes|\blast|\blasted"
            r"|\bspent|\bfor\s+many)\s+$",
            before,
        ):
            return None
    return "DURATION", duration_value(None, unit), None


def _h_time(m: re.Match[str], ctx: Context) -> Reading | None:
    if m["noon"]:
        word = _words(m["noon"])
        hh, mm = (24, 0) if word == "midnight" else (12, 0)
    else:
        hh = int(m["h"] or m["h24"])
        mm = int(m["min"] or m["min24"] or 0)
        ap = (m["ap"] or "").lower()
        if ap.startswith("p") and hh < 12:
            hh += 12
        elif ap.startswith("a") and hh == 12:
            hh = 0
        if hh > 24 or mm > 59:
            return None
        if m["h24"] and not m["day"] and not m["tz"]:
            # a bare "10:30" is a time only in a time context, not a score or a verse
            before = ctx.text[max(0, m.start() - 6) : m.start()].lower()
            if not re.search(r"(?:at|by|until|from|to|since|about|around)\s+$", before):
                return None
    day_value = None
    if m["day"]:
        inner = _DAY_SUB.fullmatch(ctx.text, m.start("day"), m.end("day"))
        if inner is not None:
            day_value = _day_part_value(inner, ctx, m.start())
    if day_value is None:
        day_value = ctx.anchor.isoformat() if ctx.anchor else "XXXX-XX-XX"
    mod = "APPROX" if m["amod"] else None
    return "TIME", f"{day_value}T{hh:02d}:{mm:02d}", mod


def _deadline_tense(start: int, end: int, ctx: Context) -> Tense | None:
    """The verb's tense, except after "until" or "till": a deadline lies ahead ("has given them
    until Tuesday", "postponed until Tuesday morning")."""
    if _UNTIL.search(ctx.text, max(0, start - 12), start):
        tense = ctx.tense(start, end)
        if tense == "past" and _PLUPERFECT.search(_clause(ctx.text, start, end)):
            return "past"  # "Until Thursday, they had not called him a suspect": a past bound
        return "future"
    return ctx.tense(start, end)


_UNTIL = re.compile(r"(?i)\b(?:until|till)\s+(?:at\s+)?$")
_PLUPERFECT = re.compile(
    r"(?i)\bhad(?:n't|\s+not|\s+never)?\s+(?:been\s+)?[a-z]+(?:ed|en|wn|ld|nt|ne|de)\b"
)


def _clause(text: str, start: int, end: int) -> str:
    """The sentence around ``[start, end)``, cut at sentence ends (at most 150 characters on each
    side)."""
    before = text[max(0, start - 150) : start]
    after = text[end : end + 150]
    cut = max(before.rfind(". "), before.rfind("\n"))
    stop = min((i for i in (after.find(". "), after.find("\n")) if i >= 0), default=len(after))
    return before[cut + 1 :] + text[start:end] + after[:stop]


def _h_week_of(m: re.Match[str], ctx: Context) -> Reading | None:
    """ "the week of March 6": the week that holds the day."""
    reading = _date_reading(m["mon"], m["d"], m["y"], m, ctx)
    if reading is None or reading[1].startswith("X"):
        return None
    return "DATE", tv.fmt_week(dt.date.fromisoformat(reading[1])), None


def _h_clock_part(m: re.Match[str], ctx: Context) -> Reading | None:
    """ "4 in the morning", "10 at night": a clock time on the document's day (the last day the
    text named, through :func:`storyline.stages.timex.rebase`)."""
    hh, mm = int(m["h"]), int(m["min"] or 0)
    part = m["part"] or m["night"]
    if part.lower() != "morning" and hh < 12 and not (part.lower() == "night" and hh < 5):
        hh += 12
    if part.lower() == "morning" and hh == 12:
        hh = 0
    day = ctx.anchor.isoformat() if ctx.anchor else "XXXX-XX-XX"
    return "TIME", f"{day}T{hh:02d}:{mm:02d}", None


def _day_part_value(inner: re.Match[str], ctx: Context, outer: int | None = None) -> str | None:
    if inner["dw"]:
        word = _words(inner["dw"])
        word = _DAY_SLANG.get(word, word)
        if ctx.anchor is None:
            return None
        return (ctx.anchor + dt.timedelta(days=_DAY_WORDS[word])).isoformat()
    if inner["mon"]:
        reading = _date_reading(inner["mon"], inner["d"], None, inner, ctx)
        return reading[1] if reading else None
    if inner["wd"] and ctx.anchor is not None:
        weekday = weekday_index(inner["wd"])
        start = inner.start() if outer is None else outer
        return tv.weekday_near(
            ctx.anchor, weekday, _deadline_tense(start, inner.end(), ctx)
        ).isoformat()
    return None


def _h_holiday(m: re.Match[str], ctx: Context) -> Reading | None:
    name = _words(m["hol"]).replace("'", "")
    if name in ("xmas", "x-mas"):
        name = "christmas"
    if m["y"]:
        year: int | None = _year_text(m["y"], ctx.anchor)
    elif ctx.anchor is not None:
        days = [_holiday_date(name, y) for y in range(ctx.anchor.year - 1, ctx.anchor.year + 2)]
        known = [d for d in days if d is not None]
        if not known:
            return None
        tense = ctx.tense(m.start(), m.end())
        a = ctx.anchor
        if tense == "past":
            pick = max((d for d in known if d <= a), default=known[0])
        elif tense == "future":
            pick = min((d for d in known if d >= a), default=known[-1])
        else:
            pick = min(known, key=lambda d: abs((d - a).days))
        year = pick.year
    else:
        year = ctx.year_hint(m.start())
    fixed = {
        "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
        "new years": (1, 1), "new years day": (1, 1), "new years eve": (12, 31),
        "halloween": (10, 31), "valentines day": (2, 14), "independence day": (7, 4),
        "veterans day": (11, 11), "boxing day": (12, 26),
    }  # fmt: skip
    if name.startswith("christmas holiday"):
        return "DATE", f"{year:04d}-12" if year else "XXXX-12", None
    if year is None:
        if name in fixed:
            mo, d = fixed[name]
            return "DATE", f"XXXX-{mo:02d}-{d:02d}", None
        return None
    day = _holiday_date(name, year)
    return None if day is None else ("DATE", day.isoformat(), None)


def _holiday_date(name: str, year: int) -> dt.date | None:
    fixed = {
        "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
        "new years": (1, 1), "new years day": (1, 1), "new years eve": (12, 31),
        "halloween": (10, 31), "valentines day": (2, 14), "independence day": (7, 4),
        "veterans day": (11, 11), "boxing day": (12, 26),
    }  # fmt: skip
    if name in fixed:
        mo, d = fixed[name]
        day = dt.date(year, mo, d)
    elif name.startswith("thanksgiving"):
        day = tv.nth_weekday_of(year, 11, 3, 4)
    elif name.startswith("easter"):
        day = tv.easter(year) + dt.timedelta(days=1 if name.endswith("monday") else 0)
    elif name == "good friday":
        day = tv.easter(year) - dt.timedelta(days=2)
    elif name == "labor day":
        day = tv.nth_weekday_of(year, 9, 0, 1)
    elif name == "memorial day":
        day = tv.last_weekday_of(year, 5, 0)
    elif name == "mothers day":
        day = tv.nth_weekday_of(year, 5, 6, 2)
    elif name == "fathers day":
        day = tv.nth_weekday_of(year, 6, 6, 3)
    else:
        return None
    return day


def _h_set(m: re.Match[str], ctx: Context) -> Reading | None:
    word = _words(m[0])
    table = {
        "daily": "P1D", "weekly": "P1W", "monthly": "P1M", "yearly": "P1Y",
        "quarterly": "P3M", "hourly": "PT1H", "nightly": "P1D", "biweekly": "P2W",
    }  # fmt: skip
    if word in table:
        if word in ("weekly", "monthly", "daily", "quarterly") and ctx.tag(m.start()) in ("JJ",):
            nxt = ctx.text[m.end() : m.end() + 1]
            if nxt == " " and word != "daily":
                return None  # "a weekly newspaper" is not a time expression in TimeML news
        return "SET", table[word], None
    unit = _unit_of(m["unit"])
    if unit in PARTS_OF_DAY:
        return "SET", f"XXXX-XX-XXT{PARTS_OF_DAY[unit]}", None
    if m["n"]:
        n = number_of(m["n"])
        return "SET", duration_value(n, unit), None
    return "SET", duration_value(1, unit), None


# --- the rules -----------------------------------------------------------------------------------

_DAY_SUB = re.compile(
    rf"(?:(?P<dw>today|yesterday|tomorrow|tonight|{alternation(_DAY_SLANG)})|(?P<wd>{_WEEKDAY})"
    rf"|(?P<mon>{_MONTH})\s+(?P<d>{_DAY}))",
    re.IGNORECASE,
)

_RULES_SRC: tuple[tuple[str, str, Handler], ...] = (
    ("iso", rf"{_B}(?P<y>\d{{4}})-(?P<m>\d\d)-(?P<d>\d\d)(?:T(?P<hh>\d\d):(?P<mm>\d\d)(?::\d\d)?)?(?![\d-])", _h_iso),
    ("slash", rf"{_B}(?P<a>\d{{1,2}})/(?P<b>\d{{1,2}})/(?P<y>\d{{4}}|\d\d)(?![\d/])", _h_slash),
    ("dmy_abbr", rf"{_B}(?P<d>\d{{1,2}})[-\s](?P<mon>{_MONTH_ABBR_DOT})[-\s](?P<y>\d{{4}}|\d\d)(?![\d-])", _h_dmy_abbr),
    ("mdy", rf"{_B}(?P<pmod>{_POS_MOD})?(?:(?:{_WEEKDAY}),?\s+)?(?P<mon>{_MONTH})\s+(?P<d>{_DAY})(?:,?\s+(?:of\s+)?(?P<y>{_YEAR}))?(?![\d,]\d)(?!\w|:\d)", _h_mdy),
    ("day_range_end", rf"(?<![\w.])(?P<mon>{_MONTH})\s+(?P<d1>{_DAY})\s*(?:[-–]|\s+(?:to|and|or|through|until)\s+)(?P<d>{_DAY})(?:,?\s+(?P<y>{_YEAR}))?(?![\d\w]|[-–:/]\d)", _h_day_range),
    ("day_range_start", rf"{_B}(?P<d>{_DAY})\s*(?:[-–]|\s+(?:to|and|or|through|until)\s+)(?P<d2>{_DAY})\s+(?:of\s+)?(?P<mon>{_MONTH})(?:,?\s+(?P<y>{_YEAR}))?{_E}", _h_day_range),
    ("dmy_range_end", rf"(?<=\d[-–])(?P<d>{_DAY})\s+(?:of\s+)?(?P<mon>{_MONTH})(?:,?\s+(?P<y>{_YEAR}))?{_E}", _h_dmy),
    ("dmy", rf"{_B}(?:(?:{_WEEKDAY}),?\s+)?(?:the\s+)?(?P<d>{_DAY})\s+(?:of\s+)?(?P<mon>{_MONTH})(?:,?\s+(?P<y>{_YEAR}))?{_E}", _h_dmy),
    ("month", rf"{_B}(?P<pmod>{_POS_MOD})?(?:(?P<det>last|next|this|this\s+past|this\s+coming|every|each)\s+)?(?P<mon>{_MONTH})(?:,?\s+(?:of\s+)?(?P<y>{_YEAR}|(?:last|this|next)\s+year|(?<=of\s)(?:that|the\s+same)\s+year))?(?![\w]|-(?!{_MONTH}))", _h_month),
    ("month_range_end", rf"(?<=[a-z.][-–])(?P<pmod>)(?P<det>)(?P<mon>{_MONTH})(?:,?\s+(?P<y>{_YEAR}))?(?![\w-])", _h_month_range_end),
    ("weekday", rf"{_B}(?P<pmod>(?:early|late|mid)\s+)?(?:(?P<det>last|next|this\s+past|this\s+coming|this|coming|past|every|each)\s+)?(?P<wd>{_WEEKDAY})(?P<plural>s)?(?:\s+(?P<part>{_PART}))?{_E}", _h_weekday),
    ("weekday_abbr", rf"{_B}(?P<pmod>)(?P<det>this|next|last|every|coming)\s+(?P<wd>mon|tues?|wed|thu|thurs?|fri|sat|sun)(?P<plural>)(?:\s+(?P<part>{_PART}))?{_E}", _h_weekday),
    ("day_word", rf"{_B}(?P<pmod>(?:early|late|later|earlier)\s+)?(?P<w>today|tonight|yesterday|tomorrow|{alternation(_DAY_SLANG)}|the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow)(?:\s+(?P<part>morning|afternoon|evening|night))?{_E}", _h_day_word),
    ("part_of_day", rf"{_B}(?P<pmod>(?:early|late|later|earlier)\s+)?(?P<det>this|last)\s+(?P<part>morning|afternoon|evening|night|nite){_E}", _h_part_of_day),
    ("day_part", r"(?:(?<=\b[Ii]n\s)|(?<=\bduring\s))the\s+(?P<part>morning|afternoon|evening|night)(?!\s+(?:of|before|after|when|that|in)\b)(?![\w-])|(?<=\bat\s)(?P<night>night)(?![\w-])", _h_day_part),
    ("ref", rf"{_B}(?:{alternation(_REFS)}){_E}", _h_ref),
    ("anaphor", rf"{_B}(?P<pmod>(?:early|late|earlier|later)\s+)?(?P<det>that(?:\s+same)?|the\s+same|the\s+next|the\s+following|the\s+previous|the\s+preceding)\s+(?P<unit>day|week|month|year|morning|afternoon|evening|night|spring|summer|autumn|fall|winter){_E}", _h_anaphor),
    ("rel_unit", rf"{_B}(?P<pmod>{_POS_MOD})?(?P<det>{_REL})\s+(?P<unit>week|weekend|month|year|quarter|decade|century|fiscal\s+year|{_SEASON}){_E}", _h_relative_unit),
    ("season_mod", rf"{_B}the\s+(?P<pmod>early|late|mid-|middle\s+of\s+)\s*(?P<season>{_SEASON}){_E}", _h_season_mod),
    ("weekend", rf"{_B}(?<!\ba\s)(?<!\ban\s)weekend{_E}", _h_weekend),
    ("season", rf"{_B}(?P<season>{_SEASON}){_E}", _h_season),
    ("year_season", rf"{_B}(?P<pmod>)(?P<y>{_YEAR4})\s+(?P<season>spring|summer|autumn|winter){_E}", _h_season_year),
    ("season_year", rf"{_B}(?P<pmod>{_POS_MOD})?(?:the\s+)?(?P<season>{_SEASON})\s+(?:of\s+)?(?P<y>{_YEAR}){_E}", _h_season_year),
    ("year_range_end", rf"(?<=[12]\d{{3}}[-–])(?<!\d[12]\d{{3}}[-–])(?P<pmod>)(?P<fy>)(?P<y>{_YEAR4})(?![\d\w'’-]|,\d)", _h_year),
    ("year", rf"{_B}(?P<pmod>{_POS_MOD})?(?:(?P<fy>fiscal(?:\s+year)?|FY|calendar(?:\s+year)?|the\s+year)\s*)?(?P<y>{_YEAR4})(?![\d\w]|['’](?!s\b)|,\d)", _h_year),
    ("year_range_short", rf"(?<![\d\w.,$-])(?P<first>{_YEAR4})[-–](?P<y>\d\d)(?![\d\w'’-]|,\d)", _h_year_short),
    ("spelled_year", rf"{_B}(?P<pmod>{_POS_MOD})?(?:(?P<fy>the\s+year)\s+)?(?P<y>{_SPELLED_YEAR}){_E}", _h_spelled_year),
    ("fiscal_yy", rf"{_B}(?P<pmod>)(?P<fy>fiscal(?:\s+year)?)\s+(?P<y>'\d\d){_E}", _h_year),
    ("era", rf"{_B}(?P<pmod>{_POS_MOD})?(?:(?P<y>\d{{1,4}})\s*(?P<era>BCE?|B\.C\.(?:E\.)?|AD|A\.D\.|CE)|(?P<era2>AD|A\.D\.)\s*(?P<y2>\d{{1,4}}))(?![\w])", _h_era),
    ("decade", rf"{_B}(?:the\s+)?(?P<pmod>{_POS_MOD})?(?:(?P<dec>1[0-9]{{2}}0|20[0-9]0)'?s|'(?P<short>[0-9]0)s){_E}", _h_decade),
    ("century", rf"{_B}(?:the\s+)?(?P<pmod>{_POS_MOD})?(?P<n>\d{{1,2}}(?:st|nd|rd|th)|{alternation(ORDINALS)})[\s-]+century{_E}", _h_century),
    ("quarter", rf"{_B}(?:(?P<qdet>the|this|last|next|the\s+current|the\s+latest|the\s+same|the\s+previous)\s+)?(?:fiscal\s+)?(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|final|last)[\s-]+(?:fiscal[\s-]+)?(?P<kind>quarter|half)(?:\s+of\s+(?:(?P<y>{_YEAR4})|fiscal\s+(?P<fy>{_YEAR4})|(?P<ydet>this|last|next)\s+year)|,?\s+(?P<y2>{_YEAR4}))?(?!\w)", _h_quarter),
    ("year_quarter", rf"{_B}the\s+(?P<y>{_YEAR4})\s+(?:(?P<ord>first|second|third|fourth)[\s-]+)?(?:fiscal\s+)?(?:quarter|period)(?!\w)", _h_year_quarter),
    ("quarter_q", rf"{_B}(?:the\s+)?Q(?P<n>[1-4])(?:\s+(?P<y>{_YEAR4}))?{_E}", _h_quarter_q),
    ("duration", rf"{_B}(?:(?P<amod>{_AMOUNT_MOD})\s+)?(?:(?P<det>the|a|an|each\s+of\s+the)\s+)?(?:(?P<rel>past|last|next|first|coming|previous|following|latest|final|remaining|recent|entire|whole|full|better\s+part\s+of\s+the|rest\s+of\s+the|other)\s+)?(?P<num>{_NUM})(?:\s+(?:more|additional|extra|straight|consecutive))?(?:[\s-]+|(?<=\d)(?=[a-z]))(?P<unit>{_UNIT})(?![- ]old\b)(?P<orso>\s+or\s+so)?(?:\s+(?P<ago>ago|earlier|later|from\s+now))?{_E}", _h_duration),
    ("unit_long", rf"{_B}(?P<unit>hour|day|week|month|year|decade)(?P<pl>s)?-long{_E}", _h_unit_long),
    ("year_ago", rf"{_B}(?:the\s+)?(?:comparable\s+|same\s+)?year[- ](?:ago|earlier)(?:\s+(?P<what>(?:(?:first|second|third|fourth)\s+)?quarter|period))?{_E}", _h_year_ago),
    ("year_end", rf"{_B}(?:(?P<y>{_YEAR4})\s+)?year(?:[- ]end|'s\s+end)(?![\w-])", _h_year_end),
    ("latest_period", rf"{_B}the\s+(?:latest|most\s+recent|recent)\s+(?:period|quarter){_E}", _h_latest_period),
    ("bare_units", rf"{_B}(?P<qual>(?:the\s+)?(?:past|last|next|coming|recent|following|previous|early|final|few|several|many)(?:\s+(?:few|several|many))?\s+)?(?P<unit>(?:second|minute|hour|day|week|month|quarter|year|decade)s|centuries)(?P<ago>\s+ago)?{_E}", _h_bare_units),
    ("time", rf"{_B}(?:(?P<amod>about|around|approximately|roughly)\s+)?(?:(?P<h>\d{{1,2}})(?:[:.](?P<min>\d\d))?\s*(?P<ap>a\.m\.|p\.m\.|a\.m|p\.m|am|pm)(?!\w)|(?P<h24>\d{{1,2}}):(?P<min24>\d\d)(?![\d:])|(?P<noon>noon|midnight|midday))(?:\s+(?P<tz>[ECMP][SD]T|GMT|UTC|local\s+time))?(?:,?\s+(?P<day>today|yesterday|tomorrow|tonight|{alternation(_DAY_SLANG)}|{_WEEKDAY}|{_MONTH}\s+{_DAY}))?(?![\w:])", _h_time),
    ("time", rf"{_B}(?P<h>1[0-2]|0?[1-9])(?::(?P<min>[0-5]\d))?\s+(?:o'clock\s+)?(?:in\s+the\s+(?P<part>morning|afternoon|evening)|at\s+(?P<night>night)){_E}(?!\s+of\b)", _h_clock_part),
    ("week_of", rf"{_B}the\s+week\s+of\s+(?P<mon>{_MONTH})\s+(?P<d>{_DAY})(?:,?\s+(?P<y>{_YEAR}))?(?![\d,]\d)(?!\w)", _h_week_of),
    ("holiday", rf"{_B}(?P<hol>{_HOLIDAY})(?:,?\s+(?P<y>{_YEAR4}))?{_E}", _h_holiday),
    ("set", rf"{_B}(?:daily|weekly|monthly|yearly|quarterly|hourly|nightly|biweekly|(?:every|each|per)\s+(?:(?P<n>other|two|three|four|five|six|few|\d+)\s+)?(?P<unit>second|minute|hour|day|week|month|quarter|year|decade|morning|afternoon|evening|night)s?){_E}", _h_set),
)  # fmt: skip


_MONTH_KEYS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_WEEKDAY_KEYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_UNIT_KEYS = (
    "second",
    "minute",
    "hour",
    "day",
    "week",
    "fortnight",
    "month",
    "quarter",
    "year",
    "decade",
    "centur",
)
_SEASON_KEYS = ("spring", "summer", "fall", "autumn", "winter")
_DIGITS = "0123456789"

#: Words (lower case) one of which must occur in a stretch of text for a rule to be tried there;
#: "0123456789" stands for any digit. The regexes are the costly part of the stage: most
#: sentences hold no month, weekday or unit word, so most rules skip most sentences.
_RULE_KEYS: dict[str, tuple[str, ...]] = {
    "iso": (_DIGITS,), "slash": (_DIGITS,), "dmy_abbr": (_DIGITS,), "mdy": _MONTH_KEYS, "month_range_end": _MONTH_KEYS, "week_of": ("week of",),
    "dmy": _MONTH_KEYS, "day_range_end": _MONTH_KEYS, "day_range_start": _MONTH_KEYS,
    "dmy_range_end": _MONTH_KEYS, "month": _MONTH_KEYS, "weekday": _WEEKDAY_KEYS, "weekday_abbr": _WEEKDAY_KEYS,
    "day_word": ("today", "tonight", "yesterday", "tomorrow", "tmr", "tmw", "2mor", "tomo",
                 "tdy", "2day", "tonite", "2nite", "2night"),
    "part_of_day": ("morning", "afternoon", "evening", "night", "nite"),
    "day_part": ("morning", "afternoon", "evening", "night"),
    "ref": ("now", "current", "recent", "lately", "past", "future", "present", "days", "term",
            "later date"),
    "anaphor": ("that", "same", "next", "following", "previous", "preceding"),
    "rel_unit": _UNIT_KEYS + _SEASON_KEYS, "season_year": _SEASON_KEYS, "year_season": _SEASON_KEYS, "season": _SEASON_KEYS, "season_mod": _SEASON_KEYS, "weekend": ("weekend",),
    "year_range_end": (_DIGITS,), "year_range_short": (_DIGITS,), "spelled_year": ("nineteen", "two thousand"), "year": (_DIGITS,), "fiscal_yy": ("fiscal",),
    "decade": (_DIGITS,), "era": (_DIGITS,), "century": ("centur",), "quarter": ("quarter", "half"),
    "year_quarter": ("quarter", "period"),
    "quarter_q": ("q",), "duration": (*_UNIT_KEYS, "hr", "min", "sec", "yr", "wk"), "year_ago": ("year",), "unit_long": ("-long",),
    "year_end": ("year",),
    "latest_period": ("period", "quarter"), "bare_units": _UNIT_KEYS,
    "time": (_DIGITS, "noon", "midnight", "midday"),
    "holiday": ("christmas", "xmas", "x-mas", "new year", "thanksgiving", "easter", "good friday", "halloween",
                "valentine", "independence", "labor day", "memorial", "veterans", "boxing",
                "mother", "father"),
    "set": ("daily", "weekly", "monthly", "yearly", "quarterly", "hourly", "nightly", "every",
            "each", "per "),
}  # fmt: skip

# Stretches of text no expression crosses: lines, and sentences ending in a word of three or more
# lower-case letters (so "Oct. 27", "Sept. 30" and "4 a.m. EDT" are never cut).
_STRETCH_END = re.compile(r"\n|(?<=[a-z]{3}[.!?])\s+(?=[A-Z\"“‘'(])")


@cache
def compiled_rules() -> tuple[tuple[str, re.Pattern[str], Handler, frozenset[str]], ...]:
    """The grammar's rules, compiled once, with the words that trigger them."""
    return tuple(
        (name, re.compile(src, re.IGNORECASE), h, frozenset(_RULE_KEYS[name]))
        for name, src, h in _RULES_SRC
    )


@cache
def _all_keys() -> tuple[str, ...]:
    return tuple(sorted({k for keys in _RULE_KEYS.values() for k in keys} - {_DIGITS}))


def stretches(text: str) -> list[tuple[int, int]]:
    """The ``[start, end)`` stretches (lines, sentences) the rules are tried on one by one."""
    out = []
    start = 0
    for m in _STRETCH_END.finditer(text):
        if m.start() > start:
            out.append((start, m.start()))
        start = m.end()
    if start < len(text):
        out.append((start, len(text)))
    return out


def match_all(ctx: Context) -> list[Candidate]:
    """Every rule match in the context's text that normalizes, overlapping."""
    found: list[Candidate] = []
    text = ctx.text
    rules = compiled_rules()
    for begin, finish in stretches(text):
        lower = text[begin:finish].lower()
        present = {k for k in _all_keys() if k in lower}
        if any(d in lower for d in _DIGITS):
            present.add(_DIGITS)
        if not present:
            continue
        for name, pattern, handler, keys in rules:
            if keys.isdisjoint(present):
                continue
            for m in pattern.finditer(text, begin, finish):
                if m.end() == m.start():
                    continue
                reading = handler(m, ctx)
                if reading is None:
                    continue
                start, end = (reading[3], reading[4]) if len(reading) == 5 else m.span()
                start, end = _trim(text, start, end)
                found.append(Candidate(start, end, reading[0], reading[1], reading[2], name))
    return found


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop surrounding spaces and trailing punctuation that is not an abbreviation's dot."""
    while end > start and text[end - 1] in " \t\n,;:":
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    return start, end

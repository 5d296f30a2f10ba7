"""The timex stage: finds time expressions and normalizes them to TimeML TIMEX3 values.

Reads: ``doc.text``, the tagger's and parser's token annotations (to tell modal "may" from the
month and to read the tense of the verb a relative date hangs on), ``doc._.published`` (the
document creation time, the anchor of relative dates) and ``doc._.doc_id``.
Writes: ``doc._.timexes: list[Timex]``, sorted by start, non-overlapping, offsets into ``doc.text``.

The grammar lives in ``timex_rules``, calendar arithmetic and value comparison in
``timex_values``; this module picks among overlapping matches and wires the spaCy component.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from collections.abc import Callable
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Token

from storyline.records import Timex, TimexType
from storyline.stages import ensure_doc_extensions, stage_guard
from storyline.stages.timex_rules import Candidate, Context, match_all
from storyline.stages.timex_values import (
    Tense,
    date_of_value,
    fmt_month,
    fmt_week,
    is_valid_value,
    parse_anchor,
    shift,
)

__all__ = [
    "TimexStage",
    "date_of_value",
    "find_timexes",
    "find_timexes_in_text",
    "is_valid_value",
    "normalize",
    "parse_anchor",
]

_FUTURE_AUX = frozenset({"will", "'ll", "shall", "wo", "ll"})
_FUTURE_HEADS = frozenset(
    {"plan", "expect", "intend", "hope", "want", "schedule", "set", "aim", "seek", "prepare",
     "promise", "pledge", "vow", "agree", "decide", "wish", "try", "need", "threaten", "go"}
)  # fmt: skip
_SCHEDULE_VERBS = frozenset({"schedule", "slate", "plan", "expect", "due", "reschedule"})
_EXPLICIT_YEAR = re.compile(r"(?<![\d$,.£€#])(1[0-9]{3}|20[0-9]{2})(?![\d%]|[,.]\d)")
_MONTH_BEFORE = re.compile(
    r"\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+(?:\d{1,2}(?:st|nd|rd|th)?,?\s+)?$"
)
_MONTH_NUMBERS = {
    m: i
    for i, m in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}


#: Dependencies of a verb's subject: a date there dates the subject, not the verb's schedule.
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})


def verb_tense(verb: Token, depth: int = 0, schedules: bool = True) -> Tense | None:
    """The tense of a verb from its tag and auxiliaries: past, present or future; None if unclear.

    Verbs of scheduling ("set for", "scheduled", "planned", "due") look ahead whatever their tense,
    unless ``schedules`` is false and they are in the past: the date is then in their subject, what
    was planned, not when for ("Tuesday's attack was planned abroad").
    """
    told_past = any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in verb.children)
    if verb.lemma_ in _SCHEDULE_VERBS and (schedules or not told_past):
        return "future"
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if verb.lemma_ == "set" and verb.tag_ == "VBN" and verb.dep_ == "acl":
        if any(c.dep_ == "prep" and c.lower_ == "for" for c in verb.children):
            return "future"  # "a summit set for April", not "the record set on Aug. 6"
        return "past"
    words = {a.lower_ for a in auxes}
    if words & _FUTURE_AUX:
        return "future"
    if words & {"may", "might", "should", "must", "can"} and verb.tag_ == "VB":
        return "future"  # "may visit in May": a possibility ahead of the document's date
    if verb.tag_ == "VB" and "to" in words:
        # an infinitive: "plans to visit Thursday" looks ahead, "refused to comment" does not
        head = verb.head
        if head is not verb and head.lemma_ in _FUTURE_HEADS:
            return "future"
        if head is not verb and head.lemma_ == "be" and head.tag_ in ("VBZ", "VBP"):
            return "future"  # "is to resume trading Tuesday": an arrangement ahead
        if head is not verb and head.pos_ in ("VERB", "AUX") and depth < 4:
            return verb_tense(head, depth + 1)
        return None
    tags = [verb.tag_] + [a.tag_ for a in auxes]
    if "VBD" in tags:
        return "past"
    if verb.tag_ == "VBN" and any(a.lemma_ == "have" for a in auxes):
        return "past"
    if "MD" in tags:
        return None
    if verb.tag_ == "VBN" and not auxes:
        return "past"  # a reduced relative: "the talks held Thursday"
    if any(t in ("VBP", "VBZ") for t in tags):
        return "present"
    return None


def tense_at(doc: Doc, start: int, end: int) -> Tense | None:
    """The tense of the verb that the words at ``[start, end)`` depend on, None if none found."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    token = span.root
    via = token.dep_
    for _ in range(8):
        if token.pos_ in ("VERB", "AUX"):
            return verb_tense(token, schedules=via not in _SUBJECTS)
        if token.head is token:
            break
        via = token.dep_
        token = token.head
    return None


def _tagger(doc: Doc) -> Callable[[int], str]:
    starts = doc.to_array("IDX").tolist()

    def tag(offset: int) -> str:
        i = bisect_left(starts, offset)
        if i < len(starts) and starts[i] == offset:
            return str(doc[i].tag_)
        return ""

    return tag


_YEAR_HEADING = re.compile(r"(?m)^[ \t]*(1[0-9]{3}|20[0-9]{2})(?::[^\n]{0,80}|[ \t]*)$")


def _explicit_years(text: str, anchor: dt.date | None) -> list[tuple[int, int, int | None]]:
    """(offset, year, month or None) of every year the text writes out."""
    limit = (anchor.year if anchor else 2100) + 5
    found = []
    for m in _EXPLICIT_YEAR.finditer(text):
        if int(m[1]) <= limit:
            month = _MONTH_BEFORE.search(text, max(0, m.start() - 20), m.start())
            found.append(
                (m.start(), int(m[1]), _MONTH_NUMBERS.get(month[1].lower()) if month else None)
            )
    return found


def _is_narrative(found: list[tuple[int, int, int | None]], anchor: dt.date) -> bool:
    """Whether a dated text is a narrative of the past (a history): many years, few near its date."""
    near = sum(1 for _, y, _ in found if abs(y - anchor.year) <= 1)
    return len(found) >= 8 and near / len(found) < 0.1


def _year_hints(
    text: str, anchor: dt.date | None
) -> tuple[Callable[[int], int | None], Callable[[int], int | None]]:
    """A function giving, for an offset, the explicit year the text mentioned last before it.

    In a narrative (no anchor, or a text whose years are mostly far from the anchor, such as a
    history) that is the last year mentioned anywhere before; in news only one in the same
    sentence ("In 1985, ... in March" is March 1985; a year two paragraphs up is not).
    """
    found = _explicit_years(text, anchor)
    offsets = [o for o, _, _ in found]
    narrative = anchor is None or _is_narrative(found, anchor)
    # headings that name a single year ("2007: US troop surge") date the section under them
    headings = [
        (m.start(), int(m[1]))
        for m in _YEAR_HEADING.finditer(text)
        if int(m[1]) <= (anchor.year if anchor else 2100)
    ]
    heading_offsets = [o for o, _ in headings]

    def hint(offset: int) -> int | None:
        i = bisect_left(offsets, offset) - 1
        if i < 0:
            return None
        at, year, _ = found[i]
        if narrative:
            return year
        between = text[at:offset]
        if re.search(r"[.!?]\s+[A-Z\"“]|\n", between):
            j = bisect_left(heading_offsets, offset) - 1
            return headings[j][1] if j >= 0 else None
        return year

    def month_hint(offset: int) -> int | None:
        i = bisect_left(offsets, offset) - 1
        return found[i][2] if narrative and i >= 0 else None

    return hint, month_hint


def select(candidates: list[Candidate]) -> list[Candidate]:
    """Non-overlapping candidates, longest first (earlier rules win ties), sorted by start."""
    chosen: list[Candidate] = []
    taken: list[tuple[int, int]] = []
    for cand in sorted(candidates, key=lambda c: (c.start - c.end, c.start)):
        if cand.end <= cand.start:
            continue
        if any(cand.start < e and s < cand.end for s, e in taken):
            continue
        chosen.append(cand)
        taken.append((cand.start, cand.end))
    return sorted(chosen, key=lambda c: c.start)


_LATER = re.compile(r"(?i)^(?:.*\s)?(\S+)[\s-]+(day|week|month|year)s?\s+(later|earlier)$")
_GRAIN = {"day": r"\d{4}-\d\d-\d\d$", "week": r"\d{4}-\d\d-\d\d$", "month": r"\d{4}-\d\d",
          "year": r"\d{4}"}  # fmt: skip


_DAY_NAMED = re.compile(
    r"(?i)day|tonight|tomorrow|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|\d{4}-\d\d"
)
_DAY_VALUE = re.compile(r"\d{4}-\d\d-\d\d(?:$|T)")


#: Rules whose year, when the text does not write it, a narrative takes from its story time.
_STORY_RULES = frozenset({"season", "rel_unit", "holiday"})
_DEICTIC = re.compile(
    r"(?i)\b(?:this|last|next|coming|past|previous|following|current|latest|recent|ago|now"
    r"|today|tonight|yesterday|tomorrow)\b"
)
_WRITTEN_YEAR = re.compile(r"\d{3}|'\d\d")


def _story_time(cand: Candidate, before: list[Candidate]) -> Candidate:
    """In a history, a season, holiday or unit that names no year ("the summer", "Christmas
    night", "by the end of the year", "the end of the month") lies in the story time: the year
    (or month) of the last date the text named, within reach."""
    ref = next(
        (
            c.value
            for c in reversed(before)
            if cand.start - c.end <= _ANAPHOR_REACH
            and c.type in ("DATE", "TIME")
            and re.match(r"\d{4}(?:-\d\d)?(?:$|-|T)", c.value)
        ),
        None,
    )
    value = cand.value
    if ref is None or not re.match(r"\d{4}(?:$|-)", value):
        return cand
    year = int(ref[:4])
    ref_month = re.match(r"\d{4}-(\d\d)(?:$|-|T)", ref)
    if re.fullmatch(r"\d{4}-\d\d", value) and cand.rule == "rel_unit" and ref_month:
        return cand._replace(value=ref[:7])  # "by the end of the month"
    return cand._replace(value=f"{year:04d}{value[4:]}")


def rebase(text: str, chosen: list[Candidate], narrative: bool = False) -> list[Candidate]:
    """Re-anchor "two days later", "a month earlier" on the last date the text gave before them
    (the narrative's reference time) instead of the document's date, when there is one; in a
    narrative (a history), dates without a year too."""
    out: list[Candidate] = []
    for found in chosen:
        cand = found
        words = text[cand.start : cand.end]
        if (
            narrative
            and cand.rule in _STORY_RULES
            and not _WRITTEN_YEAR.search(words)
            and not _DEICTIC.search(words)
        ):
            cand = _story_time(cand, out)
        m = _LATER.match(words) if cand.rule == "duration" and cand.type == "DATE" else None
        if m is not None:
            grain = _GRAIN[m[2].lower()]
            ref = next((c.value for c in reversed(out) if re.match(grain, c.value)), None)
            if ref is not None and not cand.value.startswith(("PAST", "FUTURE")):
                anchor = parse_anchor(
                    ref[:10]
                    if len(ref) >= 10
                    else f"{ref[:7]}-15"
                    if len(ref) >= 7
                    else f"{ref[:4]}-07-01"
                )
                again = find_timexes_in_text(words, anchor) if anchor else []
                if len(again) == 1 and again[0].text == words:
                    cand = cand._replace(value=again[0].value)
        elif cand.rule == "anaphor":
            moved = _anaphor(words, cand, out)
            if moved is None:
                continue
            cand = moved
        elif _THE_WEEK.fullmatch(words):
            # "For the week, the index dropped 3.8%" after Friday's close: that day's week
            ref = _reference(cand, out, 10)
            day = parse_anchor(ref) if ref is not None else None
            if day is not None:
                cand = cand._replace(value=fmt_week(day))
        elif cand.rule == "month" and _OF_THAT_YEAR.search(words):
            ref = _reference(cand, out, 4)  # "August of that year"
            if ref is not None:
                cand = cand._replace(value=ref + cand.value[4:])
        elif cand.rule in ("time", "day_part") and not _DAY_NAMED.search(words):
            # "at 10:35 a.m." tells the hour of the day the text last named ("Friday")
            ref = next((c.value[:10] for c in reversed(out) if _DAY_VALUE.match(c.value)), None)
            if ref is not None and cand.value[10:11] == "T":
                cand = cand._replace(value=ref + cand.value[10:])
        out.append(cand)
    return out


_ANAPHOR = re.compile(
    r"(?i)(?:.*\s)?(that|same|next|following|previous|preceding)\s+"
    r"(day|week|month|year|morning|afternoon|evening|night|spring|summer|autumn|fall|winter)$"
)
_THE_WEEK = re.compile(r"(?i)the\s+week(?:'s)?")
_SEASON_UNITS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
_OF_THAT_YEAR = re.compile(r"(?i)\bof\s+(?:that|the\s+same)\s+year$")
_SEASON_OF = re.compile(r"\d{4}-(?:SP|SU|FA|WI)$")
_DATE_OF = re.compile(r"\d{4}(?:-\d\d(?:-\d\d)?)?(?:$|T)")
#: How far back (in characters) "that day", "the following year" look for the date they refer to.
_ANAPHOR_REACH = 2500


def _reference(cand: Candidate, before: list[Candidate], grain: int) -> str | None:
    """The last date named before ``cand`` (within reach) that is at least as fine as ``grain``
    (4: a year, 7: a month, 10: a day), cut to that grain."""
    for c in reversed(before):
        if cand.start - c.end > _ANAPHOR_REACH:
            break
        if c.type not in ("DATE", "TIME") or len(c.value) < grain:
            continue
        if _DATE_OF.match(c.value) or (grain == 4 and _SEASON_OF.match(c.value)):
            return c.value[:grain]
    return None


def _anaphor(words: str, cand: Candidate, before: list[Candidate]) -> Candidate | None:
    """ "that same day", "later that year", "the following month" on the last date the text named
    (within reach) at the unit's grain. With none named, "the next day", "later that year" count
    from the document's date, and a bare "that day" (an event's day the text never gave) is none.
    """
    m = _ANAPHOR.match(words)
    if m is None:
        return cand
    det, unit = m[1].lower(), m[2].lower()
    step = {"next": 1, "following": 1, "previous": -1, "preceding": -1}.get(det, 0)
    if unit in _SEASON_UNITS:
        named = _reference(cand, before, 4)
        if named is None:
            return cand
        return cand._replace(value=f"{int(named) + step:04d}-{_SEASON_UNITS[unit]}")
    grain = {"year": 4, "month": 7}.get(unit, 10)
    ref = _reference(cand, before, grain)
    if ref is None:
        if step == 0 and not re.match(r"(?i)(?:early|late|earlier|later)\s", words):
            return None
        return cand
    day = parse_anchor(ref + ("-07-01" if grain == 4 else "-15" if grain == 7 else ""))
    if day is None:
        return cand
    if unit == "week":
        return cand._replace(value=fmt_week(shift(day, "week", step)))
    if grain == 4:
        return cand._replace(value=f"{day.year + step:04d}")
    if grain == 7:
        year, month = divmod(day.year * 12 + day.month - 1 + step, 12)
        return cand._replace(value=fmt_month(year, month + 1))
    moved = (day + dt.timedelta(days=step)).isoformat()
    return cand._replace(value=moved + cand.value[10:])


def _records(text: str, chosen: list[Candidate], doc_id: str) -> list[Timex]:
    out = []
    for c in chosen:
        if not is_valid_value(c.value):
            continue
        kind: TimexType = c.type  # type: ignore[assignment]
        out.append(Timex(doc_id, c.start, c.end, text[c.start : c.end], kind, c.value, c.mod))
    return out


def find_timexes(doc: Doc, anchor: dt.date | str | None, doc_id: str | None = None) -> list[Timex]:
    """The time expressions of a parsed ``doc``, resolved against ``anchor`` (the document's date).

    Uses the tagger and parser when the doc has them (tense, "may" the modal); works on a bare
    tokenized doc too, with news defaults.
    """
    day = parse_anchor(anchor) if isinstance(anchor, str) else anchor
    text = doc.text

    # Annotation is all-or-nothing in a pipeline: looking at a few tokens is enough (and cheap).
    parsed = any(t.dep != 0 for t in doc[:8])
    tagged = any(t.tag != 0 for t in doc[:8])

    @lru_cache(maxsize=256)
    def tense(start: int, end: int) -> Tense | None:
        return tense_at(doc, start, end) if parsed else None

    tagger = _tagger(doc) if tagged else (lambda _offset: "")
    ctx = Context(text, day, tense, tagger, *_year_hints(text, day))
    doc_id = doc_id if doc_id is not None else (doc._.doc_id or "")
    narrative = day is not None and _is_narrative(_explicit_years(text, day), day)
    return _records(text, rebase(text, select(match_all(ctx)), narrative), doc_id)


def find_timexes_in_text(
    text: str,
    anchor: dt.date | str | None,
    doc_id: str = "",
    tense: Callable[[int, int], Tense | None] | None = None,
) -> list[Timex]:
    """The time expressions of a plain text, without a parse (tense unknown unless given)."""
    day = parse_anchor(anchor) if isinstance(anchor, str) else anchor
    ctx = Context(text, day, tense or (lambda _s, _e: None), lambda _o: "", *_year_hints(text, day))
    narrative = day is not None and _is_narrative(_explicit_years(text, day), day)
    return _records(text, rebase(text, select(match_all(ctx)), narrative), doc_id)


def normalize(
    expression: str, anchor: dt.date | str | None, tense: Tense | None = None
) -> tuple[TimexType, str, str | None] | None:
    """The (type, value, mod) of one time expression alone, e.g. ``normalize("next month",
    "2022-10-28") == ("DATE", "2022-11", None)``; None when it is not one whole expression."""
    found = find_timexes_in_text(expression, anchor, tense=lambda _s, _e: tense)
    if len(found) != 1 or found[0].text != expression.strip():
        return None
    return found[0].type, found[0].value, found[0].mod


class TimexStage:
    """spaCy component: writes ``doc._.timexes`` from ``doc._.published`` and the text."""

    def __init__(self, nlp: Language, name: str) -> None:
        ensure_doc_extensions()
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.timexes = []
        with stage_guard(doc, "timex"):
            doc._.timexes = find_timexes(doc, doc._.published, doc._.doc_id or "")
        return doc


@Language.factory(
    "storyline_timex",
    requires=[],
    assigns=["doc._.timexes"],
)
def make_timex_stage(nlp: Language, name: str) -> TimexStage:
    return TimexStage(nlp, name)

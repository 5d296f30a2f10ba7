"""The timex stage: rule families, resolution against the document date, traps, seed articles."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from storyline.records import Timex
from storyline.stages.timex import find_timexes, find_timexes_in_text, normalize, verb_tense

SEEDS = Path(__file__).resolve().parents[2] / "examples" / "seeds"


def one(text: str, anchor: str | None, tense: str | None = None) -> tuple[str, str, str | None]:
    found = normalize(text, anchor, tense)  # type: ignore[arg-type]
    assert found is not None, f"{text!r} is not read as one time expression"
    return found


# --- rule families, one expression at a time -----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("October 27", ("DATE", "2022-10-27", None)),
        ("Oct. 27, 2022", ("DATE", "2022-10-27", None)),
        ("Sept. 30", ("DATE", "2022-09-30", None)),
        ("27 October 2021", ("DATE", "2021-10-27", None)),
        ("Thursday, October 27", ("DATE", "2022-10-27", None)),
        ("2022-10-27", ("DATE", "2022-10-27", None)),
        ("10/27/2022", ("DATE", "2022-10-27", None)),
        ("19-Nov-12", ("DATE", "2012-11-19", None)),
        ("March 2021", ("DATE", "2021-03", None)),
        ("2019", ("DATE", "2019", None)),
        ("mid-2019", ("DATE", "2019", "MID")),
        ("the end of 2019", ("DATE", "2019", "END")),
        ("the 1990s", ("DATE", "199", None)),
        ("the late 1990s", ("DATE", "199", "END")),
        ("the 20th century", ("DATE", "19", None)),
        ("the third quarter of 2021", ("DATE", "2021-Q3", None)),
        ("the first half of 2021", ("DATE", "2021-H1", None)),
        ("summer 2021", ("DATE", "2021-SU", None)),
        ("Christmas", ("DATE", "2022-12-25", None)),
    ],
)
def test_absolute_dates(text: str, expected: tuple[str, str, str | None]) -> None:
    assert one(text, "2022-10-28") == expected


@pytest.mark.parametrize(
    ("text", "tense", "expected"),
    [
        ("today", None, ("DATE", "2022-10-28", None)),
        ("yesterday", None, ("DATE", "2022-10-27", None)),
        ("tomorrow", None, ("DATE", "2022-10-29", None)),
        ("tonight", None, ("TIME", "2022-10-28TNI", None)),
        ("last night", None, ("TIME", "2022-10-27TNI", None)),
        ("yesterday morning", None, ("TIME", "2022-10-27TMO", None)),
        ("next month", None, ("DATE", "2022-11", None)),
        ("last month", None, ("DATE", "2022-09", None)),
        ("earlier this month", None, ("DATE", "2022-10", "START")),
        ("this year", None, ("DATE", "2022", None)),
        ("last year", None, ("DATE", "2021", None)),
        ("early next year", None, ("DATE", "2023", "START")),
        ("this week", None, ("DATE", "2022-W43", None)),
        ("last week", None, ("DATE", "2022-W42", None)),
        ("the weekend", "past", ("DATE", "2022-W42-WE", None)),
        ("last Friday", None, ("DATE", "2022-10-21", None)),
        ("next Monday", None, ("DATE", "2022-10-31", None)),
        ("two days ago", None, ("DATE", "2022-10-26", None)),
        ("three years ago", None, ("DATE", "2019", None)),
        ("a decade ago", None, ("DATE", "2012", None)),
        ("two weeks ago", None, ("DATE", "2022-W41", None)),
        ("last spring", None, ("DATE", "2022-SP", None)),
        ("the fourth quarter", "future", ("DATE", "2022-Q4", None)),
        ("Thursday", "past", ("DATE", "2022-10-27", None)),
        ("Thursday", "future", ("DATE", "2022-11-03", None)),
        ("Friday", "past", ("DATE", "2022-10-28", None)),
        ("Thursday night", "past", ("TIME", "2022-10-27TNI", None)),
        ("late Wednesday", "past", ("DATE", "2022-10-26", "END")),
        ("March", "past", ("DATE", "2022-03", None)),
        ("December", "future", ("DATE", "2022-12", None)),
        ("December", "past", ("DATE", "2021-12", None)),
        ("late May", None, ("DATE", "2022-05", "END")),
    ],
)
def test_relative_dates(
    text: str, tense: str | None, expected: tuple[str, str, str | None]
) -> None:
    # 2022-10-28 is a Friday
    assert one(text, "2022-10-28", tense) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("three days", ("DURATION", "P3D", None)),
        ("24 hours", ("DURATION", "PT24H", None)),
        ("a year", ("DURATION", "P1Y", None)),
        ("over a year", ("DURATION", "P1Y", "MORE_THAN")),
        ("about two weeks", ("DURATION", "P2W", "APPROX")),
        ("the past two months", ("DURATION", "P2M", None)),
        ("the next few days", ("DURATION", "PXD", None)),
        ("several years", ("DURATION", "PXY", None)),
        ("twenty-five years", ("DURATION", "P25Y", None)),
        ("two decades", ("DURATION", "P20Y", None)),
        ("90 minutes", ("DURATION", "PT90M", None)),
    ],
)
def test_durations(text: str, expected: tuple[str, str, str | None]) -> None:
    assert one(text, "2022-10-28") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3 p.m.", ("TIME", "2022-10-28T15:00", None)),
        ("10:30 a.m.", ("TIME", "2022-10-28T10:30", None)),
        ("noon", ("TIME", "2022-10-28T12:00", None)),
        ("9 a.m. yesterday", ("TIME", "2022-10-27T09:00", None)),
        ("daily", ("SET", "P1D", None)),
        ("every week", ("SET", "P1W", None)),
        ("Tuesdays", ("SET", "XXXX-WXX-2", None)),
        ("now", ("DATE", "PRESENT_REF", None)),
        ("recently", ("DATE", "PAST_REF", None)),
        ("the future", ("DATE", "FUTURE_REF", None)),
    ],
)
def test_times_sets_and_references(text: str, expected: tuple[str, str, str | None]) -> None:
    assert one(text, "2022-10-28") == expected


def test_no_document_date_keeps_absolute_values() -> None:
    assert one("October 27, 2022", None) == ("DATE", "2022-10-27", None)
    assert one("2019", None) == ("DATE", "2019", None)
    assert one("the third quarter of 2021", None) == ("DATE", "2021-Q3", None)
    assert one("yesterday", None)[1] == "XXXX-XX-XX"
    assert one("last week", None)[1] == "PAST_REF"
    assert one("Thursday", None)[1] == "XXXX-WXX-4"


def test_extents_follow_timeml() -> None:
    text = "In March, this week's vote came, as it did for over a year, on Feb. 4."
    found = find_timexes_in_text(text, "2022-10-28")
    assert [t.text for t in found] == ["March", "this week", "over a year", "Feb. 4"]
    text = "It signed a two-year deal and its third-quarter profit rose over the past two years."
    found = find_timexes_in_text(text, "2022-10-28")
    assert [t.text for t in found] == ["two-year", "third-quarter", "the past two years"]


def test_a_year_in_the_sentence_fixes_a_month_without_one() -> None:
    text = "He was born in 1985, and in March he moved to Paris."
    found = find_timexes_in_text(text, "2022-10-28")
    assert [(t.text, t.value) for t in found] == [("1985", "1985"), ("March", "1985-03")]
    text = "He was born in 1985. In March he moved to Paris."
    found = find_timexes_in_text(text, "2022-10-28", tense=lambda _s, _e: "past")
    assert found[-1].value == "2022-03"


# --- traps ---------------------------------------------------------------------------------------

TRAPS = [
    "The talks may resume, and the troops may march on.",
    "March on Washington, they said, and they did: March 3 was the day.",
    "Do you think a Sun reporter will call?",
    "Call 555-2019 or 202-555-2021 for tickets; order id 2882015.",
    "The score was 2-1 after 90 minutes of play and 1,999 fans cheered.",
    "It cost $2,020 and 1500 troops were sent; No. 2015 was sold.",
    "Room 2001 and flight 1998 are booked.",
]


def test_traps(base_nlp: Language) -> None:
    found = {t.text for text in TRAPS for t in find_timexes(base_nlp(text), "2022-10-28", "trap")}
    assert found == {"March 3", "90 minutes"}


def test_19_nov_12_is_not_a_year_3912() -> None:
    found = find_timexes_in_text("Posted 19-Nov-12 by staff.", "2013-01-10")
    assert [(t.text, t.value) for t in found] == [("19-Nov-12", "2012-11-19")]


def test_modal_may_on_a_hand_built_doc(base_nlp: Language) -> None:
    words = ["They", "may", "visit", "in", "May", "."]
    doc = Doc(
        base_nlp.vocab,
        words=words,
        spaces=[True, True, True, True, False, False],
        tags=["PRP", "MD", "VB", "IN", "NNP", "."],
        pos=["PRON", "AUX", "VERB", "ADP", "PROPN", "PUNCT"],
        heads=[2, 2, 2, 2, 3, 2],
        deps=["nsubj", "aux", "ROOT", "prep", "pobj", "punct"],
    )
    found = find_timexes(doc, "2022-10-28", "d1")
    assert [(t.text, t.value) for t in found] == [("May", "2023-05")]
    assert found[0] == Timex("d1", 18, 21, "May", "DATE", "2023-05", None)


def test_verb_tense_on_a_hand_built_doc(base_nlp: Language) -> None:
    words = ["He", "will", "call", "Thursday"]
    doc = Doc(
        base_nlp.vocab,
        words=words,
        tags=["PRP", "MD", "VB", "NNP"],
        pos=["PRON", "AUX", "VERB", "PROPN"],
        heads=[2, 2, 2, 2],
        deps=["nsubj", "aux", "ROOT", "npadvmod"],
    )
    assert verb_tense(doc[2]) == "future"
    assert find_timexes(doc, "2022-10-28")[0].value == "2022-11-03"
    words = ["He", "called", "Thursday"]
    doc = Doc(
        base_nlp.vocab,
        words=words,
        tags=["PRP", "VBD", "NNP"],
        pos=["PRON", "VERB", "PROPN"],
        heads=[1, 1, 1],
        deps=["nsubj", "ROOT", "npadvmod"],
    )
    assert verb_tense(doc[1]) == "past"
    assert find_timexes(doc, "2022-10-28")[0].value == "2022-10-27"


# --- the component and the seed articles ---------------------------------------------------------


def test_component_writes_sorted_records(nlp: Language) -> None:
    doc = nlp.make_doc("Talks ended Thursday. They resume next month, officials said on Friday.")
    doc._.published = "2022-10-28"
    doc._.doc_id = "doc-1"
    doc = nlp(doc)
    timexes = doc._.timexes
    assert [t.text for t in timexes] == ["Thursday", "next month", "Friday"]
    assert all(t.doc_id == "doc-1" for t in timexes)
    assert all(doc.text[t.start : t.end] == t.text for t in timexes)
    assert not doc._.errors


SEED_CASES = {
    "000": [
        ("October 27", "DATE", "2022-10-27", None),
        ("next month", "DATE", "2022-11", None),
        ("Earlier this month", "DATE", "2022-10", "START"),
        ("March", "DATE", "2022-03", None),
        ("the next few days", "DURATION", "PXD", None),
    ],
    "001": [
        ("June 14", "DATE", "2023-06-14", None),
        ("late May", "DATE", "2023-05", "END"),
        ("2022", "DATE", "2022", None),
        ("over a year", "DURATION", "P1Y", "MORE_THAN"),
    ],
    "003": [
        ("Thursday", "DATE", "2022-03-03", None),
        ("Thursday night", "TIME", "2022-03-03TNI", None),
        ("this week", "DATE", "2022-W09", None),
        ("last week", "DATE", "2022-W08", None),
        ("Wednesday", "DATE", "2022-03-02", None),
        ("February 24", "DATE", "2022-02-24", None),
        ("Monday", "DATE", "2022-02-28", None),
        ("late Wednesday", "DATE", "2022-03-02", "END"),
        ("1985", "DATE", "1985", None),
        ("this year", "DATE", "2022", None),
    ],
}
SEED_NOT_TIMEXES = {"000": ["In March", "this month"], "003": ["this week's", "since 1985"]}


@pytest.mark.parametrize("seed", sorted(SEED_CASES))
def test_seed_articles(nlp: Language, seed: str) -> None:
    (path,) = SEEDS.glob(f"{seed}_*.txt")
    meta = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    doc = nlp.make_doc(path.read_text(encoding="utf-8"))
    doc._.published = meta["published"]
    doc._.doc_id = seed
    found = {(t.text, t.type, t.value, t.mod) for t in nlp(doc)._.timexes}
    for case in SEED_CASES[seed]:
        assert case in found, f"{case} not found in seed {seed}: {sorted(found)}"
    texts = {t[0] for t in found}
    for wrong in SEED_NOT_TIMEXES.get(seed, []):
        assert wrong not in texts


def test_later_and_earlier_count_from_the_last_date_given() -> None:
    text = "The ship docked on March 8. Two days later it left; a year earlier it had sunk."
    found = find_timexes_in_text(text, "2025-03-14")
    assert [(t.text, t.value) for t in found] == [
        ("March 8", "2025-03-08"),
        ("Two days later", "2025-03-10"),
        ("a year earlier", "2024"),
    ]
    assert one("two days later", "2025-03-14") == ("DATE", "2025-03-16", None)


def test_fractions_and_rates_are_not_durations() -> None:
    text = (
        "Three-quarters of voters pay $500 million a year, and about three quarters of them agree."
    )
    assert find_timexes_in_text(text, "2025-03-14") == []


def test_a_clock_time_falls_on_the_day_last_named() -> None:
    text = "Bombs exploded Friday outside the embassy. The first went off at 10:35 a.m."
    found = find_timexes_in_text(text, "1998-08-08", tense=lambda _s, _e: "past")
    assert [(t.text, t.value) for t in found] == [
        ("Friday", "1998-08-07"),
        ("10:35 a.m.", "1998-08-07T10:35"),
    ]


def test_each_and_every_make_sets() -> None:
    assert one("each Thursday", "2025-03-14") == ("SET", "XXXX-WXX-4", None)
    assert one("every July", "2025-03-14") == ("SET", "XXXX-07", None)


def test_that_day_and_the_following_year_refer_to_the_last_date_named() -> None:
    text = (
        "He fled to Florida in June 1998 and returned to Cuba later that year. On May 22, 1995,"
        " he was promoted, and the following year he moved. Slepian was shot on Oct. 23, 1998."
        " Earlier that day, the family had called the police; the page was changed that same day."
    )
    found = find_timexes_in_text(text, "2000-01-28")
    assert [(t.text, t.value) for t in found] == [
        ("June 1998", "1998-06"),
        ("later that year", "1998"),
        ("May 22, 1995", "1995-05-22"),
        ("the following year", "1996"),
        ("Oct. 23, 1998", "1998-10-23"),
        ("Earlier that day", "1998-10-23"),
        ("that same day", "1998-10-23"),
    ]
    # with no date named before, the document's date stands in
    assert one("the next day", "2000-01-28") == ("DATE", "2000-01-29", None)
    assert find_timexes_in_text("Nobody remembers that day fondly.", "2000-01-28") == []


def test_the_year_ended_on_a_date_is_a_span() -> None:
    text = "Rally had net income of $2.4 million for the year ended July 2."
    found = find_timexes_in_text(text, "1989-11-01", tense=lambda _s, _e: "past")
    assert [(t.text, t.type, t.value) for t in found] == [
        ("the year", "DURATION", "P1Y"),
        ("July 2", "DATE", "1989-07-02"),
    ]
    assert one("this year", "1989-11-01") == ("DATE", "1989", None)


def test_a_past_date_of_the_month_may_lie_more_than_half_a_year_back() -> None:
    assert one("Oct. 23", "1999-05-06", "past") == ("DATE", "1998-10-23", None)
    assert one("Oct. 23", "1999-05-06", None) == ("DATE", "1999-10-23", None)
    text = "The bank extended the loans through January."
    found = find_timexes_in_text(text, "1989-11-02", tense=lambda _s, _e: "past")
    assert [(t.text, t.value) for t in found] == [("January", "1990-01")]


def test_a_month_of_that_year_and_ages() -> None:
    text = "The war began in 1940. In August of that year, Mr. Smith, 52 years old, left."
    found = find_timexes_in_text(text, "2009-06-01")
    assert [(t.text, t.value) for t in found] == [
        ("1940", "1940"),
        ("August of that year", "1940-08"),
    ]
    assert find_timexes_in_text("Nobody remembers that day.", "2009-06-01") == []
    assert one("April next year", "1998-12-03") == ("DATE", "1999-04", None)
    assert one("year-end", "1989-11-01") == ("DATE", "1989", "END")


def test_a_year_before_quarter_or_period_names_a_quarter() -> None:
    text = "Net rose from the 1988 quarter and from the 1988 second quarter."
    found = find_timexes_in_text(text, "1989-10-26")
    assert [(t.text, t.value) for t in found] == [
        ("the 1988 quarter", "1988-Q3"),
        ("the 1988 second quarter", "1988-Q2"),
    ]


def pairs(text: str, anchor: str | None = "2009-12-19") -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in find_timexes_in_text(text, anchor)]


def test_spans_of_years_name_each_year() -> None:
    assert pairs("Eastern Theater 1861-1863\nBecause of") == [("1861", "1861"), ("1863", "1863")]
    assert pairs("The crisis in 1995-96 escalated.") == [("1995", "1995"), ("96", "1996")]
    assert pairs("The Reign of Terror (1793-1794) began.") == [("1793", "1793"), ("1794", "1794")]
    # not a span: the second number is smaller, or a score, or a phone number
    assert pairs("It ended 1998-12 in the vote; call 555-1861.") == []


def test_old_years_in_the_places_a_year_goes() -> None:
    text = "Both resigned after the 1777 campaign, and as late as 1781 officials hoped."
    assert pairs(text) == [("1777", "1777"), ("1781", "1781")]
    assert pairs("He was named 1965's Man of the Year.")[0] == ("1965", "1965")
    assert pairs("Prices of the 1980's fell.") == [("the 1980's", "198")]
    assert pairs("the 1500 troops and 1777 men") == []


def test_the_other_day_of_a_span_of_days() -> None:
    assert pairs("on April 6-7 and from April 13-15.", "1915-06-01") == [
        ("April 6", "1915-04-06"),
        ("7", "1915-04-07"),
        ("April 13", "1915-04-13"),
        ("15", "1915-04-15"),
    ]
    assert pairs("Held 2-4 July 2013 at the studio.") == [
        ("2", "2013-07-02"),
        ("4 July 2013", "2013-07-04"),
    ]
    assert pairs("on May 4 and 5 were", "1865-06-01") == [
        ("May 4", "1865-05-04"),
        ("5", "1865-05-05"),
    ]
    assert pairs("The score was 3-1 on May 4 and 5-2 later.", "1865-06-01") == [
        ("May 4", "1865-05-04")
    ]
    assert pairs("Killed on Jan. 3 and 5 others on May 4 and 2 more.", "1865-06-01") == [
        ("Jan. 3", "1865-01-03"),
        ("May 4", "1865-05-04"),
    ]


def test_since_effective_and_year_ended_fix_the_side_of_the_anchor() -> None:
    assert pairs("Police have searched since Oct. 23.", "1999-05-06") == [("Oct. 23", "1998-10-23")]
    text = "The office, effective Feb. 1, will include them."
    found = find_timexes_in_text(text, "1989-10-26", tense=lambda _s, _e: "past")
    assert [(t.text, t.value) for t in found] == [("Feb. 1", "1990-02-01")]
    text = "In the fiscal year ended Jan. 31, sales rose."
    assert pairs(text, "1989-10-31")[-1] == ("Jan. 31", "1989-01-31")
    assert pairs("He was shot last Oct. 23 at home.", "1999-04-19") == [("Oct. 23", "1998-10-23")]


def test_a_record_set_on_a_day_is_past_and_a_summit_set_for_a_month_ahead(
    base_nlp: Language,
) -> None:
    doc = base_nlp("The index is near its record high set on Aug. 6.")
    assert [t.value for t in find_timexes(doc, "1998-02-06", "d")] == ["1997-08-06"]
    doc = base_nlp("They met before a summit set for April.")
    assert [t.value for t in find_timexes(doc, "1998-02-06", "d")] == ["1998-04"]


def test_news_extents_of_modified_weeks_and_weekdays() -> None:
    assert pairs("He wrote earlier this week to Reno.", "2000-02-16") == [("this week", "2000-W07")]
    assert pairs("Late Monday, officials said so.", "2000-04-04") == [("Late Monday", "2000-04-03")]
    assert pairs("They are unhappy right now.", "2000-04-04") == [("right now", "PRESENT_REF")]


def test_a_part_of_the_day_falls_on_the_day_last_named() -> None:
    text = "Shares fell Friday. Dealers placed orders in the morning, and at night they sold."
    assert pairs(text, "1989-10-30") == [
        ("Friday", "1989-10-27"),
        ("the morning", "1989-10-27TMO"),
        ("night", "1989-10-27TNI"),
    ]
    assert pairs("He left on the night of the raid.", "1989-10-30") == []


def test_years_said_in_words() -> None:
    assert pairs("In nineteen ninety-one he was convicted.", "1998-01-15") == [
        ("nineteen ninety-one", "1991")
    ]
    assert pairs("by the year two thousand", "1998-01-15") == [("the year two thousand", "2000")]
    assert pairs("the winter of nineteen ninety-four", "1998-01-15") == [
        ("the winter of nineteen ninety-four", "1994-WI")
    ]
    assert pairs("Some two thousand exiles and nineteen people marched.", "1998-01-15") == []


def test_seasons_alone_and_as_names() -> None:
    assert pairs("The standoff lasted through the fall and winter.", "2009-12-19")[-1] == (
        "winter",
        "2009-WI",
    )
    assert pairs("Demonstrators of the Arab Spring and the Spring of Life met.", "2012-01-05") == []
    assert pairs("Prices fall in a hot spring.", "2012-01-05") == []


def test_a_history_puts_seasons_and_units_in_its_story_time() -> None:
    years = " ".join(f"In {y} the war went on." for y in range(1770, 1780))
    text = f"{years} Fighting resumed in March 1777. By the end of the year, the winter came."
    found = pairs(text)
    assert ("the end of the year", "1777") in found
    assert ("the winter", "1777-WI") in found


def test_weekday_abbreviations_and_informal_day_words() -> None:
    # 2014-05-08 is a Thursday
    assert pairs("He left on Tues. and came back Thurs. night", "2014-05-08") == [
        ("Tues.", "2014-05-06"),
        ("Thurs. night", "2014-05-08TNI"),
    ]
    assert pairs("Finals this Sat, 7pm at the theatre", "2014-05-08") == [
        ("this Sat", "2014-05-10"),
        ("7pm", "2014-05-10T19:00"),
    ]
    assert pairs("lai next fri lets run", "2014-05-08") == [("next fri", "2014-05-09")]
    assert pairs("Doors open 4pm tmr", "2014-05-08") == [("4pm tmr", "2014-05-09T16:00")]
    assert pairs("The Sun reporter sat down.", "2014-05-08") == []


def test_adjectival_year_ago_unit_long_and_modified_seasons() -> None:
    assert pairs("The year-ago results were restated.", "1989-10-26") == [("year-ago", "1988")]
    assert pairs("Net rose in the year-ago quarter.", "1989-10-26") == [
        ("the year-ago quarter", "1988-Q3")
    ]
    assert pairs("after a third day-long meeting and a decades-long battle", "1989-10-26") == [
        ("day-long", "P1D"),
        ("decades-long", "PXY"),
    ]
    assert one("the early summer", "1989-10-26") == ("DATE", "1989-SU", "START")
    assert one("the fiscal first quarter", "1989-10-26") == ("DATE", "1989-Q1", None)


def test_a_weekend_named_alone_and_a_weekend_of_something() -> None:
    # 2014-02-01 is a Saturday
    assert pairs("Take some time off this long weekend with us", "2014-02-01") == [
        ("weekend", "2014-W05-WE")
    ]
    assert pairs("After a weekend of bitter accusations, talks resumed.", "2014-02-01") == []


def test_a_deadline_weekday_lies_ahead() -> None:
    # 2000-03-30 is a Thursday; past tense would give the Tuesday before
    text = (
        "Officials postponed until Tuesday morning any action, and gave them until 9 a.m. Tuesday."
    )
    found = find_timexes_in_text(text, "2000-03-30", tense=lambda _s, _e: "past")
    assert [(t.text, t.value) for t in found] == [
        ("Tuesday morning", "2000-04-04TMO"),
        ("9 a.m. Tuesday", "2000-04-04T09:00"),
    ]


def test_until_with_a_pluperfect_is_a_past_bound() -> None:
    # 1999-05-07 is a Friday: "had not called" until a Thursday already past, not the next one
    text = "Until Thursday, they had not called Kopp a suspect."
    found = find_timexes_in_text(text, "1999-05-07", tense=lambda _s, _e: "past")
    assert [(t.text, t.value) for t in found] == [("Thursday", "1999-05-06")]
    text = "Officials postponed the hearing until Thursday."
    found = find_timexes_in_text(text, "1999-05-07", tense=lambda _s, _e: "past")
    assert [(t.text, t.value) for t in found] == [("Thursday", "1999-05-13")]


def test_is_to_with_an_infinitive_looks_ahead(base_nlp: Language) -> None:
    words = ["It", "is", "to", "resume", "trading", "Tuesday"]
    doc = Doc(
        base_nlp.vocab,
        words=words,
        tags=["PRP", "VBZ", "TO", "VB", "NN", "NNP"],
        lemmas=["it", "be", "to", "resume", "trading", "Tuesday"],
        pos=["PRON", "AUX", "PART", "VERB", "NOUN", "PROPN"],
        heads=[1, 1, 3, 1, 3, 3],
        deps=["nsubj", "ROOT", "aux", "xcomp", "dobj", "npadvmod"],
    )
    assert verb_tense(doc[3]) == "future"
    # 1989-10-27 is a Friday
    assert [(t.text, t.value) for t in find_timexes(doc, "1989-10-27")] == [
        ("Tuesday", "1989-10-31")
    ]
    doc = Doc(
        base_nlp.vocab,
        words=["He", "wants", "to", "resume", "trading", "Tuesday"],
        tags=["PRP", "VBZ", "TO", "VB", "NN", "NNP"],
        lemmas=["he", "want", "to", "resume", "trading", "Tuesday"],
        pos=["PRON", "VERB", "PART", "VERB", "NOUN", "PROPN"],
        heads=[1, 1, 3, 1, 3, 3],
        deps=["nsubj", "ROOT", "aux", "xcomp", "dobj", "npadvmod"],
    )
    assert verb_tense(doc[3]) == "future"
    doc = Doc(
        base_nlp.vocab,
        words=["He", "refused", "to", "comment", "Tuesday"],
        tags=["PRP", "VBD", "TO", "VB", "NNP"],
        lemmas=["he", "refuse", "to", "comment", "Tuesday"],
        pos=["PRON", "VERB", "PART", "VERB", "PROPN"],
        heads=[1, 1, 3, 1, 3],
        deps=["nsubj", "ROOT", "aux", "xcomp", "npadvmod"],
    )
    assert verb_tense(doc[3]) == "past"


def test_a_year_earlier_after_a_longer_period_is_the_year() -> None:
    # an earnings report: a year-ago comparison of a quarter is that quarter, of nine months the year
    text = "For the third quarter, net rose to $5 million from $4 million a year earlier."
    assert pairs(text, "1989-10-27")[-1] == ("a year earlier", "1988-Q3")
    text = "For the nine months, net rose to $5 million from $4 million a year earlier."
    assert pairs(text, "1989-10-27")[-1] == ("a year earlier", "1988")
    text = "In the first half, sales rose 5% from the year-ago level, the quarter's report said."
    assert ("year-ago", "1988") in pairs(text, "1989-10-27")


def test_the_week_is_the_week_of_the_day_last_named() -> None:
    # 1989-10-30 is a Monday: a market report on Friday's close sums up the week just ended
    text = "The index fell 5.39 on Friday. For the week, the index dropped 3.8%."
    assert pairs(text, "1989-10-30") == [("Friday", "1989-10-27"), ("the week", "1989-W43")]
    assert pairs("For the week, the index dropped 3.8%.", "1989-10-30") == [
        ("the week", "1989-W44")
    ]


def test_a_march_by_name_is_not_the_month() -> None:
    assert pairs("Protesters joined the annual March for Life on Capitol Hill.") == []
    assert pairs("He led the March of the Combatant Mothers.") == []
    found = pairs("He stepped down in March for health reasons.", "1989-11-02")
    assert [text for text, _value in found] == ["March"]
    assert pairs("It ended in March of the following year.", "1998-01-15") != []


def test_a_span_of_months_takes_the_year_written_after_it() -> None:
    assert pairs("The decrees (February-March 1794) proposed it.") == [
        ("February", "1794-02"),
        ("March 1794", "1794-03"),
    ]
    assert pairs("Prices rose between March and May 1999.") == [
        ("March", "1999-03"),
        ("May 1999", "1999-05"),
    ]
    assert pairs("the Franco-May deal") == []


def test_a_year_before_a_season_and_of_after_a_date() -> None:
    assert pairs("After their 1982 summer offensives failed") == [("1982 summer", "1982-SU")]
    assert pairs("on June 20 of 1792 the king") == [("June 20 of 1792", "1792-06-20")]


def test_the_next_season_counts_from_the_last_year_named() -> None:
    text = "Over the winter of 1777, men died. The next spring, however, the army marched."
    assert pairs(text)[-1] == ("The next spring", "1778-SP")
    assert pairs("Saigon fell in April 1975, that same spring.")[-1] == (
        "that same spring",
        "1975-SP",
    )


def test_more_units_xmas_and_last_nite() -> None:
    assert pairs("3 more hours to kill, six straight years", "2013-08-04") == [
        ("3 more hours", "PT3H"),
        ("six straight years", "P6Y"),
    ]
    assert pairs("PRE XMAS LATTE and the show last nite", "2013-08-04") == [
        ("XMAS", "2013-12-25"),
        ("last nite", "2013-08-03TNI"),
    ]
    assert pairs("They took an extra day, not a more day.", "2013-08-04") == [
        ("an extra day", "P1D")
    ]


def test_a_clock_hour_with_a_part_of_the_day() -> None:
    assert pairs("He called at 10 at night.", "2000-04-05") == [("10 at night", "2000-04-05T22:00")]
    assert pairs("They leave at 4 in the morning.", "2000-04-05") == [
        ("4 in the morning", "2000-04-05T04:00")
    ]
    assert pairs("He was 4 in the morning of his life", "2000-04-05") == []


def test_the_week_of_a_day_is_its_iso_week() -> None:
    assert one("the week of March 6", "2000-02-24") == ("DATE", "2000-W10", None)
    assert one("the week of Jan. 3, 1999", "2000-02-24") == ("DATE", "1998-W53", None)


def test_a_year_heading_dates_the_months_of_its_section() -> None:
    text = "Intro.\n\n2005: Elections\n\nVoters went out. On January 31, Iraqis elected a body.\n"
    assert pairs(text, "2009-12-19")[-1] == ("January 31", "2005-01-31")
    text = "Intro.\n\nVoters went out. On January 31, Iraqis elected a body.\n"
    assert pairs(text, "2009-12-19")[-1] == ("January 31", "2010-01-31")

"""Unit cases of the events stage's dating (:mod:`storyline.stages.events.dating`): the time
expression attached to the trigger, else the article's date. Short texts parsed by the spaCy
model alone, with the other stages' records built by hand (``events_docs``)."""

from __future__ import annotations

import dataclasses

import pytest
from events_docs import make, only
from spacy.language import Language
from spacy.tokens import Doc

from storyline.records import EventDate
from storyline.stages.events import extract_events

pytestmark = pytest.mark.slow


def test_date_from_the_attached_time_expression(base_nlp: Language) -> None:
    text = "Russian troops invaded Ukraine on February 24."
    doc = make(base_nlp, text, timexes=[("February 24", "2022-02-24")])
    event = only(extract_events(doc), "invaded")
    assert event.date is not None
    assert (event.date.value, event.date.basis) == ("2022-02-24", "text")


def test_date_falls_back_to_the_publication_day(base_nlp: Language) -> None:
    doc = make(base_nlp, "Russian troops invaded Ukraine.", published="2022-03-04T10:00:00")
    event = only(extract_events(doc), "invaded")
    assert event.date is not None
    assert (event.date.value, event.date.basis) == ("2022-03-04", "published")
    undated = make(base_nlp, "Russian troops invaded Ukraine.", published=None)
    assert only(extract_events(undated), "invaded").date is None


def test_time_expression_of_another_clause_is_not_attached(base_nlp: Language) -> None:
    text = "Singapore imposed sanctions on Russia, which invaded Ukraine on February 24."
    doc = make(base_nlp, text, timexes=[("February 24", "2022-02-24")])
    event = only(extract_events(doc), "imposed")
    assert event.date is not None
    assert event.date.basis == "published"


def test_a_stance_is_dated_by_its_telling_a_deed_is_not(base_nlp: Language) -> None:
    text = "Earlier this month, Hun Sen announced that Cambodia would not support Russia."
    doc = make(base_nlp, text, published="2022-10-28", timexes=[("Earlier this month", "2022-10")])
    stance = only(extract_events(doc), "support")
    assert stance.date is not None
    assert (stance.date.value, stance.date.basis) == ("2022-10", "text")
    text = "On Tuesday, Hun Sen said that Russia attacked Ukraine."
    doc = make(base_nlp, text, published="2022-03-04", timexes=[("Tuesday", "2022-03-01")])
    deed = only(extract_events(doc), "attacked")
    assert deed.date is not None
    assert deed.date.basis == "published"


def test_a_participle_happens_when_the_verb_it_hangs_from_does(base_nlp: Language) -> None:
    text = "In December, Russian troops carried out strikes against Ukraine, hitting Ukraine hard."
    doc = make(base_nlp, text, published="2025-03-14", timexes=[("December", "2024-12")])
    event = only(extract_events(doc), "hitting")
    assert event.date == EventDate("2024-12", "text")


def test_the_content_of_a_dated_announcement_is_dated_by_it(base_nlp: Language) -> None:
    text = "Japan welcomed Tuesday's announcement that Ukraine had agreed to a ceasefire."
    doc = make(base_nlp, text, published="2025-03-12", timexes=[("Tuesday", "2025-03-11")])
    event = only(extract_events(doc), "agreed")
    assert event.date == EventDate("2025-03-11", "text")


def test_a_verb_happens_when_the_participle_clause_on_it_does(base_nlp: Language) -> None:
    text = (
        "Dodik rejected the warrant, telling journalists in Banja Luka on Wednesday it was false."
    )
    doc = make(base_nlp, text, published="2025-03-14", timexes=[("Wednesday", "2025-03-12")])
    event = only(extract_events(doc), "rejected")
    assert event.date == EventDate("2025-03-12", "text")


def test_an_act_going_on_when_announced_is_dated_by_the_announcement(base_nlp: Language) -> None:
    text = "In December, Somalia announced it was cutting ties with Kenya."
    doc = make(base_nlp, text, published="2021-03-15", timexes=[("December", "2020-12")])
    event = only(extract_events(doc), "cutting")
    assert event.date == EventDate("2020-12", "text")
    text = "In December, Somalia announced it had attacked Kenya."
    doc = make(base_nlp, text, published="2021-03-15", timexes=[("December", "2020-12")])
    deed = only(extract_events(doc), "attacked")
    assert deed.date is not None and deed.date.basis == "published"


def test_an_event_noun_happens_when_the_verb_of_its_taking_place_does(base_nlp: Language) -> None:
    text = "The withdrawal of Russian troops from Kherson was completed on Friday."
    doc = make(base_nlp, text, published="2025-03-15", timexes=[("Friday", "2025-03-14")])
    event = only(extract_events(doc), "withdrawal")
    assert event.date == EventDate("2025-03-14", "text")


def test_a_measure_taking_effect_is_not_dated_by_its_start(base_nlp: Language) -> None:
    """ "The tariffs would take effect Wednesday": when a measure starts to apply is not when it
    was imposed (a report of the imposing would be merged with the wrong day)."""
    text = "Russia's sanctions on Japan took effect on Friday."
    doc = make(base_nlp, text, published="2025-03-09", timexes=[("Friday", "2025-03-14")])
    assert only(extract_events(doc), "sanctions").date == EventDate("2025-03-09", "published")
    text = "Russia's sanctions on Japan began on Friday."  # they began then
    doc = make(base_nlp, text, published="2025-03-09", timexes=[("Friday", "2025-03-14")])
    assert only(extract_events(doc), "sanctions").date == EventDate("2025-03-14", "text")


@pytest.mark.parametrize(
    ("text", "timex", "value", "trigger", "expected"),
    [
        (
            "In December, U.S. forces carried out a series of airstrikes against Syria.",
            "December",
            "2021-12",
            "airstrikes",
            ("2021-12", "text"),
        ),
        (
            "An offensive launched by Russian forces earlier this month has met with success.",
            "earlier this month",
            "2022-03",
            "offensive",
            ("2022-03", "text"),
        ),
        (
            "Russia rejected Japan's allegation that Tuesday's attack was planned in Moscow.",
            "Tuesday",
            "2022-03-01",
            "allegation",
            ("2022-03-04", "published"),
        ),
        (
            "Since last August, Russia has launched several attacks on Ukraine.",
            "last August",
            "2021-08",
            "attacks",
            ("2022-03-04", "published"),
        ),
    ],
)
def test_an_event_nouns_date_is_the_date_it_was_done(
    base_nlp: Language,
    text: str,
    timex: str,
    value: str,
    trigger: str,
    expected: tuple[str, str],
) -> None:
    doc = make(base_nlp, text, timexes=[(timex, value)])
    event = only(extract_events(doc), trigger)
    assert event.date is not None and (event.date.value, event.date.basis) == expected


def test_a_clause_taken_for_a_name_keeps_its_fronted_date(base_nlp: Language) -> None:
    text = "Earlier this month, Trump hosted Erdogan in the White House for a meeting."
    doc = make(base_nlp, text, timexes=[("Earlier this month", "2022-03")])
    event = only(extract_events(doc), "hosted")
    assert event.date is not None and (event.date.value, event.date.basis) == ("2022-03", "text")


def _said_monday(doc: Doc) -> Doc:
    doc._.quotes = [
        dataclasses.replace(q, date="2022-02-28", date_basis="text") for q in doc._.quotes
    ]
    return doc


def test_a_quote_dated_by_the_text_dates_its_today_and_its_speakers_stance(
    base_nlp: Language,
) -> None:
    content = "Today Russian troops attacked Ukraine, and we condemn Russia"
    text = f'"{content}," Hun Sen said on Monday.'
    timexes = [("Today", "2022-03-04"), ("Monday", "2022-02-28")]
    doc = _said_monday(make(base_nlp, text, timexes=timexes, quotes=[(content, "hun-sen")]))
    events = extract_events(doc)
    assert only(events, "attacked").date == EventDate("2022-02-28", "text")
    assert only(events, "condemn").date == EventDate("2022-02-28", "text")


def test_a_deed_told_in_a_dated_quote_is_not_done_in_the_saying(base_nlp: Language) -> None:
    content = "Russian troops attacked Ukraine"
    text = f'"{content}," Hun Sen said on Monday.'
    doc = make(base_nlp, text, timexes=[("Monday", "2022-02-28")], quotes=[(content, "hun-sen")])
    event = only(extract_events(_said_monday(doc)), "attacked")
    assert event.date == EventDate("2022-03-04", "published")


def test_a_story_told_on_keeps_the_date_of_the_sentence_before(base_nlp: Language) -> None:
    text = "In 2018, Iran attacked Japan. Japan condemned Iran. Japan will sanction Iran."
    doc = make(base_nlp, text, timexes=[("2018", "2018")])
    events = extract_events(doc)
    dates = {e.trigger.text: (e.date.value, e.date.basis) for e in events if e.date}
    assert dates["attacked"] == ("2018", "text")
    assert dates["condemned"] == ("2018", "context")  # told on in the past: the year before
    assert dates["sanction"] == ("2022-03-04", "published")  # not told in the past


def test_a_sentence_after_an_undated_one_keeps_the_publication_day(base_nlp: Language) -> None:
    text = "In 2018, Iran attacked Japan. Japan condemned Iran. Japan sanctioned Iran."
    doc = make(base_nlp, text, timexes=[("2018", "2018")])
    event = only(extract_events(doc), "sanctioned")
    assert event.date is not None
    assert (event.date.value, event.date.basis) == ("2022-03-04", "published")


def test_a_refusal_is_dated_by_the_occasion_of_the_act_refused(base_nlp: Language) -> None:
    text = "Russia refused to sign the treaty at the summit in July."
    doc = make(base_nlp, text, timexes=[("July", "2021-07")])
    event = only(extract_events(doc), "refused")
    assert event.date is not None and (event.date.value, event.date.basis) == ("2021-07", "text")
    promise = "Russia agreed to sign the treaty at the summit in July."
    doc = make(base_nlp, promise, timexes=[("July", "2021-07")])
    agreed = only(extract_events(doc), "agreed")
    assert agreed.date is not None and agreed.date.basis == "published"


def test_a_filed_texts_content_is_dated_by_its_filing(base_nlp: Language) -> None:
    text = "Earlier this month, Japan filed legal papers opposing the request of China."
    doc = make(base_nlp, text, published="2016-09-22", timexes=[("Earlier this month", "2016-09")])
    event = only(extract_events(doc), "opposing")
    assert event.date is not None
    assert (event.date.value, event.date.basis) == ("2016-09", "text")

"""Unit cases of the events stage's the spaCy component (:mod:`storyline.stages.events.component`):
event ids, quote ids, failures. Short texts parsed by the spaCy model alone, with the other
stages' records built by hand (``events_docs``)."""

from __future__ import annotations

import pytest
from events_docs import make, only
from spacy.language import Language

from storyline.records import Actor, Event, Place, Span
from storyline.stages.events import EventsStage, extract_events
from storyline.stages.events.component import with_local_parties

pytestmark = pytest.mark.slow


def test_event_told_inside_a_quote_carries_the_quote_id(base_nlp: Language) -> None:
    text = 'Hun Sen said: "Russia attacked Ukraine without reason."'
    doc = make(base_nlp, text, quotes=[("Russia attacked Ukraine without reason.", "Hun Sen")])
    event = only(extract_events(doc), "attacked")
    assert event.quote_id == "d:Q0"
    assert event.modality == "reported"


def test_event_ids_are_deterministic(base_nlp: Language) -> None:
    text = "Russia vetoed the motion."
    first = extract_events(make(base_nlp, text))
    second = extract_events(make(base_nlp, text))
    assert [e.id for e in first] == [e.id for e in second] == [f"d:V{text.index('vetoed')}"]


def test_component_writes_events_and_records_failures(base_nlp: Language) -> None:
    stage = EventsStage(base_nlp, "storyline_events")
    doc = stage(make(base_nlp, "Russia vetoed the motion."))
    assert [e.type for e in doc._.events] == ["REJECT"]
    broken = make(base_nlp, "Russia vetoed the motion.")
    broken._.mentions = [object()]  # a bug upstream must not crash the batch
    stage(broken)
    assert broken._.events == []
    assert broken._.errors and broken._.errors[0][0] == "events"


def test_events_below_the_minimum_confidence_are_left_out(base_nlp: Language) -> None:
    text = "Russia vetoed the motion."
    (event,) = extract_events(make(base_nlp, text))
    kept = extract_events(make(base_nlp, text), min_confidence=event.confidence)
    assert [e.id for e in kept] == [event.id]
    assert extract_events(make(base_nlp, text), min_confidence=event.confidence + 0.01) == []
    stage = EventsStage(base_nlp, "storyline_events", min_confidence=1.0)
    assert stage(make(base_nlp, text))._.events == []


def test_a_possibility_in_the_writers_own_voice_is_no_event(base_nlp: Language) -> None:
    text = "If Russia attacks Ukraine, Singapore could impose sanctions."
    assert not [e for e in extract_events(make(base_nlp, text)) if e.trigger.text == "impose"]
    told = "Japan said that if Russia attacks Ukraine, Singapore could impose sanctions."
    assert only(extract_events(make(base_nlp, told)), "impose").modality == "hypothetical"


def _placed(country: str | None, *targets: Actor) -> Event:
    place = Place("Lahore", country, 0, 6) if country else None
    police = Actor(None, "Police", None, "COP", 0, 6)
    return Event(
        "d:V1", "d", "COERCE", None, "asserted", [police], list(targets), None, place,
        Span(0, 30, "Police in Lahore arrested them."), Span(17, 25, "arrested"), None, 0.9,
    )  # fmt: skip


def test_people_told_by_role_take_the_country_of_the_events_place() -> None:
    people = Actor(None, "three people", None, "CVL", 26, 38)
    troops = Actor(None, "troops", None, "MIL", 40, 46)
    named = Actor("person:x", "Ali", None, "CVL", 50, 53)
    event = with_local_parties(_placed("PAK", people, troops, named))
    assert [a.country for a in event.source] == ["PAK"]
    assert [a.country for a in event.target] == ["PAK", None, None]


def test_an_event_with_no_place_keeps_its_parties() -> None:
    event = _placed(None, Actor(None, "three people", None, "CVL", 26, 38))
    assert with_local_parties(event) == event

"""Linking passing references to the story events they refer to (:mod:`storyline.story.references`),
on small hand-made articles: a date the phrase gives, its words, the report just before it, the
event its story tells most, and what rules a story event out."""

from __future__ import annotations

import random
import re

from storyline.records import (
    Actor,
    Document,
    Event,
    EventDate,
    EventReference,
    Span,
    Story,
    StoryEvent,
)
from storyline.story.references import link_references, story_links

REBELS = ("Baloch Liberation Army", "PAK", "REB")
ARMY = ("the military", "PAK", "MIL")


def _doc(doc_id: str, published: str, text: str) -> Document:
    return Document(doc_id, doc_id, "test", None, None, published, "metadata", text)


def _sentence(doc: Document, at: int) -> Span:
    starts = [0] + [m.end() for m in re.finditer(r"\.\s+", doc.text)]
    start = max(s for s in starts if s <= at)
    end = doc.text.find(".", at) + 1
    return Span(start, end, doc.text[start:end])


def _event(
    doc: Document,
    trigger: str,
    type_: str = "ASSAULT",
    date: str | None = None,
    source: tuple[str, str, str] = REBELS,
    modality: str = "asserted",
) -> Event:
    at = doc.text.index(trigger)
    name, country, sector = source
    when = EventDate(date, "text") if date else EventDate(doc.published or "", "published")
    return Event(
        id=f"{doc.id}:V{at}",
        doc_id=doc.id,
        type=type_,
        mode=None,
        modality=modality,  # type: ignore[arg-type]
        source=[Actor(None, name, country, sector, at, at)],
        target=[],
        date=when,
        location=None,
        sentence=_sentence(doc, at),
        trigger=Span(at, at + len(trigger), trigger),
        quote_id=None,
        confidence=0.8,
    )


def _reference(
    doc: Document,
    phrase: str,
    head: str,
    types: tuple[str, ...] = ("ASSAULT",),
    date: str | None = None,
    state_act: bool = False,
) -> EventReference:
    start = doc.text.index(phrase)
    at = doc.text.index(head, start)
    return EventReference(
        id=f"{doc.id}:R{at}",
        doc_id=doc.id,
        types=list(types),
        text=Span(start, start + len(phrase), phrase),
        head=Span(at, at + len(head), head),
        sentence=_sentence(doc, at),
        date=EventDate(date, "text") if date else None,
        state_act=state_act,
    )


def _story_event(sid: str, events: list[Event], story: str = "story") -> StoryEvent:
    first = events[0]
    return StoryEvent(
        id=sid,
        type=first.type,
        modality=first.modality,
        source=first.source,
        target=[],
        date=first.date,
        mention_ids=[e.id for e in events],
        doc_ids=sorted({e.doc_id for e in events}),
        story_id=story,
    )


A = _doc(
    "a",
    "2025-03-12",
    "Militants attacked a passenger train on Tuesday near Sibi. "
    "Last month insurgents ambushed a bus carrying troops. "
    "The group claimed responsibility for the attack. "
    "The military said its clearance operation killed 33 militants.",
)
B = _doc(
    "b",
    "2025-03-14",
    "Families mourned those killed in Tuesday's train hijacking. "
    "The hijacking was the worst in years. "
    "Officials praised the operation. "
    "Separately, the statement of the ministry was read.",
)
TRAIN = _event(A, "attacked", date="2025-03-11")
BUS = _event(A, "ambushed", date="2025-02")
ARMY_KILLED = _event(A, "killed 33", date=None, source=ARMY)
STORY_EVENTS = [
    _story_event("S-train", [TRAIN]),
    _story_event("S-bus", [BUS]),
    _story_event("S-army", [ARMY_KILLED]),
]
EVENTS = [TRAIN, BUS, ARMY_KILLED]
STORY = Story("story", "train", "2025-02", "2025-03-14", ["a", "b"])


def _links(references: list[EventReference]) -> dict[str, str]:
    links = link_references(references, STORY_EVENTS, EVENTS, [STORY])
    return {link.reference_id: link.story_event_id for link in links}


def test_a_day_the_phrase_gives_picks_the_event_of_that_day() -> None:
    ref = _reference(B, "Tuesday's train hijacking", "hijacking", date="2025-03-11")
    assert _links([ref]) == {ref.id: "S-train"}


def test_words_alone_do_not_link_but_rank_the_events_of_the_day() -> None:
    words = _reference(B, "train hijacking", "hijacking")
    assert _links([words]) == {}
    # Two attacks on one day: the phrase's words pick the one they tell.
    day = _doc(
        "h", "2025-03-12", "Rebels attacked a train on Tuesday. Rebels attacked a bus on Tuesday."
    )
    train = _event(day, "attacked a train", date="2025-03-11")
    bus = _event(day, "attacked a bus", date="2025-03-11")
    later = _doc("i", "2025-03-13", "Tuesday's attack on the bus killed nine.")
    ref = _reference(later, "Tuesday's attack on the bus", "attack", date="2025-03-11")
    story = Story("story", "attacks", None, None, ["h", "i"])
    story_events = [_story_event("S-train", [train]), _story_event("S-bus", [bus])]
    (link,) = link_references([ref], story_events, [train, bus], [story])
    assert link.story_event_id == "S-bus"


def test_a_reference_only_its_type_speaks_for_stays_unlinked() -> None:
    # "the attack" after "Last month insurgents ambushed a bus": which attack? The words do not say.
    bare = _reference(A, "the attack", "attack")
    hijacking = _reference(B, "The hijacking was", "hijacking")
    assert _links([bare, hijacking]) == {}


def test_names_and_the_references_own_sentence_are_no_evidence() -> None:
    said = _doc(
        "e", "2025-03-12", "Militants attacked a train near Quetta. The Quetta attack shocked many."
    )
    attack = _event(said, "attacked", date="2025-03-11")
    story = Story("story", "quetta", None, None, ["e"])
    named = _reference(said, "The Quetta attack", "attack")
    assert link_references([named], [_story_event("S", [attack])], [attack], [story]) == []
    # A reference in the very sentence that reports another event shares every word with it.
    same = _doc("f", "2025-03-12", "Troops raided the camp after the raid on the camp last month.")
    raid = _event(same, "raided", date="2025-03-12")
    ref = _reference(same, "the raid on the camp", "raid")
    story = Story("story", "camp", None, None, ["f"])
    assert link_references([ref], [_story_event("S", [raid])], [raid], [story]) == []


def test_an_operation_is_no_rebels_attack() -> None:
    said = _doc(
        "g", "2025-03-13", "Rebels attacked the train on Tuesday. Tuesday's operation ended it."
    )
    attack = _event(said, "attacked", date="2025-03-11")
    story = Story("story", "train", None, None, ["g"])
    op = _reference(said, "Tuesday's operation", "operation", date="2025-03-11", state_act=True)
    assert link_references([op], [_story_event("S", [attack])], [attack], [story]) == []
    plain = _reference(said, "Tuesday's operation", "operation", date="2025-03-11")
    (link,) = link_references([plain], [_story_event("S", [attack])], [attack], [story])
    assert link.story_event_id == "S"


def test_a_statement_refers_to_no_attack() -> None:
    ref = _reference(B, "the statement of the ministry", "statement", types=("SUPPORT", "REJECT"))
    assert _links([ref]) == {}


def test_a_reference_links_only_within_its_articles_story() -> None:
    ref = _reference(B, "Tuesday's train hijacking", "hijacking", date="2025-03-11")
    other = Story("other", "elsewhere", None, None, ["b"])
    mine = Story("story", "train", None, None, ["a"])
    assert link_references([ref], STORY_EVENTS, EVENTS, [mine, other]) == []


def test_a_denied_or_hypothetical_event_is_not_referred_to() -> None:
    denied = _event(A, "attacked", date="2025-03-11", modality="negated")
    ref = _reference(B, "Tuesday's train hijacking", "hijacking", date="2025-03-11")
    story_events = [_story_event("S-denied", [denied])]
    assert link_references([ref], story_events, [denied], [STORY]) == []


def test_a_date_that_does_not_fit_rules_the_event_out() -> None:
    ref = _reference(B, "Tuesday's train hijacking", "hijacking", date="2025-03-04")
    assert _links([ref]) == {}


def test_links_are_per_story_and_do_not_depend_on_input_order() -> None:
    refs = [
        _reference(B, "Tuesday's train hijacking", "hijacking", date="2025-03-11"),
        _reference(B, "The hijacking was", "hijacking"),
        _reference(A, "the attack", "attack"),
        _reference(B, "the operation", "operation", state_act=True),
    ]
    expected = link_references(refs, STORY_EVENTS, EVENTS, [STORY])
    assert [link.reference_id for link in expected] == [refs[0].id]
    alone = story_links(refs, STORY_EVENTS, EVENTS)
    assert sorted(alone, key=lambda link: link.reference_id) == expected
    rng = random.Random(7)
    for _ in range(5):
        shuffled = [refs[:], STORY_EVENTS[:], EVENTS[:]]
        for part in shuffled:
            rng.shuffle(part)
        again = link_references(shuffled[0], shuffled[1], shuffled[2], [STORY])
        assert again == expected


def test_a_bare_statement_needs_its_words_or_its_date() -> None:
    said = _doc(
        "c", "2025-03-12", "On Tuesday the ministry denied the report. Later the ministry spoke."
    )
    heard = _doc(
        "d", "2025-03-13", "The statement angered many. Tuesday's denial by the ministry stood."
    )
    denial = _event(said, "denied", type_="REJECT", date="2025-03-11", source=ARMY)
    story_events = [_story_event("S-denial", [denial])]
    story = Story("story", "denial", None, None, ["c", "d"])
    bare = _reference(heard, "The statement", "statement", types=("SUPPORT", "REJECT"))
    dated = _reference(heard, "Tuesday's denial", "denial", ("REJECT",), date="2025-03-11")
    links = link_references([bare, dated], story_events, [denial], [story])
    assert [(link.reference_id, link.story_event_id) for link in links] == [(dated.id, "S-denial")]

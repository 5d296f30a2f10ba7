"""Places in the document view: one mark per stretch of text an event is placed at."""

from __future__ import annotations

from storyline.records import Actor, Event, EventDate, Place, Span
from storyline.web.pages import place_marks

SIBI = Place("Sibi", "PAK", 40, 44, "Sibi", "Balochistan", 29.543, 67.877, 0.9, "sentence")


def _event(i: int, type_: str, place: Place | None) -> Event:
    actor = Actor("E1", "Baloch Liberation Army", "PAK", "REB", 0, 5)
    return Event(
        f"d1:V{i}", "d1", type_, None, "asserted", [actor], [], EventDate("2025-03-11", "text"),
        place, Span(0, 60, "x"), Span(10 + i, 12 + i, "x"), None, 0.8,
    )  # fmt: skip


def test_a_place_is_marked_once_with_what_it_resolved_to_and_the_events_there() -> None:
    events = [_event(1, "ASSAULT", SIBI), _event(2, "AID", SIBI), _event(3, "REJECT", None)]
    (mark,) = place_marks(events)
    assert (mark.start, mark.end, mark.kind) == (40, 44, "place")
    assert mark.label.startswith("Place: Sibi, Balochistan, PAK (29.54, 67.88)")
    assert "ASSAULT, AID" in mark.label and "(sentence)" in mark.label


def test_an_unresolved_place_is_labelled_as_written() -> None:
    bolan = Place("Bolan district", None, 0, 14, basis="sentence", confidence=0.3)
    (mark,) = place_marks([_event(1, "ASSAULT", bolan)])
    assert mark.label.startswith("Place: Bolan district;")

"""A story event takes the place of its best-placed report."""

from __future__ import annotations

from dataclasses import replace

from storyline.records import Actor, Event, EventDate, Place, Span
from storyline.story.events import best_place


def _report(doc_id: str, place: Place | None) -> Event:
    actor = Actor("E1", "Baloch Liberation Army", "PAK", "REB", 0, 5)
    return Event(
        f"{doc_id}:V1", doc_id, "ASSAULT", None, "asserted", [actor], [],
        EventDate("2025-03-11", "text"), place, Span(0, 9, "x"), Span(0, 3, "x"), None, 0.8,
    )  # fmt: skip


SCENE = Place("QUETTA", "PAK", 0, 6, "Quetta", None, 30.18, 67.0, 0.72, "article")
SAID = Place("Sibi", "PAK", 40, 44, "Sibi", "Balochistan", 29.54, 67.88, 0.6, "sentence")


def test_a_place_said_of_the_event_beats_the_articles_scene() -> None:
    reports = [_report("d1", SCENE), _report("d2", None), _report("d3", SAID)]
    assert best_place(reports) == SAID


def test_among_places_of_one_basis_the_surest_wins_then_the_first() -> None:
    surer = replace(SAID, confidence=0.9, name="Sibi, Balochistan")
    assert best_place([_report("d1", SAID), _report("d2", surer)]) == surer
    assert best_place([_report("d1", SAID), _report("d2", replace(SAID, start=1))]) == SAID


def test_no_report_placed_no_place() -> None:
    assert best_place([_report("d1", None), _report("d2", None)]) is None

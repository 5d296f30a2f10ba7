"""Events' places through the API: the fields as stored, and the filter by where it happened."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from storyline.records import Actor, Document, Event, EventDate, Place, Span, from_dict
from storyline.registry import DocResult
from storyline.store import Store

TEXT = "Militants attacked a train near Sibi, Balochistan. Pakistan rejected the claims."
SIBI = Place(
    "Sibi, Balochistan", "PAK", 32, 49, "Sibi", "Balochistan", 29.543, 67.877, 0.9, "sentence"
)


def _event(start: int, type_: str, place: Place | None) -> Event:
    actor = Actor("E1", "Pakistan", "PAK", None, 51, 59)
    return Event(
        f"d1:V{start}", "d1", type_, None, "asserted", [actor], [],
        EventDate("2025-03-11", "text"), place, Span(0, 50, TEXT[:50]),
        Span(start, start + 8, TEXT[start : start + 8]), None, 0.8,
    )  # fmt: skip


def test_events_carry_their_place_and_filter_by_its_country(tmp_path: Path) -> None:
    from storyline.api import create_app

    db = tmp_path / "places.duckdb"
    doc = Document("d1", "x#1", None, None, None, "2025-03-12", "metadata", TEXT)
    with Store.open(db) as store:
        store.write_batch(
            [DocResult(doc, events=[_event(10, "ASSAULT", SIBI), _event(60, "REJECT", None)])]
        )
    with TestClient(create_app(db)) as client:
        placed = client.get("/api/events", params={"place_country": "PAK"}).json()
        elsewhere = client.get("/api/events", params={"place_country": "AFG"}).json()
        bad = client.get("/api/events", params={"place_country": "pakistan"})
    (item,) = placed["items"]
    event = from_dict(Event, item)
    assert event.location == SIBI
    assert TEXT[SIBI.start : SIBI.end] == SIBI.name
    assert elsewhere["total"] == 0
    assert bad.status_code == 422

"""The map page: a point per resolved place, linked to the sentences; vendored scripts, no CDN."""

from __future__ import annotations

import re
from pathlib import Path

from fastapi.testclient import TestClient

from storyline.records import Actor, Document, Event, EventDate, Place, Span
from storyline.registry import DocResult
from storyline.store import Store
from storyline.web.pages import map_points

TEXT = "Militants attacked a train near Sibi. Troops freed hostages in Sibi. Pakistan said so."
SIBI = Place("Sibi", "PAK", 32, 36, "Sibi", "Balochistan", 29.543, 67.877, 0.9, "sentence")
BOLAN = Place("Bolan district", None, 0, 5, basis="sentence", confidence=0.3)
STATIC = Path(__file__).parents[2] / "src" / "storyline" / "web" / "static"


def _event(start: int, type_: str, place: Place | None) -> Event:
    actor = Actor("E1", "Pakistan", "PAK", None, 69, 77)
    return Event(
        f"d1:V{start}", "d1", type_, None, "asserted", [actor], [],
        EventDate("2025-03-11", "text"), place, Span(0, 37, TEXT[:37]),
        Span(start, start + 8, TEXT[start : start + 8]), None, 0.8,
    )  # fmt: skip


def test_points_group_events_by_place_and_leave_off_unresolved_ones() -> None:
    events = [_event(10, "ASSAULT", SIBI), _event(45, "AID", SIBI), _event(60, "REJECT", BOLAN)]
    (point,) = map_points(events)
    assert (point.name, point.latitude, point.longitude) == ("Sibi", 29.543, 67.877)
    assert [e.type for e in point.events] == ["ASSAULT", "AID"]


def test_the_map_page_lists_each_point_with_links_to_its_sentences(tmp_path: Path) -> None:
    from storyline.api import create_app

    db = tmp_path / "map.duckdb"
    doc = Document("d1", "x#1", None, None, None, "2025-03-12", "metadata", TEXT)
    with Store.open(db) as store:
        store.write_batch(
            [DocResult(doc, events=[_event(10, "ASSAULT", SIBI), _event(60, "REJECT", None)])]
        )
    with TestClient(create_app(db)) as client:
        page = client.get("/map").text
        atlas = client.get("/static/vendor/countries-110m.json")
    assert 'data-lat="29.543"' in page and 'data-lon="67.877"' in page
    assert 'href="/documents/d1#0-37"' in page
    scripts = re.findall(r'<script src="([^"]+)"', page)
    assert scripts[-1] == "/static/map.js" and all(s.startswith("/static/") for s in scripts)
    assert atlas.status_code == 200 and atlas.json()["objects"]["countries"]["type"]


def test_the_vendored_libraries_ship_with_their_licenses() -> None:
    vendor = STATIC / "vendor"
    for name in ("d3-array", "d3-geo", "topojson-client", "world-atlas"):
        assert "Permission to use, copy, modify" in (vendor / f"LICENSE-{name}").read_text()
    assert "geoNaturalEarth1" in (vendor / "d3-geo.min.js").read_text()

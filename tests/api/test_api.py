"""The JSON API over a small hand-made database: records, filters, pagination, bad input."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sample import records

from storyline.errors import StoreError
from storyline.records import Document, Event, Quote, from_dict
from storyline.store import Store
from storyline.store.reads import open_read_only


def ids(response: Any) -> list[str]:
    assert response.status_code == 200, response.text
    return [item["id"] for item in response.json()["items"]]


def sample_events() -> dict[str, Event]:
    return {r.id: r for r in records()[1] if isinstance(r, Event)}


# --- records come back whole --------------------------------------------------------------------


def test_events_are_the_stored_records(client: Any) -> None:
    body = client.get("/api/events", params={"limit": 100}).json()
    assert body["total"] == len(sample_events())
    got = {e["id"]: from_dict(Event, e) for e in body["items"]}
    assert got == sample_events()


def test_document_detail_has_text_and_every_span(client: Any) -> None:
    body = client.get("/api/documents/docA").json()
    doc = from_dict(Document, body["document"])
    text = doc.text
    assert doc.title == "Cambodia backs UN vote"
    assert body["quotes"] and body["events"] and body["timexes"] and body["mentions"]
    for kind in ("timexes", "mentions"):
        for span in body[kind]:
            assert text[span["start"] : span["end"]] == span["text"]
    for q in body["quotes"]:
        quote = from_dict(Quote, q)
        assert text[quote.start : quote.end] == quote.text
        assert quote.speaker_start is not None and quote.speaker_end is not None
        assert text[quote.speaker_start : quote.speaker_end] == quote.speaker
    for e in body["events"]:
        event = from_dict(Event, e)
        assert text[event.trigger.start : event.trigger.end] == event.trigger.text
        assert text[event.sentence.start : event.sentence.end] == event.sentence.text
    assert {e["id"] for e in body["entities"]} >= {"hun-sen", "cambodia"}


def test_document_list_has_no_text_and_counts(client: Any) -> None:
    body = client.get("/api/documents").json()
    assert [d["id"] for d in body["items"]] == ["docC", "docB", "docA"]  # newest first
    assert all("text" not in d for d in body["items"])
    a = next(d for d in body["items"] if d["id"] == "docA")
    assert (a["events"], a["quotes"]) == (2, 1)


def test_unknown_ids_are_404(client: Any) -> None:
    assert client.get("/api/documents/nope").status_code == 404
    assert client.get("/api/entities/nope").status_code == 404


# --- filters --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"country": "KHM"}, {"eA1", "eB1", "eB2", "eC1"}),
        ({"country": "RUS"}, {"eA2", "eC2"}),
        ({"type": "SUPPORT"}, {"eA1", "eC1"}),
        ({"modality": "planned"}, {"eA1", "eB2"}),
        ({"actor": "hun-sen"}, {"eB2"}),
        ({"actor": "ukraine", "type": "REQUEST"}, {"eB1"}),
        ({"date_from": "2022-10", "date_to": "2022-12-31"}, {"eB1", "eB2"}),
        ({"date_from": "2023"}, {"eC1", "eC2"}),
        ({"date_to": "2022-03"}, {"eA1", "eA2"}),  # the week 2022-W08 starts on 21 February
        ({"date_from": "2022-02-22", "date_to": "2022-03-02"}, set()),
        ({"document": "docC"}, {"eC1", "eC2"}),
        ({"story": "T1"}, set(sample_events())),
        ({"story": "T-none"}, set()),
        ({"actor": "Hun Sen"}, {"eB2"}),  # a name as well as an id
        ({"actor": "samdech hun sen"}, {"eB2"}),  # an alias, in any case
        ({"sector": "CVL"}, set()),
        ({"sector": "IGO"}, {"eA1", "eC2"}),
    ],
)
def test_event_filters(client: Any, params: dict[str, str], expected: set[str]) -> None:
    assert set(ids(client.get("/api/events", params=params))) == expected


def test_pagination_and_sorting(client: Any) -> None:
    by_date = ids(client.get("/api/events", params={"sort": "date"}))
    # chronological: the week 2022-W08 (from 21 February) comes first
    assert by_date == ["eA2", "eA1", "eB1", "eB2", "eC1", "eC2"]
    assert ids(client.get("/api/events", params={"sort": "-date"})) == by_date[::-1]
    page = client.get("/api/events", params={"sort": "date", "limit": 2, "offset": 2}).json()
    assert [e["id"] for e in page["items"]] == by_date[2:4]
    assert (page["total"], page["limit"], page["offset"]) == (6, 2, 2)
    by_type = [
        sample_events()[i].type for i in ids(client.get("/api/events", params={"sort": "type"}))
    ]
    assert by_type == sorted(by_type)


def test_quotes_filters(client: Any) -> None:
    assert ids(client.get("/api/quotes", params={"actor": "kin-phea"})) == ["qC1"]
    assert ids(client.get("/api/quotes", params={"date_to": "2022"})) == ["qA1"]
    assert set(ids(client.get("/api/quotes", params={"country": "KHM"}))) == {"qA1", "qC1"}
    assert ids(client.get("/api/quotes", params={"document": "docB"})) == []


def test_entities_list_and_detail(client: Any) -> None:
    body = client.get("/api/entities", params={"name": "samdech"}).json()
    assert [r["entity"]["id"] for r in body["items"]] == ["hun-sen"]
    assert body["items"][0]["mentions"] == 3
    top = client.get("/api/entities", params={"sort": "-events"}).json()["items"][0]
    assert top["entity"]["id"] in {"cambodia", "ukraine"} and top["events"] == 3
    detail = client.get("/api/entities/hun-sen").json()
    assert [r["role"] for r in detail["roles"]] == ["prime minister"]
    assert [q["id"] for q in detail["quotes"]] == ["qA1"]
    assert [e["id"] for e in detail["events"]] == ["eB2"]
    assert [(c["entity_id"], c["as_target"], c["types"]) for c in detail["counterparts"]] == [
        ("ukraine", 1, ["AID"])
    ]


def test_stories_and_timeline(client: Any) -> None:
    stories = client.get("/api/stories").json()["items"]
    assert [s["id"] for s in stories] == ["T1"]
    entries = client.get("/api/timeline", params={"story": "T1"}).json()["items"]
    assert [e["date"] for e in entries][:2] == ["2022-W08", "2022-03-03"]  # in date order
    assert len(entries) == 6 and all(e["citations"] for e in entries)
    support = client.get("/api/timeline", params={"type": "SUPPORT"}).json()["items"]
    assert {e["story_event_ids"][0] for e in support} == {"SeA1", "SeC1"}
    russia = client.get("/api/timeline", params={"actor": "russia", "date_from": "2023"}).json()
    assert [e["story_event_ids"] for e in russia["items"]] == [["SeC2"]]


def test_network_edges_count_events(client: Any) -> None:
    net = client.get("/api/network").json()
    edges = {(e["source"], e["target"], e["type"]): e["count"] for e in net["items"]}
    assert net["total"] == len(edges)
    assert edges[("cambodia", "ukraine", "SUPPORT")] == 1
    assert ("united-states", "russia", "SANCTION") in edges
    assert {n["id"] for n in net["nodes"]} == {x for e in edges for x in e[:2]}
    only = client.get("/api/network", params={"type": "SANCTION"}).json()
    assert [(e["source"], e["target"]) for e in only["items"]] == [("united-states", "russia")]


def test_network_is_paged(client: Any) -> None:
    everything = client.get("/api/network").json()
    pages = [
        client.get("/api/network", params={"limit": 2, "offset": offset}).json()
        for offset in range(0, everything["total"], 2)
    ]
    assert all(p["total"] == everything["total"] and p["limit"] == 2 for p in pages)
    assert [e for p in pages for e in p["items"]] == everything["items"]
    first = pages[0]
    assert {n["id"] for n in first["nodes"]} == {
        x for e in first["items"] for x in (e["source"], e["target"])
    }


def test_search_finds_documents_quotes_and_events(client: Any) -> None:
    body = client.get("/api/search", params={"q": "sanctions"}).json()
    hits = body["items"]
    assert {h["kind"] for h in hits} == {"document", "event"}
    assert body["total"] == len(hits) and body["kinds"] == {"document": 1, "event": 1}
    doc_hit = next(h for h in hits if h["kind"] == "document")
    text = client.get("/api/documents/docA").json()["document"]["text"]
    assert text[doc_hit["start"] : doc_hit["end"]].lower() == "sanctions"
    quotes = client.get("/api/search", params={"q": "VICTORY diplomacy", "kind": "quote"}).json()
    assert [h["id"] for h in quotes["items"]] == ["qC1"]
    assert client.get("/api/search", params={"q": "kin phea"}).json()["total"]  # speakers too


def values(facet: list[dict[str, Any]]) -> dict[str, int]:
    return {v["value"]: v["count"] for v in facet}


def test_facets_have_counts(client: Any) -> None:
    body = client.get("/api/facets").json()
    assert body["total"] == 6
    assert values(body["types"]) == {
        "AID": 1,
        "REJECT": 1,
        "REQUEST": 1,
        "SANCTION": 1,
        "SUPPORT": 2,
    }
    assert values(body["modalities"]) == {"asserted": 4, "planned": 2}
    assert values(body["countries"])["KHM"] == 4 and values(body["countries"])["RUS"] == 2
    assert values(body["sectors"])["GOV"] == 6
    assert values(body["stories"]) == {"T1": 6}
    assert body["stories"][0]["label"] == "Cambodia and the war in Ukraine"
    actors = {a["value"]: (a["label"], a["count"]) for a in body["actors"]}
    assert actors["cambodia"] == ("Cambodia", 3)
    assert body["dates"] == ["2022-03-03", "2023-06-12"]


def test_facets_count_within_the_other_filters(client: Any) -> None:
    body = client.get("/api/facets", params={"type": "SUPPORT"}).json()
    assert body["total"] == 2
    # the type menu still offers every type: it is counted without the type filter
    assert set(values(body["types"])) == {"AID", "REJECT", "REQUEST", "SANCTION", "SUPPORT"}
    assert values(body["modalities"]) == {"planned": 1, "asserted": 1}  # of the SUPPORT events
    khm = client.get("/api/facets", params={"country": "RUS"}).json()
    assert values(khm["types"]) == {"SANCTION": 1, "REJECT": 1}


# --- bad input and attempts to get out ------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "params", "says"),
    [
        ("/api/events", {"type": "FOO"}, "valid: AGREE"),
        ("/api/events", {"type": "support"}, "pattern"),
        ("/api/events", {"country": "khm"}, "pattern"),
        ("/api/events", {"modality": "maybe"}, "asserted"),
        ("/api/events", {"date_from": "2023-13"}, "pattern"),
        ("/api/events", {"date_from": "yesterday"}, "pattern"),
        ("/api/events", {"date_from": "2023", "date_to": "2022"}, "after"),
        ("/api/events", {"limit": "0"}, "greater than or equal"),
        ("/api/events", {"limit": "101"}, "less than or equal"),
        ("/api/events", {"offset": "-1"}, "greater than or equal"),
        ("/api/events", {"limit": "ten"}, "integer"),
        ("/api/events", {"sort": "drop"}, "valid: confidence, date"),
        ("/api/events", {"sort": "date; DROP TABLE events"}, "pattern"),
        ("/api/events", {"story": "T1 UNION SELECT * FROM documents"}, "pattern"),
        ("/api/events", {"actor": "a" * 201}, "at most 200"),
        ("/api/events", {"sector": "gov"}, "pattern"),
        ("/api/search", {"q": "x"}, "at least 2"),
        ("/api/search", {"q": "word " * 50}, "at most 200"),
        ("/api/search", {"q": "ok", "kind": "table"}, "document"),
        ("/api/entities", {"name": "n" * 101}, "at most 100"),
    ],
)
def test_bad_parameters_are_clear_422s(
    client: Any, path: str, params: dict[str, str], says: str
) -> None:
    response = client.get(path, params=params)
    assert response.status_code == 422, response.text
    assert says in response.text


@pytest.mark.parametrize(
    "query",
    ["' OR 1=1 --", "%", "_%_", "'; DROP TABLE events; --", "\\", "read_csv('/etc/passwd')"],
)
def test_search_text_is_data_not_sql(client: Any, query: str) -> None:
    response = client.get("/api/search", params={"q": query})
    assert response.status_code in (200, 422), response.text
    if response.status_code == 200:
        assert response.json()["total"] == 0  # none of these strings is in the sample texts


def test_injection_in_paths_finds_nothing(client: Any, sample_db: Path) -> None:
    for path in (
        "/api/documents/docA' OR '1'='1",
        "/api/entities/x%27%3B%20DROP%20TABLE%20entities",
    ):
        assert client.get(path).status_code in (404, 422)
    assert client.get("/api/entities/..%2F..%2Fetc%2Fpasswd").status_code in (404, 422)
    assert client.get("/api/events").json()["total"] == 6


def test_api_is_read_only(client: Any, sample_db: Path) -> None:
    for method in ("post", "put", "delete", "patch"):
        assert getattr(client, method)("/api/events").status_code == 405
    with Store.open(sample_db, read_only=True) as store:
        assert store.count("events") == 6


def test_served_database_cannot_read_files(sample_db: Path) -> None:
    store = open_read_only(sample_db)
    try:
        with pytest.raises(Exception, match=r"disabled by configuration|[Pp]ermission"):
            store.sql("SELECT * FROM read_csv('/etc/passwd')")
        with pytest.raises(Exception, match=r"read-only|[Rr]ead only"):
            store.sql("DELETE FROM documents")
    finally:
        store.close()


def test_missing_database_is_a_clear_error(tmp_path: Path) -> None:
    from storyline.api import create_app

    with pytest.raises(StoreError, match="does not exist"):
        create_app(tmp_path / "none.duckdb")


@pytest.mark.parametrize(
    ("given", "close"), [("Hun Senn", "Hun Sen"), ("Cambodja", "Cambodia"), ("zzzz", None)]
)
def test_unknown_actor_is_a_404_with_close_matches(
    client: Any, given: str, close: str | None
) -> None:
    for path in ("/api/events", "/api/quotes", "/api/timeline", "/api/documents", "/api/facets"):
        response = client.get(path, params={"actor": given})
        assert response.status_code == 404, (path, response.text)
        detail = response.json()["detail"]
        assert f"no actor {given!r}" in detail
        assert "pattern" not in detail and "[" not in detail  # no regular expression shown
        if close:
            assert f"did you mean {close!r}" in detail


def test_actor_text_is_data_not_sql(client: Any) -> None:
    response = client.get("/api/events", params={"actor": "x' OR '1'='1"})
    assert response.status_code == 404 and "no actor" in response.json()["detail"]


def test_actor_by_name_matches_the_actor_by_id(client: Any) -> None:
    for path in ("/api/events", "/api/quotes", "/api/timeline", "/api/documents"):
        by_id = client.get(path, params={"actor": "hun-sen"}).json()
        by_name = client.get(path, params={"actor": "Hun Sen"}).json()
        assert by_name == by_id and by_id["total"] > 0, path


def test_every_list_route_has_one_shape(client: Any) -> None:
    for path, params in [
        ("/api/documents", {}),
        ("/api/events", {}),
        ("/api/quotes", {}),
        ("/api/entities", {}),
        ("/api/stories", {}),
        ("/api/timeline", {}),
        ("/api/network", {}),
        ("/api/search", {"q": "Cambodia"}),
    ]:
        body = client.get(path, params={**params, "limit": 2, "offset": 1}).json()
        assert {"items", "total", "limit", "offset"} <= set(body), path
        assert (body["limit"], body["offset"]) == (2, 1), path
        assert isinstance(body["total"], int) and len(body["items"]) <= 2, path


def test_story_by_id(client: Any) -> None:
    body = client.get("/api/stories/T1").json()
    assert body["story"]["label"] == "Cambodia and the war in Ukraine"
    assert [d["id"] for d in body["documents"]] == ["docA", "docB", "docC"]  # oldest first
    assert body["timeline_entries"] == 6
    assert body["facets"]["total"] == 6 and values(body["facets"]["types"])["SUPPORT"] == 2
    missing = client.get("/api/stories/nope")
    assert missing.status_code == 404 and "no story" in missing.json()["detail"]


def test_openapi_schema_names_are_distinct(client: Any) -> None:
    schemas = client.get("/openapi.json").json()["components"]["schemas"]
    assert "Page" not in schemas
    pages = {"DocumentPage", "EventPage", "QuotePage", "EntityPage", "StoryPage", "TimelinePage"}
    assert pages <= set(schemas)
    for name in pages:
        assert set(schemas[name]["properties"]) == {"items", "total", "limit", "offset"}
    assert {"SearchResults", "NetworkPage", "Facets", "StoryDetail"} <= set(schemas)
    assert len({s.get("title", n) for n, s in schemas.items()}) == len(schemas)


def test_openapi_describes_typed_records(client: Any) -> None:
    spec = client.get("/openapi.json").json()
    assert {"/api/events", "/api/documents/{doc_id}", "/api/search", "/api/timeline"} <= set(
        spec["paths"]
    )
    schemas = spec["components"]["schemas"]
    assert {"Event", "Quote", "Actor", "TimelineEntry"} <= set(schemas)
    assert set(schemas["Event"]["properties"]) >= {"trigger", "sentence", "source", "modality"}
    docs = client.get("/docs")
    assert docs.status_code == 200
    assert "cdn" not in docs.text.lower() and "/static-offline-docs/" in docs.text


def test_happened_is_asserted_or_reported_and_any_is_no_filter(client: Any) -> None:
    happened = set(ids(client.get("/api/events", params={"modality": "happened"})))
    assert happened == {e.id for e in sample_events().values() if e.modality == "asserted"}
    assert set(ids(client.get("/api/events", params={"modality": "any"}))) == set(sample_events())
    net = client.get("/api/network", params={"modality": "happened"}).json()
    assert {e["modality"] for e in net["items"]} == {"asserted"}
    every = client.get("/api/network").json()["items"]
    assert {e["modality"] for e in every} == {"asserted", "planned"}


def test_empty_parameters_mean_no_filter(client: Any) -> None:
    empty = {"type": "", "actor": "", "country": "", "modality": "", "date_from": "", "story": ""}
    assert ids(client.get("/api/events", params=empty)) == ids(client.get("/api/events"))

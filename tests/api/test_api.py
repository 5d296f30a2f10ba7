"""The JSON API over a small hand-made database: records, filters, pagination, bad input."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sample import records

from storyline.errors import StoreError
from storyline.records import Document, Event, Quote, from_dict
from storyline.store import Store
from storyline.store.api import open_read_only


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
        ({"actor": "no-such-actor"}, set()),
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
    edges = {(e["source"], e["target"], e["type"]): e["count"] for e in net["edges"]}
    assert edges[("cambodia", "ukraine", "SUPPORT")] == 1
    assert ("united-states", "russia", "SANCTION") in edges
    assert {n["id"] for n in net["nodes"]} == {x for e in edges for x in e[:2]}
    only = client.get("/api/network", params={"type": "SANCTION"}).json()
    assert [(e["source"], e["target"]) for e in only["edges"]] == [("united-states", "russia")]


def test_search_finds_documents_quotes_and_events(client: Any) -> None:
    hits = client.get("/api/search", params={"q": "sanctions"}).json()
    assert {h["kind"] for h in hits} == {"document", "event"}
    doc_hit = next(h for h in hits if h["kind"] == "document")
    text = client.get("/api/documents/docA").json()["document"]["text"]
    assert text[doc_hit["start"] : doc_hit["end"]].lower() == "sanctions"
    quotes = client.get("/api/search", params={"q": "VICTORY diplomacy", "kind": "quote"}).json()
    assert [h["id"] for h in quotes] == ["qC1"]
    assert client.get("/api/search", params={"q": "kin phea"}).json()  # speakers are searched too


def test_facets(client: Any) -> None:
    body = client.get("/api/facets").json()
    assert body["types"] == ["AID", "REJECT", "REQUEST", "SANCTION", "SUPPORT"]
    assert "KHM" in body["countries"] and body["dates"] == ["2022-03-03", "2023-06-12"]


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
        ("/api/events", {"actor": "x' OR '1'='1"}, "pattern"),
        ("/api/events", {"story": "T1 UNION SELECT * FROM documents"}, "pattern"),
        ("/api/events", {"actor": "a" * 201}, "pattern"),
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
        assert response.json() == []  # none of these strings is in the sample texts


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

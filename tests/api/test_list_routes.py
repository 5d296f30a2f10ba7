"""Every list route of the API answers one shape, {items, total, limit, offset}, and pages; the
stories, actors and documents lists take the filters their facets count."""

from __future__ import annotations

from typing import Any

import pytest

#: GET routes under /api without a path parameter that are not lists, and why.
NOT_LISTS = {
    "/api/facets": "the values of the event filters",
    "/api/quotes/facets": "the values of the quote filters",
    "/api/stories/facets": "the values of the story filters",
    "/api/entities/facets": "the values of the actor filters",
    "/api/documents/facets": "the values of the document filters",
}
EXTRA = {"/api/search": {"q": "Cambodia"}}


def _list_routes(client: Any) -> list[str]:
    paths = client.get("/openapi.json").json()["paths"]
    return sorted(
        p for p, ops in paths.items() if "get" in ops and "{" not in p and p not in NOT_LISTS
    )


def test_the_lists_are_the_routes_expected(client: Any) -> None:
    assert _list_routes(client) == [
        "/api/documents",
        "/api/entities",
        "/api/events",
        "/api/network",
        "/api/quotes",
        "/api/search",
        "/api/stories",
        "/api/timeline",
    ]


def test_every_list_route_has_one_shape_and_pages(client: Any) -> None:
    for path in _list_routes(client):
        params = EXTRA.get(path, {})
        whole = client.get(path, params=params).json()
        assert {"items", "total", "limit", "offset"} <= set(whole), path
        assert whole["offset"] == 0 and whole["total"] >= len(whole["items"]) >= 1, path
        second = client.get(path, params={**params, "limit": 1, "offset": 1}).json()
        assert (second["limit"], second["offset"]) == (1, 1), path
        assert second["total"] == whole["total"], path
        assert second["items"] == whole["items"][1:2], path
        schema = client.get("/openapi.json").json()["paths"][path]["get"]
        names = {p["name"] for p in schema.get("parameters", [])}
        assert {"limit", "offset"} <= names, path


@pytest.mark.parametrize(
    ("path", "params", "total"),
    [
        ("/api/stories", {"type": "SUPPORT"}, 1),
        ("/api/stories", {"type": "MOBILIZE"}, 0),
        ("/api/stories", {"country": "KHM", "actor": "Hun Sen"}, 1),
        ("/api/stories", {"date_from": "2024"}, 0),
        ("/api/stories", {"modality": "planned"}, 1),
        ("/api/stories", {"modality": "happened", "type": "SANCTION"}, 1),
        ("/api/stories", {"modality": "negated"}, 0),
        ("/api/stories", {"modality": "any"}, 1),
        ("/api/entities", {"country": "KHM"}, 3),
        ("/api/entities", {"country": "KHM", "type": "PERSON"}, 2),
        ("/api/documents", {"source": "Example Post"}, 3),
        ("/api/documents", {"source": "Nobody"}, 0),
    ],
)
def test_list_filters(client: Any, path: str, params: dict[str, str], total: int) -> None:
    body = client.get(path, params=params).json()
    assert body["total"] == total and len(body["items"]) == total


def test_facet_routes_count_among_the_other_filters(client: Any) -> None:
    actors = client.get("/api/entities/facets", params={"country": "KHM"}).json()
    assert actors["total"] == 3
    assert {v["value"]: v["count"] for v in actors["types"]} == {"PERSON": 2, "GPE": 1}
    assert len(actors["countries"]) > 1  # the country menu is not narrowed by itself
    stories = client.get("/api/stories/facets").json()
    assert stories["total"] == 1
    assert {v["value"] for v in stories["types"]} >= {"SUPPORT", "SANCTION"}
    assert {"value": "hun-sen", "count": 1, "label": "Hun Sen"} in stories["actors"]
    modalities = {v["value"]: v["count"] for v in stories["modalities"]}
    assert modalities == {"asserted": 1, "planned": 1}
    # No story has a negated event, yet the modality menu keeps the values the others leave.
    negated = client.get("/api/stories/facets", params={"modality": "negated"}).json()
    assert negated["total"] == 0 and negated["types"] == []
    assert {v["value"]: v["count"] for v in negated["modalities"]} == modalities
    assert client.get("/api/stories", params={"modality": "maybe"}).status_code == 422
    documents = client.get("/api/documents/facets", params={"story": "T1"}).json()
    assert documents["total"] == 3
    assert documents["stories"][0]["label"] == "Cambodia and the war in Ukraine"
    assert documents["sources"] == [{"value": "Example Post", "count": 3, "label": None}]


def test_list_sorts(client: Any) -> None:
    by_quotes = client.get("/api/entities", params={"sort": "-quotes", "limit": 2}).json()
    assert all(r["quotes"] >= 1 for r in by_quotes["items"])
    newest = client.get("/api/documents", params={"sort": "-quotes"}).json()["items"]
    assert [d["quotes"] for d in newest] == sorted((d["quotes"] for d in newest), reverse=True)
    for sort in ("size", "-start", "end", "label", "-events"):
        assert client.get("/api/stories", params={"sort": sort}).status_code == 200, sort
    bad = client.get("/api/stories", params={"sort": "bogus"})
    assert bad.status_code == 422 and "valid:" in bad.json()["detail"]

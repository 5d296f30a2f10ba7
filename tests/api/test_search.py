"""Search by whole words, ranked, with totals: "Hun Sen" is not found in "hunted"."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sample import build_sample_db
from starlette.exceptions import StarletteDeprecationWarning

from storyline.records import Document
from storyline.registry import DocResult
from storyline.store import Store
from storyline.store.search import locate, search_terms

with warnings.catch_warnings():
    warnings.simplefilter("ignore", StarletteDeprecationWarning)
    from fastapi.testclient import TestClient

EXTRA = {
    "iraq": (
        "Iraq says key Islamic State leader is dead",
        "He was relentlessly hunted down. Hunters hunted him for years; the hunt is over, "
        "and Senators praised the hunters.",
    ),
    "scattered": (
        None,
        "The senate met. Officials in Phnom Penh spoke of the Hun dynasty; sen is a coin.",
    ),
    "phrase": (
        "Hun Sen speaks",
        "Hun Sen said Cambodia would stay neutral. Hun Sen spoke for an hour.",
    ),
}


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    from storyline.api import create_app

    db = build_sample_db(tmp_path_factory.mktemp("search") / "search.duckdb")
    docs = [
        Document(key, f"{key}.txt", None, None, title, "2025-03-14", "metadata", text)
        for key, (title, text) in EXTRA.items()
    ]
    with Store.open(db) as store:
        store.write_batch([DocResult(d) for d in docs])
    with TestClient(create_app(Path(db))) as c:
        yield c


def hits(client: Any, q: str, **params: Any) -> dict[str, Any]:
    response = client.get("/api/search", params={"q": q, **params})
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def test_words_match_whole_words_only(client: Any) -> None:
    body = hits(client, "Hun Sen", kind="document")
    ids = [h["id"] for h in body["items"]]
    assert "iraq" not in ids  # "hunted", "Senators"
    assert "scattered" in ids  # both words are there, as words
    assert ids[0] == "phrase"  # in the title and twice as a phrase
    assert body["total"] == len(ids) == 4  # phrase, docA, docB, scattered
    assert hits(client, "hunt", kind="document")["items"][0]["id"] == "iraq"
    assert hits(client, "Senat")["total"] == 0


def test_the_phrase_ranks_above_scattered_words(client: Any) -> None:
    ids = [h["id"] for h in hits(client, "Hun Sen", kind="document")["items"]]
    assert ids.index("scattered") == len(ids) - 1
    scores = [h["score"] for h in hits(client, "Hun Sen")["items"]]
    assert scores == sorted(scores, reverse=True) and scores[0] > scores[-1]


def test_plurals_and_possessives_match(client: Any) -> None:
    assert hits(client, "sanction")["total"] == hits(client, "sanctions")["total"] > 0
    assert hits(client, "hunter", kind="document")["items"][0]["id"] == "iraq"


def test_totals_and_pages(client: Any) -> None:
    everything = hits(client, "Cambodia", limit=100)
    assert everything["total"] == len(everything["items"]) == sum(everything["kinds"].values())
    pages = [
        hits(client, "Cambodia", limit=2, offset=o)["items"]
        for o in range(0, everything["total"], 2)
    ]
    assert [h["id"] for p in pages for h in p] == [h["id"] for h in everything["items"]]
    past = hits(client, "Cambodia", offset=50)
    assert past["items"] == [] and past["total"] == everything["total"]


def test_the_match_is_located_in_the_document(client: Any) -> None:
    hit = hits(client, "Hun Sen", kind="document")["items"][0]
    text = client.get(f"/api/documents/{hit['doc_id']}").json()["document"]["text"]
    assert text[hit["start"] : hit["end"]] == "Hun Sen"
    assert "Hun Sen" in hit["snippet"]
    untitled = next(h for h in hits(client, "coin")["items"] if h["id"] == "scattered")
    assert untitled["title"].startswith("The senate met")  # first words, not the id


def test_search_terms_and_locate() -> None:
    assert search_terms('"Hun Sen," said') == ["Hun", "Sen", "said"]
    assert locate("He hunted Hun Sen's men", ["Hun", "Sen"]) == (10, 19)
    assert locate("the hunted", ["hun"]) == (0, 0)

"""The stories, actors and documents list pages: facets with counts, sorting, paging, and the rows
shown as CSV and JSON (the same rows, in the same order)."""

from __future__ import annotations

import csv
import html
import io
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from storyline.records import Actor, EventDate, Story, StoryEvent
from storyline.store import Store


@pytest.fixture(scope="module")
def two_stories(
    tmp_path_factory: pytest.TempPathFactory,
    build_sample: Callable[[Path], Path],
    client_for: Callable[[Path], Any],
) -> Iterator[Any]:
    """The sample with a second story: one article (docB) and one ASSAULT by Russia on Ukraine."""
    db = build_sample(tmp_path_factory.mktemp("lists") / "stories.duckdb")
    with Store.open(db) as store:
        russia = Actor("russia", "Russia", "RUS", "GOV", 0, 6)
        ukraine = Actor("ukraine", "Ukraine", "UKR", "GOV", 0, 7)
        attack = StoryEvent(
            "SeX",
            "ASSAULT",
            "asserted",
            [russia],
            [ukraine],
            EventDate("2024-05-02", "text"),
            [],
            ["docB"],
            "T2",
        )
        store.replace(StoryEvent, [*store.records(StoryEvent), attack])
        late = Story("T2", "Shelling near Kharkiv", "2024-05-02", "2024-05-02", ["docB"])
        store.replace(Story, [*store.records(Story), late])
    with client_for(db) as client:
        yield client


def _page(client: Any, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200, response.text
    return html.unescape(response.text)


def _facet(page: str, param: str, value: str, label: str) -> int:
    """The count a facet link shows beside ``label`` (the link adds ``param=value``)."""
    found = re.search(
        rf'href="\?[^"]*{param}={re.escape(value)}[^"]*">{re.escape(label)}</a> '
        r'<span class="meta inline">(\d+)</span>',
        page,
    )
    assert found, f"no facet {param}={value} ({label})"
    return int(found.group(1))


def _shown(page: str) -> list[str]:
    """The links of the table's rows, in order (the first link of each row)."""
    body = page.split("<tbody>")[1].split("</tbody>", maxsplit=1)[0]
    return [re.search(r'href="([^"]+)"', row).group(1) for row in body.split("<tr>")[1:]]  # type: ignore[union-attr]


def _downloads(client: Any, page: str) -> tuple[list[dict[str, str]], dict[str, Any]]:
    """The CSV and the JSON the page's download links give."""
    csv_link = re.search(r'href="([^"]+\.csv[^"]*)">CSV</a>', page)
    json_link = re.search(r'href="(/api/[^"]+)">JSON</a>', page)
    assert csv_link and json_link
    rows = list(csv.DictReader(io.StringIO(client.get(csv_link.group(1)).text)))
    return rows, client.get(json_link.group(1)).json()


def test_stories_page_has_facets_with_counts(two_stories: Any) -> None:
    page = _page(two_stories, "/stories")
    assert "<strong>2</strong> stories" in page
    assert _facet(page, "type", "ASSAULT", "ASSAULT") == 1
    assert _facet(page, "type", "SUPPORT", "SUPPORT") == 1
    assert _facet(page, "country", "KHM", "KHM") == 1
    assert _facet(page, "country", "RUS", "RUS") == 2  # both stories have Russia in an event
    narrowed = _page(two_stories, "/stories?type=ASSAULT")
    assert "<strong>1</strong> story" in narrowed and "Shelling near Kharkiv" in narrowed
    assert "Cambodia and the war in Ukraine" not in narrowed.split("<tbody>")[1]
    # The type menu still offers the other types, counted among the stories the others leave.
    assert _facet(narrowed, "type", "SUPPORT", "SUPPORT") == 1
    by_actor = _page(two_stories, "/stories?actor=Hun+Sen")
    assert "<strong>1</strong> story" in by_actor and "Shelling near Kharkiv" not in by_actor
    dated = _page(two_stories, "/stories?date_from=2024")
    assert "<strong>1</strong> story" in dated and "Shelling near Kharkiv" in dated


def test_stories_page_has_a_modality_facet(two_stories: Any) -> None:
    page = _page(two_stories, "/stories")
    # Story T1 has asserted and planned events, T2 (Kharkiv) one asserted attack.
    assert _facet(page, "modality", "asserted", "asserted") == 2
    assert _facet(page, "modality", "planned", "planned") == 1
    planned = _page(two_stories, "/stories?modality=planned")
    assert "<strong>1</strong> story" in planned and "Shelling near Kharkiv" not in planned
    assert 'aria-label="Remove this filter"' in planned
    # The modality menu keeps its other values; the type menu counts among planned stories.
    assert _facet(planned, "modality", "asserted", "asserted") == 2
    assert _facet(planned, "type", "SUPPORT", "SUPPORT") == 1
    assert "type=ASSAULT" not in planned
    assert "<strong>0</strong> stories" in _page(
        two_stories, "/stories?modality=planned&type=ASSAULT"
    )
    assert "<strong>2</strong> stories" in _page(two_stories, "/stories?modality=happened")
    rows, api = _downloads(two_stories, planned)
    assert [r["link"] for r in rows] == ["/timeline?story=T1"]
    assert [s["id"] for s in api["items"]] == ["T1"] and api["total"] == 1


def test_stories_page_sorts_pages_and_downloads_what_it_shows(two_stories: Any) -> None:
    largest = _shown(_page(two_stories, "/stories"))
    assert largest == ["/timeline?story=T1", "/timeline?story=T2"]
    page = _page(two_stories, "/stories?sort=-start")
    assert _shown(page) == ["/timeline?story=T2", "/timeline?story=T1"]
    rows, api = _downloads(two_stories, page)
    assert [r["link"] for r in rows] == _shown(page)
    assert [r["events"] for r in rows] == ["1", "6"] and rows[0]["start"] == "2 May 2024"
    assert [s["id"] for s in api["items"]] == ["T2", "T1"] and api["total"] == 2
    assert two_stories.get("/stories?sort=bogus").status_code == 422


def test_actors_page_has_facets_sorting_and_downloads(big_web: Any) -> None:
    page = _page(big_web, "/actors")
    assert "<strong>137</strong> actors" in page
    assert _facet(page, "country", "RUR", "RUR") == 130
    assert _facet(page, "type", "PERSON", "PERSON") == 132
    assert 'aria-label="Pages"' in page  # 137 actors: more than one page
    khm = _page(big_web, "/actors?country=KHM")
    assert "<strong>3</strong> actors" in khm
    assert _facet(khm, "type", "PERSON", "PERSON") == 2 and _facet(khm, "type", "GPE", "GPE") == 1
    # The country menu keeps the other countries, counted among the actors the kind leaves.
    people = _page(big_web, "/actors?type=PERSON&country=KHM")
    assert _facet(people, "country", "RUR", "RUR") == 130
    # The name search keeps the facets chosen.
    assert 'name="country" value="KHM"' in khm
    by_quotes = _page(big_web, "/actors?country=KHM&sort=-quotes")
    shown = _shown(by_quotes)
    assert len(shown) == 3 and shown[2] == "/actors/cambodia"  # Cambodia says nothing
    rows, api = _downloads(big_web, by_quotes)
    assert [r["link"] for r in rows] == shown
    assert ["/actors/" + r["entity"]["id"] for r in api["items"]] == shown
    assert rows[0]["quotes"] == "1" and rows[2]["quotes"] == "0"


def test_actors_page_two_shows_the_next_rows(big_web: Any) -> None:
    first = _shown(_page(big_web, "/actors?sort=name"))
    second_page = _page(big_web, "/actors?sort=name&offset=50")
    second = _shown(second_page)
    assert len(first) == 50 and not set(first) & set(second)
    rows, api = _downloads(big_web, second_page)
    assert [r["link"] for r in rows] == second
    assert api["offset"] == 50 and len(api["items"]) == len(second)


def test_documents_page_has_facets_sorting_and_downloads(big_web: Any) -> None:
    page = _page(big_web, "/documents")
    assert "<strong>133</strong> articles" in page
    assert _facet(page, "source", "Example+Post", "Example Post") == 3
    assert _facet(page, "story", "T1", "Cambodia and the war in Ukraine") == 3
    post = _page(big_web, "/documents?source=Example+Post&sort=published")
    assert "<strong>3</strong> articles" in post
    shown = _shown(post)
    assert shown == ["/documents/docA", "/documents/docB", "/documents/docC"]
    rows, api = _downloads(big_web, post)
    assert [r["link"] for r in rows] == shown
    assert [d["id"] for d in api["items"]] == ["docA", "docB", "docC"]
    assert rows[0]["published"] == "4 Mar 2022" and rows[0]["source"] == "Example Post"
    most = _shown(_page(big_web, "/documents?source=Example+Post&sort=-events"))
    counts = {d["id"]: d["events"] for d in api["items"]}
    assert [counts[link.rsplit("/", 1)[1]] for link in most] == sorted(counts.values())[::-1]


def test_the_lists_are_linked_from_every_page(web: Any) -> None:
    page = _page(web, "/")
    assert 'href="/stories"' in page and 'href="/actors"' in page and 'href="/documents"' in page


def test_stories_and_articles_filter_by_dates_keeping_the_other_choices(big_web: Any) -> None:
    page = _page(big_web, "/documents?source=Example+Post&sort=published&date_from=2022-10")
    assert _shown(page) == ["/documents/docB", "/documents/docC"]
    form = page.split('aria-label="Dates"')[1].split("</form>")[0]
    assert '<input type="hidden" name="source" value="Example Post">' in form
    assert '<input type="hidden" name="sort" value="published">' in form
    assert 'name="date_from" value="2022-10"' in form and 'name="offset"' not in form
    stories = _page(big_web, "/stories?date_to=2022-02")
    assert "<strong>0</strong> stories" in stories  # the only story starts in March 2022
    assert "<strong>1</strong> story" in _page(big_web, "/stories?date_from=2023-06-12")

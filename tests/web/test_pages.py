"""The server-rendered pages over the sample database (no browser needed)."""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from storyline.registry import DocResult
from storyline.store import Store
from storyline.web.pages import bucket, nice_date

PAGES = [
    ("/", "Cambodia and the war in Ukraine"),
    ("/timeline", "imposed sanctions on Russia"),
    ("/timeline?zoom=year&story=T1", "2023"),
    ("/timeline?zoom=day&type=SUPPORT", "3 Mar 2022"),
    ("/actors", "Samdech Hun Sen"),
    ("/actors?name=phea", "Kin Phea"),
    ("/actors/hun-sen", "Prime minister"),
    ("/network", "Who acted on whom"),
    ("/network?actor=russia", "Showing events involving"),
    ("/documents", "Ukraine asks Cambodia for deminers"),
    ("/documents/docC", "Phnom Penh welcomes embassy statement"),
    ("/search?q=deminers", "Ukraine asks Cambodia for deminers"),
    ("/events", "Hun Sen → Ukraine"),
    ("/quotes", "We stand with the principle of sovereignty"),
]


@pytest.mark.parametrize(("path", "needle"), PAGES)
def test_page_renders(web: Any, path: str, needle: str) -> None:
    response = web.get(path)
    assert response.status_code == 200, response.text
    assert needle in html.unescape(response.text)


def test_pages_load_nothing_from_other_hosts(web: Any) -> None:
    for path, _ in PAGES:
        page = web.get(path).text
        for url in re.findall(r'(?:src|href)="([^"]+)"', page):
            assert not url.startswith(("http:", "https:", "//")) or "example.org" in url, (
                path,
                url,
            )


def test_document_text_is_rendered_exactly_with_marks(web: Any) -> None:
    text = web.get("/api/documents/docC").json()["document"]["text"]
    page = web.get("/documents/docC").text
    body = re.search(r'<div id="doc-text"[^>]*>(.*?)</div>', page, flags=re.S)
    assert body is not None
    spans = re.findall(
        r'<span data-s="(\d+)" data-e="(\d+)"([^>]*)>(.*?)</span>', body.group(1), re.S
    )
    assert "".join(html.unescape(s[3]) for s in spans) == text  # the markup in the text is escaped
    assert "<b>diplomacy</b>" not in body.group(1)
    for start, end, _attrs, inner in spans:
        assert text[int(start) : int(end)] == html.unescape(inner)
    quoted = [s for s in spans if "k-quote" in s[2]]
    assert quoted and all("Kin Phea" in html.unescape(s[2]) for s in quoted)  # speaker on hover
    assert any("k-trigger" in s[2] and "REJECT" in s[2] for s in spans)


def test_every_record_links_to_its_span(web: Any) -> None:
    actor = web.get("/actors/hun-sen").text
    quote = web.get("/api/quotes", params={"actor": "hun-sen"}).json()["items"][0]
    assert f"/documents/docA#{quote['start']}-{quote['end']}" in actor
    timeline = web.get("/timeline").text
    entries = web.get("/api/timeline").json()["items"]
    for e in entries:
        c = e["citations"][0]
        assert f"/documents/{c['doc_id']}#{c['start']}-{c['end']}" in timeline


def test_empty_states(web: Any) -> None:
    assert "Nothing on the timeline" in web.get("/timeline?type=ASSAULT").text
    assert "No actors found" in web.get("/actors?name=zzzz").text
    assert "No links to draw" in web.get("/network?type=ASSAULT").text
    assert "No results for" in web.get("/search?q=zzzz").text


def test_errors_are_pages(web: Any) -> None:
    missing = web.get("/documents/nope")
    assert missing.status_code == 404 and "Not found" in missing.text
    bad = web.get("/timeline?date_from=someday")
    assert bad.status_code == 422 and "date_from" in bad.text and "<html" in bad.text


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2022-03-03", "3 Mar 2022"),
        ("2023-05", "May 2023"),
        ("2022-W08", "week of 21 Feb 2022"),
        ("2022-Q2", "Q2 2022"),
        ("2022", "2022"),
        ("PAST_REF", "in the past"),
        (None, "undated"),
    ],
)
def test_nice_date(value: str | None, expected: str) -> None:
    assert nice_date(value) == expected


def test_bucket_keeps_coarser_values_at_their_own_granularity() -> None:
    assert bucket("2022-03-03", "month") == ("2022-03", "March 2022")
    assert bucket("2022-03-03", "year") == ("2022", "2022")
    assert bucket("2023-05", "day") == ("2023-05", "May 2023")
    assert bucket("2022-W08", "day") == ("2022-02-21", "21 Feb 2022")
    assert bucket("PAST_REF", "day") == ("9999", "Undated")


def test_timeline_falls_back_to_events_before_any_timeline_is_built(
    tmp_path: Path, build_sample: Callable[[Path], Path], client_for: Callable[[Path], Any]
) -> None:
    db = build_sample(tmp_path / "no-timeline.duckdb")
    with Store.open(db) as store:
        store.con.execute("DELETE FROM timeline")
    with client_for(db) as client:
        page = client.get("/timeline?type=SANCTION").text
    assert "no timeline has been built" in page
    assert "United States — sanction — Russia" in html.unescape(page)


@pytest.mark.parametrize(
    ("path", "per_page"), [("/actors", 50), ("/documents", 50), ("/timeline", 200)]
)
def test_lists_longer_than_a_page_have_working_pagers(
    big_web: Any, path: str, per_page: int
) -> None:
    first = big_web.get(path)
    assert first.status_code == 200, first.text
    assert "← Previous" not in first.text
    nxt = re.search(r'<a href="([^"]+)">Next →</a>', first.text)
    assert nxt is not None, "no link to the next page"
    assert f"offset={per_page}" in html.unescape(nxt.group(1))
    second = big_web.get(path + html.unescape(nxt.group(1)))
    assert second.status_code == 200, second.text
    assert "← Previous" in second.text
    assert f"{per_page + 1}–" in html.unescape(second.text)  # "51–100 of 137"


def test_untitled_documents_are_headed_by_their_first_words(
    tmp_path: Path, build_sample: Callable[[Path], Path], client_for: Callable[[Path], Any]
) -> None:
    from storyline.records import Document

    db = build_sample(tmp_path / "untitled.duckdb")
    text = (
        "Cambodian Prime Minister Hun Sen, long friendly with Moscow, took pains Thursday to "
        "distance himself. He said so twice.\nA second paragraph follows."
    )
    doc = Document(
        "untitled",
        "003",
        None,
        "https://www.voanews.com/a/x/1.html",
        None,
        "2022-03-04",
        "metadata",
        text,
    )
    with Store.open(db) as store:
        store.write_batch([DocResult(doc)])
    heading = "Cambodian Prime Minister Hun Sen, long friendly with Moscow, took pains Thursday…"
    with client_for(db) as client:
        listing = html.unescape(client.get("/documents").text)
        page = client.get("/documents/untitled").text
        home = html.unescape(client.get("/").text)
        api = client.get("/api/documents").json()["items"]
    assert heading in listing and ">003<" not in listing
    assert "VOA News" in listing and "VOA News" in home
    assert f"<h1>{heading}</h1>" in html.unescape(page)
    assert "VOA News · 4 Mar 2022" in html.unescape(page)
    paras = re.findall(r"<p>(.*?)</p>", page.split('id="doc-text"')[1].split("</div>")[0])
    assert len(paras) == 2
    assert next(d for d in api if d["id"] == "untitled")["heading"] == heading


def test_running_text_is_shown_in_paragraphs(
    tmp_path: Path, build_sample: Callable[[Path], Path], client_for: Callable[[Path], Any]
) -> None:
    from storyline.records import Document

    db = build_sample(tmp_path / "running.duckdb")
    sentences = [
        f"Sentence number {i} says something about Cambodia and Ukraine." for i in range(12)
    ]
    text = " ".join(sentences)
    doc = Document("running", "r", None, None, "Running text", "2022-03-04", "metadata", text)
    with Store.open(db) as store:
        store.write_batch([DocResult(doc)])
    with client_for(db) as client:
        page = client.get("/documents/running").text
    body = page.split('id="doc-text"')[1].split("</div>")[0]
    paras = re.findall(r"<p>(.*?)</p>", body, flags=re.S)
    assert len(paras) == 4  # three sentences each
    spans = re.findall(r'<span data-s="\d+" data-e="\d+"[^>]*>(.*?)</span>', body, flags=re.S)
    assert "".join(html.unescape(s) for s in spans) == text  # every character kept, in order
    assert "The source gives this text without paragraph breaks" in page


@pytest.mark.parametrize(
    "path", ["/documents/docA", "/timeline", "/actors/russia", "/search?q=sanctions"]
)
def test_people_read_dates_in_words_not_timex_codes(web: Any, path: str) -> None:
    page = html.unescape(web.get(path).text)
    assert "2022-W08" not in page  # the value of "last week" in docA
    assert "week of 21 Feb 2022" in page
    assert "late May 2023" not in page or "(late)" in page


def test_timex_hover_labels_are_words(web: Any) -> None:
    page = html.unescape(web.get("/documents/docC").text)
    assert 'title="Date: May 2023 (late)"' in page
    assert "END" not in page


@pytest.mark.parametrize(
    "path",
    [
        "/timeline?story=&actor=&type=&date_from=&date_to=&zoom=month",
        "/network?type=&country=&modality=&date_from=&date_to=",
        "/documents?story=&actor=",
        "/actors?name=",
    ],
)
def test_a_filter_form_sent_with_its_defaults_is_no_filter(web: Any, path: str) -> None:
    """ "Any" in a menu sends an empty value: it must mean no filter, not a 422."""
    assert web.get(path).status_code == 200


def test_network_shows_what_happened_unless_asked(web: Any) -> None:
    default = html.unescape(web.get("/network").text)
    assert "Showing what happened" in default
    assert "<em>planned</em>" not in default  # Cambodia's planned co-sponsoring is not drawn
    assert 'data-query="?modality=happened"' in default
    everything = html.unescape(web.get("/network?modality=any").text)
    assert "<em>planned</em>" in everything
    assert 'data-query="?modality=any"' in everything


def test_a_timeline_entry_of_several_articles_says_how_many_reported_it(
    tmp_path: Path, build_sample: Callable[[Path], Path], client_for: Callable[[Path], Any]
) -> None:
    from dataclasses import replace

    from storyline.records import Citation, Document, TimelineEntry

    db = build_sample(tmp_path / "reported.duckdb")
    with Store.open(db) as store:
        docs = list(store.records(Document, order="id"))
        entries = list(store.records(TimelineEntry))
        first = entries[0]
        other = next(d for d in docs if d.id != first.citations[0].doc_id)
        cited = [*first.citations, Citation(other.id, 0, min(20, len(other.text)))]
        store.replace(TimelineEntry, [replace(first, citations=cited), *entries[1:]])
    with client_for(db) as client:
        page = client.get("/timeline").text
    assert page.count("Reported by 2 articles:") == 1
    assert "Source:" in page  # the entries of one article keep their single source


def test_events_page_lists_with_facets_and_counts(web: Any) -> None:
    page = html.unescape(web.get("/events").text)
    assert "<strong>6</strong> events" in page
    assert re.search(r'href="\?type=SUPPORT">SUPPORT</a> <span class="meta inline">2</span>', page)
    assert "Cambodia and the war in Ukraine" in page  # the story facet, by its label
    narrowed = html.unescape(web.get("/events?type=SUPPORT").text)
    assert "<strong>2</strong> events" in narrowed and "<strong>SUPPORT</strong>" in narrowed
    assert '<a href="?" aria-label="Remove this filter">✕</a>' in narrowed
    assert "/documents/docA#" in narrowed and "/documents/docB#" not in narrowed


def test_events_page_sorts_pages_and_downloads_what_it_shows(big_web: Any, web: Any) -> None:
    newest = html.unescape(web.get("/events?sort=-date").text).split("<table")[1]
    oldest = html.unescape(web.get("/events?sort=date").text).split("<table")[1]
    assert newest.index("12 Jun 2023") < newest.index("21 Feb 2022")
    assert oldest.index("week of 21 Feb 2022") < oldest.index("12 Jun 2023")
    shown = re.findall(r'<td><a href="(/documents/[^"]+)">', oldest)
    rows = web.get("/events.csv?sort=date").text.splitlines()
    assert rows[0] == "date,type,modality,source,target,sentence,document,link"
    assert [r.rsplit(",", 1)[1] for r in rows[1:]] == shown  # the same rows, in the same order
    assert "week of 21 Feb 2022" in rows[1]
    assert web.get("/events.csv").headers["content-type"].startswith("text/csv")
    api = web.get("/api/events", params={"type": "SUPPORT", "limit": 50}).json()
    assert api["total"] == 2


def test_quotes_page_lists_with_facets_counts_and_downloads(web: Any) -> None:
    page = html.unescape(web.get("/quotes").text)
    assert "<strong>2</strong> quotes" in page
    assert re.search(r'href="\?actor=hun-sen">Hun Sen</a> <span class="meta inline">1</span>', page)
    assert "/documents/docA#" in page and "/actors/kin-phea" in page
    narrowed = html.unescape(web.get("/quotes?country=KHM&actor=Kin+Phea").text)
    assert "<strong>1</strong> quote" in narrowed and "victory for <b>diplomacy</b>" in narrowed
    assert "<b>diplomacy</b>" not in web.get("/quotes").text  # escaped
    rows = web.get("/quotes.csv?sort=-date").text.splitlines()
    assert rows[0] == "date,speaker,kind,cue,quote,document,link"
    assert rows[1].startswith("15 Jun 2023,Kin Phea,direct,said,")


def test_quote_facets_api(client_for: Any, web_sample_db: Path) -> None:
    with client_for(web_sample_db) as client:
        body = client.get("/api/quotes/facets").json()
        assert body["total"] == 2 and body["unattributed"] == 0
        assert {v["value"]: v["count"] for v in body["speakers"]} == {"hun-sen": 1, "kin-phea": 1}
        assert {v["value"] for v in body["countries"]} == {"KHM"}
        only = client.get("/api/quotes/facets", params={"actor": "Hun Sen"}).json()
        assert only["total"] == 1 and len(only["speakers"]) == 2  # the speaker menu stays whole

"""Timelines from story events and quotes: the seed story as a golden case, filters, the TimelineJS
export (the other renderers: tests/export/test_timeline_render.py)."""

from __future__ import annotations

import json
import os
from dataclasses import replace
from pathlib import Path

import pytest
from seed_events import quote, seed_documents, seed_events, seed_quotes

from storyline.export.timelinejs import to_timelinejs
from storyline.records import TimelineEntry, to_dict
from storyline.story.events import merge_events
from storyline.story.stories import group_stories
from storyline.story.timeline import (
    build_timeline,
    sentence_around,
    story_timelines,
)


@pytest.fixture(scope="module")
def seeds():
    docs = seed_documents()
    events = seed_events(docs)
    quotes = seed_quotes(docs)
    stories, story_events = group_stories(
        docs.values(), events, merge_events(events, docs.values()), quotes
    )
    return docs, events, quotes, stories, story_events


@pytest.fixture(scope="module")
def timeline(seeds) -> list[TimelineEntry]:
    docs, events, quotes, stories, story_events = seeds
    return build_timeline(story_events, events, docs.values(), quotes, story_id=stories[0].id)


def _entry(timeline: list[TimelineEntry], date: str) -> TimelineEntry:
    (entry,) = [e for e in timeline if e.date == date]
    return entry


# The dates the seed story must show, with a phrase of the sentence behind each and the article.
GOLDEN = [
    ("2022-02-24", "Russian troops invaded Ukraine", "003"),
    ("2022-03-02", "voted on the resolution Wednesday", "003"),
    ("2022-03-03", "audio message", "003"),
    ("2022-10", "would not support a Russian referendum", "000"),
    ("2022-10-27", "October 27 social media post", "000"),
    ("2023-05", "second phone conversation", "001"),
    ("2023-06-14", "I do not believe that Ukraine", "001"),
]


@pytest.mark.parametrize(("date", "phrase", "seed"), GOLDEN)
def test_seed_timeline_has_the_dated_lines_with_citations(timeline, seeds, date, phrase, seed):
    docs = seeds[0]
    entry = _entry(timeline, date)
    assert phrase in entry.text
    cited = {c.doc_id for c in entry.citations}
    assert docs[seed].id in cited
    for c in entry.citations:  # every citation points at a real sentence of its article
        text = next(d.text for d in docs.values() if d.id == c.doc_id)
        assert 0 <= c.start < c.end <= len(text)


def test_timeline_is_ordered_and_extractive(timeline, seeds):
    docs = seeds[0]
    keys = [e.date for e in timeline]
    assert keys.index("2022-02-24") < keys.index("2022-03-02") < keys.index("2022-10")
    assert keys.index("2022-10") < keys.index("2022-10-27") < keys.index("2023-05")
    text_of = {d.id: d.text for d in docs.values()}
    speakers = {q.speaker for q in seeds[2] if q.speaker}
    for e in timeline:
        assert e.granularity == ("month" if len(e.date) == 7 else "day")
        cited = [text_of[c.doc_id][c.start : c.end].strip() for c in e.citations]
        # The text is one or two whole cited sentences, copied, not a paraphrase (a quote's
        # speaker may head its sentence), and the first citation is the text's first sentence.
        copied = e.text
        for name in speakers:
            copied = copied.replace(f"{name}: ", "")
        assert copied.startswith(cited[0])
        assert copied in {cited[0], *(f"{cited[0]} {b}" for b in cited[1:])}


def test_resolution_entry_cites_both_articles(timeline, seeds):
    docs = seeds[0]
    entry = _entry(timeline, "2022-03-02")
    assert {docs["003"].id, docs["000"].id} <= {c.doc_id for c in entry.citations}
    assert len(entry.story_event_ids) == 1


def test_undated_story_events_are_left_out(timeline, seeds):
    story_events = seeds[4]
    undated = {s.id for s in story_events if s.date and s.date.basis == "published"}
    assert undated  # the seeds have some (the embassy's welcome, the CNRP's condemnation)
    assert not undated & {i for e in timeline for i in e.story_event_ids}


def test_filters_actor_query_and_range(seeds):
    docs, events, quotes, _, story_events = seeds
    by_actor = build_timeline(story_events, events, docs.values(), quotes, actor="Singapore")
    assert [e.date for e in by_actor] == ["2022-02-28"]
    by_range = build_timeline(
        story_events, events, docs.values(), quotes, start="2022-10", end="2022-12-31"
    )
    assert {e.date for e in by_range} == {"2022-10", "2022-10-27"}
    by_query = build_timeline(story_events, events, docs.values(), quotes, query="resolution vote")
    assert "2022-03-02" in {e.date for e in by_query}
    assert "2023-05" not in {e.date for e in by_query}
    monthly = build_timeline(story_events, events, docs.values(), quotes, granularity="month")
    assert [e.date for e in monthly][:2] == ["2022-02", "2022-03"]
    assert all(e.granularity == "month" for e in monthly)
    top = build_timeline(story_events, events, docs.values(), quotes, max_entries=1)
    assert [e.date for e in top] == ["2022-03-02"]  # the date most articles mention


def test_timelinejs_export(timeline, seeds):
    out = to_timelinejs(timeline, seeds[0].values(), title="Seeds")
    assert len(out["events"]) == len(timeline)
    month = next(e for e in out["events"] if e["start_date"].get("display_date") == "2022-10")
    assert month["start_date"] == {"year": "2022", "month": "10", "display_date": "2022-10"}
    day = out["events"][0]
    assert day["start_date"] == {"year": "2022", "month": "2", "day": "24"}
    assert {"headline", "text"} <= set(day["text"]) and day["group"] and day["unique_id"]
    assert len({e["unique_id"] for e in out["events"]}) == len(out["events"])
    json.dumps(out)


def test_sentence_around_keeps_abbreviations_and_quotes():
    text = 'He co-sponsored the U.N. resolution. "We agree," he said. Next.'
    assert sentence_around(text, 5, 10).text == "He co-sponsored the U.N. resolution."
    assert sentence_around(text, 39, 45).text == '"We agree," he said.'


GOLDEN_FILE = Path(__file__).parent / "golden" / "seed_timeline.json"


def test_seed_timeline_matches_the_reviewed_golden_file(timeline):
    """The whole seed timeline (hand-built records) as reviewed; STORYLINE_UPDATE_GOLDEN=1
    rewrites the file so the change shows up in the diff."""
    got = [to_dict(e) for e in timeline]
    if os.environ.get("STORYLINE_UPDATE_GOLDEN"):
        GOLDEN_FILE.write_text(json.dumps(got, indent=1, ensure_ascii=False) + "\n", "utf-8")
    assert got == json.loads(GOLDEN_FILE.read_text(encoding="utf-8"))


def test_two_speakers_of_one_date_both_speak_in_its_entry(seeds):
    docs = seeds[0]
    jun23 = docs["001"]
    hun_sen = quote(jun23, "I do not believe that Ukraine", "Hun Sen", "2023-06-14")
    yang = quote(
        jun23, "Russia cannot voluntarily surrender", "Yang Peou", "2023-06-14", cue="told"
    )
    (entry,) = build_timeline([], [], [jun23], [hun_sen, yang])
    assert "I do not believe" in entry.text and "Russia cannot voluntarily" in entry.text
    # one speaker's two quotes of a date: the clearest sentence alone
    again = replace(
        yang, id="again", speaker="Hun Sen", speaker_entity_id=hun_sen.speaker_entity_id
    )
    (single,) = build_timeline([], [], [jun23], [hun_sen, again])
    assert ("I do not believe" in single.text) != ("Russia cannot voluntarily" in single.text)


def test_story_timelines_equal_one_full_build_per_story(seeds):
    docs, events, quotes, stories, story_events = seeds
    # Split the story events over three stories so each call sees only part of the records.
    ids = [f"S{n}" for n in range(3)]
    spread = [replace(s, story_id=ids[n % 3]) for n, s in enumerate(story_events)]
    spread_stories = [replace(stories[0], id=i) for i in ids] + list(stories)
    expected = [
        e
        for story in spread_stories
        for e in build_timeline(spread, events, docs.values(), quotes, story_id=story.id)
    ]
    got = story_timelines(spread_stories, spread, events, docs.values(), quotes)
    assert [to_dict(e) for e in got] == [to_dict(e) for e in expected]
    assert len({e.story_id for e in got}) == 3


def test_first_citation_is_the_sentence_of_the_entry(timeline, seeds):
    """The resolution's date cites the lead of 003 too, but its text is the vote's sentence:
    that sentence comes first."""
    text_of = {d.id: d.text for d in seeds[0].values()}
    entry = _entry(timeline, "2022-03-02")
    first = entry.citations[0]
    assert entry.text.startswith(text_of[first.doc_id][first.start : first.end].strip())
    assert "voted on the resolution Wednesday" in entry.text
    assert len(entry.citations) > 1


def test_a_quote_shows_its_speaker(seeds):
    docs = seeds[0]
    jun23 = docs["001"]
    hun_sen = quote(jun23, "I do not believe that Ukraine", "Hun Sen", "2023-06-14")
    yang = quote(
        jun23, "Russia cannot voluntarily surrender", "Yang Peou", "2023-06-14", cue="told"
    )
    (entry,) = build_timeline([], [], [jun23], [hun_sen, yang])
    # "..., he said." and a quote cut to its first sentence get their speaker's name.
    assert "Hun Sen: “I do not believe" in entry.text
    assert "Yang Peou: “Russia cannot voluntarily" in entry.text
    # A sentence that names its speaker is left as it is.
    told = replace(jun23, text="“Peace comes first,” Hun Sen said on Wednesday.")
    named = quote(told, "Peace comes first", "Hun Sen", "2023-06-14")
    (plain,) = build_timeline([], [], [told], [named])
    assert plain.text == told.text


def test_an_actor_given_as_entities_keeps_only_those_entities(seeds):
    from storyline.records import Actor

    docs, events, _, _, story_events = seeds
    dated = next(s for s in story_events if s.date and s.date.basis == "text")
    party = Actor("E-cnrp", "Cambodia National Rescue Party", "KHM", "OPP", 0, 0)
    opposition = replace(dated, source=[party], target=[])
    others = [s for s in story_events if s.id != dated.id]
    by_name = build_timeline([opposition, *others], events, docs.values(), actor="Cambodia")
    assert dated.id in {i for e in by_name for i in e.story_event_ids}  # "Cambodia" in its name
    by_entity = build_timeline(
        [opposition, *others], events, docs.values(), actor="Cambodia", actor_ids=("E-cambodia",)
    )
    assert dated.id not in {i for e in by_entity for i in e.story_event_ids}
    assert by_entity  # Cambodia's own story events stay

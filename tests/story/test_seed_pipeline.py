"""End to end on the seed articles: the real pipeline, then story events, stories and the timeline.

The done-when of the story layer: the seed timeline has the invasion, the General Assembly vote, the
audio message, the refusal of the referendums, the post about the planned call, the second call and
the speech to workers, with citations; the March 2022 resolution is one story event reported by two
articles; the planned call and the call of late May 2023 stay apart. Known misses of the stages
upstream are strict xfails, so a fix shows up as an unexpected pass.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from seed_events import seed_documents

from storyline.ingest.base import RawArticle, make_document
from storyline.pipeline import process
from storyline.records import Document, Event, Quote, Story, StoryEvent, TimelineEntry
from storyline.story.events import merge_events
from storyline.story.stories import group_stories
from storyline.story.timeline import build_timeline


@dataclass
class Run:
    docs: dict[str, Document]  # by seed id, plus "003-copy"
    events: list[Event]
    quotes: list[Quote]
    story_events: list[StoryEvent]
    stories: list[Story]
    timeline: list[TimelineEntry]


@pytest.fixture(scope="module")
def run(nlp, settings) -> Run:
    docs = seed_documents()
    voa = docs["003"]
    copy = make_document(
        RawArticle(
            input="copy", external_id="003-copy", published=voa.published, source="Another outlet"
        ),
        voa.text + "\n\nThis article was republished with permission.",
    )
    assert isinstance(copy, Document)
    docs["003-copy"] = copy
    results = list(process(nlp, docs.values(), settings))
    events = [e for r in results for e in r.events]
    quotes = [q for r in results for q in r.quotes]
    originals = [d for k, d in docs.items() if k != "003-copy"]
    o_events = [e for e in events if e.doc_id != copy.id]
    o_quotes = [q for q in quotes if q.doc_id != copy.id]
    story_events = merge_events(o_events, originals)
    stories, story_events = group_stories(originals, o_events, story_events, o_quotes)
    timeline = build_timeline(story_events, o_events, originals, o_quotes)
    return Run(docs, events, quotes, story_events, stories, timeline)


def _entries(run: Run, date: str) -> list[TimelineEntry]:
    return [e for e in run.timeline if e.date == date]


def _has_line(run: Run, date: str, phrases: tuple[str, ...], seed: str) -> bool:
    for entry in _entries(run, date):
        cited = {c.doc_id for c in entry.citations}
        if run.docs[seed].id in cited and any(p in entry.text for p in phrases):
            return True
    return False


GOLDEN = [
    pytest.param("2022-02-24", ("invaded Ukraine",), "003", id="invasion"),
    pytest.param("2022-03-02", ("voted",), "003", id="general-assembly-vote"),
    # The audio message is Hun Sen's explanation of Thursday; either sentence tells it.
    pytest.param("2022-03-03", ("audio message", "took pains Thursday"), "003", id="audio-message"),
    pytest.param("2022-10", ("referendum",), "000", id="referendum-refusal"),
    pytest.param("2022-10-27", ("social media post", "he wrote"), "000", id="post-planned-call"),
    pytest.param("2023-05", ("second phone conversation",), "001", id="second-call"),
    # The quote takes the day of the speech the sentence before it tells ("addressed ... on June 14").
    pytest.param("2023-06-14", ("workers", "I do not believe"), "001", id="speech-to-workers"),
]


@pytest.mark.parametrize(("date", "phrases", "seed"), GOLDEN)
def test_seed_timeline_line(run, date, phrases, seed):
    assert _has_line(run, date, phrases, seed), [(e.date, e.text[:80]) for e in run.timeline]


def _story_event_of(run: Run, doc_key: str, trigger_words: tuple[str, ...]) -> StoryEvent:
    doc_id = run.docs[doc_key].id
    mentions = [
        e
        for e in run.events
        if e.doc_id == doc_id and any(w in e.trigger.text for w in trigger_words)
    ]
    assert mentions, trigger_words
    ids = {m.id for m in mentions}
    found = [s for s in run.story_events if ids & set(s.mention_ids)]
    assert len(found) == 1, found
    return found[0]


def test_march_resolution_is_one_story_event_from_two_articles(run):
    in_october = _story_event_of(run, "000", ("voted",))
    assert {run.docs["003"].id, run.docs["000"].id} <= set(in_october.doc_ids)
    # "181 countries voted on the resolution Wednesday" joins it: the finest date of its mentions.
    assert in_october.date is not None and in_october.date.value == "2022-03-02"
    assert any("Wednesday" in e.sentence.text for e in run.events if e.id in in_october.mention_ids)


def test_phone_call_joins_the_dated_second_call(run):
    """ "During his phone call with Zelenskyy" (no date of its own) is the call of late May."""
    may = _story_event_of(run, "001", ("phone conversation",))
    assert _story_event_of(run, "001", ("phone call",)).id == may.id


def test_planned_call_and_may_call_are_separate(run):
    planned = _story_event_of(run, "000", ("speak",))
    may = _story_event_of(run, "001", ("phone conversation",))
    assert planned.id != may.id
    assert planned.modality == "planned"
    assert may.date is not None and may.date.value == "2023-05"


def test_seed_articles_are_one_story(run):
    assert len(run.stories) == 1
    assert len(run.stories[0].doc_ids) == 3


def test_article_processed_twice_under_two_ids_adds_no_story_event(run):
    all_docs = list(run.docs.values())
    both = merge_events(run.events, all_docs)
    assert len(both) == len(run.story_events)
    copy_id, voa_id = run.docs["003-copy"].id, run.docs["003"].id
    for s in both:
        assert (voa_id in s.doc_ids) == (copy_id in s.doc_ids), s

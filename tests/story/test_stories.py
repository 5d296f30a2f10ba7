"""Grouping articles into stories: the seeds as one story, the VOA corpus into sensible stories."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from seed_events import seed_documents, seed_events

from storyline.ingest.base import RawArticle, make_document
from storyline.records import Document
from storyline.story.events import merge_events
from storyline.story.stories import group_stories


def test_seed_articles_form_one_story_and_stamp_story_events():
    docs = seed_documents()
    events = seed_events(docs)
    story_events = merge_events(events, docs.values())
    stories, stamped = group_stories(docs.values(), events, story_events)
    assert len(stories) == 1
    (story,) = stories
    assert set(story.doc_ids) == {d.id for d in docs.values()}
    assert story.doc_ids[0] == docs["003"].id  # the earliest article started it
    assert story.start == "2022-02-24" and story.end == "2023-06-15"
    assert "Hun Sen" in story.label
    assert {s.story_id for s in stamped} == {story.id}
    assert [s.id for s in stamped] == [s.id for s in story_events]


def test_unrelated_article_starts_its_own_story():
    docs = seed_documents()
    other = make_document(
        RawArticle(input="x", external_id="x", published="2022-03-05"),
        "Australian firefighters battled a mega blaze near Sydney on Saturday as temperatures "
        "soared. The New South Wales Rural Fire Service said hundreds of homes were at risk.",
    )
    assert isinstance(other, Document)
    events = seed_events(docs)
    stories, _ = group_stories([*docs.values(), other], events, merge_events(events, docs.values()))
    assert len(stories) == 2
    assert [other.id] in [s.doc_ids for s in stories]


def test_story_ids_do_not_depend_on_input_order():
    docs = seed_documents()
    events = seed_events(docs)
    story_events = merge_events(events, docs.values())
    a, _ = group_stories(docs.values(), events, story_events)
    b, _ = group_stories(reversed(docs.values()), reversed(events), reversed(story_events))
    assert [(s.id, s.doc_ids) for s in a] == [(s.id, s.doc_ids) for s in b]


def _voa(shared_data: Path) -> tuple[list[Document], dict[str, str]]:
    path = shared_data / "corpora" / "voa-2025" / "voa_stories.jsonl"
    if not path.exists():
        pytest.skip(f"{path} not found")
    docs, ids = [], {}
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        raw = RawArticle(
            input=row["id"],
            external_id=row["id"],
            title=row["title"],
            published=row["published"].replace(" ", "T"),
            source="VOA",
        )
        doc = make_document(raw, row["text"])
        assert isinstance(doc, Document)
        docs.append(doc)
        ids[row["id"]] = doc.id
    return docs, ids


# Articles a reader groups together (by VOA id), and articles of different stories.
TOGETHER = [
    ("8006651", "8007760", "8009314", "8009976", "8011076"),  # Pakistan train hijacking
    ("8006503", "8008152"),  # Somalia hotel siege
    ("8008349", "8010057"),  # migrants at Guantanamo Bay
    ("8004380", "8006924", "8009495"),  # Trump's tariffs
    ("8010030", "8010842"),  # G7 on Ukraine ceasefire
]
APART = [
    ("8006651", "8006503"),  # two attacks, Pakistan and Somalia
    ("8008349", "8009714"),  # Guantanamo and green cards: both immigration, not one story
    ("8010842", "8009495"),  # G7 sanctions and spirits tariffs
    ("8011115", "8010694"),  # IS leader killed in Iraq; Syria anniversary
]


def test_voa_stories_group_what_a_reader_groups(shared_data):
    docs, ids = _voa(shared_data)
    stories, _ = group_stories(docs, [], [])
    story_of = {doc_id: s.id for s in stories for doc_id in s.doc_ids}
    assert len(story_of) == len(docs)
    for group in TOGETHER:
        assert len({story_of[ids[v]] for v in group}) == 1, group
    for a, b in APART:
        assert story_of[ids[a]] != story_of[ids[b]], (a, b)
    # Most articles of this sampled corpus are stories of their own.
    singletons = sum(len(s.doc_ids) == 1 for s in stories)
    assert singletons >= 0.7 * len(stories)

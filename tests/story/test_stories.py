"""Grouping articles into stories: the seeds as one story, the VOA corpus into sensible stories."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from seed_events import seed_documents, seed_events

from storyline.ingest.base import RawArticle, make_document
from storyline.records import Document, Event, Story, StoryEvent
from storyline.story.events import merge_events
from storyline.story.stories import (
    article_counts,
    article_features,
    assign_stories,
    document_frequencies,
    group_stories,
    published_key,
    span_date,
    span_ends,
    story_of,
    story_record,
    text_counts,
)
from storyline.story.wording import content_words


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


# --- the parts a distributed run calls separately ----------------------------------------------


def _grouped_in_parts(
    docs: list[Document], events: list[Event], story_events: list[StoryEvent]
) -> list[Story]:
    """Stories as a distributed run builds them: each article counted on its own, document
    frequencies summed apart, each article weighed with only its own terms' frequencies, the
    assignment over those features, the stamps and spans per story event."""
    counts = [article_counts(d, [e for e in events if e.doc_id == d.id]) for d in docs]
    word_df, name_df, n = document_frequencies(reversed(counts))  # any order
    shared: dict[str, set[str]] = {}
    for s in story_events:
        if len(s.doc_ids) > 1:
            for doc_id in s.doc_ids:
                shared.setdefault(doc_id, set()).add(s.id)
    features = []
    for c in sorted(counts, key=lambda c: published_key(c.published, c.doc_id)):
        own_words = {w: word_df[w] for w, _ in (*c.words, *c.title)}
        own_names = {w: name_df[w] for w, _ in c.names}
        features.append(article_features(c, own_words, own_names, n, shared.get(c.doc_id, ())))
    groups = assign_stories(features)
    originals: dict[str, str] = {}
    for c in sorted(counts, key=lambda c: published_key(c.published, c.doc_id)):
        originals.update(c.originals)
    story_of_doc = {m.doc_id: g.id for g in groups for m in g.members}
    dated: dict[str, list[str]] = {}
    for s in story_events:
        sid = story_of(s.doc_ids, story_of_doc)
        value = span_date(s)
        if sid and value:
            dated.setdefault(sid, []).append(value)
    return [story_record(g, originals, dated.get(g.id, [])) for g in groups]


def test_stories_from_separate_counts_are_those_of_group_stories(shared_data):
    voa, _ = _voa(shared_data)
    seeds = seed_documents()
    events = seed_events(seeds)
    story_events = merge_events(events, seeds.values())
    docs = [*seeds.values(), *voa[:40]]
    stories, _ = group_stories(docs, events, story_events)
    assert _grouped_in_parts(docs, events, story_events) == stories
    assert any(len(s.doc_ids) > 1 for s in stories) and len(stories) > 10


def test_article_counts_depend_on_the_article_alone():
    docs = seed_documents()
    events = seed_events(docs)
    doc = docs["001"]
    mine = [e for e in events if e.doc_id == doc.id]
    counts = article_counts(doc, mine)
    assert counts == article_counts(
        doc, [*mine, *(e for e in events if e.doc_id != doc.id)][: len(mine)]
    )
    words = [w for w, _ in counts.words]
    assert len(words) == len(set(words)) and all(n >= 1 for _, n in counts.words)
    assert words[:3] == list(dict.fromkeys(content_words(f"{doc.title or ''}\n{doc.text}")))[:3]
    assert "hun sen" in dict(counts.names) and dict(counts.originals)["hun sen"] == "Hun Sen"
    assert counts.actors and not any(k.startswith("country") for k in counts.actors)
    assert counts.published == (doc.published or "")[:10]


def test_document_frequencies_count_articles_not_occurrences():
    docs = seed_documents()
    counts = [text_counts(d) for d in docs.values()]
    word_df, name_df, n = document_frequencies(counts)
    assert n == 3
    assert name_df["hun sen"] == sum("hun sen" in dict(c.names) for c in counts) == 3
    assert max(word_df.values()) <= 3


def test_a_story_event_goes_to_the_story_of_most_of_its_articles():
    assert story_of(["a", "b", "c"], {"a": "T1", "b": "T2", "c": "T2"}) == "T2"
    assert story_of(["b", "a"], {"a": "T1", "b": "T2"}) == "T2"  # a tie: the first listed
    assert story_of(["x"], {"a": "T1"}) is None


def test_span_ends_keep_the_first_of_equal_dates():
    assert span_ends([]) == (None, None)
    # The end: the latest last day; on the same last day, the finer date.
    assert span_ends(["2022-03", "2022-02-24", "2022-03-31"]) == ("2022-02-24", "2022-03-31")
    # Two writings of one day: the first given wins at both ends.
    assert span_ends(["2022-02-24T10:00", "2022-02-24"]) == ("2022-02-24T10:00", "2022-02-24T10:00")

"""Merging event mentions into story events: the merge and no-merge cases of the seed articles."""

from __future__ import annotations

import random
from dataclasses import replace

import pytest
from seed_events import actor, copy_under_new_id, event, seed_documents, seed_events

from storyline.records import Actor, Document, Event, EventDate, StoryEvent
from storyline.story.events import STATES_GROUP, actor_keys, actors_meet, merge_events


@pytest.fixture(scope="module")
def docs() -> dict[str, Document]:
    return seed_documents()


@pytest.fixture(scope="module")
def mentions(docs: dict[str, Document]) -> list[Event]:
    return seed_events(docs)


@pytest.fixture(scope="module")
def story_events(docs: dict[str, Document], mentions: list[Event]) -> list[StoryEvent]:
    return merge_events(mentions, docs.values())


def _holding(
    story_events: list[StoryEvent], mentions: list[Event], trigger: str, doc: Document
) -> StoryEvent:
    (wanted,) = [m for m in mentions if m.trigger.text == trigger and m.doc_id == doc.id]
    (found,) = [s for s in story_events if wanted.id in s.mention_ids]
    return found


def test_every_mention_lands_in_exactly_one_story_event(story_events, mentions):
    ids = [m for s in story_events for m in s.mention_ids]
    assert sorted(ids) == sorted(m.id for m in mentions)


def test_retelling_in_a_later_article_is_one_story_event(story_events, mentions, docs):
    # "In March, Cambodia voted for a UN General Assembly resolution" (October 2022) and
    # "co-sponsoring this week's U.N. resolution" (March 2022): one event, two articles.
    march = _holding(story_events, mentions, "co-sponsoring", docs["003"])
    october = _holding(story_events, mentions, "voted", docs["000"])
    assert march is october
    assert set(march.doc_ids) == {docs["003"].id, docs["000"].id}
    # The month-level "In March" and the day-level "Wednesday" agree; the finer date wins.
    assert march.date == EventDate("2022-03-02", "text")
    assert march.type == "SUPPORT"


def test_undated_mention_within_a_month_joins_the_dated_one(story_events, mentions, docs):
    may = _holding(story_events, mentions, "phone conversation", docs["001"])
    during = _holding(story_events, mentions, "phone call", docs["001"])
    assert may is during
    assert may.date == EventDate("2023-05", "text")


def test_planned_call_is_not_the_call_that_happened(story_events, mentions, docs):
    planned = _holding(story_events, mentions, "speak", docs["000"])
    done = _holding(story_events, mentions, "phone conversation", docs["001"])
    assert planned is not done
    assert planned.modality == "planned" and done.modality == "asserted"
    # The two planned mentions of one article ("would speak", "I will meet") are one plan.
    assert planned is _holding(story_events, mentions, "meet", docs["000"])


def test_different_sources_of_the_same_type_stay_apart(story_events, mentions, docs):
    resolution = _holding(story_events, mentions, "co-sponsoring", docs["003"])
    welcome = _holding(story_events, mentions, "welcomed", docs["003"])
    assert resolution is not welcome


def test_incompatible_dates_stay_apart(docs):
    voa = docs["003"]
    a = event(
        voa,
        "Russian troops invaded Ukraine",
        "invaded",
        "ASSAULT",
        source=("Russian troops",),
        target=("Ukraine",),
        date="2022-02-24",
    )
    b = replace(a, id="other", date=EventDate("2022-03-10", "text"))
    c = replace(a, id="month", date=EventDate("2022-02", "text"))
    merged = merge_events([a, b, c], [voa])
    assert len(merged) == 2  # the month joins one of the days, the two days stay apart
    assert sorted(len(s.mention_ids) for s in merged) == [1, 2]


def test_same_article_under_two_ids_merges_mention_by_mention(docs, mentions, story_events):
    copy, copied = copy_under_new_id(docs["003"], mentions, "(Republished with permission.)")
    merged = merge_events([*mentions, *copied], [*docs.values(), copy])
    assert len(merged) == len(story_events)
    for original in mentions:
        if original.doc_id != docs["003"].id:
            continue
        (s,) = [s for s in merged if original.id in s.mention_ids]
        assert copy.id in s.doc_ids and docs["003"].id in s.doc_ids


def test_ids_and_order_do_not_depend_on_input_order(docs, mentions, story_events):
    shuffled = list(mentions)
    random.Random(7).shuffle(shuffled)
    again = merge_events(shuffled, reversed(list(docs.values())))
    assert [s.id for s in again] == [s.id for s in story_events]
    assert [sorted(s.mention_ids) for s in again] == [sorted(s.mention_ids) for s in story_events]


def test_story_event_keeps_actors_of_all_mentions(story_events, mentions, docs):
    resolution = _holding(story_events, mentions, "co-sponsoring", docs["003"])
    names = {a.name for a in resolution.source}
    assert {"Hun Sen", "Cambodia"} <= names


def _group(doc: Document, name: str) -> Actor:
    start = doc.text.index(name)
    return Actor(None, name, None, "GOV", start, start + len(name))


def test_a_group_of_states_rules_out_no_state_but_is_no_shared_actor(docs):
    voa = docs["003"]
    group = actor_keys([_group(voa, "181 countries")])
    cambodia = actor_keys([actor(voa, "Hun Sen")])
    opposition = actor_keys([Actor("cnrp", "CNRP", "KHM", "OPP", 0, 4)])
    assert STATES_GROUP in group and not group & cambodia
    assert actors_meet(group, cambodia) and actors_meet(cambodia, group)
    assert actors_meet(group, actor_keys([_group(voa, "141 countries")]))
    assert not actors_meet(group, opposition)  # a party is no state


def test_vote_of_a_group_of_states_joins_the_vote_of_its_member(docs):
    voa, oct22 = docs["003"], docs["000"]
    vote = event(voa, "Of the 193 U.N. member states", "voted", "ACCUSE", date="2022-03-02")
    russia = [actor(voa, "Russia", vote.sentence.start)]
    vote = replace(vote, source=[_group(voa, "181 countries")], target=russia)
    # coded by another type of the same act ("voted for a resolution demanding ..." as SUPPORT)
    october = event(
        oct22,
        "In March, Cambodia voted",
        "voted",
        "SUPPORT",
        source=("Cambodia",),
        target=("Russia",),
        date="2022-03",
    )
    (merged,) = merge_events([vote, october], [voa, oct22])
    assert merged.date == EventDate("2022-03-02", "text")
    assert set(merged.doc_ids) == {voa.id, oct22.id}
    # the same words by an opposition party are not the states' vote
    rainsy = replace(vote, id="rainsy", source=[Actor("cnrp", "CNRP", "KHM", "OPP", 0, 4)])
    assert len(merge_events([rainsy, october], [voa, oct22])) == 2

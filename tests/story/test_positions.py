"""Positions: an actor's quotes and events over time, grouped by topic."""

from __future__ import annotations

import dataclasses
import json

from seed_events import seed_documents, seed_events, seed_quotes

from storyline.story.positions import positions, render_positions


def test_hun_sen_positions_group_by_topic_in_date_order():
    docs = seed_documents()
    result = positions("Hun Sen", seed_quotes(docs), seed_events(docs), docs.values())
    topics = {p.topic: p for p in result}
    zelenskyy = topics["Zelenskyy"]
    assert [s.kind for s in zelenskyy.statements] == ["event"] * len(zelenskyy.statements)
    dated = [s.date for s in zelenskyy.statements]
    assert dated == sorted(dated)  # oldest first
    assert zelenskyy.start and zelenskyy.start.startswith("2022-10")
    russia = topics["Russia"]
    kinds = {(s.kind, s.date) for s in russia.statements}
    assert ("quote", "2022-03-03") in kinds and ("event", "2022-10") in kinds
    # Nothing the actor did not say or do, and nothing twice.
    cites = [(s.citation.doc_id, s.citation.start) for p in result for s in p.statements]
    assert len(cites) == len(set(cites))
    assert all("Singapore" not in s.text for p in result for s in p.statements)
    json.dumps([dataclasses.asdict(p) for p in result])
    assert "Hun Sen on Russia" in render_positions(result)


def test_unknown_actor_has_no_positions():
    docs = seed_documents()
    assert positions("Vivian", seed_quotes(docs), seed_events(docs), docs.values()) == []


def test_the_country_is_not_the_exiled_opposition_party():
    """By entity, "Cambodia" is the country: the Cambodia National Rescue Party's condemnation
    is not filed under it (by name it was, "Cambodia" being a word of the party's name)."""
    docs = seed_documents()
    events = seed_events(docs)
    cnrp = [e for e in events if any(a.entity_id == "E-cnrp" for a in e.source)]
    assert cnrp, "the seeds hold the party's statement"
    by_name = positions("Cambodia", [], events, docs.values())
    assert any("National Rescue Party" in s.text for p in by_name for s in p.statements)
    by_entity = positions("Cambodia", [], events, docs.values(), actor_ids=["E-cambodia"])
    texts = [s.text for p in by_entity for s in p.statements]
    assert texts and not any("National Rescue Party" in t for t in texts)


def test_what_did_not_happen_is_shown_apart_with_its_modality():
    docs = seed_documents()
    result = positions("Hun Sen", seed_quotes(docs), seed_events(docs), docs.values())
    statements = [s for p in result for s in p.statements]
    planned = [s for s in statements if s.modality == "planned"]
    assert planned and not any(s.happened for s in planned)
    assert any(s.happened and s.kind == "event" for s in statements)
    text = render_positions(result)
    heading = "  not happened (planned, negated or hypothetical):"
    first_line = " ".join(planned[0].text.split())
    block = next(b for b in text.split("\n\n") if first_line in b)
    lines = block.splitlines()
    at = next(i for i, line in enumerate(lines) if first_line in line)
    assert heading in lines[:at] and ", planned]" in lines[at]
    # What happened is listed before the heading, without a modality.
    assert all(", planned]" not in line for line in lines[: lines.index(heading)])
    assert json.loads(json.dumps([dataclasses.asdict(p) for p in result]))[0]["statements"]


def test_a_target_with_and_without_the_is_one_topic():
    docs = seed_documents()
    events = seed_events(docs)
    first = next(
        e for e in events if e.target and any(a.entity_id == "E-cambodia" for a in e.source)
    )
    target = first.target[0]
    named = dataclasses.replace(first, id="a", target=[dataclasses.replace(target, name="Summit")])
    the = dataclasses.replace(
        first,
        id="b",
        sentence=dataclasses.replace(first.sentence, start=first.sentence.start + 1),
        target=[dataclasses.replace(target, name="the Summit")],
    )
    result = positions("Cambodia", [], [named, the], docs.values(), actor_ids=["E-cambodia"])
    assert [(p.topic, len(p.statements)) for p in result] == [("Summit", 2)]

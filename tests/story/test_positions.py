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

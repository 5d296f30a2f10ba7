"""The actors stage as a whole (stages/actors/stage.py, build.py): entity ids, dated roles, real
articles that once made it fail."""

from __future__ import annotations

from pathlib import Path

import pytest
from actors_text import run
from spacy.language import Language

from storyline.stages.actors import entity_id, normalize_name

pytestmark = pytest.mark.slow


def test_entity_ids_are_stable_and_name_folded() -> None:
    assert entity_id("PERSON", "Hun Sen") == entity_id("PERSON", "Hun Sen’s")
    assert entity_id("PERSON", "Hun Sen") != entity_id("ORG", "Hun Sen")
    assert normalize_name("The  U.S. Embassy") == "u.s. embassy"


def test_office_change_between_two_dated_articles(base_nlp: Language) -> None:
    from storyline.story.entities import link_entities, roles_as_of

    before = run(base_nlp, "Prime Minister Hun Sen said Cambodia would vote.", "2022-03-04")
    after = run(base_nlp, "Former prime minister Hun Sen said he backed his son.", "2024-01-10")
    entities = [*before._.entities, *after._.entities]
    roles = [*before._.roles, *after._.roles]
    assert {r.date for r in roles} == {"2022-03-04", "2024-01-10"}
    linked, _ = link_entities(entities, roles)
    [hun_sen] = [e for e in linked if e.name == "Hun Sen"]
    assert hun_sen.sector == "ELI"  # the latest role
    held = roles_as_of(roles, hun_sen.id, "2023-06-15")
    assert held is not None and (held.role, held.sector) == ("prime minister", "GOV")


def test_no_stage_error_on_news_articles(base_nlp: Language) -> None:
    import json

    corpus = Path(__file__).resolve().parents[3] / "examples" / "voa-2025" / "voa_stories.jsonl"
    lines = corpus.read_text(encoding="utf-8").splitlines()[:6]
    for line in lines:
        doc = run(base_nlp, json.loads(line)["text"])
        spans = {(m.start, m.end) for m in doc._.mentions}
        assert len(spans) == len(doc._.mentions)
        ids = {e.id for e in doc._.entities}
        assert all(m.entity_id in ids for m in doc._.mentions)
        assert all(doc.text[m.start : m.end] == m.text for m in doc._.mentions)


@pytest.mark.parametrize(
    "name",
    [
        "huff-post_2015-11-11_a-meaningful-exchange-actually-h.txt",
        "huff-post_2015-11-11_watch-the-best-moments-from-the-.txt",
        "huff-post_2016-02-07_the-latest-gop-debate-kicked-off.txt",
    ],
)
def test_debate_transcripts_do_not_fail_the_stage(
    base_nlp: Language, shared_data: Path, name: str
) -> None:
    """Transcripts with names at the very end and speaker labels once made the stage raise."""
    path = shared_data / "quotes" / "polnear" / "train" / "text" / name
    if not path.exists():
        pytest.skip(f"{path} is not in the shared data")
    doc = run(base_nlp, path.read_text(encoding="utf-8"))
    assert doc._.mentions

"""Golden tests of the actors stage on the seed articles (examples/seeds, with their dates)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from storyline.pipeline import make_doc
from storyline.records import Document, Entity, Mention
from storyline.story.entities import link_entities

pytestmark = pytest.mark.slow

SEEDS = Path(__file__).resolve().parents[3] / "examples" / "seeds"


@pytest.fixture(scope="module")
def seed_docs(nlp: Language) -> dict[str, Doc]:
    docs = {}
    for path in sorted(SEEDS.glob("*.txt")):
        meta = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        text = path.read_text(encoding="utf-8")
        document = Document(
            path.stem, path.name, None, None, None, meta["published"], "metadata", text
        )
        docs[path.stem[:3]] = nlp(make_doc(nlp, document))
    return docs


def entity(doc: Doc, name: str) -> Entity:
    found = [e for e in doc._.entities if e.name == name or name in e.aliases]
    assert len(found) == 1, f"{name!r}: {[e.name for e in doc._.entities]}"
    return found[0]


def mentions_of(doc: Doc, e: Entity) -> list[Mention]:
    return [m for m in doc._.mentions if m.entity_id == e.id]


def code(doc: Doc, name: str) -> tuple[str | None, str | None]:
    e = entity(doc, name)
    return e.country, e.sector


def test_no_stage_error_on_the_seeds(seed_docs: dict[str, Doc]) -> None:
    for doc in seed_docs.values():
        assert not [err for err in (doc._.errors or []) if err[0] == "actors"]


def test_hun_sen_with_the_premier_and_he(seed_docs: dict[str, Doc]) -> None:
    doc = seed_docs["000"]
    hun_sen = entity(doc, "Hun Sen")
    assert (hun_sen.type, hun_sen.sector) == ("PERSON", "GOV")
    kinds = {(m.kind, m.text) for m in mentions_of(doc, hun_sen)}
    assert ("nominal", "The premier") in kinds
    assert ("pronoun", "he") in kinds
    assert code(seed_docs["003"], "Hun Sen") == ("KHM", "GOV")


def test_zelenskyy_and_the_embattled_leader(seed_docs: dict[str, Doc]) -> None:
    for key in ("000", "001"):
        assert code(seed_docs[key], "Volodymyr Zelenskyy") == ("UKR", "GOV")
    doc = seed_docs["001"]
    zelenskyy = entity(doc, "Volodymyr Zelenskyy")
    leader = [m for m in doc._.mentions if m.text == "the embattled leader"]
    assert leader and leader[0].entity_id == zelenskyy.id


def test_yang_peou_and_peou(seed_docs: dict[str, Doc]) -> None:
    doc = seed_docs["000"]
    peou = entity(doc, "Yang Peou")
    assert (peou.country, peou.sector) == ("KHM", "EDU")
    assert any(m.text == "Peou" for m in mentions_of(doc, peou))
    assert code(seed_docs["001"], "Yang Peou") == ("KHM", "EDU")


def test_article_003_actors(seed_docs: dict[str, Doc]) -> None:
    doc = seed_docs["003"]
    assert code(doc, "U.S. Embassy in Phnom Penh") == ("USA", "GOV")
    assert code(doc, "Vivian Balakrishnan") == ("SGP", "GOV")
    assert code(doc, "Cambodia National Rescue Party") == ("KHM", "OPP")
    assert code(doc, "Sam Rainsy") == ("KHM", "OPP")
    assert entity(doc, "UN General Assembly").country == "IGO"
    moscow = next(m for m in doc._.mentions if m.text == "Moscow")
    assert next(e for e in doc._.entities if e.id == moscow.entity_id).id == "country:RUS:GOV"


def test_each_person_is_one_entity_across_the_three_articles(seed_docs: dict[str, Doc]) -> None:
    entities = [e for doc in seed_docs.values() for e in doc._.entities]
    roles = [r for doc in seed_docs.values() for r in doc._.roles]
    linked, _ = link_entities(entities, roles)
    people = [e for e in linked if e.type == "PERSON"]
    for name, codes in (
        ("Hun Sen", ("KHM", "GOV")),
        ("Volodymyr Zelenskyy", ("UKR", "GOV")),
        ("Yang Peou", ("KHM", "EDU")),
    ):
        found = [e for e in people if e.name == name or name in e.aliases]
        assert len(found) == 1, (name, [e.name for e in people])
        assert (found[0].country, found[0].sector) == codes

"""Helpers of the actors stage tests: run the stage on a short text, find an entity or mention."""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from storyline.records import Entity, Mention
from storyline.stages.actors import find_actors


def run(base_nlp: Language, text: str, published: str | None = "2022-03-04") -> Doc:
    doc = base_nlp(text)
    doc._.doc_id = "d1"
    doc._.published = published
    entities, mentions, roles = find_actors(doc)
    doc._.entities, doc._.mentions, doc._.roles = entities, mentions, roles
    return doc


def entity_named(doc: Doc, name: str) -> Entity:
    found = [e for e in doc._.entities if e.name == name]
    assert found, f"no entity {name!r} in {[e.name for e in doc._.entities]}"
    return found[0]


def mention_at(doc: Doc, text: str, nth: int = 0) -> Mention | None:
    """The mention of the nth whole-word occurrence of ``text``, or None."""
    start = [m.start() for m in re.finditer(rf"\b{re.escape(text)}\b", doc.text)][nth]
    return next((m for m in doc._.mentions if m.start == start and m.text == text), None)

"""The parse helpers the stages share (stages/syntax.py), on hand-built Docs."""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.vocab import Vocab

from storyline.stages.syntax import (
    entity_span,
    is_possessive,
    pobj_of,
    span_chars,
    token_chars,
)


def _doc() -> Doc:
    # "Workers of the United Bus Company 's union met" (heads are absolute token indexes)
    words = ["Workers", "of", "the", "United", "Bus", "Company", "'s", "union", "met"]
    heads = [8, 0, 5, 5, 5, 1, 5, 8, 8]
    deps = ["nsubj", "prep", "det", "compound", "compound", "pobj", "case", "npadvmod", "ROOT"]
    ents = ["O", "O", "O", "B-ORG", "I-ORG", "I-ORG", "O", "O", "O"]
    return Doc(Vocab(), words=words, heads=heads, deps=deps, ents=ents)


def test_character_ranges_of_tokens_and_token_ranges() -> None:
    doc = _doc()
    assert token_chars(doc[3]) == (15, 21)
    assert doc.text[slice(*span_chars(doc, 3, 6))] == "United Bus Company"
    assert doc.text[slice(*span_chars(doc, 0, 1))] == "Workers"


def test_entity_span_from_any_of_its_tokens() -> None:
    doc = _doc()
    assert entity_span(doc[4]).text == "United Bus Company"
    assert entity_span(doc[5]).text == "United Bus Company"
    assert entity_span(doc[0]).text == "Workers"  # in no entity: the token alone


def test_object_of_a_preposition_and_the_possessive_mark() -> None:
    doc = _doc()
    obj = pobj_of(doc[1])
    assert obj is not None and obj.text == "Company"
    assert pobj_of(doc[0]) is None
    assert is_possessive(doc[6]) and not is_possessive(doc[1])

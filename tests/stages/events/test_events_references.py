"""Unit cases of the passing references to events (:mod:`storyline.stages.events.references`):
event nouns that name an event told elsewhere, their phrase, their date, and the nouns that are no
reference. Short texts parsed by the spaCy model alone (``events_docs``)."""

from __future__ import annotations

import pytest
from events_docs import make
from spacy.language import Language

from storyline.records import EventReference
from storyline.stages.events import extract_events
from storyline.stages.events.references import extract_references, load_reference_nouns

pytestmark = pytest.mark.slow


def _references(base_nlp: Language, text: str, **kwargs: object) -> list[EventReference]:
    doc = make(base_nlp, text, **kwargs)  # type: ignore[arg-type]
    return extract_references(doc, extract_events(doc))


def _heads(refs: list[EventReference]) -> list[str]:
    return [r.head.text for r in refs]


def test_a_definite_event_noun_is_a_reference_with_its_phrase(base_nlp: Language) -> None:
    text = "Officials said the driver was injured in the initial attack on the train."
    (ref,) = _references(base_nlp, text)
    assert ref.head.text == "attack"
    assert ref.types == ["ASSAULT"]
    assert ref.text.text == "the initial attack on the train"
    assert text[ref.text.start : ref.text.end] == ref.text.text
    assert ref.sentence.text == text
    assert ref.date is None
    assert ref.id == f"d:R{text.index('attack')}"


def test_the_date_the_phrase_gives_is_the_references_date(base_nlp: Language) -> None:
    text = "Security sources said the handlers of Tuesday's attack are based abroad."
    (ref,) = _references(base_nlp, text, timexes=[("Tuesday", "2025-03-11")])
    assert ref.date is not None
    assert (ref.date.value, ref.date.basis) == ("2025-03-11", "text")


def test_a_date_of_the_sentence_outside_the_phrase_is_not_the_references(
    base_nlp: Language,
) -> None:
    text = "On Thursday, officials said the attack was over."
    (ref,) = _references(base_nlp, text, timexes=[("Thursday", "2025-03-13")])
    assert ref.date is None


def test_nouns_that_name_no_told_event_are_no_reference(base_nlp: Language) -> None:
    text = (
        "Officials warned of future attacks. Another attack could follow. "
        "The province has seen many attacks. The statement said attacks are rising."
    )
    assert _heads(_references(base_nlp, text)) == ["statement"]


def test_a_plural_names_one_event_where_the_table_says_so(base_nlp: Language) -> None:
    text = "The talks in Jeddah ended. The sanctions hurt exports."
    refs = _references(base_nlp, text)
    assert _heads(refs) == ["talks", "sanctions"]
    assert refs[0].types == ["CONSULT"] and refs[1].types == ["SANCTION"]
    assert refs[1].state_act and not refs[0].state_act


def test_a_noun_that_is_an_events_trigger_or_its_object_is_no_reference(
    base_nlp: Language,
) -> None:
    doc = make(base_nlp, "Russia launched an attack on Ukraine. The attack failed.")
    events = extract_events(doc)
    assert events, "the first sentence reports an event"
    triggers = [(e.trigger.start, e.trigger.end) for e in events]
    refs = extract_references(doc, events)
    for ref in refs:
        assert not any(s <= ref.head.start < e for s, e in triggers)
    # "launched an attack" is reported there; "The attack failed" refers to it.
    assert [r.text.text for r in refs] == ["The attack"]
    # Without the events, the first "attack" is a reference too.
    assert len(extract_references(doc, [])) == 2


def test_hyphenated_and_two_word_entries_match(base_nlp: Language) -> None:
    text = "Officials condemned the deadly hostage-taking. The rescue operation ended."
    refs = _references(base_nlp, text)
    assert [r.types[0] for r in refs] == ["ASSAULT", "ASSAULT"]
    assert refs[1].state_act  # an operation is what a state's forces do


def test_the_table_names_only_plover_types() -> None:
    from storyline.records import PLOVER_TYPES

    nouns = load_reference_nouns()
    assert "attack" in nouns.types and "talk" in nouns.plural
    for types in nouns.types.values():
        assert types and set(types) <= set(PLOVER_TYPES)
    assert nouns.state <= set(nouns.types)

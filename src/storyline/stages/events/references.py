"""Passing references to events: noun phrases that name an event the sentence does not report.

"quickly claimed responsibility for the attack", "Tuesday's train hijacking", "the clearance
operation", "rejected Pakistan's allegation": another mention of an event told elsewhere, in this
article or in another. They are no event records of their own (nobody does anything to anyone in
them, and counting them would count one event many times); the cross-document step
(:mod:`storyline.story.references`) links each to the story event it refers to.

Reads: the parse, ``doc._.timexes`` (a date in the phrase) and the events the stage found in the
document (a noun that is an event's trigger is reported there, not referred to). Writes nothing:
returns ``EventReference`` records for the component to leave on ``doc._.references``.

What is a reference, as data (``resources/events/references.json``): a common noun whose lemma
names an event ("attack", "talks", "letter"), with the types of event it can name; its plural only
where the plural names one event ("the talks", "the sanctions") or the phrase points at known ones
("the attacks", "Tuesday's attacks"); not after a word that makes it no event told ("future
attacks", "another attack", "any deal").
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources

from spacy.tokens import Doc, Span, Token

from storyline.records import PLOVER_FAMILIES, Event, EventReference
from storyline.records import Span as TextSpan
from storyline.stages.events.dating import phrase_date

#: Dependencies of a noun's children that belong to its phrase (what the reference says about
#: the event: "the initial attack on a train in Balochistan").
PHRASE_DEPS = frozenset({"det", "poss", "amod", "compound", "nmod", "nummod", "prep", "case"})
#: Determiners and possessives that point at an event already known ("the", "this", "Tuesday's").
DEFINITE = frozenset({"the", "this", "that", "these", "those"})
#: Dependencies of a predicate noun: "The attack is an attack on national security" calls the
#: first attack something; it refers to no other event.
PREDICATE_DEPS = frozenset({"attr", "oprd"})
#: Dependencies of an event noun on the verb that does it ("launched an attack").
OBJECT_DEPS = frozenset({"dobj", "dative"})
#: A phrase's text is cut at this many characters (a noun with a long prepositional tail).
MAX_PHRASE_CHARS = 120


@dataclass(frozen=True, slots=True)
class ReferenceNouns:
    """The reference table: event nouns (one word, or the last words of a phrase) to types."""

    types: dict[str, tuple[str, ...]]  # lemma or "hostage-taking" / "phone call" -> types
    state: frozenset[str]  # the nouns of what only a state does (``"by": "state"``)
    plural_only: frozenset[str]  # nouns naming an event only in the plural ("the talks")
    plural: frozenset[str]
    not_after: frozenset[str]


@functools.cache
def load_reference_nouns() -> ReferenceNouns:
    """The shipped table (``resources/events/references.json``), read once per process."""
    path = resources.files("storyline") / "resources" / "events" / "references.json"
    raw = json.loads(path.read_text(encoding="utf-8"))
    groups = raw["groups"]
    types = {noun: tuple(group["types"]) for group in groups for noun in group["nouns"]}
    state = frozenset(n for g in groups if g.get("by") == "state" for n in g["nouns"])
    return ReferenceNouns(
        types,
        state,
        frozenset(raw["plural_only"]),
        frozenset(raw["plural"]),
        frozenset(raw["not_after"]),
    )


def _keys(token: Token) -> list[str]:
    """The table keys a noun can match, longest first: "hostage-taking", "phone call", "call"."""
    doc = token.doc
    lemma = token.lemma_.lower()
    keys = []
    if token.i >= 2 and doc[token.i - 1].text == "-":
        keys.append(f"{doc[token.i - 2].text.lower()}-{token.text.lower()}")
    if token.i >= 1 and doc[token.i - 1].dep_ == "compound":
        keys.append(f"{doc[token.i - 1].lemma_.lower()} {lemma}")
    keys.append(lemma)
    return keys


def noun_key(token: Token, nouns: ReferenceNouns) -> str | None:
    """The table entry a noun matches ("hostage-taking", "attack"), or None when it names no
    event."""
    if token.pos_ != "NOUN":
        return None
    return next((key for key in _keys(token) if key in nouns.types), None)


def _points_at_known(token: Token) -> bool:
    """A determiner or possessive that points at an event already known: "the", "Tuesday's"."""
    return any(
        c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in DEFINITE) for c in token.children
    )


def is_reference(token: Token, nouns: ReferenceNouns) -> bool:
    """Whether an event noun refers to an event told (see the module's docstring); a noun that
    modifies another event noun is part of its reference ("the rescue operation"), and a
    predicate noun ("is an attack on national security") names what something is."""
    if token.dep_ == "compound" and noun_key(token.head, nouns) is not None:
        return False
    if token.dep_ in PREDICATE_DEPS:  # "is an attack on national security": what it is called
        return False
    if any(c.lower_ in nouns.not_after for c in token.children if c.i < token.i):
        return False
    plural = token.tag_ in {"NNS", "NNPS"}
    if not plural:
        return token.lemma_.lower() not in nouns.plural_only
    return token.lemma_.lower() in nouns.plural or _points_at_known(token)


def phrase_span(token: Token) -> tuple[int, int]:
    """The token range [start, end) of an event noun's phrase: its determiners, modifiers and
    prepositional tail ("the brazen hijacking in the heavily guarded province"), no clauses."""
    start, end = token.i, token.i + 1
    for child in token.children:
        if child.dep_ not in PHRASE_DEPS:
            continue
        start = min(start, child.left_edge.i)
        end = max(end, child.right_edge.i + 1)
    return start, end


def _phrase(doc: Doc, token: Token) -> TextSpan:
    start, end = phrase_span(token)
    first, last = doc[start], doc[end - 1]
    begin, stop = first.idx, last.idx + len(last.text)
    if stop - begin > MAX_PHRASE_CHARS:  # keep the words up to the noun, cut the tail
        stop = max(token.idx + len(token.text), begin + MAX_PHRASE_CHARS)
    return TextSpan(begin, stop, doc.text[begin:stop])


def _reported(events: Iterable[Event]) -> list[tuple[int, int, str]]:
    """Each event's trigger span and its type's family."""
    return [(e.trigger.start, e.trigger.end, PLOVER_FAMILIES.get(e.type, e.type)) for e in events]


def _families_at(token: Token, triggers: Sequence[tuple[int, int, str]]) -> set[str]:
    """The families of the events whose trigger holds the token (none: it is no trigger)."""
    return {family for start, end, family in triggers if start <= token.idx < end}


def _of_a_trigger(
    token: Token, types: Sequence[str], triggers: Sequence[tuple[int, int, str]]
) -> bool:
    """Whether an event noun is what a reported event's verb does ("launched an attack", "hit
    Canada with a levy", "reached an agreement"): the object of a trigger of its own family is
    part of that event, no reference; the object of another kind of event is one ("condemned
    the attack")."""
    head = token.head
    if token.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head
    elif token.dep_ not in OBJECT_DEPS:
        return False
    own = {PLOVER_FAMILIES.get(t, t) for t in types}
    return head is not token and bool(_families_at(head, triggers) & own)


def extract_references(
    doc: Doc, events: Iterable[Event], nouns: ReferenceNouns | None = None
) -> list[EventReference]:
    """Every passing reference to an event in the document, in text order; a noun that is the
    trigger of one of ``events``, or what a trigger's verb of its own family does ("launched an
    attack"), is reported there and no reference."""
    nouns = nouns or load_reference_nouns()
    triggers = _reported(events)
    doc_id = doc._.doc_id or ""
    out = []
    for sent in doc.sents:
        for token in sent:
            key = noun_key(token, nouns)
            if key is None or not is_reference(token, nouns):
                continue
            types = nouns.types[key]
            if _families_at(token, triggers) or _of_a_trigger(token, types, triggers):
                continue
            out.append(_reference(doc_id, sent, token, key, nouns))
    return out


def _reference(
    doc_id: str, sent: Span, token: Token, key: str, nouns: ReferenceNouns
) -> EventReference:
    doc = token.doc
    return EventReference(
        id=f"{doc_id}:R{token.idx}",
        doc_id=doc_id,
        types=list(nouns.types[key]),
        text=_phrase(doc, token),
        head=TextSpan(token.idx, token.idx + len(token.text), token.text),
        sentence=TextSpan(sent.start_char, sent.end_char, sent.text),
        date=phrase_date(doc, token, sent),
        state_act=key in nouns.state,
    )

"""Speakers named by a common noun: a document ("the NISA statement"), a role ("the Pakistani
envoy") or an unnamed group ("Iraqi officials").

Reads: spaCy tokens of a parsed Doc. Writes: tokens and words (never records); the resolver in
``quotes_speakers`` turns them into speakers.

- A document speaks for its owner: the name inside its noun phrase ("the NISA statement", "a
  United Nations report") or after "from"/"by" ("a statement from the ISPR", "a statement posted
  by the National News Agency"); a document with no owner has no speaker.
- A definite role noun ("the envoy", "North Korea's envoy", "the Taliban foreign ministry
  spokesperson") is the person named before it with a role of the same family (the table
  below), of the same country when the phrase names one.
- Anything else stays as written, without its determiner or count ("Nine press freedom groups" ->
  "press freedom groups"): an unnamed group is never guessed into a named person.
"""

from __future__ import annotations

from spacy.tokens import Token

from storyline.stages.actors.lexicon import lexicon
from storyline.stages.quotes_cues import CHANNEL_NOUNS
from storyline.stages.syntax import pobj_of

#: Head nouns of a text that speaks for whoever issued it.
DOCUMENT_NOUNS: frozenset[str] = CHANNEL_NOUNS | frozenset(
    str.split(
        "intelligence finding findings study survey document filing assessment data account "
        "figures statistics estimates website brief submission motion complaint lawsuit suit "
        "petition ruling opinion indictment affidavit verdict judgment judgement"
    )
)

#: Plural nouns of people that the agents lexicon lacks ("survivors told VOA … they said").
PEOPLE_NOUNS: frozenset[str] = frozenset(
    str.split(
        "survivor analyst witness expert observer critic activist relative family neighbor "
        "neighbour victim passenger researcher scholar economist diplomat investigator"
    )
)

#: Plural nouns of commentators the text leaves unnamed ("analysts say", "some experts warn"): no
#: speaker is named, unless a name, nationality or body qualifies them ("U.N. sanctions experts").
ANONYMOUS_NOUNS: frozenset[str] = frozenset(
    str.split(
        "analyst expert observer critic scientist researcher economist scholar commentator "
        "pundit academic"
    )
)
#: Entity labels that make a group of commentators someone's ("Chinese experts").
_QUALIFYING_LABELS = frozenset({"PERSON", "NORP", "GPE", "ORG", "LOC", "FAC"})

#: Nouns that stand for the body an actor entity is ("the authorities" = the government).
INSTITUTION_NOUNS: frozenset[str] = frozenset(
    str.split("authority government administration regime cabinet junta ministry")
)

#: Nouns that name an organization by its kind ("the aid group", "the consultancy").
BODY_NOUNS: frozenset[str] = frozenset(
    str.split(
        "group organization organisation agency charity company firm association watchdog "
        "consultancy website newspaper network committee council union alliance coalition "
        "movement institute foundation bank fund commission bureau federation league "
        "broadcaster outlet publication daily magazine party department office"
    )
) | frozenset(str.split("government administration regime junta cabinet"))

_DROP_DEPS = frozenset({"det", "predet", "nummod", "quantmod"})
_OWNER_PREPS = frozenset({"from", "by", "of"})


def is_document(head: Token) -> bool:
    """Whether a noun names a text that speaks ("statement", "report")."""
    return head.pos_ == "NOUN" and (
        head.lemma_.lower() in DOCUMENT_NOUNS or head.lower_ in DOCUMENT_NOUNS
    )


def document_owner(head: Token) -> Token | None:
    """Who issued a document: a name inside its phrase, else the object of "from"/"by"."""
    for child in head.lefts:
        named = child.pos_ == "PROPN" or (child.pos_ == "NOUN" and bool(child.ent_type_))
        if child.dep_ in ("compound", "poss", "nmod") and named:
            return child
    stack = list(head.rights)
    while stack:
        child = stack.pop(0)
        owner = child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ in _OWNER_PREPS)
        obj = pobj_of(child) if owner else None
        if obj is not None:
            return obj
        if child.dep_ in ("acl", "agent"):  # "a statement posted by X"
            stack.extend(child.children)
    return None


def appositive_name(head: Token) -> Token | None:
    """The name set beside a role noun ("Pakistan's permanent representative ..., Munir Akram");
    None for a plural noun listing several people ("three members of the U.S. Senate — Chuck
    Grassley, Jeanne Shaheen and Jim Risch": the group speaks, not its first member)."""
    for token in head.subtree:
        # (the parser may hang it on "Nations" of "to the United Nations")
        beside = token.head == head or token.ent_type_ == "PERSON"
        if token.i > head.i and token.dep_ == "appos" and token.pos_ == "PROPN" and beside:
            listed = head.tag_ == "NNS" and (
                any(c.dep_ in {"conj", "appos"} for c in token.children)
                or any(t.dep_ == "appos" and t.i != token.i for t in token.head.children)
            )
            return None if listed else token
    return None


def is_people(head: Token) -> bool:
    """Whether a plural common noun names people ("officials", "rights groups", "survivors")."""
    if head.pos_ != "NOUN" or head.tag_ != "NNS":
        return False
    lemma = head.lemma_.lower()
    return (
        lemma in PEOPLE_NOUNS
        or head.lower_ in lexicon().role_words
        or lemma in lexicon().role_words
    )


def is_anonymous(head: Token) -> bool:
    """Whether a plural noun names commentators the text leaves unnamed (:data:`ANONYMOUS_NOUNS`
    with no name, nationality or body in its phrase, and no name in apposition)."""
    if head.tag_ != "NNS" or head.lemma_.lower() not in ANONYMOUS_NOUNS:
        return False
    return not any(
        t.ent_type_ in _QUALIFYING_LABELS or t.dep_ in ("appos", "poss") for t in head.subtree
    )


def is_definite(head: Token) -> bool:
    """ "the envoy", "North Korea's envoy", "Canada's Ontario provincial leader": a role noun
    pointing at someone named."""
    return has_owner(head) or any(
        c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in head.lefts
    )


def has_owner(head: Token) -> bool:
    """Whether a noun has a possessor ("North Korea's envoy", "Canada's Ontario provincial
    leader", "Bernie Sanders' campaign")."""
    return any(
        c.dep_ == "poss"
        or (c.dep_ in ("nmod", "compound") and any(t.dep_ == "case" for t in c.subtree))
        for c in head.lefts
    )


def modifiers(head: Token) -> list[str]:
    """The phrases left of a noun that may name a country ("Pakistani", "North Korea")."""
    return [
        " ".join(t.text for t in child.subtree if t.dep_ != "case" and not t.is_punct)
        for child in head.lefts
        if child.dep_ in ("amod", "compound", "poss", "nmod")
    ]


#: Nouns that are a body only with the word in front that says its kind: "the editorial board".
QUALIFIED_BODIES = frozenset({"editorial board"})
#: Dependencies of a word in front of a noun that says its kind.
KIND_DEPS = frozenset({"amod", "compound"})


def kind_phrases(head: Token) -> list[str]:
    """A noun with each word in front that says its kind: "editorial board" of "the editorial
    board" (the noun's lemma, lower case)."""
    lemma = head.lemma_.lower()
    return [f"{t.lower_} {lemma}" for t in head.lefts if t.dep_ in KIND_DEPS]


def is_body(head: Token) -> bool:
    """Whether a noun is "the" organization of a kind named before ("the aid group", "the
    rights group", "the editorial board"; not "a group", "groups" or "Sanders' campaign")."""
    return (
        head.tag_ == "NN"
        and (
            head.lemma_.lower() in BODY_NOUNS
            or any(p in QUALIFIED_BODIES for p in kind_phrases(head))
        )
        and not has_owner(head)
        and any(c.dep_ == "det" and c.lower_ == "the" for c in head.lefts)
    )


def is_institution(head: Token) -> bool:
    """Whether a noun names a body rather than people in it ("Syria's transitional
    authorities" is Syria's government; "Iraqi officials" are people kept as written)."""
    return head.lemma_.lower() in INSTITUTION_NOUNS


def written_name(head: Token, start: int, end: int) -> tuple[int, int]:
    """The characters ``[start, end)`` of a group's noun phrase without a leading determiner or
    count ("Nine press freedom groups" -> "press freedom groups")."""
    doc = head.doc
    for token in doc[head.left_edge.i : head.i]:
        if token.is_space and "\n" in token.text:
            start = max(start, token.idx + len(token))  # "5:20 p.m.\n\nThe campaign"
    for token in doc[head.left_edge.i : head.i]:
        if token.idx < start:
            continue
        if token.dep_ in _DROP_DEPS or token.like_num or token.is_punct:
            start = token.idx + len(token)
            continue
        break
    while start < end and doc.text[start].isspace():
        start += 1
    return start, end

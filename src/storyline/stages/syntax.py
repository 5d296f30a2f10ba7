"""Small helpers over spaCy's parse that the stages share: character ranges of tokens, the named
entity a token is in, the object of a preposition, the possessive mark.

Reads: spaCy tokens. Writes: nothing (returns tokens, spans or character offsets, never records).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

#: The possessive marks spaCy splits off a name ("Russia's" -> "Russia", "'s").
POSSESSIVE_MARKS = frozenset({"'s", "’s"})


def token_chars(token: Token) -> tuple[int, int]:
    """The character range ``[start, end)`` of one token."""
    return token.idx, token.idx + len(token)


def span_chars(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """The character range of the tokens ``[start, end)`` (``end > start``), without building a
    ``Span``."""
    last = doc[end - 1]
    return doc[start].idx, last.idx + len(last)


def entity_span(token: Token) -> Span:
    """The named entity a token is part of, read from the IOB tags (``doc.ents`` is rebuilt on
    every access); the token alone when it is in none."""
    doc = token.doc
    start, end = token.i, token.i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end]


def pobj_of(prep: Token) -> Token | None:
    """The object of a preposition ("of" -> "Tehran" in "workers of Tehran"), if it has one."""
    return next((c for c in prep.children if c.dep_ == "pobj"), None)


def is_possessive(token: Token) -> bool:
    """Whether a token is the possessive mark after a name ("Israel 's Cabinet")."""
    return token.text in POSSESSIVE_MARKS

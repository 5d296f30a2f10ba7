"""Sentence boundaries the parser misses after a one-letter name: "said in a statement posted on
X. Militants attacked a train" is two sentences, not one whose subject is the statement's.

Reads: the tokens (first in the pipeline, before the tagger and the parser). Writes: splits a token "X." after a preposition and before
a capitalized word into "X" and ".", and marks that word as a sentence start (the parser keeps the
boundaries it is given). A one-letter initial inside a name ("George W. Bush") has no preposition
before it and stays whole.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

#: A single capital letter and a full stop, tokenized as an initial.
_LETTER = re.compile(r"^[A-Z]\.$")
#: Words after which a one-letter name is a place or platform, not an initial: "posted on X."
PLATFORM_PREPS = frozenset({"on", "via", "to", "from"})
COMPONENT = "storyline_sentences"


def platform_stops(doc: Doc) -> list[int]:
    """The indices of "X." tokens that end a sentence (module docstring)."""
    return [
        token.i
        for token in doc[1:-1]
        if _LETTER.match(token.text)
        and doc[token.i - 1].lower_ in PLATFORM_PREPS
        and doc[token.i + 1].is_alpha
        and doc[token.i + 1].text[:1].isupper()
    ]


@Language.component(COMPONENT)
def split_platform_stops(doc: Doc) -> Doc:
    """Split each sentence-ending "X." and start a sentence after it (before the parser)."""
    stops = platform_stops(doc)
    if not stops:
        return doc
    with doc.retokenize() as retokenizer:
        for i in stops:
            token = doc[i]
            retokenizer.split(token, [token.text[0], "."], heads=[(token, 0), (token, 0)])
    for shift, i in enumerate(stops):
        doc[i + shift + 2].is_sent_start = True
    return doc

"""People's countries learned from a corpus: the knowledge base behind ``storyline kb build``.

Reads: each document's entities as extracted (``DocumentEntity``) and the roles the actors stage
read from titles (``Role``: "Russian President Vladimir Putin", "U.S. Sen. Lindsey Graham").
Writes nothing: returns lower-case full name -> ISO3 for the people whose titles state one
country, in enough documents and agreeing enough. The actors stage reads such a file after its
shipped lexicons (setting ``actors.people``), so the people of a user's own news get their country
where an article names them without a title.

Only a title's country is evidence: the countries the stage inferred without one (the story's
country, a lexicon) are not, so the knowledge base never learns from itself. A name of one word,
or with characters of UTF-8 read as Latin-1 ("PeÃ±a"), is not learned.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable

from storyline.records import DocumentEntity, Role

#: UTF-8 read as Latin-1 in a source text ("PeÃ±a Nieto"): no name to learn.
MOJIBAKE = re.compile("[\u00a1-\u00bf\u00c2\u00c3]")
#: The documents a name's titles must state its country in, and the share of them that must agree.
MIN_DOCS, AGREE = 2, 0.8


def stated_countries(
    entities: Iterable[DocumentEntity], roles: Iterable[Role], countries: Collection[str]
) -> dict[str, Counter[str]]:
    """Per lower-case full name of a person, how many documents' titles give it each country
    (a document counts once per name and country)."""
    names = {(e.doc_id, e.id): e.name for e in entities if e.type == "PERSON"}
    stated: set[tuple[str, str, str]] = set()
    for role in roles:
        name = names.get((role.doc_id, role.entity_id))
        if name is None or role.country not in countries:
            continue
        if len(name.split()) >= 2 and not MOJIBAKE.search(name):
            stated.add((role.doc_id, name.lower(), role.country))  # type: ignore[arg-type]
    seen: dict[str, Counter[str]] = defaultdict(Counter)
    for _, name, country in stated:
        seen[name][country] += 1
    return dict(seen)


def learn_people(
    entities: Iterable[DocumentEntity],
    roles: Iterable[Role],
    countries: Collection[str],
    min_docs: int = MIN_DOCS,
    agree: float = AGREE,
) -> dict[str, str]:
    """Lower-case full name -> ISO3 of the people whose titles state one of ``countries`` in at
    least ``min_docs`` documents and ``agree`` of those that state one, sorted by name."""
    out = {}
    for name, counts in stated_countries(entities, roles, countries).items():
        (country, n), *_ = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        if n >= min_docs and n >= agree * sum(counts.values()):
            out[name] = country
    return dict(sorted(out.items()))


__all__ = ["AGREE", "MIN_DOCS", "learn_people", "stated_countries"]

"""Look-ups over what the actors and timex stages left on a Doc, for the later stages.

Reads: ``doc._.entities``, ``doc._.mentions``, ``doc._.timexes`` (and quotes given by the caller).
Writes: nothing. Also the
families of role nouns that name one office, which the actors and quotes stages both match on.
"""

from __future__ import annotations

from spacy.tokens import Doc

from storyline.records import Actor, Entity, Mention, Quote, Timex
from storyline.stages import doc_list


def entity_index(doc: Doc) -> dict[str, Entity]:
    """The document's entities by id."""
    return {e.id: e for e in doc_list(doc, "entities")}


def mentions_in(doc: Doc, start: int, end: int) -> list[Mention]:
    """Entity mentions overlapping the character range ``[start, end)``, in text order."""
    found = [m for m in doc_list(doc, "mentions") if m.start < end and start < m.end]
    return sorted(found, key=lambda m: (m.start, -m.end))


def actor_of(mention: Mention, entities: dict[str, Entity]) -> Actor:
    """The event actor a mention stands for, with its entity's codes."""
    entity = entities.get(mention.entity_id)
    return Actor(
        entity_id=mention.entity_id,
        name=entity.name if entity else mention.text,
        country=entity.country if entity else None,
        sector=entity.sector if entity else None,
        start=mention.start,
        end=mention.end,
    )


def actor_at(doc: Doc, start: int, end: int) -> Actor | None:
    """The actor named by the span ``[start, end)``: its widest mention wholly inside the span,
    else the widest overlapping one; None when no entity is mentioned there."""
    found = mentions_in(doc, start, end)
    if not found:
        return None
    inside = [m for m in found if start <= m.start and m.end <= end] or found
    best = max(inside, key=lambda m: (m.end - m.start, -m.start))
    return actor_of(best, entity_index(doc))


def quote_at(quotes: list[Quote], start: int) -> Quote | None:
    """The quote whose content contains the character ``start``, if any."""
    return next((q for q in quotes if q.start <= start < q.end), None)


def timexes_in(doc: Doc, start: int, end: int) -> list[Timex]:
    """Time expressions inside the character range ``[start, end)``, in text order."""
    return sorted(
        (t for t in doc_list(doc, "timexes") if start <= t.start and t.end <= end),
        key=lambda t: t.start,
    )


# --- role families (actors: which of two namesakes; quotes: who "the envoy" is) -------------

#: Role nouns that name the same office: "the envoy" is the person introduced as "permanent
#: representative"; one row per family.
ROLE_FAMILIES: tuple[frozenset[str], ...] = tuple(
    frozenset(row.split())
    for row in (
        "spokesperson spokesman spokeswoman spokesmen spokespeople",
        "envoy ambassador representative emissary delegate",
        "minister secretary",
        "president",
        "premier",
        "chancellor",
        "king queen monarch",
        "senator lawmaker congressman congresswoman legislator representative",
        "commander general chief",
        "lawyer attorney counsel",
        "governor",
        "mayor",
        "judge justice",
        "director head chief",
        "leader chief head",
        "analyst expert researcher",
        "prosecutor",
    )
)
#: Premier and prime minister name one office though no word is shared.
_ROLE_FOLD = {"prime minister": "premier", "head of state": "president"}


def families(role: str) -> frozenset[int]:
    """The families (row numbers of :data:`ROLE_FAMILIES`) the words of a role belong to."""
    text = " ".join(role.lower().split())
    for phrase, folded in _ROLE_FOLD.items():
        text = text.replace(phrase, folded)
    words = set(text.split())
    return frozenset(i for i, row in enumerate(ROLE_FAMILIES) if row & words)

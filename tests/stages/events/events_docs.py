"""Docs for the events stage's unit tests: short texts parsed by the spaCy model alone, with the
actors, time expressions and quotes the other stages would leave built by hand, so the tests
depend on no other stage."""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from storyline.records import Entity, Event, Mention, Quote, Timex

#: surface form -> (entity id, ISO country, sector)
ACTORS: dict[str, tuple[str, str | None, str | None]] = {
    "Cambodia": ("cambodia", "KHM", "GOV"),
    "Hun Sen": ("hun-sen", "KHM", "GOV"),
    "Russia": ("russia", "RUS", "GOV"),
    "Russian troops": ("russia-mil", "RUS", "MIL"),
    "Ukraine": ("ukraine", "UKR", "GOV"),
    "Singapore": ("singapore", "SGP", "GOV"),
    "The U.S. Embassy": ("us-embassy", "USA", "GOV"),
    "the US": ("usa", "USA", "GOV"),
    "Zelenskyy": ("zelenskyy", "UKR", "GOV"),
    "CNRP": ("cnrp", "KHM", "OPP"),
    "Sam Rainsy": ("sam-rainsy", "KHM", "OPP"),
    "Chum Sounry": ("chum-sounry", "KHM", "GOV"),
    "China": ("china", "CHN", "GOV"),
    "Japan": ("japan", "JPN", "GOV"),
    "Israel": ("israel", "ISR", "GOV"),
    "Iran": ("iran", "IRN", "GOV"),
    "France": ("france", "FRA", "GOV"),
    "he": ("hun-sen", "KHM", "GOV"),
    "his": ("hun-sen", "KHM", "GOV"),
    "it": ("ukraine", "UKR", "GOV"),
}


def make(
    base_nlp: Language,
    text: str,
    published: str | None = "2022-03-04",
    timexes: list[tuple[str, str]] = (),  # type: ignore[assignment]
    quotes: list[tuple[str, str | None]] = (),  # type: ignore[assignment]
) -> Doc:
    """Parse ``text`` and leave on it the records the earlier stages would."""
    doc = base_nlp(text)
    doc._.doc_id = "d"
    doc._.published = published
    mentions, entities = [], {}
    taken: set[int] = set()
    for surface in sorted(ACTORS, key=len, reverse=True):
        entity_id, country, sector = ACTORS[surface]
        for match in re.finditer(rf"\b{re.escape(surface)}\b", text):
            if taken & set(range(match.start(), match.end())):
                continue
            taken |= set(range(match.start(), match.end()))
            mentions.append(Mention("d", entity_id, match.start(), match.end(), surface))
            entities[entity_id] = Entity(entity_id, surface, "GPE", country, sector)
    doc._.mentions = mentions
    doc._.entities = list(entities.values())
    found = []
    for surface, value in timexes:
        at = text.index(surface)
        found.append(Timex("d", at, at + len(surface), surface, "DATE", value, None))
    doc._.timexes = found
    doc._.quotes = []
    for i, (content, speaker) in enumerate(quotes):
        at = text.index(content)
        doc._.quotes.append(
            Quote(
                f"d:Q{i}",
                "d",
                at,
                at + len(content),
                content,
                "direct",
                None,
                speaker,
                speaker,
                None,
                None,
                None,
                None,
                None,
                None,
            )
        )
    return doc


def only(events: list[Event], trigger: str) -> Event:
    chosen = [e for e in events if trigger in e.trigger.text]
    assert len(chosen) == 1, [(e.type, e.trigger.text) for e in events]
    return chosen[0]


def countries(actors: list) -> set[str | None]:  # type: ignore[type-arg]
    return {a.country for a in actors}

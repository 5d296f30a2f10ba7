"""Positions: what an actor said and did over time, grouped by topic and target.

Reads: Quotes (the actor as speaker), Events (the actor as source) and Documents. Writes: Position
values (frozen, JSON-able with ``dataclasses.asdict``), so a reader sees "Hun Sen on Russia: March
2022 … October 2022 … June 2023" in one view.

A statement's topic is the target of the event (or of the event coded from the quote); for a quote
with no event, the names its sentence mentions other than the speaker's own.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Literal

from storyline.records import Citation, Document, Event, Quote
from storyline.story import dates
from storyline.story.timeline import quote_sentence
from storyline.story.wording import names

NO_TOPIC = "(general)"


@dataclass(frozen=True, slots=True)
class Statement:
    """One thing the actor said (a quote) or did (an event they were the source of)."""

    date: str | None  # TIMEX3 value; the article's day when the text gives none
    date_basis: Literal["text", "published"] | None
    kind: Literal["quote", "event"]
    text: str  # the quoted content, or the event's sentence
    type: str | None  # PLOVER type of an event, or of the event coded from a quote
    citation: Citation


@dataclass(frozen=True, slots=True)
class Position:
    """The actor's statements on one topic, oldest first."""

    actor: str
    topic: str
    start: str | None
    end: str | None
    statements: list[Statement]


def _matcher(actor: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){re.escape(actor.strip().lower())}(?!\w)")


def _is_actor(pattern: re.Pattern[str], *candidates: str | None) -> bool:
    return any(c and pattern.search(c.lower()) for c in candidates)


def _topic_from_names(
    found: list[str], pattern: re.Pattern[str], own: Iterable[str], known: set[str]
) -> str:
    """The name a statement is about: a known entity if any, the most mentioned, the first."""
    own_l = {o.lower() for o in own if o}
    counts = Counter(n for n in found if not pattern.search(n.lower()) and n.lower() not in own_l)
    if not counts:
        return NO_TOPIC
    return max(counts, key=lambda n: (n.lower() in known, counts[n], -found.index(n)))


def positions(
    actor: str,
    quotes: Iterable[Quote],
    events: Iterable[Event],
    documents: Iterable[Document],
    entity_names: Mapping[str, str] | None = None,
) -> list[Position]:
    """The actor's positions, one per topic, the topic with most statements first."""
    docs = {d.id: d for d in documents}
    names_of = entity_names or {}
    known = {n.lower() for n in names_of.values()}
    pattern = _matcher(actor)
    events = list(events)
    by_quote: dict[str, list[Event]] = defaultdict(list)
    for e in events:
        if e.quote_id:
            by_quote[e.quote_id].append(e)
    grouped: dict[str, list[Statement]] = defaultdict(list)
    covered: set[tuple[str, int, int]] = set()

    for q in quotes:
        speaker_name = names_of.get(q.speaker_entity_id or "")
        if not _is_actor(pattern, q.speaker, speaker_name):
            continue
        coded = by_quote.get(q.id, [])
        if coded and coded[0].target:
            topic = coded[0].target[0].name
        elif q.doc_id in docs:
            sent = quote_sentence(q, docs[q.doc_id].text)
            topic = _topic_from_names(names(sent.text), pattern, [q.speaker or ""], known)
        else:
            topic = NO_TOPIC
        date, basis = q.date, q.date_basis
        if dates.parse(date) is None:
            date = dates.day_value(docs[q.doc_id].published) if q.doc_id in docs else None
            basis = "published" if date else None
        grouped[topic].append(
            Statement(
                date,
                basis,
                "quote",
                q.text,
                coded[0].type if coded else None,
                Citation(q.doc_id, q.start, q.end),
            )
        )
        for e in coded:
            covered.add((e.doc_id, e.sentence.start, e.sentence.end))

    for e in events:
        if not any(_is_actor(pattern, a.name, names_of.get(a.entity_id or "")) for a in e.source):
            continue
        if (e.doc_id, e.sentence.start, e.sentence.end) in covered:
            continue
        topic = e.target[0].name if e.target else NO_TOPIC
        date = e.date.value if e.date else None
        basis = e.date.basis if e.date else None
        grouped[topic].append(
            Statement(
                date,
                basis,
                "event",
                e.sentence.text,
                e.type,
                Citation(e.doc_id, e.sentence.start, e.sentence.end),
            )
        )

    out = []
    for topic, statements in grouped.items():
        statements.sort(key=lambda s: (dates.sort_key(s.date), s.citation.doc_id, s.citation.start))
        dated = [s.date for s in statements if dates.parse(s.date)]
        out.append(
            Position(
                actor, topic, dated[0] if dated else None, dated[-1] if dated else None, statements
            )
        )
    return sorted(out, key=lambda p: (-len(p.statements), p.topic))


def render_positions(items: Iterable[Position]) -> str:
    """Plain text: a heading per topic, then each statement with its date and source."""
    blocks = []
    for p in items:
        span = f" ({p.start} … {p.end})" if p.start else ""
        lines = [f"{p.actor} on {p.topic}{span}"]
        for s in p.statements:
            label = f"{s.kind} {s.type}" if s.type else s.kind
            lines.append(
                f"  {s.date or '?'}  [{label}] {s.text}  "
                f"<{s.citation.doc_id} {s.citation.start}:{s.citation.end}>"
            )
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + ("\n" if blocks else "")

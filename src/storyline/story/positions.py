"""Positions: what an actor said and did over time, grouped by topic and target.

Reads: Quotes (the actor as speaker), Events (the actor as source) and Documents. Writes: Position
values (frozen, JSON-able with ``dataclasses.asdict``), so a reader sees "Hun Sen on Russia: March
2022 … October 2022 … June 2023" in one view.

A statement's topic is the target of the event (or of the event coded from the quote); for a quote
with no event, the names its sentence mentions other than the speaker's own. Each statement keeps
its event's modality: what was planned, negated or hypothetical is shown apart from what happened.

The actor is matched by entity when its ids are given (``actor_ids``: the entities named exactly so,
as the API resolves ``actor=``), so "Cambodia" is the country and not every entity with the word in
its name (the Cambodia National Rescue Party, an exiled opposition party, or "Cambodia
(judiciary)"); without ids, by the names as written.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from typing import Literal

from storyline.records import Citation, DateBasis, Document, Event, Quote
from storyline.story import dates
from storyline.story.timeline import quote_sentence
from storyline.story.wording import names

NO_TOPIC = "(general)"
#: Modalities of what the text says took place; the others did not (yet, or at all).
HAPPENED = ("asserted", "reported")


@dataclass(frozen=True, slots=True)
class Statement:
    """One thing the actor said (a quote) or did (an event they were the source of)."""

    date: str | None  # TIMEX3 value; the article's day when the text gives none
    date_basis: DateBasis | None
    kind: Literal["quote", "event"]
    text: str  # the quoted content, or the event's sentence
    type: str | None  # PLOVER type of an event, or of the event coded from a quote
    citation: Citation
    modality: str | None = None  # of the event (asserted, reported, planned, negated, ...)

    @property
    def happened(self) -> bool:
        """Whether the text says it took place (a quote with no event was said: it happened)."""
        return self.modality is None or self.modality in HAPPENED


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


def _topic(name: str) -> str:
    """A topic as one heading: "the ASEAN Summit" and "ASEAN Summit" are one topic."""
    return re.sub(r"^the\s+", "", name.strip(), flags=re.IGNORECASE) or name


def positions(
    actor: str,
    quotes: Iterable[Quote],
    events: Iterable[Event],
    documents: Iterable[Document],
    entity_names: Mapping[str, str] | None = None,
    actor_ids: Collection[str] = (),
) -> list[Position]:
    """The actor's positions, one per topic, the topic with most statements first; ``actor_ids``,
    when given, are the actor's entities (then only they count as the actor)."""
    docs = {d.id: d for d in documents}
    names_of = entity_names or {}
    known = {n.lower() for n in names_of.values()}
    pattern = _matcher(actor)
    ids = set(actor_ids)

    def is_actor(entity_id: str | None, name: str | None) -> bool:
        if ids:
            return entity_id in ids
        return _is_actor(pattern, name, names_of.get(entity_id or ""))

    events = list(events)
    by_quote: dict[str, list[Event]] = defaultdict(list)
    for e in events:
        if e.quote_id:
            by_quote[e.quote_id].append(e)
    grouped: dict[str, list[Statement]] = defaultdict(list)
    covered: set[tuple[str, int, int]] = set()

    for q in quotes:
        if not is_actor(q.speaker_entity_id, q.speaker):
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
        grouped[_topic(topic)].append(
            Statement(
                date,
                basis,
                "quote",
                q.text,
                coded[0].type if coded else None,
                Citation(q.doc_id, q.start, q.end),
                coded[0].modality if coded else None,
            )
        )
        for e in coded:
            covered.add((e.doc_id, e.sentence.start, e.sentence.end))

    for e in events:
        if not any(is_actor(a.entity_id, a.name) for a in e.source):
            continue
        if (e.doc_id, e.sentence.start, e.sentence.end) in covered:
            continue
        topic = e.target[0].name if e.target else NO_TOPIC
        date = e.date.value if e.date else None
        basis = e.date.basis if e.date else None
        grouped[_topic(topic)].append(
            Statement(
                date,
                basis,
                "event",
                e.sentence.text,
                e.type,
                Citation(e.doc_id, e.sentence.start, e.sentence.end),
                e.modality,
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


def _line(s: Statement) -> str:
    label = f"{s.kind} {s.type}" if s.type else s.kind
    if s.modality and not s.happened:
        label += f", {s.modality}"
    text = " ".join(s.text.split())
    return f"  {s.date or '?'}  [{label}] {text}  <{s.citation.doc_id} {s.citation.start}:{s.citation.end}>"


def render_positions(items: Iterable[Position]) -> str:
    """Plain text: a heading per topic, then each statement with its date, type, modality and
    source; what was planned, negated or hypothetical under its own heading after what happened."""
    blocks = []
    for p in items:
        span = f" ({p.start} … {p.end})" if p.start else ""
        lines = [f"{p.actor} on {p.topic}{span}"]
        lines += [_line(s) for s in p.statements if s.happened]
        unreal = [s for s in p.statements if not s.happened]
        if unreal:
            lines.append("  not happened (planned, negated or hypothetical):")
            lines += ["  " + _line(s) for s in unreal]
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + ("\n" if blocks else "")

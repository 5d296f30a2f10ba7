"""Passing references linked to the story events they refer to.

Reads: EventReference records (the events stage: "Tuesday's attack", "the talks"), the story
events with their stories and the event mentions they merge. Writes:
ReferenceLink records, one per reference that refers to a story event of its article's story.
Story events are not changed: a reference is another sentence telling of an event, not a report
that could change its type, actors or date.

A reference may refer to a story event of its own story that

- is of a type its noun can name ("the attack": ASSAULT; "the statement": any statement);
- was done or planned (not denied or hypothetical); a noun of what only a state does ("the
  operation", "the arrest") names no event whose known doers are all non-state;
- was dated by its texts to the very day the phrase gives ("Tuesday's attack", "Friday's meeting");

and it links to the best of these by ``score``: the phrase's common words found in the event's
other sentences rank the candidates of that day. Words alone do not link: on 2016 news it was not
developed on, a reader judged links made on shared words wrong far more often than right (a
different event on the same topic, a phrase naming no event at all), as were links of a bare "the
attack" to the event reported just before it or told most. So "the attack" and "the statement"
stay unlinked, and so does "the train hijacking" without its day.

Work is bounded: the story events of a story are indexed by the day their texts give, and a
reference looks only at those of its own day.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date

from storyline.records import (
    Actor,
    Event,
    EventReference,
    ReferenceLink,
    Story,
    StoryEvent,
)
from storyline.story import dates
from storyline.story.events import STATE_SECTORS
from storyline.story.wording import content_words, stem

#: Modalities of a story event a reference can refer to.
REFERABLE = frozenset({"asserted", "reported", "planned"})
#: The sectors of a state's offices and forces (a country named as a whole too: None).
STATE_DOERS = STATE_SECTORS | {"COP", "SPY"}
#: What a common word of the phrase found in the story event's other sentences adds to a
#: candidate's score, and what the day both give adds.
PHRASE_WORD, SAME_DAY = 1.0, 1.5
#: What a word of the reference's sentence adds to a candidate's score, and the most they add.
SENTENCE_WORD, MAX_SENTENCE = 0.25, 1.0
#: Words that start with a capital letter: names, which are no evidence of which event.
_CAPITALIZED = re.compile(r"\b[A-Z][\w’'\-.]*")


@dataclass(frozen=True, slots=True)
class Target:
    """A story event as references see it."""

    id: str
    type: str
    modality: str
    day: date | None  # the day its reports' texts give, if they give one
    sentences: tuple[tuple[str, int, frozenset[str]], ...]  # (doc, start, content words)
    size: int  # the sentences that report it
    by_state: bool  # a state's actor, or only unnamed ones, among its sources

    def words(self, besides: tuple[str, int] | None = None) -> frozenset[str]:
        """The content words of its sentences other than ``besides`` (doc id, sentence start)."""
        return frozenset().union(*(w for d, s, w in self.sentences if (d, s) != besides))


@dataclass(frozen=True, slots=True)
class Reference:
    """A reference with what linking needs of it."""

    reference: EventReference
    phrase_words: frozenset[str]
    sentence_words: frozenset[str]
    day: date | None  # the day its phrase gives, if it gives one


def _day_of(value: str | None) -> date | None:
    """The day a TIMEX3 value names, None when it names a longer stretch or no date."""
    interval = dates.parse(value)
    return interval.start if interval is not None and interval.days == 1 else None


def target_of(story_event: StoryEvent, mentions: Iterable[Event]) -> Target:
    """A story event's summary from its mentions."""
    sentences = {
        (e.doc_id, e.sentence.start): frozenset(content_words(e.sentence.text)) for e in mentions
    }
    date_ = story_event.date
    return Target(
        id=story_event.id,
        type=story_event.type,
        modality=story_event.modality,
        day=_day_of(date_.value) if date_ is not None and date_.basis == "text" else None,
        sentences=tuple(sorted((d, s, w) for (d, s), w in sentences.items())),
        size=len(sentences) or len(story_event.mention_ids),
        by_state=_by_state(story_event.source),
    )


def _by_state(sources: Iterable[Actor]) -> bool:
    """Whether a state may have done it: a source of a state sector (a country named as a whole
    too), or no source known beyond its words ("the forces")."""
    known = [a for a in sources if a.country or a.entity_id or a.sector]
    return not known or any(a.country and a.sector in STATE_DOERS for a in known)


def reference_of(reference: EventReference) -> Reference:
    """A reference's summary: the common (not capitalized) words of its phrase other than its
    noun, its sentence's words, and the day its phrase gives."""
    head = stem(reference.head.text)
    phrase = frozenset(content_words(_CAPITALIZED.sub(" ", reference.text.text))) - {head}
    sentence = frozenset(content_words(reference.sentence.text)) - phrase - {head}
    return Reference(
        reference, phrase, sentence, _day_of(reference.date.value if reference.date else None)
    )


def can_refer(ref: Reference, target: Target) -> bool:
    """Whether a reference can refer to a story event of its day: type, doer and modality fit."""
    if target.type not in ref.reference.types:
        return False
    if ref.reference.state_act and not target.by_state:
        return False
    return target.modality in REFERABLE


def score(ref: Reference, target: Target) -> float:
    """A candidate of the reference's day: the day, the phrase's common words and (capped) the
    reference's sentence words in its sentences other than the reference's own, the type the
    noun names first."""
    words = target.words(besides=(ref.reference.doc_id, ref.reference.sentence.start))
    value = SAME_DAY + PHRASE_WORD * len(ref.phrase_words & words)
    value += min(MAX_SENTENCE, SENTENCE_WORD * len(ref.sentence_words & words))
    return value + 0.5 * (target.type == ref.reference.types[0])


def link_story(
    references: Iterable[Reference], targets: Iterable[Target]
) -> Iterator[ReferenceLink]:
    """The links of one story's references to its story events: each reference that gives a day
    to the best candidate its texts date to that day, if any."""
    by_day: dict[date, list[Target]] = defaultdict(list)
    for target in targets:
        if target.day is not None:
            by_day[target.day].append(target)
    for ref in references:
        if ref.day is None:
            continue
        scored = [(score(ref, t), t) for t in by_day.get(ref.day, ()) if can_refer(ref, t)]
        if scored:
            value, best = max(scored, key=lambda pair: (pair[0], pair[1].size, pair[1].id))
            yield ReferenceLink(ref.reference.id, ref.reference.doc_id, best.id, round(value, 3))


def story_links(
    references: Iterable[EventReference],
    story_events: Iterable[StoryEvent],
    events: Iterable[Event],
) -> list[ReferenceLink]:
    """The links of one story's references to its story events (their mention events given):
    what ``link_references`` does per story, and the Spark runner in one task per story."""
    by_id = {e.id: e for e in events}
    targets = [
        target_of(se, [by_id[m] for m in se.mention_ids if m in by_id]) for se in story_events
    ]
    return list(link_story([reference_of(r) for r in references], targets))


def link_references(
    references: Iterable[EventReference],
    story_events: Iterable[StoryEvent],
    events: Iterable[Event],
    stories: Iterable[Story],
) -> list[ReferenceLink]:
    """Every reference linked to the story event of its article's story it refers to (see the
    module's docstring), in reference id order; unlinked references have no link."""
    story_of = {doc_id: s.id for s in stories for doc_id in s.doc_ids}
    own: dict[str, list[StoryEvent]] = defaultdict(list)
    for se in story_events:
        if se.story_id is not None:
            own[se.story_id].append(se)
    refs: dict[str, list[EventReference]] = defaultdict(list)
    for reference in references:
        story = story_of.get(reference.doc_id)
        if story is not None and story in own:
            refs[story].append(reference)
    by_id = {e.id: e for e in events}
    links = []
    for story, story_refs in refs.items():
        mentions = [by_id[m] for se in own[story] for m in se.mention_ids if m in by_id]
        links += story_links(story_refs, own[story], mentions)
    return sorted(links, key=lambda link: link.reference_id)


__all__ = [
    "Reference",
    "Target",
    "can_refer",
    "link_references",
    "link_story",
    "reference_of",
    "score",
    "story_links",
    "target_of",
]

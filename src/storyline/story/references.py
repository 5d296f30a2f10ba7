"""Passing references linked to the story events they refer to.

Reads: EventReference records (the events stage: "Tuesday's attack", "the talks"), the story
events with their stories, the event mentions they merge, and the documents' dates. Writes:
ReferenceLink records, one per reference that refers to a story event of its article's story.
Story events are not changed: a reference is another sentence telling of an event, not a report
that could change its type, actors or date.

A reference may refer to a story event of its own story that

- is of a type its noun can name ("the attack": ASSAULT; "the statement": any statement);
- was done or planned (not denied or hypothetical); a noun of what only a state does ("the
  operation", "the arrest") names no event whose known doers are all non-state;
- fits in time: when the phrase gives a date ("Tuesday's attack"), the story event's date overlaps
  it (an event dated only by its reports was reported on or after it); when it gives none, the
  story event was at most ``LOOKBACK_DAYS`` before the reference's article (planned ones: before or
  after);

and it links to the best of these by ``score`` only when the phrase gives a day and the story
event's text gives the same day ("Tuesday's attack", "Friday's meeting"); the phrase's common words
found in the event's other sentences rank the candidates of that day. Words alone do not link: on
2016 news it was not developed on, a reader judged links made on shared words wrong far more often
than right (a different event on the same topic, a phrase naming no event at all), as were links of
a bare "the attack" to the event reported just before it or told most. So "the attack" and "the
statement" stay unlinked, and so does "the train hijacking" without its day.

Work is bounded: the story events of a story are indexed by family and month bucket, and a reference
looks only in the buckets of its date or of the ``LOOKBACK_DAYS`` before its article.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from storyline.records import (
    Actor,
    Document,
    Event,
    EventReference,
    ReferenceLink,
    Story,
    StoryEvent,
)
from storyline.story import dates
from storyline.story.blocking import MAX_BUCKETS, day_buckets
from storyline.story.events import FAMILIES, STATE_SECTORS
from storyline.story.wording import content_words, stem

#: Modalities of a story event a reference can refer to.
REFERABLE = frozenset({"asserted", "reported", "planned"})
#: The sectors of a state's offices and forces (a country named as a whole too: None).
STATE_DOERS = STATE_SECTORS | {"COP", "SPY"}
#: An undated reference refers to an event at most this many days before its article.
LOOKBACK_DAYS = 62
#: What each kind of evidence adds (see ``evidence``): a common word of the phrase found in the
#: story event's sentences, a day both give, a date of the phrase overlapping the story event's.
PHRASE_WORD, SAME_DAY, SAME_DATE = 1.0, 1.5, 0.5
#: What a word of the reference's sentence adds to a candidate's score, and the most they add.
SENTENCE_WORD, MAX_SENTENCE = 0.25, 1.0
#: Words that start with a capital letter: names, which are no evidence of which event.
_CAPITALIZED = re.compile(r"\b[A-Z][\w’'\-.]*")


@dataclass(frozen=True, slots=True)
class Target:
    """A story event as references see it."""

    id: str
    type: str
    family: str
    modality: str
    interval: dates.DateInterval | None  # of a date its reports' texts give
    reported: date | None  # the first day it was reported (its earliest article)
    sentences: tuple[tuple[str, int, frozenset[str]], ...]  # (doc, start, content words)
    size: int  # the sentences that report it
    by_state: bool  # a state's actor, or only unnamed ones, among its sources

    def words(self, besides: tuple[str, int] | None = None) -> frozenset[str]:
        """The content words of its sentences other than ``besides`` (doc id, sentence start)."""
        return frozenset().union(*(w for d, s, w in self.sentences if (d, s) != besides))


@dataclass(frozen=True, slots=True)
class Reference:
    """A reference with what linking needs of its article."""

    reference: EventReference
    published: date | None
    phrase_words: frozenset[str]
    sentence_words: frozenset[str]
    interval: dates.DateInterval | None


def _day(value: str | None) -> date | None:
    interval = dates.parse(dates.day_value(value))
    return interval.start if interval else None


def target_of(
    story_event: StoryEvent, mentions: Iterable[Event], published: Mapping[str, date]
) -> Target:
    """A story event's summary from its mentions and their articles' days."""
    mentions = list(mentions)
    sentences = {
        (e.doc_id, e.sentence.start): frozenset(content_words(e.sentence.text)) for e in mentions
    }
    text_date = (
        story_event.date.value if story_event.date and story_event.date.basis == "text" else None
    )
    days = [published[d] for d in story_event.doc_ids if d in published]
    return Target(
        id=story_event.id,
        type=story_event.type,
        family=FAMILIES.get(story_event.type, story_event.type),
        modality=story_event.modality,
        interval=dates.parse(text_date),
        reported=min(days) if days else None,
        sentences=tuple(sorted((d, s, w) for (d, s), w in sentences.items())),
        size=len(sentences) or len(story_event.mention_ids),
        by_state=_by_state(story_event.source),
    )


def _by_state(sources: Iterable[Actor]) -> bool:
    """Whether a state may have done it: a source of a state sector (a country named as a whole
    too), or no source known beyond its words ("the forces")."""
    known = [a for a in sources if a.country or a.entity_id or a.sector]
    return not known or any(a.country and a.sector in STATE_DOERS for a in known)


def reference_of(reference: EventReference, published: date | None) -> Reference:
    """A reference's summary: the common (not capitalized) words of its phrase other than its
    noun, and its sentence's words."""
    head = stem(reference.head.text)
    phrase = frozenset(content_words(_CAPITALIZED.sub(" ", reference.text.text))) - {head}
    sentence = frozenset(content_words(reference.sentence.text)) - phrase - {head}
    return Reference(
        reference,
        published,
        phrase,
        sentence,
        dates.parse(reference.date.value) if reference.date else None,
    )


def _window(ref: Reference) -> tuple[date, date] | None:
    """The days a reference's event can fall in, for the bucket index."""
    if ref.interval is not None:
        return ref.interval.start, ref.interval.end
    if ref.published is not None:
        return ref.published - timedelta(days=LOOKBACK_DAYS), ref.published
    return None


def _target_window(target: Target) -> tuple[date, date] | None:
    if target.interval is not None:
        return target.interval.start, target.interval.end
    if target.reported is not None:
        return target.reported, target.reported
    return None


def fits_time(ref: Reference, target: Target) -> bool:
    """Whether the story event can be the one the reference refers to, by their dates."""
    if ref.interval is not None:
        if target.interval is not None:
            return (
                target.interval.start <= ref.interval.end
                and ref.interval.start <= target.interval.end
            )
        return target.reported is None or ref.interval.start <= target.reported
    if ref.published is None:
        return True
    start = target.interval.start if target.interval else target.reported
    if start is None or target.modality == "planned":
        return True
    return ref.published - timedelta(days=LOOKBACK_DAYS) <= start <= ref.published


def can_refer(ref: Reference, target: Target) -> bool:
    """Whether a reference can refer to a story event: type, doer, modality and time fit."""
    if target.type not in ref.reference.types:
        return False
    if ref.reference.state_act and not target.by_state:
        return False
    return target.modality in REFERABLE and fits_time(ref, target)


def evidence(ref: Reference, target: Target) -> float:
    """What the reference's own words and date say for the story event: the phrase's common words
    in its sentences other than the reference's own, and a date both give (a day: the most)."""
    words = target.words(besides=(ref.reference.doc_id, ref.reference.sentence.start))
    value = PHRASE_WORD * len(ref.phrase_words & words)
    if ref.interval is not None and target.interval is not None:
        same_day = ref.interval.days == 1 and ref.interval == target.interval
        value += SAME_DAY if same_day else SAME_DATE
    return value


def same_day(ref: Reference, target: Target) -> bool:
    """Whether the phrase gives a day and the story event's text gives the same day."""
    return (
        ref.interval is not None
        and ref.interval.days == 1
        and target.interval is not None
        and ref.interval == target.interval
    )


def score(ref: Reference, target: Target) -> float:
    """A candidate's score: its evidence, the reference's sentence words in its other sentences
    (capped), the type the noun names first."""
    words = target.words(besides=(ref.reference.doc_id, ref.reference.sentence.start))
    value = evidence(ref, target)
    value += min(MAX_SENTENCE, SENTENCE_WORD * len(ref.sentence_words & words))
    return value + 0.5 * (target.type == ref.reference.types[0])


def _bucket_keys(family: str, window: tuple[date, date] | None) -> list[tuple[str, int]]:
    if window is None:
        return [(family, -1)]
    buckets = day_buckets(*window)
    if len(buckets) > MAX_BUCKETS:
        return [(family, -1)]
    return [(family, b) for b in buckets]


def _candidates(ref: Reference, index: dict[tuple[str, int], list[Target]]) -> list[Target]:
    seen: dict[str, Target] = {}
    for family in {FAMILIES.get(t, t) for t in ref.reference.types}:
        for key in [*_bucket_keys(family, _window(ref)), (family, -1)]:
            for target in index.get(key, ()):
                seen.setdefault(target.id, target)
    return [t for t in seen.values() if can_refer(ref, t)]


def link_story(
    references: Iterable[Reference], targets: Iterable[Target]
) -> Iterator[ReferenceLink]:
    """The links of one story's references to its story events: each reference that gives a day
    to the best candidate of that day (``same_day``; its words rank them), if any."""
    index: dict[tuple[str, int], list[Target]] = defaultdict(list)
    for target in targets:
        for key in _bucket_keys(target.family, _target_window(target)):
            index[key].append(target)
    for ref in references:
        scored = [(score(ref, t), t) for t in _candidates(ref, index) if same_day(ref, t)]
        if scored:
            value, best = max(scored, key=lambda pair: (pair[0], pair[1].size, pair[1].id))
            yield ReferenceLink(ref.reference.id, ref.reference.doc_id, best.id, round(value, 3))


def published_days(documents: Iterable[tuple[str, str | None]]) -> dict[str, date]:
    """The day each article was published, by document id (those with a date)."""
    return {doc_id: day for doc_id, value in documents if (day := _day(value)) is not None}


def story_links(
    references: Iterable[EventReference],
    story_events: Iterable[StoryEvent],
    events: Iterable[Event],
    published: Mapping[str, date],
) -> list[ReferenceLink]:
    """The links of one story's references to its story events (their mention events and the
    days of the story's articles given): what ``link_references`` does per story, and the Spark
    runner in one task per story."""
    by_id = {e.id: e for e in events}
    targets = [
        target_of(se, [by_id[m] for m in se.mention_ids if m in by_id], published)
        for se in story_events
    ]
    refs = [reference_of(r, published.get(r.doc_id)) for r in references]
    return list(link_story(refs, targets))


def link_references(
    references: Iterable[EventReference],
    story_events: Iterable[StoryEvent],
    events: Iterable[Event],
    documents: Iterable[Document],
    stories: Iterable[Story],
) -> list[ReferenceLink]:
    """Every reference linked to the story event of its article's story it refers to (see the
    module's docstring), in reference id order; unlinked references have no link."""
    published = published_days((d.id, d.published) for d in documents)
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
        links += story_links(story_refs, own[story], mentions, published)
    return sorted(links, key=lambda link: link.reference_id)


__all__ = [
    "LOOKBACK_DAYS",
    "Reference",
    "Target",
    "can_refer",
    "evidence",
    "fits_time",
    "link_references",
    "link_story",
    "published_days",
    "reference_of",
    "same_day",
    "score",
    "story_links",
    "target_of",
]

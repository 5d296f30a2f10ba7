"""Passing references linked to the story events they refer to.

Reads: EventReference records (the events stage: "Tuesday's attack", "the talks"), the story
events with their stories, the event mentions they merge, and the documents' dates. Writes:
ReferenceLink records, one per reference that refers to a story event of its article's story.
Story events are not changed: a reference is another sentence telling of an event, not a report
that could change its type, actors or date.

A reference may refer to a story event of its own story that

- is of a type its noun can name ("the attack": ASSAULT; "the statement": any statement), or of the
  same PLOVER family as its likeliest type (the attack told as "took over the train", COERCE);
- was done or planned (not denied or hypothetical);
- fits in time: when the phrase gives a date ("Tuesday's attack"), the story event's date overlaps
  it (an event dated only by its reports was reported on or after it); when it gives none, the
  story event was at most ``LOOKBACK_DAYS`` before the reference's article (planned ones: before or
  after);

and links in two passes. First, to the best of these by ``score`` when the reference's own words or
date speak for it: the phrase's words in the story event's sentences ("the train hijacking"), a
date both give ("Tuesday's attack"). Then an undated reference to a material act whose words pick
none ("the attack", "the brazen attack") links to the story event reported just before it in its
article (within two sentences or so), else to the one told most (reports, and references linked on
the first pass; those of its own article count more), when that one is clearly ahead; a bare
"the statement", "the proposal" or "a ceasefire" (one of many things said, or what talks are about)
does not. Otherwise it stays unlinked.

Work is bounded: the story events of a story are indexed by family and month bucket, and a reference
looks only in the buckets of its date or of the ``LOOKBACK_DAYS`` before its article.
"""

from __future__ import annotations

from collections import Counter, defaultdict
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
#: Families whose nouns may refer to a story event of another type of the family ("the attack"
#: told as "took over the train", COERCE); a statement's noun names only its own types.
MATERIAL = frozenset({"material-conflict", "material-cooperation"})
#: The sectors of a state's offices and forces (a country named as a whole too: None).
STATE_DOERS = STATE_SECTORS | {"COP", "SPY"}
#: An undated reference refers to an event at most this many days before its article.
LOOKBACK_DAYS = 62
#: What each kind of evidence adds (see ``evidence``): a word of the phrase found in the story
#: event's sentences, a day both give, a date of the phrase containing the story event's.
PHRASE_WORD, SAME_DAY, SAME_DATE = 1.0, 1.5, 0.5
#: What a word of the reference's sentence adds, and the most they add together.
SENTENCE_WORD, MAX_SENTENCE = 0.25, 1.0
#: The evidence a story event needs to be linked on the first pass (its words or its day).
LINK_THRESHOLD = 1.0
#: On the second pass, an undated reference with no words of its own ("the attack") refers to the
#: story event told most (its sentences, and the references linked on the first pass), those of the
#: reference's article counted ARTICLE_WEIGHT times, when it is told at least DOMINANT times as
#: much as the next.
DOMINANT, ARTICLE_WEIGHT = 1.5, 2
#: Unless a candidate was told in the same article at most this many characters before it (about
#: two sentences): then the reference names that one.
NEAR_CHARS = 300


@dataclass(frozen=True, slots=True)
class Target:
    """A story event as references see it."""

    id: str
    type: str
    family: str
    modality: str
    interval: dates.DateInterval | None  # of a date its reports' texts give
    reported: date | None  # the first day it was reported (its earliest article)
    words: frozenset[str]  # the content words of its mentions' sentences
    docs: frozenset[str]
    size: int  # the sentences that report it
    by_state: bool  # a state's actor, or only unnamed ones, among its sources
    told_at: tuple[tuple[str, int], ...] = ()  # (doc id, trigger start) of each report


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
    words: set[str] = set()
    for event in mentions:
        words.update(content_words(event.sentence.text))
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
        words=frozenset(words),
        docs=frozenset(story_event.doc_ids),
        size=len({(e.doc_id, e.sentence.start) for e in mentions}) or len(story_event.mention_ids),
        by_state=_by_state(story_event.source),
        told_at=tuple(sorted((e.doc_id, e.trigger.start) for e in mentions)),
    )


def _by_state(sources: Iterable[Actor]) -> bool:
    """Whether a state may have done it: a source of a state sector (a country named as a whole
    too), or no source known beyond its words ("the forces")."""
    known = [a for a in sources if a.country or a.entity_id or a.sector]
    return not known or any(a.country and a.sector in STATE_DOERS for a in known)


def reference_of(reference: EventReference, published: date | None) -> Reference:
    """A reference's summary: its phrase's words other than its noun, its sentence's words."""
    head = stem(reference.head.text)
    phrase = frozenset(content_words(reference.text.text)) - {head}
    sentence = frozenset(content_words(reference.sentence.text)) - phrase - {head}
    return Reference(
        reference,
        published,
        phrase,
        sentence,
        dates.parse(reference.date.value) if reference.date else None,
    )


def _families(reference: EventReference) -> frozenset[str]:
    return frozenset({FAMILIES.get(reference.types[0], reference.types[0])})


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
    """Whether a reference can refer to a story event: type, modality and time fit."""
    types = ref.reference.types
    if target.type not in types:
        family = FAMILIES.get(types[0], types[0])
        if family not in MATERIAL or target.family != family:
            return False
    if ref.reference.state_act and not target.by_state:
        return False
    return target.modality in REFERABLE and fits_time(ref, target)


def evidence(ref: Reference, target: Target) -> float:
    """What the reference's own words and date say for the story event: the phrase's words in its
    sentences, and a date both give (a day: the most)."""
    value = PHRASE_WORD * len(ref.phrase_words & target.words)
    if ref.interval is not None and target.interval is not None:
        same_day = ref.interval.days == 1 and ref.interval == target.interval
        value += SAME_DAY if same_day else SAME_DATE
    return value


def score(ref: Reference, target: Target) -> float:
    """A first-pass candidate's score: its evidence, the reference's sentence words in its
    sentences (capped), the type named first."""
    value = evidence(ref, target)
    value += min(MAX_SENTENCE, SENTENCE_WORD * len(ref.sentence_words & target.words))
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


def _told(targets: Iterable[Target], links: Iterable[ReferenceLink]) -> Counter[tuple[str, str]]:
    """How often each story event is told in each article (key ``(story event, doc)``), and in
    the whole story (key ``(story event, "")``): its reports and its linked references."""
    told: Counter[tuple[str, str]] = Counter()
    for target in targets:
        told[(target.id, "")] += target.size
        for doc in target.docs:
            told[(target.id, doc)] += 1
    for link in links:
        told[(link.story_event_id, link.doc_id)] += 1
        told[(link.story_event_id, "")] += 1
    return told


def _dominant(candidates: list[Target], told: Counter[tuple[str, str]], doc: str) -> Target | None:
    """The candidate told most, in the article (counted ``ARTICLE_WEIGHT`` times) and in the
    story, when clearly ahead of the next (``DOMINANT`` times as much)."""

    def weight(t: Target) -> int:
        return ARTICLE_WEIGHT * told[(t.id, doc)] + told[(t.id, "")]

    ranked = sorted(candidates, key=lambda t: (-weight(t), t.id))
    if not ranked:
        return None
    runner_up = weight(ranked[1]) if len(ranked) > 1 else 0
    return ranked[0] if weight(ranked[0]) >= DOMINANT * runner_up else None


def link_story(
    references: Iterable[Reference], targets: Iterable[Target]
) -> Iterator[ReferenceLink]:
    """The links of one story's references to its story events: first those the reference's
    words or date pick, then the undated others to the one reported just before or told most."""
    targets, references = list(targets), list(references)
    index: dict[tuple[str, int], list[Target]] = defaultdict(list)
    for target in targets:
        for key in _bucket_keys(target.family, _target_window(target)):
            index[key].append(target)
    strong: list[ReferenceLink] = []
    weak: list[tuple[Reference, list[Target]]] = []
    for ref in references:
        candidates = _candidates(ref, index)
        scored = [(score(ref, t), t) for t in candidates if evidence(ref, t) >= LINK_THRESHOLD]
        if scored:
            value, best = max(scored, key=lambda pair: (pair[0], pair[1].size, pair[1].id))
            strong.append(
                ReferenceLink(ref.reference.id, ref.reference.doc_id, best.id, round(value, 3))
            )
        elif candidates and ref.interval is None and _anaphoric(ref.reference):
            weak.append((ref, candidates))
    yield from strong
    told = _told(targets, strong)
    recent = _told_where(targets, strong, references)
    for ref, candidates in weak:
        chosen = _preceding(ref, candidates, recent) or _dominant(
            candidates, told, ref.reference.doc_id
        )
        if chosen is not None:
            yield ReferenceLink(ref.reference.id, ref.reference.doc_id, chosen.id, 0.0)


def _anaphoric(reference: EventReference) -> bool:
    """Whether a bare reference can name an event by itself: "the attack", "the arrest" (a
    material act, one of few in a story), not "the statement", "the proposal" or "a ceasefire"
    (one of many things said, or the object of talks), which need their words or date."""
    return FAMILIES.get(reference.types[0], reference.types[0]) in MATERIAL


def _told_where(
    targets: Iterable[Target], links: Iterable[ReferenceLink], references: Iterable[Reference]
) -> dict[str, list[tuple[int, str]]]:
    """Per article, where each story event is told (offset, story event id), in text order: its
    reports' triggers and the heads of the references linked to it."""
    heads = {r.reference.id: r.reference.head.start for r in references}
    where: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for target in targets:
        for doc, start in target.told_at:
            where[doc].append((start, target.id))
    for link in links:
        where[link.doc_id].append((heads[link.reference_id], link.story_event_id))
    for places in where.values():
        places.sort()
    return where


def _preceding(
    ref: Reference, candidates: list[Target], where: dict[str, list[tuple[int, str]]]
) -> Target | None:
    """The candidate told last before the reference in its article, within ``NEAR_CHARS``
    ("...attacking a military vehicle. The convoy came under attack"): what "the attack" names
    there."""
    by_id = {t.id: t for t in candidates}
    head = ref.reference.head.start
    before = [
        (start, sid)
        for start, sid in where.get(ref.reference.doc_id, ())
        if sid in by_id and head - NEAR_CHARS <= start < head
    ]
    return by_id[max(before)[1]] if before else None


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
    "LINK_THRESHOLD",
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
    "score",
    "story_links",
    "target_of",
]

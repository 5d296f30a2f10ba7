"""Stories: articles (and their story events) grouped into the stories they tell.

Reads: Documents, Events, StoryEvents and optionally Quotes. Writes: Story records and the story
events with ``story_id`` set.

Articles are taken in published order; each joins the existing story it is most similar to, or
starts a new one (incremental in spirit: an earlier article never moves because of a later one).
Similarity mixes the wording (TF-IDF of content words), the names (capitalized runs, weighted on
their own), the actors of their events and quotes, and the story events they share, and fades
slowly with the time since the story's latest article.
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import date

from storyline.records import Document, Event, Quote, Story, StoryEvent
from storyline.story import dates
from storyline.story.events import actor_keys
from storyline.story.wording import content_words, jaccard, names, tfidf

#: The similarity an article needs to join a story.
JOIN_THRESHOLD = 0.3
#: Weights of the parts of the similarity.
W_WORDS, W_NAMES, W_TITLE, W_ACTORS, W_SHARED_EVENT = 0.45, 0.45, 0.2, 0.2, 0.3
W_PROTAGONISTS = 0.15
#: How many of an article's most mentioned names stand for its protagonists.
TOP_NAMES = 3
#: How many of an article's highest-weighted words may bring a story into the comparison.
KEY_WORDS = 25
#: Gaps up to this many days cost nothing; longer gaps fade the similarity, down to FADE_FLOOR.
FRESH_DAYS, FADE_DAYS, FADE_FLOOR = 30, 730, 0.6


@dataclass(slots=True)
class _Features:
    document: Document
    words: dict[str, float]
    names: dict[str, float]
    title: dict[str, float]
    top_names: tuple[str, ...]  # the names the article mentions most
    actors: frozenset[str]
    story_events: frozenset[str]
    norms: tuple[float, float, float] = (0.0, 0.0, 0.0)  # of words, names, title

    def keys(self) -> Iterator[str]:
        """What a story must share with the article to be scored against it: a name, an
        actor, a story event or one of the article's most distinctive words."""
        yield from (f"n:{n}" for n in self.names)
        yield from (f"a:{a}" for a in self.actors)
        yield from (f"e:{e}" for e in self.story_events)
        top = sorted(self.words.items(), key=lambda kv: (-kv[1], kv[0]))[:KEY_WORDS]
        yield from (f"w:{w}" for w, _ in top)
        yield from (f"w:{w}" for w in self.title)


@dataclass(slots=True)
class _Group:
    id: str
    members: list[_Features] = field(default_factory=list)
    words: Counter[str] = field(default_factory=Counter)
    names: Counter[str] = field(default_factory=Counter)
    title: Counter[str] = field(default_factory=Counter)
    name_tf: Counter[str] = field(default_factory=Counter)
    actors: set[str] = field(default_factory=set)
    story_events: set[str] = field(default_factory=set)
    latest: str | None = None
    # Norms of the summed vectors and the story's main names, computed once per new member.
    _norms: tuple[float, float, float] | None = None
    _top: frozenset[str] | None = None

    def add(self, f: _Features) -> None:
        self.members.append(f)
        self.words.update(f.words)
        self.names.update(f.names)
        self.title.update(f.title)
        self.name_tf.update(f.top_names)
        self.actors |= f.actors
        self.story_events |= f.story_events
        self._norms = self._top = None
        day = dates.day_value(f.document.published)
        if day and (self.latest is None or day > self.latest):
            self.latest = day

    @property
    def norms(self) -> tuple[float, float, float]:
        if self._norms is None:
            self._norms = (_norm(self.words), _norm(self.names), _norm(self.title))
        return self._norms

    @property
    def top(self) -> frozenset[str]:
        if self._top is None:
            self._top = frozenset(n for n, _ in self.name_tf.most_common(TOP_NAMES + 2))
        return self._top


def _norm(vector: Mapping[str, float]) -> float:
    return math.sqrt(sum(v * v for v in vector.values()))


def _cosine(a: Mapping[str, float], a_norm: float, b: Mapping[str, float], b_norm: float) -> float:
    """Cosine of two sparse vectors whose norms are known; the loop runs over ``a``."""
    if not a_norm or not b_norm:
        return 0.0
    return sum(v * b.get(k, 0.0) for k, v in a.items()) / (a_norm * b_norm)


def _features(
    documents: list[Document],
    events_by_doc: dict[str, list[Event]],
    quotes_by_doc: dict[str, list[Quote]],
    story_events_by_doc: dict[str, set[str]],
) -> list[_Features]:
    word_counts = {d.id: Counter(content_words(f"{d.title or ''}\n{d.text}")) for d in documents}
    name_counts = {
        d.id: Counter(n.lower() for n in names(f"{d.title or ''}\n{d.text}")) for d in documents
    }
    word_df: Counter[str] = Counter()
    name_df: Counter[str] = Counter()
    for d in documents:
        word_df.update(word_counts[d.id].keys())
        name_df.update(name_counts[d.id].keys())
    n = len(documents)
    out = []
    for d in documents:
        actors: set[str] = set()
        for e in events_by_doc.get(d.id, []):
            actors |= {k for k in actor_keys([*e.source, *e.target]) if not k.startswith("country")}
        for q in quotes_by_doc.get(d.id, []):
            if q.speaker_entity_id:
                actors.add(f"id:{q.speaker_entity_id}")
            if q.speaker:
                actors.add(f"name:{q.speaker.lower()}")
        out.append(
            _Features(
                document=d,
                words=tfidf(word_counts[d.id], word_df, n),
                names=tfidf(name_counts[d.id], name_df, n),
                title=tfidf(Counter(content_words(d.title or "")), word_df, n),
                top_names=tuple(
                    n
                    for n, _ in sorted(name_counts[d.id].items(), key=lambda kv: (-kv[1], kv[0]))[
                        :TOP_NAMES
                    ]
                ),
                actors=frozenset(actors),
                story_events=frozenset(story_events_by_doc.get(d.id, set())),
            )
        )
        f = out[-1]
        f.norms = (_norm(f.words), _norm(f.names), _norm(f.title))
    return out


def _fade(gap: int | None) -> float:
    if gap is None or gap <= FRESH_DAYS:
        return 1.0
    return max(FADE_FLOOR, 1.0 - (gap - FRESH_DAYS) / FADE_DAYS)


def similarity(f: _Features, group: _Group) -> float:
    """How well an article fits a story, 0..~1.3."""
    words_norm, names_norm, title_norm = group.norms
    score = W_WORDS * _cosine(f.words, f.norms[0], group.words, words_norm)
    score += W_NAMES * _cosine(f.names, f.norms[1], group.names, names_norm)
    score += W_ACTORS * jaccard(f.actors, group.actors)
    score += W_TITLE * _cosine(f.title, f.norms[2], group.title, title_norm)
    if f.story_events & group.story_events:
        score += W_SHARED_EVENT
    # The same protagonists: most of the article's main names are main names of the story.
    if f.top_names and len(set(f.top_names) & group.top) * 3 >= 2 * len(f.top_names):
        score += W_PROTAGONISTS
    return score * _fade(dates.gap_days(dates.day_value(f.document.published), group.latest))


def _story_id(first_doc_id: str) -> str:
    return "T" + hashlib.sha1(first_doc_id.encode("utf-8")).hexdigest()[:15]


def _label(group: _Group, originals: dict[str, str]) -> str:
    # The names that weigh most across the story's articles, as they were written.
    top = [n for n, _ in sorted(group.names.items(), key=lambda kv: (-kv[1], kv[0]))[:3]]
    if top:
        return ", ".join(originals.get(n, n) for n in top)
    first = group.members[0].document
    return first.title or first.text[:60]


def _end_key(value: str) -> tuple[date, int]:
    interval = dates.parse(value)
    return (interval.end, -interval.days) if interval else (date.min, 0)


def _published_key(d: Document) -> tuple[str, str]:
    return (dates.day_value(d.published) or "9999", d.id)


def group_stories(
    documents: Iterable[Document],
    events: Iterable[Event],
    story_events: Iterable[StoryEvent],
    quotes: Iterable[Quote] = (),
) -> tuple[list[Story], list[StoryEvent]]:
    """Stories over the documents, and the story events with their ``story_id`` set."""
    docs = sorted({d.id: d for d in documents}.values(), key=_published_key)
    events_by_doc: dict[str, list[Event]] = defaultdict(list)
    for e in events:
        events_by_doc[e.doc_id].append(e)
    quotes_by_doc: dict[str, list[Quote]] = defaultdict(list)
    for q in quotes:
        quotes_by_doc[q.doc_id].append(q)
    story_events = list(story_events)
    se_by_doc: dict[str, set[str]] = defaultdict(set)
    for s in story_events:
        if len(s.doc_ids) > 1:  # only an event reported twice links articles
            for doc_id in s.doc_ids:
                se_by_doc[doc_id].add(s.id)

    groups: list[_Group] = []
    group_of: dict[str, _Group] = {}
    # Which stories hold each key (name, actor, story event, distinctive word): an article is
    # scored only against the stories it shares a key with, so the work grows with the overlap,
    # not with articles x stories. Ties go to the oldest story, as in a scan of them all.
    holders: dict[str, set[int]] = defaultdict(set)
    for f in _features(docs, events_by_doc, quotes_by_doc, se_by_doc):
        best, best_score = None, JOIN_THRESHOLD
        keys = set(f.keys())
        candidates = sorted({i for k in keys for i in holders.get(k, ())})
        for i in candidates:
            score = similarity(f, groups[i])
            if score >= best_score and (best is None or score > best_score):
                best, best_score = i, score
        if best is None:
            best = len(groups)
            groups.append(_Group(_story_id(f.document.id)))
        group = groups[best]
        for k in keys:
            holders[k].add(best)
        group.add(f)
        group_of[f.document.id] = group

    originals = {n.lower(): n for d in docs for n in names(f"{d.title or ''}\n{d.text}")}
    stamped = []
    dated_by_group: dict[str, list[str]] = defaultdict(list)
    for s in story_events:
        counts = Counter(group_of[d].id for d in s.doc_ids if d in group_of)
        story_id = None
        if counts:
            order = [group_of[d].id for d in s.doc_ids if d in group_of]
            story_id = max(counts, key=lambda g: (counts[g], -order.index(g)))
            interval = dates.parse(s.date.value) if s.date and s.date.basis == "text" else None
            if interval is not None and interval.days <= 31:  # a year says little of the span
                dated_by_group[story_id].append(s.date.value if s.date else "")
        stamped.append(replace(s, story_id=story_id))

    stories = []
    for group in groups:
        days = [dates.day_value(m.document.published) for m in group.members]
        values = [v for v in days if v] + dated_by_group[group.id]
        stories.append(
            Story(
                id=group.id,
                label=_label(group, originals),
                start=min(values, key=dates.sort_key) if values else None,
                end=max(values, key=_end_key) if values else None,
                doc_ids=[m.document.id for m in group.members],
            )
        )
    return stories, stamped

"""Stories: articles (and their story events) grouped into the stories they tell.

Reads: Documents, Events, StoryEvents and optionally Quotes. Writes: Story records and the story
events with ``story_id`` set.

Two articles are linked when each is similar enough to the other; within each connected component of
the links, articles are taken in published order and each joins the story it is most similar to, or
starts a new one (an earlier article never moves because of a later one). Only articles sharing a
blocking key are compared (``article_keys``: a name, an actor, a story event or a distinctive word,
within a month or a year of publication; see ``storyline.story.blocking``), so the work per article
does not grow with the corpus, and the Spark runner computes the same links block by block, the same
components by joins, and assigns each component in a task of its own. Similarity mixes the wording
(TF-IDF of content words), the names (capitalized runs, weighted on their own), the actors of their
events and quotes, and the story events they share, and fades slowly with the time since the story's
latest article.
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from storyline.records import TEXT_BASES, Document, Event, Quote, Story, StoryEvent
from storyline.story import dates
from storyline.story.blocking import BUCKET_DAYS, components, pairs_of
from storyline.story.events import actor_keys
from storyline.story.wording import content_words, jaccard, names, tfidf

#: The similarity (each way) two articles need to be linked: compared within one component.
PAIR_THRESHOLD = 0.27
#: The similarity an article needs to join a story of its component.
JOIN_THRESHOLD = 0.3
#: Days per long time bucket of an article's keys (see ``article_keys``).
YEAR_DAYS = 366
#: Weights of the parts of the similarity.
W_WORDS, W_NAMES, W_TITLE, W_ACTORS, W_SHARED_EVENT = 0.45, 0.45, 0.2, 0.2, 0.3
W_PROTAGONISTS = 0.15
#: How many of an article's most mentioned names stand for its protagonists.
TOP_NAMES = 3
#: How many of an article's highest-weighted words may bring a story into the comparison.
KEY_WORDS = 25
#: How many of an article's highest-weighted names may bring a story into the comparison.
KEY_NAMES = 10
#: Gaps up to this many days cost nothing; longer gaps fade the similarity, down to FADE_FLOOR.
FRESH_DAYS, FADE_DAYS, FADE_FLOOR = 30, 730, 0.6


@dataclass(frozen=True, slots=True)
class ArticleCounts:
    """What one article brings to story grouping, counted from that article alone (no corpus
    statistics): its content words, title words and names with their counts, in the order first
    seen, the keys of the actors of its events and quotes, and how it last wrote each name."""

    doc_id: str
    published: str | None  # the day, YYYY-MM-DD
    fallback_label: str  # the story's label when its names give none
    words: tuple[tuple[str, int], ...]
    names: tuple[tuple[str, int], ...]  # lowercased
    title: tuple[tuple[str, int], ...]
    originals: tuple[tuple[str, str], ...]  # lowercased name -> as last written
    actors: frozenset[str] = frozenset()


def text_counts(document: Document) -> ArticleCounts:
    """The counts of an article's title and text (no actors)."""
    text = f"{document.title or ''}\n{document.text}"
    found = names(text)
    return ArticleCounts(
        doc_id=document.id,
        published=dates.day_value(document.published),
        fallback_label=document.title or document.text[:60],
        words=tuple(Counter(content_words(text)).items()),
        names=tuple(Counter(n.lower() for n in found).items()),
        title=tuple(Counter(content_words(document.title or "")).items()),
        originals=tuple({n.lower(): n for n in found}.items()),
    )


def event_actors(event: Event) -> frozenset[str]:
    """The actor keys an event gives its article (no country keys: too broad to tie stories)."""
    keys = actor_keys([*event.source, *event.target])
    return frozenset(k for k in keys if not k.startswith("country"))


def quote_actors(quote: Quote) -> frozenset[str]:
    """The actor keys a quote gives its article: its speaker's entity and name."""
    keys = set()
    if quote.speaker_entity_id:
        keys.add(f"id:{quote.speaker_entity_id}")
    if quote.speaker:
        keys.add(f"name:{quote.speaker.lower()}")
    return frozenset(keys)


def article_counts(
    document: Document, events: Iterable[Event] = (), quotes: Iterable[Quote] = ()
) -> ArticleCounts:
    """Everything story grouping counts in one article: :func:`text_counts` and the actors of
    the article's events and quotes."""
    actors: set[str] = set()
    for e in events:
        actors |= event_actors(e)
    for q in quotes:
        actors |= quote_actors(q)
    return replace(text_counts(document), actors=frozenset(actors))


def document_frequencies(counts: Iterable[ArticleCounts]) -> tuple[Counter[str], Counter[str], int]:
    """How many articles hold each content word and each name, and how many articles there are."""
    word_df: Counter[str] = Counter()
    name_df: Counter[str] = Counter()
    n = 0
    for c in counts:
        word_df.update(w for w, _ in c.words)
        name_df.update(w for w, _ in c.names)
        n += 1
    return word_df, name_df, n


@dataclass(slots=True)
class StoryFeatures:
    """An article as the story assignment sees it: weighted vectors, actors, story events."""

    doc_id: str
    published: str | None
    fallback_label: str
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
        names = sorted(self.names.items(), key=lambda kv: (-kv[1], kv[0]))[:KEY_NAMES]
        yield from (f"n:{n}" for n, _ in names)
        yield from (f"a:{a}" for a in self.actors)
        yield from (f"e:{e}" for e in self.story_events)
        top = sorted(self.words.items(), key=lambda kv: (-kv[1], kv[0]))[:KEY_WORDS]
        yield from (f"w:{w}" for w, _ in top)
        yield from (f"w:{w}" for w in self.title)


def article_features(
    counts: ArticleCounts,
    word_df: Mapping[str, int],
    name_df: Mapping[str, int],
    n_docs: int,
    story_events: Iterable[str] = (),
) -> StoryFeatures:
    """An article's features from its counts and the corpus document frequencies (``word_df``
    and ``name_df`` need hold only the article's own words and names); ``story_events`` are the
    ids of the story events (reported by two articles or more) it reports."""
    name_counts = Counter(dict(counts.names))
    f = StoryFeatures(
        doc_id=counts.doc_id,
        published=counts.published,
        fallback_label=counts.fallback_label,
        words=tfidf(Counter(dict(counts.words)), word_df, n_docs),
        names=tfidf(name_counts, name_df, n_docs),
        title=tfidf(Counter(dict(counts.title)), word_df, n_docs),
        top_names=tuple(
            n for n, _ in sorted(name_counts.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_NAMES]
        ),
        actors=counts.actors,
        story_events=frozenset(story_events),
    )
    f.norms = (_norm(f.words), _norm(f.names), _norm(f.title))
    return f


@dataclass(slots=True)
class StoryGroup:
    """A story being built: its articles' features and their sums."""

    id: str
    members: list[StoryFeatures] = field(default_factory=list)
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

    def add(self, f: StoryFeatures) -> None:
        self.members.append(f)
        self.words.update(f.words)
        self.names.update(f.names)
        self.title.update(f.title)
        self.name_tf.update(f.top_names)
        self.actors |= f.actors
        self.story_events |= f.story_events
        self._norms = self._top = None
        day = f.published
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


def _fade(gap: int | None) -> float:
    if gap is None or gap <= FRESH_DAYS:
        return 1.0
    return max(FADE_FLOOR, 1.0 - (gap - FRESH_DAYS) / FADE_DAYS)


def similarity(f: StoryFeatures, group: StoryGroup) -> float:
    """How well an article fits a story, 0..~1.3."""
    words_norm, names_norm, title_norm = group.norms
    score = W_WORDS * _cosine(f.words, f.norms[0], group.words, words_norm)
    score += W_NAMES * _cosine(f.names, f.norms[1], group.names, names_norm)
    score += W_ACTORS * jaccard(f.actors, group.actors)
    score += W_TITLE * _cosine(f.title, f.norms[2], group.title, title_norm)
    if f.story_events & group.story_events:
        score += W_SHARED_EVENT
    # The same protagonists: most of the article's main names are main names of the story.
    if _protagonists(f, group.top):
        score += W_PROTAGONISTS
    return score * _fade(dates.gap_days(f.published, group.latest))


def story_id(first_doc_id: str) -> str:
    """The id of the story an article starts."""
    return "T" + hashlib.sha1(first_doc_id.encode("utf-8")).hexdigest()[:15]


def article_keys(f: StoryFeatures) -> frozenset[str]:
    """The blocking keys of an article (``storyline.story.blocking``): each of its ``keys()``
    within the month-long bucket of its publication and the one next to it; its names and story
    events also within its year and the one next to it (a story may pause for months; the
    year-long blocks of a common name exceed ``BLOCK_LIMIT`` in a large archive and are left out,
    those of a rare one stay)."""
    own = set(f.keys())
    day = dates.parse(f.published)
    if day is None:
        return frozenset(f"undated|{k}" for k in own)
    ordinal = day.start.toordinal()
    keys = {f"m{b}|{k}" for b in _near(ordinal, BUCKET_DAYS) for k in own}
    lasting = [k for k in own if k.startswith(("n:", "e:"))]
    keys.update(f"y{b}|{k}" for b in _near(ordinal, YEAR_DAYS) for k in lasting)
    return frozenset(keys)


def _near(ordinal: int, width: int) -> tuple[int, int]:
    """The bucket of a day and the one next to it on the side of the half it falls in: two days
    closer than ``width`` share one of them."""
    bucket = ordinal // width
    return bucket, bucket + (1 if ordinal % width >= width // 2 else -1)


def pair_similarity(a: StoryFeatures, b: StoryFeatures) -> float:
    """How well two articles fit each other: the lesser of ``similarity`` of each to a story of
    the other alone (the parts are symmetric but for the protagonists, which must hold both
    ways), computed once."""
    score = W_WORDS * _cosine_pair(a.words, a.norms[0], b.words, b.norms[0])
    score += W_NAMES * _cosine_pair(a.names, a.norms[1], b.names, b.norms[1])
    score += W_ACTORS * jaccard(a.actors, b.actors)
    score += W_TITLE * _cosine_pair(a.title, a.norms[2], b.title, b.norms[2])
    if a.story_events & b.story_events:
        score += W_SHARED_EVENT
    if _protagonists(a, frozenset(b.top_names)) and _protagonists(b, frozenset(a.top_names)):
        score += W_PROTAGONISTS
    return score * _fade(dates.gap_days(a.published, b.published))


def _cosine_pair(
    a: Mapping[str, float], a_norm: float, b: Mapping[str, float], b_norm: float
) -> float:
    """``_cosine``, the loop over the smaller vector."""
    return _cosine(a, a_norm, b, b_norm) if len(a) <= len(b) else _cosine(b, b_norm, a, a_norm)


def _protagonists(f: StoryFeatures, top: frozenset[str]) -> bool:
    """Most of the article's main names are among ``top`` (a story's main names)."""
    return bool(f.top_names) and len(set(f.top_names) & top) * 3 >= 2 * len(f.top_names)


def articles_linked(a: StoryFeatures, b: StoryFeatures) -> bool:
    """Whether two articles are linked: ``pair_similarity`` at least ``PAIR_THRESHOLD``."""
    return pair_similarity(a, b) >= PAIR_THRESHOLD


def assign_stories(features: Iterable[StoryFeatures]) -> list[StoryGroup]:
    """The stories, in the order they start. Articles are linked when similar enough both ways
    (``articles_linked``), compared only when they share a blocking key (``article_keys``); within
    each connected component of the links (``assign_component``) the articles are taken in
    published order, each joining the story of the component it is most similar to or starting
    one — the components bound the work, the assignment keeps a chain of links from making one
    story of many. The Spark runner computes the same links block by block, the same components
    by joins, and assigns each component in a task of its own."""
    by_id = {f.doc_id: f for f in features}
    keys = {i: article_keys(f) for i, f in by_id.items()}
    pairs = pairs_of(keys, lambda a, b: articles_linked(by_id[a], by_id[b]))
    groups = [
        g
        for component in components(by_id, pairs)
        for g in assign_component(by_id[i] for i in component)
    ]
    return sorted(groups, key=lambda g: published_key(g.members[0].published, g.members[0].doc_id))


def assign_component(features: Iterable[StoryFeatures]) -> list[StoryGroup]:
    """The stories of one component of linked articles (or of any set of articles), in the order
    they start: in published order, each article joins the story it is most similar to
    (at least ``JOIN_THRESHOLD``), or starts a new one."""
    ordered = sorted(features, key=lambda f: published_key(f.published, f.doc_id))
    groups: list[StoryGroup] = []
    # Which stories hold each key (name, actor, story event, distinctive word): an article is
    # scored only against the stories it shares a key with. Ties go to the oldest story.
    holders: dict[str, set[int]] = defaultdict(set)
    for f in ordered:
        best, best_score = None, JOIN_THRESHOLD
        keys = set(f.keys())
        for i in sorted({i for k in keys for i in holders.get(k, ())}):
            score = similarity(f, groups[i])
            if score >= best_score and (best is None or score > best_score):
                best, best_score = i, score
        if best is None:
            best = len(groups)
            groups.append(StoryGroup(story_id(f.doc_id)))
        for k in keys:
            holders[k].add(best)
        groups[best].add(f)
    return groups


def label_names(group: StoryGroup) -> list[str]:
    """The (lowercased) names that weigh most across the story's articles: its label."""
    return [n for n, _ in sorted(group.names.items(), key=lambda kv: (-kv[1], kv[0]))[:3]]


def story_of(doc_ids: Sequence[str], story_of_doc: Mapping[str, str]) -> str | None:
    """The story of a story event reported by ``doc_ids``: the one most of them belong to, on a
    tie the one of the earliest listed."""
    order = [story_of_doc[d] for d in doc_ids if d in story_of_doc]
    if not order:
        return None
    counts = Counter(order)
    return max(counts, key=lambda g: (counts[g], -order.index(g)))


def span_date(story_event: StoryEvent) -> str | None:
    """The date a story event adds to its story's span: one the text gave, a month or finer
    (a year says little of the span)."""
    s = story_event
    interval = dates.parse(s.date.value) if s.date and s.date.basis in TEXT_BASES else None
    if interval is not None and interval.days <= 31 and s.date is not None:
        return s.date.value
    return None


def span_ends(values: Iterable[str]) -> tuple[str | None, str | None]:
    """The earliest start and the latest end of date values; on a tie the first given."""
    values = list(values)
    if not values:
        return None, None
    return min(values, key=dates.sort_key), max(values, key=_end_key)


def story_record(group: StoryGroup, originals: Mapping[str, str], dated: Iterable[str]) -> Story:
    """The story of a group: its label written as in the articles (``originals`` maps a
    lowercased name to how it was written), its span over the articles' days and the dates of
    its story events (``dated``: their :func:`span_date` values, or just the first earliest and
    the first latest of those)."""
    return story_from(
        group.id,
        label_names(group),
        group.members[0].fallback_label,
        [m.published for m in group.members],
        [m.doc_id for m in group.members],
        originals,
        dated,
    )


def story_from(
    story_id: str,
    top: Sequence[str],
    fallback_label: str,
    days: Iterable[str | None],
    doc_ids: Sequence[str],
    originals: Mapping[str, str],
    dated: Iterable[str],
) -> Story:
    """A story from its parts: the names of its label (``label_names``), its first article's
    fallback label, its articles' days and ids, and as ``story_record`` says."""
    label = ", ".join(originals.get(n, n) for n in top) if top else fallback_label
    start, end = span_ends([*(v for v in days if v), *dated])
    return Story(id=story_id, label=label, start=start, end=end, doc_ids=list(doc_ids))


def _end_key(value: str) -> tuple[date, int]:
    interval = dates.parse(value)
    return (interval.end, -interval.days) if interval else (date.min, 0)


def published_key(published_day: str | None, doc_id: str) -> tuple[str, str]:
    """The order articles are assigned in: by published day (undated last), then id."""
    return (published_day or "9999", doc_id)


def group_stories(
    documents: Iterable[Document],
    events: Iterable[Event],
    story_events: Iterable[StoryEvent],
    quotes: Iterable[Quote] = (),
) -> tuple[list[Story], list[StoryEvent]]:
    """Stories over the documents, and the story events with their ``story_id`` set."""
    docs = {d.id: d for d in documents}
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

    counts = [
        article_counts(d, events_by_doc.get(d.id, ()), quotes_by_doc.get(d.id, ()))
        for d in docs.values()
    ]
    counts.sort(key=lambda c: published_key(c.published, c.doc_id))
    word_df, name_df, n = document_frequencies(counts)
    groups = assign_stories(
        article_features(c, word_df, name_df, n, se_by_doc.get(c.doc_id, ())) for c in counts
    )
    originals: dict[str, str] = {}
    for c in counts:  # the latest article's writing of a name wins
        originals.update(c.originals)

    story_of_doc = {m.doc_id: g.id for g in groups for m in g.members}
    stamped = []
    dated: dict[str, list[str]] = defaultdict(list)
    for s in story_events:
        sid = story_of(s.doc_ids, story_of_doc)
        value = span_date(s) if sid else None
        if sid and value:
            dated[sid].append(value)
        stamped.append(replace(s, story_id=sid))
    stories = [story_record(g, originals, dated[g.id]) for g in groups]
    return stories, stamped

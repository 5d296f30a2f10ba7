"""Timelines: dated, extractive, cited entries for a story, an actor, a query or a date range.

Reads: StoryEvents, their Event mentions, Documents and (optionally) Quotes. Writes: TimelineEntry
records (``export.timeline`` renders them as text, Markdown, CSV, JSONL or TimelineJS).

Each entry is one date at its own granularity (day, week, month, ...): the story events and
dated quotes of that date, a one- or two-sentence text copied from the sources (the clearest
sentence, never a paraphrase), and citations to every article and sentence behind it, the
sentences of the text first. A quote's sentence that does not name its speaker ("..., he said.")
is headed by the speaker's name ("Hun Sen: ..."). Story events the text does not date (their date
fell back to the article's) are left out: they are noise on a timeline.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field

from storyline.records import (
    TEXT_BASES,
    Citation,
    Document,
    Event,
    Granularity,
    Quote,
    Span,
    Story,
    StoryEvent,
    TimelineEntry,
)
from storyline.story import dates
from storyline.story.wording import content_words, jaccard

#: A sentence longer than this reads badly as a timeline line.
LONG_SENTENCE = 320
HEADLINE_WORDS = 14
# A sentence ends at . ! ? (and a closing quote) followed by blanks, or at a line break.
_SENT_END = re.compile(r"[.!?][\"”’)\]]*\s+|\n+")
_ABBREVIATION = re.compile(
    r"(?:^|[\s(\"“])(?:[A-Z]\.)+$|^(?:[A-Z]\.)+$|^(?:Mr|Mrs|Ms|Dr|St|Gen|Lt|Col|Sen|Rep|Gov|Jr|Sr|No|vs|etc|Inc|Corp|Ltd)\.$"
)
_PRONOUN_START = re.compile(r"^[\"“]?(He|She|It|They|This|That|These|Those|His|Her|Their)\b")


@dataclass(slots=True)
class _Candidate:
    """A sentence that could carry an entry, and what it reports."""

    doc_id: str
    sentence: Span
    date: str  # TIMEX3 value
    story_event_id: str | None
    own_date: bool  # the mention itself was dated by the text as the entry's date
    quote: bool = False
    speaker: str | None = None  # a quote's speaker: two speakers of one date say two things
    speaker_name: str | None = None  # the speaker's name, shown when the sentence lacks it


@dataclass(slots=True)
class _Bucket:
    date: str
    candidates: list[_Candidate] = field(default_factory=list)
    story_event_ids: list[str] = field(default_factory=list)


def _is_boundary(text: str, m: re.Match[str]) -> bool:
    if m.group().startswith("\n"):
        return True
    # No break after an initial or a short abbreviation ("U.N. resolution", "Mr. Hun").
    if _ABBREVIATION.search(_word_ending_at(text, m.start() + 1)):
        return False
    following = text[m.end() : m.end() + 1]
    return not following.islower()


def _word_ending_at(text: str, end: int) -> str:
    """The word (no whitespace) of ``text`` ending at ``end``, read back from there: not a copy of
    the text before it, which made long articles quadratic."""
    start = end
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    return text[start:end]


def sentence_around(text: str, start: int, end: int) -> Span:
    """The sentence(s) of ``text`` holding ``[start, end)``, as a Span."""
    s = 0
    for m in _SENT_END.finditer(text, 0, start):
        if _is_boundary(text, m):
            s = m.end()
    e = len(text)
    for m in _SENT_END.finditer(text, max(end - 1, s)):
        if _is_boundary(text, m):
            e = m.start() if m.group().startswith("\n") else m.start() + 1
            break
    # Keep a closing quote mark that belongs to the sentence.
    while e < len(text) and text[e] in '"”’)]':
        e += 1
    return Span(s, e, text[s:e])


def quote_sentence(q: Quote, text: str) -> Span:
    """The sentence(s) of a quote, from its content through its cue ("..., he said.").

    A quote of several sentences is cut to the one holding the cue (who said it, and often when),
    or to its first sentence.
    """
    end = max(q.end, q.cue.end if q.cue and q.cue.start >= q.start else q.end)
    if q.speaker_end is not None and q.speaker_start is not None and q.speaker_start >= q.end:
        end = max(end, q.speaker_end)
    whole = sentence_around(text, q.start, min(end, q.end + 200))
    if len(whole.text) <= LONG_SENTENCE:
        return whole
    if q.cue is not None and whole.start <= q.cue.start < whole.end:
        return clean_span(text, sentence_around(text, q.cue.start, q.cue.end))
    return clean_span(text, sentence_around(text, q.start, q.start + 1))


def clean_span(text: str, span: Span) -> Span:
    """A sentence span without outer blanks or a stray closing quote from the paragraph before."""
    start, end = span.start, span.end
    while start < end and (
        text[start].isspace() or (text[start] in '"”’' and text[start + 1 : start + 2].isspace())
    ):
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end, text[start:end])


def _actor_matches(actor: str, names: Iterable[str]) -> bool:
    """Whether ``actor`` names one of ``names``, as the whole name or whole words of it."""
    pattern = re.compile(rf"(?<!\w){re.escape(actor.strip().lower())}(?!\w)")
    return any(pattern.search(n.lower()) for n in names if n)


def _has_actor(
    actor: str,
    actor_ids: Collection[str],
    s: StoryEvent,
    entity_names: Mapping[str, str] | None,
) -> bool:
    """Whether a story event has the actor: one of ``actor_ids`` as source or target, or, with no
    ids, an actor named ``actor`` (whole words)."""
    if actor_ids:
        return any(a.entity_id in actor_ids for a in (*s.source, *s.target))
    return _actor_matches(actor, _story_event_names(s, entity_names))


def _speaker_is(
    actor: str, actor_ids: Collection[str], q: Quote, entity_names: Mapping[str, str] | None
) -> bool:
    if actor_ids:
        return q.speaker_entity_id in actor_ids
    return _actor_matches(
        actor, [q.speaker or "", (entity_names or {}).get(q.speaker_entity_id or "", "")]
    )


def _story_event_names(s: StoryEvent, entity_names: Mapping[str, str] | None) -> list[str]:
    out = []
    for a in [*s.source, *s.target]:
        out.append(a.name)
        if a.entity_id and entity_names and a.entity_id in entity_names:
            out.append(entity_names[a.entity_id])
    return out


def _in_range(value: str, start: str | None, end: str | None) -> bool:
    interval = dates.parse(value)
    if interval is None:
        return False
    lo, hi = dates.parse(start), dates.parse(end)
    if lo is not None and interval.end < lo.start:
        return False
    return not (hi is not None and interval.start > hi.end)


def _query_matches(query_words: set[str], texts: Iterable[str]) -> bool:
    if not query_words:
        return True
    words: set[str] = set()
    for t in texts:
        words |= set(content_words(t))
    return len(query_words & words) * 2 >= len(query_words)


def _clarity(c: _Candidate, others: list[_Candidate]) -> float:
    """How well a sentence can stand alone as the entry's text (higher is clearer)."""
    words = set(content_words(c.sentence.text))
    central = sum(jaccard(words, content_words(o.sentence.text)) for o in others if o is not c)
    score = central / max(1, len(others) - 1)
    score += 1.0 if c.own_date else 0.0
    score -= 0.5 if len(c.sentence.text) > LONG_SENTENCE else 0.0
    score -= 0.5 if len(c.sentence.text) < 40 else 0.0
    score -= 0.1 if _PRONOUN_START.match(c.sentence.text) else 0.0
    score -= 0.3 if c.quote or c.sentence.text.lstrip()[:1] in "\"“'‘" else 0.0
    return score


def _headline(text: str) -> str:
    words = text.split()
    if len(words) <= HEADLINE_WORDS:
        return text
    return " ".join(words[:HEADLINE_WORDS]).rstrip(",;:") + " …"


def build_timeline(
    story_events: Iterable[StoryEvent],
    events: Iterable[Event],
    documents: Iterable[Document],
    quotes: Iterable[Quote] = (),
    *,
    story_id: str | None = None,
    actor: str | None = None,
    query: str | None = None,
    start: str | None = None,
    end: str | None = None,
    entity_names: Mapping[str, str] | None = None,
    actor_ids: Collection[str] = (),
    granularity: Granularity | None = None,
    max_entries: int | None = None,
) -> list[TimelineEntry]:
    """Dated timeline entries, oldest first, for the story events and quotes that pass the filters.

    ``story_id`` keeps one story; ``actor`` keeps story events with that actor (name or canonical
    name via ``entity_names``, entity id -> name) and quotes by that speaker — or, when
    ``actor_ids`` are given (the entities the actor names), only those whose actor or speaker is
    one of these entities ("Cambodia" is then not the Cambodia National Rescue Party); ``query`` keeps those
    whose sentences hold at least half its content words; ``start``/``end`` (TIMEX3 values or ISO
    dates) keep dates overlapping the range. ``granularity`` coarsens finer dates (e.g. "month");
    ``max_entries`` keeps the entries most sources mention.
    """
    docs = {d.id: d for d in documents}
    by_id = {e.id: e for e in events}
    query_words = set(content_words(query)) if query else set()
    buckets: dict[str, _Bucket] = {}

    def bucket(value: str) -> _Bucket:
        if granularity is not None:
            value = dates.truncate(value, granularity)
        return buckets.setdefault(value, _Bucket(value))

    story_docs: set[str] = set()
    for s in story_events:
        if story_id is not None and s.story_id != story_id:
            continue
        story_docs |= set(s.doc_ids)
        if s.date is None or s.date.basis not in TEXT_BASES or dates.parse(s.date.value) is None:
            continue  # undated: the date is only the article's
        if not _in_range(s.date.value, start, end):
            continue
        if actor and not _has_actor(actor, actor_ids, s, entity_names):
            continue
        mentions = [by_id[m] for m in s.mention_ids if m in by_id]
        if not mentions or not _query_matches(query_words, (m.sentence.text for m in mentions)):
            continue
        b = bucket(s.date.value)
        b.story_event_ids.append(s.id)
        for m in mentions:
            own = m.date is not None and m.date.basis == "text" and m.date.value == s.date.value
            sentence = (
                clean_span(docs[m.doc_id].text, m.sentence) if m.doc_id in docs else m.sentence
            )
            b.candidates.append(_Candidate(m.doc_id, sentence, b.date, s.id, own))

    for q in quotes:
        if q.date is None or q.date_basis != "text" or dates.parse(q.date) is None:
            continue
        if q.speaker is None or q.doc_id not in docs:
            continue
        if story_id is not None and q.doc_id not in story_docs:
            continue
        if actor and not _speaker_is(actor, actor_ids, q, entity_names):
            continue
        if not _in_range(q.date, start, end):
            continue
        sent = quote_sentence(q, docs[q.doc_id].text)
        if not _query_matches(query_words, [sent.text]):
            continue
        bucket(q.date).candidates.append(
            _Candidate(
                q.doc_id,
                sent,
                q.date,
                None,
                True,
                True,
                q.speaker_entity_id or q.speaker,
                (entity_names or {}).get(q.speaker_entity_id or "") or q.speaker,
            )
        )

    entries = []
    used: set[tuple[str, int]] = set()  # sentences already shown, finest dates first
    for b in sorted(buckets.values(), key=lambda b: (_width(b.date), b.date)):
        if b.candidates and not _covers_finer(b.date, buckets):
            entry = _entry(b, story_id, docs, used)
            if entry is not None:
                entries.append(entry)
    if max_entries is not None and len(entries) > max_entries:
        # Keep the dates most sources mention (then most citations, then earliest).
        ranked = sorted(
            entries,
            key=lambda e: (
                -len({c.doc_id for c in e.citations}),
                -len(e.citations),
                dates.sort_key(e.date),
            ),
        )
        keep = {id(e) for e in ranked[:max_entries]}
        entries = [e for e in entries if id(e) in keep]
    return sorted(entries, key=lambda e: (dates.sort_key(e.date), e.headline))


def story_timelines(
    stories: Iterable[Story],
    story_events: Iterable[StoryEvent],
    events: Iterable[Event],
    documents: Iterable[Document],
    quotes: Iterable[Quote] = (),
) -> list[TimelineEntry]:
    """The timeline of every story, in the stories' order: :func:`build_timeline` with
    ``story_id`` set, each call given only its story's records (its story events, their
    mentions, their articles and those articles' quotes), so the work grows with the records,
    not with stories x records. The entries are the same as one ``build_timeline`` call per
    story over all the records."""
    se_by_story: dict[str, list[StoryEvent]] = defaultdict(list)
    for s in story_events:
        if s.story_id is not None:
            se_by_story[s.story_id].append(s)
    event_by_id = {e.id: e for e in events}
    doc_by_id = {d.id: d for d in documents}
    quotes_by_doc: dict[str, list[tuple[int, Quote]]] = defaultdict(list)
    for n, q in enumerate(quotes):
        quotes_by_doc[q.doc_id].append((n, q))
    entries: list[TimelineEntry] = []
    for story in stories:
        own = se_by_story.get(story.id, [])
        mentions = [event_by_id[m] for s in own for m in s.mention_ids if m in event_by_id]
        doc_ids = {d for s in own for d in s.doc_ids} | {e.doc_id for e in mentions}
        story_docs = [doc_by_id[d] for d in sorted(doc_ids) if d in doc_by_id]
        # In the order given: the same order build_timeline would see them in.
        story_quotes = [q for _, q in sorted(p for d in doc_ids for p in quotes_by_doc.get(d, ()))]
        entries += build_timeline(own, mentions, story_docs, story_quotes, story_id=story.id)
    return entries


def _width(value: str) -> int:
    interval = dates.parse(value)
    return interval.days if interval else 1 << 30


def _covers_finer(value: str, buckets: Mapping[str, _Bucket]) -> bool:
    """Whether a quarter or year date holds finer dates of the timeline (then it adds nothing)."""
    if dates.granularity(value) not in ("quarter", "year"):
        return False
    return any(
        other != value
        and b.candidates
        and _width(other) < _width(value)
        and dates.contains(value, other)
        for other, b in buckets.items()
    )


def _entry(
    b: _Bucket, story_id: str | None, docs: Mapping[str, Document], used: set[tuple[str, int]]
) -> TimelineEntry | None:
    """The entry of one date; its text avoids sentences a finer date already shows."""
    # One candidate per distinct sentence; ordered by article date, article, offset.
    unique: dict[tuple[str, int, int], _Candidate] = {}
    for c in b.candidates:
        key = (c.doc_id, c.sentence.start, c.sentence.end)
        if key not in unique or (c.own_date and not unique[key].own_date):
            unique[key] = c
    cands = sorted(
        unique.values(),
        key=lambda c: (
            (docs[c.doc_id].published or "") if c.doc_id in docs else "",
            c.doc_id,
            c.sentence.start,
        ),
    )
    ranked = [
        c
        for c in sorted(cands, key=lambda c: -_clarity(c, cands))
        if (c.doc_id, c.sentence.start) not in used
    ]
    if not ranked:
        return None  # every sentence of this date is the text of a finer date's entry
    chosen = [ranked[0]]
    # A second sentence when another story event, quote or speaker of the date says something else.
    for c in ranked[1:]:
        first = chosen[0]
        other = (
            c.story_event_id != first.story_event_id
            or c.quote != first.quote
            or c.speaker != first.speaker
        )
        if (
            other
            and jaccard(content_words(c.sentence.text), content_words(first.sentence.text)) < 0.3
        ):
            chosen.append(c)
            break
    if len(chosen) == 2 and chosen[0].doc_id == chosen[1].doc_id:
        chosen.sort(key=lambda c: c.sentence.start)  # read in the article's order
    used.update((c.doc_id, c.sentence.start) for c in chosen)
    pieces = [_attributed(c) for c in chosen]
    gran = dates.granularity(b.date) or "day"
    # The sentences of the text are cited first, in the text's order; then the other sources.
    cited = chosen + [c for c in cands if all(c is not x for x in chosen)]
    return TimelineEntry(
        story_id=story_id,
        date=b.date,
        granularity=gran,
        headline=_headline(pieces[0]),
        text=" ".join(pieces),
        story_event_ids=list(dict.fromkeys(b.story_event_ids)),
        citations=[Citation(c.doc_id, c.sentence.start, c.sentence.end) for c in cited],
    )


def _attributed(c: _Candidate) -> str:
    """A candidate's sentence as the entry shows it: a quote whose sentence does not name its
    speaker ("..., he said.") is headed by the speaker's name."""
    text = c.sentence.text.strip()
    if not c.quote or not c.speaker_name or _names_in(c.speaker_name, text):
        return text
    return f"{c.speaker_name}: {text}"


def _names_in(name: str, text: str) -> bool:
    """Whether ``text`` holds a word of ``name`` (a surname is enough: "Sen said")."""
    words = [w for w in re.findall(r"\w+", name) if len(w) > 2 and w[:1].isupper()]
    return any(re.search(rf"(?<!\w){re.escape(w)}(?!\w)", text) for w in words)

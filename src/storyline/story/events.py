"""Story events: event mentions that report the same real-world event, merged across reports.

Reads: Event records (mentions, one per sentence that reports an event) and their Documents.
Writes: StoryEvent records, each keeping every mention (GDELT's Mentions model): ``mention_ids`` and
the ``doc_ids`` they come from. Every event mention lands in exactly one story event.

Two mentions are one event when nothing rules it out and enough speaks for it:

- ruled out by a different PLOVER family (verbal/material cooperation/conflict), a different
  modality class (planned, negated and hypothetical are not what was done), incompatible dates
  (intervals of the TIMEX3 values do not overlap; a mention dated only by its article's date must be
  reported within a month after a text date), named sources or targets that share no actor (a group
  of states, "181 countries", may hold any state: it rules none out, but is no shared actor; an
  unnamed side, "the militants", rules nothing out), or places that differ;
- spoken for by the same type, shared source and target, a text date both agree on, a shared trigger
  word ("co-sponsoring" / "co-sponsor") and shared wording; a shared trigger word between the same
  two parties (a call lists both as sources) or with the same target needs less shared wording,
  but a trigger that only tells the type ("attack", "reject") lowers nothing. A material act of
  the same type by the same named source on the same day the texts give needs no shared wording
  ("Militants attacked a train Tuesday", "Tuesday's attack by the BLA"), nor does "the attack"
  a report leaves undated when another dates the same source's act to a day (an act told with
  no doer as done in it, "five soldiers were also killed in the attack", is part of it whatever
  its target); undated reports in articles of different days need the same words retold
  (Monday's statement is not Thursday's),
  and two statements whose content after the verb shares nothing are two ("urging it to stop the
  shipments" is not "calling on it to prevent a deterioration in Bosnia").

Clustering is greedy in a deterministic order (article date, article, offset) with complete-link
compatibility (the type family is checked against the member a mention matches best), so a month-level "In March" can join "Wednesday" (2022-03-02) without chaining two
different March days together.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from storyline.records import (
    PLOVER_FAMILIES,
    TEXT_BASES,
    Actor,
    Document,
    Event,
    EventDate,
    Place,
    StoryEvent,
)
from storyline.story import dates
from storyline.story.blocking import MAX_BUCKETS, components, day_buckets, pairs_of
from storyline.story.wording import content_words, stem

#: PLOVER types grouped by the quad class they belong to (verbal/material cooperation/conflict).
FAMILIES: dict[str, str] = PLOVER_FAMILIES
#: Modalities that report the same kind of happening; planned, negated and hypothetical stand apart.
MODALITY_CLASS: dict[str, str] = {
    "asserted": "done",
    "reported": "done",
    "planned": "planned",
    "negated": "negated",
    "hypothetical": "hypothetical",
}
#: Sectors that act for the state itself (None: the country named as a whole).
STATE_SECTORS = frozenset({None, "GOV", "MIL", "LEG", "JUD", "IGO"})
#: The key of a group of states with no single country ("181 countries", "most ASEAN nations"):
#: the events stage codes one as an actor with no entity, no country and sector GOV. It may hold
#: any state, so it rules out no state actor, but it is no shared actor either.
STATES_GROUP = "group:states"
#: A mention dated only by its article may report an event at most this many days old.
REPORT_LAG_DAYS = 31
#: Two mentions both dated only by their articles must be published this close together.
SAME_CYCLE_DAYS = 7
#: The score (see ``_score``) a mention needs to join a story event.
MERGE_THRESHOLD = 2.3
#: Two mentions in different sentences must share this much wording (Jaccard of the content words
#: other than the actors' names), or a trigger word and MIN_WORDING_TRIGGER (with a shared target:
#: MIN_WORDING_TRIGGER_TARGET).
MIN_WORDING, MIN_WORDING_TRIGGER, MIN_WORDING_TRIGGER_TARGET = 0.1, 0.08, 0.05
#: Verbs that tell no more than their type: two reports sharing one ("attacked", "rejected")
#: share the type, not yet the act, so it lowers no wording needed (and between statements it
#: is no shared wording at all).
_GENERIC_VERBS = """attack kill assault fight reject deny accuse blame condemn criticize urge
    demand warn threaten support welcome agree back meet talk"""


def _inflections(verb: str) -> tuple[str, ...]:
    stem_e = verb[:-1] if verb.endswith("e") else verb
    past = verb[:-1] + "ied" if verb.endswith("y") else stem_e + "ed"
    third = verb[:-1] + "ies" if verb.endswith("y") else verb + "s"
    return (verb, third, past, stem_e + "ing")


#: The stems (``wording.stem``) of every form of ``_GENERIC_VERBS``.
GENERIC_TRIGGERS = frozenset(
    stem(form) for verb in _GENERIC_VERBS.split() for form in _inflections(verb)
)
#: The shared wording two undated reports in articles of different days need.
MIN_WORDING_RETOLD = 0.3
#: Words that make an event noun a known one: "the attack", "this attack", "its offensive".
DEFINITE_WORDS = frozenset({"the", "this", "that", "its", "their"})
#: After an act with no source, the known event it is told as part of: "killed in the attack",
#: "wounded during the raid".
PART_OF_KNOWN = re.compile(
    r"^\W*\w*\W*(?:in|during)\s+(?:the|this|that)\s+(?:\w+\s+)?"
    r"(?:attack|assault|raid|bombing|blast|strike|ambush|siege|hijacking|fighting|clash)",
    re.IGNORECASE,
)


@dataclass(slots=True)
class _Mention:
    event: Event
    family: str
    modality: str
    sources: frozenset[str]
    targets: frozenset[str]
    source_ids: frozenset[str]  # of the named sources only (see ``identified``)
    target_ids: frozenset[str]
    source_words: frozenset[str]  # the words the sentence names them with
    target_words: frozenset[str]
    text_date: str | None  # a TIMEX3 value fixed by the text
    published: str | None  # the article's day, YYYY-MM-DD
    words: frozenset[str]
    trigger: frozenset[str]
    place: frozenset[str]
    text_interval: dates.DateInterval | None = None  # of text_date
    published_day: date | None = None  # of published
    content: frozenset[str] = frozenset()  # its words after the trigger (see _told_apart)
    definite: bool = False  # a noun told as known: "the attack" (see _definite_retelling)


@dataclass(slots=True)
class _Cluster:
    members: list[_Mention] = field(default_factory=list)


def actor_keys(actors: Iterable[Actor]) -> frozenset[str]:
    """Keys an actor list can match on: entity ids, lowercased names and country codes."""
    keys: set[str] = set()
    for actor in actors:
        if actor.entity_id:
            keys.add(f"id:{actor.entity_id}")
        if actor.name:
            keys.add(f"name:{actor.name.lower()}")
        if actor.country:
            # The state and its government are one actor; its opposition, press or rebels are not.
            side = "state" if actor.sector in STATE_SECTORS else actor.sector
            keys.add(f"country:{actor.country}:{side}")
        elif actor.entity_id is None and actor.sector == "GOV":
            keys.add(STATES_GROUP)
    return frozenset(keys)


def actors_meet(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two actor key sets can name the same actor: a shared key, or a group of states
    ("181 countries voted") on one side and a state, or another group, on the other."""
    if a & b:
        return True
    return (STATES_GROUP in a and _has_state(b)) or (STATES_GROUP in b and _has_state(a))


def identified(keys: frozenset[str]) -> frozenset[str]:
    """The keys of actors known beyond their wording: entities, countries, groups of states.

    An actor with none ("the militants", "the attackers", "top diplomats") is unnamed: another
    report may name it, so it rules no actor out; its wording still counts as a shared actor
    when two reports use the same one ("a female suicide bomber")."""
    return frozenset(k for k in keys if not k.startswith("name:"))


def _has_state(keys: frozenset[str]) -> bool:
    return any(
        k == STATES_GROUP or (k.startswith("country:") and k.endswith(":state")) for k in keys
    )


def _mention(event: Event, published: str | None) -> _Mention:
    text_date = event.date.value if event.date and event.date.basis in TEXT_BASES else None
    if text_date is not None and dates.parse(text_date) is None:
        text_date = None  # PAST_REF, FUTURE_REF, durations: no calendar interval to compare
    place: frozenset[str] = frozenset()
    if event.location is not None:
        place = frozenset(k for k in (event.location.name.lower(), event.location.country) if k)
    words = _action_words(event)
    return _Mention(
        event=event,
        family=FAMILIES.get(event.type, event.type),
        modality=MODALITY_CLASS.get(event.modality, event.modality),
        sources=actor_keys(event.source),
        targets=actor_keys(event.target),
        source_ids=identified(actor_keys(event.source)),
        target_ids=identified(actor_keys(event.target)),
        source_words=_surface_words(event, event.source),
        target_words=_surface_words(event, event.target),
        text_date=text_date,
        published=dates.day_value(published),
        words=words,
        trigger=frozenset(content_words(event.trigger.text)),
        place=place,
        text_interval=dates.parse(text_date),
        published_day=_days(dates.day_value(published)),
        content=_content_after(event) & words,
        definite=_definite(event),
    )


def _action_words(event: Event) -> frozenset[str]:
    """The sentence's content words other than its actors' names and the words naming them
    there ("BLA" for the Baloch Liberation Army): what happened, to what. An unnamed target's
    words stay ("attacked a passenger train": the train is what was attacked)."""
    named = [*event.source, *(a for a in event.target if a.entity_id)]
    names = {w for a in named for w in content_words(a.name)}
    names |= _surface_words(event, named)
    return frozenset(w for w in content_words(event.sentence.text) if w not in names)


def _surface_words(event: Event, actors: Iterable[Actor]) -> frozenset[str]:
    """The content words the sentence names the actors with ("militants", "the military")."""
    s = event.sentence
    return frozenset(
        w
        for a in actors
        if s.start <= a.start < a.end <= s.end
        for w in content_words(s.text[a.start - s.start : a.end - s.start])
    )


def _days(value: str | None) -> date | None:
    interval = dates.parse(value)
    return interval.start if interval else None


def _dates_compatible(a: _Mention, b: _Mention) -> bool:
    ia, ib = a.text_interval, b.text_interval
    if ia is not None and ib is not None:
        return ia.start <= ib.end and ib.start <= ia.end
    if ia is not None or ib is not None:
        interval, reported = (ia, b.published_day) if ia is not None else (ib, a.published_day)
        if interval is None or reported is None:
            return True
        return interval.start <= reported and (reported - interval.end).days <= REPORT_LAG_DAYS
    pa, pb = a.published_day, b.published_day
    if pa is None or pb is None:
        return True
    return abs((pa - pb).days) <= SAME_CYCLE_DAYS


def _compatible(a: _Mention, b: _Mention) -> bool:
    if a.modality != b.modality:
        return False
    if a.source_ids and b.source_ids and not actors_meet(a.sources, b.sources):
        return False
    part = _part_of_known(a) or _part_of_known(b)  # its target is one of the known act's
    if a.target_ids and b.target_ids and not actors_meet(a.targets, b.targets) and not part:
        return False
    if a.place and b.place and not a.place & b.place:
        return False
    return _dates_compatible(a, b)


def _score(a: _Mention, b: _Mention) -> float:
    if a.event.sentence == b.event.sentence and a.event.doc_id == b.event.doc_id:
        # The same sentence coded twice (two triggers, or the same trigger twice).
        same_trigger = a.event.trigger.start == b.event.trigger.start
        return 10.0 if same_trigger or a.event.type == b.event.type else 0.0
    return _report_score(a, b)


def _report_score(a: _Mention, b: _Mention) -> float:
    """How much speaks for two reports (in different sentences) telling one event; 0 when
    nothing but the type and the participants does."""
    shared_trigger = bool((a.trigger & b.trigger) - GENERIC_TRIGGERS)
    same_act = shared_trigger and bool(
        a.sources & b.sources or (a.targets & b.targets and actors_meet(a.sources, b.sources))
    )
    if a.family != b.family and not same_act:
        # Coders disagree on the type of one act ("co-sponsor a resolution condemning ..." is
        # SUPPORT or ACCUSE): the same trigger word by the same source (or by a group of states
        # holding it, on the same target) still links them.
        return 0.0
    # One source says many things: a verb of saying ("accused", "rejected") shared by two
    # statements is no shared wording. Two physical acts of a kind ("attacked", "the attack")
    # by one source in a few days are rarer: their verb counts.
    if a.family.startswith("verbal") and _told_apart(a, b):
        return 0.0  # one source's two statements on one day: what they say differs
    generic = GENERIC_TRIGGERS if a.family.startswith("verbal") else frozenset()
    overlap = _jaccard(a.words - generic, b.words - generic)
    needed = _wording_needed(a, b, shared_trigger)
    if _undated_in_articles_of_two_days(a, b):
        needed = max(needed, MIN_WORDING_RETOLD)
    retold = _definite_retelling(a, b)
    if overlap < needed and not (_same_day_same_actor(a, b) or retold):
        return 0.0  # two reports of one event share some of their words
    score = 1.0 if a.event.type == b.event.type else 0.5
    if retold and not a.sources & b.sources:
        score += 1.0  # an act with no doer told as part of the known one: it stands for one
    score += _actor_agreement(a.sources, b.sources, a.source_words & b.source_words)
    score += _actor_agreement(a.targets, b.targets, a.target_words & b.target_words)
    score += _date_agreement(a, b)
    if shared_trigger:
        score += 0.5
    return score + 3.0 * overlap


def _actor_agreement(a: frozenset[str], b: frozenset[str], same_words: frozenset[str]) -> float:
    """1 for a shared actor, or for an unnamed one called by the same words in both reports
    ("Militants attacked", "The militants blew up"). An unnamed side called otherwise ("the
    general", with China in the other report) adds nothing: it only rules nothing out."""
    if a & b:
        return 1.0
    if not a or not b or (identified(a) and identified(b)):
        return 0.0
    return 1.0 if same_words else 0.0


def _wording_needed(a: _Mention, b: _Mention, shared_trigger: bool) -> float:
    """The shared wording two reports need: less for the same act ("phone call") between the
    same two parties (a call or meeting lists both as sources) or on the same named target."""
    if not shared_trigger:
        return MIN_WORDING
    same_pair = a.target_ids & b.target_ids or _shared_parties(a, b) >= 2
    return MIN_WORDING_TRIGGER_TARGET if same_pair else MIN_WORDING_TRIGGER


def _undated_in_articles_of_two_days(a: _Mention, b: _Mention) -> bool:
    """Two acts the texts do not date, in articles of different days: most likely done on
    different days (Monday's statement and Thursday's; Canada's tariffs of Tuesday and its new
    ones of Thursday), so only the same words retold make them one. A report the text dates
    ("Tuesday's attack") is compared by its date instead."""
    return (
        a.text_interval is None and b.text_interval is None and a.published_day != b.published_day
    )


def _same_day_same_actor(a: _Mention, b: _Mention) -> bool:
    """The same type of material act by the same named source on the same day the texts give
    ("Militants attacked a train Tuesday" and "Tuesday's attack by the BLA"): one event whatever
    else the sentences say. A month or a week is too wide to tell two acts apart, and one source
    says many things in a day: statements need their wording."""
    if a.event.type != b.event.type or not a.source_ids & b.source_ids:
        return False
    if not a.family.startswith("material"):
        return False
    ia, ib = a.text_interval, b.text_interval
    return ia is not None and ia == ib and ia.days == 1


def _told_apart(a: _Mention, b: _Mention) -> bool:
    """Two statements whose content (the words after their triggers, other than their actors'
    names) shares nothing: "urging him to work with partners to intercept the shipments" and
    "calling on Rubio to prevent further deterioration in Bosnia" are two requests, whoever
    made them."""
    return bool(a.content) and bool(b.content) and not a.content & b.content


def _content_after(event: Event) -> frozenset[str]:
    """The content words of an event's sentence after its trigger."""
    s, t = event.sentence, event.trigger
    if not s.start <= t.end <= s.end:
        return frozenset()
    return frozenset(content_words(s.text[t.end - s.start :]))


def _definite_retelling(a: _Mention, b: _Mention) -> bool:
    """A material act the text dates to a day, and "the attack" of the same type by the same
    named source that another report does not date ("Militants attacked a train Tuesday"; "the BLA
    claimed responsibility for the attack"): the definite noun retells the dated act. An act told
    without its doer as part of a known one ("Five soldiers were also killed in the attack") may
    be anyone's: it rules no source out."""
    if a.event.type != b.event.type or not a.family.startswith("material"):
        return False
    dated, undated = (a, b) if a.text_interval is not None else (b, a)
    if not (a.source_ids & b.source_ids or (undated.definite and not undated.sources)):
        return False
    interval = dated.text_interval
    return (
        interval is not None
        and interval.days == 1
        and undated.text_interval is None
        and undated.definite
    )


def _part_of_known(m: _Mention) -> bool:
    """An act told without its doer as done in a known one ("Five soldiers were also killed in
    the attack"): those it befell are some of the known act's targets, whoever else it names."""
    return m.definite and not m.sources and m.family.startswith("material")


def _definite(event: Event) -> bool:
    """Whether an event's trigger is a noun told as known: "the attack", "the brazen attack",
    "its offensive"; or an act with no source told as done in a known one ("were killed in the
    attack", :data:`PART_OF_KNOWN`)."""
    s, t = event.sentence, event.trigger
    if not s.start <= t.start <= s.end:
        return False
    if not event.source and PART_OF_KNOWN.search(s.text[t.end - s.start :]):
        return True
    before = s.text[: t.start - s.start].split()[-2:]
    return any(w.lower() in DEFINITE_WORDS for w in before)


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    """``wording.jaccard`` for sets already built (the same value, without copying them)."""
    shared = len(a & b)
    return shared / (len(a) + len(b) - shared) if shared else 0.0


def _shared_parties(a: _Mention, b: _Mention) -> int:
    """How many distinct known entities both mentions name as source or target."""
    ids = {k for k in (a.sources | a.targets) & (b.sources | b.targets) if k.startswith("id:")}
    return len(ids)


def _date_agreement(a: _Mention, b: _Mention) -> float:
    # A year (or vaguer) agrees with almost anything, so only month-or-finer dates count.
    fine = [m.text_date for m in (a, b) if m.text_date and _width(m.text_date) <= 31]
    if a.text_date and b.text_date:
        if a.text_date == b.text_date and fine:
            return 1.0
        return 0.5 if len(fine) == 2 else 0.0
    return 0.25 if fine else 0.0  # a text date, and an article published soon after it


def _order_key(m: _Mention) -> tuple[str, str, int, int, str]:
    return (
        m.published or "",
        m.event.doc_id,
        m.event.sentence.start,
        m.event.trigger.start,
        m.event.id,
    )


def cluster_mentions(mentions: list[_Mention]) -> list[list[_Mention]]:
    """Greedy, complete-link clustering of mentions in a fixed order."""
    clusters: list[_Cluster] = []
    by_modality: dict[str, list[int]] = {}
    # A merge needs shared wording (or the same sentence, hence the same words), so a mention is
    # only compared with the clusters holding one of its words: linear in practice, not quadratic.
    by_word: dict[tuple[str, str], set[int]] = {}
    for mention in sorted(mentions, key=_order_key):
        best: _Cluster | None = None
        best_index = -1
        best_score = MERGE_THRESHOLD
        if mention.words:
            near: set[int] = set()
            for word in mention.words:
                near |= by_word.get((mention.modality, word), set())
            candidates = sorted(near)
        else:
            candidates = by_modality.get(mention.modality, [])
        for index in candidates:
            cluster = clusters[index]
            if not all(_compatible(mention, other) for other in cluster.members):
                continue
            score = max(_score(mention, other) for other in cluster.members)
            if score >= best_score:
                if best is not None and score == best_score:
                    continue  # keep the earlier cluster on a tie
                best, best_index, best_score = cluster, index, score
        if best is None:
            best = _Cluster()
            clusters.append(best)
            best_index = len(clusters) - 1
            by_modality.setdefault(mention.modality, []).append(best_index)
        best.members.append(mention)
        for word in mention.words:
            by_word.setdefault((mention.modality, word), set()).add(best_index)
    return _join_clusters([c.members for c in clusters])


def _join_clusters(clusters: list[list[_Mention]]) -> list[list[_Mention]]:
    """Join clusters the greedy pass left apart because a bridging mention came later.

    ("voted on the resolution Wednesday" starts its own story event before "In March, Cambodia
    voted" of a later article arrives and links it to Cambodia's co-sponsoring.) Two clusters join
    when every cross pair is compatible and their best cross pair scores above the threshold;
    candidates share a trigger word or an actor key, and earlier clusters absorb later ones.
    """
    # Two clusters can only join if some cross pair scores, and a pair scores only when its
    # mentions share a word or a sentence: a cheap test run before the pairwise checks.
    words = [frozenset().union(*(m.words for m in c)) for c in clusters]
    sentences = [_sentence_keys(c) for c in clusters]
    # The first pass tries every candidate pair; a later pass only pairs with a cluster that grew
    # in the pass before (two unchanged clusters that did not join will not join now).
    dirty: set[int] | None = None
    while dirty is None or dirty:
        grown: set[int] = set()
        keys = [_join_keys(c) for c in clusters]
        index: dict[tuple[str, str], set[int]] = {}
        for i, own in enumerate(keys):
            for key in own:
                index.setdefault(key, set()).add(i)
        for i, members in enumerate(clusters):
            if not members:
                continue
            near = set().union(*(index[key] for key in keys[i]))
            if dirty is not None and i not in dirty:
                near &= dirty
            for j in sorted(j for j in near if j > i and clusters[j]):
                other = clusters[j]
                if words[i].isdisjoint(words[j]) and sentences[i].isdisjoint(sentences[j]):
                    continue
                if not all(_compatible(a, b) for a in members for b in other):
                    continue
                if max(_score(a, b) for a in members for b in other) >= MERGE_THRESHOLD:
                    members.extend(other)
                    clusters[j] = []
                    words[i] |= words[j]
                    sentences[i] |= sentences[j]
                    grown.add(i)
        dirty = grown
    return [sorted(c, key=_order_key) for c in clusters if c]


def _join_keys(members: list[_Mention]) -> set[tuple[str, str]]:
    """What two clusters must share to be tried together: a trigger word or an actor key,
    within one modality class."""
    return {(m.modality, key) for m in members for key in (*m.trigger, *m.sources, *m.targets)}


def _sentence_keys(members: list[_Mention]) -> frozenset[tuple[str, int]]:
    return frozenset((m.event.doc_id, m.event.sentence.start) for m in members)


def _merge_actors(lists: Iterable[list[Actor]]) -> list[Actor]:
    merged: list[Actor] = []
    seen: set[str] = set()
    for actors in lists:
        for actor in actors:
            key = actor.entity_id or actor.name.lower()
            if key not in seen:
                seen.add(key)
                merged.append(actor)
    return merged


def _story_date(members: list[_Mention]) -> EventDate | None:
    dated = [m.text_date for m in members if m.text_date]
    if dated:
        counts = Counter(dated)
        # The most precise value; on a tie the one most mentions agree on, then the earliest.
        best = min(
            counts,
            key=lambda v: (_width(v), -counts[v], dates.sort_key(v)),
        )
        own = any(
            m.event.date and m.event.date.basis == "text" for m in members if m.text_date == best
        )
        return EventDate(best, "text" if own else "context")
    fallback = [m.event.date.value for m in members if m.event.date is not None]
    if fallback:
        return EventDate(min(fallback, key=dates.sort_key), "published")
    return None


def _width(value: str) -> int:
    interval = dates.parse(value)
    return interval.days if interval else 1 << 30


def story_event_id(mention_ids: Iterable[str]) -> str:
    """A story event's id: "S" and a hash of its first mention id (ids sort as strings)."""
    first = min(mention_ids)
    return "S" + hashlib.sha1(first.encode("utf-8")).hexdigest()[:15]


def _story_event(members: list[_Mention]) -> StoryEvent:
    events = [m.event for m in members]
    types = Counter(e.type for e in events)
    modalities = Counter(e.modality for e in events)
    mention_ids = [e.id for e in events]
    return StoryEvent(
        id=story_event_id(mention_ids),
        type=max(types, key=lambda t: (types[t], -[e.type for e in events].index(t))),
        modality=max(
            modalities, key=lambda t: (modalities[t], -[e.modality for e in events].index(t))
        ),
        source=_merge_actors(e.source for e in events),
        target=_merge_actors(e.target for e in events),
        date=_story_date(members),
        mention_ids=mention_ids,
        doc_ids=list(dict.fromkeys(e.doc_id for e in events)),
        location=best_place(events),
    )


def best_place(events: Iterable[Event]) -> Place | None:
    """The place of the best-placed report: said in its sentence before set by the article, then
    the surest resolution, then the first report."""
    placed = [e.location for e in events if e.location is not None]
    if not placed:
        return None
    return max(placed, key=lambda p: (p.basis == "sentence", p.confidence or 0.0))


def event_report(event: Event, published: str | None) -> _Mention:
    """An event mention as merging compares it, ``published`` its article's date."""
    return _mention(event, published)


def _window(m: _Mention) -> tuple[date, date] | None:
    """The days a mention's event may have happened on, for blocking: the text's date when it is
    narrower than ``MAX_BUCKETS`` buckets, else the month before the article's day (a report is at
    most ``REPORT_LAG_DAYS`` late); None when neither is known."""
    interval = m.text_interval
    if interval is not None and len(day_buckets(interval.start, interval.end)) <= MAX_BUCKETS:
        return interval.start, interval.end
    if m.published_day is not None:
        day = m.published_day
        return date.fromordinal(max(1, day.toordinal() - REPORT_LAG_DAYS)), day
    return None


def _sentence_key(m: _Mention) -> str:
    return f"sentence|{m.event.doc_id}|{m.event.sentence.start}"


def report_keys(m: _Mention) -> frozenset[str]:
    """The blocking keys of a mention (``storyline.story.blocking``): its sentence; and, within its
    modality class and each time bucket its event may fall in, every trigger word and every actor
    key and word naming an actor it has. Two mentions that merging may join share one: the same
    sentence, a trigger word ("co-sponsor"), an actor, or the words of an unnamed one ("militants");
    an act told with no doer as part of a known one and a material act dated to a day it may be
    part of share their type and that day (``_known_act_days``)."""
    keys = {_sentence_key(m)}
    window = _window(m)
    buckets = [str(b) for b in day_buckets(*window)] if window else ["undated"]
    salient = [f"t:{w}" for w in m.trigger] + [f"a:{k}" for k in m.sources | m.targets]
    salient += [f"w:{w}" for w in m.source_words | m.target_words]
    keys.update(f"{m.modality}|{b}|{s}" for b in buckets for s in salient)
    keys.update(f"{m.modality}|k:{m.event.type}:{day}" for day in _known_act_days(m))
    return frozenset(keys)


def _known_act_days(m: _Mention) -> list[date]:
    """The days a retelling may join a known act on (see ``_definite_retelling``): a material
    act's own day when the text dates it to one; for an act with no doer told as part of a
    known one, each day it may have been reported late from."""
    day = m.text_interval
    if m.family.startswith("material") and day is not None and day.days == 1:
        return [day.start]
    if _part_of_known(m) and m.published_day is not None and day is None:
        last = m.published_day.toordinal()
        return [date.fromordinal(d) for d in range(max(1, last - REPORT_LAG_DAYS), last + 1)]
    return []


def report_words(m: _Mention) -> frozenset[str]:
    """What splits a block too large to compare whole: the words two mentions in different
    sentences must share to be linked (the sentence for two in one)."""
    words = {*m.words, _sentence_key(m)}
    day = m.text_interval
    if m.family.startswith("material") and day is not None and day.days == 1:
        # The same material act by one source on one day needs no shared words.
        words.update(f"act|{m.event.type}|{k}|{day.start}" for k in m.source_ids)
    return frozenset(words)


def reports_linked(a: _Mention, b: _Mention) -> bool:
    """Whether two mentions may be one event: compatible, and scored at least ``MERGE_THRESHOLD``
    (a story event's mentions are linked to one another through such pairs)."""
    return _compatible(a, b) and _score(a, b) >= MERGE_THRESHOLD


def merge_reports(reports: Iterable[_Mention]) -> list[StoryEvent]:
    """The story events of one connected component of linked mentions (or of any set of mentions:
    no story event spans two components, so merging each component gives the whole result)."""
    return [_story_event(members) for members in cluster_mentions(list(reports))]


def story_event_order(s: StoryEvent) -> tuple[tuple[date, int], str]:
    """The order story events are given in: by date (undated last), then id."""
    return dates.sort_key(s.date.value if s.date else None), s.id


def merge_events(events: Iterable[Event], documents: Iterable[Document]) -> list[StoryEvent]:
    """One story event per real-world event, each with all its mentions, in a deterministic order.

    ``documents`` give each mention's publication day (to date mentions the text does not date);
    events of unknown documents are merged all the same. Mentions are compared only within the
    blocks of their ``report_keys``; the story events are merged within each connected component
    of the linked pairs — the same function the Spark runner applies per component.
    """
    published = {d.id: d.published for d in documents}
    unique = {e.id: e for e in events}  # an event given twice is one mention
    reports = {i: _mention(e, published.get(e.doc_id)) for i, e in unique.items()}
    keys = {i: report_keys(m) for i, m in reports.items()}
    words = {i: report_words(m) for i, m in reports.items()}
    pairs = pairs_of(keys, lambda a, b: reports_linked(reports[a], reports[b]), words)
    story_events = [
        s
        for component in components(reports, pairs)
        for s in merge_reports(reports[i] for i in component)
    ]
    return sorted(story_events, key=story_event_order)

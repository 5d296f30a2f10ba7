"""Score cross-report merging (story events) and story grouping on the multi-article gold stories.

Reads: ``articles-gold/stories/<story>.json`` (``STORIES_GUIDE.md``: the story's articles with
their publication dates, and its real-world events, each with every sentence of any article that
reports it) and the article texts from the ``voa-2025`` corpus (gold id ``voa-<N>`` is the record
with ``id`` N; see :mod:`storyline.eval.articles` for where the corpus is looked for). Writes
nothing: returns scores, and :func:`report` renders them as Markdown.

How it runs: each gold story's articles go through ``storyline run`` together, into one temporary
database (so the cross-document tables are built as in any run: entities linked, story events
merged, stories grouped; :func:`storyline.runner.rebuild_story_tables`). The story-event numbers
come from these per-story runs. For the grouping question "does a storyline story mix two gold
stories?" all the chosen stories' articles also go through one joint run.

Definitions, so the numbers can be read:

- A gold **mention** (an event's sentence in one article; the gold gives a 25-80 character piece of
  it) is *found* when some emitted event of that article has its sentence or trigger span
  overlapping the piece (the sentence match of :mod:`storyline.eval.articles`), or a passing
  reference ("Tuesday's attack") linked to a story event has its phrase overlapping the piece. It
  maps to *every* emitted event so placed, whatever their type, except one whose trigger lies in
  another gold piece of the same sentence listed under another event only (that event reports
  the other piece: in "a military operation rescued 190 passengers ..., a day after an attack on
  a train", the operation's record is the rescue's, not the attack's), and to the story event of
  every such reference.
- **Pairs**: every pair of found gold mentions in *different* articles of the story. The system puts
  a pair together when some emitted event of one mention and some emitted event of the other are
  mentions of one story event; the gold puts it together when both are mentions of one gold event.
  ``right``: both together; ``wrong``: the system only; ``missed``: the gold only. Pairwise
  precision = right / (right + wrong), recall = right / (right + missed). A pair of mentions of two
  gold events is not counted when the gold lists both pieces under one event (one of the two,
  or a third: two sentences that each refer to the attack besides telling their own event): it
  is judged as the pair of that event ("claimed responsibility for the attack", listed
  under the claim and the attack, put with another article's "Tuesday's attack" is right for the
  attack, not wrong for the claim; pieces overlapping in one sentence count as one; without this,
  even output that puts every piece with exactly the events the gold lists for it would score
  wrong pairs). "Recall end to end" also
  counts the gold pairs lost because a mention was not found at all. A sentence that the gold lists
  under two events pairs under each of them (one sentence reporting the attack and the rescue:
  linking it to another article's rescue sentence is right for one record, wrong for the other).
- **Story events per event**: for each gold event reported in two articles or more and found at
  least once, the number of distinct story events among the emitted events of its found mentions
  (1 is perfect merging; a mention holding several emitted events, of other events too, can raise
  it, so it is an upper bound of the fragmentation).
- **Mentions with an event**: found gold mentions / all gold mentions.
- **Stories**: in its own run, how many storyline stories hold the gold story's articles (1: all in
  one); in the joint run, the same, and which storyline stories hold articles of two gold stories.

Split (fixed): ``g7-ukraine-ceasefire`` is held out and reported; ``pakistan-train`` and
``trump-tariffs`` are for tuning. Chosen by size, not by score: the held-out story must have enough
cross-article pairs to measure (trump-tariffs has 5 gold pairs among found mentions) and tuning
needs most of the pairs (pakistan-train has 160). Of the articles with article-level gold,
``voa-8008456`` (g7) is in the article ``tune`` half and ``voa-8009976`` (pakistan) in ``tune``,
``voa-8010842`` (g7) and ``voa-8009495`` (trump) in ``heldout``: the two splits measure different
stages and are not aligned.
"""

from __future__ import annotations

import itertools
import json
import statistics
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.language import Language

from storyline.errors import EvalError
from storyline.eval.articles import (
    GoldArticle,
    find_corpus,
    in_sentence,
    locate,
    read_corpus,
    run_pipeline,
)
from storyline.records import Document, Event, EventReference, ReferenceLink, Story, StoryEvent
from storyline.settings import Settings

PARTS = ("heldout", "tune", "all")
HELDOUT_STORIES = frozenset({"g7-ukraine-ceasefire"})
CORPUS = "voa-2025"


@dataclass(frozen=True, slots=True)
class GoldStoryEvent:
    id: str
    type: str | None
    mentions: tuple[tuple[str, str], ...]  # (article id, sentence piece)


@dataclass(frozen=True, slots=True)
class GoldStory:
    name: str
    articles: dict[str, str | None]  # article id -> publication date
    events: tuple[GoldStoryEvent, ...]


@dataclass(frozen=True, slots=True)
class StoryRun:
    """What one run stored, by gold article id: texts, event mentions, the story event of each
    event mention, and the storyline stories each article is in."""

    texts: dict[str, str]
    events: dict[str, list[Event]]
    story_event_of: dict[str, str]  # event id, or linked reference id -> story event id
    stories_of: dict[str, set[str]] = field(default_factory=dict)  # article id -> story ids
    # article id -> its passing references linked to a story event
    references: dict[str, list[EventReference]] = field(default_factory=dict)


def part_of(story: str) -> str:
    """``"heldout"`` or ``"tune"``: the fixed part of a gold story."""
    return "heldout" if story in HELDOUT_STORIES else "tune"


def story_folder(path: Path) -> Path:
    path = Path(path)
    for folder in (path, path / "stories"):
        if folder.is_dir() and any(folder.glob("*.json")):
            return folder
    raise EvalError(f"{path} holds no story JSON files; give articles-gold/stories")


def load_stories(path: Path) -> list[GoldStory]:
    """Every gold story in the folder, sorted by name."""
    stories = []
    for file in sorted(story_folder(path).glob("*.json")):
        try:
            raw = json.loads(file.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as err:
            raise EvalError(f"cannot read gold story {file}: {err}") from err
        if not isinstance(raw, dict) or "events" not in raw or "articles" not in raw:
            continue
        events = tuple(
            GoldStoryEvent(
                str(e["id"]),
                e.get("type"),
                tuple((str(m["article"]), str(m["sentence"])) for m in e.get("mentions", [])),
            )
            for e in raw["events"]
        )
        stories.append(GoldStory(str(raw.get("story") or file.stem), dict(raw["articles"]), events))
    if not stories:
        raise EvalError(f"no gold stories in {path}")
    return stories


def _articles(story: GoldStory, corpus: dict[str, dict[str, Any]]) -> list[GoldArticle]:
    out = []
    for article_id, published in story.articles.items():
        record = corpus.get(article_id)
        if record is None:
            raise EvalError(f"{article_id} of story {story.name} is not in the {CORPUS} corpus")
        out.append(GoldArticle(article_id, published, record.get("title"), str(record["text"])))
    return out


def _read_run(store: Any, documents: dict[str, Document]) -> StoryRun:
    by_doc = {d.id: gold_id for gold_id, d in documents.items()}
    events: dict[str, list[Event]] = {gold_id: [] for gold_id in documents}
    for event in store.records(Event):
        events[by_doc[event.doc_id]].append(event)
    story_event_of = {m: s.id for s in store.records(StoryEvent) for m in s.mention_ids}
    linked = {link.reference_id: link.story_event_id for link in store.records(ReferenceLink)}
    story_event_of.update(linked)
    references: dict[str, list[EventReference]] = {gold_id: [] for gold_id in documents}
    for reference in store.records(EventReference):
        if reference.id in linked:
            references[by_doc[reference.doc_id]].append(reference)
    stories_of: dict[str, set[str]] = {gold_id: set() for gold_id in documents}
    for story in store.records(Story):
        for doc_id in story.doc_ids:
            if doc_id in by_doc:
                stories_of[by_doc[doc_id]].add(story.id)
    return StoryRun(
        {gold_id: d.text for gold_id, d in documents.items()},
        events,
        story_event_of,
        stories_of,
        references,
    )


@dataclass(frozen=True, slots=True)
class _Mention:
    event: str
    article: str
    found: frozenset[str]  # story event ids of the emitted events in its sentence
    by_reference: bool = False  # found only through a linked passing reference
    span: tuple[int, int] | None = None  # where its piece is in the article


def mentions_of(story: GoldStory, run: StoryRun) -> tuple[list[_Mention], int]:
    """The gold mentions with the story events they map to, and how many were not located."""
    out = []
    unlocated = 0
    pieces = _pieces(story, run)
    listed: dict[tuple[str, str], set[str]] = {}
    for event in story.events:
        for mention in event.mentions:
            listed.setdefault(mention, set()).add(event.id)
    for event in story.events:
        for article, piece in event.mentions:
            span = pieces.get((article, piece))
            if span is None:
                unlocated += 1
                out.append(_Mention(event.id, article, frozenset()))
                continue
            others = [
                where
                for (a, p), where in pieces.items()
                if a == article
                and where is not None
                and p != piece
                and not _overlaps(where, span)
                and event.id not in listed[(a, p)]
            ]
            ids = frozenset(
                run.story_event_of.get(e.id, f"unmerged:{e.id}")
                for e in run.events.get(article, [])
                if in_sentence(e, span) and not _trigger_in(e, others)
            )
            referred = frozenset(
                run.story_event_of[r.id]
                for r in run.references.get(article, [])
                if r.text.start < span[1] and span[0] < r.text.end
            )
            out.append(
                _Mention(event.id, article, ids | referred, not ids and bool(referred), span)
            )
    return out, unlocated


def _pieces(story: GoldStory, run: StoryRun) -> dict[tuple[str, str], tuple[int, int] | None]:
    """Where each gold piece of the story is in its article (None: not located)."""
    found: dict[tuple[str, str], tuple[int, int] | None] = {}
    for event in story.events:
        for article, piece in event.mentions:
            text = run.texts.get(article)
            found[(article, piece)] = locate(text, piece) if text is not None else None
    return found


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _trigger_in(event: Event, spans: Iterable[tuple[int, int]]) -> bool:
    """Whether an event's trigger lies in one of ``spans`` (another gold piece of its sentence:
    the event reports that piece's event, not this one's)."""
    return any(_overlaps((event.trigger.start, event.trigger.end), s) for s in spans)


def _reported(mentions: Sequence[_Mention]) -> list[frozenset[str]]:
    """For each mention, the gold events its piece (or one overlapping it in its article) is
    listed under."""
    return [
        frozenset(
            o.event
            for o in mentions
            if m.span is not None
            and o.span is not None
            and o.article == m.article
            and o.span[0] < m.span[1]
            and m.span[0] < o.span[1]
        )
        for m in mentions
    ]


def score_story(story: GoldStory, run: StoryRun) -> dict[str, Any]:
    """The counts of one gold story against one run holding its articles."""
    mentions, unlocated = mentions_of(story, run)
    # The gold events each piece reports: a piece listed under two events ("claimed responsibility
    # for the attack": the claim and the attack) put with a mention of either is right for one.
    right = wrong = missed = missed_unfound = 0
    listed = zip(mentions, _reported(mentions), strict=True)
    for (a, listed_a), (b, listed_b) in itertools.combinations(listed, 2):
        if a.article == b.article:
            continue
        same_gold = a.event == b.event
        if not same_gold and listed_a & listed_b:
            continue  # judged under the event both pieces report
        if not (a.found and b.found):
            missed_unfound += same_gold
            continue
        together = bool(a.found & b.found)
        right += same_gold and together
        wrong += together and not same_gold
        missed += same_gold and not together
    per_event = []
    spread = found_spread = 0
    for event in story.events:
        if len({article for article, _ in event.mentions}) < 2:
            continue
        spread += 1
        ids = frozenset().union(*(m.found for m in mentions if m.event == event.id))
        if ids:
            found_spread += 1
            per_event.append(len(ids))
    stories = set().union(*(run.stories_of.get(a, set()) for a in story.articles))
    return {
        "articles": len(story.articles),
        "events": len(story.events),
        "mentions": len(mentions),
        "found": sum(1 for m in mentions if m.found),
        "by_reference": sum(1 for m in mentions if m.by_reference),
        "unlocated": unlocated,
        "right": right,
        "wrong": wrong,
        "missed": missed,
        "missed_unfound": missed_unfound,
        "spread_events": spread,
        "spread_found": found_spread,
        "story_events_per_event": per_event,
        "storyline_stories": len(stories),
    }


def pooled(rows: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """Counts summed over stories, with the rates."""
    rows = list(rows)
    keys = [
        "articles",
        "events",
        "mentions",
        "found",
        "by_reference",
        "unlocated",
        "right",
        "wrong",
        "missed",
        "missed_unfound",
        "spread_events",
        "spread_found",
    ]
    out: dict[str, Any] = {k: sum(r[k] for r in rows) for k in keys}
    out["story_events_per_event"] = [v for r in rows for v in r["story_events_per_event"]]
    out["in_one_story"] = sum(r["storyline_stories"] == 1 for r in rows)
    out["stories"] = len(rows)
    return with_rates(out)


def with_rates(row: dict[str, Any]) -> dict[str, Any]:
    right, wrong, missed = row["right"], row["wrong"], row["missed"]
    p = right / (right + wrong) if right + wrong else None
    r = right / (right + missed) if right + missed else None
    gold_pairs = right + missed + row["missed_unfound"]
    values = row["story_events_per_event"]
    return {
        **row,
        "precision": p,
        "recall": r,
        "f1": 2 * p * r / (p + r) if p is not None and r is not None and p + r else 0.0,
        "recall_end_to_end": right / gold_pairs if gold_pairs else None,
        "found_share": row["found"] / row["mentions"] if row["mentions"] else None,
        "per_event": statistics.fmean(values) if values else None,
    }


def mixing(stories: Sequence[GoldStory], run: StoryRun) -> dict[str, Any]:
    """In a joint run: the storyline stories of each gold story, and the mixed storyline stories."""
    gold_of: dict[str, set[str]] = {}
    per_gold = {}
    for story in stories:
        ids: set[str] = set()
        for article in story.articles:
            for sid in run.stories_of.get(article, set()):
                ids.add(sid)
                gold_of.setdefault(sid, set()).add(story.name)
        per_gold[story.name] = len(ids)
    mixed = {sid: sorted(names) for sid, names in gold_of.items() if len(names) > 1}
    return {
        "per_gold": per_gold,
        "mixed": sorted(mixed.values()),
        "storyline_stories": len(gold_of),
    }


def evaluate(
    path: Path,
    settings: Settings,
    limit: int | None = None,
    part: str = "all",
    nlp: Language | None = None,
    corpus: Path | None = None,
) -> dict[str, Any]:
    """Run each gold story of ``part`` (the first ``limit``) and score its story events; with two
    stories or more, also one joint run for story mixing."""
    if part not in PARTS:
        raise EvalError(f"unknown part {part!r}; valid: {', '.join(PARTS)}")
    started = time.perf_counter()
    folder = story_folder(Path(path))
    stories = [s for s in load_stories(folder) if part in ("all", part_of(s.name))]
    if limit is not None:
        stories = stories[:limit]
    if not stories:
        raise EvalError(f"no gold stories in part {part!r}")
    texts = read_corpus(corpus or find_corpus(folder, CORPUS))
    groups = [_articles(s, texts) for s in stories]
    if len(stories) > 1:
        groups.append([a for group in groups for a in group])
    runs: list[StoryRun] = run_pipeline(groups, settings, nlp, read=_read_run)
    rows = {s.name: with_rates(score_story(s, r)) for s, r in zip(stories, runs, strict=False)}
    result: dict[str, Any] = {"data": str(path), "part": part, "stories": rows, "pooled": {}}
    for name in ("tune", "heldout"):
        chosen = [rows[s.name] for s in stories if part_of(s.name) == name]
        if chosen:
            result["pooled"][name] = pooled(chosen)
    if part == "all":
        result["pooled"]["all"] = pooled(rows.values())
    result["joint"] = mixing(stories, runs[-1]) if len(stories) > 1 else None
    result["seconds"] = time.perf_counter() - started
    return result


def _f(value: float | None, digits: int = 3) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def report(scores: dict[str, Any]) -> str:
    """The scores as Markdown: a row per gold story, then the pooled parts."""
    lines = [
        f"Gold stories `{scores['data']}`, part `{scores['part']}` ({scores['seconds']:.0f} s). "
        "Pairs: cross-article pairs of found gold mentions; definitions in "
        "`src/storyline/eval/stories.py`.",
        "",
        "| story | part | articles | mentions with an event | pairs right / wrong / missed "
        "| precision | recall | F1 | recall end to end | events in 2+ articles (found) "
        "| story events per event | storyline stories |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]

    def row(label: str, part: str, s: dict[str, Any]) -> str:
        grouped = (
            f"{s['in_one_story']} of {s['stories']} in one"
            if "in_one_story" in s
            else str(s["storyline_stories"])
        )
        return (
            f"| {label} | {part} | {s['articles']} | {s['found']} / {s['mentions']} "
            f"({_f(s['found_share'])}; {s['by_reference']} by a reference) "
            f"| {s['right']} / {s['wrong']} / {s['missed']} "
            f"| {_f(s['precision'])} | {_f(s['recall'])} | {_f(s['f1'])} "
            f"| {_f(s['recall_end_to_end'])} | {s['spread_events']} ({s['spread_found']}) "
            f"| {_f(s['per_event'], 1)} | {grouped} |"
        )

    for name, s in scores["stories"].items():
        lines.append(row(name, part_of(name), s))
    for part, s in scores["pooled"].items():
        count = f"{s['stories']} {'story' if s['stories'] == 1 else 'stories'}"
        lines.append(row(f"**{part}** ({count})", part, s))
    joint = scores.get("joint")
    lines.append("")
    lines.append(
        '"storyline stories": how many stories of the story\'s own run hold its articles (1: all '
        'in one). "By a reference": mentions found only through a passing reference ("Tuesday\'s '
        'attack") linked to a story event.'
    )
    if joint:
        per_gold = ", ".join(f"{k} {v}" for k, v in joint["per_gold"].items())
        mixed = "; ".join(" + ".join(m) for m in joint["mixed"]) or "none"
        lines += [
            "",
            f"Joint run of all these articles: {joint['storyline_stories']} storyline stories; "
            f"storyline stories per gold story: {per_gold}; stories mixing gold stories: {mixed}.",
        ]
    unlocated = sum(s["unlocated"] for s in scores["stories"].values())
    if unlocated:
        lines += ["", f"**{unlocated} gold mentions were not found in the stored texts.**"]
    return "\n".join(lines) + "\n"

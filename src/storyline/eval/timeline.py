"""Score timelines the way timeline summarization research does: date F1 and ROUGE-1/2.

Reads: gold timelines in the tilse text format (``t17-crisis-gold-timelines/**/<source>.txt``: a
date line, sentences, a line of dashes) and the Open-TLS JSON Lines (``open-tls/topics/<topic>/
timelines.jsonl``: one timeline per line, ``[[date, [sentence, ...]], ...]``). Writes nothing.

Metrics (Martschat & Markert 2017, as in tilse), all as F1 with precision and recall:

- ``date``: the predicted dates against the gold dates (exact day match).
- ``concat``: ROUGE-N of all predicted text against all gold text, dates ignored.
- ``agreement``: ROUGE-N counting only n-grams shared by summaries of the *same* date.
- ``align``: each predicted date is aligned to the gold date whose summary it overlaps most,
  weighted by ``1 / (1 + days apart)`` (tilse's date-content alignment, many to one), so a line
  one day off still earns most of its credit.

ROUGE here: lowercased alphanumeric tokens, no stemming or stopword removal, n-gram counts clipped
(the ROUGE-N of Lin 2004 without the Perl script's options).

The gold timelines come without their articles, so ``evaluate`` checks the scorer and gives a
reference point: every timeline scored against itself (must be 1.0), against a copy shifted by
one day, and against the other outlets' timelines of the same story (how much journalists agree).
The end-to-end use is :func:`score_timeline` on a storyline timeline (:func:`from_entries`) and a
gold one of the same story.
"""

from __future__ import annotations

import json
import re
import statistics
import time
from collections import Counter
from collections.abc import Iterable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from storyline.errors import EvalError
from storyline.records import TimelineEntry
from storyline.settings import Settings
from storyline.story import dates

Timeline = list[tuple[date, list[str]]]

_TOKEN = re.compile(r"[a-z0-9]+")
_SEPARATOR = re.compile(r"^-{5,}\s*$")
_DATE_LINE = re.compile(r"^\d{4}-\d{2}-\d{2}\s*$")


# --- readers ------------------------------------------------------------------------------------


def read_tilse(path: Path) -> Timeline:
    """A timeline in the tilse text format: date line, sentences, a line of dashes, ..."""
    try:
        raw = path.read_bytes()
    except OSError as err:
        raise EvalError(f"cannot read timeline {path}: {err}") from err
    lines = _decode(raw).splitlines()
    timeline: dict[date, list[str]] = {}
    current: date | None = None
    for number, line in enumerate(lines, 1):
        if _SEPARATOR.match(line):
            current = None
        elif current is None and _DATE_LINE.match(line):
            try:
                current = date.fromisoformat(line.strip())
            except ValueError as err:
                raise EvalError(f"{path}:{number}: bad date {line.strip()!r}") from err
            timeline.setdefault(current, [])
        elif current is not None and line.strip():
            timeline[current].append(line.strip())
        elif line.strip():
            raise EvalError(f"{path}:{number}: text outside a dated block: {line[:60]!r}")
    return sorted(timeline.items())


def _decode(raw: bytes) -> str:
    # Some gold files mix UTF-8 with Windows-1252 bytes; the tokens that matter are ASCII.
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("utf-8", errors="replace")


def _parse_date(value: str) -> date:
    # Open-TLS dates: "2022-02-24T00:00:00", month-level "2023-05T00:00:00", stray spaces.
    interval = dates.parse(value.replace(" ", ""))
    if interval is None:
        raise EvalError(f"not a date: {value!r}")
    return interval.start


def read_open_tls(path: Path) -> list[Timeline]:
    """The timelines of an Open-TLS ``timelines.jsonl`` (one JSON timeline per line)."""
    out = []
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise EvalError(f"cannot read timelines {path}: {err}") from err
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            rows = json.loads(line)
            timeline: dict[date, list[str]] = {}
            for value, sentences in rows:
                timeline.setdefault(_parse_date(value), []).extend(str(s) for s in sentences)
        except (ValueError, TypeError) as err:
            raise EvalError(f"{path}:{number}: not an Open-TLS timeline: {err}") from err
        out.append(sorted(timeline.items()))
    return out


def from_entries(entries: Iterable[TimelineEntry]) -> Timeline:
    """A storyline timeline in the scorer's form (an entry's date is its first day)."""
    timeline: dict[date, list[str]] = {}
    for e in entries:
        interval = dates.parse(e.date)
        if interval is not None:
            timeline.setdefault(interval.start, []).append(e.text)
    return sorted(timeline.items())


# --- ROUGE --------------------------------------------------------------------------------------


def _ngrams(sentences: Iterable[str], n: int) -> Counter[tuple[str, ...]]:
    counts: Counter[tuple[str, ...]] = Counter()
    for s in sentences:
        tokens = _TOKEN.findall(s.lower())
        counts.update(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))
    return counts


def _overlap(a: Counter[tuple[str, ...]], b: Counter[tuple[str, ...]]) -> int:
    return sum(min(c, b[g]) for g, c in a.items() if g in b)


def _prf(hits: float, predicted: int, gold: int) -> dict[str, float]:
    p = hits / predicted if predicted else 0.0
    r = hits / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f}


def rouge_n(predicted: Iterable[str], gold: Iterable[str], n: int) -> dict[str, float]:
    """ROUGE-N precision, recall and F1 of predicted sentences against gold sentences."""
    p, g = _ngrams(predicted, n), _ngrams(gold, n)
    return _prf(_overlap(p, g), sum(p.values()), sum(g.values()))


def _agreement(predicted: Timeline, gold: Timeline, n: int) -> dict[str, float]:
    gold_by_date = {d: _ngrams(s, n) for d, s in gold}
    pred_by_date = {d: _ngrams(s, n) for d, s in predicted}
    hits = sum(_overlap(c, gold_by_date[d]) for d, c in pred_by_date.items() if d in gold_by_date)
    return _prf(
        hits,
        sum(sum(c.values()) for c in pred_by_date.values()),
        sum(sum(c.values()) for c in gold_by_date.values()),
    )


def _align(predicted: Timeline, gold: Timeline, n: int) -> dict[str, float]:
    gold_counts = [(d, _ngrams(s, n)) for d, s in gold]
    hits = 0.0
    total_pred = 0
    for d, sentences in predicted:
        counts = _ngrams(sentences, n)
        total_pred += sum(counts.values())
        best = 0.0
        for gd, gc in gold_counts:
            weight = 1.0 / (1 + abs((gd - d).days))
            if weight * sum(counts.values()) <= best:
                continue  # cannot beat the best so far
            best = max(best, weight * _overlap(counts, gc))
        hits += best
    return _prf(hits, total_pred, sum(sum(c.values()) for _, c in gold_counts))


def score_timeline(predicted: Timeline, gold: Timeline) -> dict[str, Any]:
    """Date F1 and concat / agreement / align ROUGE-1 and ROUGE-2 of a timeline against gold."""
    pd, gd = {d for d, _ in predicted}, {d for d, _ in gold}
    scores: dict[str, Any] = {"date": _prf(len(pd & gd), len(pd), len(gd))}
    for n in (1, 2):
        scores[f"concat_rouge{n}"] = rouge_n(
            (s for _, ss in predicted for s in ss), (s for _, ss in gold for s in ss), n
        )
        scores[f"agreement_rouge{n}"] = _agreement(predicted, gold, n)
        scores[f"align_rouge{n}"] = _align(predicted, gold, n)
    return scores


METRICS = (
    "date",
    "concat_rouge1",
    "concat_rouge2",
    "agreement_rouge1",
    "agreement_rouge2",
    "align_rouge1",
    "align_rouge2",
)


# --- evaluate -----------------------------------------------------------------------------------


def shift(timeline: Timeline, days: int) -> Timeline:
    """The same timeline with every date moved by ``days``."""
    return [(d + timedelta(days=days), s) for d, s in timeline]


def load_timelines(path: Path) -> dict[str, list[tuple[str, Timeline]]]:
    """Every gold timeline under ``path``, by topic: ``{topic: [(name, timeline), ...]}``."""
    if not path.exists():
        raise EvalError(f"{path} does not exist; give the tls folder of the shared data")
    topics: dict[str, list[tuple[str, Timeline]]] = {}
    files = [path] if path.is_file() else sorted(path.rglob("*"))
    for f in files:
        if f.name == "timelines.jsonl":
            for i, t in enumerate(read_open_tls(f)):
                topics.setdefault(f"open-tls/{f.parent.name}", []).append((f"#{i}", t))
        elif f.suffix == ".txt" and f.is_file():
            topics.setdefault(f"{f.parent.parent.name}/{f.parent.name}", []).append(
                (f.stem, read_tilse(f))
            )
    if not topics:
        raise EvalError(f"no tilse .txt or Open-TLS timelines.jsonl found under {path}")
    return topics


def _mean(rows: list[dict[str, Any]]) -> dict[str, float]:
    return {m: statistics.fmean(r[m]["f1"] for r in rows) if rows else 0.0 for m in METRICS}


def evaluate(path: Path, settings: Settings, limit: int | None = None) -> dict[str, Any]:
    """Scorer checks and journalist agreement on the gold timelines under ``path``."""
    del settings  # no model: the gold timelines come without articles
    started = time.perf_counter()
    topics = load_timelines(path)
    names = sorted(topics)[:limit] if limit else sorted(topics)
    itself, shifted, across = [], [], []
    n_timelines = 0
    for topic in names:
        timelines = topics[topic]
        n_timelines += len(timelines)
        for _, t in timelines:
            itself.append(score_timeline(t, t))
            shifted.append(score_timeline(shift(t, 1), t))
        for i, (_, a) in enumerate(timelines):
            for j, (_, b) in enumerate(timelines):
                if i != j:
                    across.append(score_timeline(a, b))
    return {
        "topics": len(names),
        "timelines": n_timelines,
        "pairs_across_outlets": len(across),
        "itself": _mean(itself),
        "shifted_one_day": _mean(shifted),
        "across_outlets": _mean(across),
        "seconds": time.perf_counter() - started,
    }


def report(scores: dict[str, Any]) -> str:
    """The scores as a Markdown table (F1 of each metric)."""
    head = "| comparison | " + " | ".join(METRICS) + " |\n|---|" + "---|" * len(METRICS)
    rows = []
    for key, label in (
        ("itself", "a timeline against itself"),
        ("shifted_one_day", "shifted by one day"),
        ("across_outlets", "another outlet's timeline of the same story"),
    ):
        values = scores[key]
        rows.append(f"| {label} | " + " | ".join(f"{values[m]:.3f}" for m in METRICS) + " |")
    return (
        f"{scores['topics']} topics, {scores['timelines']} timelines, "
        f"{scores['pairs_across_outlets']} pairs across outlets "
        f"({scores['seconds']:.1f} s)\n\n{head}\n" + "\n".join(rows) + "\n"
    )

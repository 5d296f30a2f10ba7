"""Fit the events stage's type model from public event data (``make train``).

Reads, under ``--data`` (``../shared/data``): ``events/plover-gsr/PLOVER_GSR_CAMEO.txt`` and
``events/ngec-plover/gpt_synthetic_events_*.csv.zip`` (synthetic stories, training only: the lead
paragraph), the sources whose licences allow shipping what is learned from them; and, only to
leave their sentences out, ``articles-gold`` and the ``dev`` split of ``events/plv-zsp`` (the
held-out PLV score). PLV's tune split and CASE 2021 state no licence and are not learned from.
Writes: ``src/storyline/resources/events/types.json`` (:mod:`storyline.stages.events.typing_model`)
and a cache of the candidates' features under ``--work`` (``out/events-train``), keyed by the code
and tables that make them, so a refit after a change of the learner alone parses nothing.

What is learned from: every trigger the rules find with a source, and every other verb with a
source (type ``UNCODED``; the events stage's candidates,
:func:`storyline.stages.events.component.candidates`), parsed by the whole pipeline with the type
model off. In a coded sentence (GSR), the rules' candidate the sentence-level scorer picks
between the marked source and target gets the gold type (turned back from the gold's convention of
modality: "will meet" coded AGREE is the rules' planned CONSULT when they say so), else the
uncoded verb whose actors fit the marks does; the other candidates of the sentence are
``NO_EVENT`` (with a lower weight: a sentence may hold a second event the gold does not code). In a
story (NGEC), the candidate heading the first sentence (the rules' one, else the verb) gets the
story's type. Sentences of the article-level gold and of the PLV ``dev`` split are never learned
from, whatever corpus brings them.

Licences: PLOVER GSR CC BY-SA 4.0, NGEC MIT (see their SOURCE.md under ../shared/data and
``resources/events/SOURCE.md``). Run ``python -m storyline.stages.events.learn --data
../shared/data``; a few minutes on one CPU core.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import re
import zipfile
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from storyline.errors import EvalError
from storyline.stages.events.typing_model import (
    NO_EVENT,
    RESOURCE,
    UNCODED,
    TypeModel,
    features,
    model_to_json,
)

#: PLV's YIELD is PLOVER's CONCEDE or RETREAT: these lemmas make it a retreat.
RETREAT_LEMMAS = frozenset({"withdraw", "retreat", "pull", "evacuate", "leave", "return", "free"})
PLV = "events/plv-zsp/PLV_train.tsv"  # its dev split: left out, never learned from
GSR = "events/plover-gsr/PLOVER_GSR_CAMEO.txt"
NGEC_GLOB = "events/ngec-plover/gpt_synthetic_events_*.csv.zip"
ARTICLES = "articles-gold"
#: The code and tables that decide the candidates and their features: the cache is keyed by them.
_CACHE_INPUTS = (
    "candidates.py",
    "classifier.py",
    "clauses.py",
    "component.py",
    "judgements.py",
    "lexicon.py",
    "participants.py",
    "typing_model.py",
    "../../resources/events/verbs.json",
)
#: The corpora learned from (their licences allow shipping what is learned), the weight of their
#: examples, and of a coded sentence's other candidates.
CORPUS_WEIGHTS = {"gsr": 1.0, "ngec": 0.5}
OTHER_WEIGHT = 0.3
#: Features seen fewer times are left out; weights smaller than this are not kept.
MIN_COUNT = 2
MIN_WEIGHT = 0.01
#: The inverse regularization strength of the logistic regression.
C = 0.5
#: The thresholds of TypeModel.decide, chosen on the tune half of the article gold and PLV dev.
DROP_AT = 0.9
RETYPE_AT = 0.6
ADD_AT = 0.5


@dataclass(frozen=True, slots=True)
class Example:
    """A text to parse and how its candidates are labelled: ``kind`` "sentence" (a coded
    sentence with marked source and target ranges) or "lead" (the first sentence heads)."""

    corpus: str
    text: str
    gold: str
    kind: str
    source: tuple[int, int] | None = None
    target: tuple[int, int] | None = None


def _normalize(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


def _sentences(text: str) -> list[str]:
    return [s for s in (_normalize(p) for p in re.split(r"(?<=[.!?])\s+|\n+", text)) if len(s) > 20]


def excluded_sentences(data: Path) -> set[str]:
    """The normalized sentences never learned from: the article gold's and PLV dev's."""
    from storyline.eval.articles import load_gold
    from storyline.eval.events import dev_cases

    found: set[str] = set()
    if (data / ARTICLES).exists():
        for article in load_gold(data / ARTICLES):
            found.update(_sentences(article.text))
    if (data / PLV).exists():
        found.update(_normalize(c.text) for c in dev_cases(data / PLV))
    return found


def gsr_examples(data: Path) -> list[Example]:
    """The PLOVER GSR records (early PLOVER names mapped)."""
    from storyline.eval.events import read_gsr

    return [
        Example("gsr", c.text, c.gold, "sentence", c.source, c.target) for c in read_gsr(data / GSR)
    ]


def ngec_examples(data: Path) -> list[Example]:
    """The lead paragraph of each synthetic NGEC story, with its intended type."""
    found = []
    for path in sorted(data.glob(NGEC_GLOB)):
        with zipfile.ZipFile(path) as archive:
            for name in archive.namelist():
                with archive.open(name) as raw:
                    for row in csv.DictReader(io.TextIOWrapper(raw, encoding="utf-8")):
                        lead = (row.get("text") or "").strip().split("\n")[0]
                        label = (row.get("label") or "").strip().upper()
                        if lead and label:
                            found.append(Example("ngec", lead, label, "lead"))
    return found


def examples(data: Path) -> list[Example]:
    """Every example, deduplicated by normalized text (first corpus wins), none excluded."""
    excluded = excluded_sentences(data)
    seen: set[tuple[str, str, str]] = set()
    kept = []
    readers = (gsr_examples, ngec_examples)
    for reader in readers:
        for example in reader(data):
            norm = _normalize(example.text)
            key = (norm, example.gold, str(example.source))
            if key in seen or norm in excluded or set(_sentences(example.text)) & excluded:
                continue
            seen.add(key)
            kept.append(example)
    return kept


def _trigger_start(trigger: Any) -> int:
    return int(min(trigger.start.i, trigger.end.i))


def _label_of_gold(gold: str, event: Any, lemma: str) -> str:
    """The type a candidate is learned as: the rules' own when the gold's convention agrees."""
    from storyline.eval.events import PLV_NAMES, gold_type

    if gold_type(event, PLV_NAMES) == gold or event.type == gold:
        return str(event.type)
    if gold == "YIELD":
        return "RETREAT" if lemma in RETREAT_LEMMAS else "CONCEDE"
    return gold


def _overlap(actors: Sequence[Any], span: tuple[int, int] | None) -> bool:
    return span is not None and any(a.start < span[1] and span[0] < a.end for a in actors)


def _uncoded_match(example: Example, found: list[Any]) -> int | None:
    """The uncoded verb whose actors best fit the sentence's marked source and target."""
    best: tuple[int, int] | None = None
    for index, (_, trigger, sources, targets) in enumerate(found):
        if trigger.code[0] != UNCODED:
            continue
        actors = [*sources, *targets]
        score = 2 * _overlap(actors, example.source) + _overlap(actors, example.target)
        if score and (best is None or score > best[0]):
            best = (score, index)
    return None if best is None else best[1]


def _sentence_labels(doc: Doc, example: Example, found: list[Any]) -> Iterator[tuple[int, str]]:
    """(candidate index, label) of a coded sentence: the rules' candidate the scorer picks, else
    the uncoded verb between the marks, gets the gold type; the others ``NO_EVENT``."""
    from storyline.eval.events import Case, pick
    from storyline.stages import doc_list

    events = doc_list(doc, "events")
    chosen = pick(events, Case(example.text, example.source, example.target, example.gold))
    by_start = {doc[_trigger_start(t)].idx: i for i, (_, t, _, _) in enumerate(found)}
    picked = by_start.get(chosen.trigger.start) if chosen is not None else None
    uncoded = _uncoded_match(example, found) if chosen is None else None
    for index, (_, trigger, _, _) in enumerate(found):
        lemma = trigger.token.lemma_.lower()
        if index == picked and chosen is not None:
            yield index, _label_of_gold(example.gold, chosen, lemma)
        elif index == uncoded:
            yield index, _uncoded_label(example.gold, lemma)
        elif chosen is not None or uncoded is not None:
            yield index, NO_EVENT


def _uncoded_label(gold: str, lemma: str) -> str:
    if gold == "YIELD":
        return "RETREAT" if lemma in RETREAT_LEMMAS else "CONCEDE"
    return gold


def _lead_labels(example: Example, found: list[Any]) -> Iterator[tuple[int, str]]:
    """(candidate index, label) of a story's lead or a snippet: its first sentence's head (the
    rules' candidate there, else the uncoded verb) gets the story's type."""
    if not found:
        return
    first = found[0][0]
    heads = [
        i
        for i, (sent, trigger, _, _) in enumerate(found)
        if sent.start == first.start and trigger.anchor.dep_ == "ROOT"
    ]
    coded = [i for i in heads if found[i][1].code[0] != UNCODED]
    for index in range(len(found)):
        if example.gold == NO_EVENT:
            yield index, NO_EVENT
        elif index in (coded or heads)[:1]:
            yield index, example.gold


def _rows(nlp: Language, chosen: Sequence[Example]) -> Iterator[dict[str, Any]]:
    """The labelled candidates of the examples, each with its features."""
    from storyline.stages import doc_list, ensure_doc_extensions
    from storyline.stages.events.component import EventsStage, candidates

    ensure_doc_extensions()
    stage = nlp.get_pipe("storyline_events")
    if not isinstance(stage, EventsStage):
        raise EvalError("the pipeline has no events stage to learn from")
    stage.types = None  # learn from the rules' candidates, as they are before the model
    docs = []
    for i, example in enumerate(chosen):
        doc = nlp.make_doc(example.text)
        doc._.doc_id = f"train{i}"
        doc._.published = None
        docs.append(doc)
    for example, doc in zip(chosen, nlp.pipe(docs, batch_size=64), strict=True):
        quotes = doc_list(doc, "quotes")
        found = list(candidates(doc, stage.lexicon, quotes, uncoded=True))
        labels = (
            _sentence_labels(doc, example, found)
            if example.kind == "sentence"
            else _lead_labels(example, found)
        )
        for index, label in labels:
            _, trigger, _, targets = found[index]
            weight = CORPUS_WEIGHTS[example.corpus]
            if example.kind == "sentence" and label == NO_EVENT:
                weight *= OTHER_WEIGHT
            yield {
                "corpus": example.corpus,
                "label": label,
                "rule": trigger.code[0],
                "weight": weight,
                "features": features(trigger, bool(targets)),
            }


def cache_key(data: Path) -> str:
    """A digest of what makes the candidates: the stage's code and tables, and the data."""
    digest = hashlib.sha1()
    here = Path(__file__).resolve().parent
    for name in _CACHE_INPUTS:
        digest.update((here / name).read_bytes())
    digest.update(" ".join(sorted(CORPUS_WEIGHTS)).encode("utf-8"))
    for name in (GSR,):
        path = data / name
        digest.update(path.read_bytes() if path.exists() else b"")
    return digest.hexdigest()[:16]


def labelled_rows(data: Path, work: Path) -> list[dict[str, Any]]:
    """The labelled candidates, from the cache under ``work`` when the code and data are the ones
    it was made with, else parsed (and cached)."""
    cache = work / f"candidates-{cache_key(data)}.jsonl"
    if cache.exists():
        with cache.open(encoding="utf-8") as handle:
            return [json.loads(line) for line in handle]
    from storyline.pipeline import build_nlp
    from storyline.settings import load_settings

    nlp = build_nlp(load_settings())
    rows = list(_rows(nlp, examples(data)))
    work.mkdir(parents=True, exist_ok=True)
    tmp = cache.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row) + "\n")
    tmp.replace(cache)
    return rows


def fit(rows: Sequence[dict[str, Any]]) -> TypeModel:
    """A logistic regression over the rows' features (those seen at least ``MIN_COUNT`` times)."""
    import numpy as np
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    counts = Counter(f for row in rows for f in row["features"])
    vocab = {f: i for i, f in enumerate(sorted(f for f, n in counts.items() if n >= MIN_COUNT))}
    classes = sorted({row["label"] for row in rows})
    indptr: list[int] = [0]
    indices: list[int] = []
    for row in rows:
        indices.extend(vocab[f] for f in row["features"] if f in vocab)
        indptr.append(len(indices))
    matrix = csr_matrix(
        (np.ones(len(indices)), np.array(indices, dtype=np.int64), np.array(indptr)),
        shape=(len(rows), len(vocab)),
    )
    labels = np.array([classes.index(row["label"]) for row in rows])
    weights = np.array([row["weight"] for row in rows])
    learner = LogisticRegression(C=C, max_iter=3000)
    learner.fit(matrix, labels, sample_weight=weights)
    names = sorted(vocab, key=vocab.__getitem__)
    table: dict[str, dict[int, float]] = {}
    for column, name in enumerate(names):
        moves = {
            i: float(learner.coef_[k][column])
            for k, i in enumerate(learner.classes_)
            if abs(learner.coef_[k][column]) >= MIN_WEIGHT
        }
        if moves:
            table[name] = moves
    bias = [0.0] * len(classes)
    for k, i in enumerate(learner.classes_):
        bias[int(i)] = float(learner.intercept_[k])
    return TypeModel(tuple(classes), tuple(bias), table, DROP_AT, RETYPE_AT, ADD_AT)


def summary(rows: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """What the model was learned from: candidates per corpus and per label."""
    rows = list(rows)
    return {
        "sources": [GSR, NGEC_GLOB],
        "candidates": dict(sorted(Counter(r["corpus"] for r in rows).items())),
        "labels": dict(sorted(Counter(r["label"] for r in rows).items())),
        "regularization_C": C,
        "min_count": MIN_COUNT,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--work", type=Path, default=Path("out/events-train"))
    parser.add_argument("--out", type=Path, default=RESOURCE)
    args = parser.parse_args(argv)
    if not (args.data / GSR).exists():
        raise EvalError(f"{args.data / GSR} not found; give --data the shared data folder")
    rows = labelled_rows(args.data, args.work)
    model = fit(rows)
    text = json.dumps(model_to_json(model, summary(rows)), indent=0, sort_keys=False)
    args.out.write_text(text + "\n", encoding="utf-8")
    print(f"{args.out}: {len(model.weights)} features, {len(rows)} candidates")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

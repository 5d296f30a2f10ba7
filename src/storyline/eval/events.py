"""Score the events stage end to end on PLOVER-coded sentences.

Reads: a PLV-style TSV (``sentence``/``marked_sentence`` with ``<s>source</s>`` and ``<t>target</t>``,
``gold_root``) or the PLOVER gold-standard records (``PLOVER_GSR_CAMEO.txt``, a JSON array, or the
folder holding it). Writes nothing: returns scores, and :func:`report` renders them as Markdown.

Each sentence runs through the whole pipeline; the prediction is the type of the event the system
extracts between the marked source and target (an event whose actors overlap both marks, else the
source mark, else the target mark), or ``NONE``. PLV's ``YIELD`` is PLOVER's CONCEDE + RETREAT, so
those two are scored as YIELD on PLV. Early PLOVER names in the GSR are mapped: DEMAND -> REQUEST,
DISAPPROVE and INVESTIGATE -> ACCUSE, FIGHT -> ASSAULT.

Held-out split: PLV sentences are split by a hash of the normalized sentence into ``tune`` (looked
at while writing the lexicon) and ``dev`` (only scored); sentences that are also CAMEO-manual
examples in the GSR (from which the verb dictionary grew) are left out of ``dev``. The events
stage's type model (:mod:`storyline.stages.events.learn`) is learned from the GSR (not from PLV):
the GSR's score measures fit, not generalization.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.language import Language

from storyline.errors import EvalError
from storyline.records import Event
from storyline.settings import Settings

NONE = "NONE"
MIN_SUPPORT = 10
GSR_NAMES = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
    "FIGHT": "ASSAULT",
}
PLV_NAMES = {"CONCEDE": "YIELD", "RETREAT": "YIELD"}
_MARK = re.compile(r"</?[st]>")


@dataclass(frozen=True, slots=True)
class Case:
    """One scored sentence: the text, the marked source and target ranges, the gold type."""

    text: str
    source: tuple[int, int] | None
    target: tuple[int, int] | None
    gold: str


def normalize(sentence: str) -> str:
    """A sentence reduced for duplicate detection across data sets."""
    return " ".join(re.findall(r"[a-z0-9]+", sentence.lower()))


def split_of(sentence: str) -> str:
    """The fixed split of a sentence: ``dev`` (held out) or ``tune``."""
    digest = hashlib.sha1(normalize(sentence).encode("utf-8")).hexdigest()
    return "dev" if int(digest[:8], 16) % 2 == 0 else "tune"


def _unmark(marked: str) -> tuple[str, tuple[int, int] | None, tuple[int, int] | None]:
    """The plain sentence and the character ranges of its <s> and <t> marks."""
    text = ""
    opened: dict[str, int] = {}
    spans: dict[str, tuple[int, int]] = {}
    pos = 0
    for match in _MARK.finditer(marked):
        text += marked[pos : match.start()]
        pos = match.end()
        tag = match.group(0)
        name = tag.strip("</>")
        if tag.startswith("</"):
            if name in opened:
                spans[name] = (opened.pop(name), len(text))
        else:
            opened[name] = len(text)
    text += marked[pos:]
    return text, spans.get("s"), spans.get("t")


def read_plv(path: Path) -> list[Case]:
    """PLV rows as cases (types as in PLV: YIELD for CONCEDE/RETREAT)."""
    cases = []
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            marked = row.get("marked_sentence") or ""
            gold = (row.get("gold_root") or "").strip().upper()
            if not marked or not gold:
                continue
            text, source, target = _unmark(marked)
            cases.append(Case(text, source, target, gold))
    if not cases:
        raise EvalError(f"{path} has no rows with marked_sentence and gold_root")
    return cases


def _find(text: str, needle: str | None) -> tuple[int, int] | None:
    if not needle:
        return None
    at = text.find(needle)
    return (at, at + len(needle)) if at >= 0 else None


def _actor_text(actors: Any) -> str | None:
    if isinstance(actors, dict):
        actors = [actors]
    if not isinstance(actors, list):
        return None
    for actor in actors:
        if isinstance(actor, dict) and actor.get("actorText"):
            return str(actor["actorText"])
    return None


def read_gsr(path: Path) -> list[Case]:
    """PLOVER GSR records as cases, early PLOVER names mapped to current ones."""
    if path.is_dir():
        path = path / "PLOVER_GSR_CAMEO.txt"
    try:
        records = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as err:
        raise EvalError(f"cannot read PLOVER GSR records from {path}: {err}") from err
    cases = []
    for record in records:
        if "event" not in record or "text" not in record:
            continue
        text = record["text"]
        gold = GSR_NAMES.get(record["event"], record["event"])
        source = _find(text, _actor_text(record.get("source")))
        target = _find(text, _actor_text(record.get("target")))
        cases.append(Case(text, source, target, gold))
    return cases


def _overlaps(span: tuple[int, int] | None, start: int, end: int) -> bool:
    return span is not None and start < span[1] and span[0] < end


def pick(
    events: Iterable[Event],
    case: Case,
    source_ids: frozenset[str] = frozenset(),
    target_ids: frozenset[str] = frozenset(),
) -> Event | None:
    """The event between the case's marked source and target, if the system found one.

    An actor matches a mark when its mention overlaps the mark or names the same entity as a
    mention inside the mark ("it" resolved to the marked "The Israeli military").
    """
    best: tuple[int, float, Event] | None = None
    for event in events:
        actors = [*event.source, *event.target]
        s = any(
            _overlaps(case.source, a.start, a.end) or (a.entity_id in source_ids) for a in actors
        )
        t = any(
            _overlaps(case.target, a.start, a.end) or (a.entity_id in target_ids) for a in actors
        )
        score = 3 if s and t else 2 if s else 1 if t else 0
        if score and (best is None or (score, event.confidence) > best[:2]):
            best = (score, event.confidence, event)
    return best[2] if best else None


def scores_of(pairs: list[tuple[str, str]], min_support: int = MIN_SUPPORT) -> dict[str, Any]:
    """Per-type precision, recall, F1; macro-F1 over types with >= ``min_support`` gold cases;
    accuracy; the share of cases coded at all."""
    gold_counts = Counter(g for g, _ in pairs)
    pred_counts = Counter(p for _, p in pairs)
    correct = Counter(g for g, p in pairs if g == p)
    per_type: dict[str, dict[str, float]] = {}
    for label in sorted(set(gold_counts) | (set(pred_counts) - {NONE})):
        p = correct[label] / pred_counts[label] if pred_counts[label] else 0.0
        r = correct[label] / gold_counts[label] if gold_counts[label] else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        per_type[label] = {
            "precision": p,
            "recall": r,
            "f1": f,
            "support": gold_counts[label],
            "predicted": pred_counts[label],
        }
    counted = [k for k, v in per_type.items() if v["support"] >= max(min_support, 1)]
    macro = sum(per_type[k]["f1"] for k in counted) / len(counted) if counted else 0.0
    total = len(pairs)
    return {
        "n": total,
        "accuracy": sum(correct.values()) / total if total else 0.0,
        "macro_f1": macro,
        "macro_types": counted,
        "coded": 1 - pred_counts[NONE] / total if total else 0.0,
        "per_type": per_type,
    }


#: Cooperative types: planned ones are intents (AGREE), negated ones refusals (REJECT) in CAMEO-style
#: gold, which has no modality.
_COOPERATIVE = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"})
#: Conflictual types: planned ones are threats (CAMEO 13) in CAMEO-style gold.
_CONFLICTUAL = frozenset({"PROTEST", "SANCTION", "COERCE", "ASSAULT"})


def gold_type(event: Event, names: dict[str, str]) -> str:
    """The type of an event in the gold's convention, which codes modality into the type: "will
    meet" is AGREE (intent to cooperate), "will boycott" THREATEN, "will not release" REJECT."""
    etype = event.type
    if etype in _COOPERATIVE and event.modality == "planned":
        etype = "AGREE"
    elif etype in _CONFLICTUAL and event.modality == "planned":
        etype = "THREATEN"
    elif etype in _COOPERATIVE | {"AGREE"} and event.modality == "negated":
        etype = "REJECT"
    return names.get(etype, etype)


def predict(
    cases: list[Case], settings: Settings, names: dict[str, str], nlp: Language | None = None
) -> list[str]:
    """The type the pipeline codes between each case's marks (``NONE`` when it codes nothing)."""
    from storyline.pipeline import build_nlp
    from storyline.stages import doc_list, ensure_doc_extensions

    nlp = nlp or build_nlp(settings)
    ensure_doc_extensions()
    docs = []
    for i, case in enumerate(cases):
        doc = nlp.make_doc(case.text)
        doc._.doc_id = f"case{i}"
        doc._.published = None
        docs.append(doc)
    predicted = []
    for case, doc in zip(cases, nlp.pipe(docs, batch_size=64), strict=True):
        event = pick(doc_list(doc, "events"), case, _ids(doc, case.source), _ids(doc, case.target))
        predicted.append(gold_type(event, names) if event else NONE)
    return predicted


def _ids(doc: Any, span: tuple[int, int] | None) -> frozenset[str]:
    from storyline.stages.lookup import mentions_in

    if span is None:
        return frozenset()
    return frozenset(m.entity_id for m in mentions_in(doc, span[0], span[1]))


def _is_gsr(path: Path) -> bool:
    if path.is_dir():
        return (path / "PLOVER_GSR_CAMEO.txt").exists()
    with path.open(encoding="utf-8") as handle:
        return handle.read(64).lstrip().startswith("[")


def evaluate(path: Path, settings: Settings, limit: int | None = None) -> dict[str, Any]:
    """Score the events stage end to end on a PLV TSV or a PLOVER GSR file/folder."""
    path = Path(path)
    if not path.exists():
        raise EvalError(f"{path} does not exist; give a PLV TSV or the plover-gsr folder")
    if _is_gsr(path):
        cases, names, kind = read_gsr(path), GSR_NAMES, "plover-gsr"
        gsr_sentences: set[str] = set()
    else:
        cases, names, kind = read_plv(path), PLV_NAMES, "plv"
        gsr_sentences = _gsr_sentences(path)
    if limit is not None:
        cases = cases[:limit]
    predicted = predict(cases, settings, names)
    pairs = [(c.gold, p) for c, p in zip(cases, predicted, strict=True)]
    result: dict[str, Any] = {"data": str(path), "kind": kind, "all": scores_of(pairs)}
    if kind == "plv":
        for split in ("tune", "dev"):
            chosen = [
                pair
                for case, pair in zip(cases, pairs, strict=True)
                if split_of(case.text) == split
                and (split == "tune" or normalize(case.text) not in gsr_sentences)
            ]
            result[split] = scores_of(chosen)
    return result


def dev_cases(plv_path: Path) -> list[Case]:
    """The held-out PLV cases: the ``dev`` split, without CAMEO-manual sentences, in file order."""
    gsr = _gsr_sentences(plv_path)
    return [
        c for c in read_plv(plv_path) if split_of(c.text) == "dev" and normalize(c.text) not in gsr
    ]


def _gsr_sentences(plv_path: Path) -> set[str]:
    gsr = plv_path.resolve().parent.parent / "plover-gsr" / "PLOVER_GSR_CAMEO.txt"
    if not gsr.exists():
        return set()
    return {normalize(c.text) for c in read_gsr(gsr)}


def report(scores: dict[str, Any]) -> str:
    """The scores as Markdown: a per-type table for each split, macro-F1 and accuracy."""
    lines = [f"## Events ({scores['kind']}: {scores['data']})", ""]
    for split in ("dev", "tune", "all"):
        if split not in scores:
            continue
        s = scores[split]
        lines += [
            f"### {split}: {s['n']} sentences — macro-F1 {s['macro_f1']:.3f} "
            f"(types with >= {MIN_SUPPORT} cases), accuracy {s['accuracy']:.3f}, "
            f"coded {s['coded']:.3f}",
            "",
            "| type | precision | recall | F1 | gold | predicted |",
            "|---|---:|---:|---:|---:|---:|",
        ]
        for label, v in s["per_type"].items():
            lines.append(
                f"| {label} | {v['precision']:.3f} | {v['recall']:.3f} | {v['f1']:.3f} "
                f"| {v['support']} | {v['predicted']} |"
            )
        lines.append("")
    return "\n".join(lines)

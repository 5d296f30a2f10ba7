"""Score the quotes stage on brat-format attribution data (PolNeAR).

Reads: a PolNeAR split folder (``text/<name>.txt``, ``attributions/<name>_<annotator>.ann``) and
``metadata_train_dev.tsv`` beside it for article dates. Writes nothing; returns scores.

Choices, so the numbers can be read:

- One annotation per article: when an article has several ``.ann`` files (several annotators),
  the one whose annotator id sorts first.
- A gold content is the extent of its fragments (``Content`` and ``Content2``, first start to last
  end); predicted quotes sharing one cue ("…," he said, "…") are merged the same way.
- Exact match: equal spans after trimming spaces, quotation marks and edge punctuation on both
  sides (PolNeAR keeps the marks in the content, storyline does not). Overlap match: any shared
  character of the trimmed spans; pairs are matched one to one, largest overlap first.
- Speech attributions: the gold cue holds a verb of speech or writing (lemma in
  :data:`SPEECH_CUES`: say, tell, add, write, announce, state, …), "according to", or is a
  colon. The rest (beliefs, plans, "shows", "wants") count only under "all attributions".
  Precision on speech: predictions matched to a non-speech gold attribution are left out of
  the count (neither right nor wrong), the others are right when matched to a speech one.
- Speaker accuracy (lenient): over overlap-matched contents whose gold attribution has a source,
  the share whose predicted speaker span overlaps the gold source span, or whose resolved speaker
  entity (or name) is the one the actors stage resolves the gold source to. A predicted "he"
  overlapping a gold "he" counts as right.
- Speaker by name (strict): over overlap-matched contents whose gold source is headed by a proper
  name ("campaign manager Robby Mook", "the FBI"; not "he", "officials" or "Trump's
  spokesman"), the share whose predicted speaker name (the resolved entity's canonical name, else
  the speaker text) ends in the same word as that name, case-insensitive, a generational suffix
  aside ("Hillary Clinton" for "Clinton", "Brent Bozell III" for "Bozell"; the name is the
  named entity the head is in, "University of Michigan", and a hyphenated name is compared by its
  last part), or has that word as its initials ("Democratic National Committee" for "the DNC").
  Beside it, the share of all matched contents with a gold source whose predicted
  speaker has a name at all (its last word capitalized: not "he", "officials" or none), and that
  share over gold sources that are "he" or "she" alone (the pronoun resolved to a name; whether to
  the right one the gold cannot tell).
"""

from __future__ import annotations

import csv
import re
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from storyline.errors import EvalError
from storyline.pipeline import build_nlp, make_doc
from storyline.records import Document, Quote
from storyline.settings import Settings
from storyline.stages import doc_list
from storyline.stages.lookup import actor_at
from storyline.stages.syntax import entity_span

#: Cue lemmas that make an attribution a speech attribution: verbs that introduce what was said
#: or written (the issue's list: say, tell, according to, add, state, announce, …). Verbs that
#: evaluate (criticize, accuse, describe … as), request or commit (call for, urge, promise, vow)
#: usually take a target or an action rather than a statement: they count under "all".
SPEECH_CUES: frozenset[str] = frozenset(
    str.split(
        "say tell add write state announce declare note explain claim insist argue warn "
        "tweet post reply respond answer acknowledge admit allege assert comment confirm "
        "deny report reveal recall stress emphasize remark testify continue concede complain "
        "contend conclude predict suggest"
    )
)
_TRIM = " \t\n\"'“”‘’„«».,;:!?—–-()[]"
_PERSONAL = frozenset({"he", "she"})
_T_LINE = re.compile(r"^(T\d+)\t(\S+) ([\d ;]+)\t")


@dataclass(frozen=True, slots=True)
class GoldAttribution:
    """One gold attribution: content extent, cue range and source range (character offsets)."""

    start: int
    end: int
    cue: tuple[int, int] | None
    source: tuple[int, int] | None
    speech: bool


@dataclass(frozen=True, slots=True)
class Predicted:
    """One predicted content (quotes merged by cue) and its speaker."""

    start: int
    end: int
    speaker: tuple[int, int] | None
    speaker_entity_id: str | None
    speaker_name: str | None


def read_ann(
    path: Path,
) -> list[tuple[tuple[int, int], tuple[int, int] | None, tuple[int, int] | None]]:
    """(content extent, cue range, source range) of each attribution in a brat ``.ann`` file."""
    spans: dict[str, tuple[int, int]] = {}
    relations: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        match = _T_LINE.match(line)
        if match:
            numbers = [int(n) for n in re.split(r"[ ;]", match.group(3).strip()) if n]
            spans[match.group(1)] = (min(numbers), max(numbers))
        elif line.startswith("E"):
            parts = line.split("\t")[1].split() if "\t" in line else []
            relations.append(dict(p.split(":", 1) for p in parts if ":" in p))
    found = []
    for roles in relations:
        contents = [spans[v] for k, v in roles.items() if k.startswith("Content") and v in spans]
        if not contents:
            continue
        extent = (min(s for s, _ in contents), max(e for _, e in contents))
        cue = spans.get(roles.get("Cue", ""))
        source = spans.get(roles.get("Source", ""))
        found.append((extent, cue, source))
    return found


def _is_speech(doc: Doc, cue: tuple[int, int] | None) -> bool:
    if cue is None:
        return False
    text = doc.text[cue[0] : cue[1]].lower()
    if "according to" in text or text.strip() == ":":
        return True
    span = doc.char_span(cue[0], cue[1], alignment_mode="expand")
    return span is not None and any(t.lemma_.lower() in SPEECH_CUES for t in span)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return start, end


def _predicted(quotes: Iterable[Quote]) -> list[Predicted]:
    groups: dict[object, list[Quote]] = {}
    for quote in quotes:
        key: object = (quote.cue.start, quote.cue.end) if quote.cue else quote.id
        groups.setdefault(key, []).append(quote)
    found = []
    for group in groups.values():
        first = group[0]
        speaker = (
            (first.speaker_start, first.speaker_end)
            if first.speaker_start is not None and first.speaker_end is not None
            else None
        )
        found.append(
            Predicted(
                min(q.start for q in group),
                max(q.end for q in group),
                speaker,
                first.speaker_entity_id,
                first.speaker,
            )
        )
    return found


def _match(
    text: str, gold: list[GoldAttribution], pred: list[Predicted], *, exact: bool
) -> dict[int, int]:
    """One-to-one matching, predicted index -> gold index."""
    g_spans = [_trim(text, g.start, g.end) for g in gold]
    p_spans = [_trim(text, p.start, p.end) for p in pred]
    pairs = []
    for pi, (ps, pe) in enumerate(p_spans):
        for gi, (gs, ge) in enumerate(g_spans):
            if exact:
                if (ps, pe) == (gs, ge) and pe > ps:
                    pairs.append((pe - ps, pi, gi))
            else:
                shared = min(pe, ge) - max(ps, gs)
                if shared > 0:
                    pairs.append((shared, pi, gi))
    matched: dict[int, int] = {}
    used: set[int] = set()
    for _, pi, gi in sorted(pairs, reverse=True):
        if pi not in matched and gi not in used:
            matched[pi] = gi
            used.add(gi)
    return matched


_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


def _name_words(name: str) -> list[str]:
    """The words of a name, lower-cased, without a possessive or a generational suffix."""
    words = re.findall(r"[\w.&-]+", name.replace("’", "'").removesuffix("'s"))
    found = [w.strip(".").casefold() for w in words if w.strip(".")]
    while len(found) > 1 and found[-1] in _SUFFIXES:
        found.pop()
    return found


def _last_word(name: str) -> str:
    """The last word of a name, its last hyphenated part ("Holtz-Eakin" -> "eakin")."""
    words = _name_words(name)
    return words[-1].rsplit("-", 1)[-1] if words else ""


def same_name(predicted: str | None, gold: str) -> bool:
    """Whether a predicted speaker name ends in the gold name's word ("Brent Bozell III" for
    "Bozell"), or that word is its initials ("Associated Press" for "AP")."""
    words = _name_words(predicted or "")
    if not words:
        return False
    initials = "".join(w[0] for w in words if w not in ("of", "the", "for", "and"))
    return _last_word(predicted or "") == gold or (len(gold) > 1 and initials == gold)


def gold_name(doc: Doc, source: tuple[int, int]) -> str | None:
    """The last word of the proper name a gold source is headed by ("Mook" of "campaign manager
    Robby Mook", "FBI" of "the FBI"), else None (a pronoun, a common noun, "Trump's aide")."""
    span = doc.char_span(source[0], source[1], alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    root = span.root
    if root.pos_ != "PROPN":
        # "a spokesman, Brian Fallon": the name set beside the noun
        root = next(
            (
                c
                for c in root.children
                if c.dep_ == "appos" and c.pos_ == "PROPN" and span.start <= c.i < span.end
            ),
            root,
        )
    if root.pos_ != "PROPN":
        return None
    # the whole name the root is in ("University of Michigan", "Brent Bozell III")
    name = entity_span(root) if root.ent_type_ else root.doc[root.i : root.i + 1]
    first, stop = max(name.start, span.start), min(name.end, span.end)
    return _last_word(doc[first:stop].text) or None


def has_name(name: str | None) -> bool:
    """Whether a predicted speaker is a name: its last word is capitalized ("Clinton", "FBI";
    not "he", "officials", "the campaign")."""
    if not name:
        return False
    last = name.split()[-1]
    return last[:1].isupper() and last.lower() not in ("he", "she", "it", "they", "we", "i")


def _speaker_right(doc: Doc, pred: Predicted, source: tuple[int, int]) -> bool:
    if pred.speaker is not None and pred.speaker[0] < source[1] and source[0] < pred.speaker[1]:
        return True
    actor = actor_at(doc, source[0], source[1])
    if actor is None:
        return False
    if pred.speaker_entity_id is not None and actor.entity_id == pred.speaker_entity_id:
        return True
    return pred.speaker_name is not None and actor.name == pred.speaker_name


class _Tally:
    def __init__(self) -> None:
        self.counts: dict[str, int] = {}

    def add(self, key: str, n: int = 1) -> None:
        self.counts[key] = self.counts.get(key, 0) + n

    def __getitem__(self, key: str) -> int:
        return self.counts.get(key, 0)


def _score_doc(doc: Doc, gold: list[GoldAttribution], tally: _Tally) -> None:
    pred = _predicted(doc_list(doc, "quotes"))
    tally.add("pred", len(pred))
    tally.add("gold_all", len(gold))
    tally.add("gold_speech", sum(g.speech for g in gold))
    for mode in ("exact", "overlap"):
        matched = _match(doc.text, gold, pred, exact=mode == "exact")
        tally.add(f"{mode}_all_tp", len(matched))
        speech_tp = sum(gold[g].speech for g in matched.values())
        tally.add(f"{mode}_speech_tp", speech_tp)
        tally.add(f"{mode}_speech_excluded", len(matched) - speech_tp)
        if mode != "overlap":
            continue
        for pi, gi in matched.items():
            source = gold[gi].source
            if source is None:
                continue
            right = _speaker_right(doc, pred[pi], source)
            name = gold_name(doc, source)
            named = has_name(pred[pi].speaker_name)
            kinds = ("all", "speech") if gold[gi].speech else ("all",)
            for kind in kinds:
                tally.add(f"spk_{kind}_n")
                tally.add(f"spk_{kind}_ok", right)
                tally.add(f"named_{kind}_ok", named)
                if doc.text[source[0] : source[1]].strip().lower() in _PERSONAL:
                    tally.add(f"pron_{kind}_n")
                    tally.add(f"pron_{kind}_ok", named)
                if name is not None:
                    tally.add(f"byname_{kind}_n")
                    tally.add(f"byname_{kind}_ok", same_name(pred[pi].speaker_name, name))


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def _dates(split: Path) -> dict[str, str]:
    meta = split.parent / "metadata_train_dev.tsv"
    if not meta.exists():
        return {}
    with meta.open(encoding="utf-8", newline="") as handle:
        return {
            row["filename"]: row["publication_date"]
            for row in csv.DictReader(handle, delimiter="\t")
            if row.get("publication_date")
        }


def load_split(path: Path, limit: int | None = None) -> list[tuple[str, Path, Path]]:
    """(name, text file, chosen .ann file) of each article of a split, sorted by name."""
    text_dir, ann_dir = path / "text", path / "attributions"
    if not text_dir.is_dir() or not ann_dir.is_dir():
        raise EvalError(
            f"{path} is not a PolNeAR split folder: it needs text/ and attributions/ "
            "(e.g. ../shared/data/quotes/polnear/dev)"
        )
    anns: dict[str, Path] = {}
    for ann in sorted(ann_dir.glob("*.ann")):
        name = ann.stem.rsplit("_", 1)[0]
        anns.setdefault(name, ann)  # the annotator id sorting first
    found = [(t.stem, t, anns[t.stem]) for t in sorted(text_dir.glob("*.txt")) if t.stem in anns]
    return found[:limit] if limit is not None else found


def evaluate(path: Path, settings: Settings, limit: int | None = None) -> dict[str, Any]:
    """Precision, recall and F1 of quote contents (exact and overlap) and speaker accuracy,
    for speech attributions and for all, on the PolNeAR split at ``path``."""
    articles = load_split(Path(path), limit)
    dates = _dates(Path(path))
    stages = settings.pipeline.stages
    upto = stages[: stages.index("quotes") + 1] if "quotes" in stages else (*stages, "quotes")
    nlp = build_nlp(settings.replace(pipeline={"stages": list(upto)}))
    documents = []
    golds = []
    for name, text_path, ann_path in articles:
        text = text_path.read_text(encoding="utf-8")
        documents.append(
            Document(name, name, "polnear", None, None, dates.get(name), "metadata", text)
        )
        golds.append(read_ann(ann_path))
    tally = _Tally()
    began = time.perf_counter()
    docs = nlp.pipe(make_doc(nlp, d) for d in documents)
    for doc, gold_raw in zip(docs, golds, strict=True):
        gold = [
            GoldAttribution(s, e, cue, source, _is_speech(doc, cue))
            for (s, e), cue, source in gold_raw
        ]
        _score_doc(doc, gold, tally)
    seconds = time.perf_counter() - began
    scores: dict[str, Any] = {
        "path": str(path),
        "documents": len(documents),
        "gold_all": tally["gold_all"],
        "gold_speech": tally["gold_speech"],
        "predicted": tally["pred"],
        "seconds": round(seconds, 1),
    }
    for mode in ("exact", "overlap"):
        scores[f"all_{mode}"] = _prf(tally[f"{mode}_all_tp"], tally["pred"], tally["gold_all"])
        scores[f"speech_{mode}"] = _prf(
            tally[f"{mode}_speech_tp"],
            tally["pred"] - tally[f"{mode}_speech_excluded"],
            tally["gold_speech"],
        )
    for kind in ("speech", "all"):
        n = tally[f"spk_{kind}_n"]
        scores[f"{kind}_speaker_accuracy"] = round(tally[f"spk_{kind}_ok"] / n, 4) if n else 0.0
        scores[f"{kind}_speaker_n"] = n
        scores[f"{kind}_named_share"] = round(tally[f"named_{kind}_ok"] / n, 4) if n else 0.0
        m = tally[f"byname_{kind}_n"]
        scores[f"{kind}_by_name"] = round(tally[f"byname_{kind}_ok"] / m, 4) if m else 0.0
        scores[f"{kind}_by_name_n"] = m
        k = tally[f"pron_{kind}_n"]
        scores[f"{kind}_pronoun_named"] = round(tally[f"pron_{kind}_ok"] / k, 4) if k else 0.0
        scores[f"{kind}_pronoun_n"] = k
    return scores


def report(scores: dict[str, Any]) -> str:
    """The scores as a Markdown section."""
    lines = [
        f"### Quotes — PolNeAR `{Path(str(scores['path'])).name}`",
        "",
        f"{scores['documents']} articles, {scores['gold_all']} gold attributions "
        f"({scores['gold_speech']} speech), {scores['predicted']} predicted contents, "
        f"{scores['seconds']} s.",
        "",
        "| attributions | match | precision | recall | F1 | speaker accuracy | speaker by name "
        "| speaker named | he/she named |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for kind in ("speech", "all"):
        for mode in ("exact", "overlap"):
            s = scores[f"{kind}_{mode}"]
            speaker = by_name = named = pronoun = ""
            if mode == "overlap":
                speaker = (
                    f"{scores[f'{kind}_speaker_accuracy']:.3f} (n={scores[f'{kind}_speaker_n']})"
                )
                by_name = f"{scores[f'{kind}_by_name']:.3f} (n={scores[f'{kind}_by_name_n']})"
                named = f"{scores[f'{kind}_named_share']:.3f}"
                pronoun = f"{scores[f'{kind}_pronoun_named']:.3f} (n={scores[f'{kind}_pronoun_n']})"
            lines.append(
                f"| {kind} | {mode} | {s['precision']:.3f} | {s['recall']:.3f} | "
                f"{s['f1']:.3f} | {speaker} | {by_name} | {named} | {pronoun} |"
            )
    return "\n".join(lines) + "\n"


if __name__ == "__main__":  # python -m storyline.eval.quotes PATH [LIMIT]
    import sys

    from storyline.settings import load_settings

    result = evaluate(
        Path(sys.argv[1]), load_settings(), int(sys.argv[2]) if sys.argv[2:] else None
    )
    sys.stdout.write(report(result))

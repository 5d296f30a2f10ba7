"""Score the timex stage on TimeML gold data, TempEval-3 style.

Reads: a folder of TimeML ``.tml`` files (recursively): the ``TEXT`` element with inline ``TIMEX3``
tags, and the document creation time (the ``TIMEX3`` with ``functionInDocument="CREATION_TIME"``),
which anchors relative dates and is not scored. Writes nothing: :func:`evaluate` returns scores,
:func:`report` renders them as a Markdown table.

Measures, as in TempEval-3 (UzZaman et al., 2013): strict extent P/R/F1 (same start and end),
relaxed extent P/R/F1 (overlap), type and value accuracy over the relaxed matches, and value F1
(relaxed F1 × value accuracy). Documents are split, by a fixed hash of their file name, into a
``dev`` part (tuned on) and a ``heldout`` part (measured only); scores are given for all three.
"""

from __future__ import annotations

import hashlib
import html
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.language import Language

from storyline.errors import EvalError
from storyline.records import Timex
from storyline.settings import Settings

#: One document in five is held out: those whose name hashes to 0 mod 5.
HELDOUT_MODULUS = 5


@dataclass(frozen=True, slots=True)
class GoldTimex:
    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str | None


@dataclass(frozen=True, slots=True)
class GoldDoc:
    """A TimeML document: its plain text, creation time and gold time expressions."""

    name: str
    text: str
    dct: str | None
    timexes: tuple[GoldTimex, ...]


_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*?)(/?)>", re.S)
_ATTR = re.compile(r'([A-Za-z_:]+)\s*=\s*"([^"]*)"')


def _attrs(text: str) -> dict[str, str]:
    return {k: html.unescape(v) for k, v in _ATTR.findall(text)}


def read_timeml(path: Path) -> GoldDoc:
    """A TimeML file as plain text with gold timex offsets (code points into that text)."""
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise EvalError(f"cannot read TimeML file {path}: {err}") from err
    dct = None
    for m in re.finditer(r"<TIMEX3([^>]*)>", raw):
        attrs = _attrs(m.group(1))
        if attrs.get("functionInDocument") == "CREATION_TIME":
            dct = attrs.get("value")
            break
    start_tag = re.search(r"<TEXT[^>]*>", raw)
    end_tag = raw.rfind("</TEXT>")
    if start_tag is None or end_tag < 0:
        raise EvalError(f"{path} has no <TEXT> element; is it a TimeML file?")
    body = raw[start_tag.end() : end_tag]
    parts: list[str] = []
    length = 0
    open_timex: list[tuple[int, dict[str, str]]] = []
    timexes: list[GoldTimex] = []
    pos = 0
    for m in _TAG.finditer(body):
        chunk = html.unescape(body[pos : m.start()])
        parts.append(chunk)
        length += len(chunk)
        pos = m.end()
        closing, name, attr_text, selfclose = m.groups()
        if name != "TIMEX3" or selfclose:
            continue
        if not closing:
            open_timex.append((length, _attrs(attr_text)))
        elif open_timex:
            begin, attrs = open_timex.pop()
            if attrs.get("functionInDocument") == "CREATION_TIME":
                continue
            timexes.append(
                GoldTimex(
                    begin,
                    length,
                    "",
                    attrs.get("type", ""),
                    attrs.get("value", ""),
                    attrs.get("mod"),
                )
            )
    parts.append(html.unescape(body[pos:]))
    text = "".join(parts)
    gold = tuple(
        GoldTimex(t.start, t.end, text[t.start : t.end], t.type, t.value, t.mod)
        for t in sorted(timexes, key=lambda t: t.start)
    )
    return GoldDoc(path.stem, text, dct, gold)


def read_folder(path: Path, limit: int | None = None) -> list[GoldDoc]:
    """Every ``.tml`` file under ``path`` (sorted by path), or the file itself."""
    if path.is_file():
        files = [path]
    elif path.is_dir():
        files = sorted(path.rglob("*.tml"))
    else:
        raise EvalError(f"{path} does not exist; give a folder of TimeML .tml files")
    if not files:
        raise EvalError(f"no .tml files under {path}")
    return [read_timeml(f) for f in files[:limit]]


def is_heldout(name: str) -> bool:
    """Whether a document belongs to the fixed held-out part (one in five, by name hash)."""
    digest = hashlib.sha1(name.encode("utf-8")).digest()
    return digest[0] % HELDOUT_MODULUS == 0


def canonical_value(value: str) -> str:
    """A TIMEX3 value written one way: upper case, two-digit weeks (``1998-W8`` → ``1998-W08``)."""
    value = value.strip().upper()
    return re.sub(r"-W(\d)(?!\d)", r"-W0\1", value)


# --- scoring -----------------------------------------------------------------------------------


@dataclass(slots=True)
class Tally:
    """Counts for one set of documents."""

    docs: int = 0
    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed_gold: int = 0
    relaxed_system: int = 0
    matched: int = 0
    type_ok: int = 0
    value_ok: int = 0

    def add(self, other: Tally) -> None:
        for name in self.__slots__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def scores(self) -> dict[str, float | int]:
        def prf(hit_s: int, hit_g: int) -> tuple[float, float, float]:
            p = hit_s / self.system if self.system else 0.0
            r = hit_g / self.gold if self.gold else 0.0
            return p, r, (2 * p * r / (p + r) if p + r else 0.0)

        sp, sr, sf = prf(self.strict, self.strict)
        rp, rr, rf = prf(self.relaxed_system, self.relaxed_gold)
        type_acc = self.type_ok / self.matched if self.matched else 0.0
        value_acc = self.value_ok / self.matched if self.matched else 0.0
        return {
            "docs": self.docs, "gold": self.gold, "system": self.system,
            "strict_p": sp, "strict_r": sr, "strict_f1": sf,
            "relaxed_p": rp, "relaxed_r": rr, "relaxed_f1": rf,
            "type_accuracy": type_acc, "value_accuracy": value_acc,
            "type_f1": rf * type_acc, "value_f1": rf * value_acc,
        }  # fmt: skip


def score_doc(
    gold: Iterable[GoldTimex],
    system: Iterable[Timex],
    errors: list[dict[str, Any]] | None = None,
    name: str = "",
) -> Tally:
    """Counts for one document: strict and relaxed extent matches, type and value agreement."""
    gold = list(gold)
    system = list(system)
    tally = Tally(docs=1, gold=len(gold), system=len(system))
    strict = {(g.start, g.end) for g in gold} & {(s.start, s.end) for s in system}
    tally.strict = len(strict)
    used: set[int] = set()
    for g in gold:
        best = None
        for i, s in enumerate(system):
            if i in used or not (s.start < g.end and g.start < s.end):
                continue
            overlap = min(s.end, g.end) - max(s.start, g.start)
            if best is None or overlap > best[0]:
                best = (overlap, i)
        if best is None:
            if errors is not None:
                errors.append(
                    {
                        "doc": name,
                        "kind": "missed",
                        "start": g.start,
                        "gold": g.text,
                        "value": g.value,
                        "type": g.type,
                    }
                )
            continue
        used.add(best[1])
        s = system[best[1]]
        tally.matched += 1
        tally.type_ok += s.type == g.type
        value_ok = canonical_value(s.value) == canonical_value(g.value)
        tally.value_ok += value_ok
        if errors is not None and (not value_ok or (s.start, s.end) != (g.start, g.end)):
            errors.append(
                {
                    "doc": name,
                    "kind": "value" if not value_ok else "extent",
                    "start": g.start,
                    "gold": g.text,
                    "system": s.text,
                    "value": g.value,
                    "system_value": s.value,
                    "type": g.type,
                }
            )
    tally.relaxed_gold = tally.matched
    tally.relaxed_system = sum(
        1 for s in system if any(s.start < g.end and g.start < s.end for g in gold)
    )
    if errors is not None:
        for i, s in enumerate(system):
            if i not in used and not any(s.start < g.end and g.start < s.end for g in gold):
                errors.append(
                    {
                        "doc": name,
                        "kind": "spurious",
                        "start": s.start,
                        "system": s.text,
                        "system_value": s.value,
                        "type": s.type,
                    }
                )
    return tally


def score_docs(docs: list[GoldDoc], nlp: Language) -> dict[str, Any]:
    """Run ``nlp`` (a spaCy pipeline; the timex stage is run after it when it lacks one) over gold
    documents and score the timexes; see :func:`evaluate` for the result."""
    from storyline.stages import ensure_doc_extensions
    from storyline.stages.timex import find_timexes

    ensure_doc_extensions()
    has_stage = "storyline_timex" in nlp.pipe_names
    spacy_docs = []
    for gold in docs:
        doc = nlp.make_doc(gold.text)
        doc._.doc_id = gold.name
        doc._.published = gold.dct
        spacy_docs.append(doc)
    totals = {"all": Tally(), "dev": Tally(), "heldout": Tally()}
    errors: list[dict[str, Any]] = []
    for gold, doc in zip(docs, nlp.pipe(spacy_docs, batch_size=16), strict=True):
        if doc._.errors:
            raise EvalError(f"the timex stage failed on {gold.name}: {doc._.errors}")
        found = doc._.timexes if has_stage else find_timexes(doc, gold.dct, gold.name)
        tally = score_doc(gold.timexes, found or [], errors, gold.name)
        totals["all"].add(tally)
        totals["heldout" if is_heldout(gold.name) else "dev"].add(tally)
    result: dict[str, Any] = {part: t.scores() for part, t in totals.items()}
    result["errors"] = errors
    return result


def evaluate(path: Path, settings: Settings, limit: int | None = None) -> dict[str, Any]:
    """Run the timex stage over a folder of TimeML files and score it against their gold.

    Returns ``{"path", "all", "dev", "heldout", "errors"}``: the score dicts of all documents and
    of the two fixed parts, and the list of errors (missed, spurious, wrong extent or value).
    """
    from storyline.pipeline import build_nlp

    docs = read_folder(Path(path), limit)
    nlp = build_nlp(settings.replace(pipeline={"stages": ["timex"]}))
    result: dict[str, Any] = {"path": str(path)}
    result.update(score_docs(docs, nlp))
    return result


def report(scores: dict[str, Any]) -> str:
    """The scores as a Markdown table: one row per part (all, dev, held-out)."""
    head = (
        "| part | docs | gold | system | strict P | strict R | strict F1 | relaxed P | relaxed R "
        "| relaxed F1 | type acc | value acc | value F1 |\n"
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n"
    )
    rows = []
    for part in ("all", "dev", "heldout"):
        s = scores.get(part)
        if not s or not s["docs"]:
            continue
        rows.append(
            f"| {part} | {s['docs']} | {s['gold']} | {s['system']} | {s['strict_p']:.3f} "
            f"| {s['strict_r']:.3f} | {s['strict_f1']:.3f} | {s['relaxed_p']:.3f} "
            f"| {s['relaxed_r']:.3f} | {s['relaxed_f1']:.3f} | {s['type_accuracy']:.3f} "
            f"| {s['value_accuracy']:.3f} | {s['value_f1']:.3f} |"
        )
    title = f"Timex scores on {scores.get('path', '?')} (TempEval-3 measures)\n\n"
    return title + head + "\n".join(rows) + "\n"


#: The data sets ``make eval`` scores, relative to the shared data folder: the TempEval-3 training
#: documents with the ARTime-corrected values (the full 256 files), WikiWars, the tweets.
DATA_SETS: dict[str, str] = {
    "TempEval-3 TBAQ (ARTime-corrected values)": "timex/artime_corrected/tbaq_corrected",
    "TempEval-3 TBAQ (original values)": "timex/tbaq_cleaned",
    "WikiWars (train 01-16)": "timex/wikiwars/timeml_train",
    "Tweets (ARTime-corrected values)": "timex/artime_corrected/tweets_modified_train",
}


def main(argv: list[str] | None = None) -> int:
    """Score every timex data set and write the Markdown tables: ``python -m storyline.eval.timex
    --data ../shared/data --out eval/timex.md``."""
    import argparse

    from storyline.settings import load_settings

    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("--data", type=Path, required=True, help="the shared data folder")
    parser.add_argument("--out", type=Path, required=True, help="the Markdown file to write")
    args = parser.parse_args(argv)
    settings = load_settings(None)
    parts = [
        "# Timex stage scores (TempEval-3 measures)\n",
        "Written by `python -m storyline.eval.timex`. Strict extent: same start and end; relaxed:"
        " overlap; type and value accuracy over the relaxed matches; value F1 = relaxed F1 x value"
        " accuracy. `dev` is what the rules were tuned on; `heldout` (one document in five, by a"
        " fixed hash of the file name) was only measured. The document creation time is not"
        " scored.\n",
    ]
    for title, relative in DATA_SETS.items():
        scores = evaluate(args.data / relative, settings)
        parts.append(f"## {title}\n\n{report(scores)}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(parts), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

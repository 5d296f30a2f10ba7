"""Throughput and memory benchmarks of storyline, written to a Markdown report (``make bench``).

Reads: the public corpora in ``--data`` (../shared/data). Writes: ``--out`` (benchmarks/RESULTS.md)
and scratch files in a temporary folder.

What it measures, each in this one process run so the numbers share the machine's state:

1. words/s of ``storyline run`` (reading, the model, storyline's stages, the store, the story
   tables) against the spaCy model alone (``nlp.pipe`` over the same texts, same batch size); the
   spaCy pass runs before and after the storyline pass and the two are averaged, so a change in the
   machine's load during the run weighs on both sides alike.
2. the cost of each stage: every pipeline component is wrapped in a timer during the storyline pass;
   the story tables are rebuilt once more on their own to time the cross-document steps.
3. peak memory of a long ``storyline run`` (a separate process; RSS sampled as it goes).
4. ``storyline run --engine spark`` with ``local[1]`` and ``local[2]`` on the same texts.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from machine import machine
from spacy.util import minibatch

from storyline import runner
from storyline.pipeline import build_nlp
from storyline.runner import rebuild_story_tables, run
from storyline.settings import Settings, load_settings
from storyline.store import Store

REPO = Path(__file__).resolve().parents[1]
_TAG = re.compile(r"<[^>]+>")
_TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)
_DCT = re.compile(r'<DCT>.*?value="([^"]+)"', re.S)


@dataclass(frozen=True)
class Article:
    name: str
    text: str
    published: str | None
    corpus: str


# --- corpora ------------------------------------------------------------------------------------


def _txt_folder(folder: Path, corpus: str) -> list[Article]:
    return [
        Article(str(p), p.read_text(encoding="utf-8"), None, corpus)
        for p in sorted(folder.glob("*.txt"))
    ]


def _jsonl(path: Path, corpus: str) -> list[Article]:
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
        if line.strip():
            r = json.loads(line)
            out.append(Article(f"{path}#{n + 1}", r["text"], r.get("published"), corpus))
    return out


def _timeml(folder: Path, corpus: str) -> list[Article]:
    out = []
    for p in sorted(folder.rglob("*.tml")):
        raw = p.read_text(encoding="utf-8", errors="replace")
        body = _TEXT.search(raw)
        if not body:
            continue
        dct = _DCT.search(raw)
        text = _TAG.sub("", body.group(1)).strip()
        out.append(Article(str(p), text, dct.group(1) if dct else None, corpus))
    return out


def polnear(data: Path) -> list[Article]:
    """The PolNeAR train texts (840 articles of 2016 US political news)."""
    return _txt_folder(data / "quotes/polnear/train/text", "polnear-train")


def combined(data: Path) -> list[Article]:
    """Every text corpus in the data folder, interleaved so that any prefix mixes them all."""
    corpora = [
        polnear(data),
        _txt_folder(data / "quotes/polnear/dev/text", "polnear-dev"),
        _jsonl(data / "corpora/voa-2025/voa_stories.jsonl", "voa-2025"),
        _jsonl(data / "corpora/seeds/articles.jsonl", "seeds"),
        _timeml(data / "timex/tbaq_cleaned", "timebank-aquaint"),
        _timeml(data / "timex/wikiwars/timeml_train", "wikiwars"),
        _timeml(data / "timex/tweets/train", "tweets"),
    ]
    truth = json.loads((data / "ingest/article-extraction-benchmark/ground-truth.json").read_text())
    corpora.append(
        [
            Article(f"aeb#{k}", v["articleBody"], None, "article-extraction-benchmark")
            for k, v in sorted(truth.items())
            if v.get("articleBody", "").strip()
        ]
    )
    out: list[Article] = []
    for i in range(max(len(c) for c in corpora)):
        out += [c[i] for c in corpora if i < len(c)]
    return out


def write_jsonl(articles: Iterable[Article], path: Path) -> int:
    n = 0
    with path.open("w", encoding="utf-8") as f:
        for a in articles:
            record = {"id": a.name, "text": a.text, "published": a.published, "source": a.corpus}
            f.write(json.dumps(record) + "\n")
            n += 1
    return n


def words(articles: Iterable[Article]) -> int:
    return sum(len(a.text.split()) for a in articles)


# --- timing -------------------------------------------------------------------------------------


class Timed:
    """A pipeline component that adds the seconds it works to ``totals[name]``."""

    def __init__(self, name: str, proc: Any, totals: dict[str, float]) -> None:
        self.name, self.proc, self.totals = name, proc, totals
        totals.setdefault(name, 0.0)

    def __call__(self, doc: Any) -> Any:
        t = time.perf_counter()
        doc = self.proc(doc)
        self.totals[self.name] += time.perf_counter() - t
        return doc

    def pipe(self, docs: Iterable[Any], batch_size: int = 32, **kwargs: Any) -> Iterator[Any]:
        for batch in minibatch(docs, size=batch_size):  # upstream work happens before the clock
            t = time.perf_counter()
            if hasattr(self.proc, "pipe"):
                out = list(self.proc.pipe(batch, batch_size=batch_size, **kwargs))
            else:
                out = [self.proc(d) for d in batch]
            self.totals[self.name] += time.perf_counter() - t
            yield from out


def timed_nlp(settings: Settings) -> tuple[Any, dict[str, float]]:
    nlp = build_nlp(settings)
    totals: dict[str, float] = {}
    nlp._components = [(n, Timed(n, p, totals)) for n, p in nlp._components]
    return nlp, totals


def spacy_alone(nlp: Any, texts: list[str], batch_size: int) -> float:
    t = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=batch_size):
        pass
    return time.perf_counter() - t


def bench_throughput(
    label: str, articles: list[Article], settings: Settings, scratch: Path
) -> dict[str, Any]:
    """``storyline run`` against the spaCy model alone on the same texts (see module docstring)."""
    texts = [a.text for a in articles]
    batch = settings.pipeline.batch_size
    base = build_nlp(settings.replace(pipeline={"stages": []}))
    full, totals = timed_nlp(settings)
    for model in (base, full):  # warm up: first calls allocate
        list(model.pipe(texts[:8], batch_size=batch))
    for k in totals:
        totals[k] = 0.0
    t_tok = time.perf_counter()
    for t in texts:
        base.make_doc(t)
    tokenizer = time.perf_counter() - t_tok

    jsonl = scratch / f"{label}.jsonl"
    write_jsonl(articles, jsonl)
    db = scratch / f"{label}.duckdb"
    story_seconds = [0.0]

    def timed_story_tables(store: Store) -> None:  # the cross-document steps of the run itself
        t = time.perf_counter()
        rebuild_story_tables(store)
        story_seconds[0] += time.perf_counter() - t

    spacy_a = spacy_alone(base, texts, batch)
    runner.rebuild_story_tables = timed_story_tables
    try:
        t = time.perf_counter()
        summary = run([jsonl], db, settings, nlp=full)
        storyline = time.perf_counter() - t
    finally:
        runner.rebuild_story_tables = rebuild_story_tables
    spacy_b = spacy_alone(base, texts, batch)
    story = story_seconds[0]
    with Store.open(db, read_only=True) as store:
        counts = store.counts()
    n_words = words(articles)
    spacy_time = (spacy_a + spacy_b) / 2
    model_pipes = set(base.pipe_names)
    stages = {k: v for k, v in totals.items() if k in full.pipe_names}  # disabled pipes: 0 s
    in_pipes = sum(stages.values())
    return {
        "label": label,
        "articles": len(articles),
        "stored": summary.stored,
        "words": n_words,
        "spacy_seconds": [spacy_a, spacy_b],
        "spacy_wps": n_words / spacy_time,
        "storyline_seconds": storyline,
        "storyline_wps": n_words / storyline,
        "ratio": spacy_time / storyline,
        "tokenizer": tokenizer,
        "components": stages,
        "model_components": sorted(model_pipes),
        "story_tables": story,
        "rest": storyline - in_pipes - tokenizer - story,
        "counts": counts,
    }


# --- memory -------------------------------------------------------------------------------------


def _rss_kib(pid: int) -> tuple[int, int]:
    """(current RSS, peak RSS) of a process in KiB."""
    rss = hwm = 0
    with open(f"/proc/{pid}/status", encoding="ascii") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                rss = int(line.split()[1])
            elif line.startswith("VmHWM:"):
                hwm = int(line.split()[1])
    return rss, hwm


def cycled(articles: list[Article], n: int, max_words: int) -> Iterator[Article]:
    """``n`` distinct articles cut from the corpus, round and round (a copy number keeps each
    one's content hash unique, so none is skipped as already stored)."""
    for i in range(n):
        a = articles[i % len(articles)]
        text = " ".join(a.text.split(" ")[:max_words])
        yield Article(f"{a.name}~{i}", f"{text}\n\n(Copy {i}.)", a.published, a.corpus)


def bench_memory(articles: list[Article], n: int, max_words: int, scratch: Path) -> dict[str, Any]:
    """Peak RSS of ``storyline run`` over ``n`` articles, sampled against documents stored."""
    jsonl = scratch / "memory.jsonl"
    total = write_jsonl(cycled(articles, n, max_words), jsonl)
    n_words = words(cycled(articles, n, max_words))
    db = scratch / "memory.duckdb"
    cmd = [str(Path(sys.executable).parent / "storyline"), "run", str(jsonl), "--db", str(db)]
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    samples: list[tuple[float, int, int, int]] = []  # seconds, stored, rss, peak
    progress = [0]
    errors: list[str] = []

    def follow(stream: Any) -> None:  # the run's plain progress lines, as they come
        for line in stream:
            m = re.search(r"\.\.\. (\d+) documents stored", line)
            if m:
                progress[0] = int(m.group(1))
            else:
                errors.append(line)

    reader = threading.Thread(target=follow, args=(proc.stderr,), daemon=True)
    reader.start()
    while proc.poll() is None:
        try:
            rss, hwm = _rss_kib(proc.pid)
        except (FileNotFoundError, ProcessLookupError):
            break
        samples.append((time.perf_counter() - started, progress[0], rss, hwm))
        time.sleep(1.0)
    reader.join(timeout=5)
    out = proc.stdout.read() if proc.stdout else ""
    err = "".join(errors)
    seconds = time.perf_counter() - started
    return {
        "articles": total,
        "words": n_words,
        "max_words": max_words,
        "seconds": seconds,
        "summary": out.strip().splitlines()[0] if out.strip() else err.strip()[-300:],
        "samples": samples,
        "returncode": proc.returncode,
    }


# --- Spark --------------------------------------------------------------------------------------


def bench_spark(articles: list[Article], masters: list[str], scratch: Path) -> list[dict[str, Any]]:
    jsonl = scratch / "spark.jsonl"
    write_jsonl(articles, jsonl)
    n_words = words(articles)
    out = []
    for master in masters:
        target = scratch / f"spark-{master.replace('[', '').replace(']', '')}"
        cmd = [
            str(Path(sys.executable).parent / "storyline"),
            "run",
            str(jsonl),
            "--engine",
            "spark",
            "--output",
            str(target),
            "--master",
            master,
        ]
        t = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
        seconds = time.perf_counter() - t
        line = next((x for x in proc.stdout.splitlines() if "articles read" in x), "")
        out.append(
            {
                "master": master,
                "seconds": seconds,
                "words": n_words,
                "wps": n_words / seconds,
                "summary": line or proc.stderr.strip()[-400:],
                "ok": proc.returncode == 0,
            }
        )
    return out


# --- report -------------------------------------------------------------------------------------


def render(info: dict[str, Any]) -> str:
    m = info["machine"]
    lines = [
        "# storyline benchmarks",
        "",
        f"Written by `make bench` (`python benchmarks/run.py {' '.join(info['argv'])}`) "
        f"on {info['date']}. Numbers are from one run on the machine below.",
        "",
        "## Machine",
        "",
        "| | |",
        "|---|---|",
        *[f"| {k} | {v} |" for k, v in m.items()],
        f"| load average at end | {info['load_end']} |",
        "",
    ]
    if info.get("note"):
        lines += [info["note"], ""]
    lines += [
        "## Throughput: `storyline run` against spaCy alone",
        "",
        "Same texts, same model, same batch size, one process. spaCy alone is `nlp.pipe` over the "
        "texts (tokenizer and the model's components); it ran before and after the storyline "
        "pass and the ratio uses the mean. `storyline run` is the whole command: reading the "
        "JSONL, the model, the four stages, the DuckDB writes and the story tables.",
        "",
        "| corpus | articles | words | spaCy alone (words/s) | storyline run (words/s) | "
        "ratio (spaCy time / storyline time) |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for r in info["throughput"]:
        lines.append(
            f"| {r['label']} | {r['articles']:,} | {r['words']:,} | {r['spacy_wps']:,.0f} | "
            f"{r['storyline_wps']:,.0f} | **{r['ratio']:.0%}** |"
        )
    lines += ["", "The floor is 60%.", "", "## Cost of each stage", ""]
    for r in info["throughput"]:
        total = r["storyline_seconds"]
        lines += [
            f"### {r['label']}",
            "",
            "| step | seconds | share of `storyline run` | words/s of the step alone |",
            "|---|---:|---:|---:|",
        ]
        steps = [("tokenizer", r["tokenizer"])]
        steps += [(k, v) for k, v in r["components"].items()]
        steps += [
            ("cross-document steps (entities, story events, stories, timeline)", r["story_tables"]),
            ("reading, store writes, bookkeeping (the rest; also absorbs timer noise)", r["rest"]),
        ]
        for name, sec in steps:
            kind = " (model)" if name in r["model_components"] else ""
            rate = f"{r['words'] / sec:,.0f}" if sec > 0 else "—"
            lines.append(f"| {name}{kind} | {sec:.1f} | {sec / total:.0%} | {rate} |")
        lines += [f"| **total** | {total:.1f} | 100% | {r['storyline_wps']:,.0f} |", ""]
        counts = ", ".join(f"{v:,} {k}" for k, v in r["counts"].items())
        lines += [f"Records: {counts}.", ""]
    mem = info.get("memory")
    if mem:
        lines += [
            "## Peak memory of a long run",
            "",
            f"`storyline run` over {mem['articles']:,} distinct articles ({mem['words']:,} words: "
            f"the combined corpus cycled, each article cut to its first {mem['max_words']} words "
            f"and numbered) into a new DuckDB file, in its own process. "
            f"{mem['seconds']:.0f} s. Summary: `{mem['summary']}`",
            "",
            "| documents stored | seconds | RSS (MiB) | peak RSS so far (MiB) |",
            "|---:|---:|---:|---:|",
        ]
        shown: set[int] = set()
        for sec, stored, rss, hwm in mem["samples"]:
            if stored not in shown:
                shown.add(stored)
                lines.append(f"| {stored:,} | {sec:.0f} | {rss / 1024:.0f} | {hwm / 1024:.0f} |")
        if mem["samples"]:
            sec, stored, rss, hwm = mem["samples"][-1]
            lines.append(f"| (end) | {sec:.0f} | {rss / 1024:.0f} | {hwm / 1024:.0f} |")
        lines.append("")
    if info.get("spark"):
        lines += [
            "## Spark local mode",
            "",
            "`storyline run --engine spark --output DIR --master M` as a command, wall time "
            "including the JVM start, the model load in each worker and the cross-document steps.",
            "",
            "| master | articles words | seconds | words/s | summary |",
            "|---|---:|---:|---:|---|",
        ]
        for r in info["spark"]:
            lines.append(
                f"| {r['master']} | {r['words']:,} | {r['seconds']:.0f} | {r['wps']:,.0f} | "
                f"{r['summary'] if r['ok'] else 'FAILED: ' + r['summary']} |"
            )
        lines.append("")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="the shared data folder")
    parser.add_argument("--out", type=Path, default=REPO / "benchmarks/RESULTS.md")
    parser.add_argument(
        "--limit", type=int, default=None, help="articles per throughput corpus (default: all)"
    )
    parser.add_argument("--memory-articles", type=int, default=10_000)
    parser.add_argument(
        "--memory-words", type=int, default=120, help="words kept of each article in the memory run"
    )
    parser.add_argument("--spark-articles", type=int, default=200)
    parser.add_argument(
        "--skip", action="append", default=[], choices=["polnear", "combined", "memory", "spark"]
    )
    parser.add_argument("--note", default="", help="a paragraph to add to the report")
    args = parser.parse_args(argv)
    settings = load_settings(None)
    info: dict[str, Any] = {
        "argv": sys.argv[1:] if argv is None else argv,
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "machine": machine(),
        "throughput": [],
        "note": args.note,
    }
    corpus_polnear = polnear(args.data)
    corpus_all = combined(args.data)
    with tempfile.TemporaryDirectory(prefix="storyline-bench-") as tmp:
        scratch = Path(tmp)
        for label, corpus in (("polnear", corpus_polnear), ("combined", corpus_all)):
            if label in args.skip:
                continue
            sample = corpus[: args.limit] if args.limit else corpus
            name = f"{label} ({len(sample)} of {len(corpus)} articles)"
            print(f"throughput: {name}", file=sys.stderr, flush=True)
            info["throughput"].append(bench_throughput(label, sample, settings, scratch))
            info["throughput"][-1]["label"] = name
        if "memory" not in args.skip:
            print("memory run", file=sys.stderr, flush=True)
            info["memory"] = bench_memory(
                corpus_all, args.memory_articles, args.memory_words, scratch
            )
        if "spark" not in args.skip:
            print("spark runs", file=sys.stderr, flush=True)
            info["spark"] = bench_spark(
                corpus_polnear[: args.spark_articles], ["local[1]", "local[2]"], scratch
            )
    info["load_end"] = " ".join(f"{x:.1f}" for x in os.getloadavg())
    report = render(info)
    args.out.write_text(report, encoding="utf-8")
    (args.out.with_suffix(".json")).write_text(json.dumps(info, indent=1, default=str))
    print(report)


if __name__ == "__main__":
    main()

"""How the cross-document steps scale with the archive, local and on Spark (``make bench-scale``).

Reads: the VOA stories and the PolNeAR texts (train and dev) in ``--data`` (../shared/data).
Writes: ``--out`` (benchmarks/SCALING.md, and the figures as .json beside it) and cached scratch
files under ``--work``.

1. A base corpus of real texts: the VOA stories (dated) and the PolNeAR texts (undated: each gets
   a day of mid-2016 from a hash of its file name). The local pipeline runs once over it into a
   DuckDB store (``WORK/base.duckdb``, reused by later runs) to get the per-document records.
2. A synthetic archive of 1k, 5k and 20k articles: the base's per-document records as extracted
   (documents, document entities, mentions, roles, quotes, events, time expressions) cycled, each
   copy with new ids (the document id and every id derived from it) and every date moved by
   whole years (copy k: +3k years, 29 February kept as the 28th in common years), so the news per
   month stays that of the base and the archive grows in time. Three years, not one: an article's
   names key it within two year-long buckets (``stories.article_keys``: its own and the nearer
   neighbour), so articles up to 732 days apart may be compared, and a verbatim copy is linked
   with its original; one link joins their components, and stories become chains of copies (at
   2,000 articles, 565 of 569 stories spanned copies one year apart, 174 of 241 multi-article
   stories two years apart; a real archive does not repeat its articles). The per-document NLP
   is not run again for the copies: what is measured is the cross-document steps. Written as
   Parquet (``WORK/synthetic-N-yY/<table>.parquet``), the input of both runners.
3. For each size, in a process of its own: the local runner's cross-document steps (the pure
   functions that ``runner.rebuild_story_tables`` chains) timed one by one, and peak RSS; then,
   size by size again, Spark's (``storyline.spark.jobs.cross_document`` with master local[2])
   with the driver's peak memory (the Python driver's and the JVM's).
4. ``storyline.spark.run.run_spark`` end to end over 2,000 articles (the base texts cycled, each
   copy numbered so that no two texts are one document) with master local[1] and local[2], each
   in a process of its own.

The figures are written after each part, so an interrupted run keeps what it measured.
"""

from __future__ import annotations

import argparse
import calendar
import contextlib
import dataclasses
import datetime as dt
import gc
import hashlib
import inspect
import json
import os
import re
import resource
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
from machine import machine

from storyline.records import (
    Document,
    DocumentEntity,
    Event,
    EventReference,
    Mention,
    Quote,
    Role,
    Timex,
    from_dict,
    to_dict,
)
from storyline.store import Store
from storyline.store.schema import arrow_schema

REPO = Path(__file__).resolve().parents[1]
DEFAULT_SIZES = (1000, 5000, 20000)
SPEEDUP_ARTICLES = 2000
SPEEDUP_MASTERS = ("local[1]", "local[2]")
SPARK_MASTER = "local[2]"
PARTS = ("local", "spark", "speedup")
#: Years between two copies of the base in the synthetic archive (see the module's docstring).
YEARS_PER_COPY = 3

#: The first day and the span (days) of the dates given to the undated PolNeAR texts.
POLNEAR_FIRST_DAY = dt.date(2016, 6, 1)
POLNEAR_DAYS = 150

# --- the base corpus ----------------------------------------------------------------------------


def polnear_day(name: str) -> str:
    """The date given to an undated PolNeAR text: a day of mid-2016 fixed by a hash of its name."""
    h = int(hashlib.sha1(name.encode("utf-8")).hexdigest(), 16)
    return (POLNEAR_FIRST_DAY + dt.timedelta(days=h % POLNEAR_DAYS)).isoformat()


def base_rows(data: Path) -> list[dict[str, Any]]:
    """The base corpus as JSONL rows: the VOA stories, then the PolNeAR train and dev texts."""
    voa = data / "corpora/voa-2025/voa_stories.jsonl"
    rows = [json.loads(line) for line in voa.read_text(encoding="utf-8").splitlines() if line]
    for part in ("train", "dev"):
        for path in sorted((data / f"quotes/polnear/{part}/text").glob("*.txt")):
            rows.append(
                {
                    "id": f"polnear-{part}-{path.stem}",
                    "text": path.read_text(encoding="utf-8", errors="replace"),
                    "published": polnear_day(path.stem),
                    "source": "polnear",
                }
            )
    return rows


def write_jsonl(rows: list[dict[str, Any]], path: Path) -> None:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")


def build_base(data: Path, work: Path) -> tuple[Path, dict[str, Any]]:
    """The base store, made by ``storyline run`` unless a finished one is in ``work``."""
    db, done = work / "base.duckdb", work / "base.json"
    if db.exists() and done.exists():
        return db, dict(json.loads(done.read_text()))
    work.mkdir(parents=True, exist_ok=True)
    rows = base_rows(data)
    jsonl = work / "base.jsonl"
    write_jsonl(rows, jsonl)
    log(f"base corpus: storyline run over {len(rows)} articles into {db}")
    cmd = [str(Path(sys.executable).parent / "storyline"), "run", str(jsonl), "--db", str(db)]
    started = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise SystemExit(f"the base run failed: {proc.stderr.strip()[-800:]}")
    with Store.open(db) as store:
        counts = store.counts()
    info = {
        "articles": len(rows),
        "summary": proc.stdout.strip().splitlines()[0] if proc.stdout.strip() else "",
        "seconds": time.perf_counter() - started,
        "counts": counts,
    }
    done.write_text(json.dumps(info, indent=1))
    return db, info


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


# --- the synthetic archive ----------------------------------------------------------------------


@dataclass(frozen=True)
class Table:
    """A per-document table of the archive: its record class, the order the local runner reads it
    in (SQL for the base store, a sort key for the synthetic rows), and what each field to change
    in a copy holds: "doc" the document id, "derived" an id made from it (``<doc id>:Q286``),
    "external" the id given on input, "date" a date value ("date.value": nested)."""

    name: str
    cls: type[Any]
    order: str
    key: Callable[[Any], tuple[Any, ...]]
    fields: tuple[tuple[str, str], ...]


ARCHIVE: tuple[Table, ...] = (
    Table(
        "documents",
        Document,
        "published NULLS LAST, id",
        lambda d: (d.published is None, d.published or "", d.id),
        (("id", "doc"), ("external_id", "external"), ("published", "date")),
    ),
    Table(
        "document_entities",
        DocumentEntity,
        "doc_id, id",
        lambda d: (d.doc_id, d.id),
        (("doc_id", "doc"),),
    ),
    Table(
        "mentions",
        Mention,
        'doc_id, start, "end"',
        lambda m: (m.doc_id, m.start, m.end),
        (("doc_id", "doc"),),
    ),
    Table(
        "roles",
        Role,
        'doc_id, start, "end", entity_id',
        lambda r: (r.doc_id, r.start, r.end, r.entity_id),
        (("doc_id", "doc"), ("date", "date")),
    ),
    Table(
        "quotes",
        Quote,
        "doc_id, start, id",
        lambda q: (q.doc_id, q.start, q.id),
        (("id", "derived"), ("doc_id", "doc"), ("date", "date")),
    ),
    Table(
        "events",
        Event,
        "doc_id, trigger.start, id",
        lambda e: (e.doc_id, e.trigger.start, e.id),
        (("id", "derived"), ("doc_id", "doc"), ("quote_id", "derived"), ("date.value", "date")),
    ),
    Table(
        "event_references",
        EventReference,
        "doc_id, id",
        lambda r: (r.doc_id, r.id),
        (("id", "derived"), ("doc_id", "doc"), ("date.value", "date")),
    ),
    Table(
        "timexes",
        Timex,
        'doc_id, start, "end"',
        lambda t: (t.doc_id, t.start, t.end),
        (("doc_id", "doc"), ("value", "date")),
    ),
)
TABLE_OF = {t.name: t for t in ARCHIVE}

_YEAR = re.compile(r"^(\d{4})(?=$|[-T ])")


def shift_date(value: str | None, years: int) -> str | None:
    """A date or TIMEX3 value ``years`` later ("2016-02-29" + 1 -> "2017-02-28"); values that do
    not start with a year (durations, PAST_REF, decades such as "199") are kept."""
    if not value or not years:
        return value
    m = _YEAR.match(value)
    if not m:
        return value
    year = int(m[1]) + years
    out = f"{year:04d}{value[4:]}"
    if out[4:10] == "-02-29" and not calendar.isleap(year):
        out = f"{out[:4]}-02-28{out[10:]}"
    return out


def copy_doc_id(doc_id: str, k: int) -> str:
    """The id of copy ``k`` of a document (copy 0 is the document itself)."""
    if not k:
        return doc_id
    return hashlib.blake2b(f"{doc_id}~{k}".encode(), digest_size=8).hexdigest()


@dataclass
class Copy:
    """Copy number ``k`` of the base, with its document ids and the years its dates move by."""

    k: int
    doc_ids: dict[str, str]
    years: int

    def value(self, kind: str, value: Any) -> Any:
        if value is None or not self.k:
            return value
        if kind == "doc":
            return self.doc_ids[value]
        if kind == "derived":
            head, sep, tail = str(value).partition(":")
            return (
                f"{self.doc_ids[head]}{sep}{tail}"
                if sep and head in self.doc_ids
                else f"{value}~{self.k}"
            )
        if kind == "external":
            return f"{value}~{self.k}"
        return shift_date(value, self.years)

    def row(self, table: Table, row: dict[str, Any]) -> dict[str, Any]:
        out = dict(row)
        for path, kind in table.fields:
            head, _, inner = path.partition(".")
            if not inner:
                out[head] = self.value(kind, out[head])
            elif out[head] is not None:
                out[head] = {**out[head], inner: self.value(kind, out[head][inner])}
        return out


def read_base(db: Path) -> dict[str, list[dict[str, Any]]]:
    """The base store's per-document tables as extracted, as plain rows in the runner's order
    (opened for writing, so that a schema migration added since it was made applies)."""
    with Store.open(db) as store:
        return {
            t.name: [to_dict(r) for r in store.records(t.cls, order=t.order, extracted=True)]
            for t in ARCHIVE
        }


def synthesize(db: Path, size: int, folder: Path, spacing: int) -> dict[str, int]:
    """The archive of ``size`` articles as Parquet under ``folder`` (reused when already made from
    this base): the base cycled, copy k taking the base's documents in published order and moving
    every date ``k * spacing`` years."""
    done = folder / "done.json"
    schemas = "".join(str(arrow_schema(t.cls)) for t in ARCHIVE)  # records.py may change
    fingerprint = hashlib.sha1(schemas.encode()).hexdigest()[:12]
    made = hashlib.sha1((db.parent / "base.json").read_bytes()).hexdigest()[:12]
    stamp = f"{db.resolve()}:{made}:{spacing}:{fingerprint}"
    if done.exists():
        info = json.loads(done.read_text())
        if info.get("base") == stamp:
            return dict(info["rows"])
    log(f"synthetic archive of {size:,} articles in {folder}")
    folder.mkdir(parents=True, exist_ok=True)
    base = read_base(db)
    documents = base["documents"]
    copies = []
    for k in range(-(-size // len(documents))):
        ids = [d["id"] for d in documents[: size - k * len(documents)]]
        copies.append((Copy(k, {d: copy_doc_id(d, k) for d in ids}, k * spacing), set(ids)))
    rows: dict[str, int] = {}
    for table in ARCHIVE:
        schema = arrow_schema(table.cls)
        doc_field = "id" if table.cls is Document else "doc_id"
        rows[table.name] = 0
        with pq.ParquetWriter(folder / f"{table.name}.parquet", schema) as writer:
            for copy, kept in copies:
                out = [copy.row(table, r) for r in base[table.name] if r[doc_field] in kept]
                writer.write_table(pa.Table.from_pylist(out, schema=schema))
                rows[table.name] += len(out)
    done.write_text(json.dumps({"base": stamp, "rows": rows}, indent=1))
    return rows


def read_records(folder: Path, name: str) -> list[Any]:
    """A synthetic table as records, in the order the local runner reads it."""
    table = TABLE_OF[name]
    rows = pq.read_table(folder / f"{name}.parquet").to_pylist()
    return sorted((from_dict(table.cls, r) for r in rows), key=table.key)


# --- memory -------------------------------------------------------------------------------------


def status_kib(pid: int | str, field: str) -> int:
    """A ``VmRSS``/``VmHWM`` line of /proc/<pid>/status, in KiB (0 when the process is gone)."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as f:
            for line in f:
                if line.startswith(f"{field}:"):
                    return int(line.split()[1])
    except (FileNotFoundError, ProcessLookupError):
        pass
    return 0


def peak_kib() -> int:
    """This process's peak RSS in KiB (``ru_maxrss`` is in KiB on Linux)."""
    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


@dataclass(frozen=True)
class Process:
    name: str
    cpu: float  # seconds of user and system time, its own and its reaped children's


def process_tree(pid: int) -> dict[int, Process]:
    """``pid`` and its descendants (the JVM PySpark starts, and the JVM's Python workers)."""
    parents: dict[int, int] = {}
    found: dict[int, Process] = {}
    tick = os.sysconf("SC_CLK_TCK")
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        name = stat[stat.index("(") + 1 : stat.rindex(")")]
        fields = stat[stat.rindex(")") + 2 :].split()
        parents[int(entry.name)] = int(fields[1])
        # utime, stime, cutime, cstime: a worker that exits is counted by its parent.
        found[int(entry.name)] = Process(name, sum(int(x) for x in fields[11:15]) / tick)
    wanted = {pid}
    for _ in range(8):  # a few levels: spark-submit may start java through a shell
        wanted |= {p for p, parent in parents.items() if parent in wanted}
    return {p: found[p] for p in sorted(wanted) if p in found}


def java_children(pid: int) -> list[int]:
    """The java processes among the descendants of ``pid`` (the JVM PySpark starts)."""
    return [p for p, proc in process_tree(pid).items() if proc.name == "java"]


def tree_cpu(pid: int) -> dict[str, float]:
    """CPU seconds of ``pid`` (driver), its JVMs (java) and the rest (Python workers)."""
    out = {"driver": 0.0, "java": 0.0, "python": 0.0}
    for p, proc in process_tree(pid).items():
        kind = "driver" if p == pid else "java" if proc.name == "java" else "python"
        out[kind] += proc.cpu
    return out


class StepCpu(dict[str, float]):
    """The timings ``cross_document`` fills (wall seconds per step), noting beside each step the
    CPU seconds this process and its descendants (the JVM, its Python workers) used since the
    step before: on a shared machine the steadier figure."""

    def __init__(self) -> None:
        super().__init__()
        self.cpu: dict[str, dict[str, float]] = {}
        self.last = tree_cpu(os.getpid())

    def __setitem__(self, step: str, seconds: float) -> None:
        now = tree_cpu(os.getpid())
        self.cpu[step] = {k: now[k] - self.last[k] for k in now}
        self.last = now
        super().__setitem__(step, seconds)


def load_average() -> float:
    return round(os.getloadavg()[0], 1)


# --- the local runner's cross-document steps ----------------------------------------------------


class Clock:
    """Wall and CPU seconds of named steps (on a shared machine the CPU seconds of a one-thread
    step are the steadier figure)."""

    def __init__(self) -> None:
        self.wall: dict[str, float] = {}
        self.cpu: dict[str, float] = {}

    @contextlib.contextmanager
    def step(self, name: str) -> Iterator[None]:
        wall, cpu = time.perf_counter(), time.process_time()
        yield
        self.wall[name] = time.perf_counter() - wall
        self.cpu[name] = time.process_time() - cpu


def local_steps(folder: Path) -> dict[str, Any]:
    """The cross-document steps of ``runner.rebuild_story_tables`` over a synthetic archive, each
    timed: the pure functions, over the records as the runner reads them from the store."""
    from storyline.story.entities import entity_links, link_entities, relink_event
    from storyline.story.events import merge_events
    from storyline.story.references import link_references
    from storyline.story.stories import group_stories
    from storyline.story.timeline import story_timelines

    started = time.perf_counter()
    documents = read_records(folder, "documents")
    doc_entities = read_records(folder, "document_entities")
    roles = read_records(folder, "roles")
    extracted_events = read_records(folder, "events")
    extracted_quotes = read_records(folder, "quotes")
    references = read_records(folder, "event_references")
    read = time.perf_counter() - started
    gc.collect()
    rss_inputs = status_kib("self", "VmRSS")
    clock = Clock()
    with clock.step("entities"):
        entities, redirects = link_entities((d.as_entity() for d in doc_entities), roles)
        links = entity_links(doc_entities, redirects)
    # What the store's views do on reading: event actors and quote speakers through the links.
    with clock.step("relink"):
        by_id = {e.id: e for e in entities}
        events = [relink_event(e, redirects, by_id) for e in extracted_events]
        quotes = [
            q
            if q.speaker_entity_id not in redirects
            else dataclasses.replace(q, speaker_entity_id=redirects[q.speaker_entity_id])
            for q in extracted_quotes
        ]
    with clock.step("story_events"):
        story_events = merge_events(events, documents)
    with clock.step("stories"):
        stories, story_events = group_stories(documents, events, story_events, quotes)
    with clock.step("references"):
        reference_links = link_references(references, story_events, events, stories)
    with clock.step("timeline"):
        timeline = story_timelines(stories, story_events, events, documents, quotes)

    return {
        "articles": len(documents),
        "read_seconds": read,
        "seconds": clock.wall,
        "total": sum(clock.wall.values()),
        "cpu": clock.cpu,
        "cpu_total": sum(clock.cpu.values()),
        "rss_inputs_kib": rss_inputs,
        "peak_kib": peak_kib(),
        "inputs": {
            "document_entities": len(doc_entities),
            "roles": len(roles),
            "events": len(events),
            "quotes": len(quotes),
        },
        "outputs": {
            "entities": len(entities),
            "entity_links": len(links),
            "story_events": len(story_events),
            "stories": len(stories),
            "multi_article_stories": sum(1 for s in stories if len(s.doc_ids) > 1),
            "reference_links": len(reference_links),
            "timeline": len(timeline),
        },
    }


# --- Spark --------------------------------------------------------------------------------------

#: The per-document tables ``cross_document`` takes, as extracted.
SPARK_INPUTS = (
    "documents",
    "document_entities",
    "roles",
    "mentions",
    "quotes",
    "events",
    "event_references",
)


#: The tables whose rows ``spark_steps`` counts (to hold against the local runner's).
SPARK_OUTPUTS = ("entities", "story_events", "stories", "reference_links", "timeline")


def spark_steps(folder: Path, master: str) -> dict[str, Any]:
    """``storyline.spark.jobs.cross_document`` over a synthetic archive: its own timing of each
    step (materialized), the whole call's, and the driver's peak memory (Python and JVM)."""
    from storyline.spark import jobs
    from storyline.spark.session import session, spark_schema

    cross_document = getattr(jobs, "cross_document", None)
    if cross_document is None:
        raise SystemExit("storyline.spark.jobs has no cross_document yet")
    t = time.perf_counter()
    spark = session(master)
    start_seconds = time.perf_counter() - t
    extracted = {
        name: spark.read.schema(spark_schema(TABLE_OF[name].cls)).parquet(
            str(folder / f"{name}.parquet")
        )
        for name in SPARK_INPUTS
    }
    timings = StepCpu()
    out: dict[str, Any] = {
        "articles": int(pq.read_metadata(folder / "documents.parquet").num_rows),
        "master": master,
        "session_seconds": start_seconds,
        "seconds": timings,
    }
    t = time.perf_counter()
    try:
        if "spark" in inspect.signature(cross_document).parameters:
            tables = cross_document(spark, extracted, timings)
        else:  # the tables know their session
            tables = cross_document(extracted, timings)
        out["outputs"] = {name: int(tables[name].count()) for name in SPARK_OUTPUTS}
    except Exception as err:  # the steps timed before the failure are kept
        out["error"] = f"{type(err).__name__}: {str(err).strip().splitlines()[0][:300]}"
    out["total"] = time.perf_counter() - t
    out["seconds"] = dict(timings)
    out["cpu"] = {step: sum(parts.values()) for step, parts in timings.cpu.items()}
    out["cpu_parts"] = timings.cpu
    out["cpu_total"] = sum(out["cpu"].values())
    jvm_peak = max((status_kib(p, "VmHWM") for p in java_children(os.getpid())), default=0)
    spark.stop()
    return {**out, "peak_kib": peak_kib(), "jvm_peak_kib": jvm_peak}


def speedup_corpus(data: Path, n: int, path: Path, spacing: int) -> None:
    """``n`` articles of the base texts, cycled: copy k numbered at the end of its text (so that
    no two are one document), with a new id and its date ``k * spacing`` years later."""
    base = base_rows(data)
    rows = []
    for i in range(n):
        k, row = divmod(i, len(base))[0], base[i % len(base)]
        if k:
            row = {
                **row,
                "id": f"{row['id']}~{k}",
                "text": f"{row['text']}\n\n(Copy {k}.)",
                "published": shift_date(row.get("published"), k * spacing),
            }
        rows.append(row)
    write_jsonl(rows, path)


def spark_run(jsonl: Path, output: Path, master: str) -> dict[str, Any]:
    """``run_spark`` end to end over a JSONL file, timed, with the driver's peak memory."""
    from storyline.settings import load_settings
    from storyline.spark.run import run_spark
    from storyline.spark.session import session

    phases = StepCpu()
    t = time.perf_counter()
    spark = session(master)
    phases["session"] = time.perf_counter() - t
    summary = run_spark(
        [jsonl], output, load_settings(None), master=master, spark=spark, timings=phases
    )
    seconds = time.perf_counter() - t
    cpu = tree_cpu(os.getpid())
    jvm_peak = max((status_kib(p, "VmHWM") for p in java_children(os.getpid())), default=0)
    spark.stop()
    return {
        "master": master,
        "seconds": seconds,
        "run_spark_seconds": summary.seconds,
        "stored": summary.stored,
        "words": summary.words,
        "summary": summary.line(),
        "cpu": cpu,
        "phases": dict(phases),
        "phase_cpu": phases.cpu,
        "peak_kib": peak_kib(),
        "jvm_peak_kib": jvm_peak,
    }


# --- one measurement per process ----------------------------------------------------------------


def child(args: list[str]) -> dict[str, Any]:
    """Run ``scaling.py --child ...`` in a new process; its figures (its last line, JSON)."""
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", *args]
    t = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - t
    lines = proc.stdout.strip().splitlines()
    if proc.returncode != 0 or not lines:
        tail = proc.stderr.strip()[-1500:]
        log(f"FAILED ({proc.returncode}): {' '.join(args)}\n{tail}")
        return {"error": tail.splitlines()[-1] if tail else f"exit {proc.returncode}"}
    out = dict(json.loads(lines[-1]))
    out["process_seconds"] = wall
    return out


def run_child(argv: list[str]) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--child", choices=["local", "spark", "speedup"], required=True)
    parser.add_argument("--folder", type=Path, required=True)
    parser.add_argument("--master", default=SPARK_MASTER)
    parser.add_argument("--jsonl", type=Path)
    args = parser.parse_args(argv)
    load = load_average()
    if args.child == "local":
        out = local_steps(args.folder)
    elif args.child == "spark":
        out = spark_steps(args.folder, args.master)
    else:
        out = spark_run(args.jsonl, args.folder, args.master)
    out["load"] = [load, load_average()]
    print(json.dumps(out))


# --- the report ---------------------------------------------------------------------------------


def _mib(kib: int) -> str:
    return f"{kib / 1024:,.0f}"


def _per_k(seconds: float, articles: int) -> str:
    return f"{seconds * 1000 / articles:.2f}"


def _ratio(rows: list[dict[str, Any]], clock: str, step: str | None) -> str:
    """Seconds per 1,000 articles at the largest size over the smallest (``clock``: "seconds" or
    "cpu"; ``step`` None: all steps)."""
    first, last = rows[0], rows[-1]
    if clock not in first:
        return ""
    total = "total" if clock == "seconds" else "cpu_total"
    a = (first[clock].get(step, 0.0) if step else first[total]) / first["articles"]
    b = (last[clock].get(step, 0.0) if step else last[total]) / last["articles"]
    return f"{b / a:.2f}×" if a > 0 else "—"


def _cell(r: dict[str, Any], step: str | None) -> str:
    """Seconds per 1,000 articles of a step (None: all steps), wall and, when measured, CPU."""
    wall = r["seconds"].get(step, 0.0) if step else r["total"]
    text = _per_k(wall, r["articles"])
    if "cpu" in r:
        cpu = r["cpu"].get(step, 0.0) if step else r["cpu_total"]
        text += f" ({_per_k(cpu, r['articles'])})"
    return text


def _growth(rows: list[dict[str, Any]], step: str | None) -> str:
    cpu = _ratio(rows, "cpu", step)
    return _ratio(rows, "seconds", step) + (f" ({cpu})" if cpu else "")


def _steps_table(
    rows: list[dict[str, Any]], memory: Callable[[dict[str, Any]], list[str]], heads: list[str]
) -> list[str]:
    good = [r for r in rows if "error" not in r]
    steps: list[str] = []
    for r in rows:
        steps += [s for s in r.get("seconds", ()) if s not in steps]
    lines = [
        "| articles | " + " | ".join(steps) + " | all steps | " + " | ".join(heads) + " |",
        "|---:|" + "---:|" * (len(steps) + 1 + len(heads)),
    ]
    for r in rows:
        if "seconds" not in r:  # the process itself failed
            lines.append(f"| {r.get('size', '?'):,} | FAILED: {r['error']} |")
            continue
        cells = [_cell(r, s) if s in r["seconds"] else "—" for s in steps]
        total = f"**{_cell(r, None)}**; {r['total']:.1f} s"
        if "error" in r:
            total = f"FAILED after {r['total']:.0f} s: {r['error']}"
        lines.append(
            f"| {r['articles']:,} | "
            + " | ".join(cells)
            + f" | {total} | "
            + " | ".join(memory(r))
            + " |"
        )
    if len(good) > 1:
        first, last = good[0], good[-1]
        cells = [_growth(good, s) for s in steps]
        lines.append(
            f"| growth {last['articles']:,} / {first['articles']:,} | "
            + " | ".join(cells)
            + f" | {_growth(good, None)} | "
            + " | ".join("" for _ in heads)
            + " |"
        )
    return lines


def _load(r: dict[str, Any]) -> str:
    """The load average (one minute) when a measurement started and when it ended."""
    return " – ".join(f"{x:.1f}" for x in r.get("load", ()))


def _years(info: dict[str, Any]) -> str:
    spacing = info.get("years_per_copy", YEARS_PER_COPY)
    return "k years" if spacing == 1 else f"{spacing}k years"


def render(info: dict[str, Any]) -> str:
    m, base = info["machine"], info.get("base", {})
    lines = [
        "# How the cross-document steps scale",
        "",
        f"Written by `make bench-scale` (`python benchmarks/scaling.py {' '.join(info['argv'])}`) "
        f"on {info['date']}: one run on the machine below, each figure from a process of its own.",
        "",
        "## Machine",
        "",
        "| | |",
        "|---|---|",
        *[f"| {k} | {v} |" for k, v in m.items()],
        f"| load average at end | {info.get('load_end', '')} |",
        "",
    ]
    if info.get("note"):
        lines += [info["note"], ""]
    counts = ", ".join(f"{v:,} {k}" for k, v in base.get("counts", {}).items() if v)
    lines += [
        "## The archive",
        "",
        f"Base: {base.get('articles', '?')} real articles (the VOA stories of 2025 and the PolNeAR "
        "train and dev texts, the latter dated by a hash of their names within "
        f"{POLNEAR_FIRST_DAY:%B %Y} + {POLNEAR_DAYS} days), run once through the local pipeline: "
        f"`{base.get('summary', '')}`. Records: {counts}.",
        "",
        "Each size cycles the base's per-document records as extracted (documents, document "
        "entities, mentions, roles, quotes, events, time expressions), copy k with new document "
        f"ids (and the ids made from them) and every date {_years(info)} later, so the news per "
        "month "
        "stays that of the base and the archive grows in time. The per-document NLP is **not** "
        "run again for the copies: these are the costs of the cross-document steps alone, over "
        "the same Parquet input for both runners.",
        "",
    ]
    if info.get("synthetic"):
        lines += [
            "| articles | " + " | ".join(t.name for t in ARCHIVE) + " |",
            "|---:|" + "---:|" * len(ARCHIVE),
        ]
    for size, rows in sorted(info.get("synthetic", {}).items(), key=lambda kv: int(kv[0])):
        lines.append(
            f"| {int(size):,} | " + " | ".join(f"{rows[t.name]:,}" for t in ARCHIVE) + " |"
        )
    lines.append("")
    if info.get("local"):
        lines += [
            "## Local runner",
            "",
            "Seconds per 1,000 articles of each step of `runner.rebuild_story_tables`, over the "
            "records as it reads them: `link_entities` + `entity_links` (entities), event actors "
            "and quote speakers read through the links (relink: the store's views do it in "
            "DuckDB), `merge_events` (story events), `group_stories` (stories), "
            "`link_references` (references), `story_timelines` (timeline). Memory: the "
            "process's peak RSS, and its RSS with the "
            "input records loaded, before the steps. Each cell: wall seconds per 1,000 articles "
            "(CPU seconds in brackets: the steadier figure on a shared machine). The last row: "
            "the largest size's seconds per 1,000 articles over the smallest's (flat is 1.00×).",
            "",
            *_steps_table(
                info["local"],
                lambda r: [_mib(r["peak_kib"]), _mib(r["rss_inputs_kib"]), _load(r)],
                ["peak RSS (MiB)", "RSS of the inputs (MiB)", "load average"],
            ),
            "",
            "| articles | entities | story events | stories (of 2 articles or more) | "
            "reference links | timeline entries |",
            "|---:|---:|---:|---:|---:|---:|",
        ]
        for r in info["local"]:
            if "error" not in r:
                o = r["outputs"]
                lines.append(
                    f"| {r['articles']:,} | {o['entities']:,} | {o['story_events']:,} | "
                    f"{o['stories']:,} ({o['multi_article_stories']:,}) | "
                    f"{o.get('reference_links', 0):,} | {o['timeline']:,} |"
                )
        lines.append("")
    if info.get("spark"):
        lines += [
            "## Spark runner",
            "",
            f"`storyline.spark.jobs.cross_document` with master {SPARK_MASTER} over the same "
            "tables read from Parquet: seconds per 1,000 articles of each step as it timed them "
            "(each step materialized), and of the whole call; in brackets the CPU seconds of "
            "the Python driver, the JVM and its Python workers together (on two shared cores "
            "the steadier figure; local[2] can use two CPU seconds per second). Driver memory: "
            "the Python driver's peak RSS and the JVM's (VmHWM, read before the session stops). "
            "Load average: one minute, at the start and the end of the measurement.",
            "",
            *_steps_table(
                info["spark"],
                lambda r: [_mib(r["peak_kib"]), _mib(r["jvm_peak_kib"]), _load(r)],
                ["Python driver peak (MiB)", "JVM peak (MiB)", "load average"],
            ),
            "",
        ]
    if info.get("speedup"):
        runs = info["speedup"]
        lines += [
            "## Spark local[1] against local[2], end to end",
            "",
            f"`run_spark` over {info.get('speedup_articles', SPEEDUP_ARTICLES):,} articles (the "
            f"base texts cycled, each copy numbered at its end and dated {_years(info)} later), "
            "each "
            "master in a process of its own; seconds from the session's start to the tables "
            "written.",
            "",
            "| master | seconds | CPU seconds (driver + JVM + workers) | documents stored | "
            "Python driver peak (MiB) | JVM peak (MiB) | load average |",
            "|---|---:|---:|---:|---:|---:|---:|",
        ]
        for r in runs:
            if "error" in r:
                lines.append(f"| {r.get('master', '?')} | FAILED: {r['error']} | | | | | |")
            else:
                cpu = sum(r.get("cpu", {}).values())
                lines.append(
                    f"| {r['master']} | {r['seconds']:.0f} | {cpu:.0f} | {r['stored']:,} | "
                    f"{_mib(r['peak_kib'])} | {_mib(r['jvm_peak_kib'])} | {_load(r)} |"
                )
        ok = [r for r in runs if "error" not in r]
        if len(ok) == 2:
            lines += [
                "",
                f"Speed-up of local[2] over local[1]: **{ok[0]['seconds'] / ok[1]['seconds']:.2f}×**.",
            ]
        lines += ["", *_phases_table(ok)]
    return "\n".join(lines) + "\n"


def _phases_table(runs: list[dict[str, Any]]) -> list[str]:
    """Each phase of the end-to-end runs: wall seconds, and the CPU seconds of the driver, the
    JVM and the Python workers (a phase whose CPU seconds are well under twice its wall seconds
    on local[2] left a core idle)."""
    timed = [r for r in runs if r.get("phases")]
    if not timed:
        return []
    phases: list[str] = []
    for r in timed:
        phases += [p for p in r["phases"] if p not in phases]
    lines = [
        "Each phase of `run_spark` (computed when it ends: `run_spark(..., timings=...)`): wall "
        "seconds, then the CPU seconds of the Python driver, the JVM and the Python workers "
        "(driver + JVM + workers), and the cores it kept busy on average (CPU over wall).",
        "",
        "| phase | " + " | ".join(r["master"] for r in timed) + " |",
        "|---|" + "---:|" * len(timed),
    ]
    for phase in [*phases, "all"]:
        cells = []
        for r in timed:
            if phase == "all":
                wall = sum(r["phases"].values())
                parts = {k: sum(c[k] for c in r["phase_cpu"].values()) for k in r["cpu"]}
            elif phase in r["phases"]:
                wall, parts = r["phases"][phase], r["phase_cpu"][phase]
            else:
                cells.append("—")
                continue
            cpu = sum(parts.values())
            busy = f"{cpu / wall:.2f}" if wall > 0 else "—"
            split = " + ".join(f"{parts[k]:.0f}" for k in ("driver", "java", "python"))
            cells.append(f"{wall:.1f} s; {cpu:.0f} CPU s ({split}); {busy} cores")
        lines.append(f"| {phase} | " + " | ".join(cells) + " |")
    lines.append("")
    return lines


def save(info: dict[str, Any], out: Path) -> str:
    info["load_end"] = " ".join(f"{x:.1f}" for x in os.getloadavg())
    report = render(info)
    out.write_text(report, encoding="utf-8")
    out.with_suffix(".json").write_text(json.dumps(info, indent=1, default=str), encoding="utf-8")
    return report


def main(argv: list[str] | None = None) -> None:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--child"]:
        run_child(argv)
        return
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument(
        "--data",
        type=Path,
        default=Path(os.environ.get("STORYLINE_SHARED_DATA", REPO.parent / "shared/data")),
        help="the shared data folder",
    )
    parser.add_argument("--out", type=Path, default=REPO / "benchmarks/SCALING.md")
    parser.add_argument("--work", type=Path, default=REPO / "out/scaling", help="cached scratch")
    parser.add_argument(
        "--sizes",
        default=",".join(map(str, DEFAULT_SIZES)),
        help="articles of the synthetic archives, comma-separated",
    )
    parser.add_argument(
        "--skip", action="append", default=[], help="parts to skip: local, spark, speedup"
    )
    parser.add_argument("--speedup-articles", type=int, default=SPEEDUP_ARTICLES)
    parser.add_argument(
        "--years-per-copy",
        type=int,
        default=YEARS_PER_COPY,
        help="years between two copies of the base (copy k: dates k times this later)",
    )
    parser.add_argument("--note", default="", help="a paragraph to add to the report")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    skip = {s.strip() for item in args.skip for s in item.split(",") if s.strip()}
    if skip - set(PARTS):
        parser.error(f"--skip takes {', '.join(PARTS)}; not {', '.join(sorted(skip - set(PARTS)))}")
    info: dict[str, Any] = {
        "argv": argv,
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "machine": machine(),
        "note": args.note,
        "synthetic": {},
        "local": [],
        "spark": [],
        "speedup": [],
        "speedup_articles": args.speedup_articles,
        "years_per_copy": args.years_per_copy,
    }
    db, info["base"] = build_base(args.data, args.work)
    folders = {n: args.work / f"synthetic-{n}-y{args.years_per_copy}" for n in sizes}
    if skip != {"local", "spark"}:
        for n in sizes:
            info["synthetic"][str(n)] = synthesize(db, n, folders[n], args.years_per_copy)
    for part in ("local", "spark"):  # the local runner first: its figures come in minutes
        if part in skip:
            continue
        for n in sizes:
            log(f"{part}: {n:,} articles")
            info[part].append({"size": n, **child([part, "--folder", str(folders[n])])})
            save(info, args.out)
    if "speedup" not in skip:
        jsonl = args.work / f"speedup-{args.speedup_articles}.jsonl"
        speedup_corpus(args.data, args.speedup_articles, jsonl, args.years_per_copy)
        for master in SPEEDUP_MASTERS:
            log(f"run_spark over {args.speedup_articles:,} articles, {master}")
            target = args.work / f"speedup-{master.strip(']').replace('[', '')}"
            run = child(
                ["speedup", "--folder", str(target), "--master", master, "--jsonl", str(jsonl)]
            )
            info["speedup"].append({"master": master, **run})
            save(info, args.out)
    print(save(info, args.out))


if __name__ == "__main__":
    main()

"""Time and peak memory of ``storyline run`` on very long and hostile inputs (``make bench-long``).

Reads: the VOA stories in ``examples/voa-2025`` (to build long articles). Writes: ``--out``
(benchmarks/LONG_INPUTS.md), the same numbers as JSON beside it, and scratch files in a temporary
folder.

Each case is one ``storyline run INPUT --db NEW.duckdb`` in its own process, with the shipped
defaults; wall time and peak resident memory (``ru_maxrss`` of the child, from ``wait4``) are taken
from the outside, and a case still running after ``--timeout`` seconds is killed and reported so.

The cases: articles of 100k, 300k and 900k characters and one of 8 MB (VOA stories joined by blank
lines, as one ``.txt``); a 200 MB HTML page gzipped to about half a megabyte (one paragraph
repeated); a ``.jsonl.gz`` of 50 million blank lines. ``--compare OLD.json`` adds the numbers of an
earlier run (say, before a change) beside each case; ``--render RUN.json`` writes the report of an
earlier run again (with ``--note`` and ``--compare``) without running anything.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
VOA = REPO / "examples/voa-2025/voa_stories.jsonl"


def voa_texts() -> list[str]:
    lines = VOA.read_text(encoding="utf-8").splitlines()
    return [json.loads(line)["text"] for line in lines if line.strip()]


def long_text(chars: int) -> str:
    """VOA stories joined by blank lines, cycled, cut to ``chars`` characters."""
    texts = voa_texts()
    parts: list[str] = []
    total = i = 0
    while total < chars:
        parts.append(texts[i % len(texts)])
        total += len(parts[-1]) + 2
        i += 1
    return "\n\n".join(parts)[:chars].rstrip()


def write_article(chars: int) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / f"article-{chars}.txt"
        path.write_text(long_text(chars), encoding="utf-8")
        return path

    return make


def write_html_bomb(folder: Path, unpacked: int = 200_000_000) -> Path:
    """A gzipped HTML page of ``unpacked`` bytes: one VOA paragraph repeated."""
    paragraph = f"<p>{voa_texts()[0][:1000]}</p>\n".encode()
    head = b"<html><head><title>Long page</title></head><body><article>\n"
    path = folder / "page.html.gz"
    with gzip.open(path, "wb", compresslevel=9) as out:
        out.write(head)
        block = paragraph * 1000
        for _ in range(unpacked // len(block)):
            out.write(block)
        out.write(b"</article></body></html>\n")
    return path


def write_blank_lines(folder: Path, lines: int = 50_000_000) -> Path:
    path = folder / "blank.jsonl.gz"
    with gzip.open(path, "wb", compresslevel=9) as out:
        block = b"\n" * 1_000_000
        for _ in range(lines // len(block)):
            out.write(block)
    return path


CASES: dict[str, Callable[[Path], Path]] = {
    "article, 100k characters": write_article(100_000),
    "article, 300k characters": write_article(300_000),
    "article, 900k characters": write_article(900_000),
    "article, 8 MB": write_article(8_000_000),
    "200 MB HTML page as .html.gz": write_html_bomb,
    "50 million blank lines as .jsonl.gz": write_blank_lines,
}


def failures_of(db: Path) -> list[str]:
    import duckdb

    try:
        with duckdb.connect(str(db), read_only=True) as con:
            rows = con.execute("SELECT stage, reason FROM failures ORDER BY input").fetchall()
    except duckdb.Error as err:
        return [f"(could not read the failures: {err})"]
    return [f"{stage}: {reason}" for stage, reason in rows]


def run_case(path: Path, db: Path, timeout: float) -> dict[str, Any]:
    """Run ``storyline run`` on one input; its wall time, peak RSS and what it said."""
    cmd = [sys.executable, "-m", "storyline", "run", str(path), "--db", str(db)]
    started = time.perf_counter()
    log = db.with_suffix(".log")
    with log.open("w") as out:
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
        timed_out = False
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() - started > timeout:
                os.killpg(proc.pid, signal.SIGKILL)
                _, status, usage = os.wait4(proc.pid, 0)
                timed_out = True
                break
            time.sleep(0.2)
    seconds = time.perf_counter() - started
    output = log.read_text(errors="replace").strip().splitlines()
    return {
        "input": f"{path.name} ({path.stat().st_size:,} bytes)",
        "seconds": seconds,
        "cpu_seconds": usage.ru_utime + usage.ru_stime,
        "peak_mib": usage.ru_maxrss / 1024,
        "exit": "timeout" if timed_out else os.waitstatus_to_exitcode(status),
        "summary": output[-1] if output else "",
        "failures": [] if timed_out else failures_of(db),
    }


def machine() -> dict[str, str]:
    commit = subprocess.run(
        ["git", "-C", str(REPO), "log", "-1", "--format=%h %s"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    return {
        "cores": str(os.cpu_count()),
        "Python": platform.python_version(),
        "commit": commit,
        "load average at start": " ".join(f"{x:.1f}" for x in os.getloadavg()),
    }


def _cell(r: dict[str, Any] | None) -> str:
    if r is None:
        return "—"
    if r["exit"] == "timeout":
        return f"killed at {r['seconds']:.0f} s ({r['peak_mib']:,.0f} MiB so far)"
    return f"{r['seconds']:.1f} s ({r['cpu_seconds']:.1f} s CPU), {r['peak_mib']:,.0f} MiB"


def render(info: dict[str, Any], before: dict[str, Any] | None) -> str:
    lines = [
        "# Long and hostile inputs",
        "",
        f"Written by `make bench-long` (`python benchmarks/long_inputs.py`) on {info['date']}. "
        "Each case is one `storyline run INPUT --db NEW.duckdb` with the shipped defaults in its "
        "own process: wall time (the machine is shared, so expect noise) and peak resident "
        "memory of that process, which includes the spaCy model (about 0.5 GiB). CPU time is "
        "the process's user and system time, steadier than wall time on a busy machine.",
        "",
        "| | |",
        "|---|---|",
        *(f"| {k} | {v} |" for k, v in info["machine"].items()),
        f"| load average at end | {info['load_end']} |",
        "",
    ]
    if info.get("note"):
        lines += [info["note"], ""]
    old = {r["case"]: r for r in before["results"]} if before else {}
    head = "| case | input | " + ("before | " if before else "") + "now | what it did |"
    lines += [head, "|---|---|" + ("---|" if before else "") + "---|---|"]
    for r in info["results"]:
        did = "; ".join(r["failures"]) or r["summary"]
        if r["exit"] not in (0, "timeout"):
            did = f"exit {r['exit']}: {r['summary']}"
        cells = [r["case"], r["input"]]
        if before:
            cells.append(_cell(old.get(r["case"])))
        cells += [_cell(r), did.replace("|", "\\|")]
        lines.append("| " + " | ".join(cells) + " |")
    if before:
        lines += ["", f"Before: {before['machine'].get('commit', '?')}, {before['date']}."]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "benchmarks/LONG_INPUTS.md")
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds per case")
    parser.add_argument("--only", action="append", default=[], help="run cases containing this")
    parser.add_argument("--compare", type=Path, help="the JSON of an earlier run, shown beside")
    parser.add_argument("--note", default="", help="a paragraph to add to the report")
    parser.add_argument("--render", type=Path, help="write the report of an earlier run's JSON")
    args = parser.parse_args(argv)
    before = json.loads(args.compare.read_text()) if args.compare else None
    if args.render:
        info = json.loads(args.render.read_text())
        info["note"] = args.note or info.get("note", "")
        args.out.write_text(render(info, before), encoding="utf-8")
        return
    info: dict[str, Any] = {
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "machine": machine(),
        "note": args.note,
        "results": [],
    }
    with tempfile.TemporaryDirectory(prefix="storyline-long-") as tmp:
        scratch = Path(tmp)
        for n, (case, make) in enumerate(CASES.items()):
            if args.only and not any(o in case for o in args.only):
                continue
            print(f"{case} ...", file=sys.stderr, flush=True)
            folder = scratch / str(n)
            folder.mkdir()
            path = make(folder)
            result = run_case(path, folder / "run.duckdb", args.timeout)
            info["results"].append({"case": case, **result})
            print(f"  {_cell(result)}", file=sys.stderr, flush=True)
            path.unlink()
    info["load_end"] = " ".join(f"{x:.1f}" for x in os.getloadavg())
    report = render(info, before)
    args.out.write_text(report, encoding="utf-8")
    args.out.with_suffix(".json").write_text(json.dumps(info, indent=1))
    print(report)


if __name__ == "__main__":
    main()

"""Kill `storyline run` at every commit point and rebuild step on a corpus of N articles, rerun, and
compare every table with an uninterrupted run's (the large-corpus version of tests/test_faults.py).

Corpus: the VOA stories and PolNeAR training texts of ``--data`` (public gold data folder), the first
N. A run killed inside the rebuild is made from a copy of a database whose documents are all stored,
so each rebuild step costs one rebuild, not one analysis of the corpus.

    python benchmarks/kill_resume.py --data ../shared/data --articles 200 --out /tmp/kill-resume
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from storyline.records import TABLE_RECORDS
from storyline.runner import FAULT_ENV, REBUILD_STEPS
from storyline.store import Store


def corpus(data: Path, n: int, out: Path) -> Path:
    """The first ``n`` articles (VOA first, then PolNeAR texts) as one JSONL file."""
    lines = (data / "corpora" / "voa-2025" / "voa_stories.jsonl").read_text().splitlines()
    rows = [json.loads(line) for line in lines if line.strip()]
    texts = sorted((data / "quotes" / "polnear" / "train" / "text").glob("*.txt"))
    for path in texts[: max(0, n - len(rows))]:
        text = path.read_text(encoding="utf-8", errors="replace")
        rows.append({"id": path.stem, "text": text, "published": "2016-10-01"})
    target = out / "corpus.jsonl"
    target.write_text("\n".join(json.dumps(r) for r in rows[:n]) + "\n", encoding="utf-8")
    return target


def run(inputs: Path, db: Path, config: Path, fault: str | None = None) -> tuple[int, float]:
    env = {k: v for k, v in os.environ.items() if k != FAULT_ENV}
    env["STORYLINE_CONFIG"] = str(config)
    if fault:
        env[FAULT_ENV] = fault
    started = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "storyline", "run", str(inputs), "--db", str(db)],
        env=env,
        capture_output=True,
        check=False,
    )
    return proc.returncode, time.perf_counter() - started


def tables(db: Path) -> dict[str, list[str]]:
    with Store.open(db, read_only=True) as store:
        return {
            cls.TABLE: sorted(
                json.dumps(r, sort_keys=True, default=str)
                for r in store.arrow(cls.TABLE).to_pylist()
            )
            for cls in TABLE_RECORDS
        }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--commit-every", type=int, default=50)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    inputs = corpus(args.data, args.articles, args.out)
    config = args.out / "config.toml"
    config.write_text(f"[store]\ncommit_every = {args.commit_every}\n")

    clean = args.out / "clean.duckdb"
    code, seconds = run(inputs, clean, config)
    expected = tables(clean)
    print(f"clean run: exit {code}, {seconds:.0f} s, {len(expected['documents'])} documents")
    stored = args.out / "stored.duckdb"  # every document stored, killed before the rebuild wrote
    run(inputs, stored, config, fault="rebuild:read")
    batches = (args.articles + args.commit_every - 1) // args.commit_every
    results = []
    for point in [f"batch:{i}" for i in range(1, batches)] + [
        f"rebuild:{s}" for s in REBUILD_STEPS
    ]:
        db = args.out / f"killed-{point.replace(':', '-')}.duckdb"
        if point.startswith("rebuild:"):
            shutil.copy(stored, db)
        killed, _ = run(inputs, db, config, fault=point)
        rerun, seconds = run(inputs, db, config)
        same = tables(db) == expected
        results.append((point, killed, rerun, same))
        print(
            f"{point:22} killed (exit {killed}), rerun exit {rerun} in {seconds:.0f} s: "
            f"{'tables equal a clean run' if same else 'TABLES DIFFER'}"
        )
    sys.exit(0 if all(r[1] == -9 and r[2] == 0 and r[3] for r in results) else 1)


if __name__ == "__main__":
    main()

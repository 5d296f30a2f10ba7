"""A run killed with SIGKILL loses at most the batch in flight; the next run finishes the job."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from storyline.records import Document, Event, Quote, Timex
from storyline.store import Store

REPO = Path(__file__).resolve().parents[1]
VOA = REPO / "examples" / "voa-2025" / "voa_stories.jsonl"
N_ARTICLES = 16


def _storyline(args: list[str], config: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "STORYLINE_CONFIG": str(config)}
    return subprocess.Popen(
        [sys.executable, "-m", "storyline", *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def _snapshot(db: Path) -> dict[str, list[str]]:
    with Store.open(db, read_only=True) as store:
        return {
            cls.TABLE: sorted(repr(r) for r in store.records(cls))
            for cls in (Document, Timex, Quote, Event)
        }


@pytest.mark.slow
def test_kill_and_resume_gives_the_same_records(tmp_path: Path) -> None:
    corpus = tmp_path / "voa.jsonl"
    lines = VOA.read_text(encoding="utf-8").splitlines()[:N_ARTICLES]
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    config = tmp_path / "small-batches.toml"
    config.write_text("[pipeline]\nbatch_size = 1\n[store]\ncommit_every = 1\n")

    killed_db = tmp_path / "killed.duckdb"
    proc = _storyline(["run", str(corpus), "--db", str(killed_db)], config)
    # Without a terminal the run reports its first committed batch on stderr: kill right after.
    assert proc.stderr is not None
    first = proc.stderr.readline().decode()
    assert "documents stored" in first, first
    proc.send_signal(signal.SIGKILL)
    proc.communicate()
    assert proc.returncode == -signal.SIGKILL, "the run ended before it could be killed"

    with Store.open(killed_db, read_only=True) as store:
        partial = store.count("documents")
    assert 0 < partial < N_ARTICLES

    resumed = _storyline(["run", str(corpus), "--db", str(killed_db)], config)
    out, err = resumed.communicate(timeout=600)
    assert resumed.returncode == 0, err.decode()
    summary = out.decode()
    assert (
        f"{N_ARTICLES} articles read: {N_ARTICLES - partial} stored, {partial} already stored"
        in summary
    )

    clean_db = tmp_path / "clean.duckdb"
    clean = _storyline(["run", str(corpus), "--db", str(clean_db)], config)
    _, err = clean.communicate(timeout=600)
    assert clean.returncode == 0, err.decode()
    assert _snapshot(killed_db) == _snapshot(clean_db)
    ids = [json.loads(line)["id"] for line in lines]
    assert len(set(ids)) == N_ARTICLES

"""Kills at every commit point and every step of the cross-document rebuild leave a consistent
database, and the next run gives the tables of an uninterrupted run; linking depends only on the
stored documents, not on the order of runs."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from spacy.language import Language

from storyline.records import TABLE_RECORDS, Entity, Mention
from storyline.runner import FAULT_ENV, REBUILD_STEPS, run
from storyline.settings import Settings
from storyline.store import Store

REPO = Path(__file__).resolve().parents[1]
VOA = REPO / "examples" / "voa-2025" / "voa_stories.jsonl"
N_ARTICLES = 4  # two batches of two


def _tables(db: Path) -> dict[str, list[str]]:
    with Store.open(db, read_only=True) as store:
        return {
            cls.TABLE: sorted(
                json.dumps(r, sort_keys=True, default=str)
                for r in store.arrow(cls.TABLE).to_pylist()
            )
            for cls in TABLE_RECORDS
        }


def _run(corpus: Path, db: Path, config: Path, fault: str | None = None) -> int:
    env = {k: v for k, v in os.environ.items() if k != FAULT_ENV}
    env["STORYLINE_CONFIG"] = str(config)
    if fault:
        env[FAULT_ENV] = fault
    proc = subprocess.run(
        [sys.executable, "-m", "storyline", "run", str(corpus), "--db", str(db)],
        env=env,
        capture_output=True,
        check=False,
    )
    return proc.returncode


@pytest.mark.slow
def test_a_kill_at_any_step_then_a_rerun_gives_the_tables_of_a_clean_run(tmp_path: Path) -> None:
    corpus = tmp_path / "voa.jsonl"
    lines = VOA.read_text(encoding="utf-8").splitlines()[:N_ARTICLES]
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    config = tmp_path / "small-batches.toml"
    config.write_text("[pipeline]\nbatch_size = 1\n[store]\ncommit_every = 2\n")

    clean = tmp_path / "clean.duckdb"
    assert _run(corpus, clean, config) == 0
    expected = _tables(clean)
    assert expected["entity_links"] and expected["story_events"] and expected["timeline"]

    points = ["batch:1", "batch:2", *(f"rebuild:{step}" for step in REBUILD_STEPS)]
    for point in points:
        db = tmp_path / f"killed-{point.replace(':', '-')}.duckdb"
        assert _run(corpus, db, config, fault=point) == -9, f"{point}: the run was not killed"
        with Store.open(db, read_only=True) as store:  # readable after the kill
            store.counts()
        assert _run(corpus, db, config) == 0, point
        assert _tables(db) == expected, f"tables differ after a kill at {point}"


# A later article brings a namesake: "Lopez" alone is linked to Maria Lopez while she is the only
# Lopez, and no longer once Carlos Lopez appears, whichever runs brought the articles.
ARTICLES = {
    "a": ("2024-05-06", "Senator Maria Lopez of Chile met union leaders in Santiago on Monday."),
    "c": (
        "2024-05-08",
        "Opposition leader Lopez said on Wednesday that the pension plan would hurt workers.",
    ),
    "b": ("2024-05-09", "Carlos Lopez, a minister of Peru, visited Lima on Thursday."),
}


def _write(folder: Path, keys: str) -> Path:
    folder.mkdir()
    for key in keys:
        published, text = ARTICLES[key]
        (folder / f"{key}.txt").write_text(text + "\n", encoding="utf-8")
        (folder / f"{key}.json").write_text(json.dumps({"published": published}))
    return folder


def _lopez(db: Path) -> str | None:
    """The entity the surname-only article's "Lopez" is linked to."""
    with Store.open(db, read_only=True) as store:
        doc_id = store.sql("SELECT id FROM documents WHERE text LIKE 'Opposition leader Lopez%'")[
            0
        ]["id"]
        mention = next(m for m in store.records(Mention) if m.doc_id == doc_id)
        entities = {e.id: e for e in store.records(Entity)}
    return entities[mention.entity_id].name


@pytest.mark.slow
def test_run_a_then_b_gives_the_tables_of_one_run_over_a_and_b(
    tmp_path: Path, settings: Settings, nlp: Language
) -> None:
    first, second = _write(tmp_path / "first", "ac"), _write(tmp_path / "second", "b")
    both = _write(tmp_path / "both", "acb")

    stepwise = tmp_path / "stepwise.duckdb"
    run([first], stepwise, settings, nlp=nlp)
    assert _lopez(stepwise) == "Maria Lopez"
    run([second], stepwise, settings, nlp=nlp)
    assert _lopez(stepwise) == "Lopez"

    at_once = tmp_path / "at-once.duckdb"
    run([both], at_once, settings, nlp=nlp)
    stepwise_tables, at_once_tables = _tables(stepwise), _tables(at_once)
    for cls in TABLE_RECORDS:
        if cls.TABLE in ("documents", "failures"):
            continue  # external ids name the folders the articles came from
        assert stepwise_tables[cls.TABLE] == at_once_tables[cls.TABLE], cls.TABLE

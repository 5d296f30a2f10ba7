"""`storyline kb build`: people's countries and offices learned from the stored articles' titles,
written as a people file the actors stage reads (``[actors] people``)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from storyline.cli import app
from storyline.records import Entity
from storyline.store import Store

runner = CliRunner()
TITLED = [
    "French President Zorblat Quennik met the German chancellor in Berlin on Monday.",
    "On Tuesday, French President Zorblat Quennik flew to Rome for talks.",
]
UNTITLED = "Zorblat Quennik said on Wednesday that the talks had gone well."


def _corpus(path: Path, texts: list[str], day: int) -> Path:
    rows = [
        {"id": f"k{day}-{i}", "text": t, "published": f"2025-03-{day + i:02d}"}
        for i, t in enumerate(texts)
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def _codes(db: Path, name: str) -> tuple[str | None, str | None]:
    with Store.open(db, read_only=True) as store:
        (entity,) = [e for e in store.records(Entity) if e.name == name]
        return entity.country, entity.sector


@pytest.mark.slow
def test_kb_build_teaches_the_actors_stage_a_persons_country_and_office(tmp_path: Path) -> None:
    db = tmp_path / "news.duckdb"
    titled = _corpus(tmp_path / "titled.jsonl", TITLED, 10)
    assert runner.invoke(app, ["run", str(titled), "--db", str(db)]).exit_code == 0
    people = tmp_path / "people.json"
    result = runner.invoke(app, ["kb", "build", "--db", str(db), "--output", str(people)])
    assert result.exit_code == 0, result.output
    assert json.loads(people.read_text(encoding="utf-8"))["zorblat quennik"] == {
        "country": "FRA", "sector": "GOV", "since": "2025-03-10", "until": "2025-03-11"
    }  # fmt: skip

    untitled = _corpus(tmp_path / "untitled.jsonl", [UNTITLED], 20)
    plain = tmp_path / "plain.duckdb"
    assert runner.invoke(app, ["run", str(untitled), "--db", str(plain)]).exit_code == 0
    assert _codes(plain, "Zorblat Quennik") == (None, None)
    config = tmp_path / "kb.toml"
    config.write_text(f"[actors]\npeople = [{json.dumps(str(people))}]\n", encoding="utf-8")
    taught = tmp_path / "taught.duckdb"
    args = ["run", str(untitled), "--db", str(taught), "--config", str(config)]
    assert runner.invoke(app, args).exit_code == 0
    assert _codes(taught, "Zorblat Quennik") == ("FRA", "GOV")


def test_kb_build_never_writes_over_its_database(tmp_path: Path) -> None:
    db = tmp_path / "news.duckdb"
    with Store.open(db):
        pass
    result = runner.invoke(app, ["kb", "build", "--db", str(db), "--output", str(db)])
    assert result.exit_code == 1
    assert "give another --output" in result.output
    missing = runner.invoke(app, ["kb", "build", "--db", str(tmp_path / "none.duckdb"), "-o", "x"])
    assert missing.exit_code == 1 and "does not exist" in missing.output

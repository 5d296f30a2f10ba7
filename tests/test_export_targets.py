"""Where an export may not go: over a database, into a folder, a missing folder, a full disk.

Every refusal and every failed write is one line on stderr and exit code 1, and no database is ever
written over. The stdout cases run the real command in a subprocess, where Python's own buffering
and its flush at exit are in play.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from storyline.cli import app

SAMPLE = Path(__file__).resolve().parent / "api" / "sample.py"
FORMATS = {"jsonl": "events", "csv": "events", "parquet": "events", "timelinejs": "timeline"}
runner = CliRunner()

needs_dev_full = pytest.mark.skipif(
    not (os.path.exists("/dev/full") and stat.S_ISCHR(os.stat("/dev/full").st_mode)),
    reason="no /dev/full device here",
)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The hand-made sample database of the API tests (every table, no model needed)."""
    spec = importlib.util.spec_from_file_location("storyline_export_sample", SAMPLE)
    assert spec is not None and spec.loader is not None
    sample = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(sample)
    path: Path = sample.build_sample_db(tmp_path_factory.mktemp("export") / "sample.duckdb")
    return path


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _export(db: Path, fmt: str, output: str) -> tuple[int, str]:
    result = runner.invoke(
        app, ["export", "--db", str(db), "--table", FORMATS[fmt], "--format", fmt, "-o", output]
    )
    return result.exit_code, result.stderr


def _one_line(stderr: str) -> str:
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "Traceback" not in stderr, stderr
    assert lines[0].startswith("error: "), stderr
    return lines[0]


# --- never over a database ------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_an_export_over_its_own_database_is_refused(db: Path, fmt: str) -> None:
    before = _digest(db)
    code, stderr = _export(db, fmt, str(db))
    assert code == 1
    assert "belongs to the database being exported" in _one_line(stderr)
    assert _digest(db) == before


def test_the_database_is_recognised_under_another_name(db: Path, tmp_path: Path) -> None:
    link = tmp_path / "link.duckdb"
    link.symlink_to(db)
    before = _digest(db)
    for output in (link, Path(f"{db}.wal")):
        code, stderr = _export(db, "jsonl", str(output))
        assert code == 1 and "database being exported" in _one_line(stderr)
    assert _digest(db) == before
    assert not Path(f"{db}.wal").exists()


@pytest.mark.parametrize("fmt", FORMATS)
def test_an_export_over_another_duckdb_file_is_refused(db: Path, tmp_path: Path, fmt: str) -> None:
    other = tmp_path / "notes.txt"  # the name does not matter: the file's own header does
    other.write_bytes(db.read_bytes())
    code, stderr = _export(db, fmt, str(other))
    assert code == 1
    line = _one_line(stderr)
    assert "is a DuckDB database" in line and "another --output" in line
    assert other.read_bytes() == db.read_bytes()


def test_an_ordinary_file_is_still_overwritten(db: Path, tmp_path: Path) -> None:
    old = tmp_path / "events.jsonl"
    old.write_text("yesterday's export\n")
    code, stderr = _export(db, "jsonl", str(old))
    assert code == 0, stderr
    assert "yesterday" not in old.read_text() and old.read_text().count("\n") == 6


# --- targets that cannot be written ---------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_folder_is_not_a_file(db: Path, tmp_path: Path, fmt: str) -> None:
    code, stderr = _export(db, fmt, str(tmp_path))
    assert code == 1
    assert "is a folder; give a file in it" in _one_line(stderr)


@pytest.mark.parametrize("fmt", FORMATS)
def test_an_empty_output_is_not_a_file(
    db: Path, tmp_path: Path, fmt: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, stderr = _export(db, fmt, "")
    assert code == 1
    assert "is a folder; give a file in it" in _one_line(stderr)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_missing_folder_is_named(db: Path, tmp_path: Path, fmt: str) -> None:
    code, stderr = _export(db, fmt, str(tmp_path / "nowhere" / "out.file"))
    assert code == 1
    line = _one_line(stderr)
    assert f"folder {tmp_path / 'nowhere'} does not exist" in line


@needs_dev_full
@pytest.mark.parametrize("fmt", FORMATS)
def test_a_full_device_is_an_error(db: Path, fmt: str) -> None:
    code, stderr = _export(db, fmt, "/dev/full")
    assert code == 1
    line = _one_line(stderr)
    assert "cannot write /dev/full: No space left on device; free some space" in line
    # pyarrow deletes the file of a failed write when it opened it itself: not the device.
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


# --- stdout ---------------------------------------------------------------------------------------

STDOUT_COMMANDS = {
    **{
        f"export {fmt}": ["export", "--table", table, "--format", fmt]
        for fmt, table in FORMATS.items()
    },
    "export stories": ["export", "--table", "stories"],  # a few hundred bytes: left in the buffer
    "timeline": ["timeline"],
    "timeline timelinejs": ["timeline", "--format", "timelinejs"],
    "stats": ["stats"],
    "config": ["config"],
}
STDOUT_COMMANDS.pop("export parquet")  # binary: refused without --output


def _storyline(args: list[str], stdout: object, buffered: bool) -> subprocess.Popen[bytes]:
    env = dict(os.environ)
    env.pop("PYTHONUNBUFFERED", None)
    if not buffered:
        env["PYTHONUNBUFFERED"] = "1"
    return subprocess.Popen(
        [sys.executable, "-m", "storyline", *args],
        stdout=stdout,  # type: ignore[arg-type]
        stderr=subprocess.PIPE,
        env=env,
    )


@needs_dev_full
@pytest.mark.parametrize(
    ("command", "buffered"),
    [(c, True) for c in STDOUT_COMMANDS] + [("export jsonl", False), ("timeline", False)],
)
def test_stdout_on_a_full_device_is_an_error(db: Path, command: str, buffered: bool) -> None:
    """Buffered, a short output meets the full device only at Python's flush at exit."""
    args = STDOUT_COMMANDS[command]
    args = [*args, "--db", str(db)] if args != ["config"] else args
    with open("/dev/full", "w") as full:
        proc = _storyline(args, full, buffered)
        _, err = proc.communicate(timeout=120)
    stderr = err.decode()
    assert proc.returncode == 1, stderr
    assert "cannot write stdout: No space left on device" in _one_line(stderr)


@pytest.mark.parametrize("command", ["export jsonl", "export csv", "timeline", "stats"])
def test_a_closed_pipe_ends_quietly(db: Path, command: str) -> None:
    """`storyline export | head -1`: the reader goes away; no message, as with Unix tools."""
    proc = _storyline([*STDOUT_COMMANDS[command], "--db", str(db)], subprocess.PIPE, True)
    assert proc.stdout is not None
    proc.stdout.close()  # before anything is written: the first write meets a closed pipe
    _, err = proc.communicate(timeout=120)
    assert err.decode() == ""
    assert proc.returncode == 1

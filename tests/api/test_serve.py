"""`storyline serve`: the command wires the app to uvicorn on 127.0.0.1, and shares its database
with `storyline run`."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner

from storyline.cli import app
from storyline.store import Store

SEEDS = Path(__file__).resolve().parents[2] / "examples" / "seeds"


def test_serve_refuses_a_missing_database(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 1
    assert "does not exist" in result.output


@contextlib.contextmanager
def _serving(db: Path) -> Iterator[str]:
    """A real `storyline serve` on a free port; yields its base URL once it answers."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    exe = Path(sys.executable).with_name("storyline")
    proc = subprocess.Popen(
        [str(exe), "serve", "--db", str(db), "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else ""
            try:
                httpx.get(base + "/api/stories", timeout=5)
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline, "storyline serve did not start"
                time.sleep(0.2)
        yield base
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.communicate(timeout=20)  # waits and closes the pipe


def test_serve_answers_on_localhost(sample_db: Path) -> None:
    with _serving(sample_db) as base:
        response = httpx.get(base + "/api/stories", timeout=5)
        assert response.status_code == 200
        assert response.json()["items"][0]["label"] == "Cambodia and the war in Ukraine"
        assert "storyline" in httpx.get(base + "/", timeout=5).text


def _documents(base: str) -> int:
    response = httpx.get(base + "/api/documents", timeout=30)
    assert response.status_code == 200, response.text
    total: int = response.json()["total"]
    return total


@pytest.mark.slow
def test_run_adds_articles_while_serve_is_up(sample_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "shared.duckdb"
    shutil.copy(sample_db, db)
    with _serving(db) as base:
        before = _documents(base)  # the server has the file open now
        # A writer waits for the server to let go of the file; meanwhile pages say to come back.
        with Store.open(db) as store:
            busy = httpx.get(base + "/api/documents", timeout=30)
            assert store.count("documents") == before
        assert busy.status_code == 503 and busy.headers["retry-after"]
        assert "try again when it is done" in busy.json()["detail"]
        assert _documents(base) == before
        run = CliRunner().invoke(app, ["run", str(SEEDS), "--db", str(db)])
        assert run.exit_code == 0, run.output
        assert "3 stored" in run.output
        assert _documents(base) == before + 3


def test_serve_starts_while_a_run_writes(sample_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "shared.duckdb"
    shutil.copy(sample_db, db)
    writer = Store.open(db)
    try:
        with _serving(db) as base:
            assert httpx.get(base + "/api/documents", timeout=30).status_code == 503
            writer.close()
            assert _documents(base) == 3
    finally:
        writer.close()

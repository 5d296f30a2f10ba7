"""`storyline serve`: the command wires the app to uvicorn on 127.0.0.1."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
from typer.testing import CliRunner

from storyline.cli import app


def test_serve_refuses_a_missing_database(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 1
    assert "does not exist" in result.output


def test_serve_answers_on_localhost(sample_db: Path) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    exe = Path(sys.executable).with_name("storyline")
    proc = subprocess.Popen(
        [str(exe), "serve", "--db", str(sample_db), "--port", str(port)],
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
                response = httpx.get(base + "/api/stories", timeout=5)
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline, "storyline serve did not start"
                time.sleep(0.2)
        assert response.status_code == 200
        assert response.json()["items"][0]["label"] == "Cambodia and the war in Ukraine"
        assert "storyline" in httpx.get(base + "/", timeout=5).text
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.communicate(timeout=20)  # waits and closes the pipe

"""While another process writes the database (a `storyline run`), the UI answers a page saying so
that retries by itself, the API a JSON 503 with Retry-After; both serve again once it is done."""

from __future__ import annotations

import contextlib
import html
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

HOLD = """
import sys
from storyline.store import Store
with Store.open(sys.argv[1]):
    print("holding", flush=True)
    sys.stdin.read()
"""


@contextlib.contextmanager
def _writer(db: Path) -> Iterator[None]:
    """Another process holding ``db`` open for writing until the block ends."""
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(db)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "holding"
        yield
    finally:
        proc.communicate("", timeout=60)


@pytest.fixture
def shared_db(web_sample_db: Path, tmp_path: Path) -> Path:
    db = tmp_path / "shared.duckdb"
    shutil.copy(web_sample_db, db)
    return db


def test_pages_during_a_run_say_so_and_retry(
    shared_db: Path, client_for: Callable[[Path], Any]
) -> None:
    with client_for(shared_db) as client:
        assert client.get("/stories").status_code == 200
        # Let the server's idle connection go, as it does between requests.
        client.app.state.database.close()
        with _writer(shared_db):
            page = client.get("/stories")
            api = client.get("/api/stories")
        assert page.status_code == 503 and page.headers["retry-after"] == "5"
        assert page.headers["content-type"].startswith("text/html")
        assert "The database is being updated" in page.text and "storyline run" in page.text
        assert '<meta http-equiv="refresh" content="5">' in page.text
        assert api.status_code == 503 and api.headers["retry-after"] == "5"
        assert "try again when it is done" in api.json()["detail"]
        # Once the run is done, the same page is served again.
        assert client.get("/stories").status_code == 200


def test_bad_sorts_on_pages_are_pages(web: Any) -> None:
    page = web.get("/actors?sort=bogus")
    assert page.status_code == 422 and page.headers["content-type"].startswith("text/html")
    assert "unknown sort 'bogus'" in html.unescape(page.text) and "valid:" in page.text
    api = web.get("/api/entities?sort=bogus")
    assert api.status_code == 422 and "unknown sort" in api.json()["detail"]

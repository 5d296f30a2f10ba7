"""Many clients at once: every request has its own cursor, so none fails or waits on another."""

from __future__ import annotations

import socket
import threading
import time
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

CLIENTS = 20
ROUNDS = 4
PATHS = [
    "/",
    "/timeline",
    "/actors",
    "/actors?offset=50",
    "/documents?offset=50",
    "/network",
    "/documents/docA",
    "/actors/hun-sen",
    "/search?q=Hun+Sen",
    "/api/facets",
    "/api/events?country=KHM",
    "/api/entities?sort=-events",
    "/api/network",
    "/api/search?q=sanctions",
]


@pytest.fixture(scope="module")
def server(big_db: Path) -> Iterator[str]:
    import uvicorn

    from storyline.api import create_app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    config = uvicorn.Config(create_app(big_db), host="127.0.0.1", port=port, log_level="error")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not srv.started:
        assert time.monotonic() < deadline and thread.is_alive(), "the server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


def test_twenty_concurrent_clients_get_no_errors(server: str) -> None:
    def client(n: int) -> Counter[str]:
        outcomes: Counter[str] = Counter()
        with httpx.Client(base_url=server, timeout=60) as http:
            for i in range(ROUNDS * len(PATHS)):
                path = PATHS[(n + i) % len(PATHS)]
                try:
                    outcomes[f"{http.get(path).status_code} {path}"] += 1
                except httpx.HTTPError as err:
                    outcomes[f"{type(err).__name__} {path}"] += 1
        return outcomes

    with ThreadPoolExecutor(CLIENTS) as pool:
        total = sum(pool.map(client, range(CLIENTS)), Counter())
    failed = {k: n for k, n in total.items() if not k.startswith("200 ")}
    assert failed == {}
    assert sum(total.values()) == CLIENTS * ROUNDS * len(PATHS)


def test_requests_in_flight_never_share_a_cursor(big_db: Path) -> None:
    """Two requests served at once, even when FastAPI resolves both dependencies on one worker
    thread, get cursors of their own; each is closed when its request ends."""
    from storyline.api.app import Database

    database = Database(big_db)
    try:
        with database.connect() as a, database.connect() as b:
            assert a.con is not b.con
            assert a.count("documents") == b.count("documents") == 133
        with pytest.raises(Exception, match="closed"):
            a.count("documents")
    finally:
        database.close()

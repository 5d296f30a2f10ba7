"""The cache of answers: a URL answered once is answered again without reading the database, until
the database file changes; an answer is never served for another version of the file."""

from __future__ import annotations

import os
import shutil
import threading
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from starlette.exceptions import StarletteDeprecationWarning

from storyline.api import cache as cache_module
from storyline.api import create_app
from storyline.api.cache import Answer, AnswerCache, file_version
from storyline.records import Story
from storyline.store import Store

with warnings.catch_warnings():
    warnings.simplefilter("ignore", StarletteDeprecationWarning)
    from fastapi.testclient import TestClient


@pytest.fixture
def copy_db(sample_db: Path, tmp_path: Path) -> Path:
    db = tmp_path / "copy.duckdb"
    shutil.copy(sample_db, db)
    return db


@pytest.fixture
def client(copy_db: Path) -> Iterator[Any]:
    with TestClient(create_app(copy_db)) as c:
        yield c


def _no_database(*args: Any, **kwargs: Any) -> Any:
    raise AssertionError("the database was read")


def test_a_url_answered_once_is_answered_again_without_the_database(
    client: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = ["/api/stories", "/stories", "/api/facets?type=SUPPORT", "/documents/docA"]
    first = {p: client.get(p) for p in paths}
    assert all(r.status_code == 200 for r in first.values())
    monkeypatch.setattr(client.app.state.database, "connect_versioned", _no_database)
    for path in paths:
        again = client.get(path)
        assert again.status_code == 200 and again.content == first[path].content, path
        assert again.headers["content-type"] == first[path].headers["content-type"]
        assert "default-src 'self'" in again.headers["content-security-policy"]
    # A HEAD is the GET without its body; empty parameters are no filter, as before.
    head = client.head("/stories")
    assert head.status_code == 200 and head.content == b""
    assert client.get("/api/stories?type=").content == first["/api/stories"].content
    stats = client.app.state.answers.stats()
    assert (stats.hits, stats.misses, stats.entries) == (6, 4, 4)
    # Another URL is another answer: the database is needed, and the error is no kept answer.
    with pytest.raises(AssertionError, match="the database was read"):
        client.get("/api/stories?type=SANCTION")


def test_errors_and_other_urls_are_not_kept(client: Any) -> None:
    assert client.get("/api/stories/nope").status_code == 404
    assert client.get("/api/stories?sort=bogus").status_code == 422
    assert client.get("/static/style.css").status_code == 200
    assert client.app.state.answers.stats().entries == 0
    assert client.get("/api/stories?limit=1").json()["limit"] == 1
    assert client.get("/api/stories?limit=2").json()["limit"] == 2  # the query is in the key


def test_a_change_in_the_database_is_seen(client: Any, copy_db: Path) -> None:
    assert client.get("/api/stories").json()["total"] == 1
    assert "Shelling near Kharkiv" not in client.get("/stories").text
    client.app.state.database.close()  # as it does once idle, so that a run can write
    with Store.open(copy_db) as store:
        late = Story("T2", "Shelling near Kharkiv", "2024-05-02", "2024-05-02", ["docB"])
        store.replace(Story, [*store.records(Story), late])
    assert client.get("/api/stories").json()["total"] == 2
    assert "Shelling near Kharkiv" in client.get("/stories").text
    stats = client.app.state.answers.stats()
    assert stats.clears == 1 and stats.hits == 0


def test_a_file_replaced_under_an_open_connection_is_not_kept_as_new(
    client: Any, copy_db: Path, tmp_path: Path
) -> None:
    """A new file moved over the served one (a new inode) is still the old file to a connection
    opened before: what it answers then is not kept as the new file's answer."""
    database = client.app.state.database
    newer = tmp_path / "newer.duckdb"
    shutil.copy(copy_db, newer)
    with Store.open(newer) as store:
        late = Story("T2", "Shelling near Kharkiv", "2024-05-02", "2024-05-02", ["docB"])
        store.replace(Story, [*store.records(Story), late])
    with database.connect():  # a request in flight keeps the connection to the old file open
        os.replace(newer, copy_db)
        assert client.get("/api/stories").json()["total"] == 1  # the old file, read as it is
        assert client.app.state.answers.stats().entries == 0
    database.close()
    assert client.get("/api/stories").json()["total"] == 2
    assert client.get("/api/stories").json()["total"] == 2  # now kept, and right
    assert client.app.state.answers.stats().hits == 1


def test_an_answer_made_while_the_file_changed_is_not_kept(
    client: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []

    def changed_after_the_first_look(path: str | Path) -> tuple[int, ...]:
        calls.append(str(path))
        return (1,) if len(calls) == 1 else (2,)

    client.app.state.database.close()  # the next request opens it, at the version it sees
    monkeypatch.setattr(cache_module, "file_version", changed_after_the_first_look)
    client.get("/api/stories")  # begun at version 1, ended at version 2: not kept
    assert client.app.state.answers.stats().entries == 0
    client.get("/api/stories")  # begun and ended at version 2: kept
    assert client.app.state.answers.stats().entries == 1


def test_a_cache_of_no_entries_keeps_nothing(copy_db: Path) -> None:
    app = create_app(copy_db, cache_entries=0)
    with TestClient(app) as c:
        c.get("/api/stories")
        c.get("/api/stories")
        assert app.state.answers.stats().entries == 0


def test_file_version_follows_the_file_and_its_log(tmp_path: Path) -> None:
    path = tmp_path / "x.duckdb"
    missing = file_version(path)
    path.write_bytes(b"a")
    one = file_version(path)
    path.write_bytes(b"ab")
    assert len({missing, one, file_version(path)}) == 3
    before = file_version(path)
    (tmp_path / "x.duckdb.wal").write_bytes(b"w")
    assert file_version(path) != before


def _answer(body: bytes) -> Answer:
    return Answer(200, ((b"content-type", b"text/plain"),), body)


def test_the_cache_is_bounded_and_drops_the_least_recently_used(tmp_path: Path) -> None:
    cache = AnswerCache(tmp_path / "db", max_entries=2, max_bytes=1000)
    v = (1,)
    assert cache.get(b"/a", v) is None
    cache.put(b"/a", v, _answer(b"A"))
    cache.put(b"/b", v, _answer(b"B"))
    assert cache.get(b"/a", v) == _answer(b"A")  # /b is now the least recently used
    cache.put(b"/c", v, _answer(b"C"))
    assert cache.get(b"/b", v) is None and cache.get(b"/c", v) is not None
    cache.put(b"/big", v, _answer(b"x" * 2000))  # bigger than the whole cache: not kept
    assert cache.get(b"/big", v) is None
    cache.put(b"/d", v, _answer(b"x" * 960))  # fits only alone
    assert cache.stats().entries == 1 and cache.stats().bytes <= 1000
    # Another version empties it, and an answer of an older version is not kept.
    assert cache.get(b"/d", (2,)) is None and cache.stats().entries == 0
    cache.put(b"/d", v, _answer(b"old"))
    assert cache.get(b"/d", (2,)) is None


def test_no_answer_is_served_for_another_version_under_concurrency(tmp_path: Path) -> None:
    cache = AnswerCache(tmp_path / "db", max_entries=8)
    wrong: list[tuple[int, bytes]] = []

    def work(n: int) -> None:
        version = (n % 2,)  # half the threads see the file before a change, half after
        for i in range(2000):
            key = f"/{i % 5}".encode()
            found = cache.get(key, version)
            if found is not None and found.body != str(version[0]).encode():
                wrong.append((n, found.body))
            cache.put(key, version, _answer(str(version[0]).encode()))

    threads = [threading.Thread(target=work, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert wrong == []
    stats = cache.stats()
    assert stats.hits > 0 and stats.clears > 0 and stats.entries <= 8

"""A bounded cache of whole answers, keyed by the request's URL, valid while the database file is
unchanged.

Reads: the served database file's metadata (``os.stat`` of the file and of its write-ahead log),
never its contents. Writes: nothing; holds at most ``max_entries`` answers and ``max_bytes`` bytes
in memory, the least recently used dropped first.

Every answer of the app is a function of the URL and the database: the same GET on the same
database gives the same bytes. So a successful answer (200) is kept under its URL (path and query,
after ``SecurityHeaders`` has dropped the empty parameters), with the database's version at the
time: the inode, size and modification time of the file and of its ``.wal``. Every request compares
that version with the file's, and a change (``storyline run`` added articles, the file was replaced)
empties the cache before anything is read from it. An answer is kept only if the version was the
same when the request ended as when it began, and the same as when the connection it was read
through was opened (a file replaced under an open connection is still the old file to it), so an
answer made from another version is never kept. Static files are left to the static route.
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

MAX_ENTRIES = 512
MAX_BYTES = 64 * 1024 * 1024
MAX_ENTRY_BYTES = 4 * 1024 * 1024  # a bigger answer is not kept
UNCACHED_PREFIXES = ("/static/",)
#: The files whose metadata make the database's version: the file and DuckDB's write-ahead log.
VERSION_SUFFIXES = ("", ".wal")

Version = tuple[int, ...]
#: The key, in a request's ASGI state, of the version of the file its answer was read from (set
#: by the route's database dependency; absent when the answer read no database).
READ_VERSION = "storyline.read_version"


def file_version(path: str | Path) -> Version:
    """What changes when the database at ``path`` changes: the inode, size and modification time
    (ns) of the file and of its write-ahead log (zeros for a missing file)."""
    out: list[int] = []
    for suffix in VERSION_SUFFIXES:
        try:
            st = os.stat(f"{path}{suffix}")
        except FileNotFoundError:
            out += (0, -1, 0)
        else:
            out += (st.st_ino, st.st_size, st.st_mtime_ns)
    return tuple(out)


@dataclass(frozen=True, slots=True)
class Answer:
    """A kept answer: its status, headers and body."""

    status: int
    headers: tuple[tuple[bytes, bytes], ...]
    body: bytes


def _size(key: bytes, answer: Answer) -> int:
    return len(key) + len(answer.body) + sum(len(n) + len(v) for n, v in answer.headers)


@dataclass(frozen=True, slots=True)
class CacheStats:
    """How the cache has done since the app started (``clears``: emptied for a changed database)."""

    hits: int
    misses: int
    entries: int
    bytes: int
    clears: int


class AnswerCache:
    """The kept answers of the database at ``path``, by URL, least recently used first, all of one
    version of the file. Safe under concurrent requests: the entries and counters change under a
    lock, and nothing is awaited while it is held."""

    def __init__(
        self,
        path: str | Path,
        max_entries: int = MAX_ENTRIES,
        max_bytes: int = MAX_BYTES,
        max_entry_bytes: int = MAX_ENTRY_BYTES,
    ) -> None:
        self.path = str(path)
        self.max_entries = max_entries
        self.max_bytes = max_bytes
        self.max_entry_bytes = min(max_entry_bytes, max_bytes)
        self._lock = threading.Lock()  # guards every field below
        self._entries: OrderedDict[bytes, Answer] = OrderedDict()
        self._version: Version | None = None  # of the file when the entries were answered
        self._bytes = 0
        self._hits = 0
        self._misses = 0
        self._clears = 0

    def stats(self) -> CacheStats:
        with self._lock:
            entries = len(self._entries)
            return CacheStats(self._hits, self._misses, entries, self._bytes, self._clears)

    def get(self, key: bytes, version: Version) -> Answer | None:
        """The answer kept for ``key``, if the file is still at ``version`` (the version the
        entries are of; any other empties the cache and becomes theirs)."""
        with self._lock:
            if version != self._version:
                if self._entries:
                    self._clears += 1
                self._entries.clear()
                self._bytes = 0
                self._version = version
            found = self._entries.get(key)
            if found is None:
                self._misses += 1
                return None
            self._entries.move_to_end(key)
            self._hits += 1
            return found

    def put(self, key: bytes, version: Version, answer: Answer) -> None:
        """Keep ``answer`` for ``key`` if it is of the entries' version and not too big, dropping
        the least recently used entries past the bounds."""
        size = _size(key, answer)
        if size > self.max_entry_bytes:
            return
        with self._lock:
            if version != self._version:
                return  # the file changed since: the entries are of another version
            old = self._entries.pop(key, None)
            if old is not None:
                self._bytes -= _size(key, old)
            self._entries[key] = answer
            self._bytes += size
            while self._entries and (
                len(self._entries) > self.max_entries or self._bytes > self.max_bytes
            ):
                k, dropped = self._entries.popitem(last=False)
                self._bytes -= _size(k, dropped)


class CacheAnswers:
    """ASGI middleware answering a GET from ``cache`` when the same URL was answered with a 200
    on the same version of the database file (``file_version``), else from the app, keeping its
    answer if the file did not change meanwhile."""

    def __init__(self, app: ASGIApp, cache: AnswerCache) -> None:
        self.app = app
        self.cache = cache

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        cache = self.cache
        path: str = scope.get("path", "")
        if (
            scope["type"] != "http"
            or scope["method"] != "GET"
            or cache.max_entries <= 0
            or path.startswith(UNCACHED_PREFIXES)
        ):
            await self.app(scope, receive, send)
            return
        key = path.encode() + b"?" + scope.get("query_string", b"")
        state = scope.setdefault("state", {})  # shared with the copies of the scope inside
        version = file_version(cache.path)
        found = cache.get(key, version)
        if found is not None:
            await send(
                {
                    "type": "http.response.start",
                    "status": found.status,
                    "headers": list(found.headers),
                }
            )
            await send({"type": "http.response.body", "body": found.body})
            return
        start: Message | None = None
        body: list[bytes] = []
        size = 0
        complete = False

        async def keep(message: Message) -> None:
            nonlocal start, complete, size
            if message["type"] == "http.response.start":
                start = message
            elif message["type"] == "http.response.body" and start is not None:
                chunk = bytes(message.get("body", b""))
                size += len(chunk)
                if start["status"] == 200 and size <= cache.max_entry_bytes:
                    body.append(chunk)
                complete = not message.get("more_body", False)
            await send(message)

        await self.app(scope, receive, keep)
        if start is None or start["status"] != 200 or not complete or size > cache.max_entry_bytes:
            return
        if file_version(cache.path) != version:
            return  # the database changed while this was answered
        if state.get(READ_VERSION, version) != version:
            return  # read through a connection to the file as it was before (it was replaced)
        headers = tuple((bytes(n), bytes(v)) for n, v in start.get("headers", []))
        cache.put(key, version, Answer(200, headers, b"".join(body)))

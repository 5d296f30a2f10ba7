"""The FastAPI application: the JSON API under ``/api`` and the web UI, over one read-only database.

Reads: the DuckDB store, opened read-only with file access switched off. Writes: nothing.
Every request runs on its own cursor of the one read-only connection (DuckDB's way to use one
database from several threads), opened when the request starts and closed when it ends: no two
requests ever share a cursor, whichever worker threads FastAPI runs their dependencies and handlers on.
The connection itself is open only while requests use it, so that ``storyline run`` can write.
Successful answers are kept by URL while the database file is unchanged (``api.cache``).
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response
from fastapi_offline import FastAPIOffline

from storyline.api import cache
from storyline.api.cache import MAX_ENTRIES, AnswerCache, CacheAnswers, Version
from storyline.api.middleware import SecurityHeaders
from storyline.errors import StoreLockedError, StorylineError
from storyline.store import Store
from storyline.store.reads import BadQueryError, open_read_only


class Database:
    """The served database: one read-only connection, open only while requests use it, and a
    cursor of it per request.

    DuckDB lets one process write a file, and no other process open it meanwhile: a server holding
    the file for its whole life would shut ``storyline run`` out. So the connection is opened when a
    request needs it, shared by the requests in flight, and closed once none has used it for
    ``linger`` seconds; a run waiting for the file (``Store.open`` tries again for a while) then
    takes it. A request that comes while a run writes waits up to ``lock_wait`` seconds for the
    file, then fails with ``StoreLockedError`` (HTTP 503).
    """

    def __init__(self, path: str | Path, linger: float = 0.5, lock_wait: float = 2.0) -> None:
        self.path = str(path)
        self.linger = linger
        self.lock_wait = lock_wait
        self._lock = threading.Lock()  # guards the fields below; creating cursors is not safe
        self._root: Store | None = None  # from several threads either
        self._opened: Version | None = None  # the file's version when _root was opened
        self._users = 0
        self._last_used = 0.0
        # Fails now if the file is missing or is no storyline database; a run holding it is fine.
        with contextlib.suppress(StoreLockedError), self.connect():
            pass

    @contextmanager
    def connect(self) -> Iterator[Store]:
        """A store on a cursor of its own, for one request; the cursor is closed afterwards."""
        with self.connect_versioned() as (store, _):
            yield store

    @contextmanager
    def connect_versioned(self) -> Iterator[tuple[Store, Version | None]]:
        """``connect``, with the version of the file (``cache.file_version``) when the connection
        the cursor belongs to was opened: what the store reads, even if the file at the path has
        been replaced since (a connection goes on reading the file it opened)."""
        with self._lock:
            if self._root is None:
                opened = cache.file_version(self.path)
                self._root = open_read_only(self.path, lock_wait=self.lock_wait)
                self._opened = opened
                threading.Thread(target=self._close_when_idle, daemon=True).start()
            cursor = self._root.con.cursor()
            version = self._opened
            self._users += 1
        try:
            yield Store(cursor, self.path, read_only=True), version
        finally:
            with self._lock:
                cursor.close()
                self._users -= 1
                self._last_used = time.monotonic()

    def _close_when_idle(self) -> None:
        while True:
            time.sleep(self.linger / 2)
            with self._lock:
                if self._root is None:
                    return
                if self._users == 0 and time.monotonic() - self._last_used >= self.linger:
                    self._close()
                    return

    def _close(self) -> None:
        if self._root is not None:
            self._root.close()
            self._root = None
            self._opened = None

    def close(self) -> None:
        with self._lock:
            self._close()


#: Seconds a client is told to wait (Retry-After) while a run holds the database.
RETRY_AFTER = 5


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api") or request.url.path == "/openapi.json"


def create_app(db: str | Path, cache_entries: int = MAX_ENTRIES) -> FastAPI:
    """The app serving the database at ``db`` (raises ``StoreError`` if it cannot be opened),
    keeping up to ``cache_entries`` answers while the file is unchanged (0: none)."""
    from storyline.api.routes import router
    from storyline.web.pages import busy_page, error_page, mount_web

    database = Database(db)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        database.close()

    # The Swagger UI and ReDoc files come from a package, not a CDN; the pages at /docs and /redoc
    # that load them are the web UI's (they start Swagger UI from a file, not an inline script).
    app = FastAPIOffline(
        docs_url=None,
        redoc_url=None,
        title="storyline",
        summary="Events, quotes, actors and timelines extracted from news articles, each with its "
        "source sentence.",
        description="Read-only. Every record carries character offsets into its document's text; "
        "`/documents/{id}#START-END` in the web UI shows it highlighted.",
        version="0.1.0",
        lifespan=lifespan,
    )
    app.state.database = database
    # Inside SecurityHeaders, which adds the headers to every answer (kept or not) and gives the
    # cache a HEAD as a GET and a query without its empty parameters.
    app.state.answers = AnswerCache(database.path, max_entries=cache_entries)
    app.add_middleware(CacheAnswers, cache=app.state.answers)
    app.add_middleware(SecurityHeaders)
    app.include_router(router)
    mount_web(app)

    # The API answers JSON; a page of the UI answers a page that says the same.
    @app.exception_handler(BadQueryError)
    async def bad_query(request: Request, exc: BadQueryError) -> Response:
        if not _is_api(request):
            return error_page(request, 422, f"Bad request: {exc}")
        return JSONResponse(status_code=422, content={"detail": str(exc)})

    @app.exception_handler(StoreLockedError)
    async def busy(request: Request, exc: StoreLockedError) -> Response:
        if not _is_api(request):
            return busy_page(request, RETRY_AFTER)
        detail = (
            "the database is in use by another program (a `storyline run` adding articles?); "
            f"try again when it is done (in {RETRY_AFTER} s: see Retry-After)"
        )
        return JSONResponse(
            status_code=503, content={"detail": detail}, headers={"Retry-After": str(RETRY_AFTER)}
        )

    @app.exception_handler(StorylineError)
    async def library_error(request: Request, exc: StorylineError) -> Response:
        if not _is_api(request):
            return error_page(request, 500, str(exc))
        return JSONResponse(status_code=500, content={"detail": str(exc)})

    return app

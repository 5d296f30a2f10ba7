"""The FastAPI application: the JSON API under ``/api`` and the web UI, over one read-only database.

Reads: the DuckDB store, opened read-only with file access switched off. Writes: nothing.
Every request runs on its own cursor of the one read-only connection (DuckDB's way to use one
database from several threads), opened when the request starts and closed when it ends: no two
requests ever share a cursor, whichever worker threads FastAPI runs their dependencies and handlers on.
"""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from fastapi_offline import FastAPIOffline

from storyline.api.middleware import SecurityHeaders
from storyline.errors import StorylineError
from storyline.store import Store
from storyline.store.api import BadQueryError, open_read_only


class Database:
    """The served database: one read-only connection, and a cursor of it per request."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        self.root = open_read_only(path)
        self._lock = threading.Lock()

    @contextmanager
    def connect(self) -> Iterator[Store]:
        """A store on a cursor of its own, for one request; the cursor is closed afterwards."""
        with self._lock:  # creating cursors of one connection is not safe from several threads
            cursor = self.root.con.cursor()
        try:
            yield Store(cursor, self.path, read_only=True)
        finally:
            cursor.close()

    def close(self) -> None:
        self.root.close()


def create_app(db: str | Path) -> FastAPI:
    """The app serving the database at ``db`` (raises ``StoreError`` if it cannot be opened)."""
    from storyline.api.routes import router
    from storyline.web.pages import mount_web

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
    app.add_middleware(SecurityHeaders)
    app.include_router(router)
    mount_web(app)

    @app.exception_handler(BadQueryError)
    async def bad_query(request: Request, exc: BadQueryError) -> JSONResponse:
        return JSONResponse(status_code=422, content={"detail": str(exc)})

    @app.exception_handler(StorylineError)
    async def library_error(request: Request, exc: StorylineError) -> JSONResponse:
        return JSONResponse(status_code=500, content={"detail": str(exc)})

    return app

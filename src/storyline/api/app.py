"""The FastAPI application: the JSON API under ``/api`` and the web UI, over one read-only database.

Reads: the DuckDB store, opened read-only with file access switched off. Writes: nothing.
Every request runs on its own cursor of the one database connection (one per worker thread).
"""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from fastapi_offline import FastAPIOffline

from storyline.errors import StorylineError
from storyline.store import Store
from storyline.store.api import BadQueryError, open_read_only


class Database:
    """The served database: one read-only connection, and a cursor per worker thread."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        self.root = open_read_only(path)
        self._local = threading.local()
        self._lock = threading.Lock()

    def store(self) -> Store:
        store: Store | None = getattr(self._local, "store", None)
        if store is None:
            with self._lock:  # creating cursors is not safe from several threads at once
                store = Store(self.root.con.cursor(), self.path, read_only=True)
            self._local.store = store
        return store

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

    # The Swagger UI at /docs and ReDoc at /redoc are served from a package, not a CDN.
    app = FastAPIOffline(
        title="storyline",
        summary="Events, quotes, actors and timelines extracted from news articles, each with its "
        "source sentence.",
        description="Read-only. Every record carries character offsets into its document's text; "
        "`/documents/{id}#START-END` in the web UI shows it highlighted.",
        version="0.1.0",
        lifespan=lifespan,
    )
    app.state.database = database
    app.include_router(router)
    mount_web(app)

    @app.exception_handler(BadQueryError)
    async def bad_query(request: Request, exc: BadQueryError) -> JSONResponse:
        return JSONResponse(status_code=422, content={"detail": str(exc)})

    @app.exception_handler(StorylineError)
    async def library_error(request: Request, exc: StorylineError) -> JSONResponse:
        return JSONResponse(status_code=500, content={"detail": str(exc)})

    return app

"""The embedded DuckDB store: one file holding every table of ``storyline.records``.

Reads and writes: the database file. Every write of a run's batch is one transaction, so a run killed
at any moment leaves whole documents (with all their records) or nothing of them.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any, TypeVar

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from storyline.errors import StoreError, StoreLockedError
from storyline.records import (
    TABLES,
    Document,
    DocumentEntity,
    Entity,
    EntityLink,
    Event,
    EventReference,
    Failure,
    Mention,
    Place,
    Quote,
    ReferenceLink,
    Role,
    Story,
    StoryEvent,
    TimelineEntry,
    Timex,
    from_dict,
)
from storyline.registry import DOC_RECORDS, LINKED_RECORDS, DocResult
from storyline.store.schema import (
    arrow_type,
    create_event_actors_sql,
    create_table_sql,
    create_view_sql,
    relink_events_sql,
    sql_type,
    stored_table,
    to_arrow,
)

R = TypeVar("R")

#: What a failed write can raise: the database, Arrow, or a value that does not fit its column.
WRITE_ERRORS = (duckdb.Error, pa.ArrowException, OverflowError, TypeError, ValueError)

#: The tables of the first schema (their records have not changed since).
_INITIAL = (
    Document,
    Failure,
    Timex,
    Entity,
    Mention,
    Role,
    Quote,
    Event,
    StoryEvent,
    Story,
    TimelineEntry,
)

#: Seconds an open waits for another process to let go of the file (``storyline serve`` lets go
#: when idle; a ``storyline run`` holds it until it ends), trying again every ``_RETRY_EVERY``.
LOCK_WAIT = 10.0
_RETRY_EVERY = 0.1

#: Bytes before the first block of a DuckDB file: its main header and two database headers.
_HEADERS = 3 * 4096

#: The column type of a place (``records.Place``).
_PLACE_SQL = sql_type(arrow_type(Place))

#: Named, ordered schema migrations. Append only: a database records which ones it has.
MIGRATIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("0001_initial", tuple(create_table_sql(cls) for cls in _INITIAL)),
    (
        # Per-document entities and the records naming them are kept as extracted; entities and
        # links are rebuilt from them. A database made before keeps its (already linked) rows as
        # the extracted ones, with each document's view of an entity taken from the linked row.
        "0002_extracted_records",
        (
            create_table_sql(DocumentEntity),
            create_table_sql(EntityLink),
            *(f'ALTER TABLE "{c.TABLE}" RENAME TO "{stored_table(c)}"' for c in LINKED_RECORDS),
            "INSERT INTO document_entities SELECT DISTINCT m.doc_id, e.id, e.name, e.type, "
            "e.country, e.sector, e.aliases FROM extracted_mentions m "
            "JOIN entities e ON e.id = m.entity_id",
            "INSERT INTO entity_links SELECT DISTINCT doc_id, id, id FROM document_entities",
        ),
    ),
    (
        # A place resolved to the gazetteer: resolved name, subdivision, coordinates, confidence
        # and basis. DuckDB cannot add fields to a struct column in place, so the extracted events
        # are copied into a table of the new shape (the new fields NULL on old rows); story events
        # gain the place of their best-placed report.
        "0003_place_fields",
        (
            'DROP VIEW IF EXISTS "events"',
            'ALTER TABLE "extracted_events" RENAME TO "extracted_events_0003"',
            create_table_sql(Event, "extracted_events"),
            'INSERT INTO "extracted_events" BY NAME SELECT * REPLACE ('
            "CASE WHEN location IS NULL THEN NULL ELSE struct_pack("
            'name := location.name, country := location.country, "start" := location."start", '
            '"end" := location."end", resolved := NULL::VARCHAR, '
            "subdivision := NULL::VARCHAR, latitude := NULL::DOUBLE, longitude := NULL::DOUBLE, "
            "confidence := NULL::DOUBLE, basis := 'sentence') END AS location) "
            'FROM "extracted_events_0003"',
            'DROP TABLE "extracted_events_0003"',
            f'ALTER TABLE "story_events" ADD COLUMN IF NOT EXISTS "location" {_PLACE_SQL}',
        ),
    ),
    (
        # Passing references to events ("Tuesday's attack") and the story events they refer to.
        # A database made before has none until its documents are analysed again.
        "0004_event_references",
        (create_table_sql(EventReference), create_table_sql(ReferenceLink)),
    ),
    (
        # The events' actors read through the links, kept in a table rebuilt with the links
        # instead of computed by the events view on every read; filled from the current links.
        "0005_event_actors",
        ('DROP VIEW IF EXISTS "events"', create_event_actors_sql(), *relink_events_sql()),
    ),
)


class Store:
    """A storyline database. Use as a context manager: ``with Store.open(path) as store: ...``."""

    def __init__(self, con: duckdb.DuckDBPyConnection, path: str, read_only: bool) -> None:
        self.con = con
        self.path = path
        self.read_only = read_only
        self.in_transaction = False  # inside transaction(): writes join it

    # --- opening --------------------------------------------------------------------------------

    @classmethod
    def open(cls, path: str | Path, read_only: bool = False, lock_wait: float = LOCK_WAIT) -> Store:
        """Open (and create, unless read-only) the database at ``path``.

        While another process holds the file the open is tried again for ``lock_wait`` seconds, then
        raises ``StoreLockedError``. A file that is not a storyline database, or is damaged (cut
        short, failing its checksums), raises a ``StoreError`` saying so.
        """
        p = Path(path)
        if read_only and not p.exists():
            raise StoreError(
                f"database {p} does not exist; create it with `storyline run ... --db {p}`"
            )
        if not read_only and p.parent and not p.parent.exists():
            raise StoreError(f"folder {p.parent} does not exist; create it or give another --db")
        if p.is_dir():
            raise StoreError(f"{p} is a folder; --db takes a database file, e.g. {p / 'x.duckdb'}")
        store = cls(_connect(p, read_only, lock_wait), str(p), read_only)
        try:
            store._check_size()
            if read_only and store.pending_migrations():
                # Made by an earlier version: upgraded once, writable, then read as asked.
                pending = store.pending_migrations()
                store.close()
                try:
                    with cls.open(p, read_only=False, lock_wait=lock_wait):
                        pass
                except StoreLockedError:
                    raise
                except StoreError as err:
                    raise StoreError(
                        f"database {p} was made by an earlier storyline and must be upgraded "
                        f"({', '.join(pending)}), which needs write access to it: {err}"
                    ) from err
                store = cls(_connect(p, read_only, lock_wait), str(p), read_only)
            if read_only:
                store._check_schema()
            else:
                store.migrate()
        except BaseException as err:
            store.__exit__(type(err), err, err.__traceback__)
            raise
        return store

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if exc is None:
            self.close()
            return
        # The block failed: close without letting a second error hide the first, and go on with a
        # database error (a damaged file, a full disk) as a StoreError that says what to do.
        with contextlib.suppress(duckdb.Error):
            self.con.close()
        if isinstance(exc, duckdb.Error):
            raise _database_error(self.path, exc) from exc

    def close(self) -> None:
        try:
            self.con.close()  # a writable database is checkpointed here: it can fail to write
        except duckdb.Error as err:
            raise _database_error(self.path, err) from err

    def migrate(self) -> list[str]:
        """Apply the migrations this database lacks; return their names."""
        self.con.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations (name VARCHAR PRIMARY KEY, applied_at TIMESTAMP)"
        )
        done = {r[0] for r in self.con.execute("SELECT name FROM schema_migrations").fetchall()}
        applied = []
        for name, statements in MIGRATIONS:
            if name in done:
                continue
            with self._transaction(f"apply migration {name}"):
                for sql in statements:
                    self.con.execute(sql)
                self.con.execute(
                    "INSERT INTO schema_migrations VALUES (?, ?)", [name, dt.datetime.now(dt.UTC)]
                )
            applied.append(name)
        # The views are derived from the code, so they are made anew on every writable open.
        for cls in LINKED_RECORDS:
            self.con.execute(create_view_sql(cls))
        return applied

    def pending_migrations(self) -> list[str]:
        """The migrations this database lacks (none for a database of another program: the
        schema check tells that)."""
        tables = {
            r[0]
            for r in self.con.execute("SELECT table_name FROM information_schema.tables").fetchall()
        }
        if "schema_migrations" not in tables:
            return []
        done = {r[0] for r in self.con.execute("SELECT name FROM schema_migrations").fetchall()}
        return [name for name, _ in MIGRATIONS if name not in done]

    def _check_schema(self) -> None:
        tables = {
            r[0]
            for r in self.con.execute("SELECT table_name FROM information_schema.tables").fetchall()
        }
        missing = [t for t in TABLES if t not in tables]
        if missing:
            raise StoreError(_damaged(self.path, f"missing tables {', '.join(missing)}"))

    def _check_size(self) -> None:
        """A file too short for the blocks it uses was cut short (a copy or a download that did not
        finish); DuckDB itself would only notice when a query reads a missing block."""
        row = self.con.execute(
            "SELECT block_size, used_blocks FROM pragma_database_size() "
            "WHERE database_name = current_database()"
        ).fetchone()
        size = os.path.getsize(self.path)
        if row is not None and _HEADERS + row[0] * row[1] > size:
            why = f"{size:,} bytes, too few for its {row[1]} blocks of {row[0]:,}"
            raise StoreError(_damaged(self.path, why))

    # --- writing --------------------------------------------------------------------------------

    @contextlib.contextmanager
    def _transaction(self, what: str) -> Iterator[None]:
        """All or nothing; a failure is rolled back and raised as a StoreError saying ``what``."""
        self.con.execute("BEGIN TRANSACTION")
        try:
            yield
            self.con.execute("COMMIT")
        except BaseException as err:
            # A COMMIT that failed (a full disk) has ended the transaction already: the ROLLBACK's
            # own error ("no transaction is active") must not take the place of the real cause.
            with contextlib.suppress(duckdb.Error):
                self.con.execute("ROLLBACK")
            if isinstance(err, duckdb.Error):
                raise _database_error(self.path, err, what) from err
            if isinstance(err, WRITE_ERRORS):
                raise StoreError(f"cannot {what} in {self.path}: {err}") from err
            raise

    @contextlib.contextmanager
    def transaction(self, what: str) -> Iterator[None]:
        """One transaction around several writes (``replace`` calls join it): all or nothing."""
        with self._transaction(what):
            self.in_transaction = True
            try:
                yield
            finally:
                self.in_transaction = False

    @contextlib.contextmanager
    def _atomic(self, what: str) -> Iterator[None]:
        if self.in_transaction:
            yield
        else:
            with self._transaction(what):
                yield

    @contextlib.contextmanager
    def _registered(self, name: str, table: pa.Table) -> Iterator[None]:
        """An Arrow table visible to SQL as ``name`` for the duration of the block."""
        self.con.register(name, table)
        try:
            yield
        finally:
            self.con.unregister(name)

    def _insert(
        self, cls: type[Any], records: Sequence[Any], *, ignore_existing: bool = True
    ) -> None:
        if not records:
            return
        verb = "INSERT OR IGNORE INTO" if ignore_existing and cls.KEY else "INSERT INTO"
        with self._registered("_batch", to_arrow(cls, records)):
            self.con.execute(f'{verb} "{stored_table(cls)}" SELECT * FROM _batch')

    def write_batch(self, results: Sequence[DocResult], failures: Sequence[Failure] = ()) -> None:
        """Store the documents of ``results`` with all their records and failures, and
        ``failures``, in one transaction; rows already stored (same key) are left as they are.

        Each kind of record goes to its table as ``registry.DOC_RECORDS`` says: entities as each
        document's view of them (``DocumentEntity``), the corpus-level ``Entity`` table being
        rebuilt by linking after the run."""
        with self._atomic("write a batch"):
            self._insert(Document, _unique([r.document for r in results], Document.KEY))
            for kind in DOC_RECORDS:
                rows = [row for r in results for row in r.stored(kind)]
                self._insert(kind.stored, _unique(rows, kind.stored.KEY))
            own = [f for r in results for f in r.failures]
            self._insert(Failure, _unique([*failures, *own], Failure.KEY))

    def add_failures(self, failures: Sequence[Failure]) -> None:
        """Store failure rows on their own (inputs that never became documents)."""
        self.write_batch([], failures)

    def relink_events(self) -> None:
        """Read the stored events' actors through the current entity links and entities again
        (after the links are rebuilt or imported): what the ``events`` view shows."""
        with self._atomic("relink the events' actors"):
            self._relink_events()

    def _relink_events(self) -> None:
        for sql in relink_events_sql():
            self.con.execute(sql)

    def replace(self, cls: type[Any], records: Sequence[Any]) -> None:
        """Replace a whole table (the cross-document tables are rebuilt after each run; a linked
        record's stored rows are replaced as given). New links relink the events' actors, through
        the entities then stored: replace the entities first, as a rebuild does."""
        with self._atomic(f"rewrite table {cls.TABLE}"):
            self.con.execute(f'DELETE FROM "{stored_table(cls)}"')
            self._insert(
                cls, _unique(records, cls.KEY) if cls.KEY else list(records), ignore_existing=False
            )
            if cls is EntityLink:  # what the events view reads the actors through
                self._relink_events()

    # --- reading --------------------------------------------------------------------------------

    def has_document(self, doc_id: str) -> bool:
        row = self.con.execute("SELECT 1 FROM documents WHERE id = ?", [doc_id]).fetchone()
        return row is not None

    def records(
        self,
        cls: type[R],
        where: str | None = None,
        params: Sequence[Any] = (),
        order: str | None = None,
        *,
        extracted: bool = False,
    ) -> Iterator[R]:
        """All records of a table as record objects. ``where``/``order`` are SQL written by the
        library (never user text); values go in ``params``. ``extracted`` reads a linked record's
        rows as the stage extracted them (entity ids not linked)."""
        sql = f'SELECT * FROM "{cls.TABLE}"'  # type: ignore[attr-defined]
        if extracted:
            sql = f'SELECT * FROM "{stored_table(cls)}"'
        if where:
            sql += f" WHERE {where}"
        if order:
            sql += f" ORDER BY {order}"
        if self.in_transaction:
            # A cursor is a connection of its own that would not see this transaction's writes.
            rows = self.con.execute(sql, list(params))
            names = [d[0] for d in rows.description or []]
            for row in rows.fetchall():
                yield from_dict(cls, dict(zip(names, row, strict=True)))
            return
        cur = self.con.cursor()
        try:
            cur.execute(sql, list(params))
            names = [d[0] for d in cur.description or []]
            while batch := cur.fetchmany(1000):
                for row in batch:
                    yield from_dict(cls, dict(zip(names, row, strict=True)))
        finally:
            cur.close()

    def count(self, table: str) -> int:
        _check_table(table)
        row = self.con.execute(f'SELECT count(*) FROM "{table}"').fetchone()
        return int(row[0]) if row else 0

    def counts(self) -> dict[str, int]:
        """Rows per table."""
        return {table: self.count(table) for table in TABLES}

    def arrow(self, table: str) -> pa.Table:
        """A whole table as Arrow (for exports)."""
        _check_table(table)
        order = ", ".join(f'"{k}"' for k in TABLES[table].KEY) or "1"
        return self.con.sql(f'SELECT * FROM "{table}" ORDER BY {order}').to_arrow_table()

    def write_parquet(self, table: str, path: str | Path) -> None:
        pq.write_table(self.arrow(table), str(path))

    def sql(self, query: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        """Run a read query written by the library; rows as dicts."""
        # Inside transaction() the connection itself, whose reads see the transaction's writes.
        cur = self.con if self.in_transaction else self.con.cursor()
        try:
            cur.execute(query, list(params))
            names = [d[0] for d in cur.description or []]
            return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]
        finally:
            if cur is not self.con:
                cur.close()


def _connect(path: Path, read_only: bool, lock_wait: float) -> duckdb.DuckDBPyConnection:
    """A connection to ``path``, tried again while another process holds the file."""
    deadline = time.monotonic() + lock_wait
    while True:
        try:
            return duckdb.connect(str(path), read_only=read_only)
        except duckdb.Error as err:
            error = _database_error(str(path), err)
            if not isinstance(error, StoreLockedError) or time.monotonic() >= deadline:
                raise error from err
        time.sleep(_RETRY_EVERY)


#: What DuckDB says of a file that is not a database, or a damaged one.
_DAMAGE = (
    "not a valid DuckDB database",
    "Corrupt database file",
    "Could not read enough bytes",
    "checksum",
    "Serialization Error",
)
_HOLDER = re.compile(r"Conflicting lock is held in (.*?) \(PID (\d+)\)")


def _damaged(path: str, why: str) -> str:
    return (
        f"{path} is not a storyline database or is damaged: {why}; "
        "restore it from a copy or use another --db"
    )


def _database_error(path: str, err: duckdb.Error, what: str | None = None) -> StoreError:
    """A DuckDB error as a one-line ``StoreError`` that says what to do (``what`` was being done)."""
    text = " ".join(str(err).split())
    if "Could not set lock" in text:
        holder = _HOLDER.search(text)
        who = f"process {holder[2]} ({Path(holder[1]).name})" if holder else "another process"
        return StoreLockedError(
            f"{path} is in use by {who}: a `storyline run` holds its database until it ends, "
            "a `storyline serve` lets go when idle; try again when it is done, or stop it"
        )
    if "No space left on device" in text:
        return StoreError(
            f"cannot {what or 'write'} in {path}: {text}; free some space, then run the same "
            "command again (what was stored before is kept)"
        )
    if any(marker in text for marker in _DAMAGE):
        return StoreError(_damaged(path, text))
    return StoreError(f"cannot {what or 'use the database'} in {path}: {text}")


def _check_table(table: str) -> None:
    if table not in TABLES:
        raise StoreError(f"unknown table {table!r}; valid: {', '.join(TABLES)}")


def _unique(records: Sequence[R], key: tuple[str, ...]) -> list[R]:
    seen: set[tuple[Any, ...]] = set()
    out = []
    for r in records:
        k = tuple(getattr(r, f) for f in key)
        if k not in seen:
            seen.add(k)
            out.append(r)
    return out


__all__ = ["MIGRATIONS", "Store"]

"""The embedded DuckDB store: one file holding every table of ``storyline.records``.

Reads and writes: the database file. Every write of a run's batch is one transaction, so a run killed
at any moment leaves whole documents (with all their records) or nothing of them.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any, TypeVar

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from storyline.errors import StoreError
from storyline.records import (
    TABLE_RECORDS,
    TABLES,
    Actor,
    Document,
    Entity,
    Event,
    Failure,
    Mention,
    Quote,
    Role,
    from_dict,
)
from storyline.store.schema import create_table_sql, to_arrow

R = TypeVar("R")

#: What a failed write can raise: the database, Arrow, or a value that does not fit its column.
WRITE_ERRORS = (duckdb.Error, pa.ArrowException, OverflowError, TypeError, ValueError)

#: Named, ordered schema migrations. Append only: a database records which ones it has.
MIGRATIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("0001_initial", tuple(create_table_sql(cls) for cls in TABLE_RECORDS)),
)


class Store:
    """A storyline database. Use as a context manager: ``with Store.open(path) as store: ...``."""

    def __init__(self, con: duckdb.DuckDBPyConnection, path: str, read_only: bool) -> None:
        self.con = con
        self.path = path
        self.read_only = read_only

    # --- opening --------------------------------------------------------------------------------

    @classmethod
    def open(cls, path: str | Path, read_only: bool = False) -> Store:
        """Open (and create, unless read-only) the database at ``path``."""
        p = Path(path)
        if read_only and not p.exists():
            raise StoreError(
                f"database {p} does not exist; create it with `storyline run ... --db {p}`"
            )
        if not read_only and p.parent and not p.parent.exists():
            raise StoreError(f"folder {p.parent} does not exist")
        try:
            con = duckdb.connect(str(p), read_only=read_only)
        except duckdb.Error as err:
            raise StoreError(f"cannot open database {p}: {err}") from err
        store = cls(con, str(p), read_only)
        if read_only:
            store._check_schema()
        else:
            store.migrate()
        return store

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

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
        return applied

    def _check_schema(self) -> None:
        tables = {
            r[0]
            for r in self.con.execute("SELECT table_name FROM information_schema.tables").fetchall()
        }
        missing = [t for t in TABLES if t not in tables]
        if missing:
            raise StoreError(
                f"{self.path} is not a storyline database (missing tables: {', '.join(missing)})"
            )

    # --- writing --------------------------------------------------------------------------------

    @contextlib.contextmanager
    def _transaction(self, what: str) -> Iterator[None]:
        """All or nothing; a failure is rolled back and raised as a StoreError saying ``what``."""
        self.con.execute("BEGIN TRANSACTION")
        try:
            yield
            self.con.execute("COMMIT")
        except WRITE_ERRORS as err:
            self.con.execute("ROLLBACK")
            raise StoreError(f"cannot {what} in {self.path}: {err}") from err

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
            self.con.execute(f'{verb} "{cls.TABLE}" SELECT * FROM _batch')

    def write_batch(
        self,
        documents: Sequence[Document],
        records: Iterable[Any],
        failures: Sequence[Failure] = (),
    ) -> None:
        """Store documents with all their records, and failures, in one transaction."""
        by_class: dict[type[Any], list[Any]] = {}
        for record in records:
            by_class.setdefault(type(record), []).append(record)
        with self._transaction("write a batch"):
            self._insert(Document, _unique(documents, ("id",)))
            for cls, items in by_class.items():
                if cls is Entity:
                    self._upsert_entities(items)
                else:
                    self._insert(cls, _unique(items, cls.KEY))
            self._insert(Failure, _unique(failures, Failure.KEY))

    def add_failures(self, failures: Sequence[Failure]) -> None:
        """Store failure rows on their own (inputs that never became documents)."""
        self.write_batch([], [], failures)

    def _upsert_entities(self, entities: Sequence[Entity]) -> None:
        merged: dict[str, Entity] = {}
        for e in entities:
            merged[e.id] = merge_entity(merged[e.id], e) if e.id in merged else e
        with self._registered("_batch", to_arrow(Entity, list(merged.values()))):
            self.con.execute(
                """
                INSERT INTO entities SELECT * FROM _batch
                ON CONFLICT (id) DO UPDATE SET
                    aliases = list_sort(list_distinct(list_concat(entities.aliases, excluded.aliases))),
                    country = coalesce(entities.country, excluded.country),
                    sector = coalesce(entities.sector, excluded.sector)
                """
            )

    def replace(self, cls: type[Any], records: Sequence[Any]) -> None:
        """Replace a whole table (the cross-document tables are rebuilt after each run)."""
        with self._transaction(f"rewrite table {cls.TABLE}"):
            self.con.execute(f'DELETE FROM "{cls.TABLE}"')
            self._insert(
                cls, _unique(records, cls.KEY) if cls.KEY else list(records), ignore_existing=False
            )

    def apply_entity_redirects(self, redirects: dict[str, str], entities: Sequence[Entity]) -> None:
        """Point mentions, roles, quotes and event actors at the entities they were merged into.

        Event actors whose country or sector is unknown take the linked entity's codes.
        """
        by_id = {e.id: e for e in entities}
        with self._transaction("relink entities"):
            if redirects:
                pairs = pa.table({"old": list(redirects), "new": list(redirects.values())})
                with self._registered("_redirects", pairs):
                    for table in (Mention.TABLE, Role.TABLE):
                        self.con.execute(
                            f'UPDATE "{table}" SET entity_id = r.new FROM _redirects r '
                            f'WHERE "{table}".entity_id = r.old'
                        )
                    self.con.execute(
                        "UPDATE quotes SET speaker_entity_id = r.new FROM _redirects r "
                        "WHERE quotes.speaker_entity_id = r.old"
                    )
            # Event actors are nested lists of structs: rewrite the affected events in Python.
            changed = []
            for event in self.records(Event):
                new = _relink_event(event, redirects, by_id)
                if new is not event:
                    changed.append(new)
            if changed:
                with self._registered("_ids", pa.table({"id": [e.id for e in changed]})):
                    self.con.execute("DELETE FROM events WHERE id IN (SELECT id FROM _ids)")
                self._insert(Event, changed, ignore_existing=False)

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
    ) -> Iterator[R]:
        """All records of a table as record objects. ``where``/``order`` are SQL written by the
        library (never user text); values go in ``params``."""
        sql = f'SELECT * FROM "{cls.TABLE}"'  # type: ignore[attr-defined]
        if where:
            sql += f" WHERE {where}"
        if order:
            sql += f" ORDER BY {order}"
        cur = self.con.cursor()
        try:
            cur.execute(sql, list(params))
            names = [d[0] for d in cur.description or []]
            while rows := cur.fetchmany(1000):
                for row in rows:
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
        cur = self.con.cursor()
        try:
            cur.execute(query, list(params))
            names = [d[0] for d in cur.description or []]
            return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]
        finally:
            cur.close()


def _check_table(table: str) -> None:
    if table not in TABLES:
        raise StoreError(f"unknown table {table!r}; valid: {', '.join(TABLES)}")


def merge_entity(a: Entity, b: Entity) -> Entity:
    """Two views of one entity as one: union of aliases, first known codes kept."""
    aliases = sorted({*a.aliases, *b.aliases} - {a.name})
    return dataclasses.replace(
        a, aliases=aliases, country=a.country or b.country, sector=a.sector or b.sector
    )


def _unique(records: Sequence[R], key: tuple[str, ...]) -> list[R]:
    seen: set[tuple[Any, ...]] = set()
    out = []
    for r in records:
        k = tuple(getattr(r, f) for f in key)
        if k not in seen:
            seen.add(k)
            out.append(r)
    return out


def _relink_actor(actor: Actor, redirects: dict[str, str], entities: dict[str, Entity]) -> Actor:
    new_id = redirects.get(actor.entity_id or "", actor.entity_id)
    entity = entities.get(new_id or "")
    country = actor.country or (entity.country if entity else None)
    sector = actor.sector or (entity.sector if entity else None)
    if (new_id, country, sector) == (actor.entity_id, actor.country, actor.sector):
        return actor
    return dataclasses.replace(actor, entity_id=new_id, country=country, sector=sector)


def _relink_event(event: Event, redirects: dict[str, str], entities: dict[str, Entity]) -> Event:
    source = [_relink_actor(a, redirects, entities) for a in event.source]
    target = [_relink_actor(a, redirects, entities) for a in event.target]
    if all(x is y for x, y in zip(source + target, event.source + event.target, strict=True)):
        return event
    return dataclasses.replace(event, source=source, target=target)


__all__ = ["MIGRATIONS", "Quote", "Store", "merge_entity"]

"""The database schema, derived from ``storyline.records`` (one definition of each record).

Reads: the record classes. Writes: DDL strings and Arrow schemas. The Spark schema is derived from the
Arrow schema here, so DuckDB, Parquet and Spark agree by construction (and a test checks it).
"""

from __future__ import annotations

import dataclasses
import functools
import types
import typing
from typing import Any, Literal, Union

import pyarrow as pa

from storyline.records import Actor, Event, Mention, Quote, Role
from storyline.registry import LINKED_RECORDS


def _unwrap_optional(hint: Any) -> tuple[Any, bool]:
    origin = typing.get_origin(hint)
    if origin in (Union, types.UnionType):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        if len(args) != 1:
            raise TypeError(f"unsupported union type {hint!r}")
        return args[0], True
    return hint, False


def arrow_type(hint: Any) -> pa.DataType:
    """The Arrow type of a record field's type hint."""
    hint, _ = _unwrap_optional(hint)
    origin = typing.get_origin(hint)
    if hint is str or origin is Literal:
        return pa.string()
    if hint is bool:
        return pa.bool_()
    if hint is int:
        return pa.int64()
    if hint is float:
        return pa.float64()
    if origin is list:
        (inner,) = typing.get_args(hint)
        return pa.list_(arrow_type(inner))
    if dataclasses.is_dataclass(hint):
        return pa.struct(arrow_fields(hint))  # type: ignore[arg-type]
    raise TypeError(f"no Arrow type for {hint!r}")


def arrow_fields(cls: type[Any]) -> list[pa.Field]:
    hints = typing.get_type_hints(cls)
    fields = []
    for f in dataclasses.fields(cls):
        _, optional = _unwrap_optional(hints[f.name])
        fields.append(pa.field(f.name, arrow_type(hints[f.name]), nullable=optional))
    return fields


def arrow_schema(cls: type[Any]) -> pa.Schema:
    """The Arrow schema of a record class (used for inserts, Parquet and Spark)."""
    return _arrow_schema(cls)  # type: ignore[arg-type]  # classes are hashable


@functools.cache
def _arrow_schema(cls: Any) -> pa.Schema:
    return pa.schema(arrow_fields(cls))


def sql_type(dtype: pa.DataType) -> str:
    """The DuckDB column type of an Arrow type."""
    if pa.types.is_string(dtype):
        return "VARCHAR"
    if pa.types.is_boolean(dtype):
        return "BOOLEAN"
    if pa.types.is_int64(dtype):
        return "BIGINT"
    if pa.types.is_float64(dtype):
        return "DOUBLE"
    if pa.types.is_list(dtype):
        return f"{sql_type(dtype.value_type)}[]"
    if pa.types.is_struct(dtype):
        inner = ", ".join(f'"{f.name}" {sql_type(f.type)}' for f in dtype)
        return f"STRUCT({inner})"
    raise TypeError(f"no SQL type for {dtype}")


def create_table_sql(cls: type[Any], name: str | None = None) -> str:
    """``CREATE TABLE`` for a record class (under ``name``, default its table); its KEY becomes
    the primary key."""
    cols = []
    for f in arrow_schema(cls):
        null = "" if f.nullable else " NOT NULL"
        cols.append(f'    "{f.name}" {sql_type(f.type)}{null}')
    if cls.KEY:
        key = ", ".join(f'"{k}"' for k in cls.KEY)
        cols.append(f"    PRIMARY KEY ({key})")
    body = ",\n".join(cols)
    return f'CREATE TABLE IF NOT EXISTS "{name or cls.TABLE}" (\n{body}\n)'


# --- per-document records read through the entity links -----------------------------------------

# The per-document records that name entities (``registry.LINKED_RECORDS``) are stored as the
# stages extracted them, under ``extracted_<table>``, and never rewritten; the record's own table
# name is a view that reads each entity id through ``entity_links`` (rebuilt after every run), so
# readers see linked ids.

#: The entity-id column of each linked record that is a plain column (events hold lists of actors).
_ID_COLUMN = {Mention: "entity_id", Role: "entity_id", Quote: "speaker_entity_id"}

# Each event's list of actors (``{f}``: "source" or "target") read through the links, with missing
# codes filled from the linked entity, by event id: one unnest, two hash joins and a regrouping
# (a correlated subquery per event row was three times slower on filtered reads).
_ACTORS_SQL = """(
    SELECT u.id, list(struct_pack(
        entity_id := coalesce(l.entity_id, u.a.entity_id), name := u.a.name,
        country := coalesce(u.a.country, n.country), sector := coalesce(u.a.sector, n.sector),
        "start" := u.a."start", "end" := u.a."end") ORDER BY u.i) AS {f}
    FROM (SELECT id, doc_id, unnest({f}) AS a, generate_subscripts({f}, 1) AS i FROM "{raw}") u
    LEFT JOIN entity_links l ON l.doc_id = u.doc_id AND l.local_id = u.a.entity_id
    LEFT JOIN entities n ON n.id = l.entity_id
    GROUP BY u.id
)"""


def stored_table(cls: type[Any]) -> str:
    """The table a record's rows are written to (``extracted_<table>`` for linked records)."""
    return f"extracted_{cls.TABLE}" if cls in LINKED_RECORDS else str(cls.TABLE)


#: The events' actor lists read through the links, one row per event with actors, rebuilt with
#: the links (``relink_events_sql``): the ``events`` view joins it by id instead of unnesting and
#: regrouping every event's actors on each read (which cost ~20 ms per query on the demo database).
EVENT_ACTORS = "event_actors"


def create_event_actors_sql() -> str:
    """``CREATE TABLE`` of the events' linked actor lists."""
    actors = sql_type(arrow_type(list[Actor]))
    return (
        f'CREATE TABLE IF NOT EXISTS "{EVENT_ACTORS}" '
        f'("id" VARCHAR PRIMARY KEY, "source" {actors}, "target" {actors})'
    )


def relink_events_sql() -> list[str]:
    """The statements that rebuild the events' linked actor lists from the stored events, the
    entity links and the entities (run whenever the links change)."""
    raw = stored_table(Event)
    source = _ACTORS_SQL.format(f="source", raw=raw)
    target = _ACTORS_SQL.format(f="target", raw=raw)
    return [
        f'DELETE FROM "{EVENT_ACTORS}"',
        f'INSERT INTO "{EVENT_ACTORS}" SELECT x.id, s.source, t.target FROM "{raw}" x '
        f"LEFT JOIN {source} s ON s.id = x.id LEFT JOIN {target} t ON t.id = x.id "
        "WHERE s.source IS NOT NULL OR t.target IS NOT NULL",
    ]


def create_view_sql(cls: type[Any]) -> str:
    """``CREATE OR REPLACE VIEW`` of a linked record: its stored rows with linked entity ids."""
    raw = stored_table(cls)
    if cls is Event:
        return (
            f'CREATE OR REPLACE VIEW "{cls.TABLE}" AS SELECT x.* REPLACE '
            "(coalesce(a.source, x.source) AS source, coalesce(a.target, x.target) AS target) "
            f'FROM "{raw}" x LEFT JOIN "{EVENT_ACTORS}" a ON a.id = x.id'
        )
    col = _ID_COLUMN[cls]
    return (
        f'CREATE OR REPLACE VIEW "{cls.TABLE}" AS '
        f'SELECT x.* REPLACE (coalesce(l.entity_id, x."{col}") AS "{col}") FROM "{raw}" x '
        f'LEFT JOIN entity_links l ON l.doc_id = x.doc_id AND l.local_id = x."{col}"'
    )


def to_arrow(cls: type[Any], records: typing.Iterable[Any]) -> pa.Table:
    """An Arrow table of records of one class."""
    rows = [dataclasses.asdict(r) for r in records]
    return pa.Table.from_pylist(rows, schema=arrow_schema(cls))

"""What the read queries share: the arguments (``Filters``, ``PageArgs``), a page of results
(``Page``), the read-only opening of a database, headings of untitled documents, records built from
rows (``record``), and the SQL helpers (sort allow-lists, date and event filters, ``_page``).
"""

from __future__ import annotations

import dataclasses
import functools
import json
import types
import typing
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar, Union

import duckdb

from storyline.errors import StoreError
from storyline.records import Event
from storyline.store.db import LOCK_WAIT, Store
from storyline.store.schema import stored_table

T = TypeVar("T")

MAX_LIMIT = 100  # rows per page
HAPPENED = "happened"  # a modality filter: events the text says took place
HAPPENED_AS = ["asserted", "reported"]
IN_LIST = (
    "(SELECT unnest(?::VARCHAR[]))"  # SQL: one of a bound list of ids (a hash join, not a scan)
)
MAX_OFFSET = 100_000
MAX_QUERY_CHARS = 200  # search query length
MAX_NETWORK_EDGES = 400


class BadQueryError(StoreError):
    """A query argument the API cannot serve (an unknown sort key, a search query too long)."""


# --- opening --------------------------------------------------------------------------------------


def open_read_only(path: str | Path, lock_wait: float = LOCK_WAIT) -> Store:
    """Open a database for serving: read-only, and unable to touch any file but its own."""
    store = Store.open(path, read_only=True, lock_wait=lock_wait)
    try:
        # A second open of the same file in one process shares the first one's (locked) settings.
        for name in ("enable_external_access", "lock_configuration"):
            row = store.con.execute("SELECT current_setting(?)", [name]).fetchone()
            wanted = name == "lock_configuration"
            if row is None or bool(row[0]) != wanted:
                store.con.execute(f"SET {name} = {'true' if wanted else 'false'}")
    except duckdb.Error as err:
        store.close()
        raise StoreError(f"cannot lock down database {path}: {err}") from err
    return store


# --- headings -------------------------------------------------------------------------------------

HEADING_WORDS = 12
HEADING_SOURCE_CHARS = 200  # of a text read to make its heading


def first_words(text: str | None, words: int = HEADING_WORDS) -> str:
    """A heading for a document without a title: its first sentence if that is short, else its
    first ``words`` words and an ellipsis."""
    head = (text or "")[:HEADING_SOURCE_CHARS].split()
    out: list[str] = []
    for word in head[:words]:
        out.append(word)
        if word.endswith((".", "!", "?")) and len(out) >= 4 and not word[:-1].isupper():
            return " ".join(out).rstrip(".")
    if not out:
        return ""
    return " ".join(out) + ("…" if len(head) > len(out) else "")


# --- arguments and result views -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Filters:
    """Filters shared by the list queries; ``None`` means no filter. Values are validated upstream."""

    actor: str | None = None  # the actor as given (an entity id or a name), for display
    actor_ids: tuple[str, ...] = ()  # its entities, on either side of an event or as a speaker
    country: str | None = None  # ISO 3166-1 alpha-3 (or IGO code) of an actor
    place_country: str | None = None  # ISO 3166-1 alpha-3 of the country an event happened in
    sector: str | None = None  # CAMEO sector code of an actor (GOV, MIL, ...)
    type: str | None = None  # PLOVER event type
    modality: str | None = None  # a modality, or "happened" (asserted or reported)
    date_from: str | None = None  # YYYY, YYYY-MM or YYYY-MM-DD, inclusive at that granularity
    date_to: str | None = None
    story: str | None = None  # story id
    document: str | None = None  # document id
    source: str | None = None  # a document's outlet: its source, else its address's host


@dataclass(frozen=True, slots=True)
class PageArgs:
    limit: int = 50
    offset: int = 0
    sort: str | None = None  # a key of the query's sort allow-list; "-" prefix for descending


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    """One page of results and the total number matching."""

    items: list[T]
    total: int
    limit: int
    offset: int


# --- building records from rows -----------------------------------------------------------------


@functools.cache
def _hints(cls: type[Any]) -> tuple[tuple[str, Any], ...]:
    hints = typing.get_type_hints(cls)
    return tuple((f.name, hints[f.name]) for f in dataclasses.fields(cls))


def _value(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(hint)
    if origin in (Union, types.UnionType):
        inner = [a for a in typing.get_args(hint) if a is not type(None)]
        return _value(inner[0], value) if len(inner) == 1 else value
    if origin is list:
        (item,) = typing.get_args(hint)
        return [_value(item, v) for v in value]
    if isinstance(value, dict) and dataclasses.is_dataclass(hint):
        return record(hint, value)  # type: ignore[arg-type]
    return value


def record(cls: type[T], row: dict[str, Any]) -> T:
    """A record (or view) of ``cls`` from a database row: ``records.from_dict`` with the type
    hints looked up once per class, which makes it several times faster on pages of rows."""
    fields = _hints(cls)  # type: ignore[arg-type]  # classes are hashable
    return cls(**{name: _value(hint, row[name]) for name, hint in fields if name in row})


# --- helpers --------------------------------------------------------------------------------------


def _order(allowed: dict[str, tuple[str, str]], sort: str | None, default: str) -> str:
    """The ORDER BY clause for a sort key from ``allowed`` (raises on anything else).

    Each allowed key maps to (sorted expression, tie-breakers); nulls always sort last."""
    key = sort or default
    name = key.removeprefix("-")
    if name not in allowed:
        valid = ", ".join(sorted(allowed))
        raise BadQueryError(f"unknown sort {key!r}; valid: {valid} (prefix '-' for descending)")
    expr, tie = allowed[name]
    direction = "DESC" if key.startswith("-") else "ASC"
    return f"{expr} {direction} NULLS LAST, {tie}"


def sortable_date(column: str) -> str:
    """SQL turning a TIMEX3 value in ``column`` into one that compares and sorts as a date:
    weeks (``2022-W08``) become their Monday, quarters (``2022-Q2``) their first month."""
    year, num = (
        f"TRY_CAST(left({column}, 4) AS INTEGER)",
        f"TRY_CAST(substr({column}, 7, 2) AS INTEGER)",
    )
    return f"""(CASE substr({column}, 6, 1)
        WHEN 'W' THEN strftime(date_trunc('week', make_date({year}, 1, 4)) + to_days(7 * ({num} - 1)),
                               '%Y-%m-%d')
        WHEN 'Q' THEN left({column}, 5) || lpad(CAST(3 * {num} - 2 AS VARCHAR), 2, '0')
        ELSE {column} END)"""


def _date_clauses(column: str, f: Filters) -> tuple[list[str], list[Any]]:
    """Clauses keeping values of ``column`` within the filter's dates, each compared at the
    granularity of the bound (``2023-05`` holds every day of May 2023)."""
    where, params = [], []
    value = sortable_date(column)
    if f.date_from:
        where.append(f"left({value}, length(?)) >= ?")
        params += [f.date_from, f.date_from]
    if f.date_to:
        where.append(f"left({value}, length(?)) <= ?")
        params += [f.date_to, f.date_to]
    if where:
        where.insert(0, f"regexp_matches({column}, '^[0-9]{{4}}')")
    return where, params


def modality_condition(column: str, modality: str) -> tuple[str, list[Any]]:
    """SQL keeping rows whose ``column`` is the modality (``HAPPENED``: one of ``HAPPENED_AS``),
    and its parameters."""
    if modality == HAPPENED:
        return f"list_contains(?::VARCHAR[], {column})", [HAPPENED_AS]
    return f"{column} = ?", [modality]


def _actor_has(side: str, field_name: str) -> str:
    return f"list_contains(list_transform({side}, lambda a: a.{field_name}), ?)"


def _actor_in(side: str) -> str:
    """SQL: an actor on ``side`` is one of the entities of the bound list."""
    return f"list_has_any(list_transform({side}, lambda a: a.entity_id), ?::VARCHAR[])"


def _event_predicates(f: Filters, alias: str = "e") -> list[tuple[str, str, list[Any]]]:
    """(facet, SQL condition, parameters) for each filter set in ``f``."""
    out: list[tuple[str, str, list[Any]]] = []
    if f.actor_ids:
        ids = list(f.actor_ids)
        out.append(
            (
                "actor",
                f"({_actor_in(alias + '.source')} OR {_actor_in(alias + '.target')})",
                [ids, ids],
            )
        )
    for name, value in (("country", f.country), ("sector", f.sector)):
        if value:
            cond = (
                f"({_actor_has(alias + '.source', name)} OR {_actor_has(alias + '.target', name)})"
            )
            out.append((name, cond, [value, value]))
    if f.place_country:
        out.append(("place_country", f"{alias}.location.country = ?", [f.place_country]))
    if f.type:
        out.append(("type", f"{alias}.type = ?", [f.type]))
    if f.modality:
        out.append(("modality", *modality_condition(f"{alias}.modality", f.modality)))
    if f.document:
        out.append(("document", f"{alias}.doc_id = ?", [f.document]))
    if f.story:
        out.append(
            (
                "story",
                f"EXISTS (SELECT 1 FROM story_events se WHERE se.story_id = ? "
                f"AND list_contains(se.mention_ids, {alias}.id))",
                [f.story],
            )
        )
    dw, dp = _date_clauses(f"{alias}.date.value", f)
    if dw:
        out.append(("date", " AND ".join(dw), dp))
    return out


#: The filters that read an event's linked actors (which only the ``events`` view has).
ACTOR_FILTERS = ("actor_ids", "country", "sector")
#: The stored event rows: the ``events`` view's rows with the actors as extracted, not relinked.
STORED_EVENTS = stored_table(Event)


def event_rows(f: Filters) -> str:
    """The relation to read the events matching ``f`` from in a query that reads none of their
    actors: the stored rows (the same events, one row each, without the relinking of their actors
    that costs most of a scan of the ``events`` view) unless a filter reads the linked actors."""
    return "events" if any(getattr(f, name) for name in ACTOR_FILTERS) else STORED_EVENTS


def _event_where(f: Filters, alias: str = "e") -> tuple[str, list[Any]]:
    predicates = _event_predicates(f, alias)
    return _join([sql for _, sql, _ in predicates]), [p for *_, ps in predicates for p in ps]


def _join(where: list[str]) -> str:
    return ("WHERE " + " AND ".join(where)) if where else ""


def _page(
    store: Store,
    cls: type[T],
    columns: str,
    source: str,
    where: str,
    params: list[Any],
    order: str,
    page: PageArgs,
) -> Page[T]:
    """One page of ``select``, with the total number of matching rows counted in the same scan."""
    # Rows come back as JSON text: DuckDB converts nested STRUCT/LIST values to Python objects
    # several times slower than it writes JSON, and json.loads is fast.
    found = store.sql(
        f"SELECT to_json(p) AS row FROM (SELECT {columns}, count(*) OVER () AS _total "
        f"FROM {source} {where} ORDER BY {order} LIMIT ? OFFSET ?) p",
        [*params, page.limit, page.offset],
    )
    rows = [json.loads(r["row"]) for r in found]
    if rows:
        total = int(rows[0]["_total"])
    else:  # past the last page: count on its own
        total = int(store.sql(f"SELECT count(*) AS n FROM {source} {where}", params)[0]["n"])
    items = [record(cls, r) for r in rows]
    return Page(items=items, total=total, limit=page.limit, offset=page.offset)


def _and(where: str, clause: str) -> str:
    return f"{where} AND {clause}" if where else f"WHERE {clause}"

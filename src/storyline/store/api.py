"""Read queries behind the HTTP API and the web UI.

Reads: the store (opened read-only). Writes: nothing.

Every function takes typed, already-validated arguments and binds every value as a query parameter;
no user text is ever formatted into SQL. Sort orders come from fixed allow-lists. Results are the
records of ``storyline.records`` (or small views that nest them), so the API, the exports and the
library speak one language.

Search is a case-insensitive substring match over documents, quotes and event sentences (every word of
the query must appear). DuckDB's ``fts`` extension is not bundled with the Python wheel and cannot be
downloaded at run time, so it is not used; query length and result counts are bounded instead.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import re
import types
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, Literal, TypeVar, Union

import duckdb

from storyline.errors import StoreError
from storyline.records import (
    Document,
    Entity,
    Event,
    Mention,
    Quote,
    Role,
    Story,
    StoryEvent,
    TimelineEntry,
    Timex,
)
from storyline.store.db import Store

T = TypeVar("T")

MAX_LIMIT = 100  # rows per page
MAX_OFFSET = 100_000
MAX_QUERY_CHARS = 200  # search query length
MAX_NETWORK_EDGES = 400
SNIPPET_CHARS = 80  # context on each side of a search match


class BadQueryError(StoreError):
    """A query argument the API cannot serve (an unknown sort key, a search query too long)."""


# --- opening --------------------------------------------------------------------------------------


def open_read_only(path: str | Path) -> Store:
    """Open a database for serving: read-only, and unable to touch any file but its own."""
    store = Store.open(path, read_only=True)
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


# --- arguments and result views -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Filters:
    """Filters shared by the list queries; ``None`` means no filter. Values are validated upstream."""

    actor: str | None = None  # entity id, on either side of an event or as a speaker
    country: str | None = None  # ISO 3166-1 alpha-3 (or IGO code) of an actor
    type: str | None = None  # PLOVER event type
    modality: str | None = None
    date_from: str | None = None  # YYYY, YYYY-MM or YYYY-MM-DD, inclusive at that granularity
    date_to: str | None = None
    story: str | None = None  # story id
    document: str | None = None  # document id


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


@dataclass(frozen=True, slots=True)
class DocumentHead:
    """A document without its text, with counts of what was found in it."""

    id: str
    external_id: str
    source: str | None
    url: str | None
    title: str | None
    published: str | None
    chars: int
    events: int
    quotes: int


@dataclass(frozen=True, slots=True)
class DocumentDetail:
    """A document with every record found in it (all offsets into ``document.text``)."""

    document: Document
    timexes: list[Timex]
    mentions: list[Mention]
    roles: list[Role]
    quotes: list[Quote]
    events: list[Event]
    entities: list[Entity]


@dataclass(frozen=True, slots=True)
class EntityRow:
    """An entity with how often it appears."""

    entity: Entity
    mentions: int
    events: int
    quotes: int


@dataclass(frozen=True, slots=True)
class RoleSpan:
    """A role an entity held, first and last seen (TIMEX3 values), with where it was seen."""

    role: str
    first: str | None
    last: str | None
    count: int
    doc_id: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Counterpart:
    """An entity on the other side of events with a given entity."""

    entity_id: str
    name: str
    country: str | None
    as_target: int  # events where the given entity acted on this one
    as_source: int  # events where this one acted on the given entity
    types: list[str]


@dataclass(frozen=True, slots=True)
class EntityDetail:
    entity: Entity
    mentions: int
    roles: list[RoleSpan]
    quotes: list[Quote]
    events: list[Event]
    counterparts: list[Counterpart]


@dataclass(frozen=True, slots=True)
class NetworkNode:
    id: str
    name: str
    country: str | None
    sector: str | None
    events: int


@dataclass(frozen=True, slots=True)
class NetworkEdge:
    source: str
    target: str
    type: str
    count: int


@dataclass(frozen=True, slots=True)
class Network:
    nodes: list[NetworkNode]
    edges: list[NetworkEdge]


SearchKind = Literal["document", "quote", "event"]


@dataclass(frozen=True, slots=True)
class SearchHit:
    """A match: the record it is in and the matched characters in its document."""

    kind: SearchKind
    id: str  # document, quote or event id
    doc_id: str
    title: str | None
    start: int  # offsets of the first matched word in the document text
    end: int
    snippet: str
    date: str | None


@dataclass(frozen=True, slots=True)
class Facets:
    """Values present in the database, for filter menus."""

    types: list[str]
    countries: list[str]
    modalities: list[str]
    stories: list[Story] = field(default_factory=list)
    dates: tuple[str | None, str | None] = (None, None)


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


def _actor_has(side: str, field_name: str) -> str:
    return f"list_contains(list_transform({side}, lambda a: a.{field_name}), ?)"


def _event_where(f: Filters, alias: str = "e") -> tuple[str, list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    if f.actor:
        where.append(
            f"({_actor_has(alias + '.source', 'entity_id')} OR "
            f"{_actor_has(alias + '.target', 'entity_id')})"
        )
        params += [f.actor, f.actor]
    if f.country:
        where.append(
            f"({_actor_has(alias + '.source', 'country')} OR "
            f"{_actor_has(alias + '.target', 'country')})"
        )
        params += [f.country, f.country]
    if f.type:
        where.append(f"{alias}.type = ?")
        params.append(f.type)
    if f.modality:
        where.append(f"{alias}.modality = ?")
        params.append(f.modality)
    if f.document:
        where.append(f"{alias}.doc_id = ?")
        params.append(f.document)
    if f.story:
        where.append(
            f"EXISTS (SELECT 1 FROM story_events se WHERE se.story_id = ? "
            f"AND list_contains(se.mention_ids, {alias}.id))"
        )
        params.append(f.story)
    dw, dp = _date_clauses(f"{alias}.date.value", f)
    return _join(where + dw), params + dp


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


# --- documents ------------------------------------------------------------------------------------

DOCUMENT_SORTS = {
    "published": ("d.published", "d.id"),
    "title": ("d.title", "d.id"),
    "events": ("events", "d.id"),
}


def list_documents(store: Store, f: Filters, page: PageArgs) -> Page[DocumentHead]:
    where, params = [], []
    if f.story:
        where.append("list_contains((SELECT doc_ids FROM stories WHERE id = ?), d.id)")
        params.append(f.story)
    if f.actor:
        where.append("EXISTS (SELECT 1 FROM mentions m WHERE m.doc_id = d.id AND m.entity_id = ?)")
        params.append(f.actor)
    dw, dp = _date_clauses("d.published", f)
    columns = """
        d.id, d.external_id, d.source, d.url, d.title, d.published, length(d.text) AS chars,
        (SELECT count(*) FROM events e WHERE e.doc_id = d.id) AS events,
        (SELECT count(*) FROM quotes q WHERE q.doc_id = d.id) AS quotes"""
    order = _order(DOCUMENT_SORTS, page.sort, "-published")
    return _page(
        store, DocumentHead, columns, "documents d", _join(where + dw), params + dp, order, page
    )


def get_document(store: Store, doc_id: str) -> DocumentDetail | None:
    documents = list(store.records(Document, where="id = ?", params=[doc_id]))
    if not documents:
        return None
    p = [doc_id]
    entities = list(
        store.records(
            Entity,
            where="id IN (SELECT entity_id FROM mentions WHERE doc_id = ? "
            "UNION SELECT speaker_entity_id FROM quotes WHERE doc_id = ?)",
            params=[doc_id, doc_id],
            order="name",
        )
    )
    return DocumentDetail(
        document=documents[0],
        timexes=list(store.records(Timex, where="doc_id = ?", params=p, order="start")),
        mentions=list(store.records(Mention, where="doc_id = ?", params=p, order="start")),
        roles=list(store.records(Role, where="doc_id = ?", params=p, order="start")),
        quotes=list(store.records(Quote, where="doc_id = ?", params=p, order="start")),
        events=list(store.records(Event, where="doc_id = ?", params=p, order="trigger.start")),
        entities=entities,
    )


# --- events and quotes ----------------------------------------------------------------------------

EVENT_SORTS = {
    "date": (sortable_date("e.date.value"), "e.doc_id, e.trigger.start"),
    "type": ("e.type", "e.date.value NULLS LAST, e.id"),
    "confidence": ("e.confidence", "e.id"),
    "document": ("e.doc_id", "e.trigger.start"),
}


def list_events(store: Store, f: Filters, page: PageArgs) -> Page[Event]:
    where, params = _event_where(f)
    order = _order(EVENT_SORTS, page.sort, "date")
    return _page(store, Event, "e.*", "events e", where, params, order, page)


QUOTE_SORTS = {
    "date": (sortable_date("q.date"), "q.doc_id, q.start"),
    "speaker": ("q.speaker", "q.date NULLS LAST, q.id"),
    "document": ("q.doc_id", "q.start"),
}


def list_quotes(store: Store, f: Filters, page: PageArgs) -> Page[Quote]:
    where: list[str] = []
    params: list[Any] = []
    if f.actor:
        where.append("q.speaker_entity_id = ?")
        params.append(f.actor)
    if f.country:
        where.append("q.speaker_entity_id IN (SELECT id FROM entities WHERE country = ?)")
        params.append(f.country)
    if f.document:
        where.append("q.doc_id = ?")
        params.append(f.document)
    if f.story:
        where.append("list_contains((SELECT doc_ids FROM stories WHERE id = ?), q.doc_id)")
        params.append(f.story)
    dw, dp = _date_clauses("q.date", f)
    order = _order(QUOTE_SORTS, page.sort, "date")
    return _page(store, Quote, "q.*", "quotes q", _join(where + dw), params + dp, order, page)


# --- entities -------------------------------------------------------------------------------------

ENTITY_SORTS = {
    "mentions": ("mentions", "ent.name, ent.id"),
    "name": ("ent.name", "ent.id"),
    "events": ("events", "ent.name, ent.id"),
}

_ENTITY_COUNTS = """
    WITH m AS (SELECT entity_id, count(*) AS n FROM mentions GROUP BY entity_id),
         q AS (SELECT speaker_entity_id AS entity_id, count(*) AS n FROM quotes GROUP BY 1),
         ev AS (SELECT a.entity_id, count(DISTINCT id) AS n
                FROM (SELECT id, unnest(list_concat(source, target)) AS a FROM events) GROUP BY 1)
"""


@dataclass(frozen=True, slots=True)
class EntityFilters:
    name: str | None = None  # substring of the name or an alias
    type: str | None = None  # PERSON, ORG, GPE, ...
    country: str | None = None
    sector: str | None = None


def list_entities(store: Store, f: EntityFilters, page: PageArgs) -> Page[EntityRow]:
    where: list[str] = []
    params: list[Any] = []
    if f.name:
        where.append(
            "(contains(lower(ent.name), lower(?)) OR "
            "len(list_filter(ent.aliases, lambda a: contains(lower(a), lower(?)))) > 0)"
        )
        params += [f.name, f.name]
    for col, value in (("type", f.type), ("country", f.country), ("sector", f.sector)):
        if value:
            where.append(f"ent.{col} = ?")
            params.append(value)
    select = f"""
        {_ENTITY_COUNTS}
        SELECT ent AS entity, coalesce(m.n, 0) AS mentions, coalesce(ev.n, 0) AS events,
               coalesce(q.n, 0) AS quotes
        FROM entities ent LEFT JOIN m ON m.entity_id = ent.id LEFT JOIN q ON q.entity_id = ent.id
             LEFT JOIN ev ON ev.entity_id = ent.id"""
    order = _order(ENTITY_SORTS, page.sort, "-mentions")
    where_sql = _join(where)
    total = store.sql(f"SELECT count(*) AS n FROM entities ent {where_sql}", params)[0]["n"]
    rows = store.sql(
        f"{select} {where_sql} ORDER BY {order} LIMIT ? OFFSET ?",
        [*params, page.limit, page.offset],
    )
    return Page(
        items=[record(EntityRow, r) for r in rows],
        total=int(total),
        limit=page.limit,
        offset=page.offset,
    )


def get_entity(
    store: Store, entity_id: str, f: Filters | None = None, limit: int = MAX_LIMIT
) -> EntityDetail | None:
    """An actor's page: roles over time, quotes and events by date, counterparts."""
    found = list(store.records(Entity, where="id = ?", params=[entity_id]))
    if not found:
        return None
    entity = found[0]
    mentions = store.sql("SELECT count(*) AS n FROM mentions WHERE entity_id = ?", [entity_id])[0][
        "n"
    ]
    roles = [
        record(RoleSpan, r)
        for r in store.sql(
            """
        SELECT role, min(date) AS first, max(date) AS last, count(*) AS count,
               arg_min(doc_id, coalesce(date, '9999')) AS doc_id,
               arg_min(start, coalesce(date, '9999')) AS start,
               arg_min("end", coalesce(date, '9999')) AS "end"
        FROM roles WHERE entity_id = ? GROUP BY role ORDER BY first NULLS LAST, role
        """,
            [entity_id],
        )
    ]
    base = f or Filters()
    scoped = dataclasses.replace(base, actor=entity_id)
    events = list_events(store, scoped, PageArgs(limit=limit)).items
    quotes = list_quotes(store, scoped, PageArgs(limit=limit)).items
    counterparts = [
        record(Counterpart, r)
        for r in store.sql(
            """
        WITH mine AS (
            SELECT e.type,
                   list_contains(list_transform(e.source, lambda a: a.entity_id), $1) AS is_source,
                   list_contains(list_transform(e.target, lambda a: a.entity_id), $1) AS is_target,
                   e.source, e.target
            FROM events e
            WHERE list_contains(list_transform(e.source, lambda a: a.entity_id), $1)
               OR list_contains(list_transform(e.target, lambda a: a.entity_id), $1)
        ),
        other AS (
            SELECT type, unnest(target) AS a, 'target' AS side FROM mine WHERE is_source
            UNION ALL
            SELECT type, unnest(source) AS a, 'source' AS side FROM mine WHERE is_target
        )
        SELECT a.entity_id AS entity_id, any_value(coalesce(ent.name, a.name)) AS name,
               any_value(coalesce(ent.country, a.country)) AS country,
               count(*) FILTER (WHERE side = 'target') AS as_target,
               count(*) FILTER (WHERE side = 'source') AS as_source,
               list_sort(list_distinct(list(other.type))) AS types
        FROM other LEFT JOIN entities ent ON ent.id = a.entity_id
        WHERE a.entity_id IS NOT NULL AND a.entity_id <> $1
        GROUP BY a.entity_id ORDER BY as_target + as_source DESC, name LIMIT 50
        """,
            [entity_id],
        )
    ]
    return EntityDetail(
        entity=entity,
        mentions=int(mentions),
        roles=roles,
        quotes=quotes,
        events=events,
        counterparts=counterparts,
    )


# --- stories and timeline -------------------------------------------------------------------------


def list_stories(store: Store, page: PageArgs) -> Page[Story]:
    order = _order(
        {"size": ("len(s.doc_ids)", "s.id"), "start": ("s.start", "s.id")}, page.sort, "-size"
    )
    return _page(store, Story, "s.*", "stories s", "", [], order, page)


def get_story(store: Store, story_id: str) -> Story | None:
    found = list(store.records(Story, where="id = ?", params=[story_id]))
    return found[0] if found else None


def timeline(store: Store, f: Filters, page: PageArgs) -> Page[TimelineEntry]:
    """Timeline entries, filtered by story, date range, and the type/actor/country of their
    story events."""
    where: list[str] = []
    params: list[Any] = []
    if f.story:
        where.append("t.story_id = ?")
        params.append(f.story)
    se_where, se_params = [], []
    if f.type:
        se_where.append("se.type = ?")
        se_params.append(f.type)
    if f.actor:
        se_where.append(
            f"({_actor_has('se.source', 'entity_id')} OR {_actor_has('se.target', 'entity_id')})"
        )
        se_params += [f.actor, f.actor]
    if f.country:
        se_where.append(
            f"({_actor_has('se.source', 'country')} OR {_actor_has('se.target', 'country')})"
        )
        se_params += [f.country, f.country]
    if se_where:
        where.append(
            "EXISTS (SELECT 1 FROM story_events se WHERE list_contains(t.story_event_ids, se.id)"
            " AND " + " AND ".join(se_where) + ")"
        )
        params += se_params
    dw, dp = _date_clauses("t.date", f)
    order = _order({"date": (sortable_date("t.date"), "t.headline")}, page.sort, "date")
    return _page(
        store,
        TimelineEntry,
        "t.*",
        "timeline t",
        _join(where + dw),
        params + dp,
        order,
        page,
    )


def story_events(store: Store, ids: list[str]) -> list[StoryEvent]:
    if not ids:
        return []
    return list(store.records(StoryEvent, where="list_contains(?, id)", params=[ids]))


# --- network --------------------------------------------------------------------------------------


def network(store: Store, f: Filters, max_edges: int = MAX_NETWORK_EDGES) -> Network:
    """Actors linked by events: one edge per (source, target, type) with its count."""
    where, params = _event_where(f)
    rows = store.sql(
        f"""
        WITH ev AS (SELECT e.type, e.source, e.target FROM events e {where}),
        pairs AS (
            SELECT type, s.entity_id AS src, t.entity_id AS dst
            FROM (SELECT type, unnest(source) AS s, target FROM ev), unnest(target) AS u(t)
            WHERE s.entity_id IS NOT NULL AND t.entity_id IS NOT NULL AND s.entity_id <> t.entity_id
        )
        SELECT src AS source, dst AS target, type, count(*) AS count
        FROM pairs GROUP BY ALL ORDER BY count DESC, source, target, type LIMIT ?
        """,
        [*params, max_edges],
    )
    edges = [record(NetworkEdge, r) for r in rows]
    ids = sorted({e.source for e in edges} | {e.target for e in edges})
    nodes: list[NetworkNode] = []
    if ids:
        weight: dict[str, int] = {}
        for e in edges:
            weight[e.source] = weight.get(e.source, 0) + e.count
            weight[e.target] = weight.get(e.target, 0) + e.count
        for ent in store.records(Entity, where="list_contains(?, id)", params=[ids], order="id"):
            nodes.append(
                NetworkNode(
                    id=ent.id,
                    name=ent.name,
                    country=ent.country,
                    sector=ent.sector,
                    events=weight.get(ent.id, 0),
                )
            )
        known = {n.id for n in nodes}
        edges = [e for e in edges if e.source in known and e.target in known]
    return Network(nodes=nodes, edges=edges)


# --- search ---------------------------------------------------------------------------------------


def search_terms(query: str) -> list[str]:
    """The words of a search query (at most 8, each at least 2 characters)."""
    words = [w for w in query.split() if len(w) >= 2]
    return words[:8]


def _all_words(column: str, words: list[str]) -> tuple[str, list[Any]]:
    clause = " AND ".join(f"contains(lower({column}), lower(?))" for _ in words)
    return clause, list(words)


def _locate(text: str, words: list[str]) -> tuple[int, int]:
    """Offsets of the whole query in ``text``, else of its first word."""
    for pattern in (r"\s+".join(map(re.escape, words)), re.escape(words[0])):
        match = re.search(pattern, text, flags=re.IGNORECASE)
        if match:
            return match.start(), match.end()
    return 0, 0


def _snippet(text: str, start: int, end: int) -> str:
    lo, hi = max(0, start - SNIPPET_CHARS), min(len(text), end + SNIPPET_CHARS)
    out = " ".join(text[lo:hi].split())
    return ("…" if lo > 0 else "") + out + ("…" if hi < len(text) else "")


def search(
    store: Store,
    query: str,
    kinds: tuple[SearchKind, ...] = ("document", "quote", "event"),
    limit: int = 20,
) -> list[SearchHit]:
    """Documents, quotes and events containing every word of ``query`` (case-insensitive)."""
    if len(query) > MAX_QUERY_CHARS:
        raise BadQueryError(f"search query is {len(query)} characters; at most {MAX_QUERY_CHARS}")
    words = search_terms(query)
    if not words:
        return []
    hits: list[SearchHit] = []
    if "document" in kinds:
        clause, params = _all_words("coalesce(title, '') || ' ' || text", words)
        for r in store.sql(
            f"SELECT id, coalesce(title, source, external_id) AS title, published, text "
            f"FROM documents WHERE {clause} "
            "ORDER BY published DESC NULLS LAST, id LIMIT ?",
            [*params, limit],
        ):
            start, end = _locate(r["text"], words)
            hits.append(
                SearchHit(
                    "document",
                    r["id"],
                    r["id"],
                    r["title"],
                    start,
                    end,
                    _snippet(r["text"], start, end),
                    r["published"],
                )
            )
    if "quote" in kinds:
        clause, params = _all_words("q.text || ' ' || coalesce(q.speaker, '')", words)
        for r in store.sql(
            f"SELECT q.id, q.doc_id, coalesce(d.title, d.source, d.external_id) AS title, q.start, q.end, q.text, q.speaker, q.date "
            f"FROM quotes q JOIN documents d ON d.id = q.doc_id WHERE {clause} "
            "ORDER BY q.date NULLS LAST, q.doc_id, q.start LIMIT ?",
            [*params, limit],
        ):
            who = f"{r['speaker']}: " if r["speaker"] else ""
            hits.append(
                SearchHit(
                    "quote",
                    r["id"],
                    r["doc_id"],
                    r["title"],
                    r["start"],
                    r["end"],
                    who + _snippet(r["text"], 0, min(len(r["text"]), 200)),
                    r["date"],
                )
            )
    if "event" in kinds:
        clause, params = _all_words("e.sentence.text", words)
        for r in store.sql(
            f"SELECT e.id, e.doc_id, coalesce(d.title, d.source, d.external_id) AS title, e.type, e.sentence, e.date.value AS date "
            f"FROM events e JOIN documents d ON d.id = e.doc_id WHERE {clause} "
            "ORDER BY e.date.value NULLS LAST, e.doc_id, e.trigger.start LIMIT ?",
            [*params, limit],
        ):
            s = r["sentence"]
            hits.append(
                SearchHit(
                    "event",
                    r["id"],
                    r["doc_id"],
                    r["title"],
                    s["start"],
                    s["end"],
                    f"{r['type']}: " + " ".join(s["text"].split()),
                    r["date"],
                )
            )
    return hits


# --- facets ---------------------------------------------------------------------------------------


def facets(store: Store) -> Facets:
    types = [r["type"] for r in store.sql("SELECT DISTINCT type FROM events ORDER BY type")]
    countries = [
        r["c"]
        for r in store.sql(
            "SELECT DISTINCT a.country AS c FROM (SELECT unnest(list_concat(source, target)) AS a "
            "FROM events) WHERE a.country IS NOT NULL ORDER BY c"
        )
    ]
    modalities = [
        r["modality"] for r in store.sql("SELECT DISTINCT modality FROM events ORDER BY modality")
    ]
    stories = list_stories(store, PageArgs(limit=MAX_LIMIT)).items
    span = store.sql(
        "SELECT min(date.value) AS lo, max(date.value) AS hi FROM events "
        "WHERE regexp_matches(date.value, '^[0-9]{4}')"
    )[0]
    return Facets(
        types=types,
        countries=countries,
        modalities=modalities,
        stories=stories,
        dates=(span["lo"], span["hi"]),
    )

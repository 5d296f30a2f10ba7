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
import types
import typing
from dataclasses import dataclass
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
from storyline.store.db import LOCK_WAIT, Store

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
    heading: str = ""  # the title, else the text's first words


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
    modality: str  # events of other modalities are other edges
    count: int


@dataclass(frozen=True, slots=True)
class NetworkPage:
    """One page of the network's edges, most events first, and the actors at their ends."""

    items: list[NetworkEdge]
    total: int  # edges in all
    limit: int
    offset: int
    nodes: list[NetworkNode]


@dataclass(frozen=True, slots=True)
class FacetValue:
    """A value of a filter and how many events have it."""

    value: str
    count: int
    label: str | None = None  # an actor's name, a story's label


@dataclass(frozen=True, slots=True)
class Facets:
    """For each filter of events, the values it can take and how many events have each, counted
    among the events matching the other filters (so that a menu still offers the other values of
    the filter it sets); ``total`` is the number of events matching them all."""

    total: int
    types: list[FacetValue]
    modalities: list[FacetValue]
    countries: list[FacetValue]
    sectors: list[FacetValue]
    actors: list[FacetValue]  # the most frequent, at most FACET_ACTORS
    stories: list[FacetValue]
    dates: tuple[str | None, str | None] = (None, None)  # first and last dated event


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
    if f.modality == HAPPENED:
        out.append(("modality", f"list_contains(?::VARCHAR[], {alias}.modality)", [HAPPENED_AS]))
    elif f.modality:
        out.append(("modality", f"{alias}.modality = ?", [f.modality]))
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


# --- documents ------------------------------------------------------------------------------------

DOCUMENT_SORTS = {
    "published": ("d.published", "d.id"),
    "title": ("d.title", "d.id"),
    "events": ("events", "d.id"),
}


def list_documents(store: Store, f: Filters, page: PageArgs) -> Page[DocumentHead]:
    where: list[str] = []
    params: list[Any] = []
    if f.story:
        where.append("list_contains((SELECT doc_ids FROM stories WHERE id = ?), d.id)")
        params.append(f.story)
    if f.actor_ids:
        where.append(
            "EXISTS (SELECT 1 FROM mentions m WHERE m.doc_id = d.id "
            "AND list_contains(?::VARCHAR[], m.entity_id))"
        )
        params.append(list(f.actor_ids))
    dw, dp = _date_clauses("d.published", f)
    columns = f"""
        d.id, d.external_id, d.source, d.url, d.title, d.published, length(d.text) AS chars,
        coalesce(d.title, left(d.text, {HEADING_SOURCE_CHARS})) AS heading,
        coalesce(ev.n, 0) AS events, coalesce(qu.n, 0) AS quotes"""
    source = """documents d
        LEFT JOIN (SELECT doc_id, count(*) AS n FROM events GROUP BY doc_id) ev ON ev.doc_id = d.id
        LEFT JOIN (SELECT doc_id, count(*) AS n FROM quotes GROUP BY doc_id) qu ON qu.doc_id = d.id"""
    order = _order(DOCUMENT_SORTS, page.sort, "-published")
    found = _page(store, DocumentHead, columns, source, _join(where + dw), params + dp, order, page)
    items = [dataclasses.replace(d, heading=d.title or first_words(d.heading)) for d in found.items]
    return dataclasses.replace(found, items=items)


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


def _quote_predicates(f: Filters) -> list[tuple[str, str, list[Any]]]:
    """(facet, SQL condition, parameters) for each quote filter set in ``f``."""
    out: list[tuple[str, str, list[Any]]] = []
    if f.actor_ids:
        out.append(
            ("actor", "list_contains(?::VARCHAR[], q.speaker_entity_id)", [list(f.actor_ids)])
        )
    if f.country:
        out.append(
            (
                "country",
                "q.speaker_entity_id IN (SELECT id FROM entities WHERE country = ?)",
                [f.country],
            )
        )
    if f.document:
        out.append(("document", "q.doc_id = ?", [f.document]))
    if f.story:
        out.append(
            (
                "story",
                "list_contains((SELECT doc_ids FROM stories WHERE id = ?), q.doc_id)",
                [f.story],
            )
        )
    dw, dp = _date_clauses("q.date", f)
    if dw:
        out.append(("date", " AND ".join(dw), dp))
    return out


def list_quotes(store: Store, f: Filters, page: PageArgs) -> Page[Quote]:
    predicates = _quote_predicates(f)
    where = _join([sql for _, sql, _ in predicates])
    params = [p for *_, ps in predicates for p in ps]
    order = _order(QUOTE_SORTS, page.sort, "date")
    return _page(store, Quote, "q.*", "quotes q", where, params, order, page)


@dataclass(frozen=True, slots=True)
class QuoteFacets:
    """For each quote filter, its values and how many quotes have each, among the quotes matching
    the other filters; ``total`` matches them all."""

    total: int
    speakers: list[FacetValue]  # the most frequent, at most FACET_ACTORS
    countries: list[FacetValue]
    stories: list[FacetValue]
    unattributed: int  # quotes matching every filter whose speaker is unknown


def quote_facets(store: Store, f: Filters | None = None) -> QuoteFacets:
    predicates = _quote_predicates(f or Filters())
    flags = "".join(f", ({sql}) AS _p_{name}" for name, sql, _ in predicates)
    params = [p for *_, ps in predicates for p in ps]
    have = [name for name, _, _ in predicates]

    def others(facet: str | None) -> str:
        return " AND ".join(f"_p_{n}" for n in have if n != facet) or "true"

    rows = store.sql(
        f"""
        WITH qs AS MATERIALIZED (
            SELECT q.id, q.doc_id, q.speaker_entity_id AS speaker, ent.name, ent.country{flags}
            FROM quotes q LEFT JOIN entities ent ON ent.id = q.speaker_entity_id)
        SELECT 'actor' AS facet, speaker AS value, any_value(name) AS label, count(*) AS n
        FROM qs WHERE {others("actor")} AND speaker IS NOT NULL AND name IS NOT NULL
        GROUP BY speaker
        UNION ALL SELECT 'country', country, NULL, count(*) FROM qs
        WHERE {others("country")} AND country IS NOT NULL GROUP BY country
        UNION ALL SELECT 'story', st.id, any_value(st.label), count(*)
        FROM qs JOIN stories st ON list_contains(st.doc_ids, qs.doc_id)
        WHERE {others("story")} GROUP BY st.id
        UNION ALL SELECT 'total', NULL, NULL, count(*) FROM qs WHERE {others(None)}
        UNION ALL SELECT 'unattributed', NULL, NULL, count(*) FROM qs
        WHERE {others(None)} AND speaker IS NULL
        """,
        params,
    )
    by: dict[str, list[FacetValue]] = {}
    single: dict[str, int] = {}
    for r in rows:
        if r["facet"] in ("total", "unattributed"):
            single[r["facet"]] = int(r["n"])
        else:
            by.setdefault(r["facet"], []).append(FacetValue(r["value"], int(r["n"]), r["label"]))

    def ranked(name: str, limit: int | None = None) -> list[FacetValue]:
        values = sorted(by.get(name, []), key=lambda v: (-v.count, (v.label or v.value).lower()))
        return values[:limit] if limit else values

    return QuoteFacets(
        total=single.get("total", 0),
        speakers=ranked("actor", FACET_ACTORS),
        countries=ranked("country"),
        stories=ranked("story"),
        unattributed=single.get("unattributed", 0),
    )


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


def resolve_actor(store: Store, given: str) -> tuple[str, ...]:
    """The entities an actor filter names: the entity with the id ``given``, else those whose name
    is ``given``, else those with it as an alias (case-insensitive). Empty when none does."""
    rows = store.sql(
        """
        SELECT id, CASE WHEN id = $1 THEN 0 WHEN lower(name) = lower($1) THEN 1 ELSE 2 END AS how
        FROM entities
        WHERE id = $1 OR lower(name) = lower($1)
           OR list_contains(list_transform(aliases, lambda a: lower(a)), lower($1))
        ORDER BY how, id
        """,
        [given.strip()],
    )
    if not rows:
        return ()
    best = rows[0]["how"]
    return tuple(r["id"] for r in rows if r["how"] == best)


def close_actor_names(store: Store, given: str, limit: int = 5) -> list[str]:
    """Names of entities spelled like ``given`` (for "did you mean ...?")."""
    rows = store.sql(
        """
        WITH names AS (
            SELECT name, name AS shown FROM entities
            UNION ALL SELECT unnest(aliases) AS name, name AS shown FROM entities
        )
        SELECT shown, max(jaro_winkler_similarity(lower(name), lower($1))) AS score
        FROM names
        WHERE jaro_winkler_similarity(lower(name), lower($1)) >= 0.85
           OR (length($1) >= 3 AND contains(lower(name), lower($1)))
        GROUP BY shown ORDER BY score DESC, shown LIMIT $2
        """,
        [given.strip(), limit],
    )
    return [r["shown"] for r in rows]


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
    scoped = dataclasses.replace(base, actor=entity_id, actor_ids=(entity_id,))
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


@dataclass(frozen=True, slots=True)
class StoryDetail:
    """A story with its articles, and what its events are (types, actors, countries, dates)."""

    story: Story
    documents: list[DocumentHead]
    timeline_entries: int
    facets: Facets  # of the story's events; ``facets.total`` is their number


def story_detail(store: Store, story_id: str) -> StoryDetail | None:
    story = get_story(store, story_id)
    if story is None:
        return None
    documents = list_documents(
        store, Filters(story=story_id), PageArgs(limit=MAX_LIMIT, sort="published")
    ).items
    entries = store.sql("SELECT count(*) AS n FROM timeline WHERE story_id = ?", [story_id])
    return StoryDetail(
        story=story,
        documents=documents,
        timeline_entries=int(entries[0]["n"]),
        facets=facets(store, Filters(story=story_id)),
    )


def timeline(store: Store, f: Filters, page: PageArgs) -> Page[TimelineEntry]:
    """Timeline entries, filtered by story, date range, and the type/actor/country of their
    story events."""
    where: list[str] = []
    params: list[Any] = []
    if f.story:
        where.append("t.story_id = ?")
        params.append(f.story)
    se_where: list[str] = []
    se_params: list[Any] = []
    if f.type:
        se_where.append("se.type = ?")
        se_params.append(f.type)
    if f.actor_ids:
        se_where.append(f"({_actor_in('se.source')} OR {_actor_in('se.target')})")
        se_params += [list(f.actor_ids), list(f.actor_ids)]
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


def story_event_types(store: Store, ids: list[str]) -> dict[str, str]:
    """The event type of each of the story events ``ids``."""
    if not ids:
        return {}
    rows = store.sql(f"SELECT id, type FROM story_events WHERE id IN {IN_LIST}", [ids])
    return {r["id"]: r["type"] for r in rows}


def story_events(store: Store, ids: list[str]) -> list[StoryEvent]:
    if not ids:
        return []
    return list(store.records(StoryEvent, where=f"id IN {IN_LIST}", params=[ids]))


# --- network --------------------------------------------------------------------------------------


def network(store: Store, f: Filters, page: PageArgs) -> NetworkPage:
    """Actors linked by events: one edge per (source, target, type) with its count, most events
    first; the nodes are the actors at the ends of the page's edges, weighted by its events."""
    where, params = _event_where(f)
    rows = store.sql(
        f"""
        WITH ev AS (SELECT e.type, e.modality, e.source, e.target FROM events e {where}),
        pairs AS (
            SELECT type, modality, s.entity_id AS src, t.entity_id AS dst
            FROM (SELECT type, modality, unnest(source) AS s, target FROM ev), unnest(target) AS u(t)
            WHERE s.entity_id IS NOT NULL AND t.entity_id IS NOT NULL AND s.entity_id <> t.entity_id
              AND s.entity_id IN (SELECT id FROM entities) AND t.entity_id IN (SELECT id FROM entities)
        )
        SELECT src AS source, dst AS target, type, modality, count(*) AS count,
               count(*) OVER () AS _total
        FROM pairs GROUP BY ALL ORDER BY count DESC, source, target, type, modality
        LIMIT ? OFFSET ?
        """,
        [*params, page.limit, page.offset],
    )
    edges = [record(NetworkEdge, r) for r in rows]
    total = int(rows[0]["_total"]) if rows else 0
    if not rows and page.offset:
        total = network(store, f, PageArgs(limit=1)).total
    ids = sorted({e.source for e in edges} | {e.target for e in edges})
    weight: dict[str, int] = {}
    for e in edges:
        weight[e.source] = weight.get(e.source, 0) + e.count
        weight[e.target] = weight.get(e.target, 0) + e.count
    nodes = (
        [
            NetworkNode(ent.id, ent.name, ent.country, ent.sector, weight.get(ent.id, 0))
            for ent in store.records(Entity, where=f"id IN {IN_LIST}", params=[ids], order="id")
        ]
        if ids
        else []
    )
    return NetworkPage(items=edges, total=total, limit=page.limit, offset=page.offset, nodes=nodes)


# --- events over time -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PeriodCount:
    period: str  # YYYY, YYYY-MM or YYYY-MM-DD (weeks counted at their Monday)
    type: str
    count: int
    happened: bool = True  # asserted or reported; else planned, negated or hypothetical


def event_counts(
    store: Store, f: Filters, unit: Literal["year", "month", "day"]
) -> list[PeriodCount]:
    """How many events of each type fall in each period of ``unit`` (events dated more coarsely
    than the unit are left out; ``coarse_events`` counts them)."""
    chars = {"year": 4, "month": 7, "day": 10}[unit]
    where, params = _event_where(f)
    value = sortable_date("e.date.value")
    rows = store.sql(
        f"""
        SELECT left({value}, {chars}) AS period, e.type,
               list_contains(?::VARCHAR[], e.modality) AS happened, count(*) AS count
        FROM events e {_and(where, f"length({value}) >= {chars}")}
        AND regexp_matches(e.date.value, '^[0-9]{{4}}')
        GROUP BY ALL ORDER BY period, e.type, happened
        """,
        [HAPPENED_AS, *params],
    )
    return [record(PeriodCount, r) for r in rows]


def coarse_events(store: Store, f: Filters, unit: Literal["year", "month", "day"]) -> int:
    """Dated events whose date is coarser than ``unit`` (``2022`` when counting months)."""
    chars = {"year": 4, "month": 7, "day": 10}[unit]
    where, params = _event_where(f)
    value = sortable_date("e.date.value")
    rows = store.sql(
        f"""SELECT count(*) AS n FROM events e
        {_and(where, f"length({value}) < {chars}")} AND regexp_matches(e.date.value, '^[0-9]{{4}}')""",
        params,
    )
    return int(rows[0]["n"])


def _and(where: str, clause: str) -> str:
    return f"{where} AND {clause}" if where else f"WHERE {clause}"


# --- facets ---------------------------------------------------------------------------------------


FACET_ACTORS = 100


def facets(store: Store, f: Filters | None = None) -> Facets:
    """The values of each event filter with their counts, among the events matching the others."""
    predicates = _event_predicates(f or Filters(), "e")
    flags = "".join(f", ({sql}) AS _p_{name}" for name, sql, _ in predicates)
    params = [p for *_, ps in predicates for p in ps]
    have = [name for name, _, _ in predicates]

    def others(facet: str | None) -> str:
        return " AND ".join(f"_p_{n}" for n in have if n != facet) or "true"

    def actor_facet(facet: str, key: str) -> str:
        return f"""
        SELECT '{facet}' AS facet, {key} AS value, NULL AS label, count(DISTINCT ea.id) AS n
        FROM ea WHERE {others(facet)} AND {key} IS NOT NULL GROUP BY {key}"""

    flag_columns = "".join(f", _p_{name}" for name in have)
    rows = store.sql(
        f"""
        WITH ev AS MATERIALIZED (
            SELECT e.id, e.type, e.modality, e.source, e.target, e.date.value AS date{flags}
            FROM events e),
        ea AS MATERIALIZED (
            SELECT id{flag_columns}, unnest(list_concat(source, target)) AS a FROM ev)
        SELECT 'type' AS facet, type AS value, NULL AS label, count(*) AS n
        FROM ev WHERE {others("type")} GROUP BY ALL
        UNION ALL SELECT 'modality', modality, NULL, count(*) FROM ev WHERE {others("modality")}
        GROUP BY ALL
        UNION ALL {actor_facet("country", "a.country")}
        UNION ALL {actor_facet("sector", "a.sector")}
        UNION ALL SELECT 'actor', top.value, ent.name, top.n
        FROM ({actor_facet("actor", "a.entity_id")} ORDER BY n DESC LIMIT {FACET_ACTORS}) top
        JOIN entities ent ON ent.id = top.value
        UNION ALL SELECT 'story', se.story_id, any_value(st.label), count(DISTINCT ev.id)
        FROM ev JOIN (SELECT story_id, unnest(mention_ids) AS event_id FROM story_events) se
             ON se.event_id = ev.id
        JOIN stories st ON st.id = se.story_id
        WHERE {others("story")} GROUP BY se.story_id
        UNION ALL SELECT 'total', NULL, NULL, count(*) FROM ev WHERE {others(None)}
        UNION ALL SELECT 'first', min(date), NULL, NULL FROM ev
        WHERE {others("date")} AND regexp_matches(date, '^[0-9]{{4}}')
        UNION ALL SELECT 'last', max(date), NULL, NULL FROM ev
        WHERE {others("date")} AND regexp_matches(date, '^[0-9]{{4}}')
        """,
        params,
    )
    by: dict[str, list[FacetValue]] = {}
    single: dict[str, Any] = {}
    for r in rows:
        if r["facet"] in ("total", "first", "last"):
            single[r["facet"]] = r["n"] if r["facet"] == "total" else r["value"]
        else:
            by.setdefault(r["facet"], []).append(FacetValue(r["value"], int(r["n"]), r["label"]))

    def ranked(name: str, limit: int | None = None) -> list[FacetValue]:
        values = sorted(by.get(name, []), key=lambda v: (-v.count, (v.label or v.value).lower()))
        return values[:limit] if limit else values

    return Facets(
        total=int(single.get("total") or 0),
        types=ranked("type"),
        modalities=ranked("modality"),
        countries=ranked("country"),
        sectors=ranked("sector"),
        actors=ranked("actor", FACET_ACTORS),
        stories=ranked("story"),
        dates=(single.get("first"), single.get("last")),
    )

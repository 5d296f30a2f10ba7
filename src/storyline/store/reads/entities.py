"""Entities (actors): a page of them with counts, the values of their filters with counts, the
entities an actor filter names, close names, and an actor's page.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from storyline.records import Entity, Event, Quote
from storyline.store.db import Store
from storyline.store.reads.common import MAX_LIMIT, Filters, Page, PageArgs, _join, _order, record
from storyline.store.reads.events import list_events
from storyline.store.reads.facets import FacetSpec, FacetValue, count_facets
from storyline.store.reads.quotes import list_quotes


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


# --- entities -------------------------------------------------------------------------------------

ENTITY_SORTS = {
    "mentions": ("mentions", "ent.name, ent.id"),
    "name": ("ent.name", "ent.id"),
    "events": ("events", "ent.name, ent.id"),
    "quotes": ("quotes", "ent.name, ent.id"),
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


def _entity_predicates(f: EntityFilters) -> list[tuple[str, str, list[Any]]]:
    """(filter, SQL condition, parameters) for each entity filter set in ``f``."""
    out: list[tuple[str, str, list[Any]]] = []
    if f.name:
        out.append(
            (
                "name",
                "(contains(lower(ent.name), lower(?)) OR "
                "len(list_filter(ent.aliases, lambda a: contains(lower(a), lower(?)))) > 0)",
                [f.name, f.name],
            )
        )
    for col, value in (("type", f.type), ("country", f.country), ("sector", f.sector)):
        if value:
            out.append((col, f"ent.{col} = ?", [value]))
    return out


def list_entities(store: Store, f: EntityFilters, page: PageArgs) -> Page[EntityRow]:
    predicates = _entity_predicates(f)
    where = [sql for _, sql, _ in predicates]
    params = [p for *_, ps in predicates for p in ps]
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


@dataclass(frozen=True, slots=True)
class EntityFacets:
    """For each actor filter (type, country, sector), its values and how many actors have each,
    among the actors matching the other filters (and the name); ``total`` matches them all."""

    total: int
    types: list[FacetValue]
    countries: list[FacetValue]
    sectors: list[FacetValue]


def entity_facets(store: Store, f: EntityFilters | None = None) -> EntityFacets:
    total, by = count_facets(
        store,
        "ent.id AS _id, ent.type, ent.country, ent.sector",
        "entities ent",
        _entity_predicates(f or EntityFilters()),
        [
            FacetSpec("type", "b.type"),
            FacetSpec("country", "b.country"),
            FacetSpec("sector", "b.sector"),
        ],
    )
    return EntityFacets(total, by["type"], by["country"], by["sector"])


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

"""Facets: for each filter of a list, its values and how many rows have each (events here; the
other lists through ``count_facets``)."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from storyline.store.db import Store
from storyline.store.reads.common import Filters, _event_predicates, _event_where, event_rows


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


def type_counts(store: Store, f: Filters | None = None) -> list[FacetValue]:
    """How many of the events matching ``f`` but its type have each type, most first: the
    ``types`` of ``facets(store, f)``, without reading the events' actors unless a filter needs
    them (the menu of types on a page that shows no other facet)."""
    f = dataclasses.replace(f or Filters(), type=None)
    where, params = _event_where(f)
    rows = store.sql(
        f"SELECT e.type AS value, count(*) AS n FROM {event_rows(f)} e {where} GROUP BY ALL", params
    )
    values = [FacetValue(r["value"], int(r["n"])) for r in rows]
    return sorted(values, key=lambda v: (-v.count, v.value.lower()))


# --- facets of the other lists --------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FacetSpec:
    """How to count one facet of a list: its name (the filter it sets), the join from a row
    (``b``, with its id as ``b._id``) to the values, the value and its label (SQL)."""

    name: str
    value: str
    join: str = ""
    label: str = "NULL"
    limit: int | None = None  # keep the most frequent values only


def count_facets(
    store: Store,
    columns: str,
    source: str,
    predicates: Sequence[tuple[str, str, list[Any]]],
    specs: Sequence[FacetSpec],
) -> tuple[int, dict[str, list[FacetValue]]]:
    """How many rows match every filter, and for each facet of ``specs`` its values with how many
    rows have each among the rows matching the other filters (so a menu keeps its other values).

    The list's rows are ``SELECT columns FROM source``, the columns holding the row's id as
    ``_id`` and what the specs read (as ``b.<column>``); ``predicates`` are (filter name, SQL
    condition over ``source``, parameters)."""
    flags = "".join(f", ({sql}) AS _p_{name}" for name, sql, _ in predicates)
    params = [p for *_, ps in predicates for p in ps]
    have = [name for name, _, _ in predicates]

    def others(facet: str | None) -> str:
        return " AND ".join(f"b._p_{n}" for n in have if n != facet) or "true"

    parts = [
        f"SELECT 'total' AS facet, NULL AS value, NULL AS label, count(*) AS n FROM b WHERE {others(None)}"
    ]
    for spec in specs:
        parts.append(
            f"SELECT '{spec.name}', CAST({spec.value} AS VARCHAR), any_value({spec.label}), "
            f"count(DISTINCT b._id) FROM b {spec.join} "
            f"WHERE {others(spec.name)} AND {spec.value} IS NOT NULL GROUP BY {spec.value}"
        )
    found = store.sql(
        f"WITH b AS MATERIALIZED (SELECT {columns}{flags} FROM {source}) "
        + " UNION ALL ".join(parts),
        params,
    )
    total = 0
    by: dict[str, list[FacetValue]] = {spec.name: [] for spec in specs}
    for r in found:
        if r["facet"] == "total":
            total = int(r["n"])
        else:
            by[r["facet"]].append(FacetValue(r["value"], int(r["n"]), r["label"]))
    for spec in specs:
        ranked = sorted(by[spec.name], key=lambda v: (-v.count, (v.label or v.value).lower()))
        by[spec.name] = ranked[: spec.limit] if spec.limit else ranked
    return total, by

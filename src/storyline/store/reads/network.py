"""The network of actors linked by events: a page of edges and the actors at their ends."""

from __future__ import annotations

from dataclasses import dataclass

from storyline.records import Entity
from storyline.store.db import Store
from storyline.store.reads.common import IN_LIST, Filters, PageArgs, _event_where, record


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

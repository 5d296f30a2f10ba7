"""Quotes: a page of them, and the values of the quote filters with their counts."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from storyline.records import Quote
from storyline.store.db import Store
from storyline.store.reads.common import (
    Filters,
    Page,
    PageArgs,
    _date_clauses,
    _join,
    _order,
    _page,
    sortable_date,
)
from storyline.store.reads.facets import FACET_ACTORS, FacetValue

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

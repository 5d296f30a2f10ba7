"""Read queries shared by the CLI views (the API has its own in ``store/reads/``).

Reads: the store. Writes: nothing.
"""

from __future__ import annotations

from typing import Any

from storyline.store.db import Store


def entity_overview(store: Store, name: str | None = None, limit: int = 50) -> list[dict[str, Any]]:
    """Entities by mention count, with their roles ("prime minister 2022-03-04..2023-06-15")."""
    where, params = "", []
    if name:
        where = "WHERE e.name ILIKE ? OR list_contains(list_transform(e.aliases, lambda a: lower(a)), lower(?))"
        params = [f"%{name}%", name]
    rows = store.sql(
        f"""
        WITH m AS (SELECT entity_id, count(*) AS n FROM mentions GROUP BY entity_id),
             r AS (SELECT entity_id, role, min(date) AS first, max(date) AS last
                   FROM roles GROUP BY entity_id, role)
        SELECT e.id, e.name, e.type, e.country, e.sector, e.aliases, coalesce(m.n, 0) AS mentions,
               coalesce(string_agg(r.role || ' ' || coalesce(r.first, '?') || '..' || coalesce(r.last, '?'),
                                   '; ' ORDER BY r.first), '') AS roles
        FROM entities e LEFT JOIN m ON m.entity_id = e.id LEFT JOIN r ON r.entity_id = e.id
        {where}
        GROUP BY ALL ORDER BY mentions DESC, e.name LIMIT ?
        """,
        [*params, limit],
    )
    return rows


def quotes_by_speaker(store: Store, limit: int = 10) -> list[dict[str, Any]]:
    """Speakers with the most quotes, each with a count and their first quote."""
    return store.sql(
        """
        SELECT coalesce(speaker, '(unknown speaker)') AS speaker, count(*) AS n,
               arg_min(text, doc_id || lpad(start::VARCHAR, 9, '0')) AS example
        FROM quotes GROUP BY ALL ORDER BY n DESC, speaker LIMIT ?
        """,
        [limit],
    )


def event_types(store: Store) -> list[dict[str, Any]]:
    return store.sql("SELECT type, count(*) AS n FROM events GROUP BY type ORDER BY n DESC, type")

"""Timeline entries, filtered by story, dates and what their story events are."""

from __future__ import annotations

from typing import Any

from storyline.records import TimelineEntry
from storyline.store.db import Store
from storyline.store.reads.common import (
    Filters,
    Page,
    PageArgs,
    _actor_has,
    _actor_in,
    _date_clauses,
    _join,
    _order,
    _page,
    sortable_date,
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

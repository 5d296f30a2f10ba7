"""Events: a page of them, and how many of each type fall in each period."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from storyline.records import Event
from storyline.store.db import Store
from storyline.store.reads.common import (
    HAPPENED_AS,
    Filters,
    Page,
    PageArgs,
    _and,
    _event_where,
    _order,
    _page,
    record,
    sortable_date,
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

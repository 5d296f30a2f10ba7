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
    event_rows,
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


Unit = Literal["year", "month", "day"]
UNIT_CHARS: dict[str, int] = {"year": 4, "month": 7, "day": 10}


@dataclass(frozen=True, slots=True)
class PeriodCount:
    period: str  # YYYY, YYYY-MM or YYYY-MM-DD (weeks counted at their Monday)
    type: str
    count: int
    happened: bool = True  # asserted or reported; else planned, negated or hypothetical


@dataclass(frozen=True, slots=True)
class DateCounts:
    """How many events of each type (and whether they happened) bear each date, the date as
    precise as the text gave it (``PeriodCount.period``: YYYY, YYYY-MM or YYYY-MM-DD): what the
    counts by year, month or day are made from, in one read of the events."""

    counts: list[PeriodCount]

    def by(self, unit: Unit) -> list[PeriodCount]:
        """The counts per period of ``unit``, by period and type; events dated more coarsely than
        the unit are left out (``coarser`` counts them)."""
        chars = UNIT_CHARS[unit]
        out: dict[tuple[str, str, bool], int] = {}
        for c in self.counts:
            if len(c.period) >= chars:
                key = (c.period[:chars], c.type, c.happened)
                out[key] = out.get(key, 0) + c.count
        return [PeriodCount(p, t, n, h) for (p, t, h), n in sorted(out.items())]

    def coarser(self, unit: Unit) -> int:
        """Dated events whose date is coarser than ``unit`` (``2022`` when counting months)."""
        return sum(c.count for c in self.counts if len(c.period) < UNIT_CHARS[unit])


def date_counts(store: Store, f: Filters) -> DateCounts:
    """The dated events matching ``f``, counted by date, type and whether they happened."""
    where, params = _event_where(f)
    value = sortable_date("e.date.value")
    rows = store.sql(
        f"""
        SELECT left({value}, {UNIT_CHARS["day"]}) AS period, e.type,
               list_contains(?::VARCHAR[], e.modality) AS happened, count(*) AS count
        FROM {event_rows(f)} e {_and(where, "regexp_matches(e.date.value, '^[0-9]{4}')")}
        GROUP BY ALL
        """,
        [HAPPENED_AS, *params],
    )
    return DateCounts([record(PeriodCount, r) for r in rows])


def event_counts(store: Store, f: Filters, unit: Unit) -> list[PeriodCount]:
    """How many events of each type fall in each period of ``unit`` (events dated more coarsely
    than the unit are left out; ``coarse_events`` counts them)."""
    return date_counts(store, f).by(unit)


def coarse_events(store: Store, f: Filters, unit: Unit) -> int:
    """Dated events whose date is coarser than ``unit`` (``2022`` when counting months)."""
    return date_counts(store, f).coarser(unit)

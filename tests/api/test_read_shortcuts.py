"""The reads that skip the relinking of actors or read the events once give what the full reads give:
the types menu as the facets count it, and counts by year, month and day as one query per unit
over the ``events`` view counted them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from storyline.store import Store
from storyline.store import reads as q
from storyline.store.reads.common import (
    HAPPENED_AS,
    _and,
    _event_where,
    event_rows,
    sortable_date,
)

FILTERS = [
    q.Filters(),
    q.Filters(type="SUPPORT"),
    q.Filters(modality="planned"),
    q.Filters(modality=q.HAPPENED),
    q.Filters(country="KHM"),
    q.Filters(actor_ids=("hun-sen",)),
    q.Filters(story="T1", date_from="2022-10"),
    q.Filters(sector="GOV", date_to="2022"),
]


@pytest.fixture(scope="module")
def store(big_db: Path) -> Iterator[Store]:
    with q.open_read_only(big_db) as s:
        yield s


def _counts_the_old_way(store: Store, f: q.Filters, chars: int) -> tuple[list[q.PeriodCount], int]:
    where, params = _event_where(f)
    value = sortable_date("e.date.value")
    dated = "regexp_matches(e.date.value, '^[0-9]{4}')"
    rows = store.sql(
        f"SELECT left({value}, {chars}) AS period, e.type, "
        "list_contains(?::VARCHAR[], e.modality) AS happened, count(*) AS count "
        f"FROM events e {_and(where, f'length({value}) >= {chars}')} AND {dated} "
        "GROUP BY ALL ORDER BY period, e.type, happened",
        [HAPPENED_AS, *params],
    )
    coarse = store.sql(
        f"SELECT count(*) AS n FROM events e {_and(where, f'length({value}) < {chars}')} "
        f"AND {dated}",
        params,
    )
    return [q.PeriodCount(**r) for r in rows], int(coarse[0]["n"])


@pytest.mark.parametrize("f", FILTERS)
def test_counts_by_period_are_those_of_the_events_view(store: Store, f: q.Filters) -> None:
    dated = q.date_counts(store, f)
    for unit, chars in (("year", 4), ("month", 7), ("day", 10)):
        counts, coarse = _counts_the_old_way(store, f, chars)
        assert dated.by(unit) == counts, unit  # type: ignore[arg-type]
        assert dated.coarser(unit) == coarse, unit  # type: ignore[arg-type]
        assert q.event_counts(store, f, unit) == counts  # type: ignore[arg-type]


@pytest.mark.parametrize("f", FILTERS)
def test_type_counts_are_the_type_facet(store: Store, f: q.Filters) -> None:
    assert q.type_counts(store, f) == q.facets(store, f).types


def test_the_stored_rows_are_read_only_without_an_actor_filter(store: Store) -> None:
    assert event_rows(q.Filters(type="SUPPORT", story="T1")) == "extracted_events"
    for f in (q.Filters(country="KHM"), q.Filters(sector="GOV"), q.Filters(actor_ids=("x",))):
        assert event_rows(f) == "events"
    # The sample has events dated by day and by month, so the comparisons above compare counts
    # by period and coarser counts both.
    dated = q.date_counts(store, q.Filters())
    assert {len(c.period) for c in dated.counts} == {7, 10} and dated.coarser("day") > 0

"""Stories: a page of them, the values of their filters with counts, one with its articles and
facets, and their story events."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from storyline.records import Story, StoryEvent
from storyline.store.db import Store
from storyline.store.reads.common import (
    IN_LIST,
    MAX_LIMIT,
    Filters,
    Page,
    PageArgs,
    _join,
    _order,
    _page,
    modality_condition,
    sortable_date,
)
from storyline.store.reads.documents import DocumentHead, list_documents
from storyline.store.reads.facets import (
    FACET_ACTORS,
    Facets,
    FacetSpec,
    FacetValue,
    count_facets,
    facets,
)

# --- stories and timeline -------------------------------------------------------------------------

_STORY_EVENTS = "(SELECT count(*) FROM story_events se WHERE se.story_id = s.id)"
STORY_SORTS = {
    "size": ("len(s.doc_ids)", "s.id"),
    "start": (sortable_date("s.start"), "s.id"),
    "end": (sortable_date('s."end"'), "s.id"),
    "label": ("lower(s.label)", "s.id"),
    "events": (_STORY_EVENTS, "s.id"),
}
# The actors of a story event, on either side.
_SIDES = "list_concat(se.source, se.target)"


def _has_story_event(condition: str) -> str:
    return f"EXISTS (SELECT 1 FROM story_events se WHERE se.story_id = s.id AND {condition})"


def _story_predicates(f: Filters) -> list[tuple[str, str, list[Any]]]:
    """(filter, SQL condition, parameters) for each story filter set in ``f``: a story matches
    when one of its story events has the type, the modality ("happened": asserted or reported),
    an actor of the country or the actor, and when its span overlaps the dates."""
    out: list[tuple[str, str, list[Any]]] = []
    if f.type:
        out.append(("type", _has_story_event("se.type = ?"), [f.type]))
    if f.modality:
        cond, values = modality_condition("se.modality", f.modality)
        out.append(("modality", _has_story_event(cond), values))
    if f.country:
        cond = f"list_contains(list_transform({_SIDES}, lambda a: a.country), ?)"
        out.append(("country", _has_story_event(cond), [f.country]))
    if f.actor_ids:
        cond = f"list_has_any(list_transform({_SIDES}, lambda a: a.entity_id), ?::VARCHAR[])"
        out.append(("actor", _has_story_event(cond), [list(f.actor_ids)]))
    dates: list[str] = []
    params: list[Any] = []
    if f.date_from:
        last = sortable_date('coalesce(s."end", s.start)')
        dates.append(f"left({last}, length(?)) >= ?")
        params += [f.date_from, f.date_from]
    if f.date_to:
        dates.append(f"left({sortable_date('s.start')}, length(?)) <= ?")
        params += [f.date_to, f.date_to]
    if dates:
        out.append(("date", " AND ".join(dates), params))
    return out


def list_stories(store: Store, page: PageArgs, f: Filters | None = None) -> Page[Story]:
    predicates = _story_predicates(f or Filters())
    where = _join([sql for _, sql, _ in predicates])
    params = [p for *_, ps in predicates for p in ps]
    order = _order(STORY_SORTS, page.sort, "-size")
    return _page(store, Story, "s.*", "stories s", where, params, order, page)


@dataclass(frozen=True, slots=True)
class StoryFacets:
    """For each story filter (type, modality, country, actor of its story events), its values
    and how many stories have each, among the stories matching the other filters; ``total``
    matches them all."""

    total: int
    types: list[FacetValue]
    modalities: list[FacetValue]
    countries: list[FacetValue]
    actors: list[FacetValue]  # the most frequent, at most FACET_ACTORS


def story_facets(store: Store, f: Filters | None = None) -> StoryFacets:
    events = "JOIN story_events se ON se.story_id = b._id"
    actors = f"JOIN (SELECT story_id, unnest({_SIDES}) AS a FROM story_events se) sa ON sa.story_id = b._id"
    total, by = count_facets(
        store,
        "s.id AS _id",
        "stories s",
        _story_predicates(f or Filters()),
        [
            FacetSpec("type", "se.type", events),
            FacetSpec("modality", "se.modality", events),
            FacetSpec("country", "sa.a.country", actors),
            FacetSpec(
                "actor",
                "sa.a.entity_id",
                actors + " LEFT JOIN entities ent ON ent.id = sa.a.entity_id",
                "coalesce(ent.name, sa.a.name)",
                FACET_ACTORS,
            ),
        ],
    )
    return StoryFacets(total, by["type"], by["modality"], by["country"], by["actor"])


def story_event_counts(store: Store, ids: list[str]) -> dict[str, int]:
    """How many story events each of the stories ``ids`` has."""
    if not ids:
        return {}
    rows = store.sql(
        f"SELECT story_id, count(*) AS n FROM story_events WHERE story_id IN {IN_LIST} GROUP BY 1",
        [ids],
    )
    return {r["story_id"]: int(r["n"]) for r in rows}


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


def story_event_types(store: Store, ids: list[str]) -> dict[str, str]:
    """The event type of each of the story events ``ids``."""
    if not ids:
        return {}
    rows = store.sql(f"SELECT id, type FROM story_events WHERE id IN {IN_LIST}", [ids])
    return {r["id"]: r["type"] for r in rows}


def story_event_references(store: Store, ids: list[str]) -> dict[str, list[tuple[str, int, int]]]:
    """The sentences that refer in passing to each of the story events ``ids`` ("Tuesday's
    attack"), as (document id, start, end), in document and text order."""
    if not ids:
        return {}
    rows = store.sql(
        "SELECT l.story_event_id AS id, r.doc_id, r.sentence.start AS start, "
        'r.sentence."end" AS "end" FROM reference_links l '
        "JOIN event_references r ON r.id = l.reference_id "
        f"WHERE l.story_event_id IN {IN_LIST} ORDER BY r.doc_id, r.sentence.start",
        [ids],
    )
    out: dict[str, list[tuple[str, int, int]]] = {}
    for r in rows:
        span = (r["doc_id"], r["start"], r["end"])
        if span not in out.setdefault(r["id"], []):
            out[r["id"]].append(span)
    return out


def story_events(store: Store, ids: list[str]) -> list[StoryEvent]:
    if not ids:
        return []
    return list(store.records(StoryEvent, where=f"id IN {IN_LIST}", params=[ids]))

"""Stories: a page of them, one with its articles and facets, and their story events."""

from __future__ import annotations

from dataclasses import dataclass

from storyline.records import Story, StoryEvent
from storyline.store.db import Store
from storyline.store.reads.common import IN_LIST, MAX_LIMIT, Filters, Page, PageArgs, _order, _page
from storyline.store.reads.documents import DocumentHead, list_documents
from storyline.store.reads.facets import Facets, facets

# --- stories and timeline -------------------------------------------------------------------------


def list_stories(store: Store, page: PageArgs) -> Page[Story]:
    order = _order(
        {"size": ("len(s.doc_ids)", "s.id"), "start": ("s.start", "s.id")}, page.sort, "-size"
    )
    return _page(store, Story, "s.*", "stories s", "", [], order, page)


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


def story_events(store: Store, ids: list[str]) -> list[StoryEvent]:
    if not ids:
        return []
    return list(store.records(StoryEvent, where=f"id IN {IN_LIST}", params=[ids]))

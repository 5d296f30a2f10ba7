"""The list pages of stories, actors and documents: facets with counts, sorting, paging, and the
rows shown as CSV (here) or JSON (the API route of the same name, given the same query).

Reads: the served database through ``storyline.store.reads``. Writes: HTML and CSV. The events and
quotes lists, made the same way, are in ``web.pages``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, Response

from storyline.api.routes import Db, Offset, document_filters, entity_filters, story_filters
from storyline.records import Story
from storyline.store import reads as q
from storyline.web.dates import nice_date
from storyline.web.pages import _csv, _render, cite_url
from storyline.web.text import source_name

router = APIRouter(include_in_schema=False)

ROWS = 50
Sort = Annotated[str | None, Query(pattern=r"^-?[a-z]{1,20}$")]
CsvLimit = Annotated[int, Query(ge=1, le=q.MAX_LIMIT)]


@dataclasses.dataclass(frozen=True, slots=True)
class ListPage:
    """What a list page is made of: its facets (parameter, title, attribute of the facets
    record), its sort links (key, label) with the default key, and its CSV columns."""

    path: str  # "/stories": the page; path + ".csv" its rows as CSV
    api: str  # the API route giving the same rows as JSON
    facets: tuple[tuple[str, str, str], ...]
    sorts: tuple[tuple[str, str], ...]
    default_sort: str
    columns: tuple[str, ...]


def _context(
    request: Request,
    spec: ListPage,
    page: q.Page[Any],
    facets: Any,
    chosen: dict[str, str | None],
    rows: list[tuple[Any, dict[str, str]]],
    sort: str | None,
    relabel: Callable[[str, q.FacetValue], q.FacetValue] = lambda _, v: v,
) -> dict[str, Any]:
    groups = [
        (param, title, [relabel(param, v) for v in getattr(facets, name)])
        for param, title, name in spec.facets
    ]
    return {
        "spec": spec,
        "page": page,
        "facets": facets,
        "groups": groups,
        "chosen": chosen,
        "rows": rows,
        "sort": sort or spec.default_sort,
    }


def _chosen_actor(f: q.Filters) -> str | None:
    return f.actor_ids[0] if len(f.actor_ids) == 1 else f.actor


# --- stories --------------------------------------------------------------------------------------

STORIES = ListPage(
    "/stories",
    "/api/stories",
    (
        ("type", "Event type", "types"),
        ("modality", "Modality", "modalities"),
        ("country", "Country", "countries"),
        ("actor", "Actor", "actors"),
    ),
    (
        ("-size", "Most articles"),
        ("-events", "Most events"),
        ("-start", "Newest"),
        ("start", "Oldest"),
    ),
    "-size",
    ("story", "start", "end", "articles", "events", "id", "link"),
)


def story_rows(db: Db, stories: list[Story]) -> list[tuple[Story, dict[str, str]]]:
    """Each story as the list page shows it and its CSV gives it."""
    counts = q.story_event_counts(db, [s.id for s in stories])
    return [
        (
            s,
            {
                "story": s.label,
                "start": nice_date(s.start) if s.start else "",
                "end": nice_date(s.end) if s.end else "",
                "articles": str(len(s.doc_ids)),
                "events": str(counts.get(s.id, 0)),
                "id": s.id,
                "link": "/timeline?story=" + s.id,
            },
        )
        for s in stories
    ]


@router.get("/stories", response_class=HTMLResponse)
def stories_page(
    request: Request,
    db: Db,
    f: Annotated[q.Filters, Depends(story_filters)],
    sort: Sort = None,
    offset: Offset = 0,
) -> HTMLResponse:
    """Every story, filtered by the types, modalities, countries and actors of its events (with
    counts), sorted, paged and downloadable."""
    page = q.list_stories(db, q.PageArgs(ROWS, offset, sort), f)
    chosen = {
        "type": f.type,
        "modality": f.modality,
        "country": f.country,
        "actor": _chosen_actor(f),
    }
    context = _context(
        request, STORIES, page, q.story_facets(db, f), chosen, story_rows(db, page.items), sort
    )
    return _render(request, "stories.html", context)


@router.get("/stories.csv")
def stories_csv(
    db: Db,
    f: Annotated[q.Filters, Depends(story_filters)],
    sort: Sort = None,
    offset: Offset = 0,
    limit: CsvLimit = ROWS,
) -> Response:
    """The rows of /stories with the same parameters, as CSV."""
    page = q.list_stories(db, q.PageArgs(limit, offset, sort), f)
    return _csv("stories.csv", STORIES.columns, [r for _, r in story_rows(db, page.items)])


# --- actors ---------------------------------------------------------------------------------------

ACTORS = ListPage(
    "/actors",
    "/api/entities",
    (
        ("type", "Kind", "types"),
        ("country", "Country", "countries"),
        ("sector", "Sector", "sectors"),
    ),
    (
        ("-mentions", "Most mentioned"),
        ("-events", "Most events"),
        ("-quotes", "Most quotes"),
        ("name", "Name"),
    ),
    "-mentions",
    ("name", "type", "country", "sector", "mentions", "events", "quotes", "aliases", "id", "link"),
)


def actor_row(r: q.EntityRow) -> dict[str, str]:
    """An actor as the list page shows it and its CSV gives it."""
    e = r.entity
    return {
        "name": e.name,
        "type": e.type,
        "country": e.country or "",
        "sector": e.sector or "",
        "mentions": str(r.mentions),
        "events": str(r.events),
        "quotes": str(r.quotes),
        "aliases": "; ".join(e.aliases),
        "id": e.id,
        "link": "/actors/" + e.id,
    }


@router.get("/actors", response_class=HTMLResponse)
def actors_page(
    request: Request,
    db: Db,
    f: Annotated[q.EntityFilters, Depends(entity_filters)],
    sort: Sort = None,
    offset: Offset = 0,
) -> HTMLResponse:
    """Every actor, filtered by name and by kind, country and sector (with counts), sorted,
    paged and downloadable."""
    page = q.list_entities(db, f, q.PageArgs(ROWS, offset, sort))
    chosen = {"type": f.type, "country": f.country, "sector": f.sector}
    rows = [(r, actor_row(r)) for r in page.items]
    context = _context(request, ACTORS, page, q.entity_facets(db, f), chosen, rows, sort)
    context["name"] = f.name or ""
    return _render(request, "actors.html", context)


@router.get("/actors.csv")
def actors_csv(
    db: Db,
    f: Annotated[q.EntityFilters, Depends(entity_filters)],
    sort: Sort = None,
    offset: Offset = 0,
    limit: CsvLimit = ROWS,
) -> Response:
    """The rows of /actors with the same parameters, as CSV."""
    page = q.list_entities(db, f, q.PageArgs(limit, offset, sort))
    return _csv("actors.csv", ACTORS.columns, [actor_row(r) for r in page.items])


# --- documents ------------------------------------------------------------------------------------

DOCUMENTS = ListPage(
    "/documents",
    "/api/documents",
    (("story", "Story", "stories"), ("source", "Source", "sources")),
    (
        ("-published", "Newest"),
        ("published", "Oldest"),
        ("-events", "Most events"),
        ("-quotes", "Most quotes"),
        ("title", "Title"),
    ),
    "-published",
    ("published", "title", "source", "events", "quotes", "id", "link"),
)


def document_row(d: q.DocumentHead) -> dict[str, str]:
    """A document as the list page shows it and its CSV gives it."""
    return {
        "published": nice_date(d.published) if d.published else "",
        "title": d.heading or d.external_id,
        "source": source_name(d.source, d.url),
        "events": str(d.events),
        "quotes": str(d.quotes),
        "id": d.id,
        "link": cite_url(d.id),
    }


def _outlet(param: str, v: q.FacetValue) -> q.FacetValue:
    """A source facet's value as a reader names the outlet ("voanews.com": "VOA News")."""
    return dataclasses.replace(v, label=source_name(v.value)) if param == "source" else v


@router.get("/documents", response_class=HTMLResponse)
def documents_page(
    request: Request,
    db: Db,
    f: Annotated[q.Filters, Depends(document_filters)],
    sort: Sort = None,
    offset: Offset = 0,
) -> HTMLResponse:
    """Every article, filtered by story and source (with counts), sorted, paged and
    downloadable."""
    page = q.list_documents(db, f, q.PageArgs(ROWS, offset, sort))
    chosen = {"story": f.story, "source": f.source}
    rows = [(d, document_row(d)) for d in page.items]
    facets = q.document_facets(db, f)
    context = _context(request, DOCUMENTS, page, facets, chosen, rows, sort, _outlet)
    return _render(request, "documents.html", context)


@router.get("/documents.csv")
def documents_csv(
    db: Db,
    f: Annotated[q.Filters, Depends(document_filters)],
    sort: Sort = None,
    offset: Offset = 0,
    limit: CsvLimit = ROWS,
) -> Response:
    """The rows of /documents with the same parameters, as CSV."""
    page = q.list_documents(db, f, q.PageArgs(limit, offset, sort))
    return _csv("documents.csv", DOCUMENTS.columns, [document_row(d) for d in page.items])

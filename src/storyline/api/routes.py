"""The JSON API: read-only GET routes under ``/api``, typed from the records.

Reads: the served database through ``storyline.store.api``. Writes: nothing.
Every parameter is validated here (pattern, length, range); values reach SQL only as bound parameters.
"""

from __future__ import annotations

import functools
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import Response
from pydantic import TypeAdapter

from storyline.records import PLOVER_TYPES, Event, Modality, Quote, Story, TimelineEntry
from storyline.store import Store
from storyline.store import api as q

router = APIRouter(prefix="/api")

ID_PATTERN = r"^[\w.:@/+=-]{1,200}$"
DATE_PATTERN = r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$"

Limit = Annotated[int, Query(ge=1, le=q.MAX_LIMIT, description="Rows per page.")]
Offset = Annotated[int, Query(ge=0, le=q.MAX_OFFSET, description="Rows to skip.")]
Actor = Annotated[
    str | None, Query(pattern=ID_PATTERN, description="Entity id (source, target or speaker).")
]
Country = Annotated[
    str | None, Query(pattern=r"^[A-Z]{3}$", description="ISO 3166-1 alpha-3 code of an actor.")
]
EventType = Annotated[
    str | None,
    Query(pattern=r"^[A-Z]{2,12}$", description=f"PLOVER type: {', '.join(PLOVER_TYPES)}."),
]
DateFrom = Annotated[
    str | None,
    Query(pattern=DATE_PATTERN, description="Earliest date: YYYY, YYYY-MM or YYYY-MM-DD."),
]
DateTo = Annotated[
    str | None,
    Query(pattern=DATE_PATTERN, description="Latest date (inclusive at its granularity)."),
]
StoryId = Annotated[str | None, Query(pattern=ID_PATTERN, description="Story id.")]
DocumentId = Annotated[str | None, Query(pattern=ID_PATTERN, description="Document id.")]
PathId = Annotated[str, Path(pattern=ID_PATTERN)]


def _sort(description: str) -> object:
    return Query(
        pattern=r"^-?[a-z]{1,20}$", description=description + " Prefix '-' for descending."
    )


def store(request: Request) -> Store:
    """The request's cursor on the served database."""
    database = request.app.state.database
    result: Store = database.store()
    return result


Db = Annotated[Store, Depends(store)]


@functools.cache
def _adapter(model: Any) -> TypeAdapter[Any]:
    return TypeAdapter(model)


def typed(model: Any, value: Any) -> Response:
    """``value`` as JSON, serialized by pydantic from the route's response model.

    The records are already typed, so this skips FastAPI's generic copy of dataclasses into dicts
    and their re-validation: most of a request's Python time."""
    return Response(_adapter(model).dump_json(value), media_type="application/json")


def _check_type(value: str | None) -> str | None:
    if value is not None and value not in PLOVER_TYPES:
        raise HTTPException(422, f"unknown event type {value!r}; valid: {', '.join(PLOVER_TYPES)}")
    return value


def _check_range(date_from: str | None, date_to: str | None) -> None:
    if date_from and date_to and date_from[: len(date_to)] > date_to:
        raise HTTPException(422, f"date_from {date_from} is after date_to {date_to}")


def event_filters(
    actor: Actor = None,
    country: Country = None,
    type: EventType = None,
    modality: Annotated[Modality | None, Query(description="Event modality.")] = None,
    date_from: DateFrom = None,
    date_to: DateTo = None,
    story: StoryId = None,
    document: DocumentId = None,
) -> q.Filters:
    _check_range(date_from, date_to)
    return q.Filters(
        actor=actor,
        country=country,
        type=_check_type(type),
        modality=modality,
        date_from=date_from,
        date_to=date_to,
        story=story,
        document=document,
    )


def quote_filters(
    actor: Actor = None,
    country: Country = None,
    date_from: DateFrom = None,
    date_to: DateTo = None,
    story: StoryId = None,
    document: DocumentId = None,
) -> q.Filters:
    _check_range(date_from, date_to)
    return q.Filters(
        actor=actor,
        country=country,
        date_from=date_from,
        date_to=date_to,
        story=story,
        document=document,
    )


def timeline_filters(
    story: StoryId = None,
    actor: Actor = None,
    country: Country = None,
    type: EventType = None,
    date_from: DateFrom = None,
    date_to: DateTo = None,
) -> q.Filters:
    _check_range(date_from, date_to)
    return q.Filters(
        story=story,
        actor=actor,
        country=country,
        type=_check_type(type),
        date_from=date_from,
        date_to=date_to,
    )


def document_filters(
    story: StoryId = None, actor: Actor = None, date_from: DateFrom = None, date_to: DateTo = None
) -> q.Filters:
    _check_range(date_from, date_to)
    return q.Filters(story=story, actor=actor, date_from=date_from, date_to=date_to)


EventFilters = Annotated[q.Filters, Depends(event_filters)]


@router.get("/documents", response_model=q.Page[q.DocumentHead], tags=["documents"])
def documents(
    db: Db,
    f: Annotated[q.Filters, Depends(document_filters)],
    limit: Limit = 50,
    offset: Offset = 0,
    sort: Annotated[str | None, _sort("published, title or events.")] = None,
) -> Response:
    """Documents (without their text), newest first."""
    return typed(q.Page[q.DocumentHead], q.list_documents(db, f, q.PageArgs(limit, offset, sort)))


@router.get("/documents/{doc_id}", response_model=q.DocumentDetail, tags=["documents"])
def document(db: Db, doc_id: PathId) -> Response:
    """A document's text with every record found in it (timexes, mentions, roles, quotes, events)."""
    found = q.get_document(db, doc_id)
    if found is None:
        raise HTTPException(404, f"no document with id {doc_id!r}")
    return typed(q.DocumentDetail, found)


@router.get("/events", response_model=q.Page[Event], tags=["events"])
def events(
    db: Db,
    f: EventFilters,
    limit: Limit = 50,
    offset: Offset = 0,
    sort: Annotated[str | None, _sort("date, type, confidence or document.")] = None,
) -> Response:
    """Event mentions, each with its sentence and trigger offsets."""
    return typed(q.Page[Event], q.list_events(db, f, q.PageArgs(limit, offset, sort)))


@router.get("/quotes", response_model=q.Page[Quote], tags=["quotes"])
def quotes(
    db: Db,
    f: Annotated[q.Filters, Depends(quote_filters)],
    limit: Limit = 50,
    offset: Offset = 0,
    sort: Annotated[str | None, _sort("date, speaker or document.")] = None,
) -> Response:
    """Quotations with speaker, cue and date."""
    return typed(q.Page[Quote], q.list_quotes(db, f, q.PageArgs(limit, offset, sort)))


@router.get("/entities", response_model=q.Page[q.EntityRow], tags=["entities"])
def entities(
    db: Db,
    name: Annotated[
        str | None, Query(min_length=1, max_length=100, description="Part of the name or an alias.")
    ] = None,
    type: Annotated[
        str | None, Query(pattern=r"^[A-Z_]{2,20}$", description="PERSON, ORG, GPE, ...")
    ] = None,
    country: Country = None,
    sector: Annotated[
        str | None, Query(pattern=r"^[A-Z]{2,5}$", description="GOV, MIL, ...")
    ] = None,
    limit: Limit = 50,
    offset: Offset = 0,
    sort: Annotated[str | None, _sort("mentions, name or events.")] = None,
) -> Response:
    """Actors with mention, event and quote counts."""
    f = q.EntityFilters(name=name, type=type, country=country, sector=sector)
    return typed(q.Page[q.EntityRow], q.list_entities(db, f, q.PageArgs(limit, offset, sort)))


@router.get("/entities/{entity_id}", response_model=q.EntityDetail, tags=["entities"])
def entity(db: Db, f: EventFilters, entity_id: PathId) -> Response:
    """An actor: roles over time, quotes and events by date (filtered), counterparts."""
    found = q.get_entity(db, entity_id, f)
    if found is None:
        raise HTTPException(404, f"no entity with id {entity_id!r}")
    return typed(q.EntityDetail, found)


@router.get("/stories", response_model=q.Page[Story], tags=["stories"])
def stories(
    db: Db,
    limit: Limit = 50,
    offset: Offset = 0,
    sort: Annotated[str | None, _sort("size or start.")] = None,
) -> Response:
    """Stories (groups of articles about one story), largest first."""
    return typed(q.Page[Story], q.list_stories(db, q.PageArgs(limit, offset, sort)))


@router.get("/timeline", response_model=q.Page[TimelineEntry], tags=["stories"])
def timeline(
    db: Db,
    f: Annotated[q.Filters, Depends(timeline_filters)],
    limit: Limit = 100,
    offset: Offset = 0,
) -> Response:
    """Timeline entries in date order, each with its citations."""
    return typed(q.Page[TimelineEntry], q.timeline(db, f, q.PageArgs(limit, offset)))


@router.get("/network", response_model=q.Network, tags=["events"])
def network(db: Db, f: EventFilters) -> Response:
    """Actors linked by events over the filtered period: one edge per source, target and type."""
    return typed(q.Network, q.network(db, f))


@router.get("/search", response_model=list[q.SearchHit], tags=["search"])
def search(
    db: Db,
    q_: Annotated[
        str,
        Query(
            alias="q",
            min_length=2,
            max_length=q.MAX_QUERY_CHARS,
            description="Words that must all appear (case-insensitive).",
        ),
    ],
    kind: Annotated[
        list[Literal["document", "quote", "event"]] | None,
        Query(description="Limit to these kinds."),
    ] = None,
    limit: Annotated[int, Query(ge=1, le=50, description="Hits per kind.")] = 20,
) -> Response:
    """Full-text search over documents, quotes and event sentences."""
    kinds = tuple(kind) if kind else ("document", "quote", "event")
    return typed(list[q.SearchHit], q.search(db, q_, kinds=kinds, limit=limit))


@router.get("/facets", response_model=q.Facets, tags=["search"])
def facets(db: Db) -> Response:
    """Event types, countries, modalities, stories and the date span present in the database."""
    return typed(q.Facets, q.facets(db))

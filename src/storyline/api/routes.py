"""The JSON API: read-only GET routes under ``/api``, typed from the records.

Reads: the served database through ``storyline.store.reads``. Writes: nothing.
Every parameter is validated here (pattern, length, range); values reach SQL only as bound parameters.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Iterator
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import Response
from pydantic import TypeAdapter

from storyline.api.cache import READ_VERSION
from storyline.records import PLOVER_TYPES, Event, Modality, Quote, Story, TimelineEntry
from storyline.store import Store
from storyline.store import reads as q
from storyline.store import search as search_api

router = APIRouter(prefix="/api")

ID_PATTERN = r"^[\w.:@/+=-]{1,200}$"
DATE_PATTERN = r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$"

Limit = Annotated[int, Query(ge=1, le=q.MAX_LIMIT, description="Rows per page.")]
Offset = Annotated[int, Query(ge=0, le=q.MAX_OFFSET, description="Rows to skip.")]
Actor = Annotated[
    str | None,
    Query(
        min_length=1,
        max_length=200,
        description="An actor (source, target or speaker): an entity id, or a name or alias such "
        'as "Hun Sen" (every entity of that name). Unknown: 404 with close matches.',
    ),
]
Sector = Annotated[
    str | None, Query(pattern=r"^[A-Z]{2,5}$", description="Sector code of an actor: GOV, MIL, ...")
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
ModalityFilter = Annotated[
    Modality | Literal["happened", "any"] | None,
    Query(description='Event modality; "happened": asserted or reported; "any": no filter.'),
]
StoryId = Annotated[str | None, Query(pattern=ID_PATTERN, description="Story id.")]
DocumentId = Annotated[str | None, Query(pattern=ID_PATTERN, description="Document id.")]
PathId = Annotated[str, Path(pattern=ID_PATTERN)]


def _sort(description: str) -> object:
    return Query(
        pattern=r"^-?[a-z]{1,20}$", description=description + " Prefix '-' for descending."
    )


def store(request: Request) -> Iterator[Store]:
    """The request's own cursor on the served database, closed when the request is answered.
    The version of the file it reads goes in the request's state, for the cache of answers."""
    with request.app.state.database.connect_versioned() as (db, version):
        request.scope.setdefault("state", {})[READ_VERSION] = version
        yield db


Db = Annotated[Store, Depends(store)]


def _page_model(item: type[Any], name: str, what: str) -> type[Any]:
    """A page of ``item`` records under its own schema name (OpenAPI names every ``Page[T]``
    just "Page"), with the fields every list route shares: items, total, limit, offset."""
    model = dataclasses.make_dataclass(
        name,
        [("items", list[item]), ("total", int), ("limit", int), ("offset", int)],  # type: ignore[valid-type]
        frozen=True,
    )
    model.__doc__ = f"One page of {what}: ``total`` match in all; ``offset`` were skipped."
    return model


DocumentPage = _page_model(q.DocumentHead, "DocumentPage", "documents (without their text)")
EventPage = _page_model(Event, "EventPage", "event mentions")
QuotePage = _page_model(Quote, "QuotePage", "quotes")
EntityPage = _page_model(q.EntityRow, "EntityPage", "actors with their counts")
StoryPage = _page_model(Story, "StoryPage", "stories")
TimelinePage = _page_model(TimelineEntry, "TimelinePage", "timeline entries")


def _paged(model: type[Any], page: q.Page[Any]) -> Response:
    return typed(model, model(page.items, page.total, page.limit, page.offset))


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


def actor_ids(db: Store, actor: str | None) -> tuple[str, ...]:
    """The entities an actor parameter names (an id, or a name or alias); 404 if none."""
    if actor is None:
        return ()
    ids = q.resolve_actor(db, actor)
    if not ids:
        close = q.close_actor_names(db, actor)
        hint = (
            f"; did you mean {', '.join(repr(c) for c in close)}?"
            if close
            else "; /api/entities?name=... lists actors by name"
        )
        raise HTTPException(404, f"no actor {actor!r}{hint}")
    return ids


def event_filters(
    db: Db,
    actor: Actor = None,
    country: Country = None,
    sector: Sector = None,
    place_country: Annotated[
        str | None,
        Query(pattern=r"^[A-Z]{3}$", description="ISO 3166-1 alpha-3 code of where it happened."),
    ] = None,
    type: EventType = None,
    modality: ModalityFilter = None,
    date_from: DateFrom = None,
    date_to: DateTo = None,
    story: StoryId = None,
    document: DocumentId = None,
) -> q.Filters:
    _check_range(date_from, date_to)
    return q.Filters(
        actor=actor,
        actor_ids=actor_ids(db, actor),
        country=country,
        sector=sector,
        place_country=place_country,
        type=_check_type(type),
        modality=None if modality == "any" else modality,
        date_from=date_from,
        date_to=date_to,
        story=story,
        document=document,
    )


def quote_filters(
    db: Db,
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
        actor_ids=actor_ids(db, actor),
        country=country,
        date_from=date_from,
        date_to=date_to,
        story=story,
        document=document,
    )


def timeline_filters(
    db: Db,
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
        actor_ids=actor_ids(db, actor),
        country=country,
        type=_check_type(type),
        date_from=date_from,
        date_to=date_to,
    )


def document_filters(
    db: Db,
    story: StoryId = None,
    actor: Actor = None,
    source: Annotated[
        str | None,
        Query(
            min_length=1,
            max_length=200,
            description='The outlet: the stored source, else the address\'s host ("voanews.com").',
        ),
    ] = None,
    date_from: DateFrom = None,
    date_to: DateTo = None,
) -> q.Filters:
    _check_range(date_from, date_to)
    return q.Filters(
        story=story,
        actor=actor,
        actor_ids=actor_ids(db, actor),
        source=source,
        date_from=date_from,
        date_to=date_to,
    )


def story_filters(
    db: Db,
    type: EventType = None,
    modality: ModalityFilter = None,
    country: Country = None,
    actor: Actor = None,
    date_from: DateFrom = None,
    date_to: DateTo = None,
) -> q.Filters:
    """Stories with a story event of the type, of the modality, with an actor of the country or
    the actor, and whose span overlaps the dates."""
    _check_range(date_from, date_to)
    return q.Filters(
        type=_check_type(type),
        modality=None if modality == "any" else modality,
        country=country,
        actor=actor,
        actor_ids=actor_ids(db, actor),
        date_from=date_from,
        date_to=date_to,
    )


def entity_filters(
    name: Annotated[
        str | None, Query(min_length=1, max_length=100, description="Part of the name or an alias.")
    ] = None,
    type: Annotated[
        str | None, Query(pattern=r"^[A-Z_]{2,20}$", description="PERSON, ORG, GPE, ...")
    ] = None,
    country: Country = None,
    sector: Sector = None,
) -> q.EntityFilters:
    return q.EntityFilters(name=name, type=type, country=country, sector=sector)


EventFilters = Annotated[q.Filters, Depends(event_filters)]


@router.get("/documents", response_model=DocumentPage, tags=["documents"])
def documents(
    db: Db,
    f: Annotated[q.Filters, Depends(document_filters)],
    limit: Limit = 50,
    offset: Offset = 0,
    sort: Annotated[str | None, _sort("published, title, events or quotes.")] = None,
) -> Response:
    """Documents (without their text), newest first."""
    return _paged(DocumentPage, q.list_documents(db, f, q.PageArgs(limit, offset, sort)))


@router.get("/documents/facets", response_model=q.DocumentFacets, tags=["documents"])
def document_facets(db: Db, f: Annotated[q.Filters, Depends(document_filters)]) -> Response:
    """The values of each document filter (story, source) with how many documents have each,
    among the documents matching the other filters."""
    return typed(q.DocumentFacets, q.document_facets(db, f))


@router.get("/documents/{doc_id}", response_model=q.DocumentDetail, tags=["documents"])
def document(db: Db, doc_id: PathId) -> Response:
    """A document's text with every record found in it (timexes, mentions, roles, quotes, events)."""
    found = q.get_document(db, doc_id)
    if found is None:
        raise HTTPException(404, f"no document with id {doc_id!r}")
    return typed(q.DocumentDetail, found)


@router.get("/events", response_model=EventPage, tags=["events"])
def events(
    db: Db,
    f: EventFilters,
    limit: Limit = 50,
    offset: Offset = 0,
    sort: Annotated[str | None, _sort("date, type, confidence or document.")] = None,
) -> Response:
    """Event mentions, each with its sentence and trigger offsets."""
    return _paged(EventPage, q.list_events(db, f, q.PageArgs(limit, offset, sort)))


@router.get("/quotes", response_model=QuotePage, tags=["quotes"])
def quotes(
    db: Db,
    f: Annotated[q.Filters, Depends(quote_filters)],
    limit: Limit = 50,
    offset: Offset = 0,
    sort: Annotated[str | None, _sort("date, speaker or document.")] = None,
) -> Response:
    """Quotations with speaker, cue and date."""
    return _paged(QuotePage, q.list_quotes(db, f, q.PageArgs(limit, offset, sort)))


@router.get("/quotes/facets", response_model=q.QuoteFacets, tags=["quotes"])
def quote_facets(db: Db, f: Annotated[q.Filters, Depends(quote_filters)]) -> Response:
    """The values of each quote filter (speaker, country, story) with how many quotes have each,
    among the quotes matching the other filters."""
    return typed(q.QuoteFacets, q.quote_facets(db, f))


EntityFilters = Annotated[q.EntityFilters, Depends(entity_filters)]


@router.get("/entities", response_model=EntityPage, tags=["entities"])
def entities(
    db: Db,
    f: EntityFilters,
    limit: Limit = 50,
    offset: Offset = 0,
    sort: Annotated[str | None, _sort("mentions, name, events or quotes.")] = None,
) -> Response:
    """Actors with mention, event and quote counts."""
    return _paged(EntityPage, q.list_entities(db, f, q.PageArgs(limit, offset, sort)))


@router.get("/entities/facets", response_model=q.EntityFacets, tags=["entities"])
def entity_facets(db: Db, f: EntityFilters) -> Response:
    """The values of each actor filter (type, country, sector) with how many actors have each,
    among the actors matching the other filters and the name."""
    return typed(q.EntityFacets, q.entity_facets(db, f))


@router.get("/entities/{entity_id}", response_model=q.EntityDetail, tags=["entities"])
def entity(db: Db, f: EventFilters, entity_id: PathId) -> Response:
    """An actor: roles over time, quotes and events by date (filtered), counterparts."""
    found = q.get_entity(db, entity_id, f)
    if found is None:
        raise HTTPException(404, f"no entity with id {entity_id!r}")
    return typed(q.EntityDetail, found)


StoryFilters = Annotated[q.Filters, Depends(story_filters)]


@router.get("/stories", response_model=StoryPage, tags=["stories"])
def stories(
    db: Db,
    f: StoryFilters,
    limit: Limit = 50,
    offset: Offset = 0,
    sort: Annotated[str | None, _sort("size, start, end, label or events.")] = None,
) -> Response:
    """Stories (groups of articles about one story), largest first."""
    return _paged(StoryPage, q.list_stories(db, q.PageArgs(limit, offset, sort), f))


@router.get("/stories/facets", response_model=q.StoryFacets, tags=["stories"])
def story_facets(db: Db, f: StoryFilters) -> Response:
    """The values of each story filter (type, modality, country and actor of its story events)
    with how many stories have each, among the stories matching the other filters."""
    return typed(q.StoryFacets, q.story_facets(db, f))


@router.get("/stories/{story_id}", response_model=q.StoryDetail, tags=["stories"])
def story(db: Db, story_id: PathId) -> Response:
    """A story: its articles, and its events counted by type, modality, actor, country and date."""
    found = q.story_detail(db, story_id)
    if found is None:
        raise HTTPException(404, f"no story with id {story_id!r}")
    return typed(q.StoryDetail, found)


@router.get("/timeline", response_model=TimelinePage, tags=["stories"])
def timeline(
    db: Db,
    f: Annotated[q.Filters, Depends(timeline_filters)],
    limit: Limit = 100,
    offset: Offset = 0,
) -> Response:
    """Timeline entries in date order, each with its citations."""
    return _paged(TimelinePage, q.timeline(db, f, q.PageArgs(limit, offset)))


@router.get("/network", response_model=q.NetworkPage, tags=["events"])
def network(
    db: Db,
    f: EventFilters,
    limit: Annotated[
        int, Query(ge=1, le=q.MAX_NETWORK_EDGES, description="Edges per page.")
    ] = q.MAX_NETWORK_EDGES,
    offset: Offset = 0,
) -> Response:
    """Actors linked by events over the filtered period: one edge per source, target and type,
    most events first (``items``), and the actors at the ends of the page's edges (``nodes``)."""
    return typed(q.NetworkPage, q.network(db, f, q.PageArgs(limit, offset)))


@router.get("/search", response_model=search_api.SearchResults, tags=["search"])
def search(
    db: Db,
    q_: Annotated[
        str,
        Query(
            alias="q",
            min_length=2,
            max_length=q.MAX_QUERY_CHARS,
            description="Words that must all appear, as whole words (case-insensitive; a plural "
            "or possessive ending is allowed).",
        ),
    ],
    kind: Annotated[
        list[Literal["document", "quote", "event"]] | None,
        Query(description="Limit to these kinds."),
    ] = None,
    limit: Limit = 20,
    offset: Offset = 0,
) -> Response:
    """Ranked full-text search over documents, quotes and event sentences: best first, with the
    number of hits in all (``total``) and of each kind (``kinds``)."""
    kinds = tuple(kind) if kind else search_api.KINDS
    found = search_api.search(db, q_, kinds=kinds, limit=limit, offset=offset)
    return typed(search_api.SearchResults, found)


@router.get("/facets", response_model=q.Facets, tags=["search"])
def facets(db: Db, f: EventFilters) -> Response:
    """The values of each event filter (type, modality, country, sector, actor, story) with how
    many events have each, among the events matching the other filters; and the date span."""
    return typed(q.Facets, q.facets(db, f))

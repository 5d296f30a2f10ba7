"""The read queries behind the HTTP API and the web UI, one module per resource.

Reads: the store (opened read-only). Writes: nothing.

Every function takes typed, already-validated arguments and binds every value as a query parameter;
no user text is ever formatted into SQL. Sort orders come from fixed allow-lists. Results are the
records of ``storyline.records`` (or small views that nest them), so the API, the exports and the
library speak one language.

Search (``storyline.store.search``) finds whole words, ranked, over documents, quotes and event
sentences.

Modules: ``common`` (arguments, pages, opening, helpers), ``documents``, ``events``, ``quotes``,
``entities`` (actors), ``stories``, ``timeline``, ``network`` and ``facets``; this package
exports their public names.
"""

from __future__ import annotations

from storyline.store.reads.common import (
    HAPPENED,
    HAPPENED_AS,
    HEADING_SOURCE_CHARS,
    HEADING_WORDS,
    IN_LIST,
    MAX_LIMIT,
    MAX_NETWORK_EDGES,
    MAX_OFFSET,
    MAX_QUERY_CHARS,
    BadQueryError,
    Filters,
    Page,
    PageArgs,
    first_words,
    open_read_only,
    record,
    sortable_date,
)
from storyline.store.reads.documents import (
    DOCUMENT_SORTS,
    DocumentDetail,
    DocumentFacets,
    DocumentHead,
    document_facets,
    get_document,
    list_documents,
)
from storyline.store.reads.entities import (
    ENTITY_SORTS,
    Counterpart,
    EntityDetail,
    EntityFacets,
    EntityFilters,
    EntityRow,
    RoleSpan,
    close_actor_names,
    entity_facets,
    get_entity,
    list_entities,
    resolve_actor,
)
from storyline.store.reads.events import (
    EVENT_SORTS,
    DateCounts,
    PeriodCount,
    coarse_events,
    date_counts,
    event_counts,
    list_events,
)
from storyline.store.reads.facets import (
    FACET_ACTORS,
    Facets,
    FacetSpec,
    FacetValue,
    count_facets,
    facets,
    type_counts,
)
from storyline.store.reads.network import NetworkEdge, NetworkNode, NetworkPage, network
from storyline.store.reads.quotes import QUOTE_SORTS, QuoteFacets, list_quotes, quote_facets
from storyline.store.reads.stories import (
    STORY_SORTS,
    StoryDetail,
    StoryFacets,
    get_story,
    list_stories,
    story_detail,
    story_event_counts,
    story_event_references,
    story_event_types,
    story_events,
    story_facets,
)
from storyline.store.reads.timeline import timeline

__all__ = [
    "DOCUMENT_SORTS",
    "ENTITY_SORTS",
    "EVENT_SORTS",
    "FACET_ACTORS",
    "HAPPENED",
    "HAPPENED_AS",
    "HEADING_SOURCE_CHARS",
    "HEADING_WORDS",
    "IN_LIST",
    "MAX_LIMIT",
    "MAX_NETWORK_EDGES",
    "MAX_OFFSET",
    "MAX_QUERY_CHARS",
    "QUOTE_SORTS",
    "STORY_SORTS",
    "BadQueryError",
    "Counterpart",
    "DateCounts",
    "DocumentDetail",
    "DocumentFacets",
    "DocumentHead",
    "EntityDetail",
    "EntityFacets",
    "EntityFilters",
    "EntityRow",
    "FacetSpec",
    "FacetValue",
    "Facets",
    "Filters",
    "NetworkEdge",
    "NetworkNode",
    "NetworkPage",
    "Page",
    "PageArgs",
    "PeriodCount",
    "QuoteFacets",
    "RoleSpan",
    "StoryDetail",
    "StoryFacets",
    "close_actor_names",
    "coarse_events",
    "count_facets",
    "date_counts",
    "document_facets",
    "entity_facets",
    "event_counts",
    "facets",
    "first_words",
    "get_document",
    "get_entity",
    "get_story",
    "list_documents",
    "list_entities",
    "list_events",
    "list_quotes",
    "list_stories",
    "network",
    "open_read_only",
    "quote_facets",
    "record",
    "resolve_actor",
    "sortable_date",
    "story_detail",
    "story_event_counts",
    "story_event_references",
    "story_event_types",
    "story_events",
    "story_facets",
    "timeline",
    "type_counts",
]

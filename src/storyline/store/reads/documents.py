"""Documents: a page of them with counts, the values of their filters with counts, and one with
every record found in it."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from storyline.records import Document, Entity, Event, Mention, Quote, Role, Timex
from storyline.store.db import Store
from storyline.store.reads.common import (
    HEADING_SOURCE_CHARS,
    STORED_EVENTS,
    Filters,
    Page,
    PageArgs,
    _date_clauses,
    _join,
    _order,
    _page,
    first_words,
)
from storyline.store.reads.facets import FacetSpec, FacetValue, count_facets


@dataclass(frozen=True, slots=True)
class DocumentHead:
    """A document without its text, with counts of what was found in it."""

    id: str
    external_id: str
    source: str | None
    url: str | None
    title: str | None
    published: str | None
    chars: int
    events: int
    quotes: int
    heading: str = ""  # the title, else the text's first words


@dataclass(frozen=True, slots=True)
class DocumentDetail:
    """A document with every record found in it (all offsets into ``document.text``)."""

    document: Document
    timexes: list[Timex]
    mentions: list[Mention]
    roles: list[Role]
    quotes: list[Quote]
    events: list[Event]
    entities: list[Entity]


# --- documents ------------------------------------------------------------------------------------

DOCUMENT_SORTS = {
    "published": ("d.published", "d.id"),
    "title": ("d.title", "d.id"),
    "events": ("events", "d.id"),
    "quotes": ("quotes", "d.id"),
}


#: SQL: a document's outlet, the stored source else the host of its address ("voanews.com").
SOURCE_SQL = (
    "coalesce(d.source, nullif(regexp_extract(d.url, '^[a-z]+://(www[.])?([^/:?#]+)', 2), ''))"
)


def _document_predicates(f: Filters) -> list[tuple[str, str, list[Any]]]:
    """(filter, SQL condition, parameters) for each document filter set in ``f``."""
    out: list[tuple[str, str, list[Any]]] = []
    if f.story:
        out.append(
            ("story", "list_contains((SELECT doc_ids FROM stories WHERE id = ?), d.id)", [f.story])
        )
    if f.actor_ids:
        out.append(
            (
                "actor",
                "EXISTS (SELECT 1 FROM mentions m WHERE m.doc_id = d.id "
                "AND list_contains(?::VARCHAR[], m.entity_id))",
                [list(f.actor_ids)],
            )
        )
    if f.source:
        out.append(("source", f"{SOURCE_SQL} = ?", [f.source]))
    dw, dp = _date_clauses("d.published", f)
    if dw:
        out.append(("date", " AND ".join(dw), dp))
    return out


def list_documents(store: Store, f: Filters, page: PageArgs) -> Page[DocumentHead]:
    predicates = _document_predicates(f)
    where = _join([sql for _, sql, _ in predicates])
    params = [p for *_, ps in predicates for p in ps]
    columns = f"""
        d.id, d.external_id, d.source, d.url, d.title, d.published, length(d.text) AS chars,
        coalesce(d.title, left(d.text, {HEADING_SOURCE_CHARS})) AS heading,
        coalesce(ev.n, 0) AS events, coalesce(qu.n, 0) AS quotes"""
    source = f"""documents d
        LEFT JOIN (SELECT doc_id, count(*) AS n FROM {STORED_EVENTS} GROUP BY doc_id) ev
             ON ev.doc_id = d.id
        LEFT JOIN (SELECT doc_id, count(*) AS n FROM quotes GROUP BY doc_id) qu ON qu.doc_id = d.id"""
    order = _order(DOCUMENT_SORTS, page.sort, "-published")
    found = _page(store, DocumentHead, columns, source, where, params, order, page)
    items = [dataclasses.replace(d, heading=d.title or first_words(d.heading)) for d in found.items]
    return dataclasses.replace(found, items=items)


@dataclass(frozen=True, slots=True)
class DocumentFacets:
    """For each document filter (story, source), its values and how many documents have each,
    among the documents matching the other filters; ``total`` matches them all."""

    total: int
    stories: list[FacetValue]
    sources: list[FacetValue]


def document_facets(store: Store, f: Filters | None = None) -> DocumentFacets:
    total, by = count_facets(
        store,
        f"d.id AS _id, {SOURCE_SQL} AS source",
        "documents d",
        _document_predicates(f or Filters()),
        [
            FacetSpec(
                "story", "st.id", "JOIN stories st ON list_contains(st.doc_ids, b._id)", "st.label"
            ),
            FacetSpec("source", "b.source"),
        ],
    )
    return DocumentFacets(total, by["story"], by["source"])


def get_document(store: Store, doc_id: str) -> DocumentDetail | None:
    documents = list(store.records(Document, where="id = ?", params=[doc_id]))
    if not documents:
        return None
    p = [doc_id]
    entities = list(
        store.records(
            Entity,
            where="id IN (SELECT entity_id FROM mentions WHERE doc_id = ? "
            "UNION SELECT speaker_entity_id FROM quotes WHERE doc_id = ?)",
            params=[doc_id, doc_id],
            order="name",
        )
    )
    return DocumentDetail(
        document=documents[0],
        timexes=list(store.records(Timex, where="doc_id = ?", params=p, order="start")),
        mentions=list(store.records(Mention, where="doc_id = ?", params=p, order="start")),
        roles=list(store.records(Role, where="doc_id = ?", params=p, order="start")),
        quotes=list(store.records(Quote, where="doc_id = ?", params=p, order="start")),
        events=list(store.records(Event, where="doc_id = ?", params=p, order="trigger.start")),
        entities=entities,
    )

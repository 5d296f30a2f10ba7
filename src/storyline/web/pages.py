"""The web UI: server-rendered pages (Jinja2) over the same queries as the JSON API.

Reads: the served database through ``storyline.store.reads``. Writes: HTML. Static files (CSS, the
small scripts for highlighting and the network drawing) are served from ``web/static``; nothing is
loaded from another host, so the UI works offline.
"""

from __future__ import annotations

import csv
import io
import urllib.parse
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, FastAPI, HTTPException, Query, Request
from fastapi.exception_handlers import (
    http_exception_handler,
    request_validation_exception_handler,
)
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

from storyline.api.routes import (
    Db,
    Offset,
    PathId,
    event_filters,
    quote_filters,
    timeline_filters,
)
from storyline.records import Event, Quote, TimelineEntry
from storyline.store import reads as q
from storyline.store import search as search_api
from storyline.store.db import Store
from storyline.web import chart
from storyline.web.dates import Zoom, bucket, nice_date, sortable
from storyline.web.highlight import Mark, Segment, segments
from storyline.web.positions import build as position_chart
from storyline.web.text import Paragraph, link_url, paragraphs, source_name

HERE = Path(__file__).parent
router = APIRouter(include_in_schema=False)


def _templates() -> Jinja2Templates:
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    templates.env.filters["nicedate"] = nice_date
    templates.env.filters["cite"] = cite_url
    templates.env.filters["link_url"] = link_url
    templates.env.filters["first_words"] = q.first_words
    templates.env.globals["source_name"] = source_name
    templates.env.globals["timex_mods"] = TIMEX_MODS
    templates.env.filters["plural"] = lambda n, word: f"{n:,} {word}{'' if n == 1 else 's'}"
    templates.env.globals["query"] = _query
    return templates


def mount_web(app: FastAPI) -> None:
    """Add the pages, the static files and HTML error pages to ``app``."""
    from storyline.web.lists import router as lists

    app.state.templates = _templates()
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    app.include_router(router)
    app.include_router(lists)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if request.url.path.startswith("/api"):
            return await http_exception_handler(request, exc)
        return error_page(request, exc.status_code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        if request.url.path.startswith("/api"):
            return await request_validation_exception_handler(request, exc)
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e.get('loc', ())[1:])}: {e.get('msg', '')}"
            for e in exc.errors()
        )
        return error_page(request, 422, f"Bad request: {problems}")


DOCS_ASSETS = "/static-offline-docs"  # fastapi-offline's copy of Swagger UI and ReDoc


@router.get("/docs", response_class=HTMLResponse)
def api_docs(request: Request) -> HTMLResponse:
    """The Swagger UI of the JSON API."""
    return _docs_page(request, "swagger", "storyline API")


@router.get("/redoc", response_class=HTMLResponse)
def api_redoc(request: Request) -> HTMLResponse:
    """ReDoc's reference of the JSON API."""
    return _docs_page(request, "redoc", "storyline API reference")


def _docs_page(request: Request, kind: str, title: str) -> HTMLResponse:
    openapi_url = request.app.openapi_url or "/openapi.json"
    context = {"kind": kind, "title": title, "openapi_url": openapi_url, "assets": DOCS_ASSETS}
    return _render(request, "api_docs.html", context)


def error_page(request: Request, status: int, message: str) -> Response:
    """An HTML page for an error, with its status."""
    return _render(request, "error.html", {"status": status, "message": message}, status=status)


def busy_page(request: Request, retry: int) -> Response:
    """The page shown while another program (a ``storyline run``) holds the database: 503 with
    Retry-After, saying why and reloading itself after ``retry`` seconds."""
    response = _render(request, "busy.html", {"retry": retry}, status=503)
    response.headers["Retry-After"] = str(retry)
    return response


def _render(
    request: Request, name: str, context: dict[str, Any], status: int = 200
) -> HTMLResponse:
    templates: Jinja2Templates = request.app.state.templates
    return templates.TemplateResponse(request, name, context, status_code=status)


def _query(request: Request, **changes: Any) -> str:
    """The current URL's query string with ``changes`` applied (None removes a key)."""
    params = dict(request.query_params)
    for key, value in changes.items():
        if value is None or value == "":
            params.pop(key, None)
        else:
            params[key] = str(value)
    return "?" + urllib.parse.urlencode(params) if params else "?"


def cite_url(doc_id: str, start: int | None = None, end: int | None = None) -> str:
    """The document page with a character range highlighted."""
    base = "/documents/" + urllib.parse.quote(doc_id, safe="")
    return f"{base}#{start}-{end}" if start is not None and end is not None else base


# --- home -----------------------------------------------------------------------------------------


@router.get("/", response_class=HTMLResponse)
def home(request: Request, db: Db) -> HTMLResponse:
    counts = db.counts()
    context = {
        "counts": counts,
        "stories": q.list_stories(db, q.PageArgs(limit=12)).items,
        "actors": q.list_entities(
            db, q.EntityFilters(), q.PageArgs(limit=12, sort="-events")
        ).items,
        "documents": q.list_documents(db, q.Filters(), q.PageArgs(limit=8)).items,
        "types": q.type_counts(db),
    }
    return _render(request, "home.html", context)


# --- timeline -------------------------------------------------------------------------------------


@dataclass
class Source:
    """A cited document and the passages of it cited."""

    doc_id: str
    label: str
    spans: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class Item:
    """One line of the timeline view, from a timeline entry or (when there are none) an event."""

    date: str
    headline: str
    text: str
    types: list[str] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    referred: list[Source] = field(default_factory=list)  # sentences referring to it in passing

    @property
    def referred_count(self) -> int:
        """How many sentences refer to it in passing."""
        return sum(len(s.spans) for s in self.referred)

    @property
    def headline_is_lead(self) -> bool:
        """Whether the headline only repeats the start of the text (then the text is enough)."""
        return self.text.startswith(self.headline.rstrip("… .").strip())


def _sources(citations: list[tuple[str, int, int]], labels: dict[str, str]) -> list[Source]:
    by_doc: dict[str, Source] = {}
    for doc_id, start, end in citations:
        src = by_doc.setdefault(doc_id, Source(doc_id, labels.get(doc_id, doc_id)))
        if (start, end) not in src.spans:
            src.spans.append((start, end))
    return list(by_doc.values())


@dataclass
class Group:
    key: str
    label: str
    items: list[Item] = field(default_factory=list)


def _labels(db: Store, doc_ids: set[str]) -> dict[str, str]:
    """How to name each document in a list of sources: its title (or first words) and date."""
    if not doc_ids:
        return {}
    rows = db.sql(
        "SELECT id, title, source, external_id, published, left(text, 200) AS lead "
        f"FROM documents WHERE id IN {q.IN_LIST}",
        [sorted(doc_ids)],
    )
    return {
        r["id"]: f"{r['title'] or q.first_words(r['lead']) or 'article ' + r['external_id']}, "
        f"{nice_date((r['published'] or '')[:10] or None)}"
        for r in rows
    }


def _entry_items(db: Store, entries: list[TimelineEntry]) -> list[Item]:
    ids = [i for e in entries for i in e.story_event_ids]
    types = q.story_event_types(db, ids)
    references = q.story_event_references(db, ids)
    by_entry = []
    for e in entries:
        cited = [(c.doc_id, c.start, c.end) for c in e.citations]
        # A sentence the entry already cites is not cited again as a passing reference.
        passing = [
            span
            for i in e.story_event_ids
            for span in references.get(i, ())
            if not any(d == span[0] and s < span[2] and span[1] < end for d, s, end in cited)
        ]
        by_entry.append((e, cited, passing))
    labels = _labels(db, {span[0] for _, c, p in by_entry for span in (*c, *p)})
    return [
        Item(
            e.date,
            e.headline,
            e.text,
            sorted({types[i] for i in e.story_event_ids if i in types}),
            _sources(cited, labels),
            _sources(passing, labels),
        )
        for e, cited, passing in by_entry
    ]


def _event_items(db: Store, events: list[Event]) -> list[Item]:
    labels = _labels(db, {e.doc_id for e in events})
    items = []
    for e in events:
        src = ", ".join(a.name for a in e.source) or "someone"
        tgt = ", ".join(a.name for a in e.target)
        headline = f"{src} — {e.type.lower()}" + (f" — {tgt}" if tgt else "")
        cited = [(e.doc_id, e.sentence.start, e.sentence.end)]
        date = e.date.value if e.date else ""
        items.append(Item(date, headline, e.sentence.text, [e.type], _sources(cited, labels)))
    return items


TIMELINE_ROWS = 200


@router.get("/timeline", response_class=HTMLResponse)
def timeline_page(
    request: Request,
    db: Db,
    f: Annotated[q.Filters, Depends(timeline_filters)],
    zoom: Annotated[Zoom, Query()] = "month",
    offset: Offset = 0,
) -> HTMLResponse:
    page = q.timeline(db, f, q.PageArgs(limit=TIMELINE_ROWS, offset=offset))
    from_events = page.total == 0 and db.count("timeline") == 0
    if from_events:
        event_page = q.list_events(db, f, q.PageArgs(limit=TIMELINE_ROWS, offset=offset))
        items, total = _event_items(db, event_page.items), event_page.total
    else:
        items, total = _entry_items(db, page.items), page.total
    groups: dict[str, Group] = {}
    for item in items:
        key, label = bucket(item.date, zoom)
        groups.setdefault(key, Group(key, label)).items.append(item)
    ordered = [groups[k] for k in sorted(groups)]
    peak = max((len(g.items) for g in ordered), default=1)
    story = q.get_story(db, f.story) if f.story else None
    context = {
        "groups": ordered,
        "peak": peak,
        "total": total,
        "shown": len(items),
        "offset": offset,
        "rows": TIMELINE_ROWS,
        "zoom": zoom,
        "f": f,
        "story": story,
        "from_events": from_events,
        "facets": q.facets(db, f),
        "chart": events_chart(db, f, events_link(f)),
    }
    return _render(request, "timeline.html", context)


# --- actors ---------------------------------------------------------------------------------------


@dataclass
class Position:
    """A dated thing an actor said or did, for the actor page."""

    date: str | None
    kind: str  # "quote" or "event"
    badge: str  # "QUOTE" or the event type
    label: str
    text: str
    doc_id: str
    start: int
    end: int


def _positions(entity_id: str, quotes: list[Quote], events: list[Event]) -> list[Position]:
    out = [
        Position(
            qu.date,
            "quote",
            "QUOTE",
            f"{qu.kind} quote" + (f", {qu.cue.text}" if qu.cue else ""),
            qu.text,
            qu.doc_id,
            qu.start,
            qu.end,
        )
        for qu in quotes
    ]
    for e in events:
        acting = any(a.entity_id == entity_id for a in e.source)
        other = e.target if acting else e.source
        names = ", ".join(a.name for a in other) or "—"
        label = f"→ {names}" if acting else f"by {names}"
        if e.modality != "asserted":
            label += f" ({e.modality})"
        out.append(
            Position(
                e.date.value if e.date else None,
                "event",
                e.type,
                label,
                e.sentence.text,
                e.doc_id,
                e.sentence.start,
                e.sentence.end,
            )
        )
    return sorted(out, key=lambda p: (sortable(p.date), p.doc_id, p.start))


@router.get("/actors/{entity_id}", response_class=HTMLResponse)
def actor_page(
    request: Request, db: Db, entity_id: PathId, f: Annotated[q.Filters, Depends(event_filters)]
) -> HTMLResponse:
    detail = q.get_entity(db, entity_id, f)
    if detail is None:
        raise HTTPException(404, f"No actor with id {entity_id!r}.")
    positions = _positions(entity_id, detail.quotes, detail.events)
    scoped = replace(f, actor=entity_id, actor_ids=(entity_id,))
    context = {
        "d": detail,
        "positions": positions,
        "chart": events_chart(db, scoped, events_link(scoped)),
        "stance": position_chart(entity_id, detail.events, cite_url),
    }
    return _render(request, "actor.html", context)


# --- network --------------------------------------------------------------------------------------


@router.get("/network", response_class=HTMLResponse)
def network_page(
    request: Request, db: Db, f: Annotated[q.Filters, Depends(event_filters)]
) -> HTMLResponse:
    if "modality" not in request.query_params:  # by default, only what happened
        f = replace(f, modality=q.HAPPENED)
    net = q.network(db, f, q.PageArgs(limit=q.MAX_NETWORK_EDGES))
    names = {n.id: n.name for n in net.nodes}
    api_query = _query(request, modality=f.modality or "any")
    context = {
        "net": net,
        "names": names,
        "f": f,
        "facets": q.facets(db, f),
        "api_query": api_query,
    }
    return _render(request, "network.html", context)


# --- the map --------------------------------------------------------------------------------------

#: The most events the map reads (in pages of the list query's size).
MAP_EVENTS = 1000


@dataclass(frozen=True, slots=True)
class MapPoint:
    """A point events happened at (a resolved place), and those events."""

    name: str
    latitude: float
    longitude: float
    events: list[Event]


def map_points(events: Iterable[Event]) -> list[MapPoint]:
    """Placed events grouped by the point their place resolved to, most events first; places
    the gazetteer lacks have no point and are left off."""
    groups: dict[tuple[str, float, float], list[Event]] = {}
    for e in events:
        p = e.location
        if p is not None and p.latitude is not None and p.longitude is not None:
            groups.setdefault((p.resolved or p.name, p.latitude, p.longitude), []).append(e)
    points = [MapPoint(n, lat, lon, evs) for (n, lat, lon), evs in groups.items()]
    return sorted(points, key=lambda m: (-len(m.events), m.name))


@router.get("/map", response_class=HTMLResponse)
def map_page(
    request: Request, db: Db, f: Annotated[q.Filters, Depends(event_filters)]
) -> HTMLResponse:
    events: list[Event] = []
    while len(events) < MAP_EVENTS:
        page = q.list_events(db, f, q.PageArgs(limit=q.MAX_LIMIT, offset=len(events)))
        events += page.items
        if not page.items or len(events) >= page.total:
            break
    context = {"points": map_points(events), "f": f, "read": len(events), "facets": q.facets(db, f)}
    return _render(request, "map.html", context)


# --- events over time -----------------------------------------------------------------------------


def events_chart(db: Store, f: q.Filters, link: Callable[[str], str]) -> chart.Chart | None:
    """The bar chart of the events matching ``f``, each bar linked by ``link(period)``."""
    dated = q.date_counts(db, f)
    unit = chart.unit_for(dated.by("month"))
    return chart.build(dated.by(unit), unit, link, dated.coarser(unit))


def events_link(f: q.Filters) -> Callable[[str], str]:
    """The /events page of ``f``'s events in one period."""
    params = {
        "actor": f.actor,
        "country": f.country,
        "sector": f.sector,
        "type": f.type,
        "modality": f.modality,
        "story": f.story,
    }
    base = {k: v for k, v in params.items() if v}
    return lambda period: (
        "/events?" + urllib.parse.urlencode({**base, "date_from": period, "date_to": period})
    )


# --- events: a list with facets -------------------------------------------------------------------

EVENT_ROWS = 50
EVENT_FACETS = (  # (parameter, title, facet of q.Facets)
    ("type", "Type", "types"),
    ("modality", "Modality", "modalities"),
    ("country", "Country", "countries"),
    ("sector", "Sector", "sectors"),
    ("actor", "Actor", "actors"),
    ("story", "Story", "stories"),
)
EVENT_COLUMNS = ("date", "type", "modality", "source", "target", "sentence", "document", "link")


def event_row(e: Event) -> dict[str, str]:
    """An event as the list page shows it and its CSV gives it (names and dates in words)."""
    return {
        "date": nice_date(e.date.value) if e.date else "undated",
        "type": e.type,
        "modality": e.modality,
        "source": ", ".join(a.name for a in e.source),
        "target": ", ".join(a.name for a in e.target),
        "sentence": " ".join(e.sentence.text.split()),
        "document": e.doc_id,
        "link": cite_url(e.doc_id, e.sentence.start, e.sentence.end),
    }


@router.get("/events", response_class=HTMLResponse)
def events_page(
    request: Request,
    db: Db,
    f: Annotated[q.Filters, Depends(event_filters)],
    sort: Annotated[str | None, Query(pattern=r"^-?[a-z]{1,20}$")] = None,
    offset: Offset = 0,
) -> HTMLResponse:
    """Every event mention, filtered by facets with counts, sorted, paged and downloadable."""
    page = q.list_events(db, f, q.PageArgs(limit=EVENT_ROWS, offset=offset, sort=sort))
    facets = q.facets(db, f)
    groups = [(param, title, getattr(facets, name)) for param, title, name in EVENT_FACETS]
    chosen = {
        "type": f.type,
        "modality": f.modality,
        "country": f.country,
        "sector": f.sector,
        "actor": f.actor_ids[0] if len(f.actor_ids) == 1 else f.actor,
        "story": f.story,
    }
    context = {
        "page": page,
        "chart": events_chart(db, f, events_link(f)),
        "rows": [(e, event_row(e)) for e in page.items],
        "facets": facets,
        "groups": groups,
        "chosen": chosen,
        "sort": sort or "date",
        "f": f,
    }
    return _render(request, "events.html", context)


@router.get("/events.csv")
def events_csv(
    request: Request,
    db: Db,
    f: Annotated[q.Filters, Depends(event_filters)],
    sort: Annotated[str | None, Query(pattern=r"^-?[a-z]{1,20}$")] = None,
    offset: Offset = 0,
    limit: Annotated[int, Query(ge=1, le=q.MAX_LIMIT)] = EVENT_ROWS,
) -> Response:
    """The rows of /events with the same parameters, as CSV."""
    page = q.list_events(db, f, q.PageArgs(limit=limit, offset=offset, sort=sort))
    return _csv("events.csv", EVENT_COLUMNS, [event_row(e) for e in page.items])


# --- quotes: a list with facets -------------------------------------------------------------------

QUOTE_ROWS = 50
QUOTE_FACETS = (
    ("actor", "Speaker", "speakers"),
    ("country", "Country", "countries"),
    ("story", "Story", "stories"),
)
QUOTE_COLUMNS = ("date", "speaker", "kind", "cue", "quote", "document", "link")


def quote_row(qu: Quote) -> dict[str, str]:
    """A quote as the list page shows it and its CSV gives it."""
    return {
        "date": nice_date(qu.date) if qu.date else "undated",
        "speaker": qu.speaker or "unknown speaker",
        "kind": qu.kind,
        "cue": qu.cue.text if qu.cue else "",
        "quote": " ".join(qu.text.split()),
        "document": qu.doc_id,
        "link": cite_url(qu.doc_id, qu.start, qu.end),
    }


@router.get("/quotes", response_class=HTMLResponse)
def quotes_page(
    request: Request,
    db: Db,
    f: Annotated[q.Filters, Depends(quote_filters)],
    sort: Annotated[str | None, Query(pattern=r"^-?[a-z]{1,20}$")] = None,
    offset: Offset = 0,
) -> HTMLResponse:
    """Every quote, filtered by facets with counts, sorted, paged and downloadable."""
    page = q.list_quotes(db, f, q.PageArgs(limit=QUOTE_ROWS, offset=offset, sort=sort))
    facets = q.quote_facets(db, f)
    groups = [(param, title, getattr(facets, name)) for param, title, name in QUOTE_FACETS]
    chosen = {
        "actor": f.actor_ids[0] if len(f.actor_ids) == 1 else f.actor,
        "country": f.country,
        "story": f.story,
    }
    context = {
        "page": page,
        "rows": [(qu, quote_row(qu)) for qu in page.items],
        "facets": facets,
        "groups": groups,
        "chosen": chosen,
        "sort": sort or "date",
    }
    return _render(request, "quotes.html", context)


@router.get("/quotes.csv")
def quotes_csv(
    db: Db,
    f: Annotated[q.Filters, Depends(quote_filters)],
    sort: Annotated[str | None, Query(pattern=r"^-?[a-z]{1,20}$")] = None,
    offset: Offset = 0,
    limit: Annotated[int, Query(ge=1, le=q.MAX_LIMIT)] = QUOTE_ROWS,
) -> Response:
    """The rows of /quotes with the same parameters, as CSV."""
    page = q.list_quotes(db, f, q.PageArgs(limit=limit, offset=offset, sort=sort))
    return _csv("quotes.csv", QUOTE_COLUMNS, [quote_row(qu) for qu in page.items])


def _csv(name: str, columns: tuple[str, ...], rows: list[dict[str, str]]) -> Response:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return Response(
        out.getvalue(),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


# --- documents ------------------------------------------------------------------------------------


#: TIMEX3 modifiers in words.
TIMEX_MODS = {
    "START": "early",
    "MID": "middle",
    "END": "late",
    "BEFORE": "before",
    "AFTER": "after",
    "ON_OR_BEFORE": "on or before",
    "ON_OR_AFTER": "on or after",
    "APPROX": "about",
    "LESS_THAN": "less than",
    "MORE_THAN": "more than",
    "EQUAL_OR_LESS": "at most",
    "EQUAL_OR_MORE": "at least",
}


def document_marks(d: q.DocumentDetail) -> list[Mark]:
    """Everything to highlight in a document's text, with hover labels."""
    names = {e.id: e.name for e in d.entities}
    marks: list[Mark] = []
    for m in d.mentions:
        marks.append(
            Mark(m.start, m.end, "mention", f"{names.get(m.entity_id, m.entity_id)} ({m.kind})")
        )
    for t in d.timexes:
        mod = f" ({TIMEX_MODS.get(t.mod, t.mod.lower())})" if t.mod else ""
        marks.append(
            Mark(t.start, t.end, "timex", f"{t.type.capitalize()}: {nice_date(t.value)}" + mod)
        )
    for qu in d.quotes:
        who = qu.speaker or "unknown speaker"
        when = f", {nice_date(qu.date)}" if qu.date else ""
        marks.append(Mark(qu.start, qu.end, "quote", f"Quote ({qu.kind}) — {who}{when}"))
        if qu.speaker_start is not None and qu.speaker_end is not None:
            marks.append(Mark(qu.speaker_start, qu.speaker_end, "speaker", f"Speaker: {who}"))
        if qu.cue:
            marks.append(Mark(qu.cue.start, qu.cue.end, "cue", f"Cue: {qu.cue.text}"))
    for e in d.events:
        src = ", ".join(a.name for a in e.source) or "?"
        tgt = ", ".join(a.name for a in e.target) or "?"
        date = f", {nice_date(e.date.value)} ({e.date.basis})" if e.date else ""
        marks.append(
            Mark(
                e.trigger.start,
                e.trigger.end,
                "trigger",
                f"Event {e.type} ({e.modality}): {src} → {tgt}{date}",
            )
        )
    marks += place_marks(d.events)
    return marks


def place_marks(events: Iterable[Event]) -> list[Mark]:
    """Each place an event happened in, once per stretch of text, labelled with what it resolved
    to and the events it places."""
    by_span: dict[tuple[int, int], list[Event]] = {}
    for e in events:
        if e.location is not None:
            by_span.setdefault((e.location.start, e.location.end), []).append(e)
    marks = []
    for (start, end), placed in by_span.items():
        p = placed[0].location
        assert p is not None
        where = ", ".join(x for x in (p.resolved or p.name, p.subdivision, p.country) if x)
        point = f" ({p.latitude:.2f}, {p.longitude:.2f})" if p.latitude is not None else ""
        types = ", ".join(dict.fromkeys(e.type for e in placed))
        label = f"Place: {where}{point}; where {types} happened ({p.basis or 'sentence'})"
        marks.append(Mark(start, end, "place", label))
    return marks


@router.get("/documents/{doc_id}", response_class=HTMLResponse)
def document_page(request: Request, db: Db, doc_id: PathId) -> HTMLResponse:
    detail = q.get_document(db, doc_id)
    if detail is None:
        raise HTTPException(404, f"No document with id {doc_id!r}.")
    text = detail.document.text
    paras = paragraphs(text)
    cuts = [i for p in paras for i in (p.start, p.end)]
    segs = segments(text, document_marks(detail), cuts)
    names = {e.id: e for e in detail.entities}
    context = {
        "d": detail,
        "paragraphs": _group(segs, paras),
        "inferred_paragraphs": len(paras) > 1 and "\n" not in text.strip(),
        "entities": names,
    }
    return _render(request, "document.html", context)


@dataclass
class TextBlock:
    """A paragraph's segments and the blank space after it (kept in the page, not shown)."""

    segments: list[Segment] = field(default_factory=list)
    gap: list[Segment] = field(default_factory=list)


def _group(segs: list[Segment], paras: list[Paragraph]) -> list[TextBlock]:
    """Segments by paragraph; the blank space before the first one goes with an empty block."""
    blocks = [TextBlock()]
    starts = {p.start: i for i, p in enumerate(paras)}
    current: Paragraph | None = None
    for seg in segs:
        if seg.start in starts:
            current = paras[starts[seg.start]]
            blocks.append(TextBlock())
        if current is not None and seg.end <= current.end:
            blocks[-1].segments.append(seg)
        else:
            blocks[-1].gap.append(seg)
    return [b for b in blocks if b.segments or b.gap]


# --- search ---------------------------------------------------------------------------------------


SEARCH_ROWS = 20


@router.get("/search", response_class=HTMLResponse)
def search_page(
    request: Request,
    db: Db,
    q_: Annotated[str, Query(alias="q", max_length=q.MAX_QUERY_CHARS)] = "",
    kind: Annotated[search_api.SearchKind | None, Query()] = None,
    offset: Offset = 0,
) -> HTMLResponse:
    kinds = (kind,) if kind else search_api.KINDS
    results = None
    if len(q_.strip()) >= 2:
        results = search_api.search(db, q_, kinds, limit=SEARCH_ROWS, offset=offset)
    context = {"q": q_, "kind": kind, "results": results, "all_kinds": search_api.KINDS}
    return _render(request, "search.html", context)

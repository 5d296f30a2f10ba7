"""TimelineJS export: timeline entries as the JSON that TimelineJS (timeline.knightlab.com) reads.

Reads: TimelineEntry records. Writes: a dict ``{"title": ..., "events": [...]}``; each event has
``start_date`` (year, month, day as far as the entry's granularity goes, and a ``display_date``),
``text.headline``, ``text.text`` (with the citations), ``group`` (the story) and ``unique_id``.
"""

from __future__ import annotations

import hashlib
import html
from collections.abc import Iterable, Mapping
from typing import Any

from storyline.records import Document, TimelineEntry
from storyline.story import dates


def _date(entry: TimelineEntry) -> dict[str, str]:
    interval = dates.parse(entry.date)
    if interval is None:
        return {"display_date": entry.date}
    start = interval.start
    out = {"year": str(start.year)}
    if interval.granularity in ("day", "week", "month"):
        out["month"] = str(start.month)
    if interval.granularity in ("day", "week"):
        out["day"] = str(start.day)
    if interval.granularity != "day":
        out["display_date"] = entry.date
    return out


def _unique_id(entry: TimelineEntry) -> str:
    key = f"{entry.story_id}|{entry.date}|{entry.headline}"
    return "e" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def _citations_html(entry: TimelineEntry, docs: Mapping[str, Document]) -> str:
    items = []
    for c in entry.citations:
        d = docs.get(c.doc_id)
        name = html.escape((d.source or d.title or d.external_id) if d else c.doc_id)
        when = html.escape((d.published or "")[:10]) if d else ""
        label = f"{name} {when}".strip() + f" [{c.start}:{c.end}]"
        if d is not None and d.url:
            label = f'<a href="{html.escape(d.url, quote=True)}">{label}</a>'
        items.append(f"<li>{label}</li>")
    return f"<ul>{''.join(items)}</ul>" if items else ""


def to_timelinejs(
    entries: Iterable[TimelineEntry],
    documents: Iterable[Document] = (),
    title: str | None = None,
) -> dict[str, Any]:
    """The TimelineJS JSON object for the entries (``json.dumps`` it to a file)."""
    docs = {d.id: d for d in documents}
    events = []
    for e in entries:
        events.append(
            {
                "start_date": _date(e),
                "text": {
                    "headline": html.escape(e.headline),
                    "text": f"<p>{html.escape(e.text)}</p>{_citations_html(e, docs)}",
                },
                "group": e.story_id or "",
                "unique_id": _unique_id(e),
            }
        )
    out: dict[str, Any] = {"events": events}
    if title:
        out["title"] = {"text": {"headline": html.escape(title), "text": ""}}
    return out

"""Timeline renderers: timeline entries as plain text, Markdown, CSV, JSON Lines or TimelineJS.

Reads: TimelineEntry records (built by ``story.timeline``) and the Documents they cite. Writes:
text (the ``storyline timeline`` output); TimelineJS's JSON comes from ``export.timelinejs``.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Mapping

from storyline.errors import ConfigError
from storyline.records import Document, Story, TimelineEntry, to_dict


def _source_name(doc_id: str, docs: Mapping[str, Document]) -> str:
    d = docs.get(doc_id)
    if d is None:
        return doc_id
    when = (d.published or "")[:10]
    name = d.source or d.title or d.external_id
    return f"{name}, {when}" if when else name


def render_text(entries: Iterable[TimelineEntry], documents: Iterable[Document] = ()) -> str:
    """Plain text: one block per entry, its date, text and citations."""
    docs = {d.id: d for d in documents}
    blocks = []
    for e in entries:
        lines = [f"{e.date}  ({e.granularity})", f"  {e.text}"]
        for c in e.citations:
            lines.append(f"  - {_source_name(c.doc_id, docs)} [{c.doc_id} {c.start}:{c.end}]")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + ("\n" if blocks else "")


def render_markdown(
    entries: Iterable[TimelineEntry], documents: Iterable[Document] = (), title: str | None = None
) -> str:
    """Markdown: a heading per date, the text as a paragraph, numbered citations with links."""
    docs = {d.id: d for d in documents}
    out = [f"# {title}\n"] if title else []
    for e in entries:
        out.append(f"## {e.date}\n\n{e.text}\n")
        for i, c in enumerate(e.citations, 1):
            d = docs.get(c.doc_id)
            name = _source_name(c.doc_id, docs)
            link = f"[{name}]({d.url})" if d is not None and d.url else name
            out.append(f"{i}. {link}, characters {c.start}–{c.end}")
        out.append("")
    return "\n".join(out)


CSV_FIELDS = ("date", "granularity", "headline", "text", "story_event_ids", "citations", "story_id")


def render_csv(entries: Iterable[TimelineEntry]) -> str:
    """CSV, one row per entry; ids and citations ("doc_id:start-end") joined by spaces."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(CSV_FIELDS)
    for e in entries:
        writer.writerow(
            [
                e.date,
                e.granularity,
                e.headline,
                e.text,
                " ".join(e.story_event_ids),
                " ".join(f"{c.doc_id}:{c.start}-{c.end}" for c in e.citations),
                e.story_id or "",
            ]
        )
    return buf.getvalue()


def render_jsonl(entries: Iterable[TimelineEntry]) -> str:
    """JSON Lines, one entry (all fields) per line."""
    return "".join(json.dumps(to_dict(e), ensure_ascii=False) + "\n" for e in entries)


def find_story(stories: Iterable[Story], wanted: str) -> Story | None:
    """The story with id ``wanted``, else the first whose label contains it (case-insensitive)."""
    stories = list(stories)
    for s in stories:
        if s.id == wanted:
            return s
    low = wanted.lower()
    return next((s for s in stories if low in s.label.lower()), None)


def render(
    entries: list[TimelineEntry],
    fmt: str,
    documents: Iterable[Document] = (),
    title: str | None = None,
) -> str:
    """The entries in one of :data:`FORMATS` (text, markdown, timelinejs, csv, jsonl)."""
    if fmt == "text":
        return render_text(entries, documents)
    if fmt == "markdown":
        return render_markdown(entries, documents, title=title)
    if fmt == "csv":
        return render_csv(entries)
    if fmt == "jsonl":
        return render_jsonl(entries)
    if fmt == "timelinejs":
        from storyline.export.timelinejs import to_timelinejs

        return (
            json.dumps(to_timelinejs(entries, documents, title=title), ensure_ascii=False, indent=1)
            + "\n"
        )
    raise ConfigError(f"unknown timeline format {fmt!r}; valid: {', '.join(FORMATS)}")


#: The formats :func:`render` writes.
FORMATS = ("text", "markdown", "timelinejs", "csv", "jsonl")

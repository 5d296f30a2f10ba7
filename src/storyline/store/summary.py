"""The readable summary ``make demo`` prints: counts, quotes by speaker, events and a timeline.

Reads: the store. Writes: to a rich Console.
"""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from storyline.records import Event, Story, TimelineEntry
from storyline.store.db import Store
from storyline.store.queries import event_types, quotes_by_speaker


def _short(text: str, n: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def _actors(actors: list) -> str:  # type: ignore[type-arg]
    return ", ".join(f"{a.name} ({a.country or '?'}/{a.sector or '?'})" for a in actors) or "—"


def render_summary(store: Store, console: Console, events_shown: int = 12) -> None:
    counts = store.counts()
    console.rule("[bold]storyline")
    console.print(", ".join(f"{counts[t]:,} {t.replace('_', ' ')}" for t in counts), soft_wrap=True)

    speakers = quotes_by_speaker(store)
    if speakers:
        grid = Table(title="Quotes by speaker", show_lines=False)
        grid.add_column("speaker")
        grid.add_column("quotes", justify="right")
        grid.add_column("first quote")
        for row in speakers:
            grid.add_row(row["speaker"], str(row["n"]), _short(row["example"], 70))
        console.print(grid)

    types = event_types(store)
    if types:
        console.print("Events by type: " + ", ".join(f"{r['type']} {r['n']}" for r in types))
        grid = Table(title="Events (dated from the text first)")
        for col in ("date", "type", "modality", "source", "target", "sentence"):
            grid.add_column(col)
        shown = store.records(
            Event, order="date.basis = 'published', confidence DESC, doc_id, trigger.start"
        )
        for i, ev in enumerate(shown):
            if i >= events_shown:
                break
            date = f"{ev.date.value} ({ev.date.basis})" if ev.date else "—"
            grid.add_row(
                date,
                ev.type,
                ev.modality,
                _actors(ev.source),
                _actors(ev.target),
                _short(ev.sentence.text, 60),
            )
        console.print(grid)

    stories = list(store.records(Story, order="len(doc_ids) DESC, id"))
    if stories:
        top = stories[0]
        entries = list(
            store.records(TimelineEntry, where="story_id = ?", params=[top.id], order="date")
        )
        console.print(
            f"\n[bold]Timeline[/] of the largest story, [italic]{top.label}[/] "
            f"({len(top.doc_ids)} articles, {len(stories)} stories in all):"
        )
        for entry in entries:
            cites = len(entry.citations)
            console.print(
                f"  {entry.date:<12} {_short(entry.text, 80)}  [dim][{cites} source(s)][/]"
            )

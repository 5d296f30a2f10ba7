"""The readable summary ``make demo`` prints: counts, quotes by speaker, events and a timeline.

Reads: the store. Writes: to a rich Console.
"""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from storyline.records import Event, Story, TimelineEntry
from storyline.store import Store
from storyline.store.queries import event_types, quotes_by_speaker
from storyline.story.dates import sort_key


def _short(text: str, n: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def _actors(actors: list) -> str:  # type: ignore[type-arg]
    return ", ".join(f"{a.name} ({a.country or '?'}/{a.sector or '?'})" for a in actors) or "—"


def render_summary(
    store: Store, console: Console, events_shown: int = 10, stories_shown: int = 3
) -> None:
    """Counts, quotes by speaker, the most confident events, and the largest stories' timelines."""
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
        console.print(
            "\n[bold]Events[/] by type: " + ", ".join(f"{r['type']} {r['n']}" for r in types)
        )
        console.print(
            "[dim]The most confident, dated from the text (date, type, modality, who → whom, sentence):[/]"
        )
        shown = store.records(
            Event, order="date.basis = 'published', confidence DESC, doc_id, trigger.start"
        )
        for i, ev in enumerate(shown):
            if i >= events_shown:
                break
            date = ev.date.value if ev.date else "undated"
            console.print(
                f"  {date:<11} {ev.type:<9} {ev.modality:<10} {_actors(ev.source)} → "
                f"{_actors(ev.target)}\n  {'':<11} [italic]{_short(ev.sentence.text, 95)}[/]",
                soft_wrap=True,
            )

    stories = list(store.records(Story, order="len(doc_ids) DESC, id"))
    if stories:
        console.print(f"\n[bold]Stories[/]: {len(stories)}; the timelines of the largest:")
    for story in stories[:stories_shown]:
        entries = sorted(
            store.records(TimelineEntry, where="story_id = ?", params=[story.id]),
            key=lambda e: sort_key(e.date),
        )
        console.print(
            f"\n[bold]{story.label}[/] ({len(story.doc_ids)} articles, "
            f"{story.start or '?'} to {story.end or '?'})"
        )
        for entry in entries:
            cites = len(entry.citations)
            console.print(
                f"  {entry.date:<11} {_short(entry.text, 85)} [dim][{cites} source(s)][/]",
                soft_wrap=True,
            )

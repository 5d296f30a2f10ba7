"""An actor's stance toward others over time: one lane per counterpart, one mark per event the actor
was the source of, on a real time axis, coloured by PLOVER's quad class and hollow when the event did
not happen (planned, negated, hypothetical); each mark links to its sentence.

Reads: the actor's events (records). Writes: the geometry of an SVG drawn by the actor template
(no script, no inline style).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from storyline.records import Event
from storyline.web.dates import MONTHS, nice_date, sortable

#: PLOVER's quad classes.
QUADS: dict[str, tuple[str, ...]] = {
    "verbal-coop": ("AGREE", "CONSULT", "SUPPORT"),
    "material-coop": ("CONCEDE", "COOPERATE", "AID", "RETREAT"),
    "verbal-conflict": ("REQUEST", "ACCUSE", "REJECT", "THREATEN"),
    "material-conflict": ("PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"),
}
QUAD_NAMES = {
    "verbal-coop": "verbal cooperation",
    "material-coop": "material cooperation",
    "verbal-conflict": "verbal conflict",
    "material-conflict": "material conflict",
}
HAPPENED = ("asserted", "reported")
MAX_LANES = 6
WIDTH, LANE, LEFT, AXIS = 900, 34, 170, 22


def quad(event_type: str) -> str:
    for name, types in QUADS.items():
        if event_type in types:
            return name
    return "verbal-conflict"


def _date(value: str | None) -> dt.date | None:
    text = sortable(value)
    for n, suffix in ((10, ""), (7, "-01"), (4, "-01-01")):
        try:
            return dt.date.fromisoformat(text[:n] + suffix)
        except ValueError:
            continue
    return None


@dataclass
class Mark:
    x: float
    y: float
    quad: str
    happened: bool
    href: str
    title: str


@dataclass
class Lane:
    name: str
    entity_id: str
    y: float
    count: int


@dataclass
class PositionChart:
    lanes: list[Lane]
    marks: list[Mark]
    ticks: list[tuple[float, str]]
    height: int
    undated: int = 0
    others: int = 0  # counterparts beyond the lanes shown
    width: int = WIDTH
    left: int = LEFT
    axis: int = AXIS
    quads: dict[str, str] = field(default_factory=lambda: dict(QUAD_NAMES))


def build(
    entity_id: str, events: list[Event], cite: Callable[[str, int, int], str]
) -> PositionChart | None:
    """The chart of the events ``entity_id`` was a source of, toward each target entity; ``cite``
    gives the address of a sentence (document id, start, end)."""
    rows: list[tuple[str, str, Event, dt.date]] = []
    undated = 0
    for e in events:
        if not any(a.entity_id == entity_id for a in e.source):
            continue
        day = _date(e.date.value) if e.date else None
        for t in e.target:
            if t.entity_id and t.entity_id != entity_id:
                if day is None:
                    undated += 1
                else:
                    rows.append((t.entity_id, t.name, e, day))
    if not rows:
        return None
    counts: dict[str, int] = {}
    names: dict[str, str] = {}
    for target, name, _, _ in rows:
        counts[target] = counts.get(target, 0) + 1
        names.setdefault(target, name)
    ranked = sorted(counts, key=lambda t: (-counts[t], names[t].lower()))
    shown = ranked[:MAX_LANES]
    lanes = [
        Lane(names[t], t, AXIS // 2 + i * LANE + LANE / 2, counts[t]) for i, t in enumerate(shown)
    ]
    lane_y = {lane.entity_id: lane.y for lane in lanes}
    first = min(d for *_, d in rows)
    last = max(d for *_, d in rows)
    first, last = first.replace(day=1), (last.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    span = max((last - first).days, 1)
    plot = WIDTH - LEFT - 16

    def x_of(day: dt.date) -> float:
        return round(LEFT + plot * (day - first).days / span, 1)

    marks = []
    seen: dict[tuple[str, float], int] = {}
    for target, _, e, day in rows:
        if target not in lane_y:
            continue
        x = x_of(day)
        k = seen.get((target, x), 0)  # marks on one day step up and down the lane
        seen[(target, x)] = k + 1
        dy = (k + 1) // 2 * 6 * (1 if k % 2 else -1)
        happened = e.modality in HAPPENED
        title = f"{nice_date(e.date.value if e.date else None)}: {e.type}" + (
            "" if happened else f" ({e.modality})"
        )
        title += f" toward {names[target]} — " + " ".join(e.sentence.text.split())[:160]
        href = cite(e.doc_id, e.sentence.start, e.sentence.end)
        marks.append(Mark(x, lane_y[target] + dy, quad(e.type), happened, href, title))
    height = AXIS // 2 + LANE * len(lanes) + AXIS
    return PositionChart(
        lanes, marks, _ticks(first, last, x_of), height, undated, len(ranked) - len(shown)
    )


def _ticks(
    first: dt.date, last: dt.date, x_of: Callable[[dt.date], float]
) -> list[tuple[float, str]]:
    months = (last.year - first.year) * 12 + last.month - first.month
    every = 1 if months <= 8 else 3 if months <= 24 else 12
    out: list[tuple[float, str]] = []
    y, m = first.year, first.month
    while (y, m) <= (last.year, last.month):
        if (m - 1) % every == 0:
            label = f"{MONTHS[m - 1][:3]} {y}" if m == 1 or not out else MONTHS[m - 1][:3]
            out.append((x_of(dt.date(y, m, 1)), label))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out

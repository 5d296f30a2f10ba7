"""Events over time as a bar chart on a real time axis: one bar per day, month or year from the first
to the last dated event (empty periods included), stacked by PLOVER family (planned, negated and
hypothetical events pale above those that happened), each bar a link to the events it counts.

Reads: counts per period and type (``store.reads.event_counts``). Writes: the geometry of an SVG that
the templates draw (no script, no inline style: the page's Content-Security-Policy allows neither).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from storyline.store.reads import PeriodCount
from storyline.web.dates import MONTHS, nice_date

Unit = Literal["year", "month", "day"]

#: PLOVER types by family, drawn bottom to top in this order.
FAMILIES: dict[str, tuple[str, ...]] = {
    "coop": ("AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID"),
    "retreat": ("CONCEDE", "RETREAT"),
    "conflict": (),  # every other type
}
FAMILY_NAMES = {"coop": "cooperation", "retreat": "concession", "conflict": "conflict"}
WIDTH, HEIGHT, AXIS = 900, 150, 22  # the SVG's user units
MAX_DAYS = 120  # a longer span is counted by month
MAX_MONTHS = 72  # and a longer one by year


def family(event_type: str) -> str:
    for name, types in FAMILIES.items():
        if event_type in types:
            return name
    return "conflict"


def unit_for(month_counts: list[PeriodCount]) -> Unit:
    """Days for a span of a few months, months for a few years, else years (from counts by month)."""
    if not month_counts:
        return "month"
    months = periods(month_counts[0].period, month_counts[-1].period, "month")
    if len(months) * 30 <= MAX_DAYS:
        return "day"
    return "month" if len(months) <= MAX_MONTHS else "year"


def periods(first: str, last: str, unit: Unit) -> list[str]:
    """Every period of ``unit`` from ``first`` to ``last`` (both in the unit's format)."""
    out = []
    if unit == "year":
        return [str(y) for y in range(int(first), int(last) + 1)]
    if unit == "month":
        y, m = int(first[:4]), int(first[5:7])
        while f"{y:04d}-{m:02d}" <= last:
            out.append(f"{y:04d}-{m:02d}")
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        return out
    d, end = dt.date.fromisoformat(first), dt.date.fromisoformat(last)
    while d <= end:
        out.append(d.isoformat())
        d += dt.timedelta(days=1)
    return out


@dataclass
class Segment:
    family: str
    happened: bool  # else drawn pale: planned, negated or hypothetical
    y: float
    height: float
    count: int


@dataclass
class Bar:
    period: str
    label: str  # the period in words
    href: str
    x: float
    width: float
    total: int
    segments: list[Segment] = field(default_factory=list)

    @property
    def title(self) -> str:
        parts = ", ".join(
            f"{s.count} {FAMILY_NAMES[s.family]}" + ("" if s.happened else " not happened")
            for s in self.segments
        )
        return f"{self.label}: {self.total} event{'' if self.total == 1 else 's'}" + (
            f" ({parts})" if parts else ""
        )


@dataclass
class Chart:
    unit: Unit
    bars: list[Bar]
    ticks: list[tuple[float, str]]  # x and label of the axis marks
    peak: int
    total: int
    coarse: int = 0  # events dated more coarsely than the unit, not drawn
    width: int = WIDTH
    height: int = HEIGHT
    axis: int = AXIS


def build(
    counts: list[PeriodCount], unit: Unit, href_of: Callable[[str], str], coarse: int = 0
) -> Chart | None:
    """The chart of ``counts`` (None when nothing is dated finely enough to draw)."""
    if not counts:
        return None
    by_period: dict[str, dict[tuple[str, bool], int]] = {}
    for c in counts:
        fam = by_period.setdefault(c.period, {})
        key = (family(c.type), c.happened)
        fam[key] = fam.get(key, 0) + c.count
    spans = periods(min(by_period), max(by_period), unit)
    peak = max(sum(f.values()) for f in by_period.values())
    step = WIDTH / len(spans)
    gap = min(2.0, step * 0.15)
    plot = HEIGHT - AXIS
    bars = []
    for i, period in enumerate(spans):
        fams = by_period.get(period, {})
        bar = Bar(period, nice_date(period), href_of(period), i * step + gap / 2, step - gap, 0)
        y = float(plot)
        for name in FAMILIES:
            for happened in (True, False):
                n = fams.get((name, happened), 0)
                if n:
                    h = plot * n / peak
                    y -= h
                    bar.segments.append(Segment(name, happened, round(y, 2), round(h, 2), n))
                    bar.total += n
        bars.append(bar)
    return Chart(unit, bars, _ticks(spans, unit, step), peak, sum(b.total for b in bars), coarse)


def _ticks(spans: list[str], unit: Unit, step: float) -> list[tuple[float, str]]:
    """Axis labels at most every 70 units: years, first months of quarters or years, Mondays."""
    every = max(1, int(70 // step) + 1)
    out: list[tuple[float, str]] = []
    for i, p in enumerate(spans):
        if unit == "year":
            label = p if i % every == 0 else ""
        elif unit == "month":
            month = int(p[5:7])
            if i == 0 or month == 1:
                label = f"{MONTHS[month - 1][:3]} {p[:4]}"
            elif every <= 3 and (month - 1) % every == 0:
                label = MONTHS[month - 1][:3]
            else:
                label = ""
        else:
            d = dt.date.fromisoformat(p)
            label = f"{d.day} {MONTHS[d.month - 1][:3]}" if i % max(every, 7) == 0 else ""
        if label:
            out.append((round(i * step + step / 2, 2), label))
    return out

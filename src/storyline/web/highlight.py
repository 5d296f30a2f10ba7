"""Cut a document's text into segments carrying the marks (quotes, events, timexes, ...) over them.

Reads: a text and marks with offsets. Writes: segments for the document template. Marks may overlap
and nest; every segment is covered by the same set of marks throughout, so the template can render it
as one ``<span>`` without breaking the HTML nesting. Offsets are code points, ``[start, end)``.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Mark:
    """A stretch of text to show: ``kind`` becomes a CSS class, ``label`` the hover text."""

    start: int
    end: int
    kind: str  # quote, trigger, timex, mention, speaker, cue
    label: str


@dataclass(frozen=True, slots=True)
class Segment:
    start: int
    end: int
    text: str
    kinds: tuple[str, ...]  # sorted, distinct
    labels: tuple[str, ...]  # in mark order, distinct


def segments(text: str, marks: Iterable[Mark], cuts: Iterable[int] = ()) -> list[Segment]:
    """The text cut at every mark boundary (and at ``cuts``, such as paragraph ends); marks outside
    the text are clipped, empty ones dropped."""
    n = len(text)
    clipped = []
    for m in marks:
        start, end = max(0, min(m.start, n)), max(0, min(m.end, n))
        if start < end:
            clipped.append((start, end, m))
    extra = (c for c in cuts if 0 < c < n)
    points = sorted({0, n, *extra, *(s for s, _, _ in clipped), *(e for _, e, _ in clipped)})
    starts: dict[int, list[int]] = {}
    ends: dict[int, list[int]] = {}
    for i, (s, e, _) in enumerate(clipped):
        starts.setdefault(s, []).append(i)
        ends.setdefault(e, []).append(i)
    active: set[int] = set()
    out: list[Segment] = []
    for a, b in itertools.pairwise(points):
        active.difference_update(ends.get(a, ()))
        active.update(starts.get(a, ()))
        covering = [clipped[i][2] for i in sorted(active)]
        kinds = tuple(sorted({m.kind for m in covering}))
        labels = tuple(dict.fromkeys(m.label for m in covering if m.label))
        out.append(Segment(a, b, text[a:b], kinds, labels))
    return out

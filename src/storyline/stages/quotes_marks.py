"""Quotation marks in raw text: which marks pair up, across paragraphs, without ever failing.

Reads: a string. Writes: :class:`Marked` spans (character offsets into that string).

Only double marks are paired (straight ``"``, curly ``“ ”``, low ``„``, guillemets ``« »``): single
marks double as apostrophes and, in news, mark quotes nested inside double ones, which stay part
of the outer quote. News convention for a quote running over several paragraphs: each paragraph
opens with a mark and only the last one closes. A mark that never pairs is tolerated: the quote
runs to the end of its paragraph.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass

OPENING = frozenset("“„«")
CLOSING = frozenset("”»")
STRAIGHT = frozenset('"')
ALL_MARKS = OPENING | CLOSING | STRAIGHT
# A straight mark right after one of these (or at a paragraph start) opens a quote.
_OPEN_CONTEXT = frozenset(" \t\n([{—–-/‘'")
_PARAGRAPH = re.compile(r"[^\n]+")


class Covered:
    """Whether a character lies in any of some ``[start, end)`` ranges (overlapping or not), by a
    binary search: a scan of every range for every token made long articles quadratic."""

    def __init__(self, ranges: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(ranges)
        self._starts = [start for start, _ in ordered]
        # The furthest end of the ranges starting at or before each one.
        self._reach = list(itertools.accumulate((end for _, end in ordered), max))

    def __contains__(self, char: int) -> bool:
        i = bisect_right(self._starts, char)
        return i > 0 and self._reach[i - 1] > char


@dataclass(frozen=True, slots=True)
class Marked:
    """A quoted stretch: content ``[start, end)`` between the opening mark at ``open`` and the
    closing mark at ``end`` (or the end of the paragraph when ``closed`` is false)."""

    open: int
    start: int
    end: int
    closed: bool
    paragraphs: int = 1


def _is_opening(text: str, i: int, para_start: int) -> bool:
    char = text[i]
    if char in OPENING:
        return True
    if char in CLOSING:
        return False
    return i == para_start or text[i - 1] in _OPEN_CONTEXT


def _pairs_in(text: str, start: int, end: int) -> tuple[list[Marked], int | None]:
    """Paired marks of one paragraph, and the position of an opening mark left unpaired."""
    found: list[Marked] = []
    pending: int | None = None
    for i in range(start, end):
        if text[i] not in ALL_MARKS:
            continue
        if _is_opening(text, i, start):
            # A second opening mark while one is pending: the first was never closed; the
            # fresh one is the better guess (nested quotes use single marks).
            pending = i
        elif pending is not None:
            found.append(Marked(pending, pending + 1, i, closed=True))
            pending = None
        # a closing mark with nothing open is ignored
    return found, pending


def find_marked(text: str) -> list[Marked]:
    """The quoted stretches of ``text``, in order. Never raises on unbalanced marks."""
    paragraphs = [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text) if m.group().strip()]
    result: list[Marked] = []
    carry: Marked | None = None  # a quote running on from earlier paragraphs
    for index, (p_start, p_end) in enumerate(paragraphs):
        lead = p_start + (len(text[p_start:p_end]) - len(text[p_start:p_end].lstrip()))
        pairs, pending = _pairs_in(text, lead, p_end)
        if carry is not None:
            if pairs and pairs[0].open == lead:
                # the run-on quote closes in this paragraph
                first = pairs.pop(0)
                result.append(
                    Marked(carry.open, carry.start, first.end, True, carry.paragraphs + 1)
                )
                carry = None
            elif pending == lead and not pairs:
                carry = Marked(
                    carry.open, carry.start, _rstrip(text, lead, p_end), False, carry.paragraphs + 1
                )
                pending = None
            else:  # the quote never closed: it ended with its last paragraph
                result.append(carry)
                carry = None
        result.extend(pairs)
        if pending is not None:
            unpaired = Marked(pending, pending + 1, _rstrip(text, pending + 1, p_end), False)
            next_lead = _lead_of(text, paragraphs, index + 1)
            if next_lead is not None and text[next_lead] in OPENING | STRAIGHT:
                carry = unpaired
            else:
                result.append(unpaired)
    if carry is not None:
        result.append(carry)
    return [m for m in result if m.end > m.start]


def _lead_of(text: str, paragraphs: list[tuple[int, int]], index: int) -> int | None:
    if index >= len(paragraphs):
        return None
    start, end = paragraphs[index]
    return start + (len(text[start:end]) - len(text[start:end].lstrip()))


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end

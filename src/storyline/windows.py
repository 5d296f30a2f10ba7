"""Very long documents analysed in windows: where to cut, and the records moved back and merged.

Reads: nothing. Writes: nothing. Pure functions over text and records.

The model's and the stages' cost grows faster than a document's length (the parser's memory, and
steps that look over every mention or quote of the document for each token), so a document longer
than ``pipeline.window_chars`` is cut into windows of at most that many characters, each analysed as
a ``Doc`` of its own. Cuts fall at a paragraph end where the second half of a window has one, else at
the end of a line or a sentence, else at a space (only a run of ``window_chars / 2`` characters with
none of these is cut in the middle). The records of each window are shifted to the document's
offsets, so ``record.text == document.text[record.start:record.end]`` holds as for a whole document.
What the stages link across sentences (a pronoun to its name, a quote to a speaker named a paragraph
before, "the next day" to an earlier date) is not linked across a cut.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any, TypeVar

from storyline.records import Entity

T = TypeVar("T")

# Where a window may end, best first; each cut is at the start of group 1 (the whitespace after
# the window's last character). Searched in the second half of the window only.
_CUTS = (
    re.compile(r"\S(\s*\n[ \t]*\n)"),  # a paragraph end (a blank line)
    re.compile(r"[.!?:;\"”’)\]](\s*\n)"),  # a line ending with punctuation
    re.compile(r"[.!?][\"”’)\]]*(\s)"),  # a sentence end
    re.compile(r"\S(\s*\n)"),  # any line end
    re.compile(r"\S(\s)"),  # any space
)
_NON_SPACE = re.compile(r"\S")

#: Offset fields of the records and of the spans nested in them (Span, Actor, Place).
OFFSET_FIELDS = frozenset({"start", "end", "speaker_start", "speaker_end"})
#: Id fields that name a record by its offset: quote and event ids are ``{doc_id}:{letter}{start}``
#: (stages/quotes.py, stages/events/component.py), so they follow the offset they were made from.
OFFSET_ID_FIELDS = frozenset({"id", "quote_id"})
_OFFSET_ID = re.compile(r"(?P<prefix>.*:[A-Z])(?P<offset>\d+)")


def windows(text: str, size: int) -> list[tuple[int, int]]:
    """The ``[start, end)`` character ranges to analyse ``text`` in, each at most ``size`` long.

    A text of at most ``size`` characters is one window, the whole text. Otherwise the windows are
    in order, do not overlap, start on a non-space character, and leave out only the whitespace
    between them.
    """
    if len(text) <= size:
        return [(0, len(text))]
    out: list[tuple[int, int]] = []
    last = len(text.rstrip())
    start = _next_non_space(text, 0)
    while start < last:
        end = last if last - start <= size else _cut(text, start, start + size)
        out.append((start, end))
        start = _next_non_space(text, end)
    return out


def _next_non_space(text: str, pos: int) -> int:
    found = _NON_SPACE.search(text, pos)
    return found.start() if found else len(text)


def _cut(text: str, start: int, limit: int) -> int:
    """Where a window starting at ``start`` ends: the best cut in its second half, by ``_CUTS``."""
    low = start + (limit - start) // 2
    for pattern in _CUTS:
        cuts = [m.start(1) for m in pattern.finditer(text, low, limit + 1)]
        if cuts:
            return cuts[-1]
    return limit


def shift(record: T, by: int) -> T:
    """A record (or a span, actor or place in one) with its offsets and offset ids moved by ``by``."""
    if by == 0 or not dataclasses.is_dataclass(record):
        return record
    changes: dict[str, Any] = {}
    for f in dataclasses.fields(record):
        value = getattr(record, f.name)
        if value is None:
            continue
        if f.name in OFFSET_FIELDS and isinstance(value, int):
            changes[f.name] = value + by
        elif f.name in OFFSET_ID_FIELDS and isinstance(value, str):
            changes[f.name] = _shift_id(value, by)
        elif dataclasses.is_dataclass(value):
            changes[f.name] = shift(value, by)
        elif isinstance(value, list) and value and dataclasses.is_dataclass(value[0]):
            changes[f.name] = [shift(v, by) for v in value]
    return dataclasses.replace(record, **changes)  # type: ignore[type-var]


def _shift_id(value: str, by: int) -> str:
    match = _OFFSET_ID.fullmatch(value)
    if match is None:
        return value  # an entity id ("E…") names no offset
    return f"{match['prefix']}{int(match['offset']) + by}"


def merge_entities(parts: list[list[Entity]]) -> list[Entity]:
    """The entities of several windows as one list by id: the first window's codes for an entity
    named in several, and the aliases of all of them."""
    merged: dict[str, Entity] = {}
    aliases: dict[str, set[str]] = {}
    for entities in parts:
        for entity in entities:
            merged.setdefault(entity.id, entity)
            aliases.setdefault(entity.id, set()).update(entity.aliases)
    return [
        dataclasses.replace(e, aliases=sorted(aliases[e.id] - {e.name}))
        for e in sorted(merged.values(), key=lambda e: e.id)
    ]

"""Interview transcripts run into the text: "VOA: What message did you bring? Richard Armitage,
former U.S. deputy secretary of state: The obvious message we brought ... VOA: ... Armitage: ...".

Reads: the text only. Writes nothing: returns :class:`Turn` values (character offsets only).

A *label* is one to four capitalized words opening a sentence (or the text), with an optional
description after a comma, and a colon ("Armitage:", "Richard Armitage, former deputy secretary
of state:"). A text is a transcript when at least two labels, told apart by their last word, each
open two or more turns: one stray "Note:" or "Update:" makes none. A turn runs from its label's
colon to the next label. The interviewer is the one whose turns are mostly questions (or who is
called so: "Q", "Question", "Interviewer"); the other turns are what the interviewee said, each a
direct quote of the person the label names, interviewer and interviewee kept apart.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

#: A label opening a sentence: capitalized words, an optional ", description", and a colon.
_LABEL = re.compile(
    r"(?:^|(?<=[.?!\"”’)\]]\s)|(?<=\n))"
    r"(?P<name>[A-Z][\w.’'-]*(?:\s[A-Z][\w.’'-]*){0,3})"
    r"(?P<desc>,\s(?:[^:?!.\"“”]|\.(?!\s+[A-Z])){2,80})?:\s"
)
#: Labels that name the one asking.
INTERVIEWER_LABELS = frozenset({"q", "question", "interviewer", "host"})
#: Turns a label must open, for two labels at least, to make a transcript.
MIN_TURNS = 2


@dataclass(frozen=True, slots=True)
class Turn:
    """One turn of a transcript: the label's name (``name_start``..``name_end``), its colon, and
    what was said (``start``..``end``); ``asks`` when it is the interviewer's."""

    name_start: int
    name_end: int
    colon: int
    start: int
    end: int
    asks: bool


def transcript_turns(text: str) -> list[Turn]:
    """The turns of an interview transcript in the text, in order; none when it is not one."""
    labels = list(_LABEL.finditer(text))
    keys = [_key(m.group("name")) for m in labels]
    counts = Counter(keys)
    if sum(1 for n in counts.values() if n >= MIN_TURNS) < 2:
        return []
    turns: list[tuple[str, re.Match[str], int, int]] = []
    for i, match in enumerate(labels):
        start = match.end()
        end = labels[i + 1].start() if i + 1 < len(labels) else len(text)
        while end > start and text[end - 1].isspace():
            end -= 1
        if counts[keys[i]] >= MIN_TURNS or match.group("desc"):
            turns.append((keys[i], match, start, end))
    questions = Counter(key for key, _, start, end in turns if _asks(text[start:end]))
    asker = {key for key in counts if key in INTERVIEWER_LABELS}
    asker |= {key for key, n in questions.items() if 2 * n > counts[key]}
    return [
        Turn(
            match.start("name"),
            match.end("name"),
            match.end() - 2,
            start,
            end,
            key in asker,
        )
        for key, match, start, end in turns
        if end > start
    ]


def _key(name: str) -> str:
    """A label as the word that tells its speakers apart: its last ("Richard Armitage" and
    "Armitage" are one)."""
    return name.rsplit(maxsplit=1)[-1].lower().strip(".")


def _asks(content: str) -> bool:
    """Whether a turn is a question: it ends with a question mark."""
    return content.rstrip(' "”’').endswith("?")

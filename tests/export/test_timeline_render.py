"""Timeline renderers: text, Markdown, CSV, JSON Lines and TimelineJS from hand-made entries."""

from __future__ import annotations

import csv
import io
import json

import pytest

from storyline.errors import ConfigError
from storyline.export.timeline import (
    CSV_FIELDS,
    FORMATS,
    find_story,
    render,
    render_csv,
    render_jsonl,
    render_markdown,
    render_text,
)
from storyline.records import Citation, Document, Story, TimelineEntry

DOCS = [
    Document(
        "d1",
        "in#1",
        "The Phnom Penh Post",
        "https://example.org/a",
        "A",
        "2022-10-28T08:00",
        "metadata",
        "Troops crossed the border. Talks began.",
    ),
    Document("d2", "in#2", None, None, "Talks", None, None, "Talks began, officials said."),
]
ENTRIES = [
    TimelineEntry(
        "T1",
        "2022-02-24",
        "day",
        "Troops crossed",
        "Troops crossed the border.",
        ["S1"],
        [Citation("d1", 0, 26)],
    ),
    TimelineEntry(
        "T1",
        "2022-10",
        "month",
        "Talks began",
        "Talks began, officials said.",
        ["S2", "S3"],
        [Citation("d1", 27, 39), Citation("d2", 0, 27)],
    ),
]


def test_text_gives_each_date_its_text_and_named_sources() -> None:
    text = render_text(ENTRIES, DOCS)
    assert text.startswith("2022-02-24  (day)\n  Troops crossed the border.\n")
    assert "  - The Phnom Penh Post, 2022-10-28 [d1 0:26]" in text
    assert "  - Talks [d2 0:27]" in text  # no source and no date: the title alone
    assert render_text([], DOCS) == ""


def test_markdown_links_the_sources_that_have_a_url() -> None:
    md = render_markdown(ENTRIES, DOCS, title="Cambodia and the war")
    assert md.startswith("# Cambodia and the war\n")
    assert "## 2022-10\n\nTalks began, officials said.\n" in md
    assert "1. [The Phnom Penh Post, 2022-10-28](https://example.org/a), characters 27–39" in md
    assert "2. Talks, characters 0–27" in md


def test_csv_and_jsonl_keep_every_entry_and_citation() -> None:
    rows = list(csv.DictReader(io.StringIO(render_csv(ENTRIES))))
    assert list(rows[0]) == list(CSV_FIELDS)
    assert [r["date"] for r in rows] == ["2022-02-24", "2022-10"]
    assert rows[1]["citations"] == "d1:27-39 d2:0-27" and rows[1]["story_event_ids"] == "S2 S3"
    lines = [json.loads(line) for line in render_jsonl(ENTRIES).splitlines()]
    assert lines[1]["citations"][1] == {"doc_id": "d2", "start": 0, "end": 27}


def test_render_dispatches_every_format_and_refuses_others() -> None:
    assert render(ENTRIES, "text", DOCS) == render_text(ENTRIES, DOCS)
    assert render(ENTRIES, "csv") == render_csv(ENTRIES)
    js = json.loads(render(ENTRIES, "timelinejs", DOCS, title="T"))
    assert len(js["events"]) == len(ENTRIES)
    for fmt in FORMATS:
        assert render(ENTRIES, fmt, DOCS)
    with pytest.raises(ConfigError, match="unknown timeline format"):
        render(ENTRIES, "pdf")


def test_find_story_by_id_then_by_label() -> None:
    stories = [
        Story("T1", "Cambodia and the war", None, None, []),
        Story("T2", "War", None, None, []),
    ]
    assert find_story(stories, "T2") is stories[1]
    assert find_story(stories, "cambodia") is stories[0]
    assert find_story(stories, "war") is stories[0]  # the first label holding it
    assert find_story(stories, "nothing") is None

"""Pairing quotation marks: curly and straight, across paragraphs, never failing on odd input."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from storyline.stages.quotes_marks import find_marked


def _texts(text: str) -> list[str]:
    return [text[m.start : m.end] for m in find_marked(text)]


def test_curly_and_straight_marks_pair():
    text = '“One,” he said. "Two," she said.'
    assert _texts(text) == ["One,", "Two,"]


def test_multi_paragraph_quote_without_closing_marks_is_one_quote():
    text = "“First paragraph.\n\n“Second paragraph.\n\n“Third,” he said.\n\nAfter."
    (mark,) = find_marked(text)
    assert text[mark.start : mark.end].startswith("First paragraph.")
    assert text[mark.start : mark.end].endswith("Third,")
    assert mark.paragraphs == 3
    assert mark.closed


def test_single_marks_stay_inside_the_outer_quote():
    text = "“He told me ‘leave now’ and I left,” she said."
    assert _texts(text) == ["He told me ‘leave now’ and I left,"]


def test_unpaired_opening_mark_runs_to_the_end_of_its_paragraph():
    text = "He said “this never closes.\n\nNext paragraph without marks."
    (mark,) = find_marked(text)
    assert text[mark.start : mark.end] == "this never closes."
    assert not mark.closed


def test_stray_closing_mark_is_ignored():
    assert find_marked("Nothing ” here.") == []


@given(st.text(alphabet='ab “”"\n,.', max_size=80))
def test_any_text_gives_spans_inside_it(text):
    for mark in find_marked(text):
        assert 0 <= mark.open < mark.start <= mark.end <= len(text)

"""Cutting a text into segments under overlapping marks."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from storyline.web.highlight import Mark, segments


def test_nested_and_overlapping_marks() -> None:
    text = "Hun Sen said: we stand firm."
    marks = [
        Mark(0, 7, "speaker", "Speaker: Hun Sen"),
        Mark(0, 7, "mention", "Hun Sen"),
        Mark(14, 27, "quote", "Quote"),
        Mark(17, 22, "trigger", "Event"),
    ]
    segs = segments(text, marks)
    assert "".join(s.text for s in segs) == text
    by_text = {s.text: s.kinds for s in segs}
    assert by_text["Hun Sen"] == ("mention", "speaker")
    assert by_text["stand"] == ("quote", "trigger")
    assert by_text["we "] == ("quote",)
    assert by_text[" said: "] == ()


def test_marks_outside_the_text_are_clipped() -> None:
    segs = segments(
        "abc", [Mark(2, 10, "quote", "q"), Mark(5, 9, "timex", "t"), Mark(1, 1, "x", "")]
    )
    assert [(s.text, s.kinds) for s in segs] == [("ab", ()), ("c", ("quote",))]


@given(
    st.text(min_size=0, max_size=40),
    st.lists(
        st.tuples(st.integers(-5, 45), st.integers(-5, 45), st.sampled_from("abc")), max_size=8
    ),
)
def test_segments_tile_the_text_and_carry_exactly_the_covering_marks(
    text: str, raw: list[tuple[int, int, str]]
) -> None:
    marks = [Mark(s, e, k, k) for s, e, k in raw]
    segs = segments(text, marks)
    assert "".join(s.text for s in segs) == text
    for seg in segs:
        assert text[seg.start : seg.end] == seg.text and seg.start < seg.end
        covering = {m.kind for m in marks if m.start <= seg.start and seg.end <= m.end}
        assert set(seg.kinds) == covering

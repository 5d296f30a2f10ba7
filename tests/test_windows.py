"""Windows of long documents: where the cuts fall, and records moved back to the document."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from storyline.records import Actor, Entity, Event, EventDate, Place, Quote, Span
from storyline.windows import merge_entities, shift, windows

SENTENCE = "The minister said the talks would resume on Monday. "


def _check(text: str, size: int) -> list[tuple[int, int]]:
    """The windows of ``text``, checked against the promises of ``windows``."""
    found = windows(text, size)
    if len(text) <= size:
        assert found == [(0, len(text))]
        return found
    covered = 0
    for start, end in found:
        assert 0 < end - start <= size
        assert not text[covered:start].strip()  # only whitespace between windows
        assert not text[start].isspace()
        covered = end
    assert not text[covered:].strip()
    return found


def test_a_short_text_is_one_window() -> None:
    assert windows("Hun Sen spoke.", 1000) == [(0, 14)]
    assert windows("x" * 1000, 1000) == [(0, 1000)]


def test_cuts_fall_at_paragraph_ends_when_there_are_some() -> None:
    paragraph = SENTENCE * 5
    text = "\n\n".join([paragraph.strip()] * 40)
    for start, end in _check(text, 1000):
        assert text[start:end].endswith("Monday.")
        assert end == len(text) or text[end : end + 2] == "\n\n"


def test_without_paragraphs_cuts_fall_at_sentence_ends() -> None:
    text = (SENTENCE * 100).strip()
    for _, end in _check(text, 1000):
        assert text[:end].endswith("Monday.")


def test_a_text_without_spaces_is_cut_hard() -> None:
    text = "x" * 2500
    assert _check(text, 1000) == [(0, 1000), (1000, 2000), (2000, 2500)]


@given(
    st.lists(
        st.sampled_from(["word", "Word.", " ", "\n", "\n\n", "“Yes,”", "x" * 30]), max_size=300
    ),
    st.integers(min_value=5, max_value=200),
)
def test_windows_cover_the_text_in_order(parts: list[str], size: int) -> None:
    text = "".join(parts).strip()
    _check(text, size)


def test_shift_moves_offsets_and_offset_ids_but_not_entity_ids() -> None:
    actor = Actor("E1", "Hun Sen", "KHM", "GOV", 10, 17)
    quote = Quote(
        "doc:Q30", "doc", 30, 40, "We agree.", "direct", Span(42, 46, "said"), "Hun Sen",
        "E1", 10, 17, None, None, "2022-03-03", "text",
    )  # fmt: skip
    event = Event(
        "doc:V42", "doc", "AGREE", None, "reported", [actor], [], EventDate("2022-03-03", "text"),
        Place("Phnom Penh", "KHM", 50, 60), Span(0, 70, "..."), Span(42, 46, "said"), "doc:Q30",
        0.5,
    )  # fmt: skip
    moved = shift(event, 1000)
    assert moved.id == "doc:V1042" and moved.quote_id == "doc:Q1030"
    assert moved.source == [Actor("E1", "Hun Sen", "KHM", "GOV", 1010, 1017)]
    assert moved.location == Place("Phnom Penh", "KHM", 1050, 1060)
    assert (moved.sentence.start, moved.trigger.end) == (1000, 1046)
    assert moved.date == event.date
    q = shift(quote, 5)
    assert (q.id, q.start, q.cue, q.speaker_start, q.speaker_end) == (
        "doc:Q35", 35, Span(47, 51, "said"), 15, 22,
    )  # fmt: skip
    assert q.speaker_entity_id == "E1"
    assert shift(quote, 0) is quote


def test_merged_entities_keep_the_first_codes_and_all_aliases() -> None:
    first = [Entity("E1", "Hun Sen", "PERSON", "KHM", "GOV", ["Sen"])]
    second = [
        Entity("E1", "Hun Sen", "PERSON", None, None, ["Samdech Hun Sen"]),
        Entity("E0", "Cambodia", "GPE", "KHM", None, []),
    ]
    assert merge_entities([first, second]) == [
        Entity("E0", "Cambodia", "GPE", "KHM", None, []),
        Entity("E1", "Hun Sen", "PERSON", "KHM", "GOV", ["Samdech Hun Sen", "Sen"]),
    ]

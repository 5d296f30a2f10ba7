"""How a document reads: paragraphs, the outlet's name, a heading for an untitled text."""

from __future__ import annotations

import pytest

from storyline.store.reads import first_words
from storyline.web.text import paragraphs, source_name

VOA = (
    "A second Iranian ship is heading to Iran, an exclusive VOA analysis has found. "
    "Ship-tracking websites show the Iranian-flagged cargo ship Jairan departed China on Monday. "
    "The Jairan was named in January and February articles by The Financial Times. "
    'Both are sanctioned by the U.S. Treasury Department, which called it "the preferred '
    'shipping line." Gen. Smith and Mr. Jones of Washington, D.C. agreed. '
    "It made a two-day stop at southern China's Zhuhai Gaolan port on Feb. 13. The end."
)


def texts(text: str) -> list[str]:
    return [text[p.start : p.end] for p in paragraphs(text)]


def test_lines_and_blank_lines_are_paragraphs() -> None:
    text = "First line.\nSecond line.\n\n  Third, after a blank line.  \n\n"
    assert texts(text) == ["First line.", "Second line.", "Third, after a blank line."]


def test_running_text_is_cut_at_sentence_ends_into_short_paragraphs() -> None:
    out = texts(VOA)
    assert len(out) >= 3
    assert " ".join(out) == " ".join(VOA.split())  # nothing lost, nothing moved
    for p in out:
        assert p.endswith((".", '."', "”")), p  # every paragraph ends a sentence
    joined = "\n".join(out)
    for abbreviation in ("U.S. Treasury", "Gen. Smith", "Mr. Jones", "D.C. agreed", "Feb. 13"):
        assert abbreviation in joined  # never cut after an abbreviation


def test_paragraph_offsets_are_exact() -> None:
    for p in paragraphs(VOA):
        assert VOA[p.start : p.end] == VOA[p.start : p.end].strip()
    assert paragraphs("") == [] and paragraphs("  \n ") == []


@pytest.mark.parametrize(
    ("source", "url", "expected"),
    [
        (None, "https://www.voanews.com/a/iraq-says/8011115.html", "VOA News"),
        ("WWW.VOANEWS.COM", None, "VOA News"),
        ("www.example.org", None, "example.org"),
        ("Voice of America", "https://www.voanews.com/a/x", "Voice of America"),
        ("The Phnom Penh Post", None, "The Phnom Penh Post"),
        (None, "https://news.example.co.uk/story", "news.example.co.uk"),
        (None, "https://learningenglish.voanews.com/a/x", "VOA News"),
        (None, "javascript:alert(3)", ""),
        (None, None, ""),
    ],
)
def test_source_name(source: str | None, url: str | None, expected: str) -> None:
    assert source_name(source, url) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Prime Minister Hun Sen said on Thursday that Cambodia would co-sponsor the UN "
            "resolution.",
            "Prime Minister Hun Sen said on Thursday that Cambodia would co-sponsor the…",
        ),
        ("Russia rejected the resolution. Then more.", "Russia rejected the resolution"),
        ("The U.S. said no. Then more text follows here.", "The U.S. said no"),
        ("Short", "Short"),
        ("", ""),
    ],
)
def test_first_words(text: str, expected: str) -> None:
    assert first_words(text) == expected

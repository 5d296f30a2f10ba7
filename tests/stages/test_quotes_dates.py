"""When a quote was said: the time expression of its telling, else the publication day."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from spacy.language import Language

from storyline.records import Quote, Timex
from storyline.stages import ensure_doc_extensions
from storyline.stages.quotes import find_quotes

pytestmark = pytest.mark.slow


def _quote(
    nlp: Language, text: str, content_start: str, timexes: Sequence[tuple[str, str]]
) -> Quote:
    """The quote of ``text`` starting with ``content_start``; ``timexes`` are (words, value)
    at their first occurrence."""
    ensure_doc_extensions()
    doc = nlp(text)
    doc._.doc_id = "d1"
    doc._.published = "2019-11-25"
    doc._.entities = []
    doc._.mentions = []
    doc._.timexes = [
        Timex("d1", text.index(w), text.index(w) + len(w), w, "DATE", v, None) for w, v in timexes
    ]
    (found,) = [q for q in find_quotes(doc) if q.text.startswith(content_start)]
    return found


def test_a_date_of_a_thing_does_not_date_the_telling(base_nlp: Language) -> None:
    text = (
        "Despite September's delivery of the missiles, Washington appeared to step back, "
        "indicating that sanctions would only be imposed if Ankara activated the system."
    )
    quote = _quote(base_nlp, text, "that sanctions", [("September", "2019-09")])
    assert (quote.date, quote.date_basis) == ("2019-11-25", "published")


def test_a_clause_telling_the_moment_dates_the_quote_by_its_day(base_nlp: Language) -> None:
    text = (
        "“These terrorists were in contact with their supporters via satellite phone,” Chaudhry "
        "told a news channel as he declared the operation over Wednesday night."
    )
    quote = _quote(base_nlp, text, "These terrorists", [("Wednesday night", "2019-11-20TNI")])
    assert (quote.date, quote.date_basis) == ("2019-11-20", "text")


def test_an_occasion_dated_before_dates_what_is_said_at_it(base_nlp: Language) -> None:
    text = (
        "Zamora attended the hearing on Monday. During the hearing, the judge said he and his "
        "staff had been threatened by unnamed individuals."
    )
    quote = _quote(base_nlp, text, "he and his staff", [("Monday", "2019-11-18")])
    assert (quote.date, quote.date_basis) == ("2019-11-18", "text")


def test_the_official_adding_is_the_official_who_told(base_nlp: Language) -> None:
    text = (
        "A senior State Department official told reporters at a briefing Wednesday that there "
        "was room for Turkey to come back to the table. The official added that sanctions could "
        "follow if Ankara activated the system."
    )
    quote = _quote(base_nlp, text, "that sanctions could", [("Wednesday", "2019-11-20")])
    assert quote.speaker == "senior State Department official"
    assert (quote.date, quote.date_basis) == ("2019-11-20", "text")


@pytest.mark.parametrize(
    ("when", "value", "expected"),
    [
        ("on Wednesday", "2019-11-20", ("2019-11-20", "context")),  # one occasion: that day
        ("earlier this month", "2019-11", ("2019-11-25", "published")),  # a month: no occasion
    ],
)
def test_a_speakers_undated_words_take_the_day_the_text_gave_their_words_before(
    base_nlp: Language, when: str, value: str, expected: tuple[str, str]
) -> None:
    text = (
        f"Trump said {when} that he would win the state. Polls show a close race. Trump said "
        "he would bring back waterboarding."
    )
    quote = _quote(base_nlp, text, "he would bring back", [(when, value)])
    assert (quote.date, quote.date_basis) == expected

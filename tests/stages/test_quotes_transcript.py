"""Interview transcripts run into the text (:mod:`storyline.stages.quotes_transcript`) and the
direct quotes of their interviewee."""

from __future__ import annotations

import pytest
from spacy.language import Language

from storyline.records import Quote
from storyline.stages.quotes_transcript import transcript_turns

INTERVIEW = (
    "The minister spoke to the station about the budget. VOA: What did you tell the council?"
    " Maria Lopez, finance minister of Chile: We told the council that taxes will not rise. I met"
    " the governor on Monday. VOA: Will the central bank cut rates? Lopez: The bank decides on its"
    " own. We respect the U.S. position."
)


def test_the_turns_of_an_interview_and_who_asks() -> None:
    turns = transcript_turns(INTERVIEW)
    labels = [INTERVIEW[t.name_start : t.name_end] for t in turns]
    assert labels == ["VOA", "Maria Lopez", "VOA", "Lopez"]
    assert [t.asks for t in turns] == [True, False, True, False]
    answer = turns[1]
    assert INTERVIEW[answer.start : answer.end] == (
        "We told the council that taxes will not rise. I met the governor on Monday."
    )
    assert INTERVIEW[answer.colon] == ":"


@pytest.mark.parametrize(
    "text",
    [
        "Note: this story was updated. The minister said taxes will not rise.",
        "Update: the vote was delayed. Lopez: We will wait. The council met on Monday.",
        "The plan has three parts: taxes, rates and wages. Officials said: it will work.",
    ],
)
def test_a_stray_label_makes_no_transcript(text: str) -> None:
    assert transcript_turns(text) == []


@pytest.mark.slow
def test_the_interviewees_answers_are_their_direct_quotes(nlp: Language) -> None:
    doc = nlp.make_doc(INTERVIEW)
    doc._.doc_id = "d1"
    doc._.published = "2025-03-12"
    for _, stage in nlp.pipeline:
        doc = stage(doc)
    quotes: list[Quote] = doc._.quotes
    answers = [
        q for q in quotes if q.kind == "direct" and q.text.startswith(("We told", "The bank"))
    ]
    assert [q.speaker for q in answers] == ["Maria Lopez", "Maria Lopez"]
    assert not [q for q in quotes if q.text.endswith("?")]  # the questions are no quotes
    met = [e for e in doc._.events if e.trigger.text == "met"]
    assert met and [a.name for a in met[0].source] == ["Maria Lopez"]  # "I" is the interviewee

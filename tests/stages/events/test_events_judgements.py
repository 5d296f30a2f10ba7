"""Unit cases of the events stage's judgements (:mod:`storyline.stages.events.judgements`): damning
statements someone tells, coded as accusations, rejections or (praise) support. Short texts parsed by the spaCy
model alone, with the other stages' records built by hand (``events_docs``)."""

from __future__ import annotations

import pytest
from events_docs import countries, make
from spacy.language import Language

from storyline.stages.events import extract_events

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("text", "quote", "etype", "source", "target"),
    [
        (
            '"Russia is the aggressor," Hun Sen said.',
            ("Russia is the aggressor,", "hun-sen"),
            "ACCUSE",
            {"KHM"},
            {"RUS"},
        ),
        ("Japan said Russia's claims were baseless.", None, "REJECT", {"JPN"}, {"RUS"}),
        (
            '"This is completely false," Hun Sen said.',
            ("This is completely false,", "hun-sen"),
            "REJECT",
            {"KHM"},
            set(),
        ),
        ("Japan said Russia was failing to rein in the rebels.", None, "ACCUSE", {"JPN"}, {"RUS"}),
        (
            '"Russia has failed to address the threat," Hun Sen said.',
            ("Russia has failed to address the threat,", "hun-sen"),
            "ACCUSE",
            {"KHM"},
            {"RUS"},
        ),
        (
            "Japan said Russia was evasive and cruel.",
            None,
            "ACCUSE",
            {"JPN"},
            {"RUS"},
        ),
        ("Japan said Russia was right.", None, "SUPPORT", {"JPN"}, {"RUS"}),
        (
            '"We are very proud of Russia," Hun Sen said.',
            ("We are very proud of Russia,", "hun-sen"),
            "SUPPORT",
            {"KHM"},
            {"RUS"},
        ),
        ("Japan said the speech of Russia was fantastic.", None, "SUPPORT", {"JPN"}, {"RUS"}),
        (
            '"We are grateful to Russia for its support," Hun Sen said.',
            ("We are grateful to Russia for its support,", "hun-sen"),
            "SUPPORT",
            {"KHM"},
            {"RUS"},
        ),
        (
            '"I am greatly honored by the endorsement of Russia," Hun Sen said.',
            ("I am greatly honored by the endorsement of Russia,", "hun-sen"),
            "SUPPORT",
            {"KHM"},
            {"RUS"},
        ),
        (
            "Japan said it was deeply concerned about the recent actions of Russia.",
            None,
            "ACCUSE",
            {"JPN"},
            {"RUS"},
        ),
        ("Japan said Russia was reckless.", None, "ACCUSE", {"JPN"}, {"RUS"}),  # rated damning
        ("Japan said Russia had violated the agreement.", None, "ACCUSE", {"JPN"}, {"RUS"}),
        (
            "Japan said Russia has repeatedly tried to sabotage the talks.",  # a misdeed told
            None,
            "ACCUSE",
            {"JPN"},
            {"RUS"},
        ),
        ("Japan said Russia was not right.", None, "ACCUSE", {"JPN"}, {"RUS"}),  # praise denied
        (
            '"This is a waste of time," Hun Sen said.',  # of what was just told: no one named
            ("This is a waste of time,", "hun-sen"),
            "ACCUSE",
            {"KHM"},
            set(),
        ),
    ],
)
def test_a_damning_statement_is_a_judgement_by_its_teller(
    base_nlp: Language,
    text: str,
    quote: tuple[str, str] | None,
    etype: str,
    source: set[str],
    target: set[str],
) -> None:
    doc = make(base_nlp, text, quotes=[quote] if quote else [])
    (event,) = extract_events(doc)
    assert event.type == etype
    assert event.modality in {"asserted", "reported"}
    assert countries(event.source) == source
    assert countries(event.target) == target


@pytest.mark.parametrize(
    "text",
    [
        "Russia is the aggressor in this war.",  # the reporter's own voice: no teller
        "Japan said the situation was dangerous.",  # said of no one named
        "Japan said China was a reliable partner.",  # not damning
        "Japan said the time was right.",  # praise of no one named
        "Japan said it was concerned about heightened tensions.",  # concern at no one's act
        "Russia is right.",  # praise in the reporter's own voice
        "Russia failed to rein in the rebels.",  # a failing in the reporter's voice
        "Japan said we failed to act.",  # an admission
        "Japan said we were absolutely right.",  # praise of oneself
        "Japan said it was very pleased with the result.",  # pleased with no one's act
        "Japan said it would be very difficult for the talks to succeed.",  # "it" is a clause
        "Japan said we violated nothing.",  # a denial of one's own misdeed
        "Japan said its borders were violated.",  # the victim, no doer named
    ],
)
def test_statements_that_judge_no_one_code_nothing(base_nlp: Language, text: str) -> None:
    assert extract_events(make(base_nlp, text)) == []

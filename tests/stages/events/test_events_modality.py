"""Unit cases of the events stage's modality (:mod:`storyline.stages.events.modality`): negated,
hypothetical, planned, reported or asserted. Short texts parsed by the spaCy model alone, with
the other stages' records built by hand (``events_docs``)."""

from __future__ import annotations

import pytest
from events_docs import make, only
from spacy.language import Language

from storyline.stages.events import extract_events

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("text", "trigger", "modality"),
    [
        ("Hun Sen said he would speak with Zelenskyy in the next few days.", "speak", "planned"),
        ("Hun Sen will visit China next week.", "visit", "planned"),
        ("Hun Sen announced that Cambodia did not support Russia.", "support", "negated"),
        ("Cambodia did not condemn Russia.", "condemn", "negated"),
        (
            "Japan said that if Russia attacks Ukraine, Singapore could impose sanctions.",
            "impose",
            "hypothetical",
        ),
        ("Hun Sen led the party until he resigned in 2017.", "resigned", "asserted"),
        ("Hun Sen said Russia attacked Ukraine.", "attacked", "reported"),
        ("Russia attacked Ukraine.", "attacked", "asserted"),
        ("China is interested in talking with Japan.", "talking", "hypothetical"),
        ("China is considering imposing sanctions on Japan.", "imposing", "hypothetical"),
        ("France fears that Russia will attack Ukraine.", "attack", "hypothetical"),
        ("Russia will attack Ukraine, killing its soldiers.", "killing", "planned"),
        ("Russia attacked Ukraine, killing ten soldiers.", "killing", "asserted"),
    ],
)
def test_modality(base_nlp: Language, text: str, trigger: str, modality: str) -> None:
    event = only(extract_events(make(base_nlp, text)), trigger)
    assert event.modality == modality


@pytest.mark.parametrize(
    ("text", "trigger", "code", "modality"),
    [
        # a will not to do it, or not recognizing, is a refusal: REJECT (PLOVER: "all
        # rejections and refusals"), told as the modality of the telling
        ("Cambodia will not cooperate with Russia.", "cooperate", ("REJECT", None), "asserted"),
        (
            "Hun Sen said Cambodia would not support Russia.",
            "support",
            ("REJECT", None),
            "reported",
        ),
        ("Cambodia does not recognize Russia.", "recognize", ("REJECT", None), "asserted"),
        # a permission denied in the present is a restriction in force
        (
            "The Russian army does not allow Ukraine to send aid to these areas.",
            "allow",
            ("COERCE", "restrict"),
            "asserted",
        ),
        # what simply did not happen stays the act, negated
        (
            "Russia has not agreed to the ceasefire with Ukraine.",
            "agreed",
            ("AGREE", None),
            "negated",
        ),
        ("Cambodia did not support Russia.", "support", ("SUPPORT", None), "negated"),
    ],
)
def test_a_refusal_is_a_rejection(
    base_nlp: Language, text: str, trigger: str, code: tuple[str, str | None], modality: str
) -> None:
    event = only(extract_events(make(base_nlp, text)), trigger)
    assert ((event.type, event.mode), event.modality) == (code, modality)


@pytest.mark.parametrize(
    ("text", "trigger", "target"),
    [
        ("Japan would impose sanctions on Russia if it attacked Ukraine.", "impose", "RUS"),
        ("China will impose sanctions if Japan buys the jets, Hun Sen said.", "impose", "JPN"),
        ("Unless France pays, Russia will attack Ukraine.", "attack", "UKR"),
    ],
)
def test_a_coercive_act_promised_on_a_condition_is_a_threat_made(
    base_nlp: Language, text: str, trigger: str, target: str
) -> None:
    event = only(extract_events(make(base_nlp, text)), trigger)
    assert event.type == "THREATEN"
    assert event.modality in {"asserted", "reported"}
    assert target in {a.country for a in event.target}


def test_force_the_doer_says_it_will_use_is_a_threat_made(base_nlp: Language) -> None:
    event = only(extract_events(make(base_nlp, "Hun Sen said he would attack Russia.")), "attack")
    assert (event.type, event.modality) == ("THREATEN", "asserted")
    # told by someone else, it stays a planned attack
    event = only(
        extract_events(make(base_nlp, "Japan said Russia would attack Ukraine.")), "attack"
    )
    assert (event.type, event.modality) == ("ASSAULT", "planned")

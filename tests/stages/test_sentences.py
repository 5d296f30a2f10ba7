"""Sentence boundaries after a one-letter platform name (:mod:`storyline.stages.sentences`)."""

from __future__ import annotations

import pytest
from spacy.language import Language

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        (
            "Balkhi said in a statement posted on X. Militants attacked a passenger train.",
            ["Balkhi said in a statement posted on X.", "Militants attacked a passenger train."],
        ),
        (
            "Trump wrote on X. He added that the deal was done.",
            ["Trump wrote on X.", "He added that the deal was done."],
        ),
        (
            "President George W. Bush spoke on Monday.",
            ["President George W. Bush spoke on Monday."],
        ),
    ],
)
def test_a_platform_named_by_one_letter_ends_its_sentence(
    nlp: Language, text: str, sentences: list[str]
) -> None:
    doc = nlp(text)
    assert [s.text for s in doc.sents] == sentences
    assert doc.text == text  # the characters are the text's: offsets hold


def test_the_attack_after_the_platform_has_its_own_subject(nlp: Language) -> None:
    doc = nlp("Balkhi said in a statement posted on X. Militants attacked a passenger train.")
    attacks = [e for e in doc._.events if e.trigger.text == "attacked"]
    assert attacks and [a.name for a in attacks[0].source] == ["Militants"]

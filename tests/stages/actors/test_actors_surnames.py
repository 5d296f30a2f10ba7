"""Namesakes in one article: which "Clinton" a short name is (stages/actors/surnames.py), on short
texts."""

from __future__ import annotations

import pytest
from spacy.language import Language

from storyline.stages.actors import find_actors
from storyline.stages.actors.surnames import Cues, merge, pick

pytestmark = pytest.mark.slow

TEXT = (
    "Hillary Clinton said on Tuesday she would keep campaigning. Bill Clinton joined her in "
    "Iowa. Clinton, the former secretary of state, told voters that she would win. Mrs. "
    "Clinton later met the former president. Former President Clinton said he was proud. The "
    "FBI is investigating her emails."
)


def _who(nlp: Language, text: str) -> list[tuple[str, str]]:
    """(mention text, entity name) of every person mention, in text order."""
    doc = nlp(text)
    doc._.doc_id = "d1"
    doc._.published = "2016-02-24"
    entities, mentions, _ = find_actors(doc)
    names = {e.id: e.name for e in entities if e.type == "PERSON"}
    return [(m.text, names[m.entity_id]) for m in mentions if m.entity_id in names]


def test_each_clinton_is_the_one_the_context_tells(base_nlp: Language) -> None:
    found = _who(base_nlp, TEXT)
    short = [name for text, name in found if text == "Clinton"]
    # "Clinton, the former secretary of state ... she", "Mrs. Clinton", "Former President
    # Clinton ... he": not simply the Clinton named last
    assert short == ["Hillary Clinton", "Hillary Clinton", "Bill Clinton"]
    pronouns = [name for text, name in found if text.lower() in ("her", "she", "he")]
    assert pronouns == [
        "Hillary Clinton",  # she would keep campaigning
        "Hillary Clinton",  # Bill Clinton joined her: not Bill himself
        "Hillary Clinton",  # she would win
        "Bill Clinton",  # he was proud
        "Hillary Clinton",  # her emails
    ]


def test_two_people_of_one_surname_stay_two(base_nlp: Language) -> None:
    entities = {name for _, name in _who(base_nlp, TEXT)}
    assert entities == {"Hillary Clinton", "Bill Clinton"}


def test_pick_without_evidence_takes_the_one_named_last() -> None:
    a, b = object(), object()
    none = Cues(None, frozenset())
    assert pick([a, b], none, {}, recent=b) is b
    known = {id(a): Cues("f", frozenset()), id(b): Cues("m", frozenset())}
    assert pick([a, b], Cues("f", frozenset()), known, recent=b) is a
    assert pick([a, b], Cues("m", frozenset()), known, recent=None) is b


def test_merge_keeps_a_gender_only_when_the_mentions_agree() -> None:
    assert merge([Cues("f", frozenset()), Cues(None, frozenset({1}))]) == Cues("f", frozenset({1}))
    assert merge([Cues("f", frozenset()), Cues("m", frozenset())]).gender is None


def test_a_surname_alone_is_not_the_namesake_the_text_calls_by_first_name(
    base_nlp: Language,
) -> None:
    found = _who(
        base_nlp,
        "Alice Banda took her son, Peter Banda, to the clinic in March. The doctors treated"
        " Peter within an hour. Banda said the wait was short.",
    )
    assert [name for text, name in found if text == "Banda"] == ["Alice Banda"]
    assert [name for text, name in found if text == "Peter"] == ["Peter Banda"]


def test_a_nickname_late_in_the_text_leaves_the_surname_to_its_bearer_before_it(
    base_nlp: Language,
) -> None:
    found = _who(
        base_nlp,
        "Sen. Ted Cruz endorsed the nominee on Friday. Trump had attacked his wife, Heidi. "
        "Trump retweeted a photo of Heidi Cruz. Cruz said the attack was personal. "
        "Trump called him Lyin' Ted.",
    )
    assert [name for text, name in found if text == "Cruz"] == ["Ted Cruz"]

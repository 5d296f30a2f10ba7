"""Country and sector of actors the text lets a reader place: institutions and parties by name,
the people and bodies of a document about one country (actors stage, short texts)."""

from __future__ import annotations

import json
from importlib import resources

import pytest
from spacy.language import Language

from storyline.records import Entity
from storyline.stages.actors import find_actors
from storyline.stages.actors.lexicon import nationality_of

pytestmark = pytest.mark.slow

US_STORY = (
    "Donald Trump told voters in Ohio that he would win. Trump campaigned in Iowa and Nevada on "
    "Tuesday. The FBI is investigating, and the Justice Department declined to comment. "
    "Democratic Representative Jason Crow said Congress must act. The Republican Party met in "
    "Texas."
)


def _codes(nlp: Language, text: str) -> dict[str, tuple[str | None, str | None]]:
    doc = nlp(text)
    doc._.doc_id = "d1"
    doc._.published = "2016-02-24"
    entities: list[Entity] = find_actors(doc)[0]
    return {e.name: (e.country, e.sector) for e in entities}


def test_institutions_and_parties_carry_their_country(base_nlp: Language) -> None:
    codes = _codes(base_nlp, US_STORY)
    assert codes["Justice Department"] == ("USA", "GOV")
    assert codes["FBI"][0] == "USA"
    assert codes["Republican Party"] == ("USA", "PTY")


def test_people_of_a_domestic_story_take_its_country(base_nlp: Language) -> None:
    codes = _codes(base_nlp, US_STORY)
    assert codes["Donald Trump"][0] == "USA"  # no title, no lexicon entry: the story's country
    assert codes["Jason Crow"] == ("USA", "LEG")  # "Democratic Representative"


def test_a_story_about_two_countries_leaves_an_unplaced_person_open(base_nlp: Language) -> None:
    text = (
        "Pakistan accused Afghanistan of sheltering militants. Afghanistan rejected the claim "
        "from Pakistan. Abdul Qahar Balkhi said the allegation was baseless."
    )
    assert _codes(base_nlp, text)["Abdul Qahar Balkhi"][0] is None


def test_unnamed_bodies_of_the_story_country(base_nlp: Language) -> None:
    text = (
        "Somalia said on Wednesday that the country's security forces killed six attackers in "
        "Beledweyne, Somalia. Somali officials in Mogadishu said the siege was over."
    )
    doc = base_nlp(text)
    doc._.doc_id = "d1"
    doc._.published = "2025-03-12"
    entities, mentions, _ = find_actors(doc)
    by_id = {e.id: e for e in entities}
    [forces] = [m for m in mentions if m.text.endswith("security forces")]
    assert (by_id[forces.entity_id].country, by_id[forces.entity_id].sector) == ("SOM", "COP")


def test_national_bodies_tell_the_story_country(base_nlp: Language) -> None:
    text = (
        "Senator Lindsey Graham said the GOP would hold the Senate. Graham told reporters in "
        "South Carolina that China and the United States must talk, and the Republican Party "
        "agreed."
    )
    assert _codes(base_nlp, text)["Lindsey Graham"] == ("USA", "LEG")


def test_people_learned_after_2014_have_their_country() -> None:
    assert nationality_of("Bernie Sanders") == "USA"  # not in the 2014 dictionary
    assert nationality_of("Lindsey Graham") == "USA"
    assert nationality_of("Vladimir Putin") == "RUS"  # the dictionary's entry stands
    assert all(" " in name for name in _learned())  # full names only are learned


def _learned() -> dict[str, str]:
    path = resources.files("storyline").joinpath("resources", "actors", "people_learned.json")
    data: dict[str, str] = json.loads(path.read_text(encoding="utf-8"))
    return data

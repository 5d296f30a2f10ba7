"""Names in the actors stage (stages/actors/names.py): glued words, headlines, bylines and line
breaks."""

from __future__ import annotations

import pytest
from spacy.language import Language

from storyline.records import Entity
from storyline.stages.actors import find_actors
from storyline.stages.actors.names import camel_cut, line_kind

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("token", "cut"),
    [("WeekHun", 4), ("TodayDonald", 5), ("McCaul", 0), ("DeSantis", 0), ("MacArthur", 0)],
)
def test_a_glued_word_is_cut_but_a_surname_prefix_is_not(token: str, cut: int) -> None:
    assert camel_cut(token) == cut


def _entities(nlp: Language, text: str) -> list[Entity]:
    doc = nlp(text)
    doc._.doc_id = "d1"
    doc._.published = "2016-02-24"
    return find_actors(doc)[0]


def test_a_headline_verb_is_no_part_of_a_name(base_nlp: Language) -> None:
    text = (
        "Hillary Clinton Drops Out Of Race After Poll Slump\n"
        "By John Smith, Associated Press\n\n"
        "Hillary Clinton said on Tuesday she would keep campaigning in Iowa.\n"
        "=====\n"
        "Donald Trump Claims Victory In Nevada\n"
        "Trump won the Nevada caucuses on Tuesday. Trump thanked his voters."
    )
    first, second = text.split("=====\n")
    names = {e.name for e in _entities(base_nlp, first)}
    assert "Hillary Clinton" in names
    assert not any("Drops" in n or "Smith" in n or "WASHINGTON" in n for n in names)
    people = [e.name for e in _entities(base_nlp, second) if e.type == "PERSON"]
    assert people == ["Donald Trump"]


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Hillary Clinton Drops Out Of Race After Poll Slump", "headline"),
        ("By John Smith, Associated Press", "byline"),
        ("Hillary Clinton said on Tuesday she would keep campaigning.", None),
        ("Media outlets closed", None),
    ],
)
def testline_kinds(line: str, kind: str | None) -> None:
    assert line_kind(line) == kind


def test_a_name_that_speaks_is_a_person_not_a_place(base_nlp: Language) -> None:
    entities = _entities(
        base_nlp,
        "Russia blocked the panel in April. Nebenzia dismissed the findings as biased.",
    )
    assert [e.type for e in entities if e.name == "Nebenzia"] == ["PERSON"]


def test_an_armed_group_written_in_lower_case(base_nlp: Language) -> None:
    """ "al-Shabab members": the group's name, though it starts in lower case (and the tagger
    may call it a people)."""
    entities = _entities(
        base_nlp,
        "Security forces killed dozens of al-Shabab members elsewhere in Hirshabelle.",
    )
    assert [(e.country, e.sector) for e in entities if e.name == "al-Shabab"] == [("SOM", "REB")]
    tagged_a_person = _entities(
        base_nlp,
        "The airstrikes killed Mansoor Tima-Weeyne, a senior al-Shabab leader who planned it.",
    )
    assert [(e.type, e.country, e.sector) for e in tagged_a_person if e.name == "al-Shabab"] == [
        ("ORG", "SOM", "REB")
    ]


def test_an_organization_cut_before_for_the_is_one_name(base_nlp: Language) -> None:
    """ "The U.N. Office" + "for the" + "Coordination of Humanitarian Affairs": the tagger's two
    organizations are one."""
    doc = base_nlp(
        "The U.N. Office for the Coordination of Humanitarian Affairs said roads were cut."
    )
    doc._.doc_id = "d1"
    doc._.published = "2025-03-12"
    entities, _, _ = find_actors(doc)
    assert [e.name for e in entities] == [
        "U.N. Office for the Coordination of Humanitarian Affairs"
    ]


def test_an_owner_and_a_surname_tagged_one_organization_are_two_names(
    base_nlp: Language,
) -> None:
    """ "Harvard’s Okafor" after "Chidi Okafor": the person, not an organization of that name."""
    doc = base_nlp(
        'Chidi Okafor, an economist at Harvard University, studies trade. "It will take some'
        ' time, but the plan will work," Harvard’s Okafor said.'
    )
    doc._.doc_id = "d1"
    doc._.published = "2025-03-12"
    entities, mentions, _ = find_actors(doc)
    okafor = next(e for e in entities if e.name == "Chidi Okafor")
    assert "Harvard’s Okafor" not in [e.name for e in entities]
    assert any(m.text == "Okafor" and m.entity_id == okafor.id for m in mentions)


def test_a_known_town_the_tagger_calls_a_person_after_a_preposition_of_place_is_a_place(
    base_nlp: Language,
) -> None:
    entities = _entities(
        base_nlp,
        "Sun Lijun and his wife decided to start a new chapter, leaving their life in China"
        " behind and relocating with their two children to Okinawa.",
    )
    assert not [e for e in entities if e.name == "Okinawa" and e.type == "PERSON"]


def test_an_organization_the_lexicon_knows_is_one_whatever_its_last_word(
    base_nlp: Language,
) -> None:
    """ "Program" ends the names of documents ("the Nunn-Lugar Program"), not of the World Food
    Program."""
    entities = _entities(base_nlp, "The World Food Program delivered food to Malawi.")
    assert [e.country for e in entities if e.name == "World Food Programme"] == ["IGO"]


def test_a_name_tagged_an_organization_once_and_a_place_elsewhere_is_one_organization(
    base_nlp: Language,
) -> None:
    entities = _entities(
        base_nlp,
        'Verizon said in a statement: "We look forward to it." They also said that Verizon was '
        "trying to ship call-center jobs overseas.",
    )
    assert [e.type for e in entities if e.name == "Verizon"] == ["ORG"]

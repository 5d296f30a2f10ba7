"""Speakers named by a common noun, a relative pronoun or "they" (quotes_speakers and
quotes_nominals), on short texts with hand-made actor mentions."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from spacy.language import Language

from storyline.records import Entity, Mention, Quote, Role
from storyline.stages import ensure_doc_extensions
from storyline.stages.lookup import families
from storyline.stages.quotes import find_quotes

pytestmark = pytest.mark.slow


def _quotes(
    nlp: Language,
    text: str,
    entities: Sequence[Entity] = (),
    mentions: Sequence[tuple[str, str]] = (),
    roles: Sequence[tuple[str, str]] = (),
    titles: Sequence[tuple[str, str]] = (),
) -> list[Quote]:
    """Quotes of ``text``; ``mentions`` are (words, entity id) at their first occurrence,
    ``roles`` (entity id, role), ``titles`` (words, entity id) title mentions."""
    ensure_doc_extensions()
    doc = nlp(text)
    doc._.doc_id = "d1"
    doc._.published = "2025-03-12"
    doc._.entities = list(entities)
    doc._.mentions = [
        Mention("d1", e, text.index(w), text.index(w) + len(w), w, "name") for w, e in mentions
    ] + [Mention("d1", e, text.index(w), text.index(w) + len(w), w, "title") for w, e in titles]
    doc._.roles = [Role("d1", e, r, None, None, 0, 1, None) for e, r in roles]
    doc._.timexes = []
    return find_quotes(doc)


def _speaker(quotes: list[Quote], content_start: str) -> str | None:
    (found,) = [q for q in quotes if q.text.startswith(content_start)]
    return found.speaker


def test_an_unnamed_group_stays_as_written(base_nlp: Language) -> None:
    iraq = Entity("E1", "Iraq (government)", "ORG", "IRQ", "GOV")
    text = (
        "Iraqi officials said the strike was the result of a two-year effort. "
        "Officials, including those from the U.S., have said the group is led by a new emir."
    )
    quotes = _quotes(base_nlp, text, [iraq], [("Iraqi officials", "E1")])
    assert _speaker(quotes, "the strike") == "Iraqi officials"  # not "Iraq (government)"
    assert _speaker(quotes, "the group") == "Officials"


def test_unnamed_commentators_name_no_speaker(base_nlp: Language) -> None:
    text = (
        "Analysts say the move is part of a broader strategic shift. "
        "Chinese experts said the deal would fail. "
        "“It is rare,” scientists said."
    )
    quotes = _quotes(base_nlp, text)
    assert _speaker(quotes, "the move") is None  # the text never says who
    assert _speaker(quotes, "It is rare") is None
    assert _speaker(quotes, "the deal") == "Chinese experts"  # a nationality says whose


def test_they_is_the_group_named_before(base_nlp: Language) -> None:
    text = (
        "Nine press freedom and rights groups this week called for his release. "
        "“We urge the authorities to guarantee his right to a fair trial,” they said."
    )
    assert _speaker(_quotes(base_nlp, text), "We urge") == "press freedom and rights groups"


def test_an_institution_noun_is_its_entity(base_nlp: Language) -> None:
    syria = Entity("E1", "Syria (government)", "ORG", "SYR", "GOV")
    text = "Syria’s transitional authorities said their forces came under a calculated attack."
    quotes = _quotes(base_nlp, text, [syria], [("Syria’s transitional authorities", "E1")])
    assert _speaker(quotes, "their forces") == "Syria (government)"


def test_a_document_speaks_for_its_owner(base_nlp: Language) -> None:
    ispr = Entity("E1", "Inter Services Public Relations", "ORG", "PAK", "MIL")
    text = (
        "“The attack was orchestrated and directed from across the border by ringleaders,” "
        "a statement from the ISPR said. “The operation was a serious blow to the group and "
        "its plans,” a statement said."
    )
    quotes = _quotes(base_nlp, text, [ispr], [("ISPR", "E1")])
    assert _speaker(quotes, "The attack") == "Inter Services Public Relations"
    assert _speaker(quotes, "The operation") is None  # no owner: no speaker guessed


def test_a_legal_paper_speaks_for_its_owner(base_nlp: Language) -> None:
    ivana = Entity("E1", "Ivana Trump", "PERSON", "USA", None)
    text = "However, Ivana Trump's brief said that was not her view."
    quotes = _quotes(base_nlp, text, [ivana], [("Ivana Trump", "E1")])
    assert _speaker(quotes, "that was not") == "Ivana Trump"


def test_a_definite_document_speaks_for_the_owner_of_the_one_before(base_nlp: Language) -> None:
    dodma = Entity("E1", "Department of Disaster Management Affairs", "ORG", "MWI", "GOV")
    text = (
        "A preliminary assessment from the Department of Disaster Management Affairs showed "
        "that 11,000 people were affected. The assessment said the cyclone displaced more than "
        "3,000 people. A report said roads were washed away."
    )
    quotes = _quotes(base_nlp, text, [dodma], [("Department of Disaster Management Affairs", "E1")])
    assert _speaker(quotes, "the cyclone") == "Department of Disaster Management Affairs"
    assert _speaker(quotes, "roads") is None  # another document, no owner told


def test_a_body_noun_is_the_organization_it_is_known_by(base_nlp: Language) -> None:
    msf = Entity("E1", "Doctors Without Borders", "ORG", None, "NGO")
    text = (
        "Aid workers struggle in the region. The aid group, known by its French acronym MSF, "
        "reports the population is being victimized by all sides."
    )
    quotes = _quotes(base_nlp, text, [msf], [("MSF", "E1")])
    assert _speaker(quotes, "the population") == "Doctors Without Borders"


def test_a_role_noun_is_the_person_named_beside_or_before_it(base_nlp: Language) -> None:
    akram = Entity("E1", "Munir Akram", "PERSON", "PAK", "GOV")
    text = (
        "Pakistan's permanent representative to the United Nations, Munir Akram, said Kabul "
        "was failing to rein in separatists. “The Kabul authorities have failed to address "
        "the threat,” the Pakistani envoy said Monday."
    )
    quotes = _quotes(base_nlp, text, [akram], [("Munir Akram", "E1")])
    assert _speaker(quotes, "Kabul was") == "Munir Akram"
    assert _speaker(quotes, "The Kabul") == "Munir Akram"


def test_a_plural_noun_listing_people_speaks_as_a_group(base_nlp: Language) -> None:
    grassley = Entity("E1", "Chuck Grassley", "PERSON", "USA", "LEG")
    text = (
        "In Washington, three members of the U.S. Senate — Chuck Grassley, Jeanne Shaheen and "
        "Jim Risch — led a group of nine other members of Congress in calling on the secretary "
        'to act. "We are deeply concerned about the recent actions of the leader," they wrote '
        "in a letter."
    )
    quotes = _quotes(base_nlp, text, [grassley], [("Chuck Grassley", "E1")])
    assert _speaker(quotes, "We are") not in (None, "Chuck Grassley")


def test_a_person_inside_a_role_nouns_phrase_owns_the_role(base_nlp: Language) -> None:
    zamora = Entity("E1", "Jose Ruben Zamora", "PERSON", "GTM", "JRN")
    text = (
        "A judge ordered journalist Jose Ruben Zamora back to prison on Monday in a move that "
        'the leader of his legal team called "inhumane."'
    )
    quotes = _quotes(base_nlp, text, [zamora], [("Jose Ruben Zamora", "E1"), ("his", "E1")])
    assert _speaker(quotes, '"inhumane') != "Jose Ruben Zamora"


def test_the_owner_of_a_role_named_again_next_does_not_hold_it(base_nlp: Language) -> None:
    zamora = Entity("E1", "Jose Ruben Zamora", "PERSON", "GTM", "JRN")
    text = (
        "A judge ordered journalist Jose Ruben Zamora back to prison in a move that the leader "
        'of his legal team called "inhumane." Zamora on Monday returned to prison.'
    )
    mentions = [("Jose Ruben Zamora", "E1"), ("his", "E1"), ("Zamora on", "E1")]
    quotes = _quotes(base_nlp, text, [zamora], mentions)
    assert _speaker(quotes, '"inhumane') != "Jose Ruben Zamora"


def test_a_role_noun_of_another_body_is_not_the_leader_named_before(base_nlp: Language) -> None:
    leader = Entity("E1", "Hibatullah Akhundzada", "PERSON", "AFG", "REB")
    text = (
        "Afghan rebel leader Hibatullah Akhundzada said the deal was good. The Afghan army chief "
        "said on Saturday his forces had killed 1,000 fighters."
    )
    quotes = _quotes(
        base_nlp, text, [leader], [("Hibatullah Akhundzada", "E1")], [("E1", "leader")]
    )
    assert _speaker(quotes, "his forces") != "Hibatullah Akhundzada"


def test_a_role_noun_of_another_country_is_not_guessed(base_nlp: Language) -> None:
    hwang = Entity("E1", "Joonkook Hwang", "PERSON", "KOR", "GOV")
    text = (
        "South Korean Ambassador Joonkook Hwang told council members the war had changed "
        "everything. North Korea's envoy defended the treaty, saying relations between the "
        "two countries are peaceful."
    )
    quotes = _quotes(base_nlp, text, [hwang], [("Joonkook Hwang", "E1")], [("E1", "ambassador")])
    assert _speaker(quotes, "relations") == "North Korea's envoy"


def test_a_relative_pronoun_is_the_noun_it_follows(base_nlp: Language) -> None:
    us = Entity("E1", "United States (government)", "ORG", "USA", "GOV")
    text = "Ankara's purchase is a point of tension with Washington, which claims the system poses a threat."
    quotes = _quotes(base_nlp, text, [us], [("Washington", "E1")])
    assert _speaker(quotes, "the system") == "United States (government)"


def test_the_verb_right_before_a_quote_is_its_cue(base_nlp: Language) -> None:
    text = (
        "In a separate statement, the Somali Military Command said, “The operation was a "
        "significant blow to the group's combat capabilities.” Media outlets closed On another "
        "front, NISA said Wednesday that it closed 12 media outlets."
    )
    assert _speaker(_quotes(base_nlp, text), "The operation") == "Somali Military Command"


@pytest.mark.parametrize(
    ("role", "other", "same"),
    [
        ("permanent representative", "envoy", True),
        ("foreign ministry spokesperson", "spokesman", True),
        ("prime minister", "premier", True),
        ("ambassador", "spokesman", False),
    ],
)
def test_role_families(role: str, other: str, same: bool) -> None:
    assert bool(families(role) & families(other)) is same


def test_a_verb_reporting_its_own_clause_is_not_the_cue_of_the_quote_before(
    base_nlp: Language,
) -> None:
    hwang = Entity("E1", "Joonkook Hwang", "PERSON", "KOR", "GOV")
    text = (
        "“It was hard to imagine that the war would pose such a direct threat,” South Korean "
        "Ambassador Joonkook Hwang told council members. “But now we are facing a new reality.” "
        "He said the defense ministry has assessed that Pyongyang has shipped containers."
    )
    quotes = _quotes(base_nlp, text, [hwang], [("Joonkook Hwang", "E1")])
    assert _speaker(quotes, "But now") == "Joonkook Hwang"
    indirect = [q for q in quotes if q.text.startswith("the defense ministry")]
    assert len(indirect) == 1  # "said" still opens its own indirect quote
    ahead = next(q for q in quotes if q.text.startswith("But now"))
    assert ahead.cue is None or ahead.cue.start < text.index("He said")


def test_speech_acts_with_an_object_are_indirect_quotes(base_nlp: Language) -> None:
    text = (
        "Al-Shabab claimed responsibility for the hotel attack on Tuesday. Nine groups called "
        "for Zamora's immediate release. The envoy urged Beijing to use its influence with "
        "Moscow. She confirmed it. The charity is calling on the government to allow access."
    )
    contents = {q.text for q in _quotes(base_nlp, text)}
    assert "to allow access" in contents  # "calling on X to": what X is asked
    assert any(c.startswith("responsibility for the hotel attack") for c in contents)
    assert "Zamora's immediate release" in contents
    assert "to use its influence with Moscow" in contents
    assert "it" not in contents  # a pronoun object says nothing


def test_a_role_noun_of_a_capital_is_that_country_s_holder(base_nlp: Language) -> None:
    wood = Entity("E1", "Robert Wood", "PERSON", "USA", "GOV")
    geng = Entity("E2", "Geng Shuang", "PERSON", None, "GOV")
    text = (
        "Robert Wood, the U.S. deputy ambassador, told reporters the treaty was dangerous. Deputy "
        "Ambassador Geng Shuang said China was concerned. Washington's envoy urged Beijing to "
        "use its influence with both Pyongyang and Moscow."
    )
    quotes = _quotes(
        base_nlp,
        text,
        [wood, geng],
        [("Robert Wood", "E1"), ("Geng Shuang", "E2")],
        [("E1", "deputy ambassador"), ("E2", "deputy ambassador")],
    )
    assert _speaker(quotes, "to use its influence") == "Robert Wood"


def test_a_role_noun_before_the_name_is_the_person_named_next(base_nlp: Language) -> None:
    text = (
        "Russia's envoy again dismissed accusations it is getting weapons from North Korea at "
        "Friday's meeting. “This is completely false,” Vassily Nebenzia told the council."
    )
    nebenzia = Entity("E1", "Vassily Nebenzia", "PERSON", None, None)
    quotes = _quotes(base_nlp, text, [nebenzia], [("Vassily Nebenzia", "E1")])
    assert _speaker(quotes, "accusations") == "Vassily Nebenzia"


def test_a_person_named_in_what_a_role_noun_said_is_not_its_holder(base_nlp: Language) -> None:
    trump = Entity("E1", "Donald Trump", "PERSON", "USA", None)
    quotes = _quotes(
        base_nlp, "The former governor said Trump was wrong.", [trump], [("Trump", "E1")]
    )
    assert _speaker(quotes, "Trump was wrong") == "former governor"


def test_a_lead_leaves_a_person_unnamed_and_names_them_by_title_later(
    base_nlp: Language,
) -> None:
    text = (
        "A New York judge has rejected a media request, saying the courts have no business "
        "deciding it. Manhattan Supreme Court Justice Frank Nervo rejected that argument."
    )
    nervo = Entity("E1", "Frank Nervo", "PERSON", "USA", "JUD")
    unnamed = Entity("E2", "New York judge", "PERSON", "USA", "JUD")
    quotes = _quotes(
        base_nlp,
        text,
        [nervo, unnamed],
        [("Frank Nervo", "E1"), ("New York judge", "E2")],
        titles=[("Manhattan Supreme Court Justice", "E1")],
    )
    assert _speaker(quotes, "the courts") == "Frank Nervo"


def test_a_quoted_paragraph_after_a_sentence_telling_someone_speaking_is_theirs(
    base_nlp: Language,
) -> None:
    text = (
        "What it means is left to voters, since Trump spoke only in bromides during the "
        "interview.\n\n“We have to be a lot tougher.”\n\n“We have to play the game.”"
    )
    trump = Entity("E1", "Trump", "PERSON", "USA", None)
    quotes = _quotes(base_nlp, text, [trump], [("Trump", "E1")])
    assert _speaker(quotes, "We have to be") == "Trump"
    assert _speaker(quotes, "We have to play") == "Trump"


def test_a_quoted_paragraph_after_narrative_of_no_speaking_has_no_speaker(
    base_nlp: Language,
) -> None:
    text = "Trump won the primary in March.\n\n“We have to be a lot tougher.”"
    trump = Entity("E1", "Trump", "PERSON", "USA", None)
    quotes = _quotes(base_nlp, text, [trump], [("Trump", "E1")])
    assert _speaker(quotes, "We have to be") is None


def test_the_newspaper_is_the_one_outlet_named(base_nlp: Language) -> None:
    text = (
        "The Wall Street Journal editorial board wrote an editorial on Wednesday. The newspaper, "
        "long a vocal advocate of immigration reform, writes that Haley has sought to differ."
    )
    wsj = Entity("E1", "Wall Street Journal", "ORG", None, "JRN")
    quotes = _quotes(base_nlp, text, [wsj], [("Wall Street Journal", "E1")])
    assert _speaker(quotes, "that Haley") == "Wall Street Journal"


def test_a_headline_taken_for_a_name_speaks_as_the_person() -> None:
    from storyline.stages.quotes_speakers import spoken_name

    assert spoken_name("Ted Cruz Hints Trump", {"Cruz": 9, "Trump": 1}) == "Ted Cruz"
    assert spoken_name("Donald Trump‘s", {"Trump": 2}) == "Donald Trump"
    assert spoken_name("Charles Elliott III", {"Elliott": 3}) == "Charles Elliott III"
    assert spoken_name("Hillary Clinton", {"Hillary": 3, "Clinton": 2}) == "Hillary Clinton"
    assert spoken_name("Hillary Clinton", {}) == "Hillary Clinton"
    # surname first: the full name is said once, the surname often
    assert spoken_name("Lai Ching-te", {"Lai": 9, "Ching-te": 1}, {"Ching-te"}) == "Lai Ching-te"
    # a headline read as a name, surname not first: cut as before
    assert spoken_name("Paul Ryan Joins", {"Ryan": 9, "Joins": 1}, {"Joins"}) == "Paul Ryan"


def test_a_speakers_name_is_cut_after_the_surname_the_text_uses(base_nlp: Language) -> None:
    cruz = Entity("E1", "Ted Cruz Hints Trump", "PERSON", "USA", "PTY")
    text = (
        "Ted Cruz Hints Trump Has To Come A Long Way\n\n"
        "The senator spoke in Iowa on Friday. “Let me tell you the facts,” Cruz said."
    )
    ensure_doc_extensions()
    doc = base_nlp(text)
    doc._.doc_id = "d1"
    doc._.published = "2025-03-12"
    doc._.entities = [cruz]
    at = text.rindex("Cruz")
    doc._.mentions = [
        Mention("d1", "E1", 0, 20, "Ted Cruz Hints Trump", "name"),
        Mention("d1", "E1", at, at + 4, "Cruz", "name"),
    ]
    doc._.roles = []
    doc._.timexes = []
    assert _speaker(find_quotes(doc), "Let me") == "Ted Cruz"


def test_a_participle_after_a_preposition_speaks_for_the_clause_subject(
    base_nlp: Language,
) -> None:
    text = (
        "Bolton distanced himself from the movement by saying he would be willing to help "
        "the new administration if asked."
    )
    bolton = Entity("E1", "John Bolton", "PERSON", "USA", "ELI")
    quotes = _quotes(base_nlp, text, [bolton], [("Bolton", "E1")])
    assert _speaker(quotes, "he would be willing") == "John Bolton"


def test_a_quote_after_a_line_ending_in_a_colon_is_its_speakers(base_nlp: Language) -> None:
    text = (
        "Cruz spoke after the debate. Cruz continued:\n\n"
        "“You look at the questions: are you a comic book villain? Can you do math?”\n\n"
        "LESSONS FROM IOWA - Carl Bialik: “One of the biggest lessons was a simple one.”"
    )
    quotes = _quotes(base_nlp, text)
    assert _speaker(quotes, "You look") == "Cruz"
    assert _speaker(quotes, "One of the biggest") == "Carl Bialik"


def test_a_quote_paragraph_with_no_cue_goes_on_with_the_statement_before(
    base_nlp: Language,
) -> None:
    text = (
        "Carter said that for decades some critics had been predicting a withdrawal from "
        "the region, but this would not happen.\n\n"
        "“That is because this region is home to nearly half the people of the world.”"
    )
    quotes = _quotes(base_nlp, text)
    assert _speaker(quotes, "That is because") == "Carter"


def test_a_role_noun_is_the_one_holder_of_that_role_named_later(base_nlp: Language) -> None:
    ford = Entity("E1", "Doug Ford", "PERSON", "CAN", "GOV")
    trump = Entity("E2", "Donald Trump", "PERSON", "USA", "GOV")
    text = (
        "Trump doubled the tariff after Canada’s Ontario provincial leader said he is adding a "
        "levy on electricity. Trump called Canada a tariff abuser. The White House agreed. "
        "Markets fell. Then, Doug Ford, Ontario’s provincial leader, spoke in Toronto."
    )
    quotes = _quotes(
        base_nlp,
        text,
        [ford, trump],
        [("Doug Ford", "E1"), ("Trump", "E2")],
        [("E1", "leader"), ("E2", "president")],
    )
    assert _speaker(quotes, "he is adding") == "Doug Ford"


def test_an_owned_allegation_is_its_owners_statement(base_nlp: Language) -> None:
    text = (
        "The Afghan Taliban have rejected Pakistan's allegation that Tuesday's deadly "
        "hostage-taking of a train was planned and directed from Afghan soil."
    )
    quotes = _quotes(base_nlp, text)
    assert _speaker(quotes, "that Tuesday") == "Pakistan"


def test_a_participle_after_a_reported_clause_is_the_reporters(base_nlp: Language) -> None:
    text = (
        "In an interview Monday, Sanders said the process of crafting the platform could be "
        "messy, adding that democracy is messy."
    )
    quotes = _quotes(base_nlp, text)
    assert _speaker(quotes, "that democracy") == "Sanders"


def test_the_aid_group_is_the_organization_named_as_a_subject_before(
    base_nlp: Language,
) -> None:
    msf = Entity("E1", "Doctors Without Borders", "ORG", None, "NGO")
    text = (
        "The charity Doctors Without Borders says insecurity has put a million people beyond "
        "reach. The aid group, known by its French acronym MSF, reports the population is "
        "being victimized by all sides. A ballot commission met in January. The commission "
        "said the matter was closed."
    )
    quotes = _quotes(base_nlp, text, [msf], [("Doctors Without Borders", "E1")])
    assert _speaker(quotes, "the population") == "Doctors Without Borders"
    assert _speaker(quotes, "the matter") == "commission"  # no name given: kept as written


def test_a_role_noun_is_not_the_person_another_noun_names_after_it(base_nlp: Language) -> None:
    dara = Entity("E1", "Mech Dara", "PERSON", "KHM", "MED")
    text = (
        "On Wednesday, the country's information minister shared a video of a letter the "
        "minister said the journalist had written."
    )
    ensure_doc_extensions()
    doc = base_nlp(text)
    doc._.doc_id = "d1"
    doc._.published = "2025-03-12"
    doc._.entities = [dara]
    at = text.index("the journalist")
    doc._.mentions = [Mention("d1", "E1", at, at + 14, "the journalist", "nominal")]
    doc._.roles = []
    doc._.timexes = []
    (quote,) = [q for q in find_quotes(doc) if q.text.startswith("the journalist")]
    assert quote.speaker != "Mech Dara"


def test_an_account_speaks_for_its_owner(base_nlp: Language) -> None:
    text = 'There would be "no room for further negotiations," Matiangi\'s Twitter account said.'
    quotes = _quotes(base_nlp, text)
    assert _speaker(quotes, "no room") == "Matiangi"


def test_a_participle_after_a_comma_goes_with_the_main_verb(base_nlp: Language) -> None:
    text = (
        "Orban spoke at the summit. He rejected the idea migration can lead to cultural "
        "enrichment, arguing integration fails in every country."
    )
    orban = Entity("E1", "Viktor Orban", "PERSON", "HUN", "GOV")
    quotes = _quotes(base_nlp, text, [orban], [("Orban", "E1")])
    assert _speaker(quotes, "integration fails") == "Viktor Orban"


def test_the_one_asked_answers_not_the_interviewer(base_nlp: Language) -> None:
    hannity = Entity("E1", "Sean Hannity", "PERSON", "USA", "MED")
    trump = Entity("E2", "Donald Trump", "PERSON", "USA", "PTY")
    text = (
        "Fox News host Sean Hannity asked Trump whether he would debate again. "
        "“No, I will not do it,” he said."
    )
    ensure_doc_extensions()
    doc = base_nlp(text)
    doc._.doc_id = "d1"
    doc._.published = "2025-03-12"
    doc._.entities = [hannity, trump]
    he = text.rindex("he said")
    doc._.mentions = [
        Mention("d1", "E1", text.index("Sean"), text.index(" asked"), "Sean Hannity", "name"),
        Mention("d1", "E2", text.index("Trump"), text.index("Trump") + 5, "Trump", "name"),
        Mention("d1", "E1", he, he + 2, "he", "pronoun"),  # a coreference slip
    ]
    doc._.roles = []
    doc._.timexes = []
    assert _speaker(find_quotes(doc), "No, I will") == "Donald Trump"


def test_the_government_is_the_states_government_named_before(base_nlp: Language) -> None:
    manila = Entity("country:PHL:GOV", "Philippines (government)", "ORG", "PHL", "GOV")
    text = (
        "On March 31, the Philippine government reported that 250 vessels had been spotted. "
        "The government demanded that Beijing remove them immediately."
    )
    quotes = _quotes(base_nlp, text, [manila], [("Philippine government", "country:PHL:GOV")])
    assert _speaker(quotes, "that Beijing") == "Philippines (government)"


def test_an_inverted_cue_names_the_person_after_the_role_words(base_nlp: Language) -> None:
    text = (
        "The Clinton team is worried about turnout. “Are we going to get our voters out?” "
        "asked campaign manager Robby Mook."
    )
    quotes = _quotes(base_nlp, text)
    assert _speaker(quotes, "Are we going") == "Robby Mook"


def test_the_object_of_a_cue_is_no_speaker_when_it_has_a_subject(base_nlp: Language) -> None:
    text = (
        "Mhlanga, who faces two charges relating to “transmitting of data messages inciting "
        "violence or damage to property,” denies the charges against him."
    )
    quotes = _quotes(base_nlp, text)
    assert _speaker(quotes, "transmitting") == "Mhlanga"


def _pipeline_quotes(nlp: Language, text: str) -> list[Quote]:
    """Quotes of ``text`` run through every stage (actors included)."""
    doc = nlp.make_doc(text)
    doc._.doc_id = "d1"
    doc._.published = "2025-03-12"
    for _, stage in nlp.pipeline:
        doc = stage(doc)
    quotes: list[Quote] = doc._.quotes
    return quotes


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Luis Eguiluz headed the agency's mission in Chad for two years. Equiluz says the army"
            " does not allow aid workers into the camps.",
            "Luis Eguiluz",
        ),
        (
            "Maria Szabolcs led the team in Chad. Szabolks says the army does not allow aid workers"
            " into the camps.",
            "Maria Szabolcs",
        ),
    ],
)
def test_a_surname_written_one_letter_off_speaks_as_the_person(
    nlp: Language, text: str, speaker: str
) -> None:
    (quote,) = _pipeline_quotes(nlp, text)
    assert quote.speaker == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "The Department of Disaster Relief Affairs released new figures on Monday. Farmers in the"
            " valley were angry. The disaster relief department said the dam was safe.",
            "Department of Disaster Relief Affairs",
        ),
        (
            "The Office of Water Management opened an inquiry. Residents complained about the smell."
            " But the water management office said the river was clean.",
            "Office of Water Management",
        ),
    ],
)
def test_a_body_noun_with_the_words_of_a_name_given_before_is_that_body(
    nlp: Language, text: str, speaker: str
) -> None:
    (quote,) = _pipeline_quotes(nlp, text)
    assert quote.speaker == speaker


def test_according_to_opening_a_sentence_is_not_the_cue_of_the_quote_before(
    nlp: Language,
) -> None:
    quotes = _pipeline_quotes(
        nlp,
        "Mayor Ana Lopez spoke at the market on Monday. “There is progress toward a ban,” said"
        " Lopez. “It will be great if the council acts.” According to doctors, the risk of"
        " infection is low.",
    )
    speakers = {q.text: q.speaker for q in quotes}
    assert speakers["It will be great if the council acts."] == "Ana Lopez"
    assert speakers["the risk of infection is low"] == "doctors"


def test_a_name_set_off_by_commas_before_a_subjectless_verb_is_the_speaker(
    nlp: Language,
) -> None:
    """The parser hangs "lawyer" and the name on "Service" and leaves "said" without a subject."""
    (quote,) = _pipeline_quotes(
        nlp,
        "In an interview Thursday with VOA's Bosnian Service, Dodik's lawyer, Anto Nobilo, said"
        " Dodik does not recognize either the Bosnian court or state prosecutor's office.",
    )
    assert quote.speaker == "Anto Nobilo"


def test_he_after_a_town_the_tagger_calls_a_person_is_not_the_town(nlp: Language) -> None:
    """ "Okinawa" tagged a person was the nearest "he" before the town became a place."""
    quotes = _pipeline_quotes(
        nlp,
        "Li Wei, a 40-year-old engineer, says worries about air quality and schooling in China"
        " are among the reasons he and his wife started talking about moving abroad. In 2021,"
        " they did just that, leaving their life in China behind and relocating with their two"
        ' children to Okinawa. Moving to Japan on a business visa was a first step to "start'
        ' over and then lead another lifestyle," he told VOA.',
    )
    assert [q.speaker for q in quotes] == ["Li Wei", "Li Wei"]


def test_figures_or_statistics_speak_for_their_owner(nlp: Language) -> None:
    (quote,) = _pipeline_quotes(
        nlp, "According to recent U.N. figures, these Nigerians live in 22 enclaves in Borno state."
    )
    assert quote.speaker == "United Nations"
    (quote,) = _pipeline_quotes(nlp, "A senior opposition figure said the vote was rigged.")
    assert quote.speaker == "senior opposition figure"  # a person, not a document


def test_a_common_noun_in_an_organizations_name_speaks_as_the_organization(
    nlp: Language,
) -> None:
    (quote,) = _pipeline_quotes(
        nlp,
        "The charity Doctors Without Borders says insecurity has put more than a million"
        " Nigerians beyond the reach of humanitarian workers.",
    )
    assert quote.speaker == "Doctors Without Borders"
    (quote,) = _pipeline_quotes(nlp, "Iraqi officials said the strike was the result of an effort.")
    assert quote.speaker == "Iraqi officials"  # a group of a country stays as written


def test_she_after_a_person_and_others_as_subject_is_that_person(base_nlp: Language) -> None:
    lopez = Entity("E1", "Maria Lopez", "PERSON", None, None)
    text = (
        "Maria Lopez and colleagues dug at the site for three years. The finds surprised"
        ' everyone. "This changes the record," she said.'
    )
    quotes = _quotes(base_nlp, text, [lopez], [("Maria Lopez", "E1")])
    assert _speaker(quotes, "This changes") == "Maria Lopez"


def test_she_after_two_people_as_subject_stays_unresolved(base_nlp: Language) -> None:
    people = [
        Entity("E1", "Maria Lopez", "PERSON", None, None),
        Entity("E2", "Ana Ruiz", "PERSON", None, None),
    ]
    text = (
        "Maria Lopez and Ana Ruiz dug at the site for three years. The finds surprised"
        ' everyone. "This changes the record," she said.'
    )
    quotes = _quotes(base_nlp, text, people, [("Maria Lopez", "E1"), ("Ana Ruiz", "E2")])
    assert _speaker(quotes, "This changes") is None
    text = text.replace("Ana Ruiz", "her guide")  # a singular noun may be "she" too
    quotes = _quotes(base_nlp, text, people[:1], [("Maria Lopez", "E1")])
    assert _speaker(quotes, "This changes") is None


def test_he_after_a_role_noun_subject_is_the_holder_of_that_role(base_nlp: Language) -> None:
    ruiz = Entity("E1", "Ana Ruiz", "PERSON", None, "GOV")
    text = (
        "The governor, Ana Ruiz, toured the market. Traders had asked for a change. The"
        " province's governor, aware of the costs, delayed the plan. \"We will go step by"
        ' step," she added.'
    )
    quotes = _quotes(base_nlp, text, [ruiz], [("Ana Ruiz", "E1")], [("E1", "governor")])
    assert _speaker(quotes, "We will go") == "Ana Ruiz"


def test_a_participle_joined_to_a_main_clause_after_but_speaks_for_its_subject(
    nlp: Language,
) -> None:
    quotes = _pipeline_quotes(
        nlp,
        "The works were supposed to end by May, but Mayor Tom Akers missed the deadline, citing"
        " delays and announcing last week that the bridge would open in June.",
    )
    assert [q.speaker for q in quotes if q.cue and q.cue.text == "announcing"] == ["Tom Akers"]


def test_a_report_joined_by_while_is_a_quote_of_its_own_speaker(nlp: Language) -> None:
    quotes = _pipeline_quotes(
        nlp,
        "The prosecutor, Anna Berg, said the evidence was strong, while the defense lawyer, Paul"
        " Stone, said the evidence would not show any intent.",
    )
    assert [(q.speaker, q.text) for q in quotes] == [
        ("Anna Berg", "the evidence was strong"),
        ("Paul Stone", "the evidence would not show any intent"),
    ]


def test_a_participle_after_a_comma_is_said_by_the_clause_before(base_nlp: Language) -> None:
    sudani = Entity("E1", "Mohammed Shia al-Sudani", "PERSON", "IRQ", "GOV")
    text = (
        "Iraqi Prime Minister Mohammed Shia al-Sudani was first to share word of the strike, "
        'announcing on social media Friday that the intelligence service "successfully '
        'eliminated" the IS deputy caliph.'
    )
    quotes = _quotes(base_nlp, text, [sudani], [("Mohammed Shia al-Sudani", "E1")])
    assert _speaker(quotes, "that the intelligence") == "Mohammed Shia al-Sudani"


def test_a_known_name_the_tagger_took_for_a_verb_still_speaks(base_nlp: Language) -> None:
    trump = Entity("E1", "Donald Trump", "PERSON", "USA", "PTY")
    text = (
        "Republican nominee Donald Trump spoke on Monday. Trump this week also said he would "
        "consider naming Sen. Mike Lee to the Supreme Court."
    )
    quotes = _quotes(base_nlp, text, [trump], [("Donald Trump", "E1")])
    assert _speaker(quotes, "he would consider") == "Donald Trump"


@pytest.mark.parametrize(
    ("others", "speaker"),
    [
        ([], "Jane Roe"),  # the one candidate named before "the nominee"
        ([Entity("E2", "Ann Lee", "PERSON", "USA", "PTY")], "GOP nominee"),  # two: none guessed
    ],
)
def test_the_nominee_is_the_one_candidate_named_before(
    base_nlp: Language, others: list[Entity], speaker: str
) -> None:
    text = "Lawyers for Jane Roe and Ann Lee filed papers. The GOP nominee argued that the files stay closed."
    roe = Entity("E1", "Jane Roe", "PERSON", "USA", "PTY")
    lee = others[0] if others else Entity("E2", "Ann Lee", "PERSON", "USA", "GOV")
    quotes = _quotes(base_nlp, text, [roe, lee], [("Jane Roe", "E1"), ("Ann Lee", "E2")])
    assert [q.speaker for q in quotes] == [speaker]


def test_the_editorial_board_is_the_one_newspaper_named(base_nlp: Language) -> None:
    text = (
        "A headline from the Wall Street Journal reads so. Haley is an articulate conservative, "
        "the editorial board writes."
    )
    wsj = Entity("E1", "Wall Street Journal", "ORG", "USA", "JRN")
    quotes = _quotes(base_nlp, text, [wsj], [("Wall Street Journal", "E1")])
    assert _speaker(quotes, "Haley") == "Wall Street Journal"

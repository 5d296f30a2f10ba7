"""People and their titles (stages/actors/people.py, roles.py), on short texts."""

from __future__ import annotations

import pytest
from actors_text import entity_named, mention_at, run
from spacy.language import Language

from storyline.stages.actors.lexicon import (
    nationality_of,
)

pytestmark = pytest.mark.slow


def test_title_after_name_apposition(base_nlp: Language) -> None:
    doc = run(
        base_nlp,
        "Yang Peou, secretary-general of the Royal Academy of Cambodia, said talks are needed. "
        "Peou continued that Cambodia should act.",
    )
    peou = entity_named(doc, "Yang Peou")
    assert (peou.country, peou.sector) == ("KHM", "EDU")
    short = mention_at(doc, "Peou", nth=1)
    assert short is not None and short.entity_id == peou.id


def test_a_bodys_office_holder_after_its_possessive(base_nlp: Language) -> None:
    doc = run(base_nlp, "Activists rallied against the party's leader Karim Dossou on Monday.")
    assert entity_named(doc, "Karim Dossou").sector == "PTY"
    doc = run(base_nlp, "Activists rallied against the country's leader Karim Dossou on Monday.")
    assert entity_named(doc, "Karim Dossou").sector != "PTY"


def test_people_sharing_a_surname_stay_apart(base_nlp: Language) -> None:
    doc = run(
        base_nlp,
        "Opposition leader Kem Sokha met Prime Minister Hun Sen. Later, Kem Monovithya said "
        "the talks failed.",
    )
    sokha = entity_named(doc, "Kem Sokha")
    monovithya = entity_named(doc, "Kem Monovithya")
    assert sokha.id != monovithya.id
    assert sokha.sector == "OPP"


def test_name_with_particles_is_one_person(base_nlp: Language) -> None:
    doc = run(
        base_nlp,
        "The message came from European Commission chief Ursula von der Leyen at the European "
        "Parliament. Von der Leyen said she agreed.",
    )
    person = entity_named(doc, "Ursula von der Leyen")
    assert person.country == "IGO"
    short = mention_at(doc, "Von der Leyen")
    assert short is not None and short.entity_id == person.id


def test_a_people_word_before_a_verb_stays_a_person(base_nlp: Language) -> None:
    doc = run(base_nlp, "Minister Sam Hausa said the talks would resume.")
    assert entity_named(doc, "Sam Hausa").type == "PERSON"


def test_a_surname_the_tagger_calls_a_noun_is_still_the_person(base_nlp: Language) -> None:
    doc = run(
        base_nlp,
        "Ukrainian President Volodymyr Zelenskyy called Hun Sen on Monday.\n\nZelenskyy offered "
        "his appreciation to Cambodia for its support for Ukraine's bid to become an ASEAN "
        "Sectoral Dialogue Partner, after it signed the Instrument of Accession.",
    )
    person = entity_named(doc, "Volodymyr Zelenskyy")
    his = mention_at(doc, "his")
    assert his is not None and his.entity_id == person.id
    it = mention_at(doc, "it")
    assert it is not None and it.entity_id == "country:UKR"  # "Ukraine's bid ..., after it"


def test_office_holder_with_a_misspelled_surname(base_nlp: Language) -> None:
    doc = run(base_nlp, "President Francois Mitterand welcomed the envoy on Thursday.")
    assert entity_named(doc, "Francois Mitterand").country == "FRA"
    # A near miss is weak: the document's own country comes first ("Nelson" is one letter
    # short of a Malagasy name).
    doc = run(
        base_nlp,
        "Sen. Bill Nelson spoke in Washington about the U.S. budget on Monday. The United "
        "States must act, Nelson said in Florida, where the U.S. Navy is based.",
    )
    assert entity_named(doc, "Bill Nelson").country == "USA"


def test_an_office_holder_named_by_title_and_surname_as_the_dictionary_writes_it(
    base_nlp: Language,
) -> None:
    doc = run(base_nlp, "Moroccan diplomats met President Obama in Washington on Monday.")
    assert entity_named(doc, "Obama").country == "USA"
    assert nationality_of("Obama") is None  # the surname alone is shared with other countries


def test_a_known_person_the_tagger_calls_a_place(base_nlp: Language) -> None:
    doc = run(base_nlp, "Buhari attended the summit.")
    assert [(e.type, e.country) for e in doc._.entities] == [("PERSON", "NGA")]
    doc = run(base_nlp, "Paris rejected the plan.")  # also a surname in the people lexicon
    assert [(e.type, e.country) for e in doc._.entities] == [("ORG", "FRA")]


def test_a_surname_alone_the_dictionary_writes_with_a_courtesy_title(base_nlp: Language) -> None:
    doc = run(base_nlp, "Obama will hold talks in Nairobi.")
    assert entity_named(doc, "Obama").country == "USA"


def test_a_title_and_name_ending_the_text(base_nlp: Language) -> None:
    doc = run(base_nlp, "The crowd cheered for President Barack Obama")
    assert entity_named(doc, "Barack Obama").type == "PERSON"


@pytest.mark.parametrize(
    ("text", "person", "codes"),
    [
        (
            "The U.N. special envoy for Syria is calling for an end to violence. Geir Pedersen "
            "issued his appeal Friday.",
            "Geir Pedersen",
            ("IGO", "GOV"),
        ),
        (
            "Russia's envoy again dismissed accusations at Friday's meeting. \"This is completely "
            'false," Vassily Nebenzia told the council.',  # a name the tagger calls a work of art
            "Vassily Nebenzia",
            ("RUS", "GOV"),
        ),
        (
            "A Russian envoy dismissed accusations from Ukraine at Friday's meeting. Vassily "
            "Nebenzia told the council it was false.",  # no definite role: the envoy may be anyone
            "Nebenzia",
            (None, None),
        ),
    ],
)
def test_a_role_then_the_name_in_the_next_sentence(
    base_nlp: Language, text: str, person: str, codes: tuple[str | None, str | None]
) -> None:
    """A person first named, untitled, as the subject right after a sentence whose subject is a
    definite role nominal holds that role."""
    doc = run(base_nlp, text)
    found = entity_named(doc, person)
    assert (found.country, found.sector) == codes


def test_a_name_in_apposition_to_a_role_before_it(base_nlp: Language) -> None:
    """ "the spokesperson for Pakistan's Ministry of Foreign Affairs, Ambassador Shafqat Ali
    Khan": the role before the name is the person's (not the ministry's apposition), and two
    ministries of one name in different countries stay two."""
    doc = run(
        base_nlp,
        "Afghanistan's Ministry of Foreign Affairs called the claims baseless. On Thursday, the "
        "spokesperson for Pakistan's Ministry of Foreign Affairs, Ambassador Shafqat Ali Khan, "
        "repeated Islamabad's stance.",
    )
    khan = entity_named(doc, "Shafqat Ali Khan")
    assert (khan.country, khan.sector) == ("PAK", "GOV")
    doc = run(
        base_nlp,
        "Afghanistan's Ministry of Foreign Affairs rejected the claims. Pakistan's Ministry of "
        "Foreign Affairs repeated them.",
    )
    ministries = {e.country for e in doc._.entities if e.name == "Ministry of Foreign Affairs"}
    assert ministries == {"AFG", "PAK"}
    doc = run(
        base_nlp,
        "At a Security Council meeting this week, Pakistan's permanent representative to the "
        "United Nations, Munir Akram, said Kabul was failing.",
    )  # the parser hangs the name from "Nations": the role noun above it is the title
    akram = entity_named(doc, "Munir Akram")
    assert (akram.country, akram.sector) == ("PAK", "GOV")
    doc = run(base_nlp, "He met a spokesman, Amir Khan, in Kabul and Islamabad.")
    assert entity_named(doc, "Amir Khan").sector is None  # "a spokesman": no one office


def test_a_title_naming_a_body_in_lower_case_is_of_the_body_named_before(
    base_nlp: Language,
) -> None:
    """ "foreign ministry spokesperson" after "Afghanistan's Ministry of Foreign Affairs": of
    that ministry's country; with no such body named before, the title gives no country."""
    doc = run(
        base_nlp,
        "Afghanistan's Ministry of Foreign Affairs called Pakistan's assertions baseless in a "
        'statement. "We reject them," foreign ministry spokesperson Abdul Qahar Balkhi said.',
    )
    assert entity_named(doc, "Abdul Qahar Balkhi").country == "AFG"
    doc = run(
        base_nlp,
        'Pakistan\'s army rejected it. "We reject them," foreign ministry spokesperson Abdul '
        "Qahar Balkhi said in Kabul.",
    )
    assert entity_named(doc, "Abdul Qahar Balkhi").country is None


def test_a_surname_written_one_letter_off_is_the_person_named_before(base_nlp: Language) -> None:
    doc = run(
        base_nlp,
        'Geir Pedersen issued his appeal Friday. "It was met with brutality," Pederson said.',
    )
    pedersen = entity_named(doc, "Geir Pedersen")
    short = mention_at(doc, "Pederson")
    assert short is not None and short.entity_id == pedersen.id


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Presumptive Republican nominee Donald Trump attacked his rivals.", "nominee"),
        ("GOP front-runner Donald Trump spoke in Iowa.", "front-runner"),
    ],
)
def test_a_party_anywhere_in_an_election_title_gives_its_country(
    base_nlp: Language, text: str, role: str
) -> None:
    """Election roles are titles of the party (PTY), and a party of one country named anywhere
    in the title ("presumptive Republican nominee", "GOP front-runner") gives the country."""
    doc = run(base_nlp, text)
    trump = entity_named(doc, "Donald Trump")
    assert (trump.country, trump.sector) == ("USA", "PTY")
    assert [(r.role, r.country) for r in doc._.roles if r.entity_id == trump.id] == [(role, "USA")]


def test_an_official_of_an_international_body_is_not_of_the_country_they_serve_in(
    base_nlp: Language,
) -> None:
    """ "the U.N. special representative in Haiti" works for the U.N., not for Haiti; a
    country's own envoy stays that country's."""
    doc = run(
        base_nlp,
        "The U.N. secretary-general's special representative in Haiti, Helen La Lime, said gangs "
        "control the capital.",
    )
    la_lime = entity_named(doc, "Helen La Lime")
    assert (la_lime.country, la_lime.sector) == ("IGO", "GOV")
    doc = run(base_nlp, "The U.N. envoy to Syria, Geir Pedersen, said talks would resume.")
    assert entity_named(doc, "Geir Pedersen").country == "IGO"
    doc = run(
        base_nlp,
        "United Nations-appointed special rapporteur Richard Bennett said the ban must end.",
    )
    bennett = entity_named(doc, "Richard Bennett")
    assert (bennett.country, bennett.sector) == ("IGO", "GOV")
    doc = run(base_nlp, "Kremlin-backed governor Sergei Aksyonov said the bridge was closed.")
    assert entity_named(doc, "Sergei Aksyonov").country == "RUS"
    doc = run(base_nlp, "Pakistan's envoy to Afghanistan, Asif Durrani, said the talks failed.")
    assert entity_named(doc, "Asif Durrani").country == "PAK"


@pytest.mark.parametrize(
    "text",
    [
        "Taliban leader Hibatullah Akhundzada praised the deal.",
        "The leader of Afghanistan's Taliban insurgency Sunday praised the deal. In a message, "
        "Mawlawi Hibatullah Akhundzada said the deal was good.",
    ],
)
def test_the_leader_of_an_armed_group_is_one_of_its_rebels(base_nlp: Language, text: str) -> None:
    doc = run(base_nlp, text, published="2021-05-09")
    leader = next(e for e in doc._.entities if e.name.endswith("Hibatullah Akhundzada"))
    assert (leader.country, leader.sector) == ("AFG", "REB")
    ruling = run(base_nlp, text, published="2024-05-09")  # the Taliban govern from August 2021
    leader = next(e for e in ruling._.entities if e.name.endswith("Hibatullah Akhundzada"))
    assert (leader.country, leader.sector) == ("AFG", "GOV")


def test_the_seat_of_a_business_role_is_a_company(base_nlp: Language) -> None:
    doc = run(
        base_nlp,
        "Senator Elizabeth Warren grilled Wells Fargo CEO John Stumpf on Tuesday. Wells Fargo "
        "said it had fired 5,300 employees.",
    )
    assert entity_named(doc, "Wells Fargo").sector == "BUS"


def test_a_person_the_tagger_calls_an_organization_is_one_person(base_nlp: Language) -> None:
    # spaCy tags "Nikki Haley" ORG and "Haley" PERSON: a given name and a surname the text
    # names as a person make one person
    doc = run(
        base_nlp,
        "Nikki Haley should be deported, a headline reads. Haley, who delivered the GOP "
        "response on Tuesday, is an articulate conservative.",
        published="2016-01-14",
    )
    haley = entity_named(doc, "Nikki Haley")
    assert haley.type == "PERSON"
    assert [e for e in doc._.entities if e.name == "Haley" and e.type == "ORG"] == []


def test_a_leader_in_a_partys_race_is_of_the_party(base_nlp: Language) -> None:
    doc = run(
        base_nlp,
        "Coulter tweeted that Republican poll leader Donald Trump should deport Haley.",
        published="2016-01-14",
    )
    trump = entity_named(doc, "Donald Trump")
    assert (trump.country, trump.sector) == ("USA", "PTY")
    assert not [e for e in doc._.entities if "leader" in e.name]  # a title, no group


def test_a_role_a_name_is_said_to_hold_is_its_role(base_nlp: Language) -> None:
    doc = run(base_nlp, "Donald Trump spoke in Ohio. Trump is the Republican nominee.")
    trump = entity_named(doc, "Donald Trump")
    assert (trump.country, trump.sector) == ("USA", "PTY")
    # a noun that only mentions a role gives none: the son is no president
    doc = run(base_nlp, "Hunter Biden spoke in Ohio. Biden is the son of the president.")
    assert not [r for r in doc._.roles if r.role == "president"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Trump had personally attacked his wife, Heidi Cruz, on Monday.", "Heidi Cruz"),
        ("Ivana Trump, his ex-wife, agreed with the judge.", "Ivana Trump"),
    ],
)
def test_a_relative_titled_by_kinship_is_a_civilian(
    base_nlp: Language, text: str, name: str
) -> None:
    assert entity_named(run(base_nlp, text), name).sector == "CVL"


def test_the_next_name_of_a_list_is_no_apposition_of_the_one_before(base_nlp: Language) -> None:
    doc = run(base_nlp, "Trump attacked Senator Ted Cruz, and his father, Rafael Cruz, on Monday.")
    assert entity_named(doc, "Ted Cruz").sector == "LEG"  # not his father's role
    assert all(
        r.role != "father" for r in doc._.roles if r.entity_id == entity_named(doc, "Ted Cruz").id
    )


def test_a_relatives_group_of_a_people_is_one_person(base_nlp: Language) -> None:
    doc = run(base_nlp, "Haley is the daughter of Indian immigrants and governor of the state.")
    assert not [e for e in doc._.entities if "daughter" in e.name]


@pytest.mark.parametrize(
    ("text", "name", "sector"),
    [
        (
            "Zorbix chief executive Lowell McAdam said the strike hurt sales.",
            "Lowell McAdam",
            "BUS",
        ),
        ("Hong Kong Chief Executive Carrie Lam said the protests must end.", "Carrie Lam", "GOV"),
    ],
)
def test_a_chief_executive_titled_by_a_company_heads_it(
    base_nlp: Language, text: str, name: str, sector: str
) -> None:
    assert entity_named(run(base_nlp, text), name).sector == sector

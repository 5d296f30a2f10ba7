"""Passes over the whole document (stages/actors/bodies.py): unnamed bodies, members of a body,
refugees, international bodies, the country of a document about one country."""

from __future__ import annotations

import pytest
from actors_text import entity_named, mention_at, run
from spacy.language import Language

from storyline.stages.actors.bodies import home_country
from storyline.stages.actors.build import Builder
from storyline.stages.actors.coref import Cluster
from storyline.stages.actors.lexicon import lexicon

pytestmark = pytest.mark.slow


def test_rebels_of_the_only_country_do_not_make_its_president_foreign(
    base_nlp: Language,
) -> None:
    doc = run(
        base_nlp,
        "Rebels in the Ivory Coast dismissed an appeal from President Laurent Gbago to lay "
        "down their arms.",
    )
    assert entity_named(doc, "Laurent Gbago").country == "CIV"


@pytest.mark.parametrize(
    ("text", "person", "country"),
    [
        (
            "Judge Alejandro Rivera opened fraud investigations against 28 Chilean government "
            "officials suspected of taking kickbacks.",
            "Alejandro Rivera",
            "CHL",
        ),
        (
            "President Jose Eduardo Santos conceded to demands from the National Union for the "
            "Total Independence of Angola (UNITA).",
            "Jose Eduardo Santos",
            "AGO",
        ),
        (
            "Islamic fundamentalists continued their hunger strike to demand the resignation "
            "of Algerian President Ahmed Ben Bella.",
            "Islamic fundamentalists",
            "DZA",
        ),
        (
            "Islamic fundamentalists protested in Paris against the Algerian president.",
            "Islamic fundamentalists",
            None,
        ),
        (
            "President Karl Mendoza met Russian President Vladimir Putin in Moscow.",
            "Karl Mendoza",
            None,
        ),
        (
            "Kenyan police arrested ten protesters in Nairobi on Monday, Reuters reported.",
            "Reuters",
            None,  # an outlet is not of the country it reports on
        ),
        (
            "A court in Guatemala sent journalist Jose Ruben Zamora back to prison on Monday.",
            "Jose Ruben Zamora",
            "GTM",  # a journalist the story is about is of its country
        ),
        (
            "Kenyan police arrested ten protesters in Nairobi, VOA correspondent Anna Berg reported.",
            "Anna Berg",
            None,  # a correspondent reports on the country from outside
        ),
    ],
)
def test_office_holder_of_the_only_country_named(
    base_nlp: Language, text: str, person: str, country: str | None
) -> None:
    """An office holder with no stated country is of the one country the text names (also in an
    organization's name), unless someone of that country already holds the same kind of office."""
    doc = run(base_nlp, text)
    assert entity_named(doc, person).country == country


def test_a_group_named_by_its_members_in_a_country(base_nlp: Language) -> None:
    doc = run(base_nlp, "Police arrested members of an extremist organization in Northern Ireland.")
    group = next(m for m in doc._.mentions if m.text.endswith("Northern Ireland"))
    assert group.entity_id == "country:GBR:REB"


def test_a_leaders_administration_is_the_government_and_un_helicopters_the_un(
    base_nlp: Language,
) -> None:
    doc = run(base_nlp, "The Bush administration rejected the plan. U.N. helicopters arrived.")
    codes = {(e.id, e.country, e.sector) for e in doc._.entities}
    assert ("country:USA:GOV", "USA", "GOV") in codes
    assert ("igo:UNO", "IGO", None) in codes
    assert not any(e.id == "igo:UNO:MIL" for e in doc._.entities)


def test_unnamed_bodies_of_the_country_a_document_is_about(base_nlp: Language) -> None:
    doc = run(
        base_nlp,
        "Kenya's opposition called for protests in Nairobi. The government said police would "
        "respond.",
    )
    assert {"country:KEN:GOV", "country:KEN:COP"} <= {m.entity_id for m in doc._.mentions}
    government = mention_at(doc, "The government")
    assert government is not None
    assert (government.entity_id, government.kind) == ("country:KEN:GOV", "nominal")
    # Two countries named as often as each other: whose government it is stays open.
    doc = run(base_nlp, "Kenya and Uganda met. The government said it would respond.")
    assert mention_at(doc, "The government") is None


def test_unnamed_candidates_and_voters_of_an_election_story(base_nlp: Language) -> None:
    doc = run(
        base_nlp,
        "The U.S. Senate voted in Washington on Monday. Both presidential candidates have "
        "opposed the trade deal, and many voters agree.",
    )
    candidates = mention_at(doc, "Both presidential candidates")
    voters = mention_at(doc, "many voters")
    assert candidates is not None and candidates.entity_id == "country:USA:PTY"
    assert voters is not None and voters.entity_id == "country:USA:CVL"
    doc = run(base_nlp, "The U.S. Senate voted in Washington on Monday. Workers protested.")
    workers = mention_at(doc, "Workers")
    assert workers is not None and workers.entity_id == "country:USA:LAB"


def test_a_court_is_of_the_document_s_country_or_of_the_place_it_sits_in(
    base_nlp: Language,
) -> None:
    """ "A court" is the country's court (unlike "a government"); "a court in Spain" is Spain's."""
    text = (
        "A court in Guatemala City ordered journalist Jose Ruben Zamora back to prison, "
        "Guatemala's prosecutors said. An appeals court had annulled his conviction."
    )
    doc = run(base_nlp, text)
    for words in ("A court", "An appeals court"):
        court = mention_at(doc, words)
        assert court is not None
        assert court.entity_id == "country:GTM:JUD"
    doc = run(
        base_nlp,
        "A court in Spain ordered the Guatemalan journalist back to prison. Guatemala is in "
        "crisis, and Guatemalan judges agree with Guatemala's president.",
    )
    court = mention_at(doc, "A court")
    assert court is not None
    assert court.entity_id == "country:ESP:JUD"


def test_unnamed_forces_in_a_region_of_a_country_in_a_story_about_another(
    base_nlp: Language,
) -> None:
    """Bodies said to be in a place are of its country even in a document about another."""
    doc = run(
        base_nlp,
        "Iraqi officials said an offensive launched by forces in Somalia's Puntland region "
        "had met with success. Iraq's prime minister praised Iraqi forces.",
    )
    forces = mention_at(doc, "forces")
    assert forces is not None
    assert forces.entity_id == "country:SOM:MIL"


def test_unnamed_rebels_are_of_the_document_s_country(base_nlp: Language) -> None:
    doc = run(base_nlp, "Rebels attacked an army base in northern Mali on Sunday.")
    rebels = mention_at(doc, "Rebels")
    assert rebels is not None
    assert rebels.entity_id == "country:MLI:REB"
    assert mention_at(doc, "army") is None  # a word of "an army base", not the army itself
    doc = run(
        base_nlp,
        "Security forces in Somalia say they killed all six attackers who laid siege to a hotel "
        "in the central town of Beledweyne.",
    )
    attackers = mention_at(doc, "all six attackers")
    assert attackers is not None
    assert attackers.entity_id == "country:SOM:REB"
    doc = run(base_nlp, "Somalia's army said it killed 33 terrorists near Mogadishu in Somalia.")
    terrorists = mention_at(doc, "terrorists")
    assert terrorists is not None
    assert terrorists.entity_id == "country:SOM:REB"


def test_refugees_are_of_the_country_they_flee(base_nlp: Language) -> None:
    doc = run(base_nlp, "Thousands of refugees fleeing Syria crossed into Turkey.")
    refugees = mention_at(doc, "refugees fleeing Syria")
    assert refugees is not None
    assert refugees.entity_id == "country:SYR:REF"


@pytest.mark.parametrize(
    ("text", "actor", "country", "sector"),
    [
        (
            "Doctors from two American aid groups delivered medicine to the hospital.",
            "Doctors from two American aid groups",
            "USA",
            "MED",
        ),
        (
            "Authorities pressured workers of the United Bus Company of Tehran to end the strike.",
            "workers of the United Bus Company of Tehran",
            "IRN",
            "LAB",
        ),
        (
            "Militants loyal to Iraq's Al-Qaeda frontman Abu Musab al-Zarqawi claimed the attack.",
            "Militants loyal to Iraq's Al-Qaeda frontman Abu Musab al-Zarqawi",
            "IRQ",
            "REB",
        ),
        (
            "Violence began in Syria three months after the fall of President Bashar al-Assad, "
            "where security forces clashed with fighters loyal to the former president.",
            "fighters loyal to the former president",  # a body known only after the names
            "SYR",
            "REB",
        ),
        (
            "A Christian missionary from Calgary was arrested in Lebanon.",
            "Christian missionary",
            "CAN",
            "REL",
        ),
    ],
)
def test_people_of_a_body_or_place_are_a_group_of_its_country(
    base_nlp: Language, text: str, actor: str, country: str, sector: str
) -> None:
    doc = run(base_nlp, text)
    found = mention_at(doc, actor)
    assert found is not None, [m.text for m in doc._.mentions]
    entity = next(e for e in doc._.entities if e.id == found.entity_id)
    assert (entity.country, entity.sector) == (country, sector)


def test_people_of_a_body_with_no_country_are_left_alone(base_nlp: Language) -> None:
    doc = run(base_nlp, "Doctors from the local hospital treated the wounded.")
    assert not [m for m in doc._.mentions if m.text.startswith("Doctors")]


@pytest.mark.parametrize(
    ("text", "actor", "country", "sector"),
    [
        ("A human rights group protested here on Wednesday.", "human rights group", "NGO", None),
        (
            "The rebels opposed the deployment of a regional peacekeeping force.",
            "regional peacekeeping force",
            "IGO",
            "MIL",
        ),
        ("Croatian aid groups sent food to the town.", "Croatian aid groups", "HRV", "NGO"),
    ],
)
def test_unnamed_international_bodies(
    base_nlp: Language, text: str, actor: str, country: str, sector: str | None
) -> None:
    doc = run(base_nlp, text)
    found = mention_at(doc, actor)
    assert found is not None, [m.text for m in doc._.mentions]
    entity = next(e for e in doc._.entities if e.id == found.entity_id)
    assert (entity.country, entity.sector) == (country, sector)


@pytest.mark.parametrize(
    ("text", "actor", "country"),
    [
        (
            "Secretary of State Mark Holden led talks with Ukrainian officials on the U.S. plan.",
            "Mark Holden",
            "USA",  # of the countries with that office, the one the text names
        ),
        (
            "Secretary of State Mark Holden led talks with Ukrainian officials in Jeddah.",
            "Mark Holden",
            None,  # no country with that office is named
        ),
        (
            "Analysts say the test will add to calls in Congress to impose sanctions against "
            "Turkey, and the United States may act soon.",
            "Congress",
            "USA",
        ),
        (
            "Republican lawmakers praised the ceasefire deal with Ukraine.",
            "Republican lawmakers",
            "USA",
        ),
        (
            "U.S. lawmakers met in Washington on Monday. Congress must act on the border with "
            "Mexico, officials of the United States said in Texas, and the U.S. government in "
            "Washington agreed.",
            "Congress",
            "USA",  # Mexico has a congress too, but the document is about the United States
        ),
    ],
)
def test_an_office_or_body_few_countries_have_is_of_the_one_named(
    base_nlp: Language, text: str, actor: str, country: str | None
) -> None:
    """An office or institution only some countries have, or a group a party of one country
    names, is of that country when the document names it and no other of them."""
    doc = run(base_nlp, text)
    assert entity_named(doc, actor).country == country


@pytest.mark.parametrize(
    ("text", "country"),
    [
        (
            "Turkey wants the U.S. to lift sanctions, and Washington may agree. Turkish President "
            "Recep Tayyip Erdogan will look to President Walter Brinks for help. Turkey and the "
            "United States disagree, and Turkey and Turkey's army are firm.",
            "USA",  # Turkey's president is named: of the other countries, the one named most
        ),
        (
            "Turkey wants Russia and the U.S. to lift sanctions. Turkish President Recep Tayyip "
            "Erdogan will look to President Walter Brinks for help. Turkey and Turkey's army are "
            "firm.",
            None,  # Russia and the United States as often: unclear
        ),
    ],
)
def test_an_office_holder_of_the_country_whose_office_is_open(
    base_nlp: Language, text: str, country: str | None
) -> None:
    doc = run(base_nlp, text)
    assert entity_named(doc, "Walter Brinks").country == country


def test_a_second_holder_of_an_office_many_hold_is_of_the_document_s_country(
    base_nlp: Language,
) -> None:
    """A country has many senators: one of the home country named leaves the next one's
    country to the document, unlike a president's (see the Mendoza case above)."""
    doc = run(
        base_nlp,
        "Sen. John McCain and Sen. Rand Paul argued in Washington over the U.S. budget. The "
        "United States must act, McCain said in Texas, and Paul said in Kentucky that the U.S. "
        "would not.",
    )
    assert entity_named(doc, "Rand Paul").country == "USA"


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Sen. Jane Wexler of the U.S. Congress met Chinese officials.", "senator"),
        (
            "Secretary of State Mark Holden led talks with Ukrainian officials on the U.S. plan.",
            "secretary of state",
        ),
    ],
)
def test_an_office_few_countries_have_gives_its_role_the_country(
    base_nlp: Language, text: str, role: str
) -> None:
    """The role's record says the country too (what ``storyline kb build`` learns from), and
    "Sen." is written "senator"."""
    doc = run(base_nlp, text)
    assert [(r.role, r.country) for r in doc._.roles] == [(role, "USA")]


def test_an_unnamed_body_in_a_document_of_two_countries_is_of_the_one_just_named(
    base_nlp: Language,
) -> None:
    """No country dominates: "the military" is of the one country its sentence and the two
    before it name (Balochistan's), and stays open when they name two."""
    text = (
        "Afghanistan rejected Pakistan's allegation that the attack was planned in Afghanistan. "
        "Militants attacked a passenger train near Sibi, Balochistan, on Tuesday. At least 21 "
        "passengers died. The military said it killed 33 of them."
    )
    military = mention_at(run(base_nlp, text), "The military")
    assert military is not None
    assert military.entity_id == "country:PAK:MIL"
    text = (
        "Afghanistan rejected Pakistan's allegation that the attack was planned in Afghanistan. "
        "The military said it killed 33 of them."
    )
    assert mention_at(run(base_nlp, text), "The military") is None


def test_a_body_a_person_owns_is_of_the_person_s_country(base_nlp: Language) -> None:
    """ "President Donald Trump and his Cabinet": the Cabinet is his country's."""
    doc = run(
        base_nlp,
        "Republican lawmakers praised U.S. President Walter Brinks and his Cabinet for their "
        "strong stance with Ukraine.",
    )
    assert entity_named(doc, "Cabinet").country == "USA"


@pytest.mark.parametrize(
    ("text", "country"),
    [
        (
            "Britain opposes trophy hunting. Botswana issues around 400 elephant licenses "
            "annually. Most are bought by hunters from abroad. Wynter Mmolotsi, minister of "
            "environment and tourism, told Parliament the revenue had doubled.",
            "BWA",  # the one country the sentences just before name
        ),
        (
            "Botswana and Britain disagree on licenses. Most are bought by hunters from abroad. "
            "Wynter Mmolotsi, minister of environment and tourism, told Parliament the revenue "
            "had doubled.",
            None,  # two countries there: unclear
        ),
    ],
)
def test_an_office_holder_of_the_country_the_sentences_before_name(
    base_nlp: Language, text: str, country: str | None
) -> None:
    doc = run(base_nlp, text)
    assert entity_named(doc, "Wynter Mmolotsi").country == country
    assert entity_named(doc, "Parliament").country == country


def test_the_role_of_a_person_the_lexicon_knows_still_records_the_office_s_country(
    base_nlp: Language,
) -> None:
    """What storyline learns from titles must not hang on what it already knows: "Sen. Mitch
    McConnell" (in the learned people) has a senator's role of the USA as an unknown would."""
    doc = run(base_nlp, "Sen. Mitch McConnell of the U.S. Congress met Chinese officials.")
    assert [(r.role, r.country) for r in doc._.roles] == [("senator", "USA")]


@pytest.mark.parametrize(
    ("text", "person", "country", "sector"),
    [
        ("California Rep. Adam Schiff called on Russia to stop.", "Adam Schiff", "USA", "LEG"),
        ("Kabul police chief Abdul Rahman met the envoy.", "Abdul Rahman", "AFG", "COP"),
        ("Rep. Adam Schiff (D-Calif.) called on Russia to stop.", "Adam Schiff", "USA", "LEG"),
        ("Bernie Sanders (I-Vt.) criticized Russia.", "Bernie Sanders", "USA", "LEG"),
    ],
)
def test_an_office_of_a_place_or_a_party_and_state_mark_give_the_country(
    base_nlp: Language, text: str, person: str, country: str, sector: str
) -> None:
    doc = run(base_nlp, text)
    entity = entity_named(doc, person)
    assert (entity.country, entity.sector) == (country, sector)


def test_a_country_named_only_as_the_other_side_is_no_home(base_nlp: Language) -> None:
    doc = run(
        base_nlp,
        "Rep. Adam Schiff called on President Obama to retaliate against Russia, and "
        "Senator Jane Doe urged sanctions on Russia.",
    )
    assert entity_named(doc, "Adam Schiff").country != "RUS"
    assert entity_named(doc, "Jane Doe").country != "RUS"


def test_a_document_naming_no_other_country_gives_its_bodies_its_country(
    base_nlp: Language,
) -> None:
    """A court of the home country named first leaves a second court open only when the text
    names another country it could belong to."""
    text = "Voters in Ohio and Florida sued. The appeals court ruled. The Supreme Court declined."
    doc = base_nlp(text)
    b = Builder(doc, lexicon())
    for place in ("Ohio", "Florida"):
        at = next(t.i for t in doc if t.text == place)
        b.add(at, at + 1, "name", Cluster(f"place:{place}", "GPE", place, "USA", place=True))
    appeals = next(t.i for t in doc if t.text == "appeals")
    b.add(appeals, appeals + 2, "name", Cluster("E1", "ORG", "appeals court", "USA", "JUD"))
    supreme = next(t.i for t in doc if t.text == "Supreme")
    court = Cluster("E2", "ORG", "Supreme Court", None, "JUD")
    b.add(supreme, supreme + 2, "name", court)
    home_country(b)
    assert court.country == "USA"


@pytest.mark.parametrize(
    ("text", "sector"),
    [
        ("Talks with Zorbix executives went on. Zorbix will talk to the union.", "BUS"),
        ("Zorbix said on Monday that talks would resume. Zorbix will talk to the union.", None),
    ],
)
def test_an_organization_named_before_its_executives_is_a_company(
    base_nlp: Language, text: str, sector: str | None
) -> None:
    doc = run(base_nlp, text)
    assert [e.sector for e in doc._.entities if e.name == "Zorbix" and e.type == "ORG"] == [sector]


def test_a_capitalized_first_word_before_executives_names_no_company(base_nlp: Language) -> None:
    doc = run(base_nlp, "Bank executives said the bank had fired 5,300 employees.")
    assert all(e.sector != "BUS" or e.name != "Bank" for e in doc._.entities)

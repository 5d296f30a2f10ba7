"""What each kind of name becomes (stages/actors/named.py, groups.py): countries, capitals,
organizations, places, peoples and the groups they head, on short texts."""

from __future__ import annotations

import pytest
from actors_text import entity_named, mention_at, run
from spacy.language import Language

from storyline.stages.actors.lexicon import (
    group_of,
)

pytestmark = pytest.mark.slow


def test_capital_for_its_government_but_not_as_a_place(base_nlp: Language) -> None:
    doc = run(base_nlp, "Hun Sen, long friendly with Moscow, met envoys in Moscow on Monday.")
    acting = mention_at(doc, "Moscow")
    place = mention_at(doc, "Moscow", nth=1)
    assert acting is not None and place is not None
    gov = next(e for e in doc._.entities if e.id == acting.entity_id)
    where = next(e for e in doc._.entities if e.id == place.entity_id)
    assert (gov.country, gov.sector) == ("RUS", "GOV")
    assert (where.country, where.sector) == ("RUS", "CVL")  # a city: its people, as in PLOVER


def test_capital_hosting_an_embassy_is_its_government(base_nlp: Language) -> None:
    doc = run(base_nlp, "Sri Lanka opened an embassy in Tehran. Its minister arrived in Tehran.")
    host = mention_at(doc, "Tehran")
    place = mention_at(doc, "Tehran", nth=1)
    assert host is not None and place is not None
    gov = next(e for e in doc._.entities if e.id == host.entity_id)
    where = next(e for e in doc._.entities if e.id == place.entity_id)
    assert (gov.country, gov.sector) == ("IRN", "GOV")
    assert (where.country, where.sector) == ("IRN", "CVL")


def test_a_group_holding_a_place_is_of_its_demonym(base_nlp: Language) -> None:
    doc = run(base_nlp, "The army resumed shelling Albanian rebel-held territory on Monday.")
    held = mention_at(doc, "Albanian rebel")
    assert held is not None
    group = next(e for e in doc._.entities if e.id == held.entity_id)
    assert (group.country, group.sector) == ("ALB", "REB")


def test_a_peoples_group_acts_in_the_one_country_its_sentence_names(
    base_nlp: Language,
) -> None:
    doc = run(base_nlp, "The Mozambique government met Shona rebels in the north on Monday.")
    assert entity_named(doc, "Shona rebels").country == "MOZ"
    doc = run(base_nlp, "Tamil rebels attacked Sri Lanka's army, India said.")
    assert entity_named(doc, "Tamil rebels").country == "LKA"


def test_embassy_acts_for_its_sending_country(base_nlp: Language) -> None:
    doc = run(
        base_nlp,
        'The U.S. Embassy in Phnom Penh welcomed the statement. "We are pleased," it said.',
    )
    embassy = entity_named(doc, "U.S. Embassy in Phnom Penh")
    assert (embassy.country, embassy.sector) == ("USA", "GOV")
    it = mention_at(doc, "it")
    assert it is not None and it.entity_id == embassy.id


def test_country_minister_and_country_alone(base_nlp: Language) -> None:
    doc = run(
        base_nlp,
        "Singaporean Foreign Minister Vivian Balakrishnan imposed sanctions on Russia. "
        "Cambodia voted for the resolution.",
    )
    minister = entity_named(doc, "Vivian Balakrishnan")
    assert (minister.country, minister.sector) == ("SGP", "GOV")
    cambodia = entity_named(doc, "Cambodia")
    assert (cambodia.id, cambodia.country, cambodia.sector) == ("country:KHM", "KHM", None)


def test_opposition_party_its_acronym_and_its_leader(base_nlp: Language) -> None:
    doc = run(
        base_nlp,
        "The Cambodia National Rescue Party, the exiled opposition party, also condemned the "
        "invasion. CNRP acting President Sam Rainsy told reporters it was wrong.",
    )
    party = entity_named(doc, "Cambodia National Rescue Party")
    assert (party.country, party.sector) == ("KHM", "OPP")
    cnrp = mention_at(doc, "CNRP")
    assert cnrp is None or cnrp.entity_id == party.id
    rainsy = entity_named(doc, "Sam Rainsy")
    assert (rainsy.country, rainsy.sector) == ("KHM", "OPP")


def test_igo_organs_have_stable_codes(base_nlp: Language) -> None:
    doc = run(
        base_nlp,
        "Cambodia voted for a UN General Assembly (UNGA) resolution after Russia vetoed a motion "
        "at the U.N. Security Council.",
    )
    unga = entity_named(doc, "UN General Assembly")
    assert (unga.id, unga.country) == ("igo:UNGA", "IGO")
    assert "UNGA" in unga.aliases
    assert entity_named(doc, "UN Security Council").id == "igo:UNSC"


def test_groups_of_a_country(base_nlp: Language) -> None:
    doc = run(base_nlp, "Senior Hungarian and Romanian officials agreed. Russian troops invaded.")
    codes = {(e.country, e.sector) for e in doc._.entities}
    assert {("HUN", "GOV"), ("ROU", "GOV"), ("RUS", "MIL")} <= codes


def test_capital_heading_a_group(base_nlp: Language) -> None:
    doc = run(base_nlp, "The Khartoum government rejected the plan. Officials in Moscow agreed.")
    khartoum = mention_at(doc, "Khartoum government")
    assert khartoum is not None and khartoum.entity_id == "country:SDN:GOV"
    assert len({(m.start, m.end) for m in doc._.mentions}) == len(doc._.mentions)


def test_ethnic_group_is_not_the_country_of_its_demonym(base_nlp: Language) -> None:
    doc = run(base_nlp, "Ethnic Albanians in south Serbia demanded protection.")
    group = mention_at(doc, "Ethnic Albanians")
    assert group is not None
    people = next(e for e in doc._.entities if e.id == group.entity_id)
    assert (people.country, people.sector) == ("SRB", "CVL")


@pytest.mark.parametrize(
    ("text", "actor", "country", "sector"),
    [
        ("Tamil rebels ambushed soldiers on Tuesday.", "Tamil rebels", "LKA", "REB"),
        ("Darfur rebels attacked a convoy near the town.", "Darfur rebels", "SDN", "REB"),
        ("Hausa politicians rejected the plan.", "Hausa politicians", "NGA", "ELI"),
        ("Ibo traditional elders demanded reforms.", "Ibo traditional elders", "NGA", "ELI"),
        ("A group of Yoruba leaders backed him.", "Yoruba leaders", "NGA", "ELI"),
        ("Palestinian leaders rejected the plan.", "Palestinian leaders", "PSE", "GOV"),
        ("Gunmen attacked a bus in Tel Aviv.", "Tel Aviv", "ISR", "CVL"),
        ("Militants shelled West Darfur State.", "West Darfur State", "SDN", None),
    ],
)
def test_groups_and_places_of_one_country(
    base_nlp: Language, text: str, actor: str, country: str, sector: str | None
) -> None:
    doc = run(base_nlp, text)
    found = mention_at(doc, actor)
    assert found is not None, [m.text for m in doc._.mentions]
    entity = next(e for e in doc._.entities if e.id == found.entity_id)
    assert entity.country == country
    if sector is not None:
        assert entity.sector == sector


def test_forces_in_a_country_and_things_of_a_country_are_not_its_military(
    base_nlp: Language,
) -> None:
    doc = run(base_nlp, "Pakistan refused to deploy peacekeepers in Iraq.")
    iraq = mention_at(doc, "Iraq")
    assert iraq is not None and iraq.entity_id == "country:IRQ"
    doc = run(base_nlp, "NATO would tighten the naval blockade of Serbia.")
    serbia = mention_at(doc, "Serbia")
    assert serbia is not None and serbia.entity_id == "country:SRB"


@pytest.mark.parametrize(
    ("text", "actor", "country", "sector"),
    [
        ("The Serbian Workers' Union called a strike.", "Serbian Workers' Union", "SRB", "LAB"),
        ("The Montenegro Assembly passed the law.", "Montenegro Assembly", "MNE", "LEG"),
        ("Gunmen in Northern Ireland attacked a pub.", "Northern Ireland", "GBR", None),
    ],
)
def test_unions_assemblies_and_northern_ireland(
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
        ("Vietnamese-led forces attacked the camp.", "Vietnamese-led forces", "VNM"),
        ("The U.S.-led coalition bombed the city.", "U.S.-led coalition", "USA"),
    ],
)
def test_forces_a_country_leads_are_its_military(
    base_nlp: Language, text: str, actor: str, country: str
) -> None:
    doc = run(base_nlp, text)
    found = mention_at(doc, actor)
    assert found is not None, [m.text for m in doc._.mentions]
    assert found.entity_id == f"country:{country}:MIL"


def test_an_organization_named_after_a_city_is_of_its_country(base_nlp: Language) -> None:
    doc = run(base_nlp, "Doctors visited the Baghdad University Medical School on Monday.")
    school = next(m for m in doc._.mentions if "University" in m.text)
    entity = next(e for e in doc._.entities if e.id == school.entity_id)
    assert (entity.country, entity.sector) == ("IRQ", "EDU")


def test_counted_people_of_a_country_are_its_civilians(base_nlp: Language) -> None:
    doc = run(
        base_nlp,
        "Thousands of Nigerians marched in Lagos. Soldiers detained 168 Liberians. "
        "The Palestinians rejected the plan.",
    )
    assert {(e.country, e.sector) for e in doc._.entities} >= {("NGA", "CVL"), ("LBR", "CVL")}
    palestinians = mention_at(doc, "Palestinians")
    assert palestinians is not None
    assert palestinians.entity_id == "country:PSE"


def test_people_described_by_where_they_live_are_civilians(base_nlp: Language) -> None:
    doc = run(base_nlp, "Soldiers arrested Palestinians of the Israeli-occupied West Bank.")
    palestinians = mention_at(doc, "Palestinians")
    assert palestinians is not None
    assert palestinians.entity_id == "country:PSE:CVL"


def test_a_village_in_a_country_is_its_civilians(base_nlp: Language) -> None:
    doc = run(base_nlp, "Fighting erupted in a village in Western Cambodia.")
    assert ("KHM", "CVL") in {(e.country, e.sector) for e in doc._.entities}


def test_an_office_of_an_igo_is_of_the_igo(base_nlp: Language) -> None:
    doc = run(base_nlp, "The United Nations Emergency Relief Coordinator appealed for aid.")
    assert entity_named(doc, "United Nations Emergency Relief Coordinator").country == "IGO"


def test_national_institutions_by_name(base_nlp: Language) -> None:
    doc = run(base_nlp, "The White House said the Pentagon would respond. The Knesset voted.")
    codes = {e.name: (e.country, e.sector) for e in doc._.entities}
    assert codes["White House"] == ("USA", "GOV")
    assert codes["Pentagon"] == ("USA", "MIL")
    assert codes["Knesset"] == ("ISR", "LEG")
    assert group_of("Secretary of State") is None  # many countries have one


def test_armed_groups_the_old_dictionaries_miss(base_nlp: Language) -> None:
    doc = run(base_nlp, "Islamic State militants held civilians in Raqqa.")
    assert (entity_named(doc, "Islamic State").country, entity_named(doc, "Raqqa").country) == (
        "IMG",
        "SYR",
    )


def test_a_group_based_in_a_country_is_of_it(base_nlp: Language) -> None:
    doc = run(base_nlp, "A terror group based in Trinidad claimed the attack.")
    assert ("TTO", "REB") in {(e.country, e.sector) for e in doc._.entities}


def test_armed_groups_by_name_when_the_tagger_misses_them(base_nlp: Language) -> None:
    doc = run(
        base_nlp,
        "A Taliban attack on a government compound killed 20 policemen.",
        published="2019-06-01",  # before the Taliban took power
    )
    taliban = mention_at(doc, "Taliban")
    assert taliban is not None
    assert {(e.id, e.country, e.sector) for e in doc._.entities if e.id == taliban.entity_id} == {
        (taliban.entity_id, "AFG", "REB")
    }


def test_a_capital_under_fire_is_its_people_not_its_government(base_nlp: Language) -> None:
    doc = run(base_nlp, "Rebels shelled Kabul on Sunday. Kabul rejected the offer.")
    first, second = mention_at(doc, "Kabul"), mention_at(doc, "Kabul", 1)
    assert first is not None and second is not None
    codes = {e.id: (e.country, e.sector) for e in doc._.entities}
    assert codes[first.entity_id] == ("AFG", "CVL")
    assert codes[second.entity_id] == ("AFG", "GOV")


def test_a_province_s_government_and_state_media(base_nlp: Language) -> None:
    doc = run(base_nlp, "The government of Sindh province ordered patrols.")
    assert ("PAK", "GOV") in {(e.country, e.sector) for e in doc._.entities}
    doc = run(base_nlp, "An official Syrian newspaper called on Arabs to unite.")
    assert ("SYR", "GOV") in {(e.country, e.sector) for e in doc._.entities}
    doc = run(base_nlp, "A Syrian newspaper called on Arabs to unite.")
    assert ("SYR", "JRN") in {(e.country, e.sector) for e in doc._.entities}


def test_an_ethnic_group_is_of_the_other_country_its_sentence_names_most(
    base_nlp: Language,
) -> None:
    doc = run(
        base_nlp,
        "Ethnic Albanians have sworn to fight for villages near Macedonia's border with Bulgaria, "
        "Macedonian officials said.",
    )
    assert entity_named(doc, "Ethnic Albanians").country == "MKD"


def test_a_people_of_a_country(base_nlp: Language) -> None:
    doc = run(base_nlp, "Dozens of Iraqi Kurds protested.")
    kurds = mention_at(doc, "Iraqi Kurds")
    assert kurds is not None
    assert kurds.entity_id == "country:IRQ:CVL"


@pytest.mark.parametrize(
    ("text", "actor", "country", "sector"),
    [
        (
            "Radical French farmers said on Friday they would blockade Paris.",
            "French farmers",
            "FRA",
            "AGR",
        ),
        (
            "Ankara's Cankaya district administration has denied land for the temple.",
            "Cankaya",
            "TUR",
            None,
        ),
    ],
)
def test_words_before_a_demonym_and_a_capitals_district(
    base_nlp: Language, text: str, actor: str, country: str, sector: str | None
) -> None:
    doc = run(base_nlp, text)
    found = mention_at(doc, actor)
    assert found is not None, [m.text for m in doc._.mentions]
    entity = next(e for e in doc._.entities if e.id == found.entity_id)
    assert (entity.country, entity.sector) == (country, sector)


def test_a_spokesperson_of_a_body_speaks_for_the_body(base_nlp: Language) -> None:
    """ "Pakistani army spokesperson": of the army (MIL), not any government spokesperson."""
    doc = run(
        base_nlp,
        "The Taliban rejected baseless allegations by Pakistani army spokesperson linking the "
        "attack with Afghanistan.",
    )
    spokesperson = mention_at(doc, "Pakistani army spokesperson")
    assert spokesperson is not None
    assert spokesperson.entity_id == "country:PAK:MIL"


def test_an_acronym_the_tagger_misses_is_the_organization_it_abbreviates(
    base_nlp: Language,
) -> None:
    doc = run(
        base_nlp,
        "One of the Islamic State terror group's senior leaders is dead. Officials said they "
        "arrested seven additional IS members. The IS-Somalia branch lost a commander.",
    )
    group = entity_named(doc, "Islamic State")
    found = mention_at(doc, "IS")
    assert found is not None and found.entity_id == group.id
    branch = mention_at(doc, "IS-Somalia")
    assert branch is None or branch.entity_id != group.id  # "IS-Somalia" is not "IS"
    shouted = run(base_nlp, "The Islamic State lost ground. WHAT IS NEXT FOR THE REGION?")
    assert mention_at(shouted, "IS") is None  # a line of capitals is a headline


def test_the_members_of_a_party_are_of_its_country(base_nlp: Language) -> None:
    doc = run(base_nlp, "The Republicans voted against the bill, and Democrats criticized it.")
    for name in ("Republicans", "Democrats"):
        entity = entity_named(doc, name)
        assert (entity.country, entity.sector) == ("USA", "PTY")


def test_a_short_name_ending_an_organizations_name_is_that_organization(
    base_nlp: Language,
) -> None:
    doc = run(
        base_nlp,
        "The Wall Street Journal editorial board wrote on Wednesday. "
        "The Journal notes that Coulter tweeted.",
    )
    journal = entity_named(doc, "Wall Street Journal")
    short = mention_at(doc, "Journal", nth=1)
    assert short is not None and short.entity_id == journal.id
    assert not [e for e in doc._.entities if e.name == "Journal"]


def test_a_short_name_two_organizations_end_with_stays_apart(base_nlp: Language) -> None:
    doc = run(
        base_nlp,
        "The Senate Banking Committee met. The House Oversight Committee voted. "
        "The Committee said it would act.",
    )
    assert [e for e in doc._.entities if e.name == "Committee"]

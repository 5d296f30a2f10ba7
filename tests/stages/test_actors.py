"""Unit tests of the actors stage on short texts (the spaCy model's parse, the stage's logic)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from storyline.records import Entity, Mention
from storyline.stages.actors import entity_id, find_actors, normalize_name
from storyline.stages.actors.coref import QuoteMask, quote_spans
from storyline.stages.actors.lexicon import (
    capital_of,
    country_of,
    group_of,
    misspelled_nationality,
    nationality_of,
    organization_of,
    place_of,
    role_sector,
)

pytestmark = pytest.mark.slow


def run(base_nlp: Language, text: str, published: str | None = "2022-03-04") -> Doc:
    doc = base_nlp(text)
    doc._.doc_id = "d1"
    doc._.published = published
    entities, mentions, roles = find_actors(doc)
    doc._.entities, doc._.mentions, doc._.roles = entities, mentions, roles
    return doc


def entity_named(doc: Doc, name: str) -> Entity:
    found = [e for e in doc._.entities if e.name == name]
    assert found, f"no entity {name!r} in {[e.name for e in doc._.entities]}"
    return found[0]


def mention_at(doc: Doc, text: str, nth: int = 0) -> Mention | None:
    """The mention of the nth whole-word occurrence of ``text``, or None."""
    start = [m.start() for m in re.finditer(rf"\b{re.escape(text)}\b", doc.text)][nth]
    return next((m for m in doc._.mentions if m.start == start and m.text == text), None)


def test_lexicons_answer_names_demonyms_capitals_and_roles() -> None:
    assert country_of("Cambodian") == "KHM"
    assert country_of("U.S.") == "USA"
    assert country_of("Singaporean") == "SGP"
    assert capital_of("Moscow") == "RUS"
    assert capital_of("Phnom Penh") == "KHM"
    assert organization_of("UNGA") == organization_of("UN General Assembly")
    assert organization_of("the U.N. Security Council") is not None
    assert role_sector("prime minister") == "GOV"
    assert role_sector("troops") == "MIL"
    assert role_sector("rebels") == "REB"
    assert country_of("Cambodia voted") is None


def test_entity_ids_are_stable_and_name_folded() -> None:
    assert entity_id("PERSON", "Hun Sen") == entity_id("PERSON", "Hun Sen’s")
    assert entity_id("PERSON", "Hun Sen") != entity_id("ORG", "Hun Sen")
    assert normalize_name("The  U.S. Embassy") == "u.s. embassy"


def test_quote_spans_close_at_paragraph_end() -> None:
    text = 'He said "we act" today.\n“One paragraph\n“Two,” he said.'
    spans = quote_spans(text)
    mask = QuoteMask(spans)
    assert text.index("we") in mask
    assert text.index("today") not in mask
    assert text.index("One") in mask
    assert text.index("he said.") not in mask


def test_title_before_name_pronoun_and_premier_are_one_person(base_nlp: Language) -> None:
    doc = run(
        base_nlp,
        "Cambodian Prime Minister Hun Sen said he would call Kyiv. "
        "The premier said Cambodia is set to host the summit.",
    )
    hun_sen = entity_named(doc, "Hun Sen")
    assert (hun_sen.country, hun_sen.sector, hun_sen.type) == ("KHM", "GOV", "PERSON")
    he = mention_at(doc, "he")
    premier = mention_at(doc, "The premier")
    assert he is not None and he.entity_id == hun_sen.id and he.kind == "pronoun"
    assert premier is not None and premier.entity_id == hun_sen.id and premier.kind == "nominal"
    [role] = [r for r in doc._.roles if r.entity_id == hun_sen.id]
    assert (role.role, role.date) == ("prime minister", "2022-03-04")


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


def test_a_bodys_office_holder_after_its_possessive(base_nlp: Language) -> None:
    doc = run(base_nlp, "Activists rallied against the party's leader Karim Dossou on Monday.")
    assert entity_named(doc, "Karim Dossou").sector == "PTY"
    doc = run(base_nlp, "Activists rallied against the country's leader Karim Dossou on Monday.")
    assert entity_named(doc, "Karim Dossou").sector != "PTY"


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


def test_no_link_for_expletive_it_or_pronouns_in_quotes(base_nlp: Language) -> None:
    doc = run(
        base_nlp,
        'Hun Sen said it is unlikely that Ukraine will win. "He will not stop," Hun Sen said.',
    )
    assert mention_at(doc, "it") is None
    assert mention_at(doc, "He") is None


def test_pronoun_after_a_quote_is_the_last_speaker(base_nlp: Language) -> None:
    doc = run(
        base_nlp,
        "Cambodia backed the plan. Royal Academy of Cambodia secretary-general Yang Peou said "
        "the meeting is important.\n"
        "The Kingdom has adopted a policy of neutrality, he said.",
    )
    he = mention_at(doc, "he")
    kingdom = mention_at(doc, "The Kingdom")
    peou = entity_named(doc, "Yang Peou")
    assert he is not None and he.entity_id == peou.id
    assert kingdom is not None and kingdom.entity_id == "country:KHM"


def test_office_change_between_two_dated_articles(base_nlp: Language) -> None:
    from storyline.story.entities import link_entities, roles_as_of

    before = run(base_nlp, "Prime Minister Hun Sen said Cambodia would vote.", "2022-03-04")
    after = run(base_nlp, "Former prime minister Hun Sen said he backed his son.", "2024-01-10")
    entities = [*before._.entities, *after._.entities]
    roles = [*before._.roles, *after._.roles]
    assert {r.date for r in roles} == {"2022-03-04", "2024-01-10"}
    linked, _ = link_entities(entities, roles)
    [hun_sen] = [e for e in linked if e.name == "Hun Sen"]
    assert hun_sen.sector == "ELI"  # the latest role
    held = roles_as_of(roles, hun_sen.id, "2023-06-15")
    assert held is not None and (held.role, held.sector) == ("prime minister", "GOV")


def test_capital_heading_a_group(base_nlp: Language) -> None:
    doc = run(base_nlp, "The Khartoum government rejected the plan. Officials in Moscow agreed.")
    khartoum = mention_at(doc, "Khartoum government")
    assert khartoum is not None and khartoum.entity_id == "country:SDN:GOV"
    assert len({(m.start, m.end) for m in doc._.mentions}) == len(doc._.mentions)


def test_no_stage_error_on_news_articles(base_nlp: Language) -> None:
    import json

    corpus = Path(__file__).resolve().parents[2] / "examples" / "voa-2025" / "voa_stories.jsonl"
    lines = corpus.read_text(encoding="utf-8").splitlines()[:6]
    for line in lines:
        doc = run(base_nlp, json.loads(line)["text"])
        spans = {(m.start, m.end) for m in doc._.mentions}
        assert len(spans) == len(doc._.mentions)
        ids = {e.id for e in doc._.entities}
        assert all(m.entity_id in ids for m in doc._.mentions)
        assert all(doc.text[m.start : m.end] == m.text for m in doc._.mentions)


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


def test_ethnic_group_is_not_the_country_of_its_demonym(base_nlp: Language) -> None:
    doc = run(base_nlp, "Ethnic Albanians in south Serbia demanded protection.")
    group = mention_at(doc, "Ethnic Albanians")
    assert group is not None
    people = next(e for e in doc._.entities if e.id == group.entity_id)
    assert (people.country, people.sector) == ("SRB", "CVL")


def test_places_peoples_and_name_spellings_in_the_lexicons() -> None:
    assert place_of("Darfur") == ("SDN", "region")
    assert place_of("West Darfur State") == ("SDN", "region")
    assert place_of("Tel Aviv") == ("ISR", "city")
    assert place_of("Tamil") == ("LKA", "people")
    assert place_of("Kurdish") is None  # a people of several countries: the text must say
    assert place_of("Moscow") is None  # a capital, in its own table
    assert nationality_of("Omar Hassan al-Bashir") == "SDN"  # middle name dropped
    assert nationality_of("Omar El Bashir") == "SDN"  # "El" = "al"
    assert nationality_of("Bush") == "USA"  # the dictionary's "President Bush"
    assert nationality_of("Carlos Menem") == "ARG"  # the dictionary: "Carlos Saul Menem"
    assert misspelled_nationality("Mitterand") == "FRA"  # "Mitterrand", one letter short
    assert misspelled_nationality("Smith") is None
    assert group_of("MILF") == ("PHL", "REB")  # a short form in parentheses
    assert group_of("National Union for the Total Independence of Angola") == ("AGO", "REB")
    assert nationality_of("Hassan Smith Jones") is None


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


def test_a_people_word_before_a_verb_stays_a_person(base_nlp: Language) -> None:
    doc = run(base_nlp, "Minister Sam Hausa said the talks would resume.")
    assert entity_named(doc, "Sam Hausa").type == "PERSON"


def test_forces_in_a_country_and_things_of_a_country_are_not_its_military(
    base_nlp: Language,
) -> None:
    doc = run(base_nlp, "Pakistan refused to deploy peacekeepers in Iraq.")
    iraq = mention_at(doc, "Iraq")
    assert iraq is not None and iraq.entity_id == "country:IRQ"
    doc = run(base_nlp, "NATO would tighten the naval blockade of Serbia.")
    serbia = mention_at(doc, "Serbia")
    assert serbia is not None and serbia.entity_id == "country:SRB"


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
    ],
)
def test_office_holder_of_the_only_country_named(
    base_nlp: Language, text: str, person: str, country: str | None
) -> None:
    """An office holder with no stated country is of the one country the text names (also in an
    organization's name), unless someone of that country already holds the same kind of office."""
    doc = run(base_nlp, text)
    assert entity_named(doc, person).country == country


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


def test_subject_it_of_an_adverbial_clause_is_the_nearest_possessor(base_nlp: Language) -> None:
    doc = run(base_nlp, "Putin praised China's stance on Ukraine after it abstained in the vote.")
    it = mention_at(doc, "it")
    assert it is not None and it.entity_id == "country:CHN"


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


def test_a_group_named_by_its_members_in_a_country(base_nlp: Language) -> None:
    doc = run(base_nlp, "Police arrested members of an extremist organization in Northern Ireland.")
    group = next(m for m in doc._.mentions if m.text.endswith("Northern Ireland"))
    assert group.entity_id == "country:GBR:REB"


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


def test_the_press_is_jrn_and_medicine_med_as_plover_codes_them() -> None:
    assert role_sector("journalist") == "JRN"
    assert role_sector("newspaper") == "JRN"
    assert role_sector("doctor") == "MED"


def test_people_described_by_where_they_live_are_civilians(base_nlp: Language) -> None:
    doc = run(base_nlp, "Soldiers arrested Palestinians of the Israeli-occupied West Bank.")
    palestinians = mention_at(doc, "Palestinians")
    assert palestinians is not None
    assert palestinians.entity_id == "country:PSE:CVL"


def test_a_village_in_a_country_is_its_civilians(base_nlp: Language) -> None:
    doc = run(base_nlp, "Fighting erupted in a village in Western Cambodia.")
    assert ("KHM", "CVL") in {(e.country, e.sector) for e in doc._.entities}


def test_a_leaders_administration_is_the_government_and_un_helicopters_the_un(
    base_nlp: Language,
) -> None:
    doc = run(base_nlp, "The Bush administration rejected the plan. U.N. helicopters arrived.")
    codes = {(e.id, e.country, e.sector) for e in doc._.entities}
    assert ("country:USA:GOV", "USA", "GOV") in codes
    assert ("igo:UNO", "IGO", None) in codes
    assert not any(e.id == "igo:UNO:MIL" for e in doc._.entities)


def test_an_office_holder_named_by_title_and_surname_as_the_dictionary_writes_it(
    base_nlp: Language,
) -> None:
    doc = run(base_nlp, "Moroccan diplomats met President Obama in Washington on Monday.")
    assert entity_named(doc, "Obama").country == "USA"
    assert nationality_of("Obama") is None  # the surname alone is shared with other countries


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


def test_a_known_person_the_tagger_calls_a_place(base_nlp: Language) -> None:
    doc = run(base_nlp, "Buhari attended the summit.")
    assert [(e.type, e.country) for e in doc._.entities] == [("PERSON", "NGA")]
    doc = run(base_nlp, "Paris rejected the plan.")  # also a surname in the people lexicon
    assert [(e.type, e.country) for e in doc._.entities] == [("ORG", "FRA")]


def test_capitals_and_regions_of_countries_countryinfo_misnumbers() -> None:
    assert capital_of("Conakry") == "GIN"
    assert capital_of("Yangon") == "MMR"
    assert capital_of("Guatemala City") == "GTM"
    assert place_of("Rakhine State") == ("MMR", "region")
    assert place_of("Idlib") == ("SYR", "region")


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
    doc = run(base_nlp, "A Taliban attack on a government compound killed 20 policemen.")
    taliban = mention_at(doc, "Taliban")
    assert taliban is not None
    assert {(e.id, e.country, e.sector) for e in doc._.entities if e.id == taliban.entity_id} == {
        (taliban.entity_id, "AFG", "REB")
    }


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


def test_a_surname_alone_the_dictionary_writes_with_a_courtesy_title(base_nlp: Language) -> None:
    doc = run(base_nlp, "Obama will hold talks in Nairobi.")
    assert entity_named(doc, "Obama").country == "USA"


def test_unnamed_rebels_are_of_the_document_s_country(base_nlp: Language) -> None:
    doc = run(base_nlp, "Rebels attacked an army base in northern Mali on Sunday.")
    rebels = mention_at(doc, "Rebels")
    assert rebels is not None
    assert rebels.entity_id == "country:MLI:REB"
    assert mention_at(doc, "army") is None  # a word of "an army base", not the army itself


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


def test_refugees_are_of_the_country_they_flee(base_nlp: Language) -> None:
    doc = run(base_nlp, "Thousands of refugees fleeing Syria crossed into Turkey.")
    refugees = mention_at(doc, "refugees fleeing Syria")
    assert refugees is not None
    assert refugees.entity_id == "country:SYR:REF"


def test_a_people_of_a_country(base_nlp: Language) -> None:
    doc = run(base_nlp, "Dozens of Iraqi Kurds protested.")
    kurds = mention_at(doc, "Iraqi Kurds")
    assert kurds is not None
    assert kurds.entity_id == "country:IRQ:CVL"


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


def test_a_title_and_name_ending_the_text(base_nlp: Language) -> None:
    doc = run(base_nlp, "The crowd cheered for President Barack Obama")
    assert entity_named(doc, "Barack Obama").type == "PERSON"


@pytest.mark.parametrize(
    "name",
    [
        "huff-post_2015-11-11_a-meaningful-exchange-actually-h.txt",
        "huff-post_2015-11-11_watch-the-best-moments-from-the-.txt",
        "huff-post_2016-02-07_the-latest-gop-debate-kicked-off.txt",
    ],
)
def test_debate_transcripts_do_not_fail_the_stage(
    base_nlp: Language, shared_data: Path, name: str
) -> None:
    """Transcripts with names at the very end and speaker labels once made the stage raise."""
    path = shared_data / "quotes" / "polnear" / "train" / "text" / name
    if not path.exists():
        pytest.skip(f"{path} is not in the shared data")
    doc = run(base_nlp, path.read_text(encoding="utf-8"))
    assert doc._.mentions

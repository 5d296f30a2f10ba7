"""Unit cases of the events stage's participants (:mod:`storyline.stages.events.participants`): the
source and target actors of an event, from the parse and the actors stage. Short texts parsed by
the spaCy model alone, with the other stages' records built by hand (``events_docs``)."""

from __future__ import annotations

import dataclasses

import pytest
from events_docs import countries, make, only
from spacy.language import Language

from storyline.records import Span
from storyline.stages.events import extract_events

pytestmark = pytest.mark.slow


def test_noun_deliveries_of_weapons_is_aid_from_giver_to_receiver(base_nlp: Language) -> None:
    text = "Ukraine cannot win even with the deliveries of weapons it has received from the US."
    event = only(extract_events(make(base_nlp, text)), "deliveries")
    assert event.type == "AID"
    assert countries(event.source) == {"USA"}
    assert countries(event.target) == {"UKR"}


def test_first_person_in_a_direct_quote_is_its_speaker(base_nlp: Language) -> None:
    content = "I will meet with Zelenskyy by phone in the next few days."
    doc = make(base_nlp, f'"{content}" Hun Sen said.', quotes=[(content, "hun-sen")])
    event = only(extract_events(doc), "meet")
    assert event.type == "CONSULT"
    speaker = event.source[0]
    assert (speaker.entity_id, speaker.country, speaker.sector) == ("hun-sen", "KHM", "GOV")
    assert doc.text[speaker.start : speaker.end] == "I"
    assert event.modality == "planned"


def test_you_in_a_direct_quote_told_to_someone_is_that_someone(base_nlp: Language) -> None:
    content = "You blamed Russia for the crisis."
    text = f'"{content}" Hun Sen told Zelenskyy.'
    doc = make(base_nlp, text, quotes=[(content, "hun-sen")])
    at = text.index("told")
    told = Span(at, at + len("told"), "told")
    doc._.quotes = [dataclasses.replace(q, cue=told, addressee="Zelenskyy") for q in doc._.quotes]
    event = only(extract_events(doc), "blamed")
    assert (event.type, countries(event.source), countries(event.target)) == (
        "ACCUSE", {"UKR"}, {"RUS"}
    )  # fmt: skip
    assert doc.text[event.source[0].start : event.source[0].end] == "You"
    doc._.quotes = [dataclasses.replace(q, addressee=None) for q in doc._.quotes]
    assert not [e for e in extract_events(doc) if e.trigger.text == "blamed"]  # told to no one


def test_first_person_in_a_quote_without_speaker_codes_nothing(base_nlp: Language) -> None:
    content = "I will meet with Zelenskyy by phone in the next few days."
    doc = make(base_nlp, f'"{content}" a source said.', quotes=[(content, None)])
    assert not [e for e in extract_events(doc) if "meet" in e.trigger.text]


def test_an_attack_told_without_its_doer_is_an_event_with_no_source(base_nlp: Language) -> None:
    # A passive without an agent names no one who attacked: the attack is still told, and its
    # source is left empty rather than guessed.
    event = only(extract_events(make(base_nlp, "Ukraine was attacked on Thursday.")), "attacked")
    assert (event.type, event.source, countries(event.target)) == ("ASSAULT", [], {"UKR"})


def test_an_accusation_told_without_the_accuser_has_no_source(base_nlp: Language) -> None:
    text = "Russian troops were accused of planning an attack on Ukraine."
    event = only(extract_events(make(base_nlp, text)), "accused")
    assert (event.type, event.source, countries(event.target)) == ("ACCUSE", [], {"RUS"})


def test_a_penalty_told_without_who_imposed_it_has_no_source(base_nlp: Language) -> None:
    text = "Russia was fined $185 million last week."
    event = only(extract_events(make(base_nlp, text)), "fined")
    assert (event.type, event.source, countries(event.target)) == ("SANCTION", [], {"RUS"})


def test_a_penalty_on_a_condition_is_no_event(base_nlp: Language) -> None:
    assert extract_events(make(base_nlp, "Bases are at risk if Russia is fined.")) == []


def test_a_blast_that_killed_leaves_its_doer_untold(base_nlp: Language) -> None:
    text = "A missile killed Russian troops near the border."
    event = only(extract_events(make(base_nlp, text)), "killed")
    assert (event.type, event.source, countries(event.target)) == ("ASSAULT", [], {"RUS"})


def test_a_visitor_told_by_attribute_visits_the_host(base_nlp: Language) -> None:
    # the model takes "visiting" for a clause of "thanked" with the visitor its object
    events = extract_events(make(base_nlp, "Hun Sen thanked visiting Japan for its support."))
    visit = only(events, "visiting")
    assert (visit.type, countries(visit.source), countries(visit.target)) == (
        "CONSULT",
        {"JPN"},
        {"KHM"},
    )


def test_a_meeting_with_a_visitor_is_one_event(base_nlp: Language) -> None:
    events = extract_events(make(base_nlp, "Hun Sen met visiting Zelenskyy in Phnom Penh."))
    (met,) = events
    assert met.trigger.text == "met" and countries(met.target) == {"UKR"}


def test_a_strike_by_someone_is_theirs(base_nlp: Language) -> None:
    text = "Airstrikes by Russian troops killed ten soldiers of Ukraine."
    event = only(extract_events(make(base_nlp, text)), "killed")
    assert countries(event.source) == {"RUS"}


@pytest.mark.parametrize(
    "text",
    [
        "Since 2014, Russian troops of Ukraine have been killed.",  # a tally, many acts
        "In the last 15 months, Russian troops have been killed in Ukraine.",
        "Ukraine was criticized on Thursday.",  # words, not force: whose words matters
        "Ukraine was attacked by someone on Thursday.",  # a doer told, and not an actor
        "The old bridge was attacked on Thursday.",  # no actor it befell
    ],
)
def test_no_source_and_no_act_of_force_on_an_actor_is_no_event(
    base_nlp: Language, text: str
) -> None:
    assert extract_events(make(base_nlp, text)) == []


@pytest.mark.parametrize("people", ["relatives", "families", "parents"])
def test_kin_named_by_role_are_a_source(base_nlp: Language, people: str) -> None:
    event = only(extract_events(make(base_nlp, f"The {people} refused.")), "refused")
    assert (event.type, [a.name for a in event.source]) == ("REJECT", [f"The {people}"])


def test_unresolved_pronoun_subject_of_a_report_is_the_speaker(base_nlp: Language) -> None:
    doc = make(base_nlp, "China said they will release the prisoners.")
    doc._.mentions = [m for m in doc._.mentions if m.text != "they"]
    event = only(extract_events(doc), "release")
    assert event.type == "RETREAT"
    assert countries(event.source) == {"CHN"}
    assert event.modality == "planned"


def test_a_name_in_front_of_a_subject_that_is_no_actor_is_not_the_source(
    base_nlp: Language,
) -> None:
    assert extract_events(make(base_nlp, "China's story passed from father to son.")) == []
    # ... but a role head makes it the actor, and an object may name its target in front
    event = only(
        extract_events(make(base_nlp, "China's government condemned the Iran deal.")), "condemned"
    )
    assert countries(event.source) == {"CHN"}
    assert countries(event.target) == {"IRN"}


@pytest.mark.parametrize(
    ("text", "trigger", "name"),
    [
        (
            "Among them, 141 countries supported the resolution condemning Russia.",
            "supported",
            "141 countries",
        ),
        ("The resolution was supported by most ASEAN nations.", "supported", "most ASEAN nations"),
        ("Nearly 100 countries co-sponsored the resolution.", "sponsored", "Nearly 100 countries"),
    ],
)
def test_a_counted_group_of_states_is_an_actor_with_no_country(
    base_nlp: Language, text: str, trigger: str, name: str
) -> None:
    event = only(extract_events(make(base_nlp, text)), trigger)
    (source,) = event.source
    assert (source.name, source.entity_id, source.country, source.sector) == (
        name,
        None,
        None,
        "GOV",
    )


@pytest.mark.parametrize(
    "text",
    [
        "Other countries supported the resolution condemning Russia.",
        "Sam Rainsy called on democratic countries to condemn Russia.",
    ],
)
def test_an_uncounted_plural_of_countries_is_no_actor(base_nlp: Language, text: str) -> None:
    events = extract_events(make(base_nlp, text))
    assert all(
        a.name.lower().rsplit(maxsplit=1)[-1] != "countries" for e in events for a in e.source
    )


def test_the_antecedent_of_a_relative_subject_is_the_source(base_nlp: Language) -> None:
    events = extract_events(make(base_nlp, "Japan condemned Russian troops who attacked Ukraine."))
    event = only(events, "attacked")
    assert event.type == "ASSAULT"
    assert countries(event.source) == {"RUS"} and countries(event.target) == {"UKR"}


def test_a_subject_pronoun_stands_for_an_earlier_subject_of_its_sentence(
    base_nlp: Language,
) -> None:
    text = "Russian troops shelled the town, where they attacked a hospital."
    doc = make(base_nlp, text)
    doc._.mentions = [m for m in doc._.mentions if m.text != "they"]
    event = only(extract_events(doc), "attacked")
    assert event.type == "ASSAULT" and countries(event.source) == {"RUS"}
    # ... only one that agrees in number: "he" is no stand-in for "troops"
    doc = make(base_nlp, "Russian troops shelled the town, where he attacked a hospital.")
    doc._.mentions = [m for m in doc._.mentions if m.text != "he"]
    assert not [e for e in extract_events(doc) if e.trigger.text == "attacked"]


def test_the_antecedent_of_a_passive_relative_is_the_target(base_nlp: Language) -> None:
    text = "The talks were led by Russia, which was sanctioned by Japan in 2024."
    event = only(extract_events(make(base_nlp, text)), "sanctioned")
    assert event.type == "SANCTION"
    assert countries(event.source) == {"JPN"} and countries(event.target) == {"RUS"}


def test_rejecting_a_claim_targets_its_owner(base_nlp: Language) -> None:
    text = "China rejected allegations by Japan linking the attack with Beijing."
    event = only(extract_events(make(base_nlp, text)), "rejected")
    assert event.type == "REJECT"
    assert countries(event.source) == {"CHN"} and "JPN" in countries(event.target)


def test_who_came_under_attack_is_the_target(base_nlp: Language) -> None:
    text = "Ukraine came under attack from Russian troops near Kharkiv."
    event = only(extract_events(make(base_nlp, text)), "attack")
    assert event.type == "ASSAULT"
    assert countries(event.source) == {"RUS"} and countries(event.target) == {"UKR"}


def test_welcoming_news_backs_the_doer_it_tells_of(base_nlp: Language) -> None:
    text = "France welcomed the announcement that Ukraine had agreed to a ceasefire."
    event = only(extract_events(make(base_nlp, text)), "welcomed")
    assert event.type == "SUPPORT"
    assert countries(event.source) == {"FRA"} and countries(event.target) == {"UKR"}


def test_a_country_named_in_front_of_an_aimed_event_noun_is_its_source(
    base_nlp: Language,
) -> None:
    text = "Trade fell after the Japan sanctions on Russia began."
    event = only(extract_events(make(base_nlp, text)), "sanctions")
    assert countries(event.source) == {"JPN"} and countries(event.target) == {"RUS"}


def test_the_subject_of_supposed_to_is_the_source_of_the_complement(base_nlp: Language) -> None:
    text = "Ukraine and the US were supposed to sign the agreement on Friday."
    event = only(extract_events(make(base_nlp, text)), "sign")
    assert countries(event.source) == {"UKR", "USA"}
    assert event.target == []


def test_the_by_agent_of_a_participle_is_the_source(base_nlp: Language) -> None:
    text = "The council held a meeting requested by France and Japan on Friday."
    event = only(extract_events(make(base_nlp, text)), "requested")
    assert event.type == "REQUEST"
    assert countries(event.source) == {"FRA", "JPN"}


@pytest.mark.parametrize(
    ("text", "trigger", "etype", "source"),
    [
        (
            "Japan said the cooperation between Russia and Iran was growing.",
            "cooperation",
            "COOPERATE",
            {"RUS", "IRN"},
        ),
        ("Russia used its veto on Friday.", "veto", "REJECT", {"RUS"}),
        ("Ukraine is seeking assistance from Japan.", "seeking", "REQUEST", {"UKR"}),
        ("An offensive launched by Russian troops hit the city.", "offensive", "ASSAULT", {"RUS"}),
    ],
)
def test_event_nouns_and_their_parties(
    base_nlp: Language, text: str, trigger: str, etype: str, source: set[str]
) -> None:
    event = only(extract_events(make(base_nlp, text)), trigger)
    assert event.type == etype
    assert countries(event.source) == source


@pytest.mark.parametrize(
    ("text", "trigger", "etype", "source"),
    [
        (
            "Russian troops claimed responsibility for the attack on Tuesday.",
            "attack",
            "ASSAULT",
            "RUS",
        ),
        ("Russia led eight hours of talks with Ukraine in Jeddah.", "talks", "CONSULT", "RUS"),
    ],
)
def test_the_doer_of_an_event_noun_is_its_source(
    base_nlp: Language, text: str, trigger: str, etype: str, source: str
) -> None:
    event = only(extract_events(make(base_nlp, text)), trigger)
    assert event.type == etype
    assert source in countries(event.source)


def test_a_critic_of_an_event_noun_is_not_its_doer(base_nlp: Language) -> None:
    events = extract_events(make(base_nlp, "France criticized the attack on Tuesday."))
    assert not [e for e in events if e.trigger.text.endswith("attack")]


def test_we_in_a_direct_quote_performs_the_speakers_act(base_nlp: Language) -> None:
    content = "We urge Russia to free the prisoners."
    doc = make(base_nlp, f'"{content}" Hun Sen said.', quotes=[(content, "hun-sen")])
    event = only(extract_events(doc), "urge")
    assert event.type == "REQUEST"
    assert countries(event.source) == {"KHM"}
    assert countries(event.target) == {"RUS"}


@pytest.mark.parametrize(
    "content", ["We do not support the use of force.", "We must condemn Russia."]
)
def test_we_stating_no_act_is_no_source(base_nlp: Language, content: str) -> None:
    doc = make(base_nlp, f'"{content}" Hun Sen said.', quotes=[(content, "hun-sen")])
    assert not [e for e in extract_events(doc) if e.source and e.source[0].entity_id == "hun-sen"]


@pytest.mark.parametrize(
    ("text", "trigger", "target"),
    [
        ("China threatened to use force against Japan.", "threatened", "JPN"),
        ("France called for Russia to free the prisoners.", "called", "RUS"),
        ("China refused to meet Zelenskyy.", "refused", "UKR"),
    ],
)
def test_the_target_of_a_demand_or_threat_is_in_what_it_is_about(
    base_nlp: Language, text: str, trigger: str, target: str
) -> None:
    event = only(extract_events(make(base_nlp, text)), trigger)
    assert countries(event.target) == {target}


def test_an_object_pronoun_continuing_a_clause_is_its_party(base_nlp: Language) -> None:
    text = "France blamed Sam Rainsy, accusing him of helping the rebels."
    events = extract_events(make(base_nlp, text))
    accusing = only(events, "accusing")
    assert [a.entity_id for a in accusing.target] == ["sam-rainsy"]


def test_the_speaker_at_a_meeting_is_its_party(base_nlp: Language) -> None:
    text = "During talks with Japan, China said it wants peace."
    event = only(extract_events(make(base_nlp, text)), "talks")
    assert event.type == "CONSULT"
    assert (countries(event.source), countries(event.target)) == ({"CHN"}, {"JPN"})
    after = "After the attack on Japan, China said it wants peace."
    assert not [e for e in extract_events(make(base_nlp, after)) if "attack" in e.trigger.text]


def test_a_relative_pronoun_object_is_its_antecedent(base_nlp: Language) -> None:
    text = "China ignited a trade war with Japan, which China hit with a new levy."
    event = only(extract_events(make(base_nlp, text)), "hit")
    assert event.type == "SANCTION"
    assert countries(event.target) == {"JPN"}


def test_whom_an_event_noun_targets_is_its_target(base_nlp: Language) -> None:
    text = "China's tariffs targeting Japan and France were meant to curb imports."
    event = only(extract_events(make(base_nlp, text)), "tariffs")
    assert countries(event.target) == {"JPN", "FRA"}


def test_the_possessor_of_an_arrest_is_who_was_arrested(base_nlp: Language) -> None:
    event = only(
        extract_events(make(base_nlp, "Japan condemned Sam Rainsy's arrest.")), "condemned"
    )
    assert [a.entity_id for a in event.target] == ["sam-rainsy"]
    arrest = extract_events(make(base_nlp, "Cambodia announced Sam Rainsy's arrest."))
    announced = only(arrest, "arrest")
    assert countries(announced.source) == {"KHM"}
    assert [a.entity_id for a in announced.target] == ["sam-rainsy"]


def test_the_doer_a_charge_names_is_its_target(base_nlp: Language) -> None:
    event = only(
        extract_events(make(base_nlp, "France alleged that Russia had attacked.")), "alleged"
    )
    assert event.type == "ACCUSE"
    assert countries(event.target) == {"RUS"}


def test_who_claims_a_killing_is_its_source_and_the_killed_its_target(base_nlp: Language) -> None:
    event = only(
        extract_events(make(base_nlp, "Russian troops claimed the killing of Sam Rainsy.")),
        "killing",
    )
    assert event.type == "ASSAULT"
    assert countries(event.source) == {"RUS"}
    assert [a.entity_id for a in event.target] == ["sam-rainsy"]


def test_the_subject_the_parse_hangs_on_a_preposition_is_found(base_nlp: Language) -> None:
    text = "Sam Rainsy spent 800 days in prison before a court in Cambodia granted him bail."
    event = only(extract_events(make(base_nlp, text)), "granted")
    assert (event.type, event.mode) == ("RETREAT", "release")
    assert event.source[0].name.endswith("court")


def test_whom_a_demand_told_as_a_clause_is_made_of_is_its_target(base_nlp: Language) -> None:
    text = "Japan demanded that China remove the buoys."
    assert countries(only(extract_events(make(base_nlp, text)), "demanded").target) == {"CHN"}


def test_the_speaker_after_talks_took_part_in_them(base_nlp: Language) -> None:
    text = "Following talks with Japan, China said it wants peace."
    event = only(extract_events(make(base_nlp, text)), "talks")
    assert (countries(event.source), countries(event.target)) == ({"CHN"}, {"JPN"})


def test_what_an_attack_is_aimed_at_is_its_target_and_a_meeting_place_is_none(
    base_nlp: Language,
) -> None:
    fired = only(extract_events(make(base_nlp, "China fired a missile at Japan.")), "fired")
    assert countries(fired.target) == {"JPN"}
    met = only(extract_events(make(base_nlp, "Hun Sen met Zelenskyy at the Kremlin.")), "met")
    assert "Kremlin" not in [a.name for a in met.target]


def test_a_clause_the_parser_took_for_a_name_keeps_its_doer_and_target(nlp: Language) -> None:
    # the model parses "Trump hosted Erdogan" as one name: "hosted" a modifier of the root
    # "Erdogan", "Trump" a modifier of it
    doc = nlp("Earlier this month, Trump hosted Erdogan in the White House.")
    hosted = next(t for t in doc if t.text == "hosted")
    assert (hosted.dep_, hosted.head.text, hosted.head.dep_) == ("amod", "Erdogan", "ROOT")
    (event,) = [e for e in doc._.events if e.trigger.text == "hosted"]
    assert event.type == "CONSULT"
    assert [doc.text[a.start : a.end] for a in event.source] == ["Trump"]
    assert [doc.text[a.start : a.end] for a in event.target] == ["Erdogan"]


def test_a_name_the_parser_took_for_the_root_is_the_subject_of_its_verbs(nlp: Language) -> None:
    # the model roots the sentence at "Trump" and hangs "imposed" on it as a clause with no
    # subject, and "exempted" on "imposed" with no link
    text = (
        "Trump last week issued a string of tariff decisions. Trump at first imposed 25% tariffs "
        "on Canadian and Mexican exports to the U.S., then exempted the duties on Mexican- and "
        "Canadian-made vehicles being transported into the U.S. and later by week’s end delayed "
        "the tariffs on almost all items for four weeks until April 2."
    )
    doc = nlp(text)
    imposed = next(t for t in doc if t.text == "imposed")
    assert (imposed.head.text, imposed.head.dep_, imposed.dep_) == ("Trump", "ROOT", "ccomp")
    by_trigger = {e.trigger.text.split()[0]: e for e in doc._.events}
    assert by_trigger["imposed"].type == "SANCTION"
    assert by_trigger["delayed"].type == "CONCEDE"
    for event in (by_trigger["imposed"], by_trigger["delayed"]):
        assert [doc.text[a.start : a.end] for a in event.source] == ["Trump"]


def test_a_past_verb_the_parser_hung_on_a_name_root_is_its_subjects(nlp: Language) -> None:
    doc = nlp("Leavitt called Ford’s comments “egregious and insulting.”")
    called = next(t for t in doc if t.text == "called")
    assert (called.dep_, called.head.dep_) == ("acl", "ROOT")
    (event,) = [e for e in doc._.events if e.trigger.text == "called"]
    # comments called insulting are criticized, not denied (that takes "false", "baseless")
    assert event.type == "ACCUSE"
    assert [doc.text[a.start : a.end] for a in event.source] == ["Leavitt"]


@pytest.mark.parametrize(
    "text",
    [
        "Russia severed diplomatic relations with Ukraine in December.",
        "Russia suspended talks with Ukraine.",
        "Russia is cutting ties with Ukraine.",
    ],
)
def test_the_other_party_of_a_relation_is_the_target(base_nlp: Language, text: str) -> None:
    (event,) = extract_events(make(base_nlp, text))
    assert event.type == "SANCTION"
    assert countries(event.source) == {"RUS"}
    assert countries(event.target) == {"UKR"}


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Ukraine demanded an apology from Russia.", {"RUS"}),
        ("Ukraine is seeking military assistance from France.", {"FRA"}),
        ("Ukraine asked for help from Japan.", {"JPN"}),
        ("Ukraine demanded independence from Russia.", set()),  # what it parts from
    ],
)
def test_whom_a_request_is_made_of_is_its_target(
    base_nlp: Language, text: str, target: set[str]
) -> None:
    (event,) = extract_events(make(base_nlp, text))
    assert event.type == "REQUEST"
    assert countries(event.source) == {"UKR"}
    assert countries(event.target) == target


def test_a_role_noun_joined_to_a_name_under_one_article_is_that_person(nlp: Language) -> None:
    doc = nlp("Iran plotted to kidnap the Iranian American journalist and VOA host Leila Karimi.")
    (event,) = [e for e in doc._.events if e.trigger.text == "kidnap"]
    assert [doc.text[a.start : a.end] for a in event.target] == ["Leila Karimi"]


def test_whom_help_helps_is_its_target_when_parsed_as_a_subject(base_nlp: Language) -> None:
    # the model hangs "Ukraine" as the subject of "rebuild", a clause of "helped"
    doc = make(base_nlp, "Last year, Japan helped Ukraine rebuild a bridge.")
    event = only(extract_events(doc), "helped")
    assert (event.type, countries(event.source), countries(event.target)) == (
        "AID",
        {"JPN"},
        {"UKR"},
    )


def test_the_parties_between_whom_the_object_is_are_the_targets(base_nlp: Language) -> None:
    doc = make(base_nlp, "France condemned the deal between Russia and Iran.")
    event = only(extract_events(doc), "condemned")
    assert (countries(event.source), countries(event.target)) == ({"FRA"}, {"RUS", "IRN"})


def test_people_from_an_organization_act_for_it(nlp: Language) -> None:
    doc = nlp("The governor held a meeting with representatives from Greenpeace.")
    (event,) = [e for e in doc._.events if e.type == "CONSULT"]
    assert [a.name for a in event.target] == ["Greenpeace"]


def test_the_country_named_in_front_of_a_penalty_object_is_its_target(nlp: Language) -> None:
    doc = nlp("The United States banned Chinese imports.")
    (event,) = [e for e in doc._.events if e.type == "SANCTION"]
    assert [a.country for a in event.target] == ["CHN"]


def test_forces_a_pronoun_owns_are_the_military_of_whom_it_stands_for(nlp: Language) -> None:
    doc = nlp("Pakistan's army chief said his troops killed 30 militants.")
    (event,) = [e for e in doc._.events if e.type == "ASSAULT"]
    assert [(a.country, a.sector) for a in event.source] == [("PAK", "MIL")]


def test_a_verb_joined_to_a_reported_clause_is_the_reporters_act(nlp: Language) -> None:
    # the parser joins "called" to "is", inside what the Working Group determined
    doc = nlp(
        "The United Nations Working Group on Arbitrary Detention has also determined that"
        " Zamora's detention is arbitrary and called for his release."
    )
    (event,) = [e for e in doc._.events if e.trigger.text.startswith("called")]
    assert event.type == "REQUEST"
    assert [doc.text[a.start : a.end] for a in event.source] == ["United Nations Working Group"]


def test_an_interview_label_is_not_the_subject(base_nlp: Language) -> None:
    text = "VOA: Russia's President Vladimir Putin recently visited China after he began a term."
    event = only(extract_events(make(base_nlp, text)), "visited")
    assert event.type == "CONSULT"
    assert [a.name for a in event.source] == ["Vladimir Putin"]
    assert countries(event.target) == {"CHN"}


@pytest.mark.parametrize(
    ("text", "site", "country", "sector"),
    [
        # civilians of the place the attack was ("near Sibi"); soldiers of no country told
        ("Militants attacked a passenger train near Sibi on Tuesday.", "a passenger train", "PAK",
         "CVL"),
        ("Gunmen stormed a hotel on Sunday.", "a hotel", None, "CVL"),
        ("Insurgents attacked an army base in the north.", "an army base", None, "MIL"),
    ],
)  # fmt: skip
def test_an_attack_on_a_site_befalls_its_people(
    base_nlp: Language, text: str, site: str, country: str | None, sector: str
) -> None:
    event = next(e for e in extract_events(make(base_nlp, text)) if e.type == "ASSAULT")
    assert [(a.name, a.country, a.sector) for a in event.target] == [(site, country, sector)]


def test_a_site_named_by_no_attack_is_no_target(base_nlp: Language) -> None:
    text = "Russia sent troops to a village near the border."
    assert all(
        a.name != "a village" for e in extract_events(make(base_nlp, text)) for a in e.target
    )


def test_rejecting_an_unowned_claim_answers_the_last_accuser(base_nlp: Language) -> None:
    text = "Japan accused Russia of violating its airspace. Russia rejected the accusations."
    rejected = only(extract_events(make(base_nlp, text)), "rejected")
    assert rejected.type == "REJECT" and countries(rejected.target) == {"JPN"}
    owned = "Japan accused Russia of violating its airspace. Russia rejected China's claims."
    assert countries(only(extract_events(make(base_nlp, owned)), "rejected").target) == {"CHN"}
    alone = extract_events(make(base_nlp, "Russia rejected the accusations."))
    assert only(alone, "rejected").target == []


def test_what_a_refusal_refuses_names_its_target_by_its_owner(base_nlp: Language) -> None:
    text = "Kenya refused to attend a hearing by the court over the dispute with Somalia."
    event = only(extract_events(make(base_nlp, text)), "refused")
    assert event.type == "REJECT"
    assert [text[a.start : a.end] for a in event.target] == ["the court"]


def test_a_passive_conjunct_makes_the_shared_subject_its_patient(base_nlp: Language) -> None:
    text = "Japan has been calm for years but is threatened by China."
    event = only(extract_events(make(base_nlp, text)), "threatened")
    assert countries(event.source) == {"CHN"} and countries(event.target) == {"JPN"}


def test_a_by_phrase_hung_on_a_passive_verbs_object_is_its_agent(base_nlp: Language) -> None:
    text = "Many democracies have been threatened with similar consequences by China."
    event = only(extract_events(make(base_nlp, text)), "threatened")
    assert event.type == "THREATEN" and countries(event.source) == {"CHN"}


def test_they_opening_a_sentence_is_the_plural_subject_before(base_nlp: Language) -> None:
    text = "Russian soldiers entered the town on Monday. They attacked Ukraine on Tuesday."
    event = only(extract_events(make(base_nlp, text)), "attacked")
    assert [a.end <= text.index("They") for a in event.source] == [True]  # the soldiers
    single = "Russia entered the town on Monday. They attacked Ukraine on Tuesday."
    assert not [e for e in extract_events(make(base_nlp, single)) if "attacked" in e.trigger.text]


@pytest.mark.parametrize(
    ("text", "target", "sector"),
    [
        (
            "Japan's High Court ordered all public schools to admit Cambodia's students.",
            "all public schools",
            "EDU",
        ),
        ("Russia attacked a school in Kharkiv.", "a school", "CVL"),
        ("China convened a meeting with heads of private companies.", "heads", None),
    ],
)
def test_an_object_named_by_a_word_for_people_is_the_target(
    base_nlp: Language, text: str, target: str, sector: str | None
) -> None:
    (event,) = extract_events(make(base_nlp, text))
    assert [(a.name, a.sector) for a in event.target] == [(target, sector)]


def test_a_bare_mass_noun_is_no_target(base_nlp: Language) -> None:
    (event,) = extract_events(make(base_nlp, "Japan lifted the freeze on intelligence."))
    assert event.target == []


def test_a_site_struck_in_the_passive_is_the_target(base_nlp: Language) -> None:
    (event,) = extract_events(make(base_nlp, "The town was besieged by Russia."))
    assert (event.type, [(a.name, a.sector) for a in event.target]) == (
        "ASSAULT",
        [("The town", "CVL")],
    )


def test_a_demand_made_of_you_targets_the_one_told(nlp: Language) -> None:
    doc = nlp("“You should resign and give back the money,” Senator Jane Doe told John Stumpf.")
    (event,) = [e for e in doc._.events if e.type == "REQUEST"]
    assert [a.name for a in event.target] == ["John Stumpf"]


def test_a_rejected_request_targets_who_it_is_from(nlp: Language) -> None:
    doc = nlp(
        "The Supreme Court rejected a request from Democrats in Ohio to restore early voting."
    )
    (event,) = [e for e in doc._.events if e.type == "REJECT"]
    assert [a.name for a in event.target] == ["Democrats"]


def test_the_medium_words_are_said_on_is_no_party(nlp: Language) -> None:
    doc = nlp("Senator Jane Doe thanked President Obama on Twitter.")
    (event,) = [e for e in doc._.events if e.trigger.text == "thanked"]
    assert [a.name for a in event.target] == ["Obama"]


def test_the_names_in_apposition_to_an_object_are_the_targets(nlp: Language) -> None:
    doc = nlp(
        "Republican nominee Donald Trump had personally attacked his wife, Heidi Cruz, and his "
        "father, Rafael Cruz."
    )
    (event,) = doc._.events
    assert [a.name for a in event.target] == ["Heidi Cruz", "Rafael Cruz"]


def test_a_subject_name_the_tagger_took_for_a_verb_is_the_source(nlp: Language) -> None:
    doc = nlp(
        "Republican nominee Donald Trump spoke on Monday. Trump this week also criticized Ted Cruz."
    )
    (event,) = [e for e in doc._.events if e.trigger.text == "criticized"]
    assert [a.name for a in event.source] == ["Donald Trump"]

"""Unit cases of the events stage's the type decision (:mod:`storyline.stages.events.classifier`):
the PLOVER type and mode a trigger codes in its context. Short texts parsed by the spaCy model
alone, with the other stages' records built by hand (``events_docs``)."""

from __future__ import annotations

import dataclasses

import pytest
from events_docs import countries, make, only
from spacy.language import Language

from storyline.records import Actor, EventDate
from storyline.stages.events import extract_events
from storyline.stages.events.classifier import Trigger, no_political_act

pytestmark = pytest.mark.slow


def test_noun_phone_call_is_consult_phone_from_the_caller_to_the_other(base_nlp: Language) -> None:
    doc = make(base_nlp, "During his phone call with Zelenskyy, Hun Sen urged dialogue.")
    event = only(extract_events(doc), "call")
    assert (event.type, event.mode) == ("CONSULT", "phone")
    assert {a.entity_id for a in event.source} == {"hun-sen"}
    assert {a.entity_id for a in event.target} == {"zelenskyy"}


def test_noun_distribution_mission_is_aid(base_nlp: Language) -> None:
    text = "After he had completed his rice seed distribution mission to farmers, he went home."
    event = only(extract_events(make(base_nlp, text)), "mission")
    assert event.type == "AID"
    assert event.trigger.text == "rice seed distribution mission"
    assert countries(event.source) == {"KHM"}


def test_signing_an_agreement_is_support_promising_to_sign_is_agree(base_nlp: Language) -> None:
    signed = extract_events(make(base_nlp, "China signed a trade agreement with Japan."))
    assert only(signed, "signed").type == "SUPPORT"
    promised = extract_events(make(base_nlp, "China promised to sign a trade agreement."))
    assert [e.type for e in promised] == ["AGREE"]


def test_vote_for_a_resolution_is_coded_by_what_it_demands(base_nlp: Language) -> None:
    text = "Cambodia voted for a resolution demanding an end to Russia's military operations."
    event = only(extract_events(make(base_nlp, text)), "voted")
    assert event.type == "REQUEST"
    assert countries(event.target) == {"RUS"}


def test_phone_meeting_is_consult_phone(base_nlp: Language) -> None:
    doc = make(base_nlp, "Hun Sen will meet with Zelenskyy by phone.")
    event = only(extract_events(doc), "meet")
    assert (event.type, event.mode, event.modality) == ("CONSULT", "phone", "planned")


def test_demand_told_as_must_is_a_request_of_the_addressee(base_nlp: Language) -> None:
    events = extract_events(make(base_nlp, "Russia says Israel must end attacks on Iran."))
    request = only(events, "says")
    assert request.type == "REQUEST"
    assert countries(request.source) == {"RUS"}
    assert countries(request.target) == {"ISR"}
    assert all(e.type == "REQUEST" for e in events)  # the demanded act is not coded as done


def test_promise_of_harm_is_a_threat(base_nlp: Language) -> None:
    events = extract_events(make(base_nlp, "Iran vowed to attack Israel."))
    assert [e.type for e in events] == ["THREATEN"]


def test_voting_on_the_resolution_takes_what_the_resolution_told_before_does(
    base_nlp: Language,
) -> None:
    text = (
        "Cambodia co-sponsored a U.N. resolution condemning Russia's invasion. "
        "In all, 181 countries voted on the resolution Wednesday."
    )
    doc = make(base_nlp, text, timexes=[("Wednesday", "2022-03-02")])
    event = only(extract_events(doc), "voted")
    assert (event.type, event.date) == ("ACCUSE", EventDate("2022-03-02", "text"))
    assert countries(event.target) == {"RUS"}
    # with no resolution told before, a vote on "the resolution" says nothing of what it does
    alone = make(base_nlp, "In all, 181 countries voted on the resolution Wednesday.")
    assert [e for e in extract_events(alone) if e.trigger.text == "voted"] == []


def test_striking_an_agreement_is_agree(base_nlp: Language) -> None:
    event = only(extract_events(make(base_nlp, "China and Japan struck an agreement.")), "struck")
    assert event.type == "AGREE"


@pytest.mark.parametrize(
    "text",
    [
        "Japan has shipped at least 10,000 containers to Russia.",  # what, to a state
        "Japan sent 500 missiles and artillery shells.",  # weapons given
    ],
)
def test_goods_shipped_to_a_state_and_arms_sent_are_aid(base_nlp: Language, text: str) -> None:
    (event,) = extract_events(make(base_nlp, text))
    assert (event.type, countries(event.source)) == ("AID", {"JPN"})


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("China's threat of military action alarmed Japan.", "CHN"),
        ("Cambodia bought the jets despite the threat of Japan's sanctions.", "JPN"),
    ],
)
def test_a_threat_naming_the_harm_is_a_threat_made(
    base_nlp: Language, text: str, source: str
) -> None:
    event = only(extract_events(make(base_nlp, text)), "threat")
    assert (event.type, countries(event.source)) == ("THREATEN", {source})


def test_telling_someone_to_do_something_asks_it_of_them(base_nlp: Language) -> None:
    (event,) = extract_events(make(base_nlp, "Japan told Russia to withdraw its troops."))
    assert (event.type, countries(event.source), countries(event.target)) == (
        "REQUEST",
        {"JPN"},
        {"RUS"},
    )


def test_people_eliminated_are_killed_tariffs_eliminated_are_not(base_nlp: Language) -> None:
    text = "Japan eliminated the rebel leader. Japan eliminated tariffs on Chinese goods."
    (event,) = extract_events(make(base_nlp, text))
    assert (event.type, event.trigger.start) == ("ASSAULT", text.index("eliminated"))


def test_a_participle_after_a_comma_is_an_act_of_its_own(base_nlp: Language) -> None:
    text = "Russia rejected the offer, accusing Ukraine of delaying the talks."
    accused = only(extract_events(make(base_nlp, text)), "accusing")
    assert (accused.type, countries(accused.source), countries(accused.target)) == (
        "ACCUSE",
        {"RUS"},
        {"UKR"},
    )


def test_a_threat_naming_no_harm_is_no_event(base_nlp: Language) -> None:
    assert extract_events(make(base_nlp, "The threat of terrorism remains high in Japan.")) == []


def test_drones_supplied_are_what_is_given_not_a_party(base_nlp: Language) -> None:
    (event,) = extract_events(make(base_nlp, "Iran supplied drones to Russia."))
    assert event.type == "AID"
    assert [a.name for a in event.target] == ["Russia"]


@pytest.mark.parametrize(
    "text", ["China and Japan upgraded their ties.", "China and Japan elevated relations."]
)
def test_raising_ties_a_grade_is_support(base_nlp: Language, text: str) -> None:
    (event,) = extract_events(make(base_nlp, text))
    assert (event.type, countries(event.source)) == ("SUPPORT", {"CHN", "JPN"})


@pytest.mark.parametrize(
    ("text", "etype", "target"),
    [
        ("Cambodia called Russia's claims baseless on Friday.", "REJECT", {"RUS"}),
        ("Japan called Russia a threat to peace in the region.", "ACCUSE", {"RUS"}),
        # a remark called insulting is criticized, not denied
        ("Cambodia called Russia's remarks insulting.", "ACCUSE", {"RUS"}),
    ],
)
def test_a_damning_characterization_is_an_accusation_or_a_rejection(
    base_nlp: Language, text: str, etype: str, target: set[str]
) -> None:
    event = only(extract_events(make(base_nlp, text)), "called")
    assert event.type == etype
    assert countries(event.target) == target


@pytest.mark.parametrize(
    ("text", "trigger", "etype", "target"),
    [
        ("Japan described Russia's claims as false on Friday.", "described", "REJECT", {"RUS"}),
        ("Japan characterized Russia's moves as illegal.", "characterized", "ACCUSE", {"RUS"}),
    ],
)
def test_framing_something_as_damning_is_an_accusation_or_a_rejection(
    base_nlp: Language, text: str, trigger: str, etype: str, target: set[str]
) -> None:
    event = only(extract_events(make(base_nlp, text)), trigger)
    assert event.type == etype
    assert countries(event.target) == target
    praised = "Japan described Russia's moves as useful."
    assert [e for e in extract_events(make(base_nlp, praised)) if e.type == "ACCUSE"] == []


def test_calling_a_thing_is_no_phone_call_calling_someone_is(base_nlp: Language) -> None:
    thing = "Hun Sen called the decision to reimprison him a blatant case of weaponization."
    assert [e for e in extract_events(make(base_nlp, thing)) if e.trigger.text == "called"] == []
    person = "Hun Sen called the president of Ukraine on Monday."
    event = only(extract_events(make(base_nlp, person)), "called")
    assert (event.type, event.mode) == ("CONSULT", "phone")


@pytest.mark.parametrize(
    ("text", "etype"),
    [
        ("Cruz called Trump a pathological liar.", "ACCUSE"),
        ("Trump called the senator a nasty guy, unstable and sick.", "ACCUSE"),
        ("China called the visit a great success for both countries.", "SUPPORT"),
        ("David Pepper called the decision a huge win for Ohio voters.", "SUPPORT"),
    ],
)
def test_calling_someone_or_something_a_damning_or_praising_name(
    base_nlp: Language, text: str, etype: str
) -> None:
    """How damning or praising the name is comes from a rated sentiment lexicon, not a list of
    a few insults: never a phone call."""
    event = only(extract_events(make(base_nlp, text)), "called")
    assert event.type == etype


@pytest.mark.parametrize(
    "text",
    [
        "A judge ordered Hun Sen back to prison this week.",
        "The court sent Sam Rainsy to jail on Monday.",
    ],
)
def test_sending_someone_to_prison_is_coercion(base_nlp: Language, text: str) -> None:
    (event,) = [e for e in extract_events(make(base_nlp, text)) if e.type == "COERCE"]
    assert event.mode == "arrest"
    assert {a.entity_id for a in event.target} <= {"hun-sen", "sam-rainsy"}


def test_returning_something_is_still_a_retreat(base_nlp: Language) -> None:
    event = only(
        extract_events(make(base_nlp, "Russia returned the seized ship to Ukraine.")), "returned"
    )
    assert event.type == "RETREAT"


@pytest.mark.parametrize(
    ("text", "trigger", "target"),
    [
        ("Japan imposed tariffs on China on Monday.", "imposed tariffs", {"CHN"}),
        ("France raised tariffs on China.", "raised tariffs", {"CHN"}),
        ("China announced a boycott against Japan.", "announced a boycott", {"JPN"}),
    ],
)
def test_tariffs_and_boycotts_are_sanctions(
    base_nlp: Language, text: str, trigger: str, target: set[str]
) -> None:
    event = only(extract_events(make(base_nlp, text)), trigger)
    assert event.type == "SANCTION"
    assert countries(event.target) == target


def test_an_investigation_by_the_authorities_is_coercion(base_nlp: Language) -> None:
    by_police = only(
        extract_events(make(base_nlp, "Japan opened an investigation into China.")), "opened"
    )
    assert by_police.type == "COERCE"  # Japan is a government (GOV): the authorities


@pytest.mark.parametrize(
    ("text", "trigger", "etype"),
    [
        ("China and Japan reached an agreement on fishing.", "reached an agreement", "SUPPORT"),
        ("Japan blocked the sale of jets to China.", "blocked the sale", "SANCTION"),
        ("Japan banned the export of chips to China.", "banned the export", "SANCTION"),
        ("Japan banned the trade in ivory.", "banned", "COERCE"),
        ("China signed the agreement with Japan.", "signed", "SUPPORT"),
    ],
)
def test_a_verb_and_its_object_coded_together(
    base_nlp: Language, text: str, trigger: str, etype: str
) -> None:
    assert only(extract_events(make(base_nlp, text)), trigger).type == etype


@pytest.mark.parametrize(
    "text",
    [
        "Japan lifted the sanctions on Russia.",
        "China delayed the tariffs on Japan for a month.",
        "The sanctions on Iran were eased by France.",
    ],
)
def test_easing_a_restriction_is_a_concession(base_nlp: Language, text: str) -> None:
    events = extract_events(make(base_nlp, text))
    assert [e.type for e in events] == ["CONCEDE"]


def test_lifting_what_is_no_restriction_is_no_concession(base_nlp: Language) -> None:
    events = extract_events(make(base_nlp, "Japan lifted the rocket into orbit."))
    assert "CONCEDE" not in [e.type for e in events]


def test_hitting_someone_with_a_levy_is_a_sanction(base_nlp: Language) -> None:
    events = extract_events(make(base_nlp, "China hit Japan with a new 25% levy on exports."))
    event = only(events, "hit")
    assert event.type == "SANCTION"
    assert countries(event.source) == {"CHN"}
    assert countries(event.target) == {"JPN"}


def test_wanting_someone_to_act_is_a_demand_of_them_not_their_act(base_nlp: Language) -> None:
    events = extract_events(make(base_nlp, "Russia wants Ukraine to withdraw its troops."))
    assert [e.type for e in events] == ["REQUEST"]
    assert countries(events[0].source) == {"RUS"}
    assert countries(events[0].target) == {"UKR"}


def test_expecting_a_thing_to_happen_is_no_demand(base_nlp: Language) -> None:
    assert extract_events(make(base_nlp, "Russia expects prices to rise.")) == []


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Russian troops attacked a village, leaving five people dead.", ["ASSAULT"]),
        ("Russian troops attacked a village, aiming to cut the road.", ["ASSAULT"]),
        ("Russian troops have begun leaving Ukraine.", ["RETREAT"]),
    ],
)
def test_a_participle_glossing_its_clause_codes_nothing_of_its_own(
    base_nlp: Language, text: str, kept: list[str]
) -> None:
    assert [e.type for e in extract_events(make(base_nlp, text))] == kept


@pytest.mark.parametrize(
    "text",
    [
        "Asked by reporters if Japan was considering sanctions, China declined to comment.",
        '"Will the talks resume?" Japan asked.',
        "Japan asked whether China would attend.",
    ],
)
def test_a_question_asked_is_no_request(base_nlp: Language, text: str) -> None:
    assert "REQUEST" not in [e.type for e in extract_events(make(base_nlp, text))]
    assert "REJECT" not in [e.type for e in extract_events(make(base_nlp, text))]


def test_asking_someone_to_act_is_a_request(base_nlp: Language) -> None:
    event = only(extract_events(make(base_nlp, "Japan asked China to attend.")), "asked")
    assert event.type == "REQUEST"


def test_asking_not_to_be_named_is_no_request(base_nlp: Language) -> None:
    text = "An official, who requested anonymity, said China had attacked Japan."
    assert [e.type for e in extract_events(make(base_nlp, text))] == ["ASSAULT"]


@pytest.mark.parametrize(
    "text",
    [
        "Japan released a report on Monday.",
        "China has been improving school facilities.",
        'Other titles include "The Story of the Girl Who Stood Up for Education."',
    ],
)
def test_word_senses_that_tell_no_event(base_nlp: Language, text: str) -> None:
    assert extract_events(make(base_nlp, text)) == []


def test_releasing_captives_and_improving_relations_are_events(base_nlp: Language) -> None:
    released = extract_events(make(base_nlp, "China released two Japanese prisoners."))
    assert [e.type for e in released] == ["RETREAT"]
    improved = extract_events(make(base_nlp, "Japan and China improved relations."))
    assert [e.type for e in improved] == ["COOPERATE"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russia warned that it would retaliate against Japan.", [("THREATEN", {"JPN"})]),
        ("France warned that Russia could stop the talks.", [("ACCUSE", {"RUS"})]),
        ("Japan warned of a possible resurgence of violence.", []),
        ("Japan warned that prices could rise.", []),
    ],
)
def test_a_warning_is_a_threat_a_charge_or_a_forecast(
    base_nlp: Language, text: str, expected: list[tuple[str, set[str]]]
) -> None:
    events = [e for e in extract_events(make(base_nlp, text)) if "warn" in e.trigger.text]
    assert [(e.type, countries(e.target)) for e in events] == expected


def test_worries_dismissed_are_no_rejection(base_nlp: Language) -> None:
    text = "Japan dismissed concerns that the resolution would undermine the talks."
    assert extract_events(make(base_nlp, text)) == []


def test_keeping_someone_from_acting_is_a_restriction_not_their_act(base_nlp: Language) -> None:
    text = "Cambodia prevented Sam Rainsy from contacting Japan."
    events = extract_events(make(base_nlp, text))
    assert [(e.type, e.mode) for e in events] == [("COERCE", "restrict")]
    assert [a.entity_id for a in events[0].target] == ["sam-rainsy"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Japan's call for talks with China drew praise.", ("REQUEST", "call")),
        ("A military operation by Russian troops killed ten people.", ("ASSAULT", "operation")),
        ("The joint operation by Japan and France ended the siege.", ("COOPERATE", "operation")),
    ],
)
def test_event_nouns_coded_by_their_words(
    base_nlp: Language, text: str, expected: tuple[str, str]
) -> None:
    events = extract_events(make(base_nlp, text))
    assert expected in [(e.type, e.trigger.text.split()[-1]) for e in events]


def test_a_bare_operation_and_its_end_code_nothing(base_nlp: Language) -> None:
    assert extract_events(make(base_nlp, "Japan declared the operation over.")) == []


@pytest.mark.parametrize(
    "text",
    [
        "Japan's population continues to decline.",
        "China wants to deal with the nuclear threat.",
        "A cyclone slammed into parts of Japan.",
        "Japan issued a statement on Monday.",
        "The ministry did not reply to an email requesting comment.",
    ],
)
def test_more_word_senses_that_tell_no_event(base_nlp: Language, text: str) -> None:
    assert extract_events(make(base_nlp, text)) == []


def test_material_support_is_aid_and_a_promise_not_to_hesitate_is_no_negation(
    base_nlp: Language,
) -> None:
    aid = extract_events(make(base_nlp, "Russia gives military support to Japan."))
    assert [e.type for e in aid] == ["AID"]
    vowed = extract_events(make(base_nlp, "China will not hesitate to impose sanctions on Japan."))
    assert [(e.type, e.modality) for e in vowed] == [("SANCTION", "planned")]


def test_the_press_at_work_is_no_event(base_nlp: Language) -> None:
    doc = base_nlp("VOA spoke with Hun Sen.")
    spoke = Trigger(doc[1], doc[1], doc[1], doc[1], ("CONSULT", "phone"), 0.8, False)
    press = Actor("voa", "VOA", None, "JRN", 0, 3)
    minister = Actor("hun-sen", "Hun Sen", "KHM", "GOV", 15, 22)
    assert no_political_act(spoke, [press, minister])
    assert not no_political_act(spoke, [minister, press])
    protest = dataclasses.replace(spoke, code=("PROTEST", None))
    assert not no_political_act(protest, [press])
    visit = dataclasses.replace(spoke, code=("CONSULT", "visit"))
    tourists = Actor(None, "Chinese tourists", "CHN", "CVL", 0, 15)
    assert no_political_act(visit, [tourists])
    assert not no_political_act(visit, [minister])
    charity = Actor("msf", "Doctors Without Borders", "NGO", "MED", 0, 3)  # medicine, not the press
    asked = dataclasses.replace(spoke, code=("REQUEST", None))
    assert not no_political_act(asked, [charity, minister])


def test_an_operation_declared_over_is_no_new_attack(base_nlp: Language) -> None:
    text = "Japan declared the military operation over Wednesday night."
    assert extract_events(make(base_nlp, text)) == []
    launched = extract_events(make(base_nlp, "Russia launched an offensive over the weekend."))
    assert [e.type for e in launched] == ["ASSAULT"]


@pytest.mark.parametrize(
    "text",
    [
        "Many African women struggle to get jobs.",
        "China is filling this void in Africa.",
        "The rebels cannot be allowed to engage in politics.",
    ],
)
def test_everyday_verbs_tell_no_event(base_nlp: Language, text: str) -> None:
    assert extract_events(make(base_nlp, text)) == []


def test_speaking_by_phone_is_a_call_of_both_parties(base_nlp: Language) -> None:
    events = extract_events(make(base_nlp, "Japan and China spoke by phone on Monday."))
    assert [(e.type, e.mode) for e in events] == [("CONSULT", "phone")]
    assert countries(events[0].source) == {"JPN", "CHN"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Japan and China deepened ties.", ["COOPERATE"]),
        ("France increased the sanctions on Russia.", ["SANCTION"]),
        ("Japan boosted its defense budget.", []),
        ("Japan raised concerns about the vote.", []),
    ],
)
def test_a_verb_of_more_or_less_codes_what_it_acts_on(
    base_nlp: Language, text: str, expected: list[str]
) -> None:
    assert [e.type for e in extract_events(make(base_nlp, text))] == expected


def test_a_warning_of_what_the_police_will_do_is_a_threat_and_a_lifted_blockade_a_retreat(
    base_nlp: Language,
) -> None:
    warned = extract_events(make(base_nlp, "Cambodia warned that police will stop the rallies."))
    assert "THREATEN" in [e.type for e in warned]
    lifted = extract_events(make(base_nlp, "Russia lifted the blockade on Ukraine."))
    assert [e.type for e in lifted] == ["RETREAT"]


@pytest.mark.parametrize(
    "text",
    [
        "Sam Rainsy, who headed the CNRP until 2017, spoke in Paris.",
        "Chum Sounry, an official who had negotiated with China extensively, said no more.",
    ],
)
def test_a_role_held_told_in_a_relative_clause_is_no_event(base_nlp: Language, text: str) -> None:
    verbs = {"headed", "negotiated"}
    assert not [e for e in extract_events(make(base_nlp, text)) if e.trigger.text in verbs]


def test_a_role_held_on_a_told_day_is_still_an_act(base_nlp: Language) -> None:
    text = "Chum Sounry, who negotiated with China on Monday, returned home."
    assert only(extract_events(make(base_nlp, text)), "negotiated").type == "CONSULT"


def test_releasing_a_thing_frees_no_one(base_nlp: Language) -> None:
    assert extract_events(make(base_nlp, "China released an AI development program.")) == []
    freed = extract_events(make(base_nlp, "Russia released dozens of women and children."))
    assert only(freed, "released").type == "RETREAT"
    guards = extract_events(make(base_nlp, "Russia will release two homeguards held captive."))
    assert only(guards, "release").type == "RETREAT"


@pytest.mark.parametrize(
    "text",
    [
        "A report released by the OECD on Monday said growth would slow.",
        "The report was released by the OECD on Monday.",
    ],
)
def test_a_thing_released_in_the_passive_frees_no_one(base_nlp: Language, text: str) -> None:
    assert not [e for e in extract_events(make(base_nlp, text)) if e.trigger.text == "released"]


def test_people_released_in_the_passive_are_freed(base_nlp: Language) -> None:
    events = extract_events(make(base_nlp, "The hostages were released by Hamas on Monday."))
    assert only(events, "released").type == "RETREAT"


def test_a_participle_clause_opening_a_saying_is_an_act_of_its_own(base_nlp: Language) -> None:
    """ "Rebutting the claim, Balkhi said Islamabad must ...": the rebuttal is no content of the
    saying; the saying's content still is ("urged police to arrest": no arrest)."""
    text = "Rebutting the claim, Balkhi said Islamabad must address internal issues."
    events = extract_events(make(base_nlp, text))
    assert only(events, "Rebutting").type == "REJECT"
    text = "Calling the attack cowardly, the minister urged police to arrest the gunmen."
    events = extract_events(make(base_nlp, text))
    assert [e.trigger.text for e in events] == ["urged"]


def test_two_verbs_of_one_act_joined_by_and_are_one_event(base_nlp: Language) -> None:
    """ "killed and injured 1,000 fighters": one attack, on the object the two verbs share; two
    clauses with subjects of their own stay two events."""
    text = "Afghan forces killed and injured 1,000 Taliban fighters in the past week."
    events = extract_events(make(base_nlp, text))
    attack = only(events, "killed")
    assert attack.type == "ASSAULT" and [a.name for a in attack.target] == ["Taliban"]
    assert not [e for e in events if e.trigger.text == "injured"]
    text = "The army shelled the town and the rebels attacked a base."
    assert len(extract_events(make(base_nlp, text))) == 2
    text = "In April, the military removed Bashir and jailed him."  # each verb its own object
    assert len(extract_events(make(base_nlp, text))) == 2


def test_people_leaving_for_home_withdraw_nothing(base_nlp: Language) -> None:
    text = "The victims were mostly schoolgirls leaving for home after finishing classes."
    assert extract_events(make(base_nlp, text)) == []
    events = extract_events(make(base_nlp, "Russian troops withdrew from the town on Monday."))
    assert only(events, "withdrew").type == "RETREAT"
    text = "The rebels retreated to the hills on Monday."
    assert only(extract_events(make(base_nlp, text)), "retreated").type == "RETREAT"
    text = "The withdrawal of Russian troops from Kherson was completed on Friday."
    withdrawal = only(extract_events(make(base_nlp, text)), "withdrawal")
    assert withdrawal.type == "RETREAT" and [a.country for a in withdrawal.source] == ["RUS"]


def test_an_event_noun_naming_its_doer_is_an_event_also_as_an_object(base_nlp: Language) -> None:
    text = "Japan praised the withdrawal of Russian troops from Kherson on Friday."
    events = extract_events(make(base_nlp, text))
    assert only(events, "praised").type == "SUPPORT"
    withdrawal = only(events, "withdrawal")
    assert withdrawal.type == "RETREAT" and [a.country for a in withdrawal.source] == ["RUS"]
    unowned = extract_events(make(base_nlp, "Japan praised the withdrawal on Friday."))
    assert [e.type for e in unowned] == ["SUPPORT"]


@pytest.mark.parametrize(
    ("text", "trigger", "kind"),
    [
        ("Amirov and Omarov, both from Azerbaijan, have pleaded not guilty.", "pleaded", "REJECT"),
        ("The former minister pleaded innocent to the charges.", "pleaded", "REJECT"),
        ("The former minister pleaded guilty to fraud on Monday.", "pleaded", "CONCEDE"),
    ],
)
def test_a_plea_rejects_or_concedes_the_charge(
    base_nlp: Language, text: str, trigger: str, kind: str
) -> None:
    event = only(extract_events(make(base_nlp, text)), trigger)
    assert (event.type, event.modality) == (kind, "asserted")


def test_what_a_saying_demands_is_no_event_of_its_own(base_nlp: Language) -> None:
    """ "Russia says Israel must end attacks": the demand, as "urged Israel to end attacks"."""
    text = "Russia says Israel must stop detaining women who work for aid groups."
    events = extract_events(make(base_nlp, text))
    assert [(e.type, e.trigger.text) for e in events] == [("REQUEST", "says")]


def test_an_object_taken_for_the_subject_of_a_participle_is_the_object(
    base_nlp: Language,
) -> None:
    text = "Three days later, China conducted the military drills encircling Taiwan."
    drills = only(extract_events(make(base_nlp, text)), "drills")
    assert drills.type == "MOBILIZE" and countries(drills.source) == {"CHN"}


def test_an_honour_conferred_is_praise_not_a_consultation(base_nlp: Language) -> None:
    text = "Japan conferred its highest civilian honor on Russia."
    honor = only(extract_events(make(base_nlp, text)), "honor")
    assert honor.type == "SUPPORT"
    assert countries(honor.source) == {"JPN"} and countries(honor.target) == {"RUS"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A federal appeals court ruled on Friday against the state's procedure.", "SANCTION"),
        ("The minister ruled out talks with the rebels.", "REJECT"),
        ("Assad has ruled Syria since 2000.", None),
        ("Rebels attacked a police station in Kano.", "ASSAULT"),
    ],
)
def test_who_acts_decides_a_ruling_and_an_attack(
    base_nlp: Language, text: str, expected: str | None
) -> None:
    """Only a court rules against someone; a candidate's or legislator's attack is words."""
    types = [e.type for e in extract_events(make(base_nlp, text))]
    assert types == ([expected] if expected else [])


def test_an_attack_by_a_candidate_is_words(nlp: Language) -> None:
    doc = nlp("Republican nominee Donald Trump had personally attacked the senator's wife.")
    assert [(e.type, e.trigger.text) for e in doc._.events] == [("ACCUSE", "attacked")]


def test_a_suit_filed_by_a_chapter_is_its_organizations_accusation(nlp: Language) -> None:
    doc = nlp("The Ohio chapter of the NAACP filed suit against the state.")
    (event,) = doc._.events
    assert (event.type, event.mode, event.trigger.text) == ("ACCUSE", "allege", "filed suit")
    assert [a.name for a in event.source] == ["NAACP"]
    assert nlp("He wore a suit to the hearing.")._.events == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Senate voted to impose sanctions on Russia.", [("SANCTION", "voted")]),
        ("The European Parliament voted to condemn the invasion.", [("ACCUSE", "voted")]),
        ("The Senate voted to adjourn.", []),
    ],
)
def test_a_vote_to_act_is_the_act_voted_for_once(
    nlp: Language, text: str, expected: list[tuple[str, str]]
) -> None:
    assert [(e.type, e.trigger.text) for e in nlp(text)._.events] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The judge agreed with Ivana Trump that there was no reason to intrude.", "SUPPORT"),
        ("India agreed with the United States to cut tariffs.", "AGREE"),
        ("Russia agreed with Ukraine on a ceasefire.", "AGREE"),
    ],
)
def test_agreeing_with_someone_in_a_view_is_support(
    nlp: Language, text: str, expected: str
) -> None:
    assert [e.type for e in nlp(text)._.events if e.trigger.text == "agreed"] == [expected]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Russia's statement rejected the claims.", "Russia"),
        ("A statement from the Kremlin condemned the attack.", "Kremlin"),
    ],
)
def test_what_a_text_does_its_author_does(nlp: Language, text: str, source: str) -> None:
    (event,) = nlp(text)._.events
    assert [a.name for a in event.source] == [source]


def test_firing_someone_from_a_job_is_no_attack(nlp: Language) -> None:
    assert nlp("The bank said it had fired 5,300 employees.")._.events == []
    (event,) = nlp("Police fired tear gas at protesters.")._.events
    assert event.type == "ASSAULT"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Trump questioned Cruz's eligibility to run for president.", ["ACCUSE"]),
        ("Delegates questioned how Senator Cruz could turn back on a pledge.", ["ACCUSE"]),
        ("Police questioned the suspect for hours.", []),
    ],
)
def test_doubting_someones_quality_or_act_criticizes_them(
    nlp: Language, text: str, expected: list[str]
) -> None:
    assert [e.type for e in nlp(text)._.events if e.trigger.text == "questioned"] == expected


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Senator Ted Cruz hurled insults at Donald Trump.", "hurled insults"),
        ("Russia and Ukraine traded insults at the United Nations.", "traded insults"),
    ],
)
def test_insults_hurled_or_traded_are_accusations(nlp: Language, text: str, trigger: str) -> None:
    assert [(e.type, e.trigger.text) for e in nlp(text)._.events] == [("ACCUSE", trigger)]


def test_one_named_persons_attack_on_another_is_words(nlp: Language) -> None:
    doc = nlp.make_doc("Donald Trump spoke. Trump attacked Hillary Clinton over her emails.")
    doc._.doc_id, doc._.published = "d1", "2016-09-01"
    (event,) = [e for e in nlp(doc)._.events if e.trigger.text == "attacked"]
    assert event.type == "ACCUSE"
    doc = nlp.make_doc("Gunmen attacked the village on Monday.")
    doc._.doc_id, doc._.published = "d2", "2016-09-01"
    (event,) = [e for e in nlp(doc)._.events if e.trigger.text == "attacked"]
    assert event.type == "ASSAULT"

"""Unit cases of the events stage's finding triggers (:mod:`storyline.stages.events.candidates`):
which words of a sentence are event triggers, at most one each, and which sentences code nothing.
Short texts parsed by the spaCy model alone, with the other stages' records built by hand
(``events_docs``)."""

from __future__ import annotations

import pytest
from events_docs import countries, make, only
from spacy.language import Language

from storyline.stages.events import extract_events

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("text", "trigger", "etype", "source", "target"),
    [
        pytest.param(
            "Cambodia co-sponsored the resolution condemning Russia's invasion.",
            "sponsored",
            "ACCUSE",
            {"KHM"},
            {"RUS"},
            marks=pytest.mark.xfail(
                strict=True,
                reason="the tokenizer splits 'co-sponsored' and the parser makes 'co' the root",
            ),
        ),
        (
            "Cambodia joined other countries in co-sponsoring the resolution condemning Russia's "
            "invasion.",
            "sponsoring",
            "ACCUSE",
            {"KHM"},
            {"RUS"},
        ),
        (
            "Russia vetoed a similar motion at the U.N. Security Council.",
            "vetoed",
            "REJECT",
            {"RUS"},
            None,
        ),
        (
            "Singapore imposed sanctions on Russia on Monday.",
            "imposed",
            "SANCTION",
            {"SGP"},
            {"RUS"},
        ),
        ("The U.S. Embassy welcomed the statement.", "welcomed", "SUPPORT", {"USA"}, None),
        ("Japan fined Russia for the spill.", "fined", "SANCTION", {"JPN"}, {"RUS"}),
        ("Hun Sen lashed out at Zelenskyy on Monday.", "lashed", "ACCUSE", {"KHM"}, {"UKR"}),
        ("Hun Sen took aim at Zelenskyy on Monday.", "took", "ACCUSE", {"KHM"}, {"UKR"}),
        ("Both candidates have opposed the deal with Japan.", "opposed", "REJECT", {None}, {"JPN"}),
        ("Russian troops walked off the job on Monday.", "walked", "PROTEST", {"RUS"}, None),
        ("Japan tweeted that Russia should leave Ukraine.", "tweeted", "REQUEST", {"JPN"}, {"RUS"}),
        ("Japan upheld Russia's claim.", "upheld", "SUPPORT", {"JPN"}, {"RUS"}),
        (
            "Russia offered talks, but Japan declined.",  # what was just offered
            "declined",
            "REJECT",
            {"JPN"},
            None,
        ),
        ("Russian troops invaded Ukraine on February 24.", "invaded", "ASSAULT", {"RUS"}, {"UKR"}),
        ("Hun Sen held talks with Zelenskyy.", "held talks", "CONSULT", {"KHM"}, {"UKR"}),
        (
            "Zelenskyy offered his appreciation to Cambodia.",
            "offered his appreciation",
            "SUPPORT",
            {"UKR"},
            {"KHM"},
        ),
        ("CNRP condemned the Russian aggression.", "condemned", "ACCUSE", {"KHM"}, None),
        (
            "Sam Rainsy called on democratic countries to stand up for democracy.",
            "called",
            "REQUEST",
            {"KHM"},
            None,
        ),
    ],
)
def test_verb_and_support_verb_triggers(
    base_nlp: Language,
    text: str,
    trigger: str,
    etype: str,
    source: set[str],
    target: set[str] | None,
) -> None:
    event = only(extract_events(make(base_nlp, text)), trigger)
    assert event.type == etype
    assert countries(event.source) == source
    if target is not None:
        assert countries(event.target) == target
    assert event.sentence.text.startswith(text[:20])
    assert text[event.trigger.start : event.trigger.end] == event.trigger.text


def test_sentence_with_two_events(base_nlp: Language) -> None:
    text = "Russia invaded Ukraine and Singapore imposed sanctions on Russia."
    events = extract_events(make(base_nlp, text))
    assert sorted(e.type for e in events) == ["ASSAULT", "SANCTION"]
    assert len({e.sentence.start for e in events}) == 1
    assert len({e.id for e in events}) == 2


@pytest.mark.parametrize(
    "text",
    [
        "Ministry spokesman Chum Sounry could not be reached for comment.",
        "The weather in Phnom Penh was hot on Thursday.",
        "He said the situation was difficult.",
    ],
)
def test_sentences_that_code_nothing(base_nlp: Language, text: str) -> None:
    assert extract_events(make(base_nlp, text)) == []


def test_the_charge_of_an_accusation_is_not_coded_on_its_own(base_nlp: Language) -> None:
    text = "China accused Japan of attacking its fishing boats."
    events = extract_events(make(base_nlp, text))
    assert [(e.type, e.trigger.text) for e in events] == [("ACCUSE", "accused")]


@pytest.mark.parametrize(
    "text",
    [
        "Zelenskyy returned to Kyiv on Tuesday.",  # going home returns nothing
        "Japan determined that the shells were made in Iran.",  # a finding, no agreement
        "France failed to address the crisis.",  # failing is no rejection
        "Four soldiers of Ukraine died in the attack.",  # victims are no attackers
    ],
)
def test_verbs_that_code_nothing_in_these_uses(base_nlp: Language, text: str) -> None:
    assert extract_events(make(base_nlp, text)) == []


def test_an_object_before_its_support_verb_gives_a_trigger_in_text_order(
    base_nlp: Language,
) -> None:
    text = "Japan asked what concessions Russia might be willing to make."
    for event in extract_events(make(base_nlp, text)):
        assert event.trigger.start < event.trigger.end
        assert text[event.trigger.start : event.trigger.end] == event.trigger.text


@pytest.mark.parametrize(
    "text",
    [
        "Japan called on Russia to reduce hostilities and resume talks with Ukraine.",
        "Japan urged Russia to end the war and withdraw its troops from Ukraine.",
    ],
)
def test_every_act_a_demand_asks_for_is_its_content(base_nlp: Language, text: str) -> None:
    events = extract_events(make(base_nlp, text))
    assert [e.type for e in events] == ["REQUEST"]


def test_a_charge_someone_made_is_its_own_event_beside_its_rejection(base_nlp: Language) -> None:
    text = "Japan rejected China's allegation that the vote was rigged."
    events = extract_events(make(base_nlp, text))
    by_type = {e.type: e for e in events}
    assert countries(by_type["REJECT"].source) == {"JPN"}
    assert countries(by_type["ACCUSE"].source) == {"CHN"}


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Russian troops blew up a bridge in Ukraine.", "blew"),
        ("Russian troops took three Ukraine officials hostage.", "took"),
        ("Russian troops set fire to the Ukraine embassy.", "set"),
    ],
)
def test_acts_of_force_told_by_a_verb_and_its_particle_or_object(
    base_nlp: Language, text: str, trigger: str
) -> None:
    event = only(extract_events(make(base_nlp, text)), trigger)
    assert (event.type, countries(event.source)) == ("ASSAULT", {"RUS"})


@pytest.mark.parametrize(
    ("text", "trigger", "etype", "source"),
    [
        (
            "Japan pointed to China's punitive measures against Cambodia.",
            "measures",
            "SANCTION",
            {"CHN"},
        ),
        (
            "The council met on Iran's transfer of arms to Russia.",
            "transfer",
            "AID",
            {"IRN"},
        ),
        # an event noun naming its doer stands even as the object of another verb
        (
            "Japan sought to handle the US restrictions on Chinese firms.",
            "restrictions",
            "SANCTION",
            {"USA"},
        ),
        (
            "Huawei is overcoming restrictions imposed by Japan.",
            "restrictions",
            "SANCTION",
            {"JPN"},
        ),
    ],
)
def test_penalties_and_handovers_told_as_nouns(
    base_nlp: Language, text: str, trigger: str, etype: str, source: set[str]
) -> None:
    event = only(extract_events(make(base_nlp, text)), trigger)
    assert (event.type, countries(event.source)) == (etype, source)


@pytest.mark.parametrize(
    ("text", "trigger", "etype", "source"),
    [
        ("Talks led to a tentative agreement between Japan and China.", "agreement", "AGREE",
         {"JPN", "CHN"}),
        ("Japan's lawsuit against China was heard on Monday.", "lawsuit", "ACCUSE", {"JPN"}),
        ("Japan joined 16 others in a lawsuit against China.", "lawsuit", "ACCUSE", {"JPN"}),
    ],
)  # fmt: skip
def test_agreements_and_lawsuits_stand_with_their_parties_named(
    base_nlp: Language, text: str, trigger: str, etype: str, source: set[str]
) -> None:
    event = only(extract_events(make(base_nlp, text)), trigger)
    assert (event.type, countries(event.source)) == (etype, source)


@pytest.mark.parametrize(
    "text",
    [
        "The agreement was a good one for workers.",  # no party named on it
        "The lawsuit was dismissed in court.",
        "Friday's deal was a good one for workers.",  # a day is no party
    ],
)
def test_agreements_and_lawsuits_with_no_party_phrase_code_nothing(
    base_nlp: Language, text: str
) -> None:
    assert not [e for e in extract_events(make(base_nlp, text)) if e.type in {"AGREE", "ACCUSE"}]


def test_a_force_body_in_front_of_an_event_noun_did_it(base_nlp: Language) -> None:
    text = "The film highlights the police killings of Russian troops."
    event = only(extract_events(make(base_nlp, text)), "police killings")
    assert event.type == "ASSAULT"
    assert [a.name for a in event.source] == ["police"]
    assert countries(event.target) == {"RUS"}


@pytest.mark.parametrize(
    "text",
    [
        "The transfer of power to Japan's new government was smooth.",
        "Japan took measures against the flood.",
        "Unity does not mean Japan closes up shop tomorrow.",  # an idiom
    ],
)
def test_handovers_and_measures_of_no_penalty_code_nothing(base_nlp: Language, text: str) -> None:
    assert not [e for e in extract_events(make(base_nlp, text)) if e.type in {"AID", "SANCTION"}]


@pytest.mark.parametrize(
    ("text", "trigger", "etype", "source"),
    [
        # the intent's owner does what the infinitive says; the verb only carries it
        (
            "Japan and China have stepped up efforts to build ties with Cambodia.",
            "build",
            "SUPPORT",
            {"JPN", "CHN"},
        ),
        (
            "Russia's decision to withdraw troops from Ukraine surprised Israel.",
            "withdraw",
            "RETREAT",
            {"RUS"},
        ),
        # military drills of one side are moves of force; joint ones cooperate
        ("China conducted military drills around Japan on Monday.", "drills", "MOBILIZE", {"CHN"}),
        ("Japan held joint naval exercises with France.", "exercises", "COOPERATE", {"JPN"}),
        ("Iran conducted missile tests on Sunday.", "tests", "MOBILIZE", {"IRN"}),
        ("Iran tested a new missile on Sunday.", "tested", "MOBILIZE", {"IRN"}),
        # a meal or a trip with or of a party is a meeting
        ("Hun Sen had lunch with Zelenskyy in Kyiv.", "lunch", "CONSULT", {"KHM"}),
        ("China's trip to Cambodia ended on Friday.", "trip", "CONSULT", {"CHN"}),
        # handing out relief items is aid
        ("Japan distributed relief items to the flood victims.", "distributed", "AID", {"JPN"}),
    ],
)
def test_intents_drills_tests_meals_trips_and_relief(
    base_nlp: Language, text: str, trigger: str, etype: str, source: set[str]
) -> None:
    events = extract_events(make(base_nlp, text))
    event = only(events, trigger)
    assert (event.type, countries(event.source)) == (etype, source)
    assert not [e for e in events if e.trigger.text.startswith("stepped")]


@pytest.mark.parametrize(
    "text",
    [
        "Chinese demand The changes in Japanese immigration policy have come with consequences.",
        "Russia attacks Since last August, prices have risen in Ukraine.",
    ],
)
def test_a_heading_glued_to_its_sentence_tells_no_event(base_nlp: Language, text: str) -> None:
    assert extract_events(make(base_nlp, text)) == []
    kept = "Russia attacked Ukraine. Since August, Russia has attacked Ukraine on Monday."
    assert [e.type for e in extract_events(make(base_nlp, kept))] == ["ASSAULT", "ASSAULT"]
    named = "Russia attacked Ukraine on Monday, told The New York Times."  # a name, no heading
    assert [e.type for e in extract_events(make(base_nlp, named))] == ["ASSAULT"]


@pytest.mark.parametrize(
    ("text", "trigger", "etype", "source"),
    [
        # a filed or sent text's participle is its author's act; the filing or sending none
        ("Japan filed a motion asking China to unseal the records.", "asking", "REQUEST", {"JPN"}),
        ("Japan sent a letter urging China to release the emails.", "urging", "REQUEST", {"JPN"}),
        ("Lawyers for Japan filed papers opposing the request.", "opposing", "REJECT", {"JPN"}),
        # idioms of the law
        ("Japan voted Thursday to hold China in contempt.", "voted", "ACCUSE", {"JPN"}),
        ("Japan voted for contempt because China would not testify.", "voted", "ACCUSE", {"JPN"}),
        ("Japan invoked its Fifth Amendment rights before China.", "invoked", "REJECT", {"JPN"}),
    ],
)
def test_acts_told_by_a_filed_text_or_an_idiom_of_the_law(
    base_nlp: Language, text: str, trigger: str, etype: str, source: set[str]
) -> None:
    events = extract_events(make(base_nlp, text))
    event = only(events, trigger)
    assert (event.type, countries(event.source)) == (etype, source)
    assert not [e for e in events if e.trigger.text in {"sent", "filed"}]

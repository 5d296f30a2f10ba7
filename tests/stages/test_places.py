"""Places: the offline gazetteer, resolution by the article's context, and each event's place."""

from __future__ import annotations

from collections import Counter

import pytest
from spacy.language import Language
from spacy.tokens import Doc, Span

from storyline.records import Event
from storyline.stages.places import load_gazetteer, place_mentions, sentence_place
from storyline.stages.places.gazetteer import Entry, Gazetteer, fold
from storyline.stages.places.locate import event_place, most_specific
from storyline.stages.places.resolve import PlaceMention, main_country, resolve


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load_gazetteer()


def _best(gazetteer: Gazetteer, name: str, countries: dict[str, int], subs: set[str]) -> str:
    found = resolve(gazetteer.candidates(name), Counter(countries), frozenset(subs))
    assert found is not None
    entry, _ = found
    return f"{entry.name}|{entry.kind}|{entry.country}|{entry.subdivision}"


def test_the_gazetteer_holds_cities_subdivisions_countries_and_sites(gazetteer: Gazetteer) -> None:
    (quetta,) = gazetteer.candidates("Quetta")
    assert (quetta.kind, quetta.country) == ("city", "PAK")
    assert quetta.latitude == pytest.approx(30.18, abs=0.05)
    assert quetta.longitude == pytest.approx(67.0, abs=0.05)
    (irbil,) = gazetteer.candidates("Irbil")  # an alternate name of GeoNames
    assert (irbil.name, irbil.alternate) == ("Erbil", True)
    assert [c.kind for c in gazetteer.candidates("Balochistan")] == ["admin1"]
    assert {c.kind for c in gazetteer.candidates("the White House")} == {"site"}
    assert not gazetteer.candidates("Afghans")  # a demonym names people, not the place
    assert gazetteer.countries_of_people("Turkish")[0].country == "TUR"
    assert fold("Sana’a") == fold("Sana'a") == "sanaa"


@pytest.mark.parametrize(
    ("name", "countries", "subs", "expected"),
    [
        ("Paris", {}, set(), "Paris|city|FRA|None"),
        ("Paris", {"USA": 5}, {"Texas"}, "Paris|city|USA|Texas"),
        ("Georgia", {"USA": 5}, {"Georgia"}, "Georgia|admin1|USA|Georgia"),
        ("Georgia", {"GEO": 3, "RUS": 2}, set(), "Georgia|country|GEO|None"),
        ("Washington", {"USA": 5}, set(), "Washington|city|USA|District of Columbia"),
        ("Moscow", {"USA": 8, "RUS": 1}, set(), "Moscow|city|RUS|None"),
    ],
)
def test_a_name_resolves_by_the_article_and_population(
    gazetteer: Gazetteer, name: str, countries: dict[str, int], subs: set[str], expected: str
) -> None:
    assert _best(gazetteer, name, countries, subs) == expected


def test_a_name_with_one_candidate_is_surer_than_a_contested_one(gazetteer: Gazetteer) -> None:
    one = resolve(gazetteer.candidates("Quetta"), Counter(), frozenset())
    many = resolve(gazetteer.candidates("Georgia"), Counter({"USA": 1}), frozenset())
    assert one is not None and many is not None
    assert one[1] == 0.9 and many[1] < 0.9


def test_a_name_and_its_country_after_a_comma_are_one_place(
    base_nlp: Language, gazetteer: Gazetteer
) -> None:
    words = ["talks", "in", "Jeddah", ",", "Saudi", "Arabia", "."]
    doc = Doc(base_nlp.vocab, words=words, spaces=[True, True, False, True, True, False, False])
    doc.ents = [Span(doc, 2, 3, label="GPE"), Span(doc, 4, 6, label="GPE")]
    (mention,) = place_mentions(doc, gazetteer)
    assert mention.text == "Jeddah, Saudi Arabia"
    assert (mention.entry.name, mention.entry.country) == ("Jeddah", "SAU")


def test_a_place_on_the_trigger_phrase_is_the_events_and_one_beyond_a_clause_is_not(
    base_nlp: Language, gazetteer: Gazetteer
) -> None:
    # "Rebels attacked a train in Quetta , which was going to Lahore ."
    words = [
        "Rebels",
        "attacked",
        "a",
        "train",
        "in",
        "Quetta",
        ",",
        "which",
        "was",
        "going",
        "to",
        "Lahore",
        ".",
    ]
    heads = [1, 1, 3, 1, 3, 4, 3, 9, 9, 3, 9, 10, 1]
    deps = ["nsubj", "ROOT", "det", "dobj", "prep", "pobj", "punct", "nsubj", "aux", "relcl"]
    deps += ["prep", "pobj", "punct"]
    doc = Doc(base_nlp.vocab, words=words, heads=heads, deps=deps)
    doc.ents = [Span(doc, 5, 6, label="GPE"), Span(doc, 11, 12, label="GPE")]
    mentions = place_mentions(doc, gazetteer)
    assert [m.text for m in mentions] == ["Quetta", "Lahore"]
    found = sentence_place(doc, doc[:], [doc[1]], mentions)
    assert found is not None and found.text == "Quetta"
    going = sentence_place(doc, doc[:], [doc[9]], mentions)
    assert going is None  # "going to": no locative preposition, and not an arrival trigger


def _event(nlp: Language, text: str, trigger: str) -> Event:
    doc = nlp(text)
    found = [e for e in doc._.events if e.trigger.text == trigger]
    assert found, [e.trigger.text for e in doc._.events]
    event: Event = found[0]
    return event


def test_the_place_of_an_attack_is_resolved_with_its_subdivision(nlp: Language) -> None:
    text = "Militants attacked a passenger train near Sibi, Balochistan, on Tuesday."
    place = _event(nlp, text, "attacked").location
    assert place is not None
    assert text[place.start : place.end] == place.name == "Sibi, Balochistan"
    assert (place.resolved, place.country, place.subdivision) == ("Sibi", "PAK", "Balochistan")
    assert place.basis == "sentence" and place.confidence is not None and place.confidence > 0.5
    assert place.latitude == pytest.approx(29.54, abs=0.05)


def test_a_dateline_sets_the_scene_of_an_unplaced_attack(nlp: Language) -> None:
    text = "QUETTA, Pakistan — Police arrested five suspects on Friday."
    place = _event(nlp, text, "arrested").location
    assert place is not None
    assert (place.resolved, place.country, place.basis) == ("Quetta", "PAK", "article")


def test_an_actors_nationality_is_not_a_place(nlp: Language) -> None:
    text = "A Guatemalan judge ordered the arrest of the journalist on Monday."
    for event in nlp(text)._.events:
        assert event.location is None


def test_a_statement_with_no_place_stays_unplaced(nlp: Language) -> None:
    text = "In Quetta, police arrested five suspects. The minister condemned the attack."
    doc = nlp(text)
    placed = {e.trigger.text: e.location for e in doc._.events}
    assert placed["arrested"] is not None and placed["arrested"].resolved == "Quetta"
    assert placed.get("condemned") is None


def _run(nlp: Language, text: str, published: str) -> Doc:
    doc = nlp.make_doc(text)
    doc._.published = published
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


def test_a_meeting_venue_places_what_is_said_there_that_day_not_what_is_told(
    nlp: Language,
) -> None:
    text = (
        "The envoy spoke ahead of a meeting of the U.N. Security Council on Friday. "
        "Russia's envoy dismissed the accusations. "
        "U.N. experts detailed the transfers of arms from North Korea to Russia in a report in "
        "February — which Moscow denied. "
        "The United States warned Friday that expanding military cooperation between Russia "
        "and North Korea is dangerous. "
        "Russian soldiers attacked a village in Ukraine in May."
    )
    doc = _run(nlp, text, "2024-06-28")
    placed = {e.trigger.text: e.location for e in doc._.events}
    for said in ("dismissed", "warned"):
        place = placed[said]
        assert place is not None and place.basis == "article"
        assert (place.resolved, place.country) == ("United Nations Headquarters", "USA")
    assert placed["denied"] is None  # a relative clause tells background, not the meeting
    assert placed["cooperation"] is None  # what the speaker tells of is not done at the venue
    attacked = placed["attacked"]
    assert attacked is not None and attacked.resolved == "Ukraine"  # its own, not the venue


def test_a_region_the_gazetteer_lacks_is_kept_as_written_unresolved(nlp: Language) -> None:
    text = "Militants attacked a train in Bolan district on Tuesday."
    place = _event(nlp, text, "attacked").location
    assert place is not None
    assert place.name == text[place.start : place.end] == "Bolan district"
    assert (place.resolved, place.latitude, place.basis) == (None, None, "sentence")
    assert place.confidence is not None and place.confidence < 0.5


def test_the_capital_a_demonym_names_and_a_town_the_model_took_for_a_person(
    base_nlp: Language, gazetteer: Gazetteer
) -> None:
    words = ["Jets", "flew", "over", "the", "Turkish", "capital", "near", "the", "town", "of"]
    words += ["Beledweyne", "."]
    heads = [1, 1, 1, 5, 5, 2, 1, 8, 6, 8, 9, 1]
    deps = ["nsubj", "ROOT", "prep", "det", "amod", "pobj", "prep", "det", "pobj", "prep"]
    deps += ["pobj", "punct"]
    doc = Doc(base_nlp.vocab, words=words, heads=heads, deps=deps)
    doc.ents = [Span(doc, 4, 5, label="NORP"), Span(doc, 10, 11, label="PERSON")]
    found = {m.text: (m.entry.name, m.entry.country) for m in place_mentions(doc, gazetteer)}
    assert found == {"Turkish capital": ("Ankara", "TUR"), "Beledweyne": ("Beledweyne", "SOM")}


def test_a_person_the_text_does_not_set_as_a_place_is_no_place(
    base_nlp: Language, gazetteer: Gazetteer
) -> None:
    # a name of the gazetteer the model took for a person, said as one: the subject of "said"
    words = ["Quetta", "said", "so", "."]
    deps = ["nsubj", "ROOT", "advmod", "punct"]
    doc = Doc(base_nlp.vocab, words=words, heads=[1, 1, 1, 1], deps=deps)
    doc.ents = [Span(doc, 0, 1, label="PERSON")]
    assert place_mentions(doc, gazetteer) == []


def test_short_city_names_and_bodies_are_not_places(gazetteer: Gazetteer) -> None:
    assert gazetteer.candidates("U.N.") == ()  # not Un, India, and the U.N. is no country
    assert gazetteer.candidates("European Union") == ()
    assert [c.country for c in gazetteer.candidates("Ur")] == []


def test_a_site_where_things_are_done_sets_no_scene_and_a_foreign_state_keeps_its_own(
    nlp: Language,
) -> None:
    text = (
        "Trump hosted Erdogan at the White House on Monday. "
        "Canada requested consultations with the United States. "
        "In Quetta, police arrested five suspects. North Korea attacked South Korea."
    )
    doc = _run(nlp, text, "2024-06-28")
    placed = {e.trigger.text: e.location for e in doc._.events}
    assert placed["requested"] is None  # the White House is not the venue of what is said
    arrested = placed["arrested"]
    assert arrested is not None and arrested.resolved == "Quetta"
    attacked = placed["attacked"]  # North Korea acts not in the Quetta scene: where it lands
    assert attacked is not None and (attacked.resolved, attacked.basis) == (
        "South Korea",
        "sentence",
    )


def test_a_subdivision_the_article_gives_one_town_goes_to_its_neighbours(nlp: Language) -> None:
    text = (
        "Militants attacked a train near Sibi, Balochistan, on Tuesday. "
        "Later, troops rescued passengers in Quetta."
    )
    quetta = _event(nlp, text, "rescued").location
    assert quetta is not None and (quetta.resolved, quetta.subdivision) == ("Quetta", "Balochistan")
    alone = _event(nlp, "Troops rescued passengers in Quetta on Tuesday.", "rescued").location
    assert alone is not None and alone.subdivision is None  # GeoNames' code alone names none


def test_what_is_done_by_saying_so_happened_where_the_speaker_spoke(
    base_nlp: Language, gazetteer: Gazetteer
) -> None:
    # "Speaking at a Security Council meeting , the envoy said Kabul was failing ."
    words = ["Speaking", "at", "a", "Security", "Council", "meeting", ",", "the", "envoy"]
    words += ["said", "Kabul", "was", "failing", "."]
    heads = [9, 0, 5, 4, 5, 1, 9, 8, 9, 9, 12, 12, 9, 9]
    deps = ["advcl", "prep", "det", "compound", "compound", "pobj", "punct", "det", "nsubj"]
    deps += ["ROOT", "nsubj", "aux", "ccomp", "punct"]
    tags = ["VBG", "IN", "DT", "NNP", "NNP", "NN", ",", "DT", "NN", "VBD", "NNP", "VBD", "VBG"]
    lemmas = ["speak", "at", "a", "Security", "Council", "meeting", ",", "the", "envoy", "say"]
    lemmas += ["Kabul", "be", "fail", "."]
    doc = Doc(base_nlp.vocab, words=words, heads=heads, deps=deps, tags=[*tags, "."], lemmas=lemmas)
    doc.ents = [Span(doc, 2, 5, label="ORG"), Span(doc, 10, 11, label="GPE")]
    mentions = place_mentions(doc, gazetteer)
    assert [m.entry.name for m in mentions] == ["United Nations Headquarters", "Kabul"]
    accused = event_place(doc, doc[:], [doc[12]], ("ACCUSE", None), mentions)
    assert accused is not None and accused.resolved == "United Nations Headquarters"
    assert accused.basis == "sentence"
    # a cooperation the speaker tells of is not where the speaker is
    assert event_place(doc, doc[:], [doc[12]], ("COOPERATE", None), mentions) is None


def test_an_area_the_text_designates_once_is_that_area_where_named_alone(
    base_nlp: Language, gazetteer: Gazetteer
) -> None:
    words = ["Troops", "entered", "Hirshabelle", "state", ".", "Jets", "struck", "militants"]
    words += ["in", "Hirshabelle", "and", "Zorvadia", "."]
    doc = Doc(base_nlp.vocab, words=words)
    doc.ents = [Span(doc, i, i + 1, label="GPE") for i in (2, 9, 11)]
    found = [(m.text, m.entry.kind, m.entry.latitude) for m in place_mentions(doc, gazetteer)]
    # "Zorvadia", never said to be an area, is no place of the gazetteer and is not kept
    assert found == [("Hirshabelle state", "region", None), ("Hirshabelle", "region", None)]


def test_a_country_or_subdivision_a_place_named_with_it_lies_in_is_not_another_place() -> None:
    somalia = Entry("Somalia", "country", "SOM", None, 6.0, 46.0, 1)
    puntland = Entry("Puntland", "region", "SOM", None, None, None, 0)
    kenya = Entry("Kenya", "country", "KEN", None, 0.0, 38.0, 1)
    mentions = [
        PlaceMention(0, 7, "Somalia", somalia, 0.9),
        PlaceMention(10, 25, "Puntland region", puntland, 0.3),
        PlaceMention(30, 35, "Kenya", kenya, 0.9),
    ]
    assert [m.text for m in most_specific(mentions)] == ["Puntland region", "Kenya"]
    assert most_specific(mentions[::2]) == mentions[::2]  # two countries stay two places
    balochistan = Entry("Balochistan", "admin1", "PAK", "Balochistan", 28.0, 65.0, 1)
    kalat = Entry("Kalat", "city", "PAK", "Balochistan", 29.0, 66.6, 1)
    punjab = Entry("Punjab", "admin1", "PAK", "Punjab", 31.0, 73.0, 1)
    inside = [
        PlaceMention(0, 11, "Balochistan", balochistan, 0.9),
        PlaceMention(14, 28, "Kalat district", kalat, 0.9),
        PlaceMention(30, 36, "Punjab", punjab, 0.9),
    ]
    assert [m.text for m in most_specific(inside)] == ["Kalat district", "Punjab"]


def test_what_a_court_decides_happens_in_the_scene_and_a_sanction_does_not(nlp: Language) -> None:
    text = (
        "In Guatemala City, police arrested the journalist Jose Zamora on Monday. "
        "A court later sentenced Zamora to six years in prison. "
        "The European Union sanctioned the attorney general."
    )
    placed = {e.trigger.text: e.location for e in _run(nlp, text, "2025-03-13")._.events}
    sentenced = placed["sentenced"]
    assert sentenced is not None and sentenced.basis == "article"
    assert (sentenced.resolved, sentenced.country) == ("Guatemala City", "GTM")
    assert placed["sanctioned"] is None  # a sanction is a policy, placed nowhere


def test_a_place_in_what_a_speaker_asks_for_is_not_where_the_speaker_asked(
    base_nlp: Language, gazetteer: Gazetteer
) -> None:
    # "Washington called for a government in Syria ."
    words = ["Washington", "called", "for", "a", "government", "in", "Syria", "."]
    heads = [1, 1, 1, 4, 2, 4, 5, 1]
    deps = ["nsubj", "ROOT", "prep", "det", "pobj", "prep", "pobj", "punct"]
    doc = Doc(base_nlp.vocab, words=words, heads=heads, deps=deps)
    doc.ents = [Span(doc, 0, 1, label="GPE"), Span(doc, 6, 7, label="GPE")]
    mentions = place_mentions(doc, gazetteer)
    assert event_place(doc, doc[:], [doc[1]], ("REQUEST", None), mentions) is None
    # what is done somewhere takes a place on its object ("attacked a train in Quetta")
    assaulted = event_place(doc, doc[:], [doc[1]], ("ASSAULT", None), mentions)
    assert assaulted is not None and assaulted.resolved == "Syria"


def _parsed(
    base_nlp: Language, rows: list[tuple[str, int, str]], ents: list[tuple[int, int, str]]
) -> Doc:
    """A doc from (word, head, dep) rows and (start, end, label) entities."""
    words, heads, deps = (list(col) for col in zip(*rows, strict=True))
    doc = Doc(base_nlp.vocab, words=words, heads=heads, deps=deps)
    doc.ents = [Span(doc, start, end, label=label) for start, end, label in ents]
    return doc


def test_the_nearest_place_then_the_most_specific_and_a_nationality_is_none(
    base_nlp: Language, gazetteer: Gazetteer
) -> None:
    # "Militants attacked a train in Pakistan 's Balochistan province ."
    rows = [("Militants", 1, "nsubj"), ("attacked", 1, "ROOT"), ("a", 3, "det")]
    rows += [("train", 1, "dobj"), ("in", 1, "prep"), ("Pakistan", 8, "poss")]
    rows += [("'s", 5, "case"), ("Balochistan", 8, "compound"), ("province", 4, "pobj")]
    rows += [(".", 1, "punct")]
    doc = _parsed(base_nlp, rows, [(5, 6, "GPE"), (7, 8, "GPE")])
    mentions = place_mentions(doc, gazetteer)
    found = event_place(doc, doc[:], [doc[1]], ("ASSAULT", None), mentions)
    assert found is not None and found.resolved == "Balochistan"
    # "Trump doubled the U.S. tariff ."
    rows = [("Trump", 1, "nsubj"), ("doubled", 1, "ROOT"), ("the", 4, "det")]
    rows += [("U.S.", 4, "compound"), ("tariff", 1, "dobj"), (".", 1, "punct")]
    doc = _parsed(base_nlp, rows, [(0, 1, "PERSON"), (3, 4, "GPE")])
    mentions = place_mentions(doc, gazetteer)
    assert event_place(doc, doc[:], [doc[1], doc[4]], ("SANCTION", None), mentions) is None


def test_of_two_phrases_on_the_trigger_the_nearer_and_a_named_capital_counts_as_its_noun(
    base_nlp: Language, gazetteer: Gazetteer
) -> None:
    # "Dodik spoke in the capital , Banja Luka , at the Security Council ."
    rows = [("Dodik", 1, "nsubj"), ("spoke", 1, "ROOT"), ("in", 1, "prep"), ("the", 4, "det")]
    rows += [("capital", 2, "pobj"), (",", 4, "punct"), ("Banja", 7, "compound")]
    rows += [("Luka", 4, "appos"), (",", 1, "punct"), ("at", 1, "prep"), ("the", 12, "det")]
    rows += [("Security", 12, "compound"), ("Council", 9, "pobj"), (".", 1, "punct")]
    doc = _parsed(base_nlp, rows, [(0, 1, "PERSON"), (6, 8, "GPE"), (10, 13, "ORG")])
    mentions = place_mentions(doc, gazetteer)
    found = sentence_place(doc, doc[:], [doc[1]], mentions)
    assert found is not None and found.text == "Banja Luka"


def test_a_place_said_of_a_time_or_as_a_named_capital_is_where_it_was_said(
    base_nlp: Language, gazetteer: Gazetteer
) -> None:
    # "On Thursday in Washington , Blinken assured Payne ."
    rows = [("On", 5, "prep"), ("Thursday", 0, "pobj"), ("in", 1, "prep")]
    rows += [("Washington", 2, "pobj"), (",", 5, "punct"), ("assured", 5, "ROOT")]
    rows += [("Blinken", 5, "nsubj"), ("Payne", 5, "dobj"), (".", 5, "punct")]
    doc = _parsed(base_nlp, rows, [(3, 4, "GPE")])
    mentions = place_mentions(doc, gazetteer)
    found = event_place(doc, doc[:], [doc[5]], ("AGREE", None), mentions)
    assert found is not None and (found.resolved, found.country) == ("Washington", "USA")
    # "Dodik spoke in the regional capital , Banja Luka ." (the model took it for a person)
    rows = [("Dodik", 1, "nsubj"), ("spoke", 1, "ROOT"), ("in", 1, "prep"), ("the", 5, "det")]
    rows += [("regional", 5, "amod"), ("capital", 2, "pobj"), (",", 5, "punct")]
    rows += [("Banja", 8, "compound"), ("Luka", 5, "appos"), (".", 1, "punct")]
    doc = _parsed(base_nlp, rows, [(7, 9, "PERSON")])
    (luka,) = place_mentions(doc, gazetteer)
    assert (luka.text, luka.entry.country) == ("Banja Luka", "BIH")


def test_an_act_said_by_a_passive_agent_at_a_meeting_is_at_its_venue(
    base_nlp: Language, gazetteer: Gazetteer
) -> None:
    # "Henry was criticized by envoys , representatives at a Security Council meeting ."
    rows = [("Henry", 2, "nsubjpass"), ("was", 2, "auxpass"), ("criticized", 2, "ROOT")]
    rows += [("by", 2, "agent"), ("envoys", 3, "pobj"), (",", 4, "punct")]
    rows += [("representatives", 4, "appos"), ("at", 6, "prep"), ("a", 11, "det")]
    rows += [("Security", 10, "compound"), ("Council", 11, "compound"), ("meeting", 7, "pobj")]
    rows += [(".", 2, "punct")]
    doc = _parsed(base_nlp, rows, [(9, 11, "ORG")])
    mentions = place_mentions(doc, gazetteer)
    found = event_place(doc, doc[:], [doc[2]], ("ACCUSE", None), mentions)
    assert found is not None and found.resolved == "United Nations Headquarters"


def test_a_place_describing_the_speaker_is_not_where_a_told_act_happened(
    base_nlp: Language, gazetteer: Gazetteer
) -> None:
    # "Rebels attacked the town , said Pollack , an expert in California ."
    rows = [("Rebels", 1, "nsubj"), ("attacked", 5, "ccomp"), ("the", 3, "det")]
    rows += [("town", 1, "dobj"), (",", 5, "punct"), ("said", 5, "ROOT"), ("Pollack", 5, "nsubj")]
    rows += [(",", 6, "punct"), ("an", 9, "det"), ("expert", 6, "appos"), ("in", 9, "prep")]
    rows += [("California", 10, "pobj"), (".", 5, "punct")]
    doc = _parsed(base_nlp, rows, [(6, 7, "PERSON"), (11, 12, "GPE")])
    mentions = place_mentions(doc, gazetteer)
    assert [m.entry.name for m in mentions] == ["California"]
    assert event_place(doc, doc[:], [doc[1]], ("ASSAULT", None), mentions) is None


def test_a_sentence_naming_other_towns_of_the_country_keeps_the_scene_off(nlp: Language) -> None:
    text = (
        "QUETTA, Pakistan — Militants attacked a train near Sibi on Tuesday. "
        "Troops killed the militants, who hid in Peshawar and in Lahore."
    )
    placed = {e.trigger.text: e.location for e in _run(nlp, text, "2025-03-12")._.events}
    attacked = placed["attacked"]
    assert attacked is not None and attacked.resolved == "Sibi"
    assert placed["killed"] is None  # not Quetta, the dateline's: the sentence says elsewhere


def test_the_speakers_place_carries_to_their_next_quote(nlp: Language) -> None:
    text = (
        "Speaking at a United Nations Security Council meeting on Afghanistan this week, "
        "Pakistan's permanent representative to the United Nations, Munir Akram, said Kabul was "
        "failing to rein in Baloch separatists. "
        '"The Kabul authorities have failed to address the threat posed to the region by '
        'terrorist groups," the Pakistani envoy said Monday.'
    )
    placed = {e.trigger.text: e.location for e in _run(nlp, text, "2025-03-13")._.events}
    failing, failed = placed["failing"], placed["failed"]
    assert failing is not None and failing.basis == "sentence"
    assert failed is not None and failed.basis == "article"  # said Monday: not the venue's day
    assert failing.resolved == failed.resolved == "United Nations Headquarters"


def test_a_name_tagged_as_nothing_is_a_town_where_the_text_says_so(
    base_nlp: Language, gazetteer: Gazetteer
) -> None:
    # "Gunmen stormed a hotel in the Somali city of Beledweyne ." (no entity tagged)
    rows = [("Gunmen", 1, "nsubj"), ("stormed", 1, "ROOT"), ("a", 3, "det"), ("hotel", 1, "dobj")]
    rows += [("in", 1, "prep"), ("the", 7, "det"), ("Somali", 7, "amod"), ("city", 4, "pobj")]
    rows += [("of", 7, "prep"), ("Beledweyne", 8, "pobj"), (".", 1, "punct")]
    doc = _parsed(base_nlp, rows, [])
    for token in doc:
        token.pos_ = "PROPN" if token.text in {"Beledweyne", "Somali"} else "NOUN"
    (town,) = place_mentions(doc, gazetteer)
    assert (town.text, town.entry.country) == ("Beledweyne", "SOM")
    found = event_place(doc, doc[:], [doc[1]], ("ASSAULT", None), [town])
    assert found is not None and found.resolved == "Beledweyne"


def test_a_place_describing_a_town_named_after_of_is_not_the_place(
    base_nlp: Language, gazetteer: Gazetteer
) -> None:
    # "MBS met Rubio in the Red Sea port city of Jeddah ."
    rows = [("MBS", 1, "nsubj"), ("met", 1, "ROOT"), ("Rubio", 1, "dobj"), ("in", 1, "prep")]
    rows += [("the", 8, "det"), ("Red", 6, "compound"), ("Sea", 8, "compound")]
    rows += [("port", 8, "compound"), ("city", 3, "pobj"), ("of", 8, "prep")]
    rows += [("Jeddah", 9, "pobj"), (".", 1, "punct")]
    doc = _parsed(base_nlp, rows, [(5, 7, "LOC"), (10, 11, "GPE")])
    mentions = place_mentions(doc, gazetteer)
    assert [m.text for m in mentions] == ["Red Sea", "Jeddah"]
    found = event_place(doc, doc[:], [doc[1]], ("CONSULT", None), mentions)
    assert found is not None and (found.resolved, found.country) == ("Jeddah", "SAU")


def test_a_site_in_a_noun_triggers_own_words_is_its_place(
    base_nlp: Language, gazetteer: Gazetteer
) -> None:
    # "Envoys spoke at a United Nations Security Council meeting ." (the model took "a" in)
    rows = [("Envoys", 1, "nsubj"), ("spoke", 1, "ROOT"), ("at", 1, "prep"), ("a", 8, "det")]
    rows += [("United", 5, "compound"), ("Nations", 7, "compound"), ("Security", 7, "compound")]
    rows += [("Council", 8, "compound"), ("meeting", 2, "pobj"), (".", 1, "punct")]
    doc = _parsed(base_nlp, rows, [(3, 8, "ORG")])
    mentions = place_mentions(doc, gazetteer)
    found = event_place(doc, doc[:], [doc[8]], ("CONSULT", None), mentions)
    assert found is not None and found.resolved == "United Nations Headquarters"


def test_an_area_the_gazetteer_lacks_is_in_the_country_the_article_is_about(
    base_nlp: Language, gazetteer: Gazetteer
) -> None:
    words = ["Troops", "from", "Somalia", "entered", "Hirshabelle", "state", "and", "Mogadishu"]
    doc = Doc(base_nlp.vocab, words=[*words, "."])
    doc.ents = [Span(doc, i, i + 1, label="GPE") for i in (2, 4, 7)]
    found = {m.text: m.entry.country for m in place_mentions(doc, gazetteer)}
    assert found == {"Somalia": "SOM", "Hirshabelle state": "SOM", "Mogadishu": "SOM"}
    assert main_country(Counter({"SOM": 3, "USA": 1})) == "SOM"
    assert main_country(Counter({"SOM": 2, "USA": 2})) is None  # about no one country


def test_a_name_tagged_with_its_designator_resolves_without_it(
    base_nlp: Language, gazetteer: Gazetteer
) -> None:
    words = ["Militants", "attacked", "a", "train", "in", "Balochistan", "province", "."]
    doc = Doc(base_nlp.vocab, words=words)
    doc.ents = [Span(doc, 5, 7, label="GPE")]
    (province,) = place_mentions(doc, gazetteer)
    assert province.text == "Balochistan province"
    assert (province.entry.name, province.entry.kind) == ("Balochistan", "admin1")


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # planned or supposed: nothing has happened at the scene yet
        (
            "In Quetta, police arrested five suspects on Monday. The army will deploy troops.",
            "deploy",
        ),
        # another time than the story's
        (
            "In Quetta, police arrested five suspects on Monday. In 2015, soldiers raided a school.",
            "raided",
        ),
        # an act of rule takes effect by decree, not at the scene
        (
            "In Quetta, police arrested five suspects on Monday. The government banned the party.",
            "banned",
        ),
    ],
)
def test_the_scene_holds_what_was_done_there_on_the_storys_days(
    nlp: Language, text: str, trigger: str
) -> None:
    placed = {e.trigger.text: e.location for e in _run(nlp, text, "2025-03-11")._.events}
    assert placed["arrested"] is not None and placed["arrested"].resolved == "Quetta"
    assert placed[trigger] is None


def test_where_someone_is_sets_no_scene(nlp: Language) -> None:
    text = (
        "Experts in Washington said the talks had stalled. Police arrested five protesters on"
        " Monday."
    )
    placed = {e.trigger.text: e.location for e in _run(nlp, text, "2025-03-11")._.events}
    assert placed["arrested"] is None


def test_a_place_describing_a_thing_of_another_year_sets_no_scene(nlp: Language) -> None:
    text = (
        "The Taliban chief praised the February 2020 pact the United States negotiated with the"
        " insurgents in Doha. The insurgents attacked an army base on Saturday."
    )
    placed = {e.trigger.text: e.location for e in _run(nlp, text, "2021-05-09")._.events}
    assert placed["attacked"] is None
    text = (
        "Security forces killed all six attackers who laid siege to a hotel in the town of"
        " Beledweyne. The militants attacked an army base on Saturday."
    )  # what the description tells is the story itself
    placed = {e.trigger.text: e.location for e in _run(nlp, text, "2025-03-12")._.events}
    attacked = placed["attacked"]
    assert attacked is not None and attacked.resolved == "Beledweyne"


def test_where_a_plan_was_told_is_not_where_it_will_happen(nlp: Language) -> None:
    text = "The prime minister said during a visit to Beijing that he would urge the EU to act."
    placed = {e.trigger.text: e.location for e in _run(nlp, text, "2025-03-11")._.events}
    visit = placed["visit"]
    assert visit is not None and visit.resolved == "Beijing"  # the visit was there
    assert placed["urge"] is None


def test_an_invasion_happens_where_it_lands_not_where_the_invader_is(nlp: Language) -> None:
    text = (
        "The company kept its offices inside Russia for years before Russia invaded Ukraine in"
        " 2022."
    )
    placed = {e.trigger.text: e.location for e in _run(nlp, text, "2025-03-11")._.events}
    invaded = placed["invaded"]
    assert invaded is not None and invaded.resolved == "Ukraine"


def test_a_place_opening_the_sentence_places_its_main_clause(nlp: Language) -> None:
    text = (
        "Meanwhile, in Washington, three members of the U.S. Senate led a group of nine other"
        " members of Congress in calling on Secretary of State Marco Rubio to act."
    )
    placed = {e.trigger.text: e.location for e in _run(nlp, text, "2025-03-14")._.events}
    calling = placed["calling"]
    assert calling is not None and calling.resolved == "Washington"
    text = "In Washington, Rubio said Russian troops attacked Ukraine on Monday."
    placed = {e.trigger.text: e.location for e in _run(nlp, text, "2025-03-14")._.events}
    attacked = placed["attacked"]  # what is told happened elsewhere
    assert attacked is not None and attacked.resolved == "Ukraine"


def test_a_domestic_act_no_place_is_told_for_happens_in_its_country(nlp: Language) -> None:
    text = (
        "Bosnia's political crisis deepened this week. "
        "Bosnian state prosecutors on Wednesday ordered the arrest of Nikola Draganovic. "
        "Last month, a Bosnian court sentenced Draganovic to one year in prison. "
        "Serbian police detained two Bosnian journalists on Friday. "
        "The Bosnian minister condemned the detention."
    )
    placed = {e.trigger.text: e.location for e in _run(nlp, text, "2025-03-13")._.events}
    for trigger in ("ordered the arrest", "sentenced"):
        place = placed[trigger]
        assert place is not None, trigger
        assert (place.resolved, place.basis, text[place.start : place.end]) == (
            "Bosnia and Herzegovina",
            "article",
            "Bosnia",
        )
        assert place.confidence is not None and place.confidence < 0.7
    assert placed["detained"] is None  # parties of two countries: the text does not say where
    assert placed["condemned"] is None  # a statement is placed nowhere


def test_a_country_the_article_hardly_names_places_no_domestic_act(nlp: Language) -> None:
    """A US paper's "a federal appeals court ruled" happens in the reader's own country: named
    once in the article and not in the sentence, it is no place to tell."""
    text = (
        "A federal appeals court ruled Friday against Ohio's procedure for purging voters. "
        "The appeals court ruled that Ohio's practices violated the law. "
        "U.S. voting-rights groups welcomed the decision."
    )
    placed = {e.trigger.text: e.location for e in _run(nlp, text, "2016-09-24")._.events}
    assert placed and all(place is None for place in placed.values()), placed

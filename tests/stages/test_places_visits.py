"""Places of visits: a country the model did not tag, the destination of a visit, and the scene a
visit told at the top of an article sets for what its visitors and hosts did there."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc, Span

from storyline.stages.places import load_gazetteer, place_mentions
from storyline.stages.places.gazetteer import Gazetteer
from storyline.stages.places.locate import event_place


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load_gazetteer()


def _doc(
    base_nlp: Language, rows: list[tuple[str, int, str, str]], ents: list[tuple[int, int, str]]
) -> Doc:
    """A doc from (word, head, dep, pos) rows and (start, end, label) entities."""
    words, heads, deps, pos = (list(col) for col in zip(*rows, strict=True))
    doc = Doc(base_nlp.vocab, words=words, heads=heads, deps=deps, pos=pos)
    doc.ents = [Span(doc, start, end, label=label) for start, end, label in ents]
    return doc


def _run(nlp: Language, text: str, published: str) -> Doc:
    doc = nlp.make_doc(text)
    doc._.published = published
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


def test_a_country_the_model_took_for_a_person_or_tagged_as_nothing_is_a_place(
    base_nlp: Language, gazetteer: Gazetteer
) -> None:
    # "Mauritius hosted Modi , who flew to Mauritius from Jordan near the Cameroon border ."
    rows = [
        ("Mauritius", 1, "nsubj", "PROPN"), ("hosted", 1, "ROOT", "VERB"),
        ("Modi", 1, "dobj", "PROPN"), (",", 2, "punct", "PUNCT"), ("who", 5, "nsubj", "PRON"),
        ("flew", 2, "relcl", "VERB"), ("to", 5, "prep", "ADP"), ("Mauritius", 6, "pobj", "PROPN"),
        ("from", 5, "prep", "ADP"), ("Jordan", 8, "pobj", "PROPN"), ("near", 5, "prep", "ADP"),
        ("the", 13, "det", "DET"), ("Cameroon", 13, "compound", "PROPN"),
        ("border", 10, "pobj", "NOUN"), (".", 1, "punct", "PUNCT"),
    ]  # fmt: skip
    doc = _doc(
        base_nlp, rows, [(0, 1, "PERSON"), (2, 3, "PERSON"), (9, 10, "PERSON"), (12, 13, "ORG")]
    )
    found = [(m.text, m.entry.country) for m in place_mentions(doc, gazetteer)]
    # the person's "Mauritius" and the untagged one are the country; "Jordan" may be a person,
    # and "the Cameroon border" names a border, not Cameroon
    assert found == [("Mauritius", "MUS"), ("Mauritius", "MUS")]


def test_the_object_of_visit_is_where_the_visit_happens(nlp: Language) -> None:
    doc = _run(
        nlp, "Indian Prime Minister Narendra Modi visited the Maldives on Friday.", "2025-03-14"
    )
    (visit,) = [e for e in doc._.events if e.trigger.text == "visited"]
    assert visit.location is not None and visit.location.resolved == "Maldives"
    assert visit.location.basis == "sentence"


def test_a_visits_destination_is_the_scene_of_what_its_visitors_and_hosts_did_there(
    nlp: Language,
) -> None:
    text = (
        "Indian Prime Minister Narendra Modi began a two-day visit to Mauritius on Tuesday. "
        "Modi met Mauritian Prime Minister Navinchandra Ramgoolam on Wednesday, and the two "
        "leaders signed eight agreements. "
        "In 2019, China signed a free trade agreement with Mauritius. "
        "India backs the handover of the islands. "
        "Modi will send aid to Mauritius next year."
    )
    doc = _run(nlp, text, "2025-03-12")
    placed = {e.trigger.text: e.location for e in doc._.events}
    for done in ("met", "signed eight agreements"):  # the visitor and the hosts, on the visit
        place = placed[done]
        assert place is not None and (place.resolved, place.basis) == ("Mauritius", "article")
    assert placed["signed a free trade agreement"] is None  # China, years before
    assert placed["backs"] is None  # a stance told in the present is no act done there
    assert placed["send aid"] is None  # planned, not done on the visit


def test_a_place_in_what_a_verb_asks_for_is_the_triggers_only_when_it_is_that_verb(
    base_nlp: Language, gazetteer: Gazetteer
) -> None:
    # "Pranowo told officials after a meeting to ban meat in Solo ."
    rows = [
        ("Pranowo", 1, "nsubj", "PROPN"), ("told", 1, "ROOT", "VERB"),
        ("officials", 1, "dobj", "NOUN"), ("after", 1, "prep", "ADP"), ("a", 5, "det", "DET"),
        ("meeting", 3, "pobj", "NOUN"), ("to", 7, "aux", "PART"), ("ban", 1, "xcomp", "VERB"),
        ("meat", 7, "dobj", "NOUN"), ("in", 7, "prep", "ADP"), ("Solo", 9, "pobj", "PROPN"),
        (".", 1, "punct", "PUNCT"),
    ]  # fmt: skip
    doc = _doc(base_nlp, rows, [(10, 11, "GPE")])
    solo = place_mentions(doc, gazetteer)
    assert [m.entry.name for m in solo] == ["Surakarta"]
    assert event_place(doc, doc[:], [doc[5]], ("CONSULT", None), solo) is None
    # "India helped Mauritius build a jetty in Quetta ."
    rows = [
        ("India", 1, "nsubj", "PROPN"), ("helped", 1, "ROOT", "VERB"),
        ("Mauritius", 3, "nsubj", "PROPN"), ("build", 1, "ccomp", "VERB"), ("a", 5, "det", "DET"),
        ("jetty", 3, "dobj", "NOUN"), ("in", 3, "prep", "ADP"), ("Quetta", 6, "pobj", "PROPN"),
        (".", 1, "punct", "PUNCT"),
    ]  # fmt: skip
    doc = _doc(base_nlp, rows, [(0, 1, "GPE"), (2, 3, "GPE"), (7, 8, "GPE")])
    mentions = place_mentions(doc, gazetteer)
    found = event_place(doc, doc[:], [doc[1]], ("AID", None), mentions)
    assert found is not None and found.resolved == "Quetta"


def test_a_subdivision_that_acts_acts_at_home_and_a_capital_stands_for_its_state(
    nlp: Language,
) -> None:
    text = (
        "Although Bali banned the trade in 2017, vendors there still sell dog meat. "
        "Moscow banned the import of Indonesian coffee in 2019."
    )
    doc = _run(nlp, text, "2025-03-12")
    banned = [e for e in doc._.events if e.trigger.text.startswith("banned")]
    (bali,) = [e for e in banned if "Bali" in e.sentence.text]
    (moscow,) = [e for e in banned if "Moscow" in e.sentence.text]
    assert bali.location is not None
    assert (bali.location.resolved, bali.location.country) == ("Bali", "IDN")  # the province
    assert moscow.location is None  # the capital's name is Russia's government


def test_a_place_in_a_speakers_own_words_sets_no_scene(nlp: Language) -> None:
    text = (
        "Chinese firms are racing to build AI models. "
        "“The government in China works directly with the private sector and universities,” "
        "said Lourdes Casanova, an expert. "
        "Chinese President Xi Jinping recently convened a meeting with heads of private companies."
    )
    (convened,) = [
        e for e in _run(nlp, text, "2025-03-12")._.events if e.trigger.text == "convened"
    ]
    assert convened.location is None


def test_a_visitors_legislature_sits_at_home(nlp: Language) -> None:
    text = (
        "Former U.S. Deputy Secretary of State Richard Armitage spoke about his trip to Taiwan "
        "on Monday. Armitage met President Lai Ching-te on Monday. "
        "The U.S. Congress sent aid to Taiwan on Monday."
    )
    placed = {e.trigger.text: e.location for e in _run(nlp, text, "2025-03-12")._.events}
    met = placed["met"]
    assert met is not None and (met.resolved, met.basis) == ("Taiwan", "article")
    assert placed["sent aid"] is None  # Congress voted it at home


def test_what_is_done_during_a_visit_to_a_place_is_done_there(nlp: Language) -> None:
    text = "During his visit to Taiwan on Monday, Armitage met President Lai Ching-te."
    (met,) = [e for e in _run(nlp, text, "2025-03-12")._.events if e.trigger.text == "met"]
    assert met.location is not None
    assert (met.location.resolved, met.location.basis) == ("Taiwan", "sentence")


@pytest.mark.parametrize(
    ("text", "trigger", "place"),
    [
        ("North Korea invaded South Korea in 1950.", "invaded", "South Korea"),
        ("The Russian attack on Ukraine continued on Monday.", "attack", "Ukraine"),
        (
            "China conducted military drills encircling Taiwan on Monday.",
            "conducted military drills",
            "Taiwan",
        ),
    ],
)
def test_an_act_of_force_happens_where_it_lands(
    nlp: Language, text: str, trigger: str, place: str
) -> None:
    (event,) = [e for e in _run(nlp, text, "2025-03-12")._.events if e.trigger.text == trigger]
    assert event.location is not None and event.location.resolved == place


def test_what_a_visitor_did_before_the_visit_is_not_placed_at_it(nlp: Language) -> None:
    text = (
        "Former U.S. Deputy Secretary of State Richard Armitage spoke about his trip to Taiwan "
        "on Monday. Armitage had met President Lai Ching-te before. "
        "Armitage met President Lai Ching-te on Monday."
    )
    earlier, now = (e for e in _run(nlp, text, "2025-03-12")._.events if e.trigger.text == "met")
    assert earlier.location is None
    assert now.location is not None and now.location.resolved == "Taiwan"

"""The article-level scorer: name and code rules, the split, one-to-one matching on hand-made
gold/prediction pairs (no model), and the quality gate on a fixed sample of the VOA gold."""

from __future__ import annotations

import dataclasses
import hashlib
import json
from dataclasses import replace
from pathlib import Path

import pytest
from spacy.language import Language

from storyline.errors import EvalError
from storyline.eval import articles as ar
from storyline.records import Actor, Event, EventDate, Place, Quote, Span
from storyline.settings import Settings

FLOORS = Path(__file__).resolve().parents[1] / "quality_floors.json"
#: The gate's fixed sample: two 2019-2021 and two 2025 stories of the held-out half.
GATE_SAMPLE = ("voa-6203091", "voa-6206085", "voa-8009495", "voa-8010842")
TOLERANCE = 0.01

TEXT = (
    "Israel attacked Gaza on Monday, officials said. "
    "Egypt urged restraint from both sides. "
    "Israel and Egypt met in Cairo. "
    '"We want calm now," Sisi told reporters.'
)


def span(needle: str, text: str = TEXT) -> Span:
    at = text.index(needle)
    return Span(at, at + len(needle), needle)


def sentence_of(needle: str) -> Span:
    """The whole sentence of TEXT holding ``needle``."""
    at = TEXT.index(needle)
    start = TEXT.rfind(". ", 0, at)
    start = 0 if start < 0 else start + 2
    end = TEXT.find(". ", at)
    end = len(TEXT) if end < 0 else end + 1
    return Span(start, end, TEXT[start:end])


def actor(
    name: str,
    country: str | None = None,
    sector: str | None = None,
    at: str | None = None,
    entity_id: str | None = None,
) -> Actor:
    where = span(at or name)
    return Actor(entity_id, name, country, sector, where.start, where.end)


def event(
    etype: str,
    trigger: str,
    source: list[Actor] | None = None,
    target: list[Actor] | None = None,
    *,
    date: str | None = None,
    modality: str = "asserted",
    confidence: float = 0.7,
    location: Place | None = None,
    n: int = 0,
) -> Event:
    t = span(trigger)
    return Event(
        id=f"d:V{t.start}:{n}",
        doc_id="d",
        type=etype,
        mode=None,
        modality=modality,  # type: ignore[arg-type]
        source=source or [],
        target=target or [],
        date=EventDate(date, "text") if date else None,
        location=location,
        sentence=sentence_of(trigger),
        trigger=t,
        quote_id=None,
        confidence=confidence,
    )


ISRAEL = ar.GoldActor("Israel", "Israel", "ISR", "GOV")
EGYPT = ar.GoldActor("Egypt", "Egypt", "EGY", "GOV")
GAZA = ar.GoldActor("Gaza", "Gaza", "PSE", "CVL")
CAIRO = ar.GoldPlace("Cairo", "Cairo", "EGY", None, "city", False)

GOLD = ar.GoldArticle(
    id="voa-1",
    published="2024-05-08",
    title=None,
    text=TEXT,
    events=(
        ar.GoldEvent(
            "Israel attacked Gaza on Monday",
            "attacked",
            "ASSAULT",
            (ISRAEL,),
            (GAZA,),
            date="2024-05-06",
        ),
        ar.GoldEvent("Egypt urged restraint from both sides", "urged", "REQUEST", (EGYPT,)),
        ar.GoldEvent(
            "Israel and Egypt met in Cairo",
            "met",
            "CONSULT",
            (ISRAEL, EGYPT),
            certain=False,
            location=CAIRO,
        ),
    ),
    quotes=(ar.GoldQuote("We want calm now", "Abdel Fattah el-Sisi", "direct", "2024-05-08"),),
)


def quote(speaker: str | None, date: str | None = "2024-05-08") -> Quote:
    content = span("We want calm now")
    return Quote(
        "q1",
        "d",
        content.start,
        content.end,
        content.text,
        "direct",
        span("told"),
        speaker,
        None,
        None,
        None,
        None,
        None,
        date,
        "published",
    )


def prediction(*events: Event, quotes: tuple[Quote, ...] = ()) -> ar.Prediction:
    return ar.Prediction(TEXT, tuple(events), quotes)


# --- names, codes, places ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Marco Rubio", "Marco Rubio"),
        ("Rubio", "Marco Rubio"),
        ("Sheikh Mohamud", "Hassan Sheikh Mohamud"),
        ("Donald J. Trump", "Donald Trump"),
        ("Mohammed al-Sudani", "Mohammed Shia al-Sudani"),
        ("Sudani", "al-Sudani"),
        ("Kim Song", "Song Kim"),
        ("Recep Tayyip Erdoğan", "Recep Tayyip Erdogan"),
        ("Turkey (government)", "Turkey"),
        ("Mr. Blinken", "Antony Blinken"),
        (
            "U.N. Office for the Coordination of Humanitarian Affairs",
            "UN Office for the Coordination of Humanitarian Affairs",
        ),
    ],
)
def test_names_that_match(a: str, b: str) -> None:
    assert ar.names_match(a, b)
    assert ar.names_match(b, a)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Sali Berisha", "Shkelzen Berisha Jr"),
        ("Marco Rubio", "Marco Polo"),
        ("Somalia (police)", "Somalia"),
        ("Caul", "Michael McCaul"),
        ("U.S. Army", "USA Today"),
        (None, "Marco Rubio"),
        ("", ""),
    ],
)
def test_names_that_do_not_match(a: str | None, b: str | None) -> None:
    assert not ar.names_match(a, b)


def test_system_codes_are_read_in_the_gold_convention() -> None:
    assert ar.as_gold_codes("RUS", None) == ("RUS", "GOV")  # a bare country is its government
    assert ar.as_gold_codes("RUS", "MIL") == ("RUS", "MIL")
    assert ar.as_gold_codes("IGO", None) == (None, "IGO")
    assert ar.as_gold_codes("IGO", "MIL") == (None, "IGO")  # NATO, peacekeepers: the gold's IGO
    assert ar.as_gold_codes("NGO", None) == (None, "NGO")
    assert ar.as_gold_codes("USA", "JRN") == ("USA", "MED")  # the press
    assert ar.as_gold_codes("USA", "MED") == ("USA", "HLH")  # medicine is not the press
    assert ar.as_gold_codes(None, None) == (None, None)
    assert ar.as_gold_codes("USA", None, state=False) == ("USA", None)  # a person of no sector


def test_only_a_country_or_an_unlinked_mention_may_be_a_bare_country() -> None:
    assert ar.is_state(actor("Israel", entity_id="country:ISR"))
    assert ar.is_state(actor("Israel", entity_id=None))
    assert not ar.is_state(actor("Heidi Cruz", at="Israel", entity_id="E4dc72de17a6d"))


def test_actor_matches_by_mention_name_or_codes() -> None:
    window = (0, len(TEXT))
    gold = ar.GoldActor("officials", "Israeli officials", "ISR", "GOV")
    by_mention = actor("the officials", at="officials")
    assert ar.actor_found(TEXT, window, by_mention, gold) == "mention"
    elsewhere = Actor(None, "Israeli officials", None, None, 0, 6)
    assert ar.actor_found(TEXT, window, elsewhere, gold) == "name"
    coded = Actor(None, "Israel", "ISR", None, 0, 6)  # ISR GOV in the gold's convention
    assert ar.actor_found(TEXT, window, coded, gold) == "codes"
    igo = ar.GoldActor("UN", "United Nations", None, "IGO")
    other_igo = Actor(None, "European Union", "IGO", None, 0, 6)
    assert ar.actor_found(TEXT, window, other_igo, igo) is None  # no country: codes do not match


def test_a_side_is_right_when_every_emitted_actor_is_a_gold_actor() -> None:
    window = (0, len(TEXT))
    israel = actor("Israel", "ISR")
    gaza = actor("Gaza", at="Gaza")
    assert ar.side_right(TEXT, window, [], [])
    assert ar.side_right(TEXT, window, [israel], [ISRAEL])
    assert not ar.side_right(TEXT, window, [israel, gaza], [ISRAEL])  # one actor too many
    assert not ar.side_right(TEXT, window, [], [ISRAEL])
    assert not ar.side_right(TEXT, window, [israel], [])
    assert ar.side_right(TEXT, window, [israel], [ISRAEL, EGYPT])  # one of two found


def test_place_right_by_mention_name_and_country() -> None:
    cairo = span("Cairo")
    assert ar.place_right(TEXT, Place("Cairo", "EGY", cairo.start, cairo.end), CAIRO)
    assert ar.place_right(TEXT, Place("Cairo city", None, 0, 0), CAIRO)
    assert not ar.place_right(TEXT, Place("Cairo", "USA", 0, 0), CAIRO)  # countries differ
    assert not ar.place_right(TEXT, Place("Egypt", "EGY", 0, 0), CAIRO)
    province = ar.GoldPlace("x", "Balochistan province", "PAK")
    assert ar.place_right(TEXT, Place("Balochistan", "PAK", 0, 0), province)


def test_place_right_by_resolved_name_and_subdivision_compared_by_words() -> None:
    erbil = ar.GoldPlace("Erbil", "Erbil", "IRQ", "Erbil")
    irbil = Place("Irbil", "IRQ", 0, 0, resolved="Erbil", subdivision="Arbīl")
    assert ar.place_right(TEXT, irbil, erbil)  # the text's spelling, the gazetteer's name
    assert not ar.place_right(TEXT, replace(irbil, resolved=None), erbil)
    anbar = ar.GoldPlace("Anbar", "Anbar", "IRQ", "Anbar")
    assert ar.place_field_right(
        Place("Anbar", "IRQ", 0, 0, subdivision="Al Anbār"), anbar, "admin1"
    )
    assert not ar.place_field_right(Place("Anbar", "IRQ", 0, 0), anbar, "admin1")
    country = ar.GoldPlace("Syria", "Syria", "SYR", None)
    assert ar.place_field_right(Place("Syria", "SYR", 0, 0), country, "admin1")


# --- the split ---------------------------------------------------------------------------------


def test_the_split_is_the_recorded_half_and_new_ids_go_by_parity() -> None:
    heldout, tune = ar.split_by_rank(ar.SPLIT_IDS)
    assert set(heldout) == ar.HELDOUT
    assert len(heldout) == len(tune) == 8
    assert {ar.part_of(i) for i in ar.HELDOUT} == {"heldout"}
    assert {ar.part_of(i) for i in ar.SPLIT_IDS - ar.HELDOUT} == {"tune"}
    new = [f"voa-{n}" for n in range(40)]
    assert {ar.part_of(i) for i in new} == {"heldout", "tune"}
    parity = {i: int(hashlib.sha1(i.encode()).hexdigest(), 16) % 2 for i in new}
    assert all(ar.part_of(i) == ("heldout" if parity[i] == 0 else "tune") for i in new)
    with pytest.raises(EvalError, match="unknown part"):
        ar.in_part("voa-1", "dev")


# --- matching and scores -----------------------------------------------------------------------


def test_match_is_one_to_one_and_as_large_as_possible() -> None:
    # e0 prefers g0, but e1 can only take g0: augmenting gives e0 -> g1, e1 -> g0.
    pairs = ar.match({0: [((2,), 0), ((1,), 1)], 1: [((1,), 0)]})
    assert pairs == {0: 1, 1: 0}
    assert ar.match({0: [((1,), 0)], 1: [((1,), 0)]}) == {0: 0}  # a duplicate is left out


def test_scores_of_a_hand_made_article() -> None:
    israel, gaza, egypt = actor("Israel", "ISR"), actor("Gaza", at="Gaza"), actor("Egypt", "EGY")
    cairo = span("Cairo")
    events = (
        event("ASSAULT", "attacked", [israel], [gaza], date="2024-05-06", modality="reported"),
        event("ASSAULT", "attacked", [israel], [gaza], n=1, confidence=0.55),  # a duplicate
        event("ACCUSE", "urged", [egypt]),  # right sentence, wrong type
        event(
            "CONSULT",
            "met",
            [actor("Israel", "ISR", at="Israel and"), actor("Egypt", "EGY", at="Egypt met")],
            location=Place("Cairo", "EGY", cairo.start, cairo.end),
        ),  # matches an uncertain gold event: right, but no recall
    )
    scores = ar.score([(GOLD, prediction(*events, quotes=(quote("Sisi"),)))])
    assert scores["gold_events"] == 3 and scores["gold_certain"] == 2
    assert scores["sentence"]["precision"] == pytest.approx(3 / 4)
    assert scores["sentence"]["recall"] == pytest.approx(2 / 2)
    assert scores["type"]["precision"] == pytest.approx(2 / 4)
    assert scores["type"]["recall"] == pytest.approx(1 / 2)
    assert scores["type+actors"]["right"] == 2
    matched = scores["on_matched"]
    assert matched["n"] == 2
    assert matched["date"] == 1.0 and matched["date_n"] == 1 and matched["date_gold_null"] == 1
    assert matched["modality"] == pytest.approx(1 / 2)  # "reported" against "asserted"
    assert matched["source"] == 1.0 and matched["target"] == 1.0
    # Gaza has no codes (the gold says PSE CVL); Israel twice and Egypt are right.
    assert matched["codes_n"] == 4
    assert matched["country"] == pytest.approx(3 / 4)
    places = scores["places"]
    assert places["gold"] == 0  # the only gold place is on an uncertain event
    assert places["given"] == 1 and places["precision"] == 1.0
    assert scores["quotes"]["found"] == 1 and scores["quotes"]["speaker"] == 1.0
    assert scores["per_type"]["ASSAULT"]["precision"] == pytest.approx(1 / 2)
    assert scores["per_type"]["REQUEST"]["recall"] == 0.0
    assert scores["per_type"]["ACCUSE"]["emitted"] == 1
    curve = scores["confidence"]
    assert curve[0.6]["emitted"] == 3  # the duplicate (0.55) is gone
    assert curve[0.6]["precision"] == pytest.approx(2 / 3)
    assert curve[0.9]["emitted"] == 0 and curve[0.9]["precision"] is None


def test_the_trigger_picks_the_gold_event_of_a_sentence() -> None:
    text = "Rebels attacked the town and killed ten people."
    gold = ar.GoldArticle(
        "voa-2",
        None,
        None,
        text,
        events=(
            ar.GoldEvent("Rebels attacked the town", "attacked", "ASSAULT"),
            ar.GoldEvent("and killed ten people", "killed", "ASSAULT", certain=False),
        ),
    )
    killed = text.index("killed")
    emitted = Event(
        "d:V1",
        "d",
        "ASSAULT",
        None,
        "asserted",
        [],
        [],
        None,
        None,
        Span(0, len(text), text),
        Span(killed, killed + 6, "killed"),
        None,
        0.8,
    )
    scores = ar.score([(gold, ar.Prediction(text, (emitted,)))])
    # Paired with the uncertain "killed" (its trigger), not the certain "attacked".
    assert scores["type"]["precision"] == 1.0
    assert scores["type"]["recall"] == 0.0


def test_places_recall_and_precision_on_found_events() -> None:
    gold = dataclasses.replace(
        GOLD,
        events=(
            dataclasses.replace(GOLD.events[2], certain=True),
            dataclasses.replace(GOLD.events[0], location=ar.GoldPlace("Gaza", "Gaza", "PSE")),
        ),
        quotes=(),
    )
    wrong = Place("Tel Aviv", "ISR", 0, 0)
    scores = ar.score(
        [
            (
                gold,
                prediction(
                    event("CONSULT", "met", location=Place("Cairo", "EGY", 0, 0)),
                    event("ASSAULT", "attacked", location=wrong),
                ),
            )
        ]
    )
    places = scores["places"]
    assert places["gold"] == 2 and places["gold_found"] == 2 and places["given"] == 2
    assert places["recall"] == pytest.approx(1 / 2)
    assert places["precision"] == pytest.approx(1 / 2)


def test_quotes_speaker_and_date_rules() -> None:
    wrong = ar.score([(GOLD, prediction(quotes=(quote("Benjamin Netanyahu", "2024-05-07"),)))])
    assert wrong["quotes"]["found"] == 1
    assert wrong["quotes"]["speaker"] == 0.0 and wrong["quotes"]["date"] == 0.0
    nobody = dataclasses.replace(GOLD, quotes=(dataclasses.replace(GOLD.quotes[0], speaker=None),))
    assert ar.score([(nobody, prediction(quotes=(quote(None),)))])["quotes"]["speaker"] == 1.0
    missing = ar.score([(GOLD, prediction())])
    assert missing["quotes"]["recall"] == 0.0 and missing["quotes"]["speaker"] is None


def test_gold_not_in_the_text_is_counted_and_missed() -> None:
    gold = dataclasses.replace(GOLD, events=(ar.GoldEvent("not in this text", "x", "AID"),))
    scores = ar.score([(gold, prediction())])
    assert scores["gold_unlocated"] == 1 and scores["type"]["recall"] == 0.0


def test_load_gold_reads_meta_gold_and_corpus(tmp_path: Path) -> None:
    folder = tmp_path / "voa"
    folder.mkdir()
    (folder / "meta.json").write_text(
        json.dumps({"voa-7": {"corpus": "c", "published": "2024-05-08", "voa_id": "7"}}),
        encoding="utf-8",
    )
    raw_event = {
        "sentence": "Israel attacked Gaza on Monday",
        "trigger": "attacked",
        "type": "ASSAULT",
        "mode": None,
        "source": [{"text": "Israel", "name": "Israel", "country": "ISR", "sector": "GOV"}],
        "target": [],
        "date": "2024-05-06",
        "modality": "asserted",
        "certain": False,
        "location": {"text": "Gaza", "name": "Gaza", "country": "PSE", "kind": "city"},
    }
    (folder / "voa-7.json").write_text(
        json.dumps({"id": "voa-7", "events": [raw_event], "quotes": []}), encoding="utf-8"
    )
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps({"id": "7", "text": TEXT, "title": "T"}) + "\n", encoding="utf-8")
    (article,) = ar.load_gold(tmp_path, corpus)
    assert article.id == "voa-7" and article.published == "2024-05-08" and article.text == TEXT
    (gold_event,) = article.events
    assert not gold_event.certain and gold_event.source[0].country == "ISR"
    assert gold_event.location is not None and gold_event.location.country == "PSE"


def test_report_has_a_column_per_part() -> None:
    scores = ar.score([(GOLD, prediction(event("ASSAULT", "attacked")))])
    text = ar.report(
        {"data": "gold", "part": "all", "seconds": 1.0, "parts": {"heldout": scores, "all": scores}}
    )
    assert "| measure | heldout | all |" in text
    assert "| events, type: precision | 1.000 | 1.000 |" in text
    assert "| ASSAULT | 1 | 1 | 1.000 | 1.000 | 1.000 |" in text


# --- the quality gate ----------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.gold
def test_quality_gate_on_a_fixed_sample_of_articles(
    shared_data: Path, settings: Settings, nlp: Language
) -> None:
    gold = shared_data / "articles-gold" / "voa"
    if not (gold / "meta.json").exists():
        pytest.skip(f"{gold} is not in the shared data (no article-level gold to score)")
    result = ar.evaluate(gold, settings, ids=GATE_SAMPLE, nlp=nlp)
    scores = result["parts"]["all"]
    assert scores["articles"] == len(GATE_SAMPLE)
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))
    measured = {
        "articles.sample4.type_precision": scores["type"]["precision"],
        "articles.sample4.type_recall": scores["type"]["recall"],
        "articles.sample4.type_actors_f1": scores["type+actors"]["f1"],
        "articles.sample4.quotes_recall": scores["quotes"]["recall"],
        "articles.sample4.quotes_speaker": scores["quotes"]["speaker"],
    }
    for key, value in measured.items():
        assert value is not None and value >= floors[key] - TOLERANCE, (key, value, floors[key])
